package io.podkit.model.json;

import io.podkit.model.PodPath;
import java.util.Objects;

/**
 * One thing wrong (or, as a warning, worth knowing) about a document: which rule, where (path, line,
 * column, 1-based; 0 when unknown) and a message for a person.
 */
public record ReadProblem(ReadRule rule, PodPath path, int line, int column, String message) {
  public ReadProblem {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** The location as an RFC 6901 JSON pointer. */
  public String pointer() {
    return path.pointer();
  }

  /** Compiler style: {@code line:column: path: message}. */
  @Override
  public String toString() {
    return line + ":" + column + ": " + path.marathon() + ": " + message;
  }
}
