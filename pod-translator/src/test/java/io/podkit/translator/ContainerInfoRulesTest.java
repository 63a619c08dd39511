package io.podkit.translator;

import static io.podkit.translator.Fixtures.container;
import static io.podkit.translator.Fixtures.onlyTask;
import static io.podkit.translator.Fixtures.pod;
import static io.podkit.translator.Fixtures.task;
import static io.podkit.translator.Fixtures.translate;
import static io.podkit.translator.Fixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Image;
import io.podkit.model.ImageKind;
import io.podkit.model.IpcMode;
import io.podkit.model.LinuxInfo;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import io.podkit.validation.ValidPod;
import io.podkit.validation.ValidationConfig;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;

/** translation-rules C.4: a task's ContainerInfo. */
class ContainerInfoRulesTest {
  private static Protos.ContainerInfo containerOf(ValidPod pod) {
    return onlyTask(translate(pod)).getContainer();
  }

  @Test
  void c4_everyTaskHasAMesosContainer() {
    Translation t = translate(valid(pod("/p", container("a"), container("b").image("nginx")).build()));
    assertThat(t.taskGroup().getTasksList()).allSatisfy(task -> {
      assertThat(task.hasContainer()).isTrue();
      assertThat(task.getContainer().getType()).isEqualTo(Protos.ContainerInfo.Type.MESOS);
      assertThat(task.getContainer().getNetworkInfosList()).isEmpty();
    });
  }

  @Test
  void c4_hostVolumeUsesTheDeprecatedHostPath() {
    Protos.Volume v = containerOf(valid(pod("/p", container("a").volumeMount(VolumeMount.of("logs", "/var/log/app")))
        .volume(Volume.host("logs", "/mnt/logs")).build())).getVolumes(0);
    assertThat(v.getContainerPath()).isEqualTo("/var/log/app");
    assertThat(v.getHostPath()).isEqualTo("/mnt/logs");
    assertThat(v.getMode()).isEqualTo(Protos.Volume.Mode.RW);
    assertThat(v.hasSource()).isFalse();
  }

  @Test
  void c4_ephemeralVolumeIsAParentSandboxPathUnderVolumes() {
    Protos.Volume v = containerOf(valid(pod("/p", container("a").volumeMount(VolumeMount.of("scratch", "/tmp/s")))
        .volume(Volume.ephemeral("scratch")).build())).getVolumes(0);
    assertThat(v.getContainerPath()).isEqualTo("/tmp/s");
    assertThat(v.hasHostPath()).isFalse();
    assertThat(v.getSource().getType()).isEqualTo(Protos.Volume.Source.Type.SANDBOX_PATH);
    assertThat(v.getSource().getSandboxPath().getType()).isEqualTo(Protos.Volume.Source.SandboxPath.Type.PARENT);
    assertThat(v.getSource().getSandboxPath().getPath()).isEqualTo("volumes/scratch");
  }

  @Test
  void c4_persistentVolumeIsAParentSandboxPathNamedAfterTheVolume() {
    ValidPod pod = valid(pod("/p", container("a").volumeMount(VolumeMount.of("data", "/var/lib/data")))
        .role("db").volume(Volume.persistent("data", PersistentVolumeInfo.ofSize(512))).build(),
        ValidationConfig.DEFAULT.withMesosRole("db"));
    Protos.Volume v = containerOf(pod).getVolumes(0);
    assertThat(v.getContainerPath()).isEqualTo("/var/lib/data");
    assertThat(v.getMode()).isEqualTo(Protos.Volume.Mode.RW);
    assertThat(v.getSource().getType()).isEqualTo(Protos.Volume.Source.Type.SANDBOX_PATH);
    assertThat(v.getSource().getSandboxPath().getType()).isEqualTo(Protos.Volume.Source.SandboxPath.Type.PARENT);
    assertThat(v.getSource().getSandboxPath().getPath()).isEqualTo("data");
  }

  @Test
  void c4_secretVolumeIsASecretSource() {
    ValidPod pod = valid(pod("/p", container("a").volumeMount(VolumeMount.readOnly("creds", "/etc/creds")))
        .secret("db", "/prod/db/password").volume(Volume.secret("creds", "db")).build(), Fixtures.SECRETS);
    Protos.Volume v = containerOf(pod).getVolumes(0);
    assertThat(v.getContainerPath()).isEqualTo("/etc/creds");
    assertThat(v.getMode()).isEqualTo(Protos.Volume.Mode.RO);
    assertThat(v.getSource().getType()).isEqualTo(Protos.Volume.Source.Type.SECRET);
    assertThat(v.getSource().getSecret().getType()).isEqualTo(Protos.Secret.Type.REFERENCE);
    assertThat(v.getSource().getSecret().getReference().getName()).isEqualTo("/prod/db/password");
  }

