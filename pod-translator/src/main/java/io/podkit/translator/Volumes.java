package io.podkit.translator;

import io.podkit.model.Pod;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import java.util.Optional;
import org.apache.mesos.Protos;

/** A container's volume mounts as Mesos {@code Volume}s (translation-rules C.4, G11). */
final class Volumes {
  /** C.4: ephemeral volumes live under this directory of the executor sandbox. */
  static final String EPHEMERAL_DIR = "volumes/";

  private final Pod pod;
  private final PodSecrets secrets;

  Volumes(Pod pod, PodSecrets secrets) {
    this.pod = pod;
    this.secrets = secrets;
  }

  /** The Mesos volume for {@code mount}, which names one of the pod's volumes. */
  Protos.Volume of(VolumeMount mount) {
    Volume volume = volume(mount.name()).orElseThrow(() -> new PodTranslationException(
        "volume named " + mount.name() + " is unknown to pod " + pod.id()));
    Protos.Volume.Builder out = Protos.Volume.newBuilder()
        .setMode(mount.readOnlyOrDefault() ? Protos.Volume.Mode.RO : Protos.Volume.Mode.RW)
        .setContainerPath(mount.mountPath());
    if (volume instanceof Volume.Host host) {
      // C.4 host: the deprecated host_path field, no source
      out.setHostPath(host.host());
    } else if (volume instanceof Volume.Ephemeral ephemeral) {
      // C.4 ephemeral: shared through the executor sandbox
      out.setSource(sandboxPath(EPHEMERAL_DIR + ephemeral.name()));
    } else if (volume instanceof Volume.Persistent persistent) {
      // C.4 persistent: the executor's disk.volume.container_path, which is the volume name
      out.setSource(sandboxPath(persistent.name()));
    } else if (volume instanceof Volume.SecretVolume secret) {
      // G11: Marathon emitted nothing here; podkit mounts the secret natively
      out.setSource(Protos.Volume.Source.newBuilder()
          .setType(Protos.Volume.Source.Type.SECRET)
          .setSecret(secrets.resolve(secret.secret())));
    }
    return out.build();
  }

  private Optional<Volume> volume(String name) {
    return pod.volumes().stream().filter(v -> v.name().equals(name)).findFirst();
  }

  private static Protos.Volume.Source sandboxPath(String path) {
    return Protos.Volume.Source.newBuilder()
        .setType(Protos.Volume.Source.Type.SANDBOX_PATH)
        .setSandboxPath(Protos.Volume.Source.SandboxPath.newBuilder()
            .setType(Protos.Volume.Source.SandboxPath.Type.PARENT)
            .setPath(path))
        .build();
  }
}
