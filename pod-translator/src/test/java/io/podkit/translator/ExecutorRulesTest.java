package io.podkit.translator;

import static io.podkit.translator.Fixtures.container;
import static io.podkit.translator.Fixtures.hostPorts;
import static io.podkit.translator.Fixtures.labels;
import static io.podkit.translator.Fixtures.match;
import static io.podkit.translator.Fixtures.offer;
import static io.podkit.translator.Fixtures.pod;
import static io.podkit.translator.Fixtures.translate;
import static io.podkit.translator.Fixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.podkit.model.Endpoint;
import io.podkit.model.ExecutorResources;
import io.podkit.model.IpcMode;
import io.podkit.model.LinuxInfo;
import io.podkit.model.Network;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import io.podkit.validation.ValidPod;
import io.podkit.validation.ValidationConfig;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;

/** translation-rules B: the ExecutorInfo. */
class ExecutorRulesTest {
  @Test
  void b1_typeIsDefault() {
    assertThat(translate(valid(pod("/p", container("a")).build())).executor().getType())
        .isEqualTo(Protos.ExecutorInfo.Type.DEFAULT);
  }

  @Test
  void b4_resourcesAreTheExecutorPiecesThenAllPortsThenPersistentVolumes() {
    ValidPod pod = valid(pod("/p",
        container("a").endpoint(Endpoint.builder("a").hostPort(0).build())
            .volumeMount(VolumeMount.of("data", "data")),
        container("b").endpoint(Endpoint.builder("b").hostPort(0).build()))
        .role("db")
        .executorResources(ExecutorResources.of(0.2, 64, 20))
        .volume(Volume.persistent("data", PersistentVolumeInfo.ofSize(100)))
        .build(), ValidationConfig.DEFAULT.withMesosRole("db"));
    Protos.Resource volume = Fixtures.scalar("disk", 100).toBuilder()
        .setDisk(Protos.Resource.DiskInfo.newBuilder()
            .setPersistence(Protos.Resource.DiskInfo.Persistence.newBuilder().setId("p#data#1"))
            .setVolume(Protos.Volume.newBuilder().setContainerPath("data").setMode(Protos.Volume.Mode.RW)))
        .build();
    Translation t = new TaskGroupTranslator(TranslationConfig.DEFAULT).translate(pod, offer(),
        match(pod, hostPorts("a", 31000, "b", 31001), List.of(volume)), Fixtures.instance(pod));
    assertThat(t.executor().getResourcesList()).extracting(Protos.Resource::getName)
        .containsExactly("cpus", "mem", "disk", "ports", "disk");
    assertThat(t.executor().getResources(0).getScalar().getValue()).isEqualTo(0.2);
    assertThat(t.executor().getResources(1).getScalar().getValue()).isEqualTo(64.0);
    assertThat(t.executor().getResources(2).getScalar().getValue()).isEqualTo(20.0);
    assertThat(t.executor().getResources(3).getRanges().getRangeList())
        .extracting(Protos.Value.Range::getBegin).containsExactly(31000L, 31001L);
    assertThat(t.executor().getResources(4)).isEqualTo(volume);
    // G24: tasks never carry ports
    assertThat(t.taskGroup().getTasksList()).flatExtracting(Protos.TaskInfo::getResourcesList)
        .extracting(Protos.Resource::getName).doesNotContain("ports");
  }

  @Test
  void b6_containerIsMesosWithoutImageOrVolumesAndSharesNoCgroups() {
    ValidPod pod = valid(pod("/p", container("a").image("nginx:1.25")
        .volumeMount(VolumeMount.of("scratch", "/scratch")))
        .volume(Volume.ephemeral("scratch")).build());
    Protos.ContainerInfo container = translate(pod).executor().getContainer();
    assertThat(container.getType()).isEqualTo(Protos.ContainerInfo.Type.MESOS);
    assertThat(container.hasMesos()).isFalse();
    assertThat(container.getVolumesList()).isEmpty();
    assertThat(container.getLinuxInfo().hasShareCgroups()).isTrue();
    assertThat(container.getLinuxInfo().getShareCgroups()).isFalse();
  }

  @Test
  void b6_podIpcSettingsGoToTheExecutorOnly() {
    ValidPod pod = valid(pod("/p", container("a"))
        .linuxInfo(LinuxInfo.of(null, new LinuxInfo.IpcInfo(IpcMode.PRIVATE, Optional.of(64))))
        .build());
    Translation t = translate(pod);
    Protos.LinuxInfo executor = t.executor().getContainer().getLinuxInfo();
    assertThat(executor.getIpcMode()).isEqualTo(Protos.LinuxInfo.IpcMode.PRIVATE);
    assertThat(executor.getShmSize()).isEqualTo(64);
    Protos.LinuxInfo task = Fixtures.onlyTask(t).getContainer().getLinuxInfo();
    assertThat(task.hasIpcMode()).isFalse();
    assertThat(task.hasShmSize()).isFalse();
  }

