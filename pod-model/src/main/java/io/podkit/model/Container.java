package io.podkit.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One container of a pod; it becomes one Mesos task of the pod's task group. Collections are never
 * null (empty means absent); optional members keep "absent" apart from their defaults.
 */
public record Container(
    String name,
    Optional<Exec> exec,
    Resources resources,
    Optional<ResourceLimits> resourceLimits,
    List<Endpoint> endpoints,
    Optional<LinuxInfo> linuxInfo,
    Optional<Image> image,
    Map<String, EnvValue> environment,
    Optional<String> user,
    Optional<HealthCheck> healthCheck,
    Optional<Check> check,
    List<VolumeMount> volumeMounts,
    List<Artifact> artifacts,
    Map<String, String> labels,
    Optional<Lifecycle> lifecycle,
    Optional<Boolean> tty) {

  public Container {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(exec, "exec");
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(resourceLimits, "resourceLimits");
    endpoints = ImmutableList.copyOf(endpoints);
    Objects.requireNonNull(linuxInfo, "linuxInfo");
    Objects.requireNonNull(image, "image");
    environment = ImmutableMap.copyOf(environment);
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(healthCheck, "healthCheck");
    Objects.requireNonNull(check, "check");
    volumeMounts = ImmutableList.copyOf(volumeMounts);
    artifacts = ImmutableList.copyOf(artifacts);
    labels = ImmutableMap.copyOf(labels);
    Objects.requireNonNull(lifecycle, "lifecycle");
    Objects.requireNonNull(tty, "tty");
  }

  /** A builder for a container named {@code name}, with default resources ({@code {}}). */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A builder starting from this container. */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.exec = exec;
    b.resources = resources;
    b.resourceLimits = resourceLimits;
    b.endpoints.addAll(endpoints);
    b.linuxInfo = linuxInfo;
    b.image = image;
    b.environment.putAll(environment);
    b.user = user;
    b.healthCheck = healthCheck;
    b.check = check;
    b.volumeMounts.addAll(volumeMounts);
    b.artifacts.addAll(artifacts);
    b.labels.putAll(labels);
    b.lifecycle = lifecycle;
    b.tty = tty;
    return b;
  }

  /** Builds a {@link Container}; unset optional members stay absent, as in JSON. */
  public static final class Builder {
    private String name;
    private Optional<Exec> exec = Optional.empty();
    private Resources resources = Resources.defaults();
    private Optional<ResourceLimits> resourceLimits = Optional.empty();
    private final List<Endpoint> endpoints = new ArrayList<>();
    private Optional<LinuxInfo> linuxInfo = Optional.empty();
    private Optional<Image> image = Optional.empty();
    private final Map<String, EnvValue> environment = new LinkedHashMap<>();
    private Optional<String> user = Optional.empty();
    private Optional<HealthCheck> healthCheck = Optional.empty();
    private Optional<Check> check = Optional.empty();
    private final List<VolumeMount> volumeMounts = new ArrayList<>();
    private final List<Artifact> artifacts = new ArrayList<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private Optional<Lifecycle> lifecycle = Optional.empty();
    private Optional<Boolean> tty = Optional.empty();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder name(String value) {
      this.name = Objects.requireNonNull(value, "name");
      return this;
    }

    public Builder exec(Exec value) {
      this.exec = Optional.of(value);
      return this;
    }

    /** Runs {@code shell} through {@code /bin/sh -c}. */
    public Builder shell(String shell) {
      return exec(Exec.of(Command.shell(shell)));
    }

    /** Runs {@code argv} without a shell. */
    public Builder argv(String... argv) {
      return exec(Exec.of(Command.argv(argv)));
    }

    public Builder resources(Resources value) {
      this.resources = Objects.requireNonNull(value, "resources");
      return this;
    }

    public Builder resources(double cpus, double mem) {
      return resources(Resources.of(cpus, mem));
    }

    public Builder resourceLimits(ResourceLimits value) {
      this.resourceLimits = Optional.of(value);
      return this;
    }

    public Builder endpoint(Endpoint value) {
      this.endpoints.add(Objects.requireNonNull(value, "endpoint"));
      return this;
    }

    public Builder linuxInfo(LinuxInfo value) {
      this.linuxInfo = Optional.of(value);
      return this;
    }

    public Builder image(Image value) {
      this.image = Optional.of(value);
      return this;
    }

    /** Uses the Docker image {@code id}. */
    public Builder image(String id) {
      return image(Image.docker(id));
    }

    public Builder env(String name, String value) {
      this.environment.put(name, EnvValue.of(value));
      return this;
    }

    public Builder envSecret(String name, String secretName) {
      this.environment.put(name, EnvValue.secret(secretName));
      return this;
    }

    public Builder user(String value) {
      this.user = Optional.of(value);
      return this;
    }

    public Builder healthCheck(HealthCheck value) {
      this.healthCheck = Optional.of(value);
      return this;
    }

    public Builder check(Check value) {
      this.check = Optional.of(value);
      return this;
    }

    public Builder volumeMount(VolumeMount value) {
      this.volumeMounts.add(Objects.requireNonNull(value, "volumeMount"));
      return this;
    }

    public Builder artifact(Artifact value) {
      this.artifacts.add(Objects.requireNonNull(value, "artifact"));
      return this;
    }

    public Builder label(String key, String value) {
      this.labels.put(key, value);
      return this;
    }

    public Builder lifecycle(Lifecycle value) {
      this.lifecycle = Optional.of(value);
      return this;
    }

    public Builder tty(boolean value) {
      this.tty = Optional.of(value);
      return this;
    }

    public Container build() {
      return new Container(name, exec, resources, resourceLimits, endpoints, linuxInfo, image, environment, user,
          healthCheck, check, volumeMounts, artifacts, labels, lifecycle, tty);
    }
  }
}
