package io.podkit.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Root of pod-validation's exceptions: a pod was required to be valid and is not. It carries the
 * full {@link #report()}. Invalid input is normally a {@link ValidationReport} value, not an
 * exception; this is thrown only by {@link ValidationReport#orElseThrow()}.
 */
public class PodValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ValidationReport report;

  public PodValidationException(ValidationReport report) {
    super(summary(report.violations()));
    this.report = report;
  }

  public ValidationReport report() {
    return report;
  }

  private static String summary(List<Violation> violations) {
    return violations.size() + (violations.size() == 1 ? " violation" : " violations") + ":\n"
        + violations.stream().map(Violation::toString).collect(Collectors.joining("\n"));
  }
}
