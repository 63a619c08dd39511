package io.podkit.validation;

import static io.podkit.validation.TestPods.assertNoViolation;
import static io.podkit.validation.TestPods.assertViolations;
import static io.podkit.validation.TestPods.container;
import static io.podkit.validation.TestPods.podWith;
import static io.podkit.validation.TestPods.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Endpoint;
import io.podkit.model.Network;
import io.podkit.model.Pod;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Endpoints against each other (V-28..V-30, V-48) and against the pod's networks (V-45..V-47, V-49). */
class EndpointRulesTest {
  private static Endpoint.Builder endpoint(String name) {
    return Endpoint.builder(name);
  }

  /** A pod whose container {@code main} has {@code endpoints}, on {@code networks}. */
  private static Pod pod(Network[] networks, Endpoint.Builder... endpoints) {
    var c = container("main");
    for (Endpoint.Builder e : endpoints) {
      c.endpoint(e.build());
    }
    Pod.Builder b = podWith(c);
    for (Network n : networks) {
      b.network(n);
    }
    return b.build();
  }

  private static Network[] nets(Network... networks) {
    return networks;
  }

  private static final Network[] NONE = {};
  private static final Network[] TWO_CONTAINER = {Network.container("a"), Network.container("b")};

  // ------------------------------------------------------------------ V-28

  @Test
  @DisplayName("endpoint-names-unique")
  void endpointNamesUnique() {
    Pod pod = podWith(container("main").endpoint(endpoint("http").hostPort(8080).build()))
        .container(container("side")
            .endpoint(endpoint("admin").hostPort(8081).build())
            .endpoint(endpoint("http").hostPort(8082).build()))
        .build();
    ValidationReport report = validate(pod);
    assertViolations(report, Rule.ENDPOINT_NAMES_UNIQUE, "/containers(1)/endpoints(1)/name");
    assertThat(report.of(Rule.ENDPOINT_NAMES_UNIQUE).get(0).message())
        .isEqualTo("endpoint names must be unique across all containers");
  }

  @Test
  void everyLaterRepeatOfAnEndpointNameIsReported() {
    Pod pod = pod(NONE, endpoint("http"), endpoint("http"), endpoint("http"));
    assertViolations(validate(pod), Rule.ENDPOINT_NAMES_UNIQUE,
        "/containers(0)/endpoints(1)/name", "/containers(0)/endpoints(2)/name");
  }

  // ------------------------------------------------------------------ V-29

  @Test
  @DisplayName("container-ports-unique")
  void containerPortsUnique() {
    Pod pod = podWith(container("main").endpoint(endpoint("http").containerPort(8080).build()))
        .container(container("side").endpoint(endpoint("admin").containerPort(8080).build()))
        .network(Network.container("a"))
        .build();
    assertViolations(validate(pod), Rule.CONTAINER_PORTS_UNIQUE, "/containers(1)/endpoints(0)/containerPort");
  }

  @Test
  void containerPortZeroMayRepeat() {
    Pod pod = pod(nets(Network.bridge()), endpoint("a").containerPort(0), endpoint("b").containerPort(0));
    assertNoViolation(validate(pod), Rule.CONTAINER_PORTS_UNIQUE);
  }

  // ------------------------------------------------------------------ V-30

  @Test
  @DisplayName("host-ports-unique")
  void hostPortsUnique() {
    Pod pod = pod(NONE, endpoint("a").hostPort(80), endpoint("b").hostPort(443), endpoint("c").hostPort(80));
    assertViolations(validate(pod), Rule.HOST_PORTS_UNIQUE, "/containers(0)/endpoints(2)/hostPort");
  }

  @Test
  void severalHostPortZerosAreFine() {
    Pod pod = pod(NONE, endpoint("a").hostPort(0), endpoint("b").hostPort(0), endpoint("c").hostPort(0));
    assertNoViolation(validate(pod), Rule.HOST_PORTS_UNIQUE);
  }

  // ------------------------------------------------------------------ V-45

  @Test
  @DisplayName("endpoint-network-names")
  void endpointNetworkNames() {
    Pod pod = pod(TWO_CONTAINER, endpoint("http").containerPort(80).networkName("a").networkName("c"));
    ValidationReport report = validate(pod);
    assertViolations(report, Rule.ENDPOINT_NETWORK_NAMES, "/containers(0)/endpoints(0)/networkNames(1)");
    assertThat(report.of(Rule.ENDPOINT_NETWORK_NAMES).get(0).message()).isEqualTo("is not one of (a,b)");
  }

  @Test
  void theDefaultNetworkNameDoesNotCount() {
    Pod pod = pod(nets(new Network(Optional.empty(), Optional.empty(), Map.of())),
        endpoint("http").containerPort(80).networkName("dcos"));
    ValidationReport report = validate(pod, ValidationConfig.DEFAULT.withDefaultNetworkName("dcos"));
    assertViolations(report, Rule.ENDPOINT_NETWORK_NAMES, "/containers(0)/endpoints(0)/networkNames(0)");
    assertThat(report.of(Rule.ENDPOINT_NETWORK_NAMES).get(0).message()).isEqualTo("is not one of ()");
  }

