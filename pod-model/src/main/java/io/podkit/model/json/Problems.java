package io.podkit.model.json;

import io.podkit.model.PodPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects errors and warnings while a document is read. Counts every error (the reader uses the
 * count to tell whether a subtree failed) but keeps at most {@code maxProblems}, so hostile input
 * with a million bad fields costs bounded memory.
 */
final class Problems {
  private final int maxProblems;
  private final List<ReadProblem> errors = new ArrayList<>();
  private final List<ReadProblem> warnings = new ArrayList<>();
  private int errorCount;
  private boolean truncated;

  Problems(int maxProblems) {
    this.maxProblems = maxProblems;
  }

  void error(ReadRule rule, PodPath path, int line, int column, String message) {
    errorCount++;
    if (errors.size() < maxProblems) {
      errors.add(new ReadProblem(rule, path, line, column, message));
    } else if (!truncated) {
      truncated = true;
      errors.add(new ReadProblem(ReadRule.TOO_MANY_PROBLEMS, PodPath.root(), 0, 0,
          "more than " + maxProblems + " errors; the rest are not listed"));
    }
  }

  void warning(ReadRule rule, PodPath path, int line, int column, String message) {
    if (warnings.size() < maxProblems) {
      warnings.add(new ReadProblem(rule, path, line, column, message));
    }
  }

  /** Errors so far, including those not kept. */
  int errorCount() {
    return errorCount;
  }

  List<ReadProblem> errors() {
    return errors;
  }

  List<ReadProblem> warnings() {
    return warnings;
  }
}