  @Test
  void c4_volumesFollowMountOrderWithTheirModes() {
    ValidPod pod = valid(pod("/p",
        container("a").volumeMount(VolumeMount.readOnly("b", "/b")).volumeMount(VolumeMount.of("a", "/a")),
        container("b").volumeMount(VolumeMount.of("b", "/shared")))
        .volume(Volume.ephemeral("a")).volume(Volume.ephemeral("b")).build());
    Translation t = translate(pod);
    assertThat(task(t, "a").getContainer().getVolumesList())
        .extracting(Protos.Volume::getContainerPath, Protos.Volume::getMode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/b", Protos.Volume.Mode.RO),
            org.assertj.core.groups.Tuple.tuple("/a", Protos.Volume.Mode.RW));
    assertThat(task(t, "b").getContainer().getVolumes(0).getSource().getSandboxPath().getPath())
        .isEqualTo("volumes/b");
  }

  @Test
  void c4_imageIsDockerWithoutCachedUnlessForcePullIsGiven() {
    Protos.Image image = containerOf(valid(pod("/p", container("a").image("nginx:1.25")).build()))
        .getMesos().getImage();
    assertThat(image.getType()).isEqualTo(Protos.Image.Type.DOCKER);
    assertThat(image.getDocker().getName()).isEqualTo("nginx:1.25");
    assertThat(image.hasCached()).isFalse();
    assertThat(image.getDocker().hasConfig()).isFalse();
  }

  @Test
  void c4_forcePullSetsCachedToItsOpposite() {
    Image forced = new Image(ImageKind.DOCKER, "nginx", Optional.empty(), Optional.of(true), Map.of("x", "y"));
    Protos.Image image = containerOf(valid(pod("/p", container("a").image(forced)).build())).getMesos().getImage();
    assertThat(image.hasCached()).isTrue();
    assertThat(image.getCached()).isFalse();
    Image notForced = new Image(ImageKind.DOCKER, "nginx", Optional.empty(), Optional.of(false), Map.of());
    Protos.Image cached = containerOf(valid(pod("/p", container("a").image(notForced)).build())).getMesos().getImage();
    assertThat(cached.hasCached()).isTrue();
    assertThat(cached.getCached()).isTrue();
  }

  @Test
  void c4_pullConfigIsTheMappedSecret() {
    ValidPod pod = valid(pod("/p", container("a")
        .image(Image.docker("registry.example.com/app").withPullSecret("pull")))
        .secret("pull", "/registry/config.json").build(), Fixtures.SECRETS);
    Protos.Secret config = containerOf(pod).getMesos().getImage().getDocker().getConfig();
    assertThat(config.getType()).isEqualTo(Protos.Secret.Type.REFERENCE);
    assertThat(config.getReference().getName()).isEqualTo("/registry/config.json");
  }

  @Test
  void c4_ttyInfoOnlyWhenTtyIsTrue() {
    assertThat(containerOf(valid(pod("/p", container("a").tty(true)).build())).hasTtyInfo()).isTrue();
    assertThat(containerOf(valid(pod("/p", container("a").tty(true)).build())).getTtyInfo().hasWindowSize()).isFalse();
    assertThat(containerOf(valid(pod("/p", container("a").tty(false)).build())).hasTtyInfo()).isFalse();
    assertThat(containerOf(valid(pod("/p", container("a")).build())).hasTtyInfo()).isFalse();
  }

  @Test
  void c4_seccompProfileOrUnconfined() {
    Protos.LinuxInfo profile = containerOf(valid(pod("/p", container("a")
        .linuxInfo(LinuxInfo.of(LinuxInfo.Seccomp.profile("default.json"), null))).build())).getLinuxInfo();
    assertThat(profile.getSeccomp().getProfileName()).isEqualTo("default.json");
    assertThat(profile.getSeccomp().hasUnconfined()).isTrue();
    assertThat(profile.getSeccomp().getUnconfined()).isFalse();
    Protos.LinuxInfo unconfined = containerOf(valid(pod("/p", container("a")
        .linuxInfo(LinuxInfo.of(LinuxInfo.Seccomp.unconfinedProfile(), null))).build())).getLinuxInfo();
    assertThat(unconfined.getSeccomp().getUnconfined()).isTrue();
    assertThat(unconfined.getSeccomp().hasProfileName()).isFalse();
  }

  @Test
  void c4_containerIpcSettings() {
    Protos.LinuxInfo linux = containerOf(valid(pod("/p", container("a")
        .linuxInfo(LinuxInfo.of(null, new LinuxInfo.IpcInfo(IpcMode.PRIVATE, Optional.of(128))))).build()))
        .getLinuxInfo();
    assertThat(linux.getIpcMode()).isEqualTo(Protos.LinuxInfo.IpcMode.PRIVATE);
    assertThat(linux.getShmSize()).isEqualTo(128);
  }

  @Test
  void c4_tasksCarryLegacySharedCgroupsExplicitly() {
    Translation shared = translate(valid(pod("/p", container("a"), container("b")).legacySharedCgroups(true).build()));
    assertThat(shared.taskGroup().getTasksList()).allSatisfy(task -> {
      assertThat(task.getContainer().getLinuxInfo().hasShareCgroups()).isTrue();
      assertThat(task.getContainer().getLinuxInfo().getShareCgroups()).isTrue();
    });
    Translation own = translate(valid(pod("/p", container("a")).legacySharedCgroups(false).build()));
    assertThat(onlyTask(own).getContainer().getLinuxInfo().hasShareCgroups()).isTrue();
    assertThat(onlyTask(own).getContainer().getLinuxInfo().getShareCgroups()).isFalse();
  }
}
