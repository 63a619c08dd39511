package io.podkit.validation;

import io.podkit.model.PodPath;
import java.util.ArrayList;
import java.util.List;

/** Collects the violations of one validation run, with the configuration the rules need. */
final class Findings {
  private final ValidationConfig config;
  private final List<Violation> violations = new ArrayList<>();

  Findings(ValidationConfig config) {
    this.config = config;
  }

  ValidationConfig config() {
    return config;
  }

  /** Records a violation of {@code rule} at {@code path}, the message formatted with {@code args}. */
  void add(Rule rule, PodPath path, Object... args) {
    violations.add(Violation.of(rule, path, args));
  }

  void add(Violation violation) {
    violations.add(violation);
  }

  List<Violation> violations() {
    return violations;
  }
}
