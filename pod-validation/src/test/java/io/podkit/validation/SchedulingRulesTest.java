package io.podkit.validation;

import static io.podkit.validation.TestPods.assertNoViolation;
import static io.podkit.validation.TestPods.assertViolations;
import static io.podkit.validation.TestPods.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Constraint;
import io.podkit.model.ConstraintOperator;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.Pod;
import io.podkit.model.SchedulingPolicy;
import io.podkit.model.SchedulingPolicy.Placement;
import io.podkit.model.SchedulingPolicy.UpgradeStrategy;
import io.podkit.model.UnreachableStrategy;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Placement constraints (V-26) and the resident scheduling rules (V-31, V-33). */
class SchedulingRulesTest {
  private static final Constraint VALID = Constraint.of("hostname", ConstraintOperator.UNIQUE);
  private static final List<Rule> CONSTRAINT_RULES = List.of(Rule.CONSTRAINT_FIELD, Rule.CONSTRAINT_UNIQUE_VALUE,
      Rule.CONSTRAINT_GROUP_BY_VALUE, Rule.CONSTRAINT_MAX_PER_VALUE, Rule.CONSTRAINT_LIKE_VALUE,
      Rule.CONSTRAINT_LIKE_REGEX, Rule.CONSTRAINT_IS_VALUE);

  /** A pod with {@code constraints}, valid otherwise. */
  private static Pod withConstraints(Constraint... constraints) {
    return TestPods.pod()
        .scheduling(SchedulingPolicy.empty().withPlacement(Placement.of(List.of(constraints), List.of())))
        .build();
  }

  /** A valid resident pod: a mounted persistent volume and a role other than "*". */
  static Pod.Builder residentPod() {
    return residentPod("/dev/db").role("dev");
  }

  /** A resident pod with id {@code id} and no role. */
  static Pod.Builder residentPod(String id) {
    return Pod.builder(id)
        .volume(Volume.persistent("data", PersistentVolumeInfo.ofSize(100)))
        .container(TestPods.container("main").volumeMount(VolumeMount.of("data", "data")));
  }

  private static void assertNoConstraintViolation(ValidationReport report) {
    CONSTRAINT_RULES.forEach(rule -> assertNoViolation(report, rule));
  }

  @Test
  @DisplayName("constraint-field")
  void constraintField() {
    // an empty field name is the only problem reported, even with an operator that needs a value
    ValidationReport report = validate(withConstraints(VALID, Constraint.of("", ConstraintOperator.MAX_PER)));
    assertViolations(report, Rule.CONSTRAINT_FIELD, "/scheduling/placement/constraints(1)");
    assertNoViolation(report, Rule.CONSTRAINT_MAX_PER_VALUE);
    assertThat(report.of(Rule.CONSTRAINT_FIELD)).extracting(Violation::message)
        .containsExactly("missing field for constraint declaration");
  }

  @Test
  @DisplayName("constraint-unique-value")
  void constraintUniqueValue() {
    ValidationReport report = validate(withConstraints(Constraint.of("hostname", ConstraintOperator.UNIQUE, "")));
    assertViolations(report, Rule.CONSTRAINT_UNIQUE_VALUE, "/scheduling/placement/constraints(0)");
  }

