package io.podkit.testing;

import static io.podkit.testing.PodAssertions.assertThatPod;
import static io.podkit.testing.PodAssertions.instanceOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podkit.translator.Translation;
import io.podkit.translator.TranslationConfig;
import io.podkit.translator.offer.AcceptedRoles;
import io.podkit.translator.offer.MatchConfig;
import io.podkit.translator.offer.NoMatchReason.Kind;
import io.podkit.validation.ValidationConfig;
import org.junit.jupiter.api.Test;

/** translatesWith, doesNotMatch and the assertions on a whole translation, each passing and failing. */
class TranslationAssertTest {
  private static final TranslationConfig SHARED_EXECUTOR_CGROUPS = TranslationConfig.DEFAULT.withCustomizer(
      (pod, executor, group) -> executor.getContainerBuilder().getLinuxInfoBuilder().setShareCgroups(true));
  private static final TranslationConfig RENAMED_EXECUTOR = TranslationConfig.DEFAULT.withCustomizer(
      (pod, executor, group) -> executor.getExecutorIdBuilder().setValue("my-executor"));

  @Test
  void aValidPodTranslatesForAnAmpleOffer() {
    assertThatPod("pods/web.json")
        .translatesWith(TestOffers.ample())
        .hasTaskCount(2)
        .hasHostPort("http", 31000)
        .taskNamed("web").hasEnv("ENDPOINT_HTTP", "31000");
  }

  @Test
  void takesAProtobufOffer() {
    assertThatPod("pods/web.json").translatesWith(TestOffers.ample().build()).hasTaskCount(2);
  }

  @Test
  void idsAreStableAcrossRuns() {
    Translation first = assertThatPod("pods/web.json").translatesWith(TestOffers.ample()).translation();
    Translation second = assertThatPod("pods/web.json").translatesWith(TestOffers.ample()).translation();
    assertThat(first.taskGroup().getTasks(0).getTaskId().getValue()).isEqualTo(instanceOf("/shop/web").taskId("web"));
    assertThat(first.executor().getExecutorId().getValue()).isEqualTo(instanceOf("/shop/web").executorId());
    assertThat(first.launchGroup().toByteArray()).isEqualTo(second.launchGroup().toByteArray());
  }

