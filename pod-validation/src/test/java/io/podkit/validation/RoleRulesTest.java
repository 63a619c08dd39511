package io.podkit.validation;

import static io.podkit.validation.TestPods.assertNoViolation;
import static io.podkit.validation.TestPods.assertViolations;
import static io.podkit.validation.TestPods.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Pod;
import io.podkit.model.SchedulingPolicy;
import io.podkit.model.SchedulingPolicy.Placement;
import io.podkit.model.normalize.PodNormalizer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Role names (V-25), allowed roles (M-02, M-05) and the roles of resident pods (M-03, V-34). */
class RoleRulesTest {
  private static final String ACCEPTED = "/scheduling/placement/acceptedResourceRoles";

  private static Pod.Builder accepting(Pod.Builder pod, String... roles) {
    return pod.scheduling(SchedulingPolicy.empty().withPlacement(Placement.of(List.of(), List.of(roles))));
  }

  private static List<String> messages(ValidationReport report, Rule rule) {
    return report.of(rule).stream().map(Violation::message).toList();
  }

  static Stream<Arguments> invalidRoleNames() {
    return Stream.of(
        Arguments.of(".", "A role name must not be \".\"."),
        Arguments.of("..", "A role name must not be \"..\"."),
        Arguments.of("-dev", "A role name must not start with a '-'."),
        Arguments.of("a\tb", "A role name must not include a horizontal tab (\\x09) character."),
        Arguments.of("a\nb", "A role name must not include a line feed (\\x0a) character."),
        Arguments.of("a\u000bb", "A role name must not include a vertical tab (\\x0b) character."),
        Arguments.of("a\fb", "A role name must not include a form feed (\\x0c) character."),
        Arguments.of("a\rb", "A role name must not include a carriage return (\\x0d) character."),
        Arguments.of("a b", "A role name must not include a space (\\x20) character."),
        Arguments.of("a/b", "A role name must not include a slash (\\x2f) character."),
        Arguments.of("a\u007fb", "A role name must not include a backspace (\\x7f) character."));
  }

  @Test
  @DisplayName("role-name")
  void roleName() {
    Pod pod = accepting(TestPods.pod().role("shop web"), "*", "shop/web").build();
    ValidationReport report = validate(pod);
    // each name once: Marathon reported the accepted roles at two paths
    assertViolations(report, Rule.ROLE_NAME, "/role", ACCEPTED + "(1)");
    assertThat(messages(report, Rule.ROLE_NAME)).containsExactlyInAnyOrder(
        "A role name must not include a space (\\x20) character.",
        "A role name must not include a slash (\\x2f) character.");
  }

  @ParameterizedTest
  @MethodSource("invalidRoleNames")
  void eachRoleNameProblemIsReportedForPodAndAcceptedRoles(String role, String message) {
    ValidationReport report = validate(accepting(TestPods.pod().role(role), role).build());
    assertViolations(report, Rule.ROLE_NAME, "/role", ACCEPTED + "(0)");
    assertThat(messages(report, Rule.ROLE_NAME)).containsExactly(message, message);
  }

  @Test
  void emptyAcceptedRoleIsARoleNameProblem() {
    ValidationReport report = validate(accepting(TestPods.pod(), "*", "").build());
    assertViolations(report, Rule.ROLE_NAME, ACCEPTED + "(1)");
    assertThat(messages(report, Rule.ROLE_NAME)).containsExactly("A role name must not be \"\".");
  }

  @Test
  void emptyPodRoleIsReportedOnceByRoleNotEmpty() {
    ValidationReport report = validate(TestPods.pod().role("").build());
    assertNoViolation(report, Rule.ROLE_NAME);
    assertViolations(report, Rule.ROLE_NOT_EMPTY, "/role");
  }

