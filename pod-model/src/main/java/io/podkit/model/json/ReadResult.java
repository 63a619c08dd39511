package io.podkit.model.json;

import com.google.common.collect.ImmutableList;
import io.podkit.model.Pod;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of reading a document: the pod if there were no errors, every error found, the
 * warnings (unknown fields in lenient mode, for example), each with path, line and column, and the
 * {@link SourceMap} that places later problems (validation violations) in the document too.
 */
public record ReadResult(Optional<Pod> pod, List<ReadProblem> errors, List<ReadProblem> warnings, SourceMap sourceMap) {
  public ReadResult {
    Objects.requireNonNull(pod, "pod");
    errors = ImmutableList.copyOf(errors);
    warnings = ImmutableList.copyOf(warnings);
    Objects.requireNonNull(sourceMap, "sourceMap");
    if (pod.isPresent() == !errors.isEmpty()) {
      throw new IllegalArgumentException("a result has a pod exactly when it has no errors");
    }
  }

  /** A result without source positions. */
  public ReadResult(Optional<Pod> pod, List<ReadProblem> errors, List<ReadProblem> warnings) {
    this(pod, errors, warnings, SourceMap.EMPTY);
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
