package io.podkit.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What Marathon does with an instance on an unreachable agent: nothing ({@code "disabled"}), or
 * replace it after {@code inactiveAfterSeconds} and expunge it after {@code expungeAfterSeconds}.
 * The string form is {@code "disabled"} (read ignoring case, like the format's enums; written in
 * lower case); any other string is an error, where Marathon read any string as disabled.
 */
public sealed interface UnreachableStrategy permits UnreachableStrategy.Disabled, UnreachableStrategy.Enabled {

  static Disabled disabled() {
    return Disabled.INSTANCE;
  }

  static Enabled enabled(long inactiveAfterSeconds, long expungeAfterSeconds) {
    return new Enabled(Optional.of(inactiveAfterSeconds), Optional.of(expungeAfterSeconds));
  }

  /** {@code "disabled"}: unreachable instances are left alone. */
  record Disabled() implements UnreachableStrategy {
    /** The JSON spelling. */
    public static final String JSON = "disabled";
    static final Disabled INSTANCE = new Disabled();
  }

  /** Unreachable instances are replaced and later expunged; absent members default to 0. */
  record Enabled(Optional<Long> inactiveAfterSeconds, Optional<Long> expungeAfterSeconds)
      implements UnreachableStrategy {
    public static final long DEFAULT_SECONDS = 0;

    public Enabled {
      Objects.requireNonNull(inactiveAfterSeconds, "inactiveAfterSeconds");
      Objects.requireNonNull(expungeAfterSeconds, "expungeAfterSeconds");
    }

    public long inactiveAfterSecondsOrDefault() {
      return inactiveAfterSeconds.orElse(DEFAULT_SECONDS);
    }

    public long expungeAfterSecondsOrDefault() {
      return expungeAfterSeconds.orElse(DEFAULT_SECONDS);
    }
  }
}
