package io.podkit.model.json;

import com.google.common.collect.ImmutableList;
import io.podkit.model.Pod;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of reading a document: the pod if there were no errors, every error found, and the
 * warnings (unknown fields in lenient mode, for example), each with path, line and column.
 */
public record ReadResult(Optional<Pod> pod, List<ReadProblem> errors, List<ReadProblem> warnings) {
  public ReadResult {
    Objects.requireNonNull(pod, "pod");
    errors = ImmutableList.copyOf(errors);
    warnings = ImmutableList.copyOf(warnings);
    if (pod.isPresent() == !errors.isEmpty()) {
      throw new IllegalArgumentException("a result has a pod exactly when it has no errors");
    }
  }

  /** Whether the document was read into a pod. */
  public boolean ok() {
    return pod.isPresent();
  }

  /** The pod, or a {@link PodReadException} listing the errors. */
  public Pod orElseThrow() {
    return pod.orElseThrow(() -> new PodReadException(errors));
  }
}