  @Test
  void everyProblemOfOneNameIsReported() {
    ValidationReport report = validate(TestPods.pod().role("-a b/c").build());
    assertViolations(report, Rule.ROLE_NAME, "/role", "/role", "/role");
    assertThat(messages(report, Rule.ROLE_NAME)).containsExactly(
        "A role name must not start with a '-'.",
        "A role name must not include a space (\\x20) character.",
        "A role name must not include a slash (\\x2f) character.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"...", "<<>>", "role--", "*", "dev.team", "a-b_c"})
  void validRoleNamesPass(String role) {
    ValidationReport report = validate(accepting(TestPods.pod().role(role), role).build());
    assertNoViolation(report, Rule.ROLE_NAME);
  }

  @Test
  @DisplayName("role-not-allowed")
  void roleNotAllowed() {
    ValidationReport report = validate(TestPods.pod().role("other").build());
    assertViolations(report, Rule.ROLE_NOT_ALLOWED, "/role");
    assertThat(messages(report, Rule.ROLE_NOT_ALLOWED)).containsExactly("got other, expected one of: [*, shop]");
  }

  @Test
  void podInAGroupMayUseMesosRoleOrGroupRole() {
    assertNoViolation(validate(TestPods.pod().build()), Rule.ROLE_NOT_ALLOWED);
    assertNoViolation(validate(TestPods.pod().role("*").build()), Rule.ROLE_NOT_ALLOWED);
    assertNoViolation(validate(TestPods.pod().role("shop").build()), Rule.ROLE_NOT_ALLOWED);
  }

  @Test
  void podUnderRootMayUseMesosRoleOnly() {
    ValidationConfig config = ValidationConfig.DEFAULT.withMesosRole("marathon");
    ValidationReport star = validate(Pod.builder("/web").container(TestPods.container("main")).role("*").build(),
        config);
    assertViolations(star, Rule.ROLE_NOT_ALLOWED, "/role");
    assertThat(messages(star, Rule.ROLE_NOT_ALLOWED)).containsExactly("got *, expected one of: [marathon]");
    assertNoViolation(validate(Pod.builder("/web").container(TestPods.container("main")).build(), config),
        Rule.ROLE_NOT_ALLOWED);
    assertNoViolation(validate(Pod.builder("/web").container(TestPods.container("main")).role("marathon").build(),
        config), Rule.ROLE_NOT_ALLOWED);
  }

  @Test
  void mesosRoleOtherThanStarRejectsExplicitStarInGroupsToo() {
    ValidationConfig config = ValidationConfig.DEFAULT.withMesosRole("marathon");
    ValidationReport report = validate(TestPods.pod().role("*").build(), config);
    assertThat(messages(report, Rule.ROLE_NOT_ALLOWED)).containsExactly("got *, expected one of: [marathon, shop]");
  }

  @Test
  void enforceRoleGroupAllowsOnlyItsOwnRole() {
    ValidationConfig config = ValidationConfig.DEFAULT.withEnforceRoleGroups(Set.of("shop"));
    // the default role is the group's
    assertNoViolation(validate(TestPods.pod().build(), config), Rule.ROLE_NOT_ALLOWED);
    ValidationReport star = validate(TestPods.pod().role("*").build(), config);
    assertViolations(star, Rule.ROLE_NOT_ALLOWED, "/role");
    assertThat(messages(star, Rule.ROLE_NOT_ALLOWED)).containsExactly("got *, expected one of: [shop]");
    // a pod directly under / never uses a group role
    assertNoViolation(validate(Pod.builder("/shop").container(TestPods.container("main")).build(), config),
        Rule.ROLE_NOT_ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/web", "/shop/web", "/shop/a/b", "/dev/db", "web", "shop/web"})
  void effectiveRoleIsTheNormalizersRole(String id) {
    ValidationConfig config = ValidationConfig.DEFAULT.withMesosRole("marathon").withEnforceRoleGroups(Set.of("shop"));
    Pod pod = Pod.builder(id).container(TestPods.container("main")).build();
    assertThat(RoleRules.effectiveRole(pod, config.normalization()))
        .isEqualTo(new PodNormalizer(config.normalization()).normalize(pod).role().orElseThrow());
  }

  @Test
  void previousRoleIsValidOnlyInsideAGroup() {
    ValidationConfig config = ValidationConfig.DEFAULT.withEnforceRoleGroups(Set.of("shop"));
    assertThat(RoleRules.validRoles("/shop/web", Optional.of("legacy"), config.normalization()))
        .containsExactly("legacy", "shop");
    assertThat(RoleRules.validRoles("/web", Optional.of("legacy"), config.normalization())).containsExactly("*");
  }

  @Test
  @DisplayName("accepted-roles-subset")
  void acceptedRolesSubset() {
    ValidationReport report = validate(accepting(TestPods.pod().role("shop"), "*", "other").build());
    assertViolations(report, Rule.ACCEPTED_ROLES_SUBSET, ACCEPTED);
    assertThat(messages(report, Rule.ACCEPTED_ROLES_SUBSET))
        .containsExactly("acceptedResourceRoles can only contain * and shop");
  }

  @Test
  void acceptedRolesOfAStarPodCanOnlyBeStar() {
    ValidationReport report = validate(accepting(TestPods.pod(), "shop").build());
    assertThat(messages(report, Rule.ACCEPTED_ROLES_SUBSET))
        .containsExactly("acceptedResourceRoles can only contain *");
  }

  @Test
  void acceptedRolesWithinStarAndRolePass() {
    assertNoViolation(validate(accepting(TestPods.pod().role("shop"), "*", "shop").build()),
        Rule.ACCEPTED_ROLES_SUBSET);
    assertNoViolation(validate(accepting(TestPods.pod().role("shop"), "shop").build()), Rule.ACCEPTED_ROLES_SUBSET);
    // the accepted roles are a set: repeating a name is fine
    assertNoViolation(validate(accepting(TestPods.pod(), "*", "*", "*").build()), Rule.ACCEPTED_ROLES_SUBSET);
    // the default role counts
    ValidationConfig enforced = ValidationConfig.DEFAULT.withEnforceRoleGroups(Set.of("shop"));
    assertNoViolation(validate(accepting(TestPods.pod(), "shop").build(), enforced), Rule.ACCEPTED_ROLES_SUBSET);
  }

  @Test
  @DisplayName("resident-accepted-roles")
  void residentAcceptedRoles() {
    ValidationReport report = validate(accepting(SchedulingRulesTest.residentPod(), "dev").build());
    assertViolations(report, Rule.RESIDENT_ACCEPTED_ROLES, ACCEPTED);
    assertNoViolation(report, Rule.ACCEPTED_ROLES_SUBSET);
  }

  @Test
  void residentPodMayAcceptStarOnly() {
    assertNoViolation(validate(accepting(SchedulingRulesTest.residentPod(), "*").build()),
        Rule.RESIDENT_ACCEPTED_ROLES);
    assertNoViolation(validate(SchedulingRulesTest.residentPod().build()), Rule.RESIDENT_ACCEPTED_ROLES);
    assertViolations(validate(accepting(SchedulingRulesTest.residentPod(), "*", "dev").build()),
        Rule.RESIDENT_ACCEPTED_ROLES, ACCEPTED);
  }

  @Test
  @DisplayName("resident-role-star")
  void residentRoleStar() {
    // directly under / the default role is --mesos_role, "*"
    ValidationReport report = validate(SchedulingRulesTest.residentPod("/db").build());
    assertViolations(report, Rule.RESIDENT_ROLE_STAR, "/role");
    assertNoViolation(report, Rule.ROLE_NOT_ALLOWED);
  }

  @Test
  void residentPodWithARolePasses() {
    assertNoViolation(validate(SchedulingRulesTest.residentPod().build()), Rule.RESIDENT_ROLE_STAR);
    // directly under / with --mesos_role other than "*"
    ValidationConfig config = ValidationConfig.DEFAULT.withMesosRole("prod");
    assertNoViolation(validate(SchedulingRulesTest.residentPod("/db").build(), config), Rule.RESIDENT_ROLE_STAR);
  }

  @Test
  void residentPodWithExplicitStarInAGroupIsRejected() {
    assertViolations(validate(SchedulingRulesTest.residentPod().role("*").build()), Rule.RESIDENT_ROLE_STAR, "/role");
  }
}
