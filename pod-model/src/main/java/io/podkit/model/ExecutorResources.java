package io.podkit.model;

import java.util.Objects;
import java.util.Optional;

/** Resources reserved for the pod's executor; absent members default to 0.1 cpus, 32 MiB mem, 10 MiB disk. */
public record ExecutorResources(Optional<Double> cpus, Optional<Double> mem, Optional<Double> disk) {
  public static final double DEFAULT_CPUS = 0.1;
  public static final double DEFAULT_MEM = 32.0;
  public static final double DEFAULT_DISK = 10.0;

  public ExecutorResources {
    Objects.requireNonNull(cpus, "cpus");
    Objects.requireNonNull(mem, "mem");
    Objects.requireNonNull(disk, "disk");
  }

  public static ExecutorResources defaults() {
    return new ExecutorResources(Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static ExecutorResources of(double cpus, double mem, double disk) {
    return new ExecutorResources(Optional.of(cpus), Optional.of(mem), Optional.of(disk));
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
}
