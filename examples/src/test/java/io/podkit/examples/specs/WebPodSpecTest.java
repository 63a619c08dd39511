package io.podkit.examples.specs;

import static io.podkit.testing.PodAssertions.assertThatPod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podkit.model.Pod;
import io.podkit.testing.PodFile;
import io.podkit.testing.PodSpecTest;
import io.podkit.testing.TestOffers;
import io.podkit.translator.offer.NoMatchReason;
import io.podkit.validation.Rule;
import org.apache.mesos.Protos.HealthCheck;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Unit-testing pod specs: how a team that keeps its pod definitions in a repository checks them in
 * JUnit with one test-scope dependency, {@code io.podkit:pod-testing}. Each test reads the spec as
 * the framework will (strictly), validates it with every Marathon and Mesos rule, and looks at the
 * Mesos tasks it becomes for a typical agent, so a change to the JSON that breaks the pod, or
 * changes what the containers see, fails the build instead of the deployment.
 *
 * <p>{@code pods/web.json} is read by its path relative to the working directory, which for Maven
 * is this module's directory; fixtures under {@code src/test/resources} are found on the classpath.
 */
class WebPodSpecTest {
  private static final String WEB = "pods/web.json";

  @Test
  void isValid() {
    assertThatPod(WEB).isValid();
  }

  @Test
  void nginxServesHttpOnADynamicHostPort() {
    assertThatPod(WEB)
        .translatesWith(TestOffers.ample())
        .hasTaskCount(2)
        .hasHostPort("http", 31000)
        .taskNamed("nginx")
        // container/bridge: ENDPOINT_ is the container port, EP_HOST_ the host port the offer gave
        .hasEnv("ENDPOINT_HTTP", "80")
        .hasEnv("EP_HOST_HTTP", "31000")
        .hasImage("nginx:1.27")
        .hasResource("cpus", 0.5)
        .hasResource("mem", 256)
        .hasHealthCheckOfType(HealthCheck.Type.HTTP)
        .hasVolumeAt("/var/log/nginx");
  }

  @Test
  void logShipperSharesTheLogsAndKnowsWhereToShip() {
    assertThatPod(WEB)
        .translatesWith(TestOffers.ample())
        .taskNamed("log-shipper")
        .hasEnv("LOG_SINK", "logs.internal:5140")
        .hasEnv("LOG_LEVEL", "info")          // pod-level environment reaches every container
        .hasEnv("ENDPOINT_HTTP", "80")        // and so do the other containers' endpoints
        .hasVolumeAt("logs");
  }

  @Test
  void theExecutorCarriesThePodsLabelsAndJoinsTheBridge() {
    assertThatPod(WEB)
        .translatesWith(TestOffers.ample())
        .executor()
        .hasLabel("team", "storefront")
        .hasNetworkNamed("mesos-bridge")
        .hasPort(31000);
  }

  @Test
  void runsTwoInstancesUnderTheDefaultRole() {
    assertThatPod(WEB).hasInstances(2).normalized().hasRole("*");
  }

  @Test
  void doesNotFitAnAgentWithHalfACpu() {
    assertThatPod(WEB).doesNotMatch(TestOffers.ample().cpus(0.5), NoMatchReason.Kind.INSUFFICIENT_CPUS);
  }

  /** The JUnit 5 extension: the spec as a test parameter. */
  @Nested
  @PodSpecTest
  class AsAParameter {
    @Test
    void keepsTheShipperNextToNginx(@PodFile(WEB) Pod web) {
      assertThat(web.containers()).extracting(c -> c.name()).containsExactly("nginx", "log-shipper");
    }
  }

  /**
   * A broken copy of the spec ({@code src/test/resources/specs/web-broken.json}): the health check
   * names an endpoint that does not exist, and the shipper's command uses {@code $PORT0}, which
   * pods never define. Validation catches both before anything reaches Mesos.
   */
  @Nested
  class CaughtMistakes {
    private static final String BROKEN = "specs/web-broken.json";

    @Test
    void theBrokenSpecIsInvalidWhereItIsWrong() {
      assertThatPod(BROKEN)
          .isInvalid()
          .hasViolation("/containers(0)/healthCheck/http/endpoint", Rule.HEALTH_CHECK_ENDPOINT)
          .hasViolation("/containers(1)/exec/command/shell", Rule.LIMITATION_PORT_VARIABLES)
          .hasNoViolationAt("/containers(0)/name");
    }

    @Test
    void aFailedIsValidPointsAtTheLinesToFix() {
      // What a team sees when its spec test runs on the broken file:
      assertThatThrownBy(() -> assertThatPod(BROKEN).isValid())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting pod /shop/web (specs/web-broken.json) to be valid, but it has 2 violations:")
          .hasMessageContaining("specs/web-broken.json:14:19: /containers(0)/healthCheck/http/endpoint: "
              + "contained in the container endpoints [health-check-endpoint]")
          .hasMessageContaining("specs/web-broken.json:22:30: /containers(1)/exec/command/shell: pods do not define "
              + "$PORT0-style variables");
    }

    @Test
    void anInvalidSpecNeverTranslates() {
      assertThatThrownBy(() -> assertThatPod(BROKEN).translatesWith(TestOffers.ample()))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("but the pod is invalid (2 violations)");
    }
  }
}
