package io.podkit.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Linux settings of a container or, at pod level, of the executor (where only {@code ipcInfo} is
 * allowed).
 */
public record LinuxInfo(Optional<Seccomp> seccomp, Optional<IpcInfo> ipcInfo) {
  public LinuxInfo {
    Objects.requireNonNull(seccomp, "seccomp");
    Objects.requireNonNull(ipcInfo, "ipcInfo");
  }

  public static LinuxInfo of(Seccomp seccomp, IpcInfo ipcInfo) {
    return new LinuxInfo(Optional.ofNullable(seccomp), Optional.ofNullable(ipcInfo));
  }

  /**
   * A seccomp profile: either a {@code profileName} on the agent, or {@code unconfined} true; never
   * both.
   */
  public record Seccomp(Optional<String> profileName, Optional<Boolean> unconfined) {
    public Seccomp {
      Objects.requireNonNull(profileName, "profileName");
      Objects.requireNonNull(unconfined, "unconfined");
    }

    public static Seccomp profile(String profileName) {
      return new Seccomp(Optional.of(profileName), Optional.empty());
    }

    public static Seccomp unconfinedProfile() {
      return new Seccomp(Optional.empty(), Optional.of(true));
    }

    public boolean unconfinedOrDefault() {
      return unconfined.orElse(false);
    }
  }

  /** The IPC namespace and {@code /dev/shm} size in MiB (no size with {@code SHARE_PARENT}). */
  public record IpcInfo(IpcMode mode, Optional<Integer> shmSize) {
    public IpcInfo {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(shmSize, "shmSize");
    }

    public static IpcInfo of(IpcMode mode) {
      return new IpcInfo(mode, Optional.empty());
    }
  }
}