  @Test
  void b6_sharedParentIpcWithoutSize() {
    ValidPod pod = valid(pod("/p", container("a"))
        .linuxInfo(new LinuxInfo(Optional.empty(), Optional.of(LinuxInfo.IpcInfo.of(IpcMode.SHARE_PARENT)))).build());
    Protos.LinuxInfo executor = translate(pod).executor().getContainer().getLinuxInfo();
    assertThat(executor.getIpcMode()).isEqualTo(Protos.LinuxInfo.IpcMode.SHARE_PARENT);
    assertThat(executor.hasShmSize()).isFalse();
  }

  @Test
  void b6_containerIpcSettingsDoNotReachTheExecutor() {
    ValidPod pod = valid(pod("/p", container("a")
        .linuxInfo(new LinuxInfo(Optional.empty(), Optional.of(LinuxInfo.IpcInfo.of(IpcMode.PRIVATE))))).build());
    assertThat(translate(pod).executor().getContainer().getLinuxInfo().hasIpcMode()).isFalse();
  }

  @Test
  void b6_networkInfosGoOnTheExecutor() {
    ValidPod pod = valid(pod("/p", container("a")).network(Network.container("dcos")).build());
    assertThat(translate(pod).executor().getContainer().getNetworkInfosList())
        .extracting(Protos.NetworkInfo::getName).containsExactly("dcos");
  }

  @Test
  void b7_labelsAreThePodLabels() {
    ValidPod pod = valid(pod("/p", container("a").label("c", "3")).label("team", "web").label("tier", "1").build());
    Protos.ExecutorInfo executor = translate(pod).executor();
    assertThat(labels(executor.getLabels())).containsExactly(entry("team", "web"), entry("tier", "1"));
  }

  @Test
  void b7_labelsAreSetEvenWhenEmpty() {
    Protos.ExecutorInfo executor = translate(valid(pod("/p", container("a")).build())).executor();
    assertThat(executor.hasLabels()).isTrue();
    assertThat(executor.getLabels().getLabelsCount()).isZero();
  }

  @Test
  void b9_customizersRunInOrderOnBothBuildersAndTheirChangesAreKept() {
    TranslationConfig config = TranslationConfig.DEFAULT
        .withCustomizer((pod, executor, group) -> executor.setName("first"))
        .withCustomizer((pod, executor, group) -> {
          executor.setName(executor.getName() + "+second:" + pod.id());
          group.getTasksBuilder(0).setLabels(Protos.Labels.newBuilder()
              .addLabels(Protos.Label.newBuilder().setKey("plugin").setValue("yes")));
        });
    Translation t = translate(config, valid(pod("/p", container("a")).build()), java.util.Map.of());
    assertThat(t.executor().getName()).isEqualTo("first+second:/p");
    assertThat(labels(Fixtures.onlyTask(t).getLabels())).containsExactly(entry("plugin", "yes"));
  }

  @Test
  void b9_aCustomizerMayNotChangeTheExecutorId() {
    TranslationConfig config = TranslationConfig.DEFAULT.withCustomizer(
        (pod, executor, group) -> executor.setExecutorId(Protos.ExecutorID.newBuilder().setValue("mine")));
    assertThatThrownBy(() -> translate(config, valid(pod("/p", container("a")).build()), java.util.Map.of()))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("executor id");
  }

  @Test
  void b9_aCustomizerMayNotChangeOrDropTaskIds() {
    TranslationConfig renames = TranslationConfig.DEFAULT.withCustomizer(
        (pod, executor, group) -> group.getTasksBuilder(0).setTaskId(Protos.TaskID.newBuilder().setValue("x")));
    assertThatThrownBy(() -> translate(renames, valid(pod("/p", container("a")).build()), java.util.Map.of()))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("changed the task ids");
    TranslationConfig empties = TranslationConfig.DEFAULT.withCustomizer((pod, executor, group) -> group.clearTasks());
    assertThatThrownBy(() -> translate(empties, valid(pod("/p", container("a")).build()), java.util.Map.of()))
        .isInstanceOf(PodTranslationException.class);
  }

  @Test
  void b9_aCustomizerThatLeavesARequiredFieldUnsetIsReported() {
    TranslationConfig config = TranslationConfig.DEFAULT.withCustomizer(
        (pod, executor, group) -> group.getTasksBuilder(0).clearName());
    assertThatThrownBy(() -> translate(config, valid(pod("/p", container("a")).build()), java.util.Map.of()))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("incomplete");
  }
}
