package io.podkit.validation;

import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.ExecutorResources;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import io.podkit.model.Resources;
import io.podkit.model.SchedulingPolicy;
import io.podkit.model.SchedulingPolicy.UpgradeStrategy;
import io.podkit.model.Volume;
import io.podkit.model.normalize.NormalizationConfig;
import io.podkit.model.normalize.PodNormalizationException;
import io.podkit.model.normalize.PodNormalizer;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The rules for replacing a running pod: its previous role stays valid (M-02), a resident pod keeps
 * its role unless forced (M-04), and while either version is resident the persistent volumes, total
 * resources and host ports stay the same and upgrades never go over capacity (G-05..G-08).
 */
final class UpdateRules {
  private static final PodPath MAXIMUM_OVER_CAPACITY = PodPath.of("scheduling", "upgrade", "maximumOverCapacity");
  /** Stands in for a missing default network name: names do not matter to host ports or upgrades. */
  private static final String PLACEHOLDER_NETWORK = "podkit-unnamed";

  private UpdateRules() {}

  /**
   * Adds the update violations of replacing {@code from} by {@code to}; {@code findings} already holds
   * the violations of {@code to} on its own (whose role check, M-02, already allowed the previous
   * role through {@link Findings#previousRole()}).
   */
  static void check(Pod from, Pod to, boolean force, PodNormalizer normalizer, Findings findings) {
    NormalizationConfig config = normalizer.config();
    String previousRole = RoleRules.effectiveRole(from, config);
    String role = RoleRules.effectiveRole(to, config);

    // M-04
    if (!force && to.isResident() && RoleRules.topLevelGroup(to.id()).isPresent() && !role.equals(previousRole)) {
      findings.add(Rule.RESIDENT_ROLE_CHANGE, RoleRules.ROLE, previousRole, role);
    }

    if (!from.isResident() && !to.isResident()) {
      return;
    }
    Pod oldPod = normalize(from, normalizer);
    Pod newPod = normalize(to, normalizer);
    // G-05
    if (!samePersistentVolumes(oldPod, newPod)) {
      findings.add(Rule.UPDATE_PERSISTENT_VOLUMES, PodPath.of("volumes"));
    }
    // G-06
    resource("cpus", oldPod, newPod, ExecutorResources::cpusOrDefault, Resources::cpusOrDefault, findings);
    resource("mem", oldPod, newPod, ExecutorResources::memOrDefault, Resources::memOrDefault, findings);
    resource("disk", oldPod, newPod, ExecutorResources::diskOrDefault, Resources::diskOrDefault, findings);
    resource("gpus", oldPod, newPod, e -> 0.0, Resources::gpusOrDefault, findings);
    // G-07
    if (!hostPorts(oldPod).equals(hostPorts(newPod))) {
      findings.add(Rule.UPDATE_HOST_PORTS, PodPath.root());
    }
    // G-08, unless V-31 already reports the upgrade strategy the user gave a resident pod
    boolean reportedByV31 = to.isResident() && to.scheduling().flatMap(SchedulingPolicy::upgrade).isPresent();
    double maximumOverCapacity = newPod.scheduling().flatMap(SchedulingPolicy::upgrade)
        .map(UpgradeStrategy::maximumOverCapacityOrDefault).orElse(UpgradeStrategy.DEFAULT_MAXIMUM_OVER_CAPACITY);
    if (!reportedByV31 && maximumOverCapacity != 0.0) {
      findings.add(Rule.UPDATE_MAX_OVER_CAPACITY, MAXIMUM_OVER_CAPACITY, String.valueOf(maximumOverCapacity));
    }
  }

  /**
   * The normalized pod. A container network without a name and no default name (reported by V-23)
   * gets a placeholder name, which changes none of what these rules compare.
   */
  private static Pod normalize(Pod pod, PodNormalizer normalizer) {
    try {
      return normalizer.normalize(pod);
    } catch (PodNormalizationException e) {
      return new PodNormalizer(normalizer.config().withDefaultNetworkName(PLACEHOLDER_NETWORK)).normalize(pod);
    }
  }

  /** G-05: the same number of persistent volumes, and each old one unchanged under its name. */
  private static boolean samePersistentVolumes(Pod oldPod, Pod newPod) {
    List<Volume> oldVolumes = persistentVolumes(oldPod);
    List<Volume> newVolumes = persistentVolumes(newPod);
    Map<String, Volume> newByName = new LinkedHashMap<>();
    newVolumes.forEach(v -> newByName.putIfAbsent(v.name(), v));
    return oldVolumes.size() == newVolumes.size()
        && oldVolumes.stream().allMatch(v -> v.equals(newByName.get(v.name())));
  }

  private static List<Volume> persistentVolumes(Pod pod) {
    return pod.volumes().stream().filter(v -> v instanceof Volume.Persistent).toList();
  }

  /** G-06: the executor's amount plus the containers' amounts, compared exactly. */
  private static void resource(String name, Pod oldPod, Pod newPod, ToDoubleFunction<ExecutorResources> executor,
      ToDoubleFunction<Resources> container, Findings findings) {
    if (total(oldPod, executor, container).compareTo(total(newPod, executor, container)) != 0) {
      findings.add(Rule.UPDATE_RESOURCES, PodPath.root(), name);
    }
  }

  private static BigDecimal total(Pod pod, ToDoubleFunction<ExecutorResources> executor,
      ToDoubleFunction<Resources> container) {
    BigDecimal sum = BigDecimal.valueOf(
        executor.applyAsDouble(pod.executorResources().orElse(ExecutorResources.defaults())));
    for (Container c : pod.containers()) {
      sum = sum.add(BigDecimal.valueOf(container.applyAsDouble(c.resources())));
    }
    return sum;
  }

  /** G-07: the set of host ports over all endpoints (0 included). */
  private static Set<Integer> hostPorts(Pod pod) {
    Set<Integer> ports = new HashSet<>();
    for (Container c : pod.containers()) {
      for (Endpoint e : c.endpoints()) {
        e.hostPort().ifPresent(ports::add);
      }
    }
    return ports;
  }
}
