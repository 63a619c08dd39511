package io.podkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Container;
import io.podkit.model.Pod;
import java.util.List;

/**
 * Pods and assertions shared by the rule tests and the policy tests: start from a valid pod, break one
 * rule.
 */
public final class TestPods {
  private TestPods() {}

  /** A container that breaks no rule. */
  public static Container.Builder container(String name) {
    return Container.builder(name).shell("sleep 3600").resources(0.5, 64);
  }

  /** A pod that breaks no rule with the default configuration: one container named {@code main}. */
  public static Pod.Builder pod() {
    return Pod.builder("/shop/web").container(container("main"));
  }

  /** A pod whose only container is {@code c}. */
  public static Pod.Builder podWith(Container.Builder c) {
    return Pod.builder("/shop/web").container(c);
  }

  /** Validates {@code pod} with the default configuration. */
  public static ValidationReport validate(Pod pod) {
    return PodValidator.withDefaults().validate(pod);
  }

  /** Validates {@code pod} with {@code config}. */
  public static ValidationReport validate(Pod pod, ValidationConfig config) {
    return new PodValidator(config).validate(pod);
  }

  /** Validates {@code pod} with the default configuration and {@code policy}. */
  public static ValidationReport validate(Pod pod, PodPolicy policy) {
    return new PodValidator(ValidationConfig.DEFAULT, List.of(policy)).validate(pod);
  }

  /** The Marathon paths of the violations of {@code rule} in {@code report}. */
  public static List<String> paths(ValidationReport report, Rule rule) {
    return report.of(rule).stream().map(v -> v.path().marathon()).toList();
  }

  /** Asserts that {@code report} has exactly the violations of {@code rule} at {@code paths}. */
  public static void assertViolations(ValidationReport report, Rule rule, String... paths) {
    assertThat(paths(report, rule)).as("violations of %s in %s", rule.id(), report.violations())
        .containsExactlyInAnyOrder(paths);
    assertThat(report.isValid()).isFalse();
  }

  /** Asserts that {@code report} has no violation of {@code rule}. */
  public static void assertNoViolation(ValidationReport report, Rule rule) {
    assertThat(paths(report, rule)).as("violations of %s in %s", rule.id(), report.violations()).isEmpty();
  }

  /** Asserts that {@code pod} is valid under {@code config}. */
  public static void assertValid(Pod pod, ValidationConfig config) {
    assertNoViolations(validate(pod, config));
  }

  /** Asserts that {@code pod} is valid under the default configuration and {@code policy}. */
  public static void assertValid(Pod pod, PodPolicy policy) {
    assertNoViolations(validate(pod, policy));
  }

  /** Asserts that {@code report} has no violations at all and so is valid. */
  private static void assertNoViolations(ValidationReport report) {
    assertThat(report.violations()).isEmpty();
    assertThat(report.isValid()).isTrue();
  }
}