  @Test
  void anInvalidPodDoesNotTranslate() {
    assertThatThrownBy(() -> assertThatPod("pods/invalid.json").translatesWith(TestOffers.ample()))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expecting pod /shop/broken (pods/invalid.json) to translate for offer offer-1 "
            + "(agent agent-1, agent-1.example), but the pod is invalid (3 violations):\n")
        .hasMessageContaining("  pods/invalid.json:5:7: /containers(0)/name:");
  }

  @Test
  void anOfferThatDoesNotFitFailsWithEveryReason() {
    assertThatThrownBy(() -> assertThatPod("pods/big.json").translatesWith(TestOffers.ample()))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expecting pod /batch/crunch (pods/big.json) to translate for offer offer-1 "
            + "(agent agent-1, agent-1.example), but the offer does not fit it:\n")
        .hasMessageContaining("\n  [INSUFFICIENT_CPUS] insufficient cpus: the pod needs 16.1, the offer has 8")
        .hasMessageContaining("\n  [INSUFFICIENT_MEM] insufficient mem: the pod needs 65568, the offer has 16384")
        .hasMessageContaining("\n  [UNFULFILLED_CONSTRAINT] placement constraint [\"rack\",\"IS\",\"r1\"] is not met");
  }

  @Test
  void constraintsReadTheOffersAttributes() {
    assertThatPod("pods/racked.json").translatesWith(TestOffers.ample().attribute("rack", "r1")).hasTaskCount(1);
  }

  @Test
  void aResidentPodIsNotTranslatedFromOneOffer() {
    assertThatThrownBy(() -> assertThatPod("pods/resident.json").isValid().translatesWith(TestOffers.ample()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it has persistent volumes")
        .hasMessageContaining("OfferMatcher.matchForReservation");
  }

  @Test
  void aTranslatorFailureFails() {
    assertThatThrownBy(() -> assertThatPod("pods/web.json").translatesWith(TestOffers.ample(), RENAMED_EXECUTOR))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to translate for offer offer-1 (agent agent-1, agent-1.example), but the translator "
            + "failed: a customizer changed the executor id to 'my-executor'");
  }

  @Test
  void aLaunchMesosWouldRejectFailsWithThePreflightViolations() {
    assertThatThrownBy(() -> assertThatPod("pods/web.json").translatesWith(TestOffers.ample(),
        SHARED_EXECUTOR_CGROUPS))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but Mesos would reject its LAUNCH_GROUP (1 pre-flight violation):\n"
            + "  [R45] operations[0].launch_group.executor.container.linux_info.share_cgroups: The 'share_cgroups' "
            + "field cannot be set to 'true' on executor containers");
  }

  @Test
  void theTranslationConfigurationIsUsed() {
    assertThatPod("pods/web.json").translatesWith(TestOffers.ample(), TranslationConfig.DEFAULT.withEnvPrefix("APP_"))
        .taskNamed("web").hasEnv("APP_ENDPOINT_HTTP", "31000").hasNoEnvNamed("ENDPOINT_HTTP");
    assertThatPod("pods/web.json").translatesWith(TestOffers.ample().build(),
        TranslationConfig.DEFAULT.withEnvPrefix("APP_")).taskNamed("web").hasEnvNamed("APP_EP_HOST_HTTP");
  }

  @Test
  void theMatchConfigurationIsUsed() {
    ValidationConfig dev = ValidationConfig.DEFAULT.withMesosRole("dev");
    assertThatPod("pods/web.json").withConfig(dev)
        .translatesWith(TestOffers.ample().role("dev"), MatchConfig.DEFAULT).hasTaskCount(2);
    assertThatThrownBy(() -> assertThatPod("pods/web.json").withConfig(dev)
        .translatesWith(TestOffers.ample().role("dev"), MatchConfig.DEFAULT.withAcceptedRoles(AcceptedRoles.RESERVED)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("[UNFULFILLED_ROLE]");
    assertThatThrownBy(() -> assertThatPod("pods/web.json").withConfig(dev).translatesWith(
        TestOffers.ample().role("dev").build(), MatchConfig.DEFAULT.withAcceptedRoles(AcceptedRoles.RESERVED)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("[UNFULFILLED_ROLE]");
  }

  @Test
  void bothConfigurationsTogether() {
    assertThatPod("pods/web.json")
        .translatesWith(TestOffers.ample(), MatchConfig.DEFAULT, TranslationConfig.DEFAULT.withEnvPrefix("X_"))
        .taskNamed("shipper").hasEnv("X_ENDPOINT_HTTP", "31000");
  }

  @Test
  void anOfferForAnotherRoleDoesNotFit() {
    assertThatThrownBy(() -> assertThatPod("pods/web.json").translatesWith(TestOffers.ample().role("dev")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("[ROLE_NOT_ACCEPTED] the offer is allocated to role dev, the pod's role is *");
  }

  @Test
  void hasTaskCountFails() {
    assertThatThrownBy(() -> assertThatPod("pods/web.json").translatesWith(TestOffers.ample()).hasTaskCount(1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting the task group of pod /shop/web (pods/web.json) to have 1 task, but it has "
            + "2: [\"web\", \"shipper\"]");
  }

  @Test
  void hasHostPortPassesForStaticAndDynamicPorts() {
    assertThatPod("pods/bridge.json").translatesWith(TestOffers.ample())
        .hasHostPort("http", 31000)
        .hasHostPort("admin", 31500);
    assertThatPod("pods/web.json").translatesWith(TestOffers.ample().ports(40000, 40010).build())
        .hasHostPort("http", 40000);
  }

  @Test
  void hasHostPortFailsForAnotherPort() {
    assertThatThrownBy(() -> assertThatPod("pods/bridge.json").translatesWith(TestOffers.ample())
        .hasHostPort("http", 31001))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting endpoint \"http\" of pod /shop/api (pods/bridge.json) to get host port "
            + "31001, but it got 31000");
  }

  @Test
  void hasHostPortFailsForAnEndpointWithoutOne() {
    assertThatThrownBy(() -> assertThatPod("pods/bridge.json").translatesWith(TestOffers.ample())
        .hasHostPort("metrics", 31000))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting endpoint \"metrics\" of pod /shop/api (pods/bridge.json) to get host port "
            + "31000, but it has no host port; the endpoints with host ports are {http=31000, admin=31500}");
    assertThatThrownBy(() -> assertThatPod("pods/racked.json").translatesWith(TestOffers.ample()
            .attribute("rack", "r1")).hasHostPort("http", 31000))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it has no host port (no endpoint of the pod asks for one)");
  }

  @Test
  void taskNamedFailsListingTheTasks() {
    assertThatThrownBy(() -> assertThatPod("pods/web.json").translatesWith(TestOffers.ample()).taskNamed("nginx"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting the task group of pod /shop/web (pods/web.json) to have a task named \"nginx\", but "
            + "its tasks are [\"web\", \"shipper\"]");
  }

  @Test
  void exposesTheTranslationAndTheMatch() {
    TranslationAssert translation = assertThatPod("pods/bridge.json").translatesWith(TestOffers.ample());
    assertThat(translation.translation().taskGroup().getTasksCount()).isEqualTo(1);
    assertThat(translation.resources().hostPorts()).containsEntry("admin", 31500);
  }

  @Test
  void doesNotMatchPassesForAnOfferThatIsTooSmall() {
    assertThatPod("pods/big.json")
        .doesNotMatch(TestOffers.ample())
        .doesNotMatch(TestOffers.ample(), Kind.INSUFFICIENT_CPUS, Kind.UNFULFILLED_CONSTRAINT)
        .doesNotMatch(TestOffers.ample().build(), Kind.INSUFFICIENT_MEM);
    assertThatPod("pods/racked.json").doesNotMatch(TestOffers.ample().attribute("rack", "r2"),
        Kind.UNFULFILLED_CONSTRAINT);
  }

  @Test
  void doesNotMatchFailsWhenThePodFits() {
    assertThatThrownBy(() -> assertThatPod("pods/web.json").doesNotMatch(TestOffers.ample()))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting pod /shop/web (pods/web.json) not to fit offer offer-1 (agent agent-1, "
            + "agent-1.example), but it fits");
  }

  @Test
  void doesNotMatchFailsForOtherReasons() {
    assertThatThrownBy(() -> assertThatPod("pods/big.json").doesNotMatch(TestOffers.ample(), Kind.INSUFFICIENT_PORTS))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expecting pod /batch/crunch (pods/big.json) not to fit offer offer-1 (agent agent-1, "
            + "agent-1.example) because of [INSUFFICIENT_PORTS], but the reasons it does not fit are:\n"
            + "  [INSUFFICIENT_CPUS]");
  }

  @Test
  void doesNotMatchFailsForAnInvalidPod() {
    assertThatThrownBy(() -> assertThatPod("pods/invalid.json").doesNotMatch(TestOffers.ample()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("not to fit offer offer-1 (agent agent-1, agent-1.example), but the pod is invalid");
  }
}
