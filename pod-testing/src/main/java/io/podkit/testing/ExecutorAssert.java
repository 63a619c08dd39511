package io.podkit.testing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.mesos.Protos;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the executor of a translated pod: Mesos' default executor, which holds the pod's
 * networks, its labels, its own share of resources and every host port of the pod (tasks never
 * carry ports).
 */
public final class ExecutorAssert extends AbstractAssert<ExecutorAssert, Protos.ExecutorInfo> {
  private final String subject;

  ExecutorAssert(Protos.ExecutorInfo executor, String podSubject) {
    super(executor, ExecutorAssert.class);
    this.subject = "the executor of " + podSubject;
  }

  /**
   * The executor's resources total {@code amount} of the scalar {@code name}, compared at Mesos'
   * three decimals: what the pod's {@code executorResources} (or Marathon's defaults, cpus 0.1,
   * mem 32, disk 10) became.
   */
  public ExecutorAssert hasResource(String name, double amount) {
    Objects.requireNonNull(name, "name");
    List<Protos.Resource> resources = actual.getResourcesList();
    long total = MesosText.scalarMillis(resources, name);
    if (total != MesosText.millis(amount)) {
      throw failure("%s", "Expecting " + subject + " to have " + MesosText.amount(amount) + " " + name + ", but "
          + (MesosText.hasResource(resources, name) ? "it has " + MesosText.amount(total) : "it has no " + name)
          + " (its resources: " + MesosText.resources(resources) + ")");
    }
    return this;
  }

  /** Host port {@code port} is among the executor's {@code ports} resources, i.e. the pod got it. */
  public ExecutorAssert hasPort(int port) {
    boolean found = actual.getResourcesList().stream()
        .filter(r -> r.getName().equals("ports") && r.getType() == Protos.Value.Type.RANGES)
        .flatMap(r -> r.getRanges().getRangeList().stream())
        .anyMatch(range -> range.getBegin() <= port && port <= range.getEnd());
    if (!found) {
      throw failure("%s", "Expecting " + subject + " to hold host port " + port + ", but "
          + (MesosText.hasResource(actual.getResourcesList(), "ports") ? "it does not" : "it holds no ports")
          + " (its resources: " + MesosText.resources(actual.getResourcesList()) + ")");
    }
    return this;
  }

  /** The executor carries label {@code key=value}: the executor carries the pod's labels. */
  public ExecutorAssert hasLabel(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Optional<String> mismatch = MesosText.labelMismatch(actual.getLabels(), key, value, "");
    if (mismatch.isPresent()) {
      throw failure("%s", "Expecting " + subject + " to have label " + key + "=" + value + ", but "
          + mismatch.get());
    }
    return this;
  }

  /**
   * The executor joins the CNI network {@code name}: a container network's name, or the bridge
   * network's ({@code mesos-bridge} unless the translation configuration says otherwise).
   */
  public ExecutorAssert hasNetworkNamed(String name) {
    Objects.requireNonNull(name, "name");
    List<Protos.NetworkInfo> networks = actual.getContainer().getNetworkInfosList();
    if (networks.stream().noneMatch(n -> n.getName().equals(name))) {
      throw failure("%s", "Expecting " + subject + " to join network " + name + ", but "
          + (networks.isEmpty() ? "it joins none (the pod uses the host network)"
              : "it joins " + networks.stream().map(Protos.NetworkInfo::getName).toList()));
    }
    return this;
  }

  /** The executor itself, for checks these assertions do not cover. */
  public Protos.ExecutorInfo executorInfo() {
    return actual;
  }
}
