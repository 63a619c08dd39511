package io.podkit.validation;

import io.podkit.model.Container;
import io.podkit.model.IpcMode;
import io.podkit.model.LinuxInfo;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import io.podkit.model.ResourceLimit;
import io.podkit.model.ResourceLimits;
import java.util.Optional;

/**
 * Linux settings (seccomp, IPC) at pod and container level, and container resource limits against
 * their requests and the pod's cgroup sharing.
 */
final class ContainerRules implements RuleGroup {
  @Override
  public void check(Pod pod, Findings findings) {
    pod.linuxInfo().ifPresent(info -> executorLinuxInfo(info, findings));
    boolean sharedCgroups = pod.legacySharedCgroups().orElse(false);
    for (int i = 0; i < pod.containers().size(); i++) {
      Container c = pod.containers().get(i);
      PodPath path = PodPath.of("containers", i);
      c.linuxInfo().ifPresent(info -> containerLinuxInfo(info, path.field("linuxInfo"), findings));
      c.resourceLimits().ifPresent(limits -> resourceLimits(c, limits, sharedCgroups, path, findings));
    }
  }

  private static void executorLinuxInfo(LinuxInfo info, Findings findings) {
    PodPath path = PodPath.of("linuxInfo");
    // V-35: the executor takes no seccomp settings at all, not even {}.
    if (info.seccomp().isPresent()) {
      findings.add(Rule.EXECUTOR_SECCOMP, path.field("seccomp"));
    }
    info.ipcInfo().ifPresent(ipc -> ipcInfo(ipc, path.field("ipcInfo"), findings));
  }

  private static void containerLinuxInfo(LinuxInfo info, PodPath path, Findings findings) {
    info.seccomp().ifPresent(seccomp -> {
      boolean profile = seccomp.profileName().isPresent();
      boolean unconfined = seccomp.unconfinedOrDefault();
      if (profile && unconfined) {
        // V-37: a profile and unconfined exclude each other.
        findings.add(Rule.SECCOMP_PROFILE_AND_UNCONFINED, path.field("seccomp"));
      } else if (!profile && !unconfined) {
        // V-38: without a profile the container must say unconfined; {} fails too.
        findings.add(Rule.SECCOMP_NEITHER, path.field("seccomp"));
      }
    });
    info.ipcInfo().ifPresent(ipc -> ipcInfo(ipc, path.field("ipcInfo"), findings));
  }

  // V-36: a shared parent IPC namespace has the parent's /dev/shm, so no size of its own.
  private static void ipcInfo(LinuxInfo.IpcInfo ipc, PodPath path, Findings findings) {
    if (ipc.mode() == IpcMode.SHARE_PARENT && ipc.shmSize().isPresent()) {
      findings.add(Rule.IPC_SHM_SIZE_SHARE_PARENT, path);
    }
  }

  private static void resourceLimits(
      Container c, ResourceLimits limits, boolean sharedCgroups, PodPath path, Findings findings) {
    PodPath limitsPath = path.field("resourceLimits");
    // V-44 / Mesos R30: limits need a cgroup of the container's own; {} counts as present.
    if (sharedCgroups) {
      findings.add(Rule.RESOURCE_LIMITS_SHARED_CGROUPS, limitsPath);
    }
    // V-43 / Mesos R26: a numeric limit is at least the request, taken after its default.
    belowRequest(limits.cpus(), c.resources().cpusOrDefault(), limitsPath.field("cpus"), findings);
    belowRequest(limits.mem(), c.resources().memOrDefault(), limitsPath.field("mem"), findings);
    // Mesos R26: zero-valued scalars are dropped, and a limit without a request is rejected.
    withoutRequest(limits.cpus(), c.resources().cpusOrDefault(), "CPU", limitsPath.field("cpus"), findings);
    withoutRequest(limits.mem(), c.resources().memOrDefault(), "memory", limitsPath.field("mem"), findings);
  }

  private static void withoutRequest(
      Optional<ResourceLimit> limit, double request, String what, PodPath path, Findings findings) {
    if (limit.isPresent() && request == 0) {
      findings.add(Rule.RESOURCE_LIMIT_WITHOUT_REQUEST, path, what, what);
    }
  }

  private static void belowRequest(Optional<ResourceLimit> limit, double request, PodPath path, Findings findings) {
    // "unlimited" is never below a request.
    if (limit.orElse(null) instanceof ResourceLimit.Limited l && l.value() < request) {
      findings.add(Rule.RESOURCE_LIMIT_BELOW_REQUEST, path, Double.toString(request));
    }
  }
}
