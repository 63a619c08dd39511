package io.podkit.examples.programmatic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podkit.translator.Translation;
import io.podkit.translator.preflight.LaunchGroupCheck;
import io.podkit.translator.v1.MesosJson;
import io.podkit.translator.v1.V1Conversion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;

/** The programmatic example builds the task group it describes, cleanly and reproducibly. */
class BuildTaskGroupExampleTest {
  private static final String INSTANCE = "shop_web.instance-3f0c6e1a-1d2b-11ef-9c41-0242ac120002";

  private final Translation translation = BuildTaskGroupExample.translate();

  private Protos.TaskInfo task(String name) {
    return translation.taskGroup().getTasksList().stream().filter(t -> t.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no task " + name));
  }

  private static Map<String, String> env(Protos.TaskInfo task) {
    return task.getCommand().getEnvironment().getVariablesList().stream()
        .collect(Collectors.toMap(Protos.Environment.Variable::getName, Protos.Environment.Variable::getValue));
  }

  @Test
  void oneTaskPerContainerWithMarathonsIds() {
    assertThat(translation.taskGroup().getTasksList()).extracting(Protos.TaskInfo::getName)
        .containsExactly("nginx", "cache-reporter");
    assertThat(translation.taskGroup().getTasksList()).extracting(t -> t.getTaskId().getValue())
        .containsExactly(INSTANCE + ".nginx.1", INSTANCE + ".cache-reporter.1");
    assertThat(translation.executor().getExecutorId().getValue())
        .isEqualTo("instance-shop_web.3f0c6e1a-1d2b-11ef-9c41-0242ac120002");
    assertThat(translation.taskGroup().getTasksList()).extracting(t -> t.getSlaveId().getValue())
        .containsOnly("agent-1");
  }

  @Test
  void everyTaskSeesTheEndpointAndTheLabel() {
    for (String name : List.of("nginx", "cache-reporter")) {
      assertThat(env(task(name))).as(name)
          .containsEntry("ENDPOINT_HTTP", "80") // bridge network: the container port
          .containsEntry("EP_HOST_HTTP", "31000") // the lowest free offered port
          .containsEntry("MARATHON_APP_LABEL_TEAM", "storefront");
    }
    assertThat(translation.executor().getLabels().getLabelsList())
        .extracting(Protos.Label::getKey, Protos.Label::getValue).contains(org.assertj.core.groups.Tuple.tuple("team", "storefront"));
  }

  @Test
  void nginxHasItsHttpHealthCheck() {
    Protos.HealthCheck check = task("nginx").getHealthCheck();
    assertThat(check.getType()).isEqualTo(Protos.HealthCheck.Type.HTTP);
    assertThat(check.getHttp().getPort()).isEqualTo(80);
    assertThat(check.getHttp().getPath()).isEqualTo("/healthz");
    assertThat(task("cache-reporter").hasHealthCheck()).isFalse();
  }

  @Test
  void bothContainersMountTheEphemeralVolumeFromTheExecutorSandbox() {
    Protos.Volume nginx = task("nginx").getContainer().getVolumes(0);
    Protos.Volume reporter = task("cache-reporter").getContainer().getVolumes(0);
    assertThat(nginx.getContainerPath()).isEqualTo("/var/cache/nginx");
    assertThat(nginx.getMode()).isEqualTo(Protos.Volume.Mode.RW);
    assertThat(reporter.getContainerPath()).isEqualTo("scratch");
    assertThat(reporter.getMode()).isEqualTo(Protos.Volume.Mode.RO);
    for (Protos.Volume volume : List.of(nginx, reporter)) {
      assertThat(volume.getSource().getType()).isEqualTo(Protos.Volume.Source.Type.SANDBOX_PATH);
      assertThat(volume.getSource().getSandboxPath().getType()).isEqualTo(Protos.Volume.Source.SandboxPath.Type.PARENT);
      assertThat(volume.getSource().getSandboxPath().getPath()).isEqualTo("volumes/scratch");
    }
  }

  @Test
  void theLaunchPassesThePreflightCheckAndIsReproducible() {
    Protos.Offer offer = BuildTaskGroupExample.offer();
    assertThat(LaunchGroupCheck.check(offer.getFrameworkId(), List.of(offer), List.of(translation.launchGroup())))
        .isEmpty();
    assertThat(BuildTaskGroupExample.translate().launchGroup().toByteString())
        .isEqualTo(translation.launchGroup().toByteString());
  }

  @Test
  void anOfferThatDoesNotFitIsReportedWithItsReasons() {
    Protos.Offer small = BuildTaskGroupExample.offer().toBuilder().clearResources()
        .addResources(BuildTaskGroupExample.offer().getResources(0).toBuilder()
            .setScalar(Protos.Value.Scalar.newBuilder().setValue(0.2)))
        .build();
    assertThatThrownBy(() -> BuildTaskGroupExample.translate(BuildTaskGroupExample.pod(), small,
        BuildTaskGroupExample.INSTANCE_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the offer does not fit the pod: ")
        .hasMessageContaining("INSUFFICIENT_CPUS");
  }

  @Test
  void mainPrintsTheLaunchGroupAsV1Json() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      BuildTaskGroupExample.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String json = captured.toString(StandardCharsets.UTF_8);
    assertThat(json).contains("\"launch_group\"", "\"agent_id\"", "\"type\": \"LAUNCH_GROUP\"")
        .doesNotContain("slave_id", "launchGroup");
    // The printed JSON is the operation itself: it reads back into the same v1 message.
    org.apache.mesos.v1.scheduler.Protos.Call.Accept accept =
        MesosJson.parse(json, org.apache.mesos.v1.scheduler.Protos.Call.Accept.newBuilder()).build();
    assertThat(accept.getOperationsList()).containsExactly(V1Conversion.toV1(translation.launchGroup()));
  }
}
