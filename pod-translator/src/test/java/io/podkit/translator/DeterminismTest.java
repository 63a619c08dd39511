package io.podkit.translator;

import static io.podkit.translator.Fixtures.container;
import static io.podkit.translator.Fixtures.hostPorts;
import static io.podkit.translator.Fixtures.match;
import static io.podkit.translator.Fixtures.offer;
import static io.podkit.translator.Fixtures.pod;
import static io.podkit.translator.Fixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Artifact;
import io.podkit.model.Check;
import io.podkit.model.CheckKind;
import io.podkit.model.Command;
import io.podkit.model.Endpoint;
import io.podkit.model.HealthCheck;
import io.podkit.model.Image;
import io.podkit.model.IpcMode;
import io.podkit.model.Lifecycle;
import io.podkit.model.LinuxInfo;
import io.podkit.model.Network;
import io.podkit.model.ResourceLimit;
import io.podkit.model.ResourceLimits;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import io.podkit.translator.offer.ResourceMatch;
import io.podkit.validation.ValidPod;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;

/** The same inputs give byte-identical protobufs; and what Mesos requires of every group holds. */
class DeterminismTest {
  /** A pod that uses nearly every field the translator reads. */
  private static final ValidPod RICH = valid(pod("/shop/eu/web",
      container("web").image(Image.docker("registry/web:1").withPullSecret("pull")).shell("./run.sh")
          .endpoint(Endpoint.builder("http").containerPort(8080).hostPort(0).protocol("tcp").label("VIP_0", "/w:80")
              .build())
          .endpoint(Endpoint.builder("admin").containerPort(9090).protocol("tcp", "udp").build())
          .env("MODE", "prod").envSecret("TOKEN", "token")
          .label("c1", "x").label("c2", "y").label("c3", "z")
          .volumeMount(VolumeMount.of("scratch", "/scratch")).volumeMount(VolumeMount.readOnly("cert", "/tls"))
          .healthCheck(HealthCheck.of(CheckKind.http("http", "/health")).withTimings(30, 10, 3, 5, 2))
          .check(Check.of(CheckKind.tcp("admin")))
          .artifact(Artifact.of("https://example.com/a.tgz"))
          .resourceLimits(ResourceLimits.of(ResourceLimit.of(2), ResourceLimit.unlimited()))
          .lifecycle(Lifecycle.killGracePeriod(5))
          .linuxInfo(LinuxInfo.of(LinuxInfo.Seccomp.profile("default"), LinuxInfo.IpcInfo.of(IpcMode.PRIVATE)))
          .tty(true),
      container("sidecar").argv("/bin/proxy", "-v")
          .endpoint(Endpoint.builder("metrics").containerPort(9100).hostPort(31900).protocol("tcp").build())
          .healthCheck(HealthCheck.of(CheckKind.exec(Command.argv("/bin/ok"))))
          .volumeMount(VolumeMount.of("scratch", "/scratch")))
      .label("team", "web").label("tier", "front").label("cost-center", "42").label("owner", "a").label("z", "b")
      .env("REGION", "eu")
      .secret("pull", "/registry").secret("token", "/token").secret("tls", "/tls")
      .volume(Volume.ephemeral("scratch")).volume(Volume.secret("cert", "tls"))
      .network(Network.container("blue").withLabels(Map.of("a", "1", "b", "2")))
      .linuxInfo(LinuxInfo.of(null, new LinuxInfo.IpcInfo(IpcMode.PRIVATE, Optional.of(64))))
      .build(), Fixtures.SECRETS);
  private static final Map<String, Integer> PORTS = hostPorts("http", 31080, "metrics", 31900);

  private static Translation translateRich(Map<String, String> taskIds) {
    TranslationConfig config = TranslationConfig.DEFAULT.withEnvPrefix("x_");
    ResourceMatch m = match(RICH, PORTS);
    TaskGroupTranslator translator = new TaskGroupTranslator(config);
    return taskIds == null
        ? translator.translate(RICH, offer(), m, Fixtures.instance(RICH))
        : translator.translate(RICH, offer(), m, Fixtures.instance(RICH), taskIds);
  }

