package io.podkit.testing;

import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import io.podkit.model.json.SourceMap;
import io.podkit.validation.Violation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A pod under test and where it came from: the file or resource name that failure messages show,
 * and the source map that turns a violation's path into a line and column of that file.
 *
 * @param pod the pod; {@code null} when a test asserts on a null pod, which the asserts report
 * @param file the name the user gave for the file or resource, empty for a pod built in code
 * @param sourceMap where each part of the file is; {@link SourceMap#EMPTY} without a file
 * @param normalized whether this is the normalized form of the pod that was read
 */
record PodSource(Pod pod, Optional<String> file, SourceMap sourceMap, boolean normalized) {
  PodSource {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sourceMap, "sourceMap");
  }

  /** A pod built in code: no file, no positions. */
  static PodSource of(Pod pod) {
    return new PodSource(pod, Optional.empty(), SourceMap.EMPTY, false);
  }

  /**
   * The normalized form of this pod. The paths of everything the user wrote are unchanged by
   * normalization, so the source map still places violations; defaults it added are placed at
   * their nearest written ancestor.
   */
  PodSource normalizedAs(Pod normalizedPod) {
    return new PodSource(normalizedPod, file, sourceMap, true);
  }

  /** "pod /shop/web (pods/web.json)", for the first line of a failure message. */
  String describe() {
    String id = pod == null ? "null pod" : "pod " + pod.id();
    return (normalized ? "normalized " : "") + id + file.map(f -> " (" + f + ")").orElse("");
  }

  /**
   * {@code file:line:column: } for a path of a pod read from a file, the prefix podkit's reader
   * and {@code podctl} use, so a failed test points at the line to fix; empty for pods built in code.
   */
  String locate(PodPath path) {
    if (file.isEmpty()) {
      return "";
    }
    return sourceMap.positionOf(path)
        .map(p -> file.get() + ":" + p.line() + ":" + p.column() + ": ")
        .orElse(file.get() + ": ");
  }

  /** One indented line per violation, located in the file where there is one. */
  String list(List<Violation> violations) {
    return violations.stream()
        .map(v -> "  " + locate(v.path()) + v.path().marathon() + ": " + v.message() + " [" + v.rule() + "]")
        .collect(Collectors.joining("\n"));
  }
}
