package io.podkit.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Marathon pod definition: containers launched together, atomically, on one agent. This is the
 * definition as written (read from JSON or built in code); optional members stay absent until
 * {@link io.podkit.model.normalize.PodNormalizer} fills in Marathon's defaults. Collections are never
 * null and keep their order; empty means absent.
 */
public record Pod(
    String id,
    Map<String, String> labels,
    Optional<OffsetDateTime> version,
    Optional<String> user,
    Map<String, EnvValue> environment,
    List<Container> containers,
    Map<String, Secret> secrets,
    List<Volume> volumes,
    List<Network> networks,
    Optional<ScalingPolicy> scaling,
    Optional<SchedulingPolicy> scheduling,
    Optional<ExecutorResources> executorResources,
    Optional<String> role,
    Optional<LinuxInfo> linuxInfo,
    Optional<Boolean> legacySharedCgroups) {

  public Pod {
    Objects.requireNonNull(id, "id");
    labels = ImmutableMap.copyOf(labels);
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(user, "user");
    environment = ImmutableMap.copyOf(environment);
    containers = ImmutableList.copyOf(containers);
    secrets = ImmutableMap.copyOf(secrets);
    volumes = ImmutableList.copyOf(volumes);
    networks = ImmutableList.copyOf(networks);
    Objects.requireNonNull(scaling, "scaling");
    Objects.requireNonNull(scheduling, "scheduling");
    Objects.requireNonNull(executorResources, "executorResources");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(linuxInfo, "linuxInfo");
    Objects.requireNonNull(legacySharedCgroups, "legacySharedCgroups");
  }

  /** A builder for a pod with path id {@code id}, e.g. {@code "/web"}. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder starting from this pod. */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.labels.putAll(labels);
    b.version = version;
    b.user = user;
    b.environment.putAll(environment);
    b.containers.addAll(containers);
    b.secrets.putAll(secrets);
    b.volumes.addAll(volumes);
    b.networks.addAll(networks);
    b.scaling = scaling;
    b.scheduling = scheduling;
    b.executorResources = executorResources;
    b.role = role;
    b.linuxInfo = linuxInfo;
    b.legacySharedCgroups = legacySharedCgroups;
    return b;
  }

  /** The number of instances asked for: 1 when {@code scaling} is absent. */
  public int instancesOrDefault() {
    return scaling.map(ScalingPolicy::instancesOrDefault).orElse(ScalingPolicy.DEFAULT_INSTANCES);
  }

  /**
   * The non-empty segments of a pod id, in order: {@code /product//frontend/} gives {@code
   * [product, frontend]}. Every name derived from a pod id (the safe id, {@code MARATHON_APP_ID},
   * the discovery name, the parent group) is built from these.
   */
  public static List<String> idSegments(String id) {
    List<String> segments = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= id.length(); i++) {
      if (i == id.length() || id.charAt(i) == '/') {
        if (i > start) {
          segments.add(id.substring(start, i));
        }
        start = i + 1;
      }
    }
    return segments;
  }

  /**
   * The safe id of a pod id (Marathon's {@code safePath}): its segments joined with {@code _}, as in
   * every id of the pod's instances, tasks and reserved volumes (translation-rules A.3).
   */
  public static String safeId(String id) {
    return String.join("_", idSegments(id));
  }

  /** Whether the pod has a persistent volume, which makes it "resident" (reserved resources). */
  public boolean isResident() {
    for (Volume v : volumes) {
      if (v instanceof Volume.Persistent) {
        return true;
      }
    }
    return false;
  }

  /** The container named {@code name}, if any. */
  public Optional<Container> container(String name) {
    return containers.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** Builds a {@link Pod}; unset optional members stay absent, as in JSON. */
  public static final class Builder {
    private String id;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private Optional<OffsetDateTime> version = Optional.empty();
    private Optional<String> user = Optional.empty();
    private final Map<String, EnvValue> environment = new LinkedHashMap<>();
    private final List<Container> containers = new ArrayList<>();
    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    private final List<Volume> volumes = new ArrayList<>();
    private final List<Network> networks = new ArrayList<>();
    private Optional<ScalingPolicy> scaling = Optional.empty();
    private Optional<SchedulingPolicy> scheduling = Optional.empty();
    private Optional<ExecutorResources> executorResources = Optional.empty();
    private Optional<String> role = Optional.empty();
    private Optional<LinuxInfo> linuxInfo = Optional.empty();
    private Optional<Boolean> legacySharedCgroups = Optional.empty();

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    public Builder id(String value) {
      this.id = Objects.requireNonNull(value, "id");
      return this;
    }

    public Builder label(String key, String value) {
      this.labels.put(key, value);
      return this;
    }

    public Builder version(OffsetDateTime value) {
      this.version = Optional.of(value);
      return this;
    }

    public Builder user(String value) {
      this.user = Optional.of(value);
      return this;
    }

    public Builder env(String name, String value) {
      this.environment.put(name, EnvValue.of(value));
      return this;
    }

    public Builder envSecret(String name, String secretName) {
      this.environment.put(name, EnvValue.secret(secretName));
      return this;
    }

    public Builder container(Container value) {
      this.containers.add(Objects.requireNonNull(value, "container"));
      return this;
    }

    public Builder container(Container.Builder value) {
      return container(value.build());
    }

    /** Replaces all containers. */
    public Builder containers(List<Container> values) {
      this.containers.clear();
      this.containers.addAll(values);
      return this;
    }

    public Builder secret(String name, String source) {
      this.secrets.put(name, new Secret(source));
      return this;
    }

    public Builder volume(Volume value) {
      this.volumes.add(Objects.requireNonNull(value, "volume"));
      return this;
    }

    public Builder network(Network value) {
      this.networks.add(Objects.requireNonNull(value, "network"));
      return this;
    }

    public Builder scaling(ScalingPolicy value) {
      this.scaling = Optional.of(value);
      return this;
    }

    /** A fixed number of instances. */
    public Builder instances(int instances) {
      return scaling(ScalingPolicy.fixed(instances));
    }

    public Builder scheduling(SchedulingPolicy value) {
      this.scheduling = Optional.of(value);
      return this;
    }

    public Builder executorResources(ExecutorResources value) {
      this.executorResources = Optional.of(value);
      return this;
    }

    public Builder role(String value) {
      this.role = Optional.of(value);
      return this;
    }

    public Builder linuxInfo(LinuxInfo value) {
      this.linuxInfo = Optional.of(value);
      return this;
    }

    public Builder legacySharedCgroups(boolean value) {
      this.legacySharedCgroups = Optional.of(value);
      return this;
    }

    public Pod build() {
      return new Pod(id, labels, version, user, environment, containers, secrets, volumes, networks, scaling,
          scheduling, executorResources, role, linuxInfo, legacySharedCgroups);
    }
  }
}
