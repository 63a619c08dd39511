package io.podkit.validation;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything wrong with a pod, all at once; and, when nothing is, the {@link ValidPod}. Violations
 * are ordered by rule group and then by position in the pod, the same for the same input.
 */
public record ValidationReport(List<Violation> violations, Optional<ValidPod> validPod) {
  public ValidationReport {
    violations = ImmutableList.copyOf(violations);
    Objects.requireNonNull(validPod, "validPod");
    if (validPod.isPresent() != violations.isEmpty()) {
      throw new IllegalArgumentException("a report has a valid pod exactly when it has no violations");
    }
  }

  public boolean isValid() {
    return validPod.isPresent();
  }

  /** The valid pod, or a {@link PodValidationException} carrying this report. */
  public ValidPod orElseThrow() {
    return validPod.orElseThrow(() -> new PodValidationException(this));
  }

  /** The violations at {@code marathonPath} (e.g. {@code /containers(0)/name}). */
  public List<Violation> at(String marathonPath) {
    return violations.stream().filter(v -> v.path().marathon().equals(marathonPath)).toList();
  }

  /** The violations of {@code rule}. */
  public List<Violation> of(Rule rule) {
    return violations.stream().filter(v -> v.rule().equals(rule.id())).toList();
  }
}
