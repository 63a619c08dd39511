package io.podkit.model;

import java.util.Objects;

/**
 * A pod-level volume, mounted into containers by {@link VolumeMount}. The JSON form has no tag: the
 * variant is chosen by the keys present ({@code persistent}, {@code secret}, {@code host}, or only
 * {@code name}). Keys of two variants at once, or a variant with bad contents, is an error.
 */
public sealed interface Volume
    permits Volume.Ephemeral, Volume.Host, Volume.SecretVolume, Volume.Persistent {

  /** The name that {@link VolumeMount#name()} refers to. */
  String name();

  static Ephemeral ephemeral(String name) {
    return new Ephemeral(name);
  }

  static Host host(String name, String hostPath) {
    return new Host(name, hostPath);
  }

  static SecretVolume secret(String name, String secretName) {
    return new SecretVolume(name, secretName);
  }

  static Persistent persistent(String name, PersistentVolumeInfo info) {
    return new Persistent(name, info);
  }

  /** Scratch space in the executor sandbox, shared by the containers that mount it. */
  record Ephemeral(String name) implements Volume {
    public Ephemeral {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A path on the agent: absolute, or relative to the executor sandbox. */
  record Host(String name, String host) implements Volume {
    public Host {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(host, "host");
    }
  }

  /** A pod secret exposed as a file. */
  record SecretVolume(String name, String secret) implements Volume {
    public SecretVolume {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(secret, "secret");
    }
  }

  /** A local persistent volume; a pod with one is "resident". */
  record Persistent(String name, PersistentVolumeInfo persistent) implements Volume {
    public Persistent {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(persistent, "persistent");
    }
  }
}
