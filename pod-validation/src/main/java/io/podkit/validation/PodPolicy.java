package io.podkit.validation;

import io.podkit.model.Pod;
import java.util.List;

/**
 * A framework's own rule, checked after podkit's and reported in the same {@link ValidationReport}.
 * Built-in policies live in {@code io.podkit.validation.policy}. Implementations must be
 * thread-safe: one validator serves all threads.
 */
@FunctionalInterface
public interface PodPolicy {
  /** The violations of this policy by {@code pod} (empty if none). */
  List<Violation> check(Pod pod);
}
