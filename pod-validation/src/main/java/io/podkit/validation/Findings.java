package io.podkit.validation;

import io.podkit.model.PodPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the violations of one validation run, with the configuration the rules need. */
final class Findings {
  private final ValidationConfig config;
  private final Optional<String> previousRole;
  private final List<Violation> violations = new ArrayList<>();

  Findings(ValidationConfig config) {
    this(config, Optional.empty());
  }

  /** For an update: {@code previousRole} is the running pod's role, which stays allowed (M-02). */
  Findings(ValidationConfig config, Optional<String> previousRole) {
    this.config = config;
    this.previousRole = previousRole;
  }

  ValidationConfig config() {
    return config;
  }

  /** The role of the pod being replaced, on an update. */
  Optional<String> previousRole() {
    return previousRole;
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
