package io.podkit.model.normalize;

import io.podkit.model.Artifact;
import io.podkit.model.Check;
import io.podkit.model.CheckKind;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.ExecutorResources;
import io.podkit.model.HealthCheck;
import io.podkit.model.LinuxInfo;
import io.podkit.model.Network;
import io.podkit.model.NetworkMode;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import io.podkit.model.Resources;
import io.podkit.model.ScalingPolicy;
import io.podkit.model.SchedulingPolicy;
import io.podkit.model.SchedulingPolicy.Backoff;
import io.podkit.model.SchedulingPolicy.Placement;
import io.podkit.model.SchedulingPolicy.UpgradeStrategy;
import io.podkit.model.UnreachableStrategy;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies Marathon's normalization and defaults (pod-schema.md section 5), giving the fully defaulted
 * pod that Marathon stores and returns: every member with a default becomes explicit, so the
 * translator and the user see exactly what will run.
 *
 * <p>In order: unnamed container networks get the default network name; without a container
 * network, endpoints without a host port get 0 (dynamic); a pod without role gets the default role;
 * a resident pod (one with a persistent volume) gets upgrade {0.5, 0} and unreachable
 * {@code disabled} unless given; then every remaining default is filled in. A
 * {@code legacySharedCgroups} of {@code false} is dropped, as Marathon does. Normalizing twice
 * changes nothing.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PodNormalizer {
  /** Marathon's upgrade strategy for resident pods: keep half, never over capacity. */
  public static final UpgradeStrategy RESIDENT_UPGRADE = UpgradeStrategy.of(0.5, 0.0);

  private final NormalizationConfig config;

  public PodNormalizer(NormalizationConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** A normalizer with Marathon's default settings. */
  public static PodNormalizer withDefaults() {
    return new PodNormalizer(NormalizationConfig.DEFAULT);
  }

  public NormalizationConfig config() {
    return config;
  }

  /**
   * The normalized pod.
   *
   * @throws PodNormalizationException if a container network has no name and no default is configured
   */
  public Pod normalize(Pod pod) {
    List<Network> networks = networks(pod.networks());
    boolean containerNetwork = networks.stream().anyMatch(n -> n.modeOrDefault() == NetworkMode.CONTAINER);
    List<Container> containers = new ArrayList<>(pod.containers().size());
    for (Container c : pod.containers()) {
      containers.add(container(c, containerNetwork));
    }
    return new Pod(
        pod.id(),
        pod.labels(),
        pod.version(),
        pod.user(),
        pod.environment(),
        containers,
        pod.secrets(),
        pod.volumes().stream().map(PodNormalizer::volume).toList(),
        networks,
        Optional.of(ScalingPolicy.fixed(pod.instancesOrDefault())),
        Optional.of(scheduling(pod.scheduling().orElse(SchedulingPolicy.empty()), pod.isResident())),
        Optional.of(executorResources(pod.executorResources().orElse(ExecutorResources.defaults()))),
        Optional.of(pod.role().orElseGet(() -> defaultRole(pod.id()))),
        pod.linuxInfo(),
        pod.legacySharedCgroups().filter(Boolean::booleanValue));
  }

  private List<Network> networks(List<Network> networks) {
    List<Network> out = new ArrayList<>(networks.size());
    for (int i = 0; i < networks.size(); i++) {
      Network n = networks.get(i);
      NetworkMode mode = n.modeOrDefault();
      Optional<String> name = n.name();
      if (mode == NetworkMode.CONTAINER && name.isEmpty()) {
        PodPath path = PodPath.of("networks", i, "name");
        name = Optional.of(config.defaultNetworkName().orElseThrow(() -> new PodNormalizationException(path,
            "container network name is not defined, and no default network name is configured")));
      }
      out.add(new Network(name, Optional.of(mode), n.labels()));
    }
    return out;
  }

  /**
   * Marathon's default role for a pod with id {@code podId} (N-05): the top-level group's name if that
   * group enforces its role, else {@code --mesos_role}.
   */
  public String defaultRole(String podId) {
    return topLevelGroup(podId).filter(config.enforceRoleGroups()::contains).orElse(config.mesosRole());
  }

  /** The top-level group of a pod id, e.g. {@code dev} for {@code /dev/db}; empty directly under {@code /}. */
  public static Optional<String> topLevelGroup(String podId) {
    String trimmed = podId.startsWith("/") ? podId.substring(1) : podId;
    int slash = trimmed.indexOf('/');
    return slash > 0 ? Optional.of(trimmed.substring(0, slash)) : Optional.empty();
  }

  private static Container container(Container c, boolean containerNetwork) {
    // Without a container network every endpoint maps a host port: 0 asks for a dynamic one.
    List<Endpoint> endpoints = c.endpoints().stream()
        .map(e -> containerNetwork || e.hostPort().isPresent() ? e : e.toBuilder().hostPort(0).build())
        .toList();
    return new Container(c.name(), c.exec(), resources(c.resources()), c.resourceLimits(), endpoints,
        c.linuxInfo().map(PodNormalizer::linuxInfo), c.image(), c.environment(), c.user(),
        c.healthCheck().map(PodNormalizer::healthCheck), c.check().map(PodNormalizer::check),
        c.volumeMounts().stream()
            .map(m -> new VolumeMount(m.name(), m.mountPath(), Optional.of(m.readOnlyOrDefault()))).toList(),
        c.artifacts().stream().map(PodNormalizer::artifact).toList(),
        c.labels(), c.lifecycle(), c.tty());
  }

  private static Resources resources(Resources r) {
    return Resources.of(r.cpusOrDefault(), r.memOrDefault(), r.diskOrDefault(), r.gpusOrDefault());
  }

  private static LinuxInfo linuxInfo(LinuxInfo info) {
    return new LinuxInfo(
        info.seccomp().map(s -> new LinuxInfo.Seccomp(s.profileName(), Optional.of(s.unconfinedOrDefault()))),
        info.ipcInfo());
  }

  private static HealthCheck healthCheck(HealthCheck hc) {
    return new HealthCheck(checkKind(hc.kind()), Optional.of(hc.gracePeriodSecondsOrDefault()),
        Optional.of(hc.intervalSecondsOrDefault()), Optional.of(hc.maxConsecutiveFailuresOrDefault()),
        Optional.of(hc.timeoutSecondsOrDefault()), Optional.of(hc.delaySecondsOrDefault()));
  }

  private static Check check(Check c) {
    return new Check(checkKind(c.kind()), Optional.of(c.intervalSecondsOrDefault()),
        Optional.of(c.timeoutSecondsOrDefault()), Optional.of(c.delaySecondsOrDefault()));
  }

  private static CheckKind checkKind(CheckKind kind) {
    if (kind instanceof CheckKind.Http h) {
      return new CheckKind.Http(h.endpoint(), h.path(), Optional.of(h.schemeOrDefault()));
    }
    return kind;
  }

  private static Artifact artifact(Artifact a) {
    return new Artifact(a.uri(), Optional.of(a.extractOrDefault()), Optional.of(a.executableOrDefault()),
        Optional.of(a.cacheOrDefault()), a.destPath());
  }

  private static Volume volume(Volume v) {
    if (v instanceof Volume.Persistent p) {
      PersistentVolumeInfo info = p.persistent();
      return new Volume.Persistent(p.name(), new PersistentVolumeInfo(Optional.of(info.typeOrDefault()), info.size(),
          info.maxSize(), info.profileName(), info.constraints()));
    }
    return v;
  }

  private static SchedulingPolicy scheduling(SchedulingPolicy s, boolean resident) {
    Backoff b = s.backoff().orElse(new Backoff(Optional.empty(), Optional.empty(), Optional.empty()));
    UpgradeStrategy u = s.upgrade().orElse(resident ? RESIDENT_UPGRADE
        : new UpgradeStrategy(Optional.empty(), Optional.empty()));
    UnreachableStrategy unreachable = s.unreachableStrategy().orElse(resident ? UnreachableStrategy.disabled()
        : new UnreachableStrategy.Enabled(Optional.empty(), Optional.empty()));
    if (unreachable instanceof UnreachableStrategy.Enabled e) {
      unreachable = UnreachableStrategy.enabled(e.inactiveAfterSecondsOrDefault(), e.expungeAfterSecondsOrDefault());
    }
    return new SchedulingPolicy(
        Optional.of(Backoff.of(b.backoffOrDefault(), b.backoffFactorOrDefault(), b.maxLaunchDelayOrDefault())),
        Optional.of(UpgradeStrategy.of(u.minimumHealthCapacityOrDefault(), u.maximumOverCapacityOrDefault())),
        Optional.of(s.placement().orElse(Placement.of(List.of(), List.of()))),
        Optional.of(s.killSelectionOrDefault()),
        Optional.of(unreachable));
  }

  private static ExecutorResources executorResources(ExecutorResources r) {
    return ExecutorResources.of(r.cpusOrDefault(), r.memOrDefault(), r.diskOrDefault());
  }
}
