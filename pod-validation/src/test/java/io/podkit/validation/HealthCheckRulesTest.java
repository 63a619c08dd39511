package io.podkit.validation;

import static io.podkit.validation.TestPods.assertNoViolation;
import static io.podkit.validation.TestPods.assertViolations;
import static io.podkit.validation.TestPods.container;
import static io.podkit.validation.TestPods.podWith;
import static io.podkit.validation.TestPods.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Check;
import io.podkit.model.CheckKind;
import io.podkit.model.Command;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.HealthCheck;
import io.podkit.model.Network;
import io.podkit.model.NetworkMode;
import io.podkit.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HealthCheckRulesTest {
  private static final HealthCheck HTTP_WEB = HealthCheck.of(CheckKind.http("web", "/health"));
  private static final HealthCheck EXEC = HealthCheck.of(CheckKind.exec(Command.shell("test -f /tmp/ok")));

  private static Container.Builder web() {
    return container("main").endpoint(Endpoint.builder("web").hostPort(0).build());
  }

  private static HealthCheck timings(Integer interval, Integer timeout) {
    return new HealthCheck(CheckKind.tcp("web"), Optional.empty(), Optional.ofNullable(interval), Optional.empty(),
        Optional.ofNullable(timeout), Optional.empty());
  }

  @Test
  @DisplayName("health-check-timeout")
  void healthCheckTimeout() {
    // Interval 10 with the default timeout of 20.
    ValidationReport report = validate(podWith(web().healthCheck(timings(10, null))).build());
    assertViolations(report, Rule.HEALTH_CHECK_TIMEOUT, "/containers(0)/healthCheck/timeoutSeconds");
    assertThat(report.of(Rule.HEALTH_CHECK_TIMEOUT).get(0).message()).isEqualTo("got 20, expected less than 10");
  }

  @Test
  void healthCheckTimeoutAgainstDefaultInterval() {
    ValidationReport report = validate(podWith(web().healthCheck(timings(null, 60))).build());
    assertViolations(report, Rule.HEALTH_CHECK_TIMEOUT, "/containers(0)/healthCheck/timeoutSeconds");
    assertThat(report.of(Rule.HEALTH_CHECK_TIMEOUT).get(0).message()).isEqualTo("got 60, expected less than 60");
  }

  @Test
  void healthCheckTimeoutBelowIntervalIsFine() {
    assertNoViolation(validate(podWith(web().healthCheck(timings(null, null))).build()), Rule.HEALTH_CHECK_TIMEOUT);
    assertNoViolation(validate(podWith(web().healthCheck(timings(null, 59))).build()), Rule.HEALTH_CHECK_TIMEOUT);
    assertNoViolation(validate(podWith(web().healthCheck(timings(21, null))).build()), Rule.HEALTH_CHECK_TIMEOUT);
    assertNoViolation(validate(podWith(web().healthCheck(timings(5, 4))).build()), Rule.HEALTH_CHECK_TIMEOUT);
  }

  @Test
  @DisplayName("health-check-endpoint")
  void healthCheckEndpoint() {
    // "web" belongs to the other container: a health check probes only its own container's endpoints.
    Pod pod = podWith(container("main").endpoint(Endpoint.builder("admin").hostPort(0).build())
            .healthCheck(HTTP_WEB))
        .container(container("side").endpoint(Endpoint.builder("web").hostPort(0).build())
            .healthCheck(HealthCheck.of(CheckKind.tcp("nope"))))
        .build();
    ValidationReport report = validate(pod);
    assertViolations(report, Rule.HEALTH_CHECK_ENDPOINT,
        "/containers(0)/healthCheck/http/endpoint", "/containers(1)/healthCheck/tcp/endpoint");
    assertThat(report.of(Rule.HEALTH_CHECK_ENDPOINT)).extracting(Violation::message)
        .containsOnly("contained in the container endpoints");
    // An unknown endpoint has no port to resolve: only the endpoint rule reports it.
    assertNoViolation(report, Rule.HEALTH_CHECK_PORT_UNRESOLVED);
  }

  @Test
  void healthCheckOnOwnEndpointIsFine() {
    assertNoViolation(validate(podWith(web().healthCheck(HTTP_WEB)).build()), Rule.HEALTH_CHECK_ENDPOINT);
    assertNoViolation(validate(podWith(web().healthCheck(HealthCheck.of(CheckKind.tcp("web")))).build()),
        Rule.HEALTH_CHECK_ENDPOINT);
    assertNoViolation(validate(podWith(container("main").healthCheck(EXEC)).build()), Rule.HEALTH_CHECK_ENDPOINT);
  }

  @Test
  @DisplayName("check-endpoint")
  void checkEndpoint() {
    Pod pod = podWith(web().check(Check.of(CheckKind.http("admin", "/ready"))))
        .container(container("side").check(Check.of(CheckKind.tcp("web"))))
        .build();
    ValidationReport report = validate(pod);
    assertViolations(report, Rule.CHECK_ENDPOINT,
        "/containers(0)/check/http/endpoint", "/containers(1)/check/tcp/endpoint");
    assertNoViolation(report, Rule.HEALTH_CHECK_ENDPOINT);
  }

  @Test
  void checkOnOwnEndpointIsFine() {
    Pod pod = podWith(web().check(Check.of(CheckKind.tcp("web"))))
        .container(container("side").check(Check.of(CheckKind.exec(Command.argv("true")))))
        .build();
    assertNoViolation(validate(pod), Rule.CHECK_ENDPOINT);
  }

  @Test
  @DisplayName("health-check-exec-version")
  void healthCheckExecVersion() {
    ValidationConfig old = ValidationConfig.DEFAULT.withMasterVersion(MesosVersion.parse("1.2.9"));
    ValidationReport report = validate(podWith(container("main").healthCheck(EXEC)).build(), old);
    assertViolations(report, Rule.HEALTH_CHECK_EXEC_VERSION, "/containers(0)/healthCheck/exec");
    assertThat(report.of(Rule.HEALTH_CHECK_EXEC_VERSION).get(0).message())
        .isEqualTo("Mesos Master (1.2.9) does not support Command Health Checks");
  }

  @Test
  void execHealthCheckWithCurrentOrUnknownMaster() {
    Pod pod = podWith(container("main").healthCheck(EXEC)).build();
    assertNoViolation(validate(pod, ValidationConfig.DEFAULT.withMasterVersion(new MesosVersion(1, 3, 0))),
        Rule.HEALTH_CHECK_EXEC_VERSION);
    assertNoViolation(validate(pod, ValidationConfig.DEFAULT.withMasterVersion(MesosVersion.parse("1.11.0"))),
        Rule.HEALTH_CHECK_EXEC_VERSION);
    // podkit difference: an unknown master is taken as current (Marathon took it as 0.0.0).
    TestPods.assertValid(pod, ValidationConfig.DEFAULT);
  }

  @Test
  void execVersionAppliesToHealthChecksOnly() {
    ValidationConfig old = ValidationConfig.DEFAULT.withMasterVersion(MesosVersion.parse("1.2.0"));
    Pod pod = podWith(web().healthCheck(HTTP_WEB).check(Check.of(CheckKind.exec(Command.shell("true"))))).build();
    assertNoViolation(validate(pod, old), Rule.HEALTH_CHECK_EXEC_VERSION);
  }

  @Test
  @DisplayName("health-check-port-unresolved")
  void healthCheckPortUnresolved() {
    // A container network and an endpoint with neither containerPort nor hostPort (which V-47 also rejects).
    Pod pod = podWith(container("main").endpoint(Endpoint.builder("web").build()).healthCheck(HTTP_WEB))
        .network(Network.container("dcos"))
        .build();
    ValidationReport report = validate(pod);
    assertViolations(report, Rule.HEALTH_CHECK_PORT_UNRESOLVED, "/containers(0)/healthCheck");
    assertThat(report.of(Rule.HEALTH_CHECK_PORT_UNRESOLVED).get(0).message())
        .isEqualTo("the health check's endpoint web has no port to probe in this network mode (container)");
  }

  @Test
  void healthCheckPortResolvesInEveryOtherCase() {
    // Host network and no network: the allocated host port (absent means 0, a dynamic port).
    Pod host = podWith(container("main").endpoint(Endpoint.builder("web").build()).healthCheck(HTTP_WEB))
        .network(Network.host()).build();
    Pod none = podWith(container("main").endpoint(Endpoint.builder("web").build()).healthCheck(HTTP_WEB)).build();
    // Bridge: normalization gives the endpoint hostPort 0.
    Pod bridge = podWith(container("main").endpoint(Endpoint.builder("web").build()).healthCheck(HTTP_WEB))
        .network(Network.bridge()).build();
    Pod container = podWith(container("main").endpoint(Endpoint.builder("web").containerPort(8080).build())
        .healthCheck(HTTP_WEB)).network(Network.container("dcos")).build();
    for (Pod pod : List.of(host, none, bridge, container)) {
      assertNoViolation(validate(pod), Rule.HEALTH_CHECK_PORT_UNRESOLVED);
    }
    TestPods.assertValid(container, ValidationConfig.DEFAULT);
    TestPods.assertValid(bridge, ValidationConfig.DEFAULT);
  }

  /**
   * Every combination of networks and ports: the rule fires exactly for a container network (without
   * a host network) and an endpoint with no port at all, so never for a pod that passes V-47.
   */
  @Test
  void healthCheckPortUnresolvedNeverFiresWhenV47Passes() {
    List<List<Network>> networkSets = List.of(List.of(), List.of(Network.host()), List.of(Network.bridge()),
        List.of(Network.container("a")), List.of(Network.container("a"), Network.container("b")),
        List.of(Network.host(), Network.container("a")));
    List<Optional<Integer>> containerPorts = List.of(Optional.empty(), Optional.of(8080));
    List<Optional<Integer>> hostPorts = List.of(Optional.empty(), Optional.of(0), Optional.of(31000));
    int checked = 0;
    for (List<Network> networks : networkSets) {
      for (Optional<Integer> containerPort : containerPorts) {
        for (Optional<Integer> hostPort : hostPorts) {
          Endpoint endpoint = new Endpoint("web", containerPort, hostPort, List.of(), Map.of(), List.of());
          Pod.Builder b = podWith(container("main").endpoint(endpoint).healthCheck(HTTP_WEB));
          networks.forEach(b::network);
          ValidationReport report = validate(b.build());
          boolean container = networks.stream().anyMatch(n -> n.modeOrDefault() == NetworkMode.CONTAINER);
          boolean host = networks.stream().anyMatch(n -> n.modeOrDefault() == NetworkMode.HOST);
          boolean passesV47 = !container || containerPort.isPresent();
          boolean expected = container && !host && containerPort.isEmpty() && hostPort.isEmpty();
          String what = networks + " " + endpoint;
          assertThat(report.of(Rule.HEALTH_CHECK_PORT_UNRESOLVED)).as(what).hasSize(expected ? 1 : 0);
          if (passesV47) {
            assertThat(expected).as(what).isFalse();
          }
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(36);
  }

  @Test
  void execHealthCheckHasNoPort() {
    Pod pod = podWith(container("main").healthCheck(EXEC)).network(Network.container("dcos")).build();
    assertNoViolation(validate(pod), Rule.HEALTH_CHECK_PORT_UNRESOLVED);
  }

  @Test
  void conformingHealthCheckIsValid() {
    HealthCheck hc = HTTP_WEB.withTimings(30, 10, 3, 5, 0);
    Pod pod = podWith(web().healthCheck(hc).check(Check.of(CheckKind.tcp("web")))).network(Network.host()).build();
    TestPods.assertValid(pod, ValidationConfig.DEFAULT);
  }

  @Test
  @DisplayName("check-https")
  void checkHttps() {
    Container.Builder c = container("main").endpoint(Endpoint.builder("web").build());
    Pod https = podWith(c.check(Check.of(new CheckKind.Http("web", Optional.of("/"),
        Optional.of(io.podkit.model.HttpScheme.HTTPS))))).build();
    assertViolations(validate(https), Rule.CHECK_HTTPS, "/containers(0)/check/http/scheme");
    Pod http = podWith(container("main").endpoint(Endpoint.builder("web").build())
        .check(Check.of(CheckKind.http("web", "/")))).build();
    assertNoViolation(validate(http), Rule.CHECK_HTTPS);
  }

  @Test
  @DisplayName("http-path-absolute")
  void httpPathAbsolute() {
    Pod pod = podWith(container("main").endpoint(Endpoint.builder("web").build())
        .healthCheck(HealthCheck.of(CheckKind.http("web", "health")))
        .check(Check.of(CheckKind.http("web", "ready")))).build();
    assertViolations(validate(pod), Rule.HTTP_PATH_ABSOLUTE,
        "/containers(0)/healthCheck/http/path", "/containers(0)/check/http/path");
    Pod ok = podWith(container("main").endpoint(Endpoint.builder("web").build())
        .healthCheck(HealthCheck.of(CheckKind.http("web", "/health")))).build();
    assertNoViolation(validate(ok), Rule.HTTP_PATH_ABSOLUTE);
  }
}
