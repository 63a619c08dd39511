package io.podkit.translator;

import static io.podkit.translator.Fixtures.container;
import static io.podkit.translator.Fixtures.hostPorts;
import static io.podkit.translator.Fixtures.onlyTask;
import static io.podkit.translator.Fixtures.pod;
import static io.podkit.translator.Fixtures.translate;
import static io.podkit.translator.Fixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podkit.model.Check;
import io.podkit.model.CheckKind;
import io.podkit.model.Command;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.HealthCheck;
import io.podkit.model.HttpScheme;
import io.podkit.model.Network;
import io.podkit.validation.ValidPod;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;

/** translation-rules C.5 (health checks) and DESIGN G9 (checks): kinds, ports and timings. */
class HealthCheckRulesTest {
  private static Container.Builder web(Endpoint endpoint) {
    return container("web").endpoint(endpoint);
  }

  private static Protos.TaskInfo hostNetworkTask(Container.Builder c) {
    return onlyTask(translate(valid(pod("/p", c).network(Network.host()).build()), hostPorts("http", 31080)));
  }

  private static Protos.TaskInfo containerNetworkTask(Container.Builder c, Map<String, Integer> ports) {
    return onlyTask(translate(valid(pod("/p", c).network(Network.container("dcos")).build()), ports));
  }

  @Test
  void c5_httpHealthCheckHasTypeHttpSchemePortIpv4AndPath() {
    Protos.HealthCheck hc = hostNetworkTask(web(Endpoint.builder("http").hostPort(0).build())
        .healthCheck(HealthCheck.of(CheckKind.http("http", "/ping")))).getHealthCheck();
    assertThat(hc.getType()).isEqualTo(Protos.HealthCheck.Type.HTTP);
    assertThat(hc.getHttp().getScheme()).isEqualTo("http");
    assertThat(hc.getHttp().getPort()).isEqualTo(31080);
    assertThat(hc.getHttp().getProtocol()).isEqualTo(Protos.NetworkInfo.Protocol.IPv4);
    assertThat(hc.getHttp().getPath()).isEqualTo("/ping");
  }

  @Test
  void c5_httpsSchemeAndNoPath() {
    Protos.HealthCheck hc = hostNetworkTask(web(Endpoint.builder("http").hostPort(0).build())
        .healthCheck(HealthCheck.of(new CheckKind.Http("http", Optional.empty(), Optional.of(HttpScheme.HTTPS)))))
        .getHealthCheck();
    assertThat(hc.getHttp().getScheme()).isEqualTo("https");
    assertThat(hc.getHttp().hasPath()).isFalse();
  }

  @Test
  void c5_tcpHealthCheckHasTypeTcpPortAndIpv4() {
    Protos.HealthCheck hc = hostNetworkTask(web(Endpoint.builder("http").hostPort(0).build())
        .healthCheck(HealthCheck.of(CheckKind.tcp("http")))).getHealthCheck();
    assertThat(hc.getType()).isEqualTo(Protos.HealthCheck.Type.TCP);
    assertThat(hc.getTcp().getPort()).isEqualTo(31080);
    assertThat(hc.getTcp().getProtocol()).isEqualTo(Protos.NetworkInfo.Protocol.IPv4);
    assertThat(hc.hasHttp()).isFalse();
  }

  @Test
  void c5_containerNetworkProbesTheContainerPort() {
    Protos.HealthCheck hc = containerNetworkTask(web(Endpoint.builder("http").containerPort(8080).hostPort(0).build())
        .healthCheck(HealthCheck.of(CheckKind.tcp("http"))), hostPorts("http", 31080)).getHealthCheck();
    assertThat(hc.getTcp().getPort()).isEqualTo(8080);
  }

  @Test
  void c5_bridgeEndpointWithoutContainerPortProbesTheHostPort() {
    ValidPod pod = valid(pod("/p", web(Endpoint.builder("http").build())
        .healthCheck(HealthCheck.of(CheckKind.tcp("http")))).network(Network.bridge()).build());
    assertThat(onlyTask(translate(pod, hostPorts("http", 31080))).getHealthCheck().getTcp().getPort())
        .isEqualTo(31080);
  }

  @Test
  void c5_shellCommandHealthCheck() {
    Protos.HealthCheck hc = onlyTask(translate(valid(pod("/p", container("a")
        .healthCheck(HealthCheck.of(CheckKind.exec(Command.shell("curl -f localhost"))))).build()))).getHealthCheck();
    assertThat(hc.getType()).isEqualTo(Protos.HealthCheck.Type.COMMAND);
    assertThat(hc.getCommand().getShell()).isTrue();
    assertThat(hc.getCommand().getValue()).isEqualTo("curl -f localhost");
    assertThat(hc.getCommand().getArgumentsList()).isEmpty();
  }

  @Test
  void c5_argvCommandHealthCheck() {
    Protos.HealthCheck hc = onlyTask(translate(valid(pod("/p", container("a")
        .healthCheck(HealthCheck.of(CheckKind.exec(Command.argv("/bin/check", "-v"))))).build()))).getHealthCheck();
    assertThat(hc.getCommand().getShell()).isFalse();
    assertThat(hc.getCommand().getValue()).isEqualTo("/bin/check");
    assertThat(hc.getCommand().getArgumentsList()).containsExactly("/bin/check", "-v");
  }

