package io.podkit.testing;

import static io.podkit.testing.PodAssertions.assertThatPod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podkit.validation.ValidationConfig;
import org.apache.mesos.Protos.CheckInfo;
import org.apache.mesos.Protos.HealthCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The assertions on one task, each passing and failing. */
class TaskAssertTest {
  private static TranslationAssert web;

  @BeforeAll
  static void translate() {
    web = assertThatPod("pods/web.json").translatesWith(TestOffers.ample());
  }

  private static TaskAssert webTask() {
    return web.taskNamed("web");
  }

  private static TaskAssert shipper() {
    return web.taskNamed("shipper");
  }

  @Test
  void hasEnvPassesForPodContainerAndMarathonVariables() {
    webTask()
        .hasEnv("LOG_LEVEL", "info")
        .hasEnv("ENDPOINT_HTTP", "31000")
        .hasEnv("HOST", "agent-1.example")
        .hasEnv("MESOS_TASK_ID", PodAssertions.instanceOf("/shop/web").taskId("web"))
        .hasEnv("MARATHON_APP_LABEL_TIER", "frontend");
    shipper().hasEnv("LOG_SINK", "logs.internal:5140").hasEnv("ENDPOINT_HTTP", "31000");
  }

  @Test
  void hasEnvFailsForAnotherValue() {
    assertThatThrownBy(() -> webTask().hasEnv("ENDPOINT_HTTP", "80"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting task \"web\" of pod /shop/web (pods/web.json) to have environment variable "
            + "ENDPOINT_HTTP=80, but ENDPOINT_HTTP=31000");
  }

  @Test
  void hasEnvFailsForAMissingVariableListingTheOthers() {
    assertThatThrownBy(() -> webTask().hasEnv("LOG_SINK", "x"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have environment variable LOG_SINK=x, but it has no LOG_SINK; its variables are:\n")
        .hasMessageContaining("\n  LOG_LEVEL=info\n")
        .hasMessageContaining("\n  ENDPOINT_HTTP=31000");
  }

  @Test
  void hasEnvFailsForASecretVariable() {
    TaskAssert app = assertThatPod("pods/secrets.json").withConfig(ValidationConfig.DEFAULT.withSecrets(true))
        .translatesWith(TestOffers.ample()).taskNamed("app");
    app.hasEnvNamed("DB_PASSWORD");
    assertThatThrownBy(() -> app.hasEnv("DB_PASSWORD", "hunter2"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but DB_PASSWORD is a secret variable (reference /shop/db/password)");
    assertThatThrownBy(() -> app.hasNoEnvNamed("DB_PASSWORD"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("not to have environment variable DB_PASSWORD, but it has DB_PASSWORD (secret: "
            + "reference /shop/db/password)");
  }

  @Test
  void valuesWithPercentSignsAreQuotedAsIs() {
    assertThatThrownBy(() -> webTask().hasEnv("LOG_LEVEL", "100%d"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LOG_LEVEL=100%d, but LOG_LEVEL=info");
  }

  @Test
  void hasEnvNamedPassesAndFails() {
    webTask().hasEnvNamed("EP_HOST_HTTP");
    assertThatThrownBy(() -> webTask().hasEnvNamed("EP_CONTAINER_HTTP"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have environment variable EP_CONTAINER_HTTP, but it does not; its variables are:");
  }

  @Test
  void hasNoEnvNamedPassesAndFails() {
    webTask().hasNoEnvNamed("LOG_SINK");
    assertThatThrownBy(() -> shipper().hasNoEnvNamed("LOG_SINK"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting task \"shipper\" of pod /shop/web (pods/web.json) not to have environment "
            + "variable LOG_SINK, but it has LOG_SINK=logs.internal:5140");
  }

  @Test
  void hasResourcePassesAtMesosPrecision() {
    webTask().hasResource("cpus", 0.5).hasResource("mem", 256).hasResource("gpus", 0);
    shipper().hasResource("cpus", 0.1000001);
  }

  @Test
  void hasResourceFailsForAnotherAmount() {
    assertThatThrownBy(() -> webTask().hasResource("mem", 512))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting task \"web\" of pod /shop/web (pods/web.json) to have 512 mem, but it has 256 "
            + "(its resources: cpus 0.5, mem 256)");
  }

  @Test
  void hasResourceFailsForAResourceTheTaskDoesNotHave() {
    assertThatThrownBy(() -> webTask().hasResource("disk", 10))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have 10 disk, but it has no disk (its resources: cpus 0.5, mem 256)");
  }

  @Test
  void hasHealthCheckOfTypePasses() {
    webTask().hasHealthCheckOfType(HealthCheck.Type.HTTP);
    shipper().hasHealthCheckOfType(HealthCheck.Type.COMMAND);
  }

  @Test
  void hasHealthCheckOfTypeFailsForAnotherType() {
    assertThatThrownBy(() -> webTask().hasHealthCheckOfType(HealthCheck.Type.TCP))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting task \"web\" of pod /shop/web (pods/web.json) to have a TCP health check, but it has "
            + "an HTTP health check");
  }

  @Test
  void hasHealthCheckOfTypeFailsWithoutOne() {
    assertThatThrownBy(() -> assertThatPod("pods/racked.json")
        .translatesWith(TestOffers.ample().attribute("rack", "r1"))
        .taskNamed("app").hasHealthCheckOfType(HealthCheck.Type.HTTP))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have an HTTP health check, but it has none");
  }

  @Test
  void hasCheckOfTypePassesAndFails() {
    webTask().hasCheckOfType(CheckInfo.Type.TCP);
    assertThatThrownBy(() -> webTask().hasCheckOfType(CheckInfo.Type.HTTP))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have an HTTP check, but it has a TCP check");
    assertThatThrownBy(() -> shipper().hasCheckOfType(CheckInfo.Type.COMMAND))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting task \"shipper\" of pod /shop/web (pods/web.json) to have a COMMAND check, "
            + "but it has none");
  }

  @Test
  void hasLabelPassesForContainerLabels() {
    webTask().hasLabel("tier", "frontend");
  }

  @Test
  void hasLabelFailsForAnotherValue() {
    assertThatThrownBy(() -> webTask().hasLabel("tier", "backend"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have label tier=backend, but tier=frontend (its labels: tier=frontend; pod labels "
            + "are on the executor)");
  }

  @Test
  void hasLabelFailsForAPodLabelAndSaysWhereItIs() {
    assertThatThrownBy(() -> shipper().hasLabel("team", "storefront"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have label team=storefront, but it has no label team (its labels: none; pod labels "
            + "are on the executor)");
  }

  @Test
  void hasVolumeAtPassesAndFails() {
    webTask().hasVolumeAt("/var/log/nginx");
    shipper().hasVolumeAt("logs");
    assertThatThrownBy(() -> webTask().hasVolumeAt("/data"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have a volume mounted at /data, but its volumes are mounted at [/var/log/nginx]");
    assertThatThrownBy(() -> assertThatPod("pods/bridge.json").translatesWith(TestOffers.ample()).taskNamed("api")
        .hasVolumeAt("/data"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have a volume mounted at /data, but it mounts no volume");
  }

  @Test
  void hasImagePassesAndFails() {
    webTask().hasImage("nginx:1.27");
    assertThatThrownBy(() -> webTask().hasImage("nginx:1.26"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting task \"web\" of pod /shop/web (pods/web.json) to run image nginx:1.26, but "
            + "it runs nginx:1.27");
    assertThatThrownBy(() -> shipper().hasImage("busybox"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to run image busybox, but it has no image (it runs in the agent's filesystem)");
  }

  @Test
  void exposesTheTask() {
    assertThat(webTask().task().getName()).isEqualTo("web");
  }
}
