package io.podkit.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A Mesos health check of a container: a failing check kills the task (and with it the pod
 * instance). Absent timings take Marathon's defaults.
 */
public record HealthCheck(
    CheckKind kind,
    Optional<Integer> gracePeriodSeconds,
    Optional<Integer> intervalSeconds,
    Optional<Integer> maxConsecutiveFailures,
    Optional<Integer> timeoutSeconds,
    Optional<Integer> delaySeconds) {

  public static final int DEFAULT_GRACE_PERIOD_SECONDS = 300;
  public static final int DEFAULT_INTERVAL_SECONDS = 60;
  public static final int DEFAULT_MAX_CONSECUTIVE_FAILURES = 3;
  public static final int DEFAULT_TIMEOUT_SECONDS = 20;
  public static final int DEFAULT_DELAY_SECONDS = 15;

  public HealthCheck {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(gracePeriodSeconds, "gracePeriodSeconds");
    Objects.requireNonNull(intervalSeconds, "intervalSeconds");
    Objects.requireNonNull(maxConsecutiveFailures, "maxConsecutiveFailures");
    Objects.requireNonNull(timeoutSeconds, "timeoutSeconds");
    Objects.requireNonNull(delaySeconds, "delaySeconds");
  }

  /** A check of {@code kind} with all timings at their defaults. */
  public static HealthCheck of(CheckKind kind) {
    return new HealthCheck(
        kind, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Same check with explicit grace period, interval, failures, timeout and delay. */
  public HealthCheck withTimings(int gracePeriod, int interval, int maxFailures, int timeout, int delay) {
    return new HealthCheck(kind, Optional.of(gracePeriod), Optional.of(interval), Optional.of(maxFailures),
        Optional.of(timeout), Optional.of(delay));
  }

  public int gracePeriodSecondsOrDefault() {
    return gracePeriodSeconds.orElse(DEFAULT_GRACE_PERIOD_SECONDS);
  }

  public int intervalSecondsOrDefault() {
    return intervalSeconds.orElse(DEFAULT_INTERVAL_SECONDS);
  }

  public int maxConsecutiveFailuresOrDefault() {
    return maxConsecutiveFailures.orElse(DEFAULT_MAX_CONSECUTIVE_FAILURES);
  }

  public int timeoutSecondsOrDefault() {
    return timeoutSeconds.orElse(DEFAULT_TIMEOUT_SECONDS);
  }

  public int delaySecondsOrDefault() {
    return delaySeconds.orElse(DEFAULT_DELAY_SECONDS);
  }
}
