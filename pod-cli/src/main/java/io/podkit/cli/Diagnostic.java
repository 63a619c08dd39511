package io.podkit.cli;

import com.google.gson.JsonObject;
import io.podkit.model.PodPath;
import io.podkit.model.json.ReadProblem;
import io.podkit.model.json.SourceMap;
import io.podkit.validation.Violation;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem of a pod file, whatever found it: the reader (shape errors, unknown fields, with their
 * own line and column) or the validator (rule violations, placed in the file through the reader's
 * {@link SourceMap}). One type for both is what lets every command print them the same way, like a
 * compiler: {@code FILE:LINE:COLUMN: path: message}.
 *
 * @param rule the {@code ReadRule} id or the validation rule id
 * @param line 1-based; 0 when the position is unknown
 * @param column 1-based; 0 when the position is unknown
 */
record Diagnostic(boolean warning, String rule, PodPath path, int line, int column, String message) {
  Diagnostic {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** A problem the reader reported. */
  static Diagnostic of(ReadProblem problem, boolean warning) {
    return new Diagnostic(warning, problem.rule().id(), problem.path(), problem.line(), problem.column(),
        problem.message());
  }

  /** A validation violation, at the position of its path (or its nearest present ancestor) in the file. */
  static Diagnostic of(Violation violation, SourceMap sourceMap) {
    SourceMap.Position at = sourceMap.positionOf(violation.path()).orElse(new SourceMap.Position(0, 0));
    return new Diagnostic(false, violation.rule(), violation.path(), at.line(), at.column(), violation.message());
  }

  /**
   * Compiler style: {@code FILE:LINE:COLUMN: path: message}, warnings marked {@code (warning)}; always
   * one line, whatever the pod's keys hold ({@link TerminalText}).
   */
  String format(Path file) {
    return file + ":" + line + ":" + column + ": " + TerminalText.escape(path.marathon()) + ": "
        + TerminalText.escape(message) + (warning ? " (warning)" : "");
  }

  /** The JSON form of {@code podctl validate --output json}. */
  JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("path", path.marathon());
    o.addProperty("pointer", path.pointer());
    o.addProperty("message", message);
    o.addProperty("rule", rule);
    o.addProperty("line", line);
    o.addProperty("column", column);
    return o;
  }
}
