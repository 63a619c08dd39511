package io.podkit.validation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Container;
import io.podkit.model.Pod;
import io.podkit.validation.PodPolicy;
import io.podkit.validation.PodValidator;
import io.podkit.validation.Rule;
import io.podkit.validation.ValidationConfig;
import io.podkit.validation.ValidationReport;
import java.util.List;

/** Valid pods and report assertions for the policy tests (TestPods lives in the parent package). */
final class PolicyTestPods {
  private PolicyTestPods() {}

  /** A container that breaks no rule. */
  static Container.Builder container(String name) {
    return Container.builder(name).shell("sleep 3600").resources(0.5, 64);
  }

  /** A pod whose only container is {@code c}. */
  static Pod.Builder podWith(Container.Builder c) {
    return Pod.builder("/shop/web").container(c);
  }

  /** Validates {@code pod} with the default configuration and {@code policy}. */
  static ValidationReport validate(Pod pod, PodPolicy policy) {
    return new PodValidator(ValidationConfig.DEFAULT, List.of(policy)).validate(pod);
  }

  static List<String> paths(ValidationReport report, Rule rule) {
    return report.of(rule).stream().map(v -> v.path().marathon()).toList();
  }

  /** Asserts that {@code report} has exactly the violations of {@code rule} at {@code paths}. */
  static void assertViolations(ValidationReport report, Rule rule, String... paths) {
    assertThat(paths(report, rule)).as("violations of %s in %s", rule.id(), report.violations())
        .containsExactlyInAnyOrder(paths);
    assertThat(report.isValid()).isFalse();
  }

  /** Asserts that {@code pod} is valid under the default configuration and {@code policy}. */
  static void assertValid(Pod pod, PodPolicy policy) {
    ValidationReport report = validate(pod, policy);
    assertThat(report.violations()).isEmpty();
    assertThat(report.isValid()).isTrue();
  }
}