  @Test
  void namesOfPodNetworksConform() {
    Pod pod = pod(TWO_CONTAINER, endpoint("http").containerPort(80).networkName("b"));
    assertNoViolation(validate(pod), Rule.ENDPOINT_NETWORK_NAMES);
  }

  // ------------------------------------------------------------------ V-46

  @Test
  @DisplayName("container-port-host-mode")
  void containerPortHostMode() {
    Pod pod = pod(nets(Network.host()), endpoint("http").hostPort(80), endpoint("admin").containerPort(8080));
    assertViolations(validate(pod), Rule.CONTAINER_PORT_HOST_MODE, "/containers(0)/endpoints(1)/containerPort");
  }

  @Test
  void containerPortsAreOptionalOnBridgeAndWithoutNetworks() {
    assertNoViolation(validate(pod(nets(Network.bridge()), endpoint("http").containerPort(80))),
        Rule.CONTAINER_PORT_HOST_MODE);
    assertNoViolation(validate(pod(NONE, endpoint("http").containerPort(80))), Rule.CONTAINER_PORT_HOST_MODE);
  }

  // ------------------------------------------------------------------ V-47

  @Test
  @DisplayName("container-port-required")
  void containerPortRequired() {
    Pod pod = pod(nets(Network.container("a")), endpoint("http").containerPort(80), endpoint("admin"));
    assertViolations(validate(pod), Rule.CONTAINER_PORT_REQUIRED, "/containers(0)/endpoints(1)/containerPort");
  }

  @Test
  void bridgeAndNoNetworksAreExemptFromContainerPortRequired() {
    assertNoViolation(validate(pod(nets(Network.bridge()), endpoint("http").hostPort(80))),
        Rule.CONTAINER_PORT_REQUIRED);
    assertNoViolation(validate(pod(NONE, endpoint("http").hostPort(80))), Rule.CONTAINER_PORT_REQUIRED);
  }

  // ------------------------------------------------------------------ V-48

  @Test
  @DisplayName("endpoint-protocols-duplicate")
  void endpointProtocolsDuplicate() {
    Pod pod = pod(NONE, endpoint("dns").protocol("udp", "tcp"), endpoint("http").protocol("tcp", "tcp"));
    assertViolations(validate(pod), Rule.ENDPOINT_PROTOCOLS_DUPLICATE, "/containers(0)/endpoints(1)/protocol");
  }

  // ------------------------------------------------------------------ V-49

  @Test
  @DisplayName("endpoint-network-names-single")
  void endpointNetworkNamesSingle() {
    Pod pod = pod(TWO_CONTAINER,
        endpoint("none").containerPort(80).hostPort(0),
        endpoint("both").containerPort(81).hostPort(8081).networkName("a").networkName("b"),
        endpoint("one").containerPort(82).hostPort(8082).networkName("a"));
    assertViolations(validate(pod), Rule.ENDPOINT_NETWORK_NAMES_SINGLE,
        "/containers(0)/endpoints(0)", "/containers(0)/endpoints(1)");
  }

  @Test
  void anEndpointWithoutHostPortIsExempt() {
    Pod pod = pod(TWO_CONTAINER, endpoint("http").containerPort(80));
    assertNoViolation(validate(pod), Rule.ENDPOINT_NETWORK_NAMES_SINGLE);
  }

  @Test
  void oneContainerNetworkNeedsNoNetworkName() {
    Pod pod = pod(nets(Network.container("a")), endpoint("http").containerPort(80).hostPort(0));
    assertNoViolation(validate(pod), Rule.ENDPOINT_NETWORK_NAMES_SINGLE);
  }

  // ------------------------------------------------------------------ conforming

  @Test
  void conformingEndpointsBreakNoEndpointRule() {
    Pod pod = podWith(container("main")
        .endpoint(endpoint("http").containerPort(80).hostPort(0).networkName("a").protocol("tcp").build())
        .endpoint(endpoint("dns").containerPort(53).protocol("udp", "tcp").build()))
        .container(container("side").endpoint(endpoint("admin").containerPort(8080).hostPort(9090)
            .networkName("b").build()))
        .network(Network.container("a"))
        .network(Network.container("b"))
        .build();
    ValidationReport report = validate(pod);
    for (Rule rule : new Rule[] {Rule.ENDPOINT_NAMES_UNIQUE, Rule.CONTAINER_PORTS_UNIQUE, Rule.HOST_PORTS_UNIQUE,
        Rule.ENDPOINT_NETWORK_NAMES, Rule.CONTAINER_PORT_HOST_MODE, Rule.CONTAINER_PORT_REQUIRED,
        Rule.ENDPOINT_PROTOCOLS_DUPLICATE, Rule.ENDPOINT_NETWORK_NAMES_SINGLE}) {
      assertNoViolation(report, rule);
    }
  }
}
