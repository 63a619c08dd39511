package io.podkit.validation;

import static io.podkit.validation.TestPods.assertNoViolation;
import static io.podkit.validation.TestPods.assertViolations;
import static io.podkit.validation.TestPods.pod;
import static io.podkit.validation.TestPods.validate;

import io.podkit.model.Network;
import io.podkit.model.NetworkMode;
import io.podkit.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The pod's networks as written: per mode (V-19, V-20, V-23), duplicates (V-21), combinations (V-22). */
class NetworkRulesTest {
  private static final ValidationConfig DEFAULT_NETWORK = ValidationConfig.DEFAULT.withDefaultNetworkName("dcos");

  /** {@code {}}: a container network (mode absent) without a name. */
  private static Network unnamed() {
    return new Network(Optional.empty(), Optional.empty(), Map.of());
  }

  private static Network named(String name, NetworkMode mode) {
    return new Network(Optional.of(name), Optional.of(mode), Map.of());
  }

  private static Pod withNetworks(Network... networks) {
    Pod.Builder b = pod();
    for (Network n : networks) {
      b.network(n);
    }
    return b.build();
  }

  // ------------------------------------------------------------------ V-19

  @Test
  @DisplayName("network-host-name-or-labels")
  void networkHostNameOrLabels() {
    assertViolations(validate(withNetworks(named("net", NetworkMode.HOST))),
        Rule.NETWORK_HOST_NAME_OR_LABELS, "/networks(0)");
  }

  @Test
  void hostNetworksMayNotHaveLabels() {
    assertViolations(validate(withNetworks(Network.host().withLabels(Map.of("team", "web")))),
        Rule.NETWORK_HOST_NAME_OR_LABELS, "/networks(0)");
  }

  @Test
  void aPlainHostNetworkConforms() {
    assertNoViolation(validate(withNetworks(Network.host())), Rule.NETWORK_HOST_NAME_OR_LABELS);
  }

  // ------------------------------------------------------------------ V-20

  @Test
  @DisplayName("network-bridge-name")
  void networkBridgeName() {
    assertViolations(validate(withNetworks(named("br", NetworkMode.BRIDGE))), Rule.NETWORK_BRIDGE_NAME,
        "/networks(0)");
  }

  @Test
  void bridgeNetworksMayHaveLabels() {
    assertNoViolation(validate(withNetworks(Network.bridge().withLabels(Map.of("team", "web")))),
        Rule.NETWORK_BRIDGE_NAME);
  }

  // ------------------------------------------------------------------ V-21

  @Test
  @DisplayName("networks-duplicate")
  void networksDuplicate() {
    assertViolations(validate(withNetworks(Network.container("a"), Network.container("b"), Network.container("a"))),
        Rule.NETWORKS_DUPLICATE, "/networks");
  }

  @Test
  void twoUnnamedContainerNetworksAreDuplicates() {
    Pod pod = withNetworks(unnamed(), new Network(Optional.empty(), Optional.of(NetworkMode.CONTAINER), Map.of()));
    assertViolations(validate(pod, DEFAULT_NETWORK), Rule.NETWORKS_DUPLICATE, "/networks");
  }

  @Test
  void oneUnnamedAndNamedContainerNetworksAreDistinct() {
    Pod pod = withNetworks(unnamed(), Network.container("a"), Network.container("b"));
    assertNoViolation(validate(pod, DEFAULT_NETWORK), Rule.NETWORKS_DUPLICATE);
  }

  @Test
  void aNameRepeatedAcrossModesIsADuplicate() {
    assertViolations(validate(withNetworks(Network.container("a"), named("a", NetworkMode.HOST))),
        Rule.NETWORKS_DUPLICATE, "/networks");
  }

  // ------------------------------------------------------------------ V-22

  static Stream<List<Network>> forbiddenCombinations() {
    return Stream.of(
        List.of(Network.host(), Network.container("a")),
        List.of(Network.bridge(), Network.container("a")),
        List.of(Network.host(), Network.host()),
        List.of(Network.bridge(), Network.bridge()),
        List.of(Network.host(), Network.bridge()),
        List.of(unnamed(), Network.host()));
  }

  static Stream<List<Network>> allowedCombinations() {
    return Stream.of(
        List.<Network>of(),
        List.of(Network.host()),
        List.of(Network.bridge()),
        List.of(Network.container("a")),
        List.of(Network.container("a"), Network.container("b"), unnamed()));
  }

  @Test
  @DisplayName("network-modes")
  void networkModes() {
    assertViolations(validate(withNetworks(Network.host(), Network.container("a"))), Rule.NETWORK_MODES,
        "/networks");
  }

  @ParameterizedTest
  @MethodSource("forbiddenCombinations")
  void everyForbiddenCombinationIsRejected(List<Network> networks) {
    assertViolations(validate(withNetworks(networks.toArray(Network[]::new)), DEFAULT_NETWORK), Rule.NETWORK_MODES, "/networks");
  }

  @ParameterizedTest
  @MethodSource("allowedCombinations")
  void allowedCombinationsConform(List<Network> networks) {
    assertNoViolation(validate(withNetworks(networks.toArray(Network[]::new)), DEFAULT_NETWORK), Rule.NETWORK_MODES);
  }

  // ------------------------------------------------------------------ V-23

  @Test
  @DisplayName("network-name-required")
  void networkNameRequired() {
    Pod pod = withNetworks(Network.container("a"),
        new Network(Optional.empty(), Optional.of(NetworkMode.CONTAINER), Map.of()));
    assertViolations(validate(pod), Rule.NETWORK_NAME_REQUIRED, "/networks(1)");
  }

  @Test
  void aNetworkWithoutModeIsAContainerNetworkAndNeedsAName() {
    assertViolations(validate(withNetworks(unnamed())), Rule.NETWORK_NAME_REQUIRED, "/networks(0)");
  }

  @Test
  void theDefaultNetworkNameNamesUnnamedContainerNetworks() {
    assertNoViolation(validate(withNetworks(unnamed()), DEFAULT_NETWORK), Rule.NETWORK_NAME_REQUIRED);
  }

  @Test
  void hostAndBridgeNetworksNeedNoName() {
    assertNoViolation(validate(withNetworks(Network.host())), Rule.NETWORK_NAME_REQUIRED);
    assertNoViolation(validate(withNetworks(Network.bridge())), Rule.NETWORK_NAME_REQUIRED);
  }

  // ------------------------------------------------------------------ conforming

  @Test
  void conformingNetworksBreakNoNetworkRule() {
    ValidationReport report = validate(withNetworks(Network.container("a"), Network.container("b")));
    for (Rule rule : new Rule[] {Rule.NETWORK_HOST_NAME_OR_LABELS, Rule.NETWORK_BRIDGE_NAME,
        Rule.NETWORKS_DUPLICATE, Rule.NETWORK_MODES, Rule.NETWORK_NAME_REQUIRED}) {
      assertNoViolation(report, rule);
    }
  }
}