  @Test
  void c5_defaultTimings() {
    Protos.HealthCheck hc = onlyTask(translate(valid(pod("/p", container("a")
        .healthCheck(HealthCheck.of(CheckKind.exec(Command.shell("true"))))).build()))).getHealthCheck();
    assertThat(hc.getGracePeriodSeconds()).isEqualTo(300.0);
    assertThat(hc.getIntervalSeconds()).isEqualTo(60.0);
    assertThat(hc.getConsecutiveFailures()).isEqualTo(3);
    assertThat(hc.getTimeoutSeconds()).isEqualTo(20.0);
    assertThat(hc.getDelaySeconds()).isEqualTo(15.0);
  }

  @Test
  void c5_explicitTimings() {
    Protos.HealthCheck hc = onlyTask(translate(valid(pod("/p", container("a")
        .healthCheck(HealthCheck.of(CheckKind.exec(Command.shell("true"))).withTimings(30, 10, 5, 4, 2))).build())))
        .getHealthCheck();
    assertThat(hc.getGracePeriodSeconds()).isEqualTo(30.0);
    assertThat(hc.getIntervalSeconds()).isEqualTo(10.0);
    assertThat(hc.getConsecutiveFailures()).isEqualTo(5);
    assertThat(hc.getTimeoutSeconds()).isEqualTo(4.0);
    assertThat(hc.getDelaySeconds()).isEqualTo(2.0);
  }

  @Test
  void c5_noHealthCheckWithoutOne() {
    assertThat(onlyTask(translate(valid(pod("/p", container("a")).build()))).hasHealthCheck()).isFalse();
  }

  @Test
  void g9_httpCheckHasTypePortAndPath() {
    Protos.CheckInfo check = containerNetworkTask(web(Endpoint.builder("http").containerPort(8080).build())
        .check(Check.of(CheckKind.http("http", "/ready"))), Map.of()).getCheck();
    assertThat(check.getType()).isEqualTo(Protos.CheckInfo.Type.HTTP);
    assertThat(check.getHttp().getPort()).isEqualTo(8080);
    assertThat(check.getHttp().getPath()).isEqualTo("/ready");
  }

  @Test
  void g9_tcpCheckOnAHostNetworkProbesTheHostPort() {
    Protos.CheckInfo check = hostNetworkTask(web(Endpoint.builder("http").hostPort(0).build())
        .check(Check.of(CheckKind.tcp("http")))).getCheck();
    assertThat(check.getType()).isEqualTo(Protos.CheckInfo.Type.TCP);
    assertThat(check.getTcp().getPort()).isEqualTo(31080);
  }

  @Test
  void g9_commandCheck() {
    Protos.CheckInfo check = onlyTask(translate(valid(pod("/p", container("a")
        .check(Check.of(CheckKind.exec(Command.argv("/bin/ready"))))).build()))).getCheck();
    assertThat(check.getType()).isEqualTo(Protos.CheckInfo.Type.COMMAND);
    assertThat(check.getCommand().getCommand().getShell()).isFalse();
    assertThat(check.getCommand().getCommand().getValue()).isEqualTo("/bin/ready");
    assertThat(check.getCommand().getCommand().getArgumentsList()).containsExactly("/bin/ready");
  }

  @Test
  void g9_checkTimingsDefaultAndExplicit() {
    Protos.CheckInfo defaults = onlyTask(translate(valid(pod("/p", container("a")
        .check(Check.of(CheckKind.exec(Command.shell("true"))))).build()))).getCheck();
    assertThat(defaults.getIntervalSeconds()).isEqualTo(60.0);
    assertThat(defaults.getTimeoutSeconds()).isEqualTo(20.0);
    assertThat(defaults.getDelaySeconds()).isEqualTo(15.0);
    Protos.CheckInfo explicit = onlyTask(translate(valid(pod("/p", container("a")
        .check(new Check(CheckKind.exec(Command.shell("true")), Optional.of(5), Optional.of(2), Optional.of(1))))
        .build()))).getCheck();
    assertThat(explicit.getIntervalSeconds()).isEqualTo(5.0);
    assertThat(explicit.getTimeoutSeconds()).isEqualTo(2.0);
    assertThat(explicit.getDelaySeconds()).isEqualTo(1.0);
  }

  /** CheckInfo has no scheme: the validator rejects an HTTPS check, so it never reaches translation. */
  @Test
  void g9_anHttpsCheckCannotBeExpressedSoItIsNeverValid() {
    io.podkit.model.Pod pod = pod("/p", web(Endpoint.builder("http").hostPort(0).build())
        .check(Check.of(new CheckKind.Http("http", Optional.of("/"), Optional.of(HttpScheme.HTTPS))))).build();
    assertThat(io.podkit.validation.PodValidator.withDefaults().validate(pod).of(io.podkit.validation.Rule.CHECK_HTTPS))
        .isNotEmpty();
  }
}
