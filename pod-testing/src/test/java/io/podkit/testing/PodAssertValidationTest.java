package io.podkit.testing;

import static io.podkit.testing.PodAssertions.assertThatPod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podkit.model.Container;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import io.podkit.validation.PodPolicy;
import io.podkit.validation.Rule;
import io.podkit.validation.ValidationConfig;
import io.podkit.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** isValid, isInvalid and the violation assertions, each passing and failing. */
class PodAssertValidationTest {
  private static final ValidationConfig SECRETS = ValidationConfig.DEFAULT.withSecrets(true);

  /** A house rule: every pod names its team. */
  private static final PodPolicy TEAM_LABEL = pod -> pod.labels().containsKey("team") ? List.of()
      : List.of(new Violation("house-team-label", PodPath.of("labels"), "every pod names its team"));

  @Test
  void isValidPassesForAValidPod() {
    assertThatPod("pods/web.json").isValid();
  }

  @Test
  void isValidListsEveryViolationWithFileLineAndColumn() {
    assertThatThrownBy(() -> assertThatPod("pods/invalid.json").isValid())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expecting pod /shop/broken (pods/invalid.json) to be valid, but it has 3 violations:")
        .hasMessageContaining("\n  pods/invalid.json:5:7: /containers(0)/name: must be 1 to 63 lower-case letters, "
            + "digits and '-', starting and ending with a letter or digit [container-name]")
        .hasMessageContaining("\n  pods/invalid.json:15:16: /volumes(0): volume must be referenced by at least one "
            + "container [volume-unused]")
        .hasMessageContaining("\n  pods/invalid.json:12:24: /containers(1)/endpoints(0)/name: endpoint names must be "
            + "unique across all containers [endpoint-names-unique]");
  }

  @Test
  void isValidOfAPodBuiltInCodeListsPathsWithoutPositions() {
    Pod pod = Pod.builder("/shop/code").container(Container.builder("Bad_Name").resources(0.5, 128)).build();
    assertThatThrownBy(() -> assertThatPod(pod).isValid())
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting pod /shop/code to be valid, but it has 1 violation:\n"
            + "  /containers(0)/name: " + Rule.CONTAINER_NAME.message() + " [container-name]");
  }

  @Test
  void aDescriptionPrefixesTheMessage() {
    assertThatThrownBy(() -> assertThatPod("pods/invalid.json").as("the broken spec").isValid())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("[the broken spec] Expecting pod /shop/broken");
  }

  @Test
  void isInvalidPassesForAnInvalidPod() {
    assertThatPod("pods/invalid.json").isInvalid();
  }

  @Test
  void isInvalidFailsForAValidPod() {
    assertThatThrownBy(() -> assertThatPod("pods/web.json").isInvalid())
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting pod /shop/web (pods/web.json) to be invalid, but it passes every validation rule");
  }

  @Test
  void withConfigValidatesUnderTheFrameworksFlags() {
    assertThatPod("pods/secrets.json").isInvalid().hasViolationOfRule(Rule.SECRETS_FEATURE)
        .withConfig(SECRETS).isValid();
  }

  @Test
  void withConfigCanAlsoMakeAPodInvalid() {
    assertThatThrownBy(() -> assertThatPod("pods/container-net.json").withConfig(
        ValidationConfig.DEFAULT.withDefaultNetworkName("dcos")).isInvalid())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be invalid");
  }

  @Test
  void hasViolationPassesForAMarathonPathOrAPointer() {
    assertThatPod("pods/invalid.json")
        .hasViolation("/containers(0)/name")
        .hasViolation("/containers/0/name")
        .hasViolation("/volumes(0)");
  }

  @Test
  void hasViolationFailsListingTheViolationsThereAre() {
    assertThatThrownBy(() -> assertThatPod("pods/invalid.json").hasViolation("/containers(1)/name"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expecting pod /shop/broken (pods/invalid.json) to have a violation at "
            + "/containers(1)/name, but its violations are:\n")
        .hasMessageContaining("pods/invalid.json:5:7: /containers(0)/name:");
  }

  @Test
  void hasViolationFailsForAValidPod() {
    assertThatThrownBy(() -> assertThatPod("pods/web.json").hasViolation("/containers(0)/name"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting pod /shop/web (pods/web.json) to have a violation at /containers(0)/name, "
            + "but it is valid");
  }

  @Test
  void messagesAreNotTakenAsFormats() {
    assertThatThrownBy(() -> assertThatPod("pods/web.json").hasViolation("/labels/%s%d"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("a violation at /labels/%s%d, but it is valid");
  }

  @Test
  void hasViolationWithRulePasses() {
    assertThatPod("pods/invalid.json")
        .hasViolation("/containers(0)/name", Rule.CONTAINER_NAME)
        .hasViolation("/containers/1/endpoints/0/name", Rule.ENDPOINT_NAMES_UNIQUE);
  }

  @Test
  void hasViolationWithRuleFailsForAnotherRuleAtThatPath() {
    assertThatThrownBy(() -> assertThatPod("pods/invalid.json").hasViolation("/containers(0)/name",
        Rule.CONTAINER_NAME_RESERVED))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expecting pod /shop/broken (pods/invalid.json) to have a violation of rule "
            + "container-name-reserved (V-40) at /containers(0)/name, but its violations are:\n")
        .hasMessageContaining("/containers(0)/name: must be 1 to 63");
  }

  @Test
  void hasViolationOfRulePasses() {
    assertThatPod("pods/invalid.json").hasViolationOfRule(Rule.VOLUME_UNUSED);
  }

  @Test
  void hasViolationOfRuleFails() {
    assertThatThrownBy(() -> assertThatPod("pods/invalid.json").hasViolationOfRule(Rule.ID_PATTERN))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have a violation of rule pod-id-pattern (R-01), but its violations are:");
  }

  @Test
  void hasViolationOfAPolicyRulePasses() {
    assertThatPod("pods/invalid.json").withPolicies(TEAM_LABEL).hasViolationOfRule("house-team-label")
        .hasViolation("/labels");
  }

  @Test
  void hasViolationOfAPolicyRuleFailsWhenThePolicyHolds() {
    assertThatThrownBy(() -> assertThatPod("pods/web.json").withPolicies(TEAM_LABEL)
        .hasViolationOfRule("house-team-label"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting pod /shop/web (pods/web.json) to have a violation of rule house-team-label, "
            + "but it is valid");
  }

  @Test
  void hasNoViolationAtPassesWhereNothingIsWrong() {
    assertThatPod("pods/invalid.json").hasNoViolationAt("/containers(1)/name").hasNoViolationAt("/id");
    assertThatPod("pods/web.json").hasNoViolationAt("/containers(0)/name");
  }

  @Test
  void hasNoViolationAtFailsListingWhatIsThere() {
    assertThatThrownBy(() -> assertThatPod("pods/invalid.json").hasNoViolationAt("/containers/0/name"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting pod /shop/broken (pods/invalid.json) to have no violation at /containers/0/name, "
            + "but it has 1 violation there:\n  pods/invalid.json:5:7: /containers(0)/name: "
            + Rule.CONTAINER_NAME.message() + " [container-name]");
  }

  @Test
  void violationsGivesTheReport() {
    assertThat(assertThatPod("pods/invalid.json").violations())
        .extracting(Violation::rule)
        .containsExactlyInAnyOrder("container-name", "volume-unused", "endpoint-names-unique");
    assertThat(assertThatPod("pods/web.json").violations()).isEmpty();
  }
}
