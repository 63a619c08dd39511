package io.podkit.model;

import java.util.Objects;
import java.util.Optional;

/** How a container is stopped: seconds between SIGTERM and SIGKILL. */
public record Lifecycle(Optional<Double> killGracePeriodSeconds) {
  public Lifecycle {
    Objects.requireNonNull(killGracePeriodSeconds, "killGracePeriodSeconds");
  }

  public static Lifecycle killGracePeriod(double seconds) {
    return new Lifecycle(Optional.of(seconds));
  }
}
