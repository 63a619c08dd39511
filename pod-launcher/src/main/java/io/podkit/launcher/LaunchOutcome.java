package io.podkit.launcher;

import java.util.Objects;

/**
 * What a {@link PodLauncher} knows after sending an ACCEPT: the master took it (for the v1 API, HTTP
 * 202; the tasks' fate then arrives as status updates), or it failed.
 */
public sealed interface LaunchOutcome permits LaunchOutcome.Accepted, LaunchOutcome.Failed {

  static Accepted accepted() {
    return Accepted.INSTANCE;
  }

  static Failed failed(LaunchFailure failure) {
    return new Failed(failure);
  }

  /** The master accepted the call. */
  record Accepted() implements LaunchOutcome {
    static final Accepted INSTANCE = new Accepted();
  }

  /** The call failed, for {@code failure}. */
  record Failed(LaunchFailure failure) implements LaunchOutcome {
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
