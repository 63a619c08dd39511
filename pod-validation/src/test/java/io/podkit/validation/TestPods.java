package io.podkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Container;
import io.podkit.model.Pod;
import java.util.List;

/** Pods and assertions shared by the rule tests: start from a valid pod, break one rule. */
final class TestPods {
  private TestPods() {}

  /** A container that breaks no rule. */
  static Container.Builder container(String name) {
    return Container.builder(name).shell("sleep 3600").resources(0.5, 64);
  }

  /** A pod that breaks no rule with the default configuration: one container named {@code main}. */
  static Pod.Builder pod() {
    return Pod.builder("/shop/web").container(container("main"));
  }

  /** A pod whose only container is {@code c}. */
  static Pod.Builder podWith(Container.Builder c) {
    return Pod.builder("/shop/web").container(c);
  }

  static ValidationReport validate(Pod pod) {
    return PodValidator.withDefaults().validate(pod);
  }

  static ValidationReport validate(Pod pod, ValidationConfig config) {
    return new PodValidator(config).validate(pod);
  }

  /** The Marathon paths of the violations of {@code rule} in {@code report}. */
  static List<String> paths(ValidationReport report, Rule rule) {
    return report.of(rule).stream().map(v -> v.path().marathon()).toList();
  }

  /** Asserts that {@code report} has exactly the violations of {@code rule} at {@code paths}. */
  static void assertViolations(ValidationReport report, Rule rule, String... paths) {
    assertThat(paths(report, rule)).as("violations of %s in %s", rule.id(), report.violations())
        .containsExactlyInAnyOrder(paths);
    assertThat(report.isValid()).isFalse();
  }

  /** Asserts that {@code report} has no violation of {@code rule}. */
  static void assertNoViolation(ValidationReport report, Rule rule) {
    assertThat(paths(report, rule)).as("violations of %s in %s", rule.id(), report.violations()).isEmpty();
  }

  /** Asserts that {@code pod} is valid under {@code config}. */
  static void assertValid(Pod pod, ValidationConfig config) {
    ValidationReport report = validate(pod, config);
    assertThat(report.violations()).isEmpty();
    assertThat(report.isValid()).isTrue();
  }
}
