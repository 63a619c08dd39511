package io.podkit.validation;

import io.podkit.model.Pod;
import java.util.Objects;

/**
 * A pod that passed {@link PodValidator}, normalized with the validator's configuration. Only the
 * validator creates one, so code that takes a {@code ValidPod} (the translator) can never be handed
 * an unvalidated pod by mistake.
 */
public final class ValidPod {
  private final Pod original;
  private final Pod pod;
  private final boolean enforcesGroupRole;

  ValidPod(Pod original, Pod normalized, boolean enforcesGroupRole) {
    this.original = Objects.requireNonNull(original, "original");
    this.pod = Objects.requireNonNull(normalized, "normalized");
    this.enforcesGroupRole = enforcesGroupRole;
  }

  /** The normalized pod: every default explicit, container networks named, roles filled in. */
  public Pod pod() {
    return pod;
  }

  /**
   * Whether the pod's top-level group enforces its role (the validator's configuration says which
   * groups do); tasks see it as {@code MARATHON_APP_ENFORCE_GROUP_ROLE}.
   */
  public boolean enforcesGroupRole() {
    return enforcesGroupRole;
  }

  /** The pod as it was given to the validator. */
  public Pod original() {
    return original;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValidPod other && pod.equals(other.pod) && original.equals(other.original)
        && enforcesGroupRole == other.enforcesGroupRole;
  }

  @Override
  public int hashCode() {
    return pod.hashCode();
  }

  @Override
  public String toString() {
    return "ValidPod[" + pod.id() + "]";
  }
}
