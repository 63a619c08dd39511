package io.podkit.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a container asks for. Every member may be absent (the JSON key {@code resources} is required,
 * but {@code {}} is allowed) and then takes Marathon's default: 1 cpu, 128 MiB mem, no disk, no gpus.
 */
public record Resources(Optional<Double> cpus, Optional<Double> mem, Optional<Double> disk, Optional<Integer> gpus) {
  public static final double DEFAULT_CPUS = 1.0;
  public static final double DEFAULT_MEM = 128.0;
  public static final double DEFAULT_DISK = 0.0;
  public static final int DEFAULT_GPUS = 0;

  public Resources {
    Objects.requireNonNull(cpus, "cpus");
    Objects.requireNonNull(mem, "mem");
    Objects.requireNonNull(disk, "disk");
    Objects.requireNonNull(gpus, "gpus");
  }

  /** All defaults ({@code {}} in JSON). */
  public static Resources defaults() {
    return new Resources(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static Resources of(double cpus, double mem) {
    return new Resources(Optional.of(cpus), Optional.of(mem), Optional.empty(), Optional.empty());
  }

  public static Resources of(double cpus, double mem, double disk, int gpus) {
    return new Resources(Optional.of(cpus), Optional.of(mem), Optional.of(disk), Optional.of(gpus));
  }

  public double cpusOrDefault() {
    return cpus.orElse(DEFAULT_CPUS);
  }

  public double memOrDefault() {
    return mem.orElse(DEFAULT_MEM);
  }

  public double diskOrDefault() {
    return disk.orElse(DEFAULT_DISK);
  }

  public int gpusOrDefault() {
    return gpus.orElse(DEFAULT_GPUS);
  }
}
