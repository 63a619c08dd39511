package io.podkit.model;

import java.util.Objects;
import java.util.Optional;

/** Mounts the pod volume {@code name} at {@code mountPath} (relative paths are inside the sandbox). */
public record VolumeMount(String name, String mountPath, Optional<Boolean> readOnly) {
  public VolumeMount {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mountPath, "mountPath");
    Objects.requireNonNull(readOnly, "readOnly");
  }

  public static VolumeMount of(String name, String mountPath) {
    return new VolumeMount(name, mountPath, Optional.empty());
  }

  public static VolumeMount readOnly(String name, String mountPath) {
    return new VolumeMount(name, mountPath, Optional.of(true));
  }

  public boolean readOnlyOrDefault() {
    return readOnly.orElse(false);
  }
}
