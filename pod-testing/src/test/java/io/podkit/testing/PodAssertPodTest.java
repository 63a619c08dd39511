package io.podkit.testing;

import static io.podkit.testing.PodAssertions.assertThatPod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podkit.model.NetworkMode;
import io.podkit.validation.Rule;
import io.podkit.validation.ValidationConfig;
import org.junit.jupiter.api.Test;

/** normalized() and the assertions on the pod itself. */
class PodAssertPodTest {
  @Test
  void normalizedFillsInMarathonsDefaults() {
    assertThatPod("pods/bridge.json")
        .hasInstances(1)
        .normalized()
        .hasRole("*")
        .hasInstances(1)
        .isValid()
        .satisfies(pod -> assertThat(pod.networks().get(0).modeOrDefault()).isEqualTo(NetworkMode.BRIDGE));
  }

  @Test
  void normalizedUsesTheConfiguration() {
    assertThatPod("pods/bridge.json").withConfig(ValidationConfig.DEFAULT.withMesosRole("shop"))
        .normalized().hasRole("shop");
    assertThatPod("pods/container-net.json").withConfig(ValidationConfig.DEFAULT.withDefaultNetworkName("dcos"))
        .normalized().isValid()
        .satisfies(pod -> assertThat(pod.networks().get(0).name()).contains("dcos"));
  }

  @Test
  void normalizedKeepsTheFileForMessages() {
    assertThatThrownBy(() -> assertThatPod("pods/invalid.json").normalized().isValid())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting normalized pod /shop/broken (pods/invalid.json) to be valid")
        .hasMessageContaining("pods/invalid.json:5:7: /containers(0)/name");
  }

  @Test
  void normalizedFailsWhenAContainerNetworkHasNoName() {
    assertThatThrownBy(() -> assertThatPod("pods/container-net.json").normalized())
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting pod /shop/overlay (pods/container-net.json) to normalize, but "
            + "pods/container-net.json:10:17: /networks(0)/name: container network name is not defined, and no "
            + "default network name is configured");
  }

  @Test
  void normalizedKeepsPoliciesAndConfig() {
    assertThatPod("pods/secrets.json").withConfig(ValidationConfig.DEFAULT.withSecrets(true)).normalized().isValid();
    assertThatPod("pods/secrets.json").normalized().hasViolationOfRule(Rule.SECRETS_FEATURE);
  }

  @Test
  void hasIdFails() {
    assertThatThrownBy(() -> assertThatPod("pods/web.json").hasId("/shop/api"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting pod /shop/web (pods/web.json) to have id /shop/api, but its id is /shop/web");
  }

  @Test
  void hasRoleFailsForAnotherRole() {
    assertThatThrownBy(() -> assertThatPod("pods/resident.json").hasRole("*"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting pod /db/notes (pods/resident.json) to have role *, but its role is db");
  }

  @Test
  void hasRoleFailsForAPodThatNamesNoneAndSaysWhereTheDefaultIs() {
    assertThatPod("pods/resident.json").hasRole("db");
    assertThatThrownBy(() -> assertThatPod("pods/web.json").hasRole("*"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting pod /shop/web (pods/web.json) to have role *, but it names no role "
            + "(call normalized() first to see the default)");
  }

  @Test
  void hasInstancesFails() {
    assertThatThrownBy(() -> assertThatPod("pods/web.json").hasInstances(3))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to ask for 3 instances, but it asks for 1");
  }

  @Test
  void hasContainerNamedPassesAndFails() {
    assertThatPod("pods/web.json").hasContainerNamed("web").hasContainerNamed("shipper");
    assertThatThrownBy(() -> assertThatPod("pods/web.json").hasContainerNamed("nginx"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting pod /shop/web (pods/web.json) to have a container named \"nginx\", but its "
            + "containers are [\"web\", \"shipper\"]");
  }
}
