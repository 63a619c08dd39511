package io.podkit.model;

import java.util.Objects;
import java.util.Optional;

/** Burst limits above a container's requested cpus and mem; forbidden with legacy shared cgroups. */
public record ResourceLimits(Optional<ResourceLimit> cpus, Optional<ResourceLimit> mem) {
  public ResourceLimits {
    Objects.requireNonNull(cpus, "cpus");
    Objects.requireNonNull(mem, "mem");
  }

  public static ResourceLimits of(ResourceLimit cpus, ResourceLimit mem) {
    return new ResourceLimits(Optional.ofNullable(cpus), Optional.ofNullable(mem));
  }
}