  @Test
  void translatingTwiceGivesByteIdenticalProtobufs() {
    Translation first = translateRich(null);
    Translation second = translateRich(null);
    assertThat(second.launchGroup().toByteArray()).isEqualTo(first.launchGroup().toByteArray());
    assertThat(second.networkInfos()).isEqualTo(first.networkInfos());
  }

  @Test
  void relaunchOutputDoesNotDependOnTheMapsOrder() {
    InstanceId id = Fixtures.instance(RICH);
    Map<String, String> ordered = new LinkedHashMap<>();
    ordered.put("sidecar", id.taskId("sidecar", 2));
    ordered.put("web", id.taskId("web", 2));
    Map<String, String> hashed = new HashMap<>(ordered);
    assertThat(translateRich(hashed).launchGroup().toByteArray())
        .isEqualTo(translateRich(ordered).launchGroup().toByteArray());
  }

  @Test
  void aNewInstanceIsARelaunchAtIncarnationOne() {
    InstanceId id = Fixtures.instance(RICH);
    assertThat(translateRich(Map.of("web", id.taskId("web"), "sidecar", id.taskId("sidecar"))).launchGroup())
        .isEqualTo(translateRich(null).launchGroup());
  }

  @Test
  void theGroupHasWhatTheMasterRequires() {
    Translation t = translateRich(null);
    Protos.ExecutorInfo executor = t.executor();
    // R31, R35, R38, R45
    assertThat(executor.getType()).isEqualTo(Protos.ExecutorInfo.Type.DEFAULT);
    assertThat(executor.hasCommand()).isFalse();
    assertThat(executor.getFrameworkId().getValue()).isEqualTo(Fixtures.FRAMEWORK);
    assertThat(executor.getContainer().getType()).isEqualTo(Protos.ContainerInfo.Type.MESOS);
    assertThat(executor.getContainer().hasMesos()).isFalse();
    assertThat(executor.getContainer().getLinuxInfo().getShareCgroups()).isFalse();
    assertThat(t.taskGroup().getTasksList()).isNotEmpty().allSatisfy(task -> {
      // R18, R23
      assertThat(task.getSlaveId().getValue()).isEqualTo(Fixtures.AGENT);
      assertThat(task.getResourcesList()).isNotEmpty();
      // R21, R22: type is mandatory
      if (task.hasHealthCheck()) {
        assertThat(task.getHealthCheck().getType()).isNotEqualTo(Protos.HealthCheck.Type.UNKNOWN);
      }
      if (task.hasCheck()) {
        assertThat(task.getCheck().getType()).isNotEqualTo(Protos.CheckInfo.Type.UNKNOWN);
      }
      // R28: tasks join the executor's network; R29
      assertThat(task.getContainer().getNetworkInfosList()).isEmpty();
      assertThat(task.getContainer().getType()).isEqualTo(Protos.ContainerInfo.Type.MESOS);
      // R30: limits only with share_cgroups explicitly false
      if (!task.getLimitsMap().isEmpty()) {
        assertThat(task.getContainer().getLinuxInfo().hasShareCgroups()).isTrue();
        assertThat(task.getContainer().getLinuxInfo().getShareCgroups()).isFalse();
      }
      // R24: a SECRET variable has a secret and no value
      task.getCommand().getEnvironment().getVariablesList().stream()
          .filter(v -> v.getType() == Protos.Environment.Variable.Type.SECRET)
          .forEach(v -> assertThat(v.hasValue()).isFalse());
      // R25: each volume sets exactly one of host_path, image, source
      task.getContainer().getVolumesList().forEach(v ->
          assertThat((v.hasHostPath() ? 1 : 0) + (v.hasImage() ? 1 : 0) + (v.hasSource() ? 1 : 0)).isEqualTo(1));
      // R46: every task agrees on share_cgroups
      assertThat(task.getContainer().getLinuxInfo().getShareCgroups()).isFalse();
    });
    assertThat(t.taskGroup().getTasksList()).extracting(task -> task.getTaskId().getValue()).doesNotHaveDuplicates();
    assertThat(t.networkInfos()).extracting(TaskNetworkInfo::hostPorts)
        .containsExactly(List.of(31080), List.of(31900));
  }
}
