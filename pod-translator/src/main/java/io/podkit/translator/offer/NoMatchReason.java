package io.podkit.translator.offer;

import java.util.Objects;

/**
 * One reason an offer does not fit a pod, with what was asked and what was available where that
 * applies (Fenzo's {@code AssignmentFailure} style), for logs and for the framework's user.
 */
public record NoMatchReason(Kind kind, String asked, String available, String message) {
  /** The kinds of Marathon's NoMatch reasons, plus podkit's role check. */
  public enum Kind {
    INSUFFICIENT_CPUS,
    INSUFFICIENT_MEM,
    INSUFFICIENT_DISK,
    INSUFFICIENT_GPUS,
    INSUFFICIENT_PORTS,
    /** No offered resource has a role the pod accepts. */
    UNFULFILLED_ROLE,
    /** The offer is allocated to a role other than the pod's. */
    ROLE_NOT_ACCEPTED,
    /** A placement constraint does not hold on this agent. */
    UNFULFILLED_CONSTRAINT,
    /** A resident pod's offer holds neither reservable resources nor its reservation. */
    NO_CORRESPONDING_RESERVATION
  }

  public NoMatchReason {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(asked, "asked");
    Objects.requireNonNull(available, "available");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return kind + ": " + message;
  }
}
