package io.podkit.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A Mesos check of a container: like a health check, but only reported, never fatal. Marathon
 * parsed and then dropped it; podkit keeps it and translates it to {@code TaskInfo.check}.
 */
public record Check(
    CheckKind kind, Optional<Integer> intervalSeconds, Optional<Integer> timeoutSeconds, Optional<Integer> delaySeconds) {

  public static final int DEFAULT_INTERVAL_SECONDS = 60;
  public static final int DEFAULT_TIMEOUT_SECONDS = 20;
  public static final int DEFAULT_DELAY_SECONDS = 15;

  public Check {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(intervalSeconds, "intervalSeconds");
    Objects.requireNonNull(timeoutSeconds, "timeoutSeconds");
    Objects.requireNonNull(delaySeconds, "delaySeconds");
  }

  public static Check of(CheckKind kind) {
    return new Check(kind, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public int intervalSecondsOrDefault() {
    return intervalSeconds.orElse(DEFAULT_INTERVAL_SECONDS);
  }

  public int timeoutSecondsOrDefault() {
    return timeoutSeconds.orElse(DEFAULT_TIMEOUT_SECONDS);
  }

  public int delaySecondsOrDefault() {
    return delaySeconds.orElse(DEFAULT_DELAY_SECONDS);
  }
}
