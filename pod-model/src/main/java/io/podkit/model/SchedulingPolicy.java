package io.podkit.model;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When and where a scheduler places the pod. podkit is not a scheduler: it models these fields
 * faithfully and offers placement evaluation, but does not run deployments or backoff itself.
 */
public record SchedulingPolicy(
    Optional<Backoff> backoff,
    Optional<UpgradeStrategy> upgrade,
    Optional<Placement> placement,
    Optional<KillSelection> killSelection,
    Optional<UnreachableStrategy> unreachableStrategy) {

  public static final KillSelection DEFAULT_KILL_SELECTION = KillSelection.YOUNGEST_FIRST;

  public SchedulingPolicy {
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(upgrade, "upgrade");
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(killSelection, "killSelection");
    Objects.requireNonNull(unreachableStrategy, "unreachableStrategy");
  }

  /** A policy with every member absent. */
  public static SchedulingPolicy empty() {
    return new SchedulingPolicy(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  public SchedulingPolicy withBackoff(Backoff value) {
    return new SchedulingPolicy(Optional.of(value), upgrade, placement, killSelection, unreachableStrategy);
  }

  public SchedulingPolicy withUpgrade(UpgradeStrategy value) {
    return new SchedulingPolicy(backoff, Optional.of(value), placement, killSelection, unreachableStrategy);
  }

  public SchedulingPolicy withPlacement(Placement value) {
    return new SchedulingPolicy(backoff, upgrade, Optional.of(value), killSelection, unreachableStrategy);
  }

  public SchedulingPolicy withKillSelection(KillSelection value) {
    return new SchedulingPolicy(backoff, upgrade, placement, Optional.of(value), unreachableStrategy);
  }

  public SchedulingPolicy withUnreachableStrategy(UnreachableStrategy value) {
    return new SchedulingPolicy(backoff, upgrade, placement, killSelection, Optional.of(value));
  }

  public KillSelection killSelectionOrDefault() {
    return killSelection.orElse(DEFAULT_KILL_SELECTION);
  }

  /** Launch backoff: wait {@code backoff} seconds, times {@code backoffFactor} per failure, at most {@code maxLaunchDelay}. */
  public record Backoff(Optional<Double> backoff, Optional<Double> backoffFactor, Optional<Double> maxLaunchDelay) {
    public static final double DEFAULT_BACKOFF = 1.0;
    public static final double DEFAULT_BACKOFF_FACTOR = 1.15;
    public static final double DEFAULT_MAX_LAUNCH_DELAY = 300.0;

    public Backoff {
      Objects.requireNonNull(backoff, "backoff");
      Objects.requireNonNull(backoffFactor, "backoffFactor");
      Objects.requireNonNull(maxLaunchDelay, "maxLaunchDelay");
    }

    public static Backoff of(double backoff, double backoffFactor, double maxLaunchDelay) {
      return new Backoff(Optional.of(backoff), Optional.of(backoffFactor), Optional.of(maxLaunchDelay));
    }

    public double backoffOrDefault() {
      return backoff.orElse(DEFAULT_BACKOFF);
    }

    public double backoffFactorOrDefault() {
      return backoffFactor.orElse(DEFAULT_BACKOFF_FACTOR);
    }

    public double maxLaunchDelayOrDefault() {
      return maxLaunchDelay.orElse(DEFAULT_MAX_LAUNCH_DELAY);
    }
  }

  /** Rolling-upgrade capacities, each a fraction in [0, 1]. */
  public record UpgradeStrategy(Optional<Double> minimumHealthCapacity, Optional<Double> maximumOverCapacity) {
    public static final double DEFAULT_MINIMUM_HEALTH_CAPACITY = 1.0;
    public static final double DEFAULT_MAXIMUM_OVER_CAPACITY = 1.0;

    public UpgradeStrategy {
      Objects.requireNonNull(minimumHealthCapacity, "minimumHealthCapacity");
      Objects.requireNonNull(maximumOverCapacity, "maximumOverCapacity");
    }

    public static UpgradeStrategy of(double minimumHealthCapacity, double maximumOverCapacity) {
      return new UpgradeStrategy(Optional.of(minimumHealthCapacity), Optional.of(maximumOverCapacity));
    }

    public double minimumHealthCapacityOrDefault() {
      return minimumHealthCapacity.orElse(DEFAULT_MINIMUM_HEALTH_CAPACITY);
    }

    public double maximumOverCapacityOrDefault() {
      return maximumOverCapacity.orElse(DEFAULT_MAXIMUM_OVER_CAPACITY);
    }
  }

  /** Placement constraints and the roles whose offers may be used. */
  public record Placement(List<Constraint> constraints, List<String> acceptedResourceRoles) {
    public Placement {
      constraints = ImmutableList.copyOf(constraints);
      acceptedResourceRoles = ImmutableList.copyOf(acceptedResourceRoles);
    }

    public static Placement of(List<Constraint> constraints, List<String> acceptedResourceRoles) {
      return new Placement(constraints, acceptedResourceRoles);
    }
  }
}
