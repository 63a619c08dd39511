package io.podkit.validation;

import static io.podkit.validation.TestPods.assertNoViolation;
import static io.podkit.validation.TestPods.assertViolations;
import static io.podkit.validation.TestPods.container;
import static io.podkit.validation.TestPods.pod;
import static io.podkit.validation.TestPods.podWith;
import static io.podkit.validation.TestPods.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.podkit.model.Check;
import io.podkit.model.CheckKind;
import io.podkit.model.Command;
import io.podkit.model.Endpoint;
import io.podkit.model.HealthCheck;
import io.podkit.model.Pod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LimitationRulesTest {
  private static Pod shell(String shell) {
    return podWith(container("main").shell(shell)).build();
  }

  @Test
  @DisplayName("limitation-port-variables")
  void limitationPortVariables() {
    ValidationReport report = validate(shell("python3 -m http.server $PORT0"));
    assertViolations(report, Rule.LIMITATION_PORT_VARIABLES, "/containers(0)/exec/command/shell");
    assertThat(report.of(Rule.LIMITATION_PORT_VARIABLES).get(0).message()).isEqualTo(
        "pods do not define $PORT0-style variables; the command of container main refers to $PORT0, "
            + "use ENDPOINT_<NAME> (the port of the endpoint named NAME) instead");
  }

  @Test
  void everyPlaceACommandOrValueCanReferToAPort() {
    Pod pod = pod()
        .env("JAVA_OPTS", "-Dhttp.port=${PORT1}")
        .container(container("side")
            .argv("/bin/server", "--ports=$PORTS")
            .env("LISTEN", ":$PORT")
            .healthCheck(HealthCheck.of(CheckKind.exec(Command.shell("curl -f localhost:$PORT0/health"))))
            .check(Check.of(CheckKind.exec(Command.argv("sh", "-c", "nc -z localhost ${PORT0:-8080}")))))
        .build();
    ValidationReport report = validate(pod);
    assertViolations(report, Rule.LIMITATION_PORT_VARIABLES,
        "/environment/JAVA_OPTS",
        "/containers(1)/environment/LISTEN",
        "/containers(1)/exec/command/argv(1)",
        "/containers(1)/healthCheck/exec/command/shell",
        "/containers(1)/check/exec/command/argv(2)");
    assertThat(report.of(Rule.LIMITATION_PORT_VARIABLES)).extracting(Violation::message).allSatisfy(m ->
        assertThat(m).startsWith("pods do not define $PORT0-style variables; "))
        .anySatisfy(m -> assertThat(m).contains("the environment value of JAVA_OPTS refers to ${PORT1}"))
        .anySatisfy(m -> assertThat(m).contains("the environment value of LISTEN in container side refers to $PORT,"))
        .anySatisfy(m -> assertThat(m).contains("argument 1 of the command of container side refers to $PORTS"))
        .anySatisfy(m -> assertThat(m).contains("the health check command of container side refers to $PORT0"))
        .anySatisfy(m -> assertThat(m).contains(
            "argument 2 of the check command of container side refers to ${PORT0:-8080}"));
  }

  @Test
  void eachDistinctReferenceIsReportedOnce() {
    ValidationReport report = validate(shell("serve --http $PORT0 --admin $PORT1 --again $PORT0"));
    assertViolations(report, Rule.LIMITATION_PORT_VARIABLES,
        "/containers(0)/exec/command/shell", "/containers(0)/exec/command/shell");
  }

  @ParameterizedTest
  @ValueSource(strings = {"$PORT", "$PORT0", "$PORT12", "${PORT3}", "$PORTS", "${PORTS}", "x=$PORT0;",
      "\"$PORT0\"", "'$PORT0'", "${PORT0:-80}", "${#PORT0}", "$PORT0-suffix", "$PORT0.x", "${PORT_WEB}",
      "$PORT_WEB_TLS"})
  void flagged(String command) {
    Pod pod = podWith(container("main").shell("serve " + command)
        .endpoint(Endpoint.builder("web").hostPort(0).build())
        .endpoint(Endpoint.builder("web-tls").hostPort(0).build())).build();
    assertViolations(validate(pod), Rule.LIMITATION_PORT_VARIABLES, "/containers(0)/exec/command/shell");
  }

  /**
   * Other variables, whose names only start with PORT (the shell reads the longest name), PORT_X
   * where X is no endpoint of the pod, escaped or doubled dollars, and lower case.
   */
  @ParameterizedTest
  @ValueSource(strings = {"$PORTAL", "$PORT0X", "$PORTS_LIST", "${PORTAL}", "$PORT_NUMBER_OF_WORKERS",
      "$PORT_ADMIN", "$ENDPOINT_WEB", "$EP_HOST_WEB", "\\$PORT0", "$$PORT0", "$port0", "PORT0", "$MYPORT0",
      "$_PORT0", "$1PORT0", "$", "${", "$PORT0x"})
  void notFlagged(String command) {
    Pod pod = podWith(container("main").shell("serve " + command)
        .endpoint(Endpoint.builder("web").hostPort(0).build())).build();
    assertNoViolation(validate(pod), Rule.LIMITATION_PORT_VARIABLES);
  }

  @Test
  void aVariableThePodDefinesIsNotFlagged() {
    Pod pod = pod()
        .env("PORT0", "8080")
        .env("URL", "http://localhost:$PORT0")
        .containers(java.util.List.of(
            container("main").shell("serve $PORT0 $PORT").env("PORT", "9090").build(),
            // PORT is defined only in the other container.
            container("side").shell("serve $PORT0 $PORT").build()))
        .build();
    assertViolations(validate(pod), Rule.LIMITATION_PORT_VARIABLES, "/containers(1)/exec/command/shell");
  }

  @Test
  void secretValuesAndAbsentCommandsAreSkipped() {
    Pod pod = podWith(io.podkit.model.Container.builder("main").resources(0.5, 64)).build();
    assertNoViolation(validate(pod), Rule.LIMITATION_PORT_VARIABLES);
  }

  @Test
  void referencesAreReadAsTheShellReadsThem() {
    assertThat(LimitationRules.references("a $PORT0 ${HOST:-x} $$ \\$ESCAPED ${#LEN} $PORT0 ${OPEN"))
        .containsExactly(entry("$PORT0", "PORT0"), entry("${HOST:-x}", "HOST"), entry("${#LEN}", "LEN"),
            entry("${OPEN", "OPEN"));
  }

  @Test
  void conformingPodIsValid() {
    Pod pod = podWith(container("main").shell("serve --port $ENDPOINT_WEB --workers $PORT_NUMBER_OF_WORKERS")
        .endpoint(Endpoint.builder("web").hostPort(0).build()))
        .env("PORT_NUMBER_OF_WORKERS", "4")
        .build();
    TestPods.assertValid(pod, ValidationConfig.DEFAULT);
  }
}