  @Test
  @DisplayName("constraint-group-by-value")
  void constraintGroupByValue() {
    ValidationReport report = validate(withConstraints(VALID,
        Constraint.of("rack", ConstraintOperator.GROUP_BY, "three")));
    assertViolations(report, Rule.CONSTRAINT_GROUP_BY_VALUE, "/scheduling/placement/constraints(1)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " 3", "3 ", "2147483648", "1.5", "0x10"})
  void groupByRejectsWhatJavaDoesNotParseAsInt(String value) {
    ValidationReport report = validate(withConstraints(Constraint.of("rack", ConstraintOperator.GROUP_BY, value)));
    assertViolations(report, Rule.CONSTRAINT_GROUP_BY_VALUE, "/scheduling/placement/constraints(0)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"3", "+3", "-1", "0", "2147483647", "-2147483648"})
  void groupByAcceptsInts(String value) {
    assertNoConstraintViolation(validate(withConstraints(Constraint.of("rack", ConstraintOperator.GROUP_BY, value))));
  }

  @Test
  void groupByAcceptsNoValue() {
    assertNoConstraintViolation(validate(withConstraints(Constraint.of("rack", ConstraintOperator.GROUP_BY))));
  }

  @Test
  @DisplayName("constraint-max-per-value")
  void constraintMaxPerValue() {
    ValidationReport report = validate(withConstraints(Constraint.of("rack", ConstraintOperator.MAX_PER),
        Constraint.of("zone", ConstraintOperator.MAX_PER, "two"),
        Constraint.of("host", ConstraintOperator.MAX_PER, "2")));
    assertViolations(report, Rule.CONSTRAINT_MAX_PER_VALUE,
        "/scheduling/placement/constraints(0)", "/scheduling/placement/constraints(1)");
  }

  @Test
  void maxPerAcceptsNegativeInts() {
    assertNoConstraintViolation(validate(withConstraints(Constraint.of("rack", ConstraintOperator.MAX_PER, "-1"))));
  }

  @Test
  @DisplayName("constraint-like-value")
  void constraintLikeValue() {
    ValidationReport report = validate(withConstraints(Constraint.of("rack", ConstraintOperator.LIKE),
        Constraint.of("rack", ConstraintOperator.UNLIKE)));
    assertViolations(report, Rule.CONSTRAINT_LIKE_VALUE,
        "/scheduling/placement/constraints(0)", "/scheduling/placement/constraints(1)");
    assertNoViolation(report, Rule.CONSTRAINT_LIKE_REGEX);
  }

  @Test
  @DisplayName("constraint-like-regex")
  void constraintLikeRegex() {
    ValidationReport report = validate(withConstraints(Constraint.of("rack", ConstraintOperator.LIKE, "rack-[0-9"),
        Constraint.of("rack", ConstraintOperator.UNLIKE, "(")));
    assertViolations(report, Rule.CONSTRAINT_LIKE_REGEX,
        "/scheduling/placement/constraints(0)", "/scheduling/placement/constraints(1)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "rack-[0-9]+", ".*"})
  void likeAcceptsCompilingRegexesIncludingEmpty(String regex) {
    assertNoConstraintViolation(validate(withConstraints(Constraint.of("rack", ConstraintOperator.LIKE, regex),
        Constraint.of("rack", ConstraintOperator.UNLIKE, regex))));
  }

  @Test
  @DisplayName("constraint-is-value")
  void constraintIsValue() {
    ValidationReport report = validate(withConstraints(VALID, VALID,
        Constraint.of("rack", ConstraintOperator.IS, "rack 1")));
    assertViolations(report, Rule.CONSTRAINT_IS_VALUE, "/scheduling/placement/constraints(2)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "rack-1", "1.5", "a_b/c.d-e"})
  void isAcceptsMesosTextAndScalars(String value) {
    assertNoConstraintViolation(validate(withConstraints(Constraint.of("rack", ConstraintOperator.IS, value))));
  }

  @Test
  void isAcceptsNoValue() {
    assertNoConstraintViolation(validate(withConstraints(Constraint.of("rack", ConstraintOperator.IS))));
  }

  @Test
  void clusterAcceptsAnyValueOrNone() {
    assertNoConstraintViolation(validate(withConstraints(Constraint.of("rack", ConstraintOperator.CLUSTER),
        Constraint.of("rack", ConstraintOperator.CLUSTER, ""),
        Constraint.of("rack", ConstraintOperator.CLUSTER, "a b"))));
  }

  @ParameterizedTest
  @EnumSource(ConstraintOperator.class)
  void validConstraintsPass(ConstraintOperator operator) {
    Optional<String> value = switch (operator) {
      case UNIQUE -> Optional.empty();
      case LIKE, UNLIKE -> Optional.of("rack-.*");
      default -> Optional.of("2");
    };
    assertNoConstraintViolation(validate(withConstraints(new Constraint("rack", operator, value))));
  }

  @Test
  @DisplayName("resident-max-over-capacity")
  void residentMaxOverCapacity() {
    // an upgrade without maximumOverCapacity takes the default 1.0
    Pod pod = residentPod().scheduling(SchedulingPolicy.empty()
        .withUpgrade(new UpgradeStrategy(Optional.of(0.5), Optional.empty()))).build();
    ValidationReport report = validate(pod);
    assertViolations(report, Rule.RESIDENT_MAX_OVER_CAPACITY, "/scheduling/upgrade/maximumOverCapacity");
    assertThat(report.of(Rule.RESIDENT_MAX_OVER_CAPACITY)).extracting(Violation::message)
        .containsExactly("got 1.0, expected 0.0");
  }

  @Test
  void residentUpgradeWithoutOverCapacityPasses() {
    Pod pod = residentPod().scheduling(SchedulingPolicy.empty().withUpgrade(UpgradeStrategy.of(0.5, 0.0))).build();
    assertNoViolation(validate(pod), Rule.RESIDENT_MAX_OVER_CAPACITY);
  }

  @Test
  void residentPodWithoutUpgradePasses() {
    assertNoViolation(validate(residentPod().build()), Rule.RESIDENT_MAX_OVER_CAPACITY);
  }

  @Test
  void nonResidentPodMayGoOverCapacity() {
    Pod pod = TestPods.pod().scheduling(SchedulingPolicy.empty().withUpgrade(UpgradeStrategy.of(1.0, 1.0))).build();
    assertNoViolation(validate(pod), Rule.RESIDENT_MAX_OVER_CAPACITY);
  }

  @Test
  @DisplayName("resident-unreachable")
  void residentUnreachable() {
    Pod pod = residentPod()
        .scheduling(SchedulingPolicy.empty().withUnreachableStrategy(UnreachableStrategy.enabled(0, 0))).build();
    assertViolations(validate(pod), Rule.RESIDENT_UNREACHABLE, "/scheduling/unreachableStrategy");
  }

  @Test
  void residentPodWithDisabledOrNoUnreachableStrategyPasses() {
    assertNoViolation(validate(residentPod().build()), Rule.RESIDENT_UNREACHABLE);
    Pod disabled = residentPod()
        .scheduling(SchedulingPolicy.empty().withUnreachableStrategy(UnreachableStrategy.disabled())).build();
    assertNoViolation(validate(disabled), Rule.RESIDENT_UNREACHABLE);
  }

  @Test
  void nonResidentPodMayBeReplacedWhenUnreachable() {
    Pod pod = TestPods.pod()
        .scheduling(SchedulingPolicy.empty().withUnreachableStrategy(UnreachableStrategy.enabled(60, 120))).build();
    assertNoViolation(validate(pod), Rule.RESIDENT_UNREACHABLE);
  }
}
