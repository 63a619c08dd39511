package io.podkit.translator;

import io.podkit.model.Container;
import io.podkit.model.Image;
import io.podkit.model.IpcMode;
import io.podkit.model.LinuxInfo;
import io.podkit.model.Pod;
import io.podkit.model.VolumeMount;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.Protos;

/**
 * The Mesos containers of a pod: the executor's (translation-rules B.6) and each task's (C.4). Both
 * are always of type MESOS, and always carry {@code linux_info.share_cgroups} explicitly.
 */
final class ContainerInfoBuilder {
  private final Pod pod;
  private final PodSecrets secrets;
  private final Volumes volumes;

  ContainerInfoBuilder(Pod pod, PodSecrets secrets) {
    this.pod = pod;
    this.secrets = secrets;
    this.volumes = new Volumes(pod, secrets);
  }

  /**
   * B.6: the executor's container: no image, no volumes, the pod's networks and IPC settings. DESIGN
   * G5: {@code share_cgroups} is always false here, whatever {@code legacySharedCgroups} says; Mesos
   * rejects {@code true} on an executor container (Mesos R45).
   */
  Protos.ContainerInfo forExecutor(List<Protos.NetworkInfo> networkInfos) {
    Protos.LinuxInfo.Builder linux = Protos.LinuxInfo.newBuilder().setShareCgroups(false);
    // B.6 / G6: pod-level IPC goes to the executor only; pod-level seccomp is rejected by validation
    pod.linuxInfo().flatMap(LinuxInfo::ipcInfo).ifPresent(ipc -> ipc(ipc, linux));
    return Protos.ContainerInfo.newBuilder()
        .setType(Protos.ContainerInfo.Type.MESOS)
        .addAllNetworkInfos(networkInfos)
        .setLinuxInfo(linux)
        .build();
  }

  /**
   * C.4: a task's container, always present (G4). Tasks carry the pod's {@code legacySharedCgroups}
   * (default false); Mesos requires every task of the group to agree (R46), which they do.
   */
  Protos.ContainerInfo forTask(Container container) {
    Protos.ContainerInfo.Builder out = Protos.ContainerInfo.newBuilder().setType(Protos.ContainerInfo.Type.MESOS);
    for (VolumeMount mount : container.volumeMounts()) {
      out.addVolumes(volumes.of(mount));
    }
    container.image().ifPresent(
        image -> out.setMesos(Protos.ContainerInfo.MesosInfo.newBuilder().setImage(image(image))));
    // C.4 TTY: present without window size when asked for, absent otherwise
    if (container.tty().orElse(false)) {
      out.setTtyInfo(Protos.TTYInfo.newBuilder());
    }
    Protos.LinuxInfo.Builder linux = Protos.LinuxInfo.newBuilder()
        .setShareCgroups(pod.legacySharedCgroups().orElse(false));
    Optional<LinuxInfo> info = container.linuxInfo();
    info.flatMap(LinuxInfo::seccomp).ifPresent(seccomp -> {
      Protos.SeccompInfo.Builder s = Protos.SeccompInfo.newBuilder().setUnconfined(seccomp.unconfinedOrDefault());
      seccomp.profileName().ifPresent(s::setProfileName);
      linux.setSeccomp(s);
    });
    info.flatMap(LinuxInfo::ipcInfo).ifPresent(ipc -> ipc(ipc, linux));
    out.setLinuxInfo(linux);
    return out.build();
  }

  /** C.4 image: Docker only; {@code cached} only when {@code forcePull} is given; labels are ignored (G10). */
  private Protos.Image image(Image image) {
    Protos.Image.Docker.Builder docker = Protos.Image.Docker.newBuilder().setName(image.id());
    // G11: the pull config is delivered as the mapped secret, not Marathon's bare pod-local key
    image.pullConfig().ifPresent(pull -> docker.setConfig(secrets.resolve(pull.secret())));
    Protos.Image.Builder out = Protos.Image.newBuilder().setType(Protos.Image.Type.DOCKER).setDocker(docker);
    image.forcePull().ifPresent(force -> out.setCached(!force));
    return out.build();
  }

  private static void ipc(LinuxInfo.IpcInfo ipc, Protos.LinuxInfo.Builder linux) {
    linux.setIpcMode(ipc.mode() == IpcMode.PRIVATE
        ? Protos.LinuxInfo.IpcMode.PRIVATE
        : Protos.LinuxInfo.IpcMode.SHARE_PARENT);
    ipc.shmSize().ifPresent(linux::setShmSize);
  }
}
