package io.podkit.validation;

import io.podkit.model.PodPath;
import java.util.Objects;

/**
 * One thing wrong with a pod: the stable id of the rule it breaks (a {@link Rule#id()}, or a
 * policy's own id), where (Marathon syntax via {@link #path()}, RFC 6901 via {@link #pointer()}) and
 * a message for a person.
 */
public record Violation(String rule, PodPath path, String message) {
  public Violation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** A violation of {@code rule} at {@code path}, its message formatted with {@code args}. */
  public static Violation of(Rule rule, PodPath path, Object... args) {
    return new Violation(rule.id(), path, rule.format(args));
  }

  /** The path as an RFC 6901 JSON pointer, e.g. {@code /containers/0/endpoints/1/name}. */
  public String pointer() {
    return path.pointer();
  }

  /** {@code path: message [rule]}. */
  @Override
  public String toString() {
    return path.marathon() + ": " + message + " [" + rule + "]";
  }
}
