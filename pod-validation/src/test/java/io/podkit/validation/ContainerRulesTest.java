package io.podkit.validation;

import static io.podkit.validation.TestPods.assertNoViolation;
import static io.podkit.validation.TestPods.assertViolations;
import static io.podkit.validation.TestPods.container;
import static io.podkit.validation.TestPods.pod;
import static io.podkit.validation.TestPods.podWith;
import static io.podkit.validation.TestPods.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Container;
import io.podkit.model.IpcMode;
import io.podkit.model.LinuxInfo;
import io.podkit.model.LinuxInfo.IpcInfo;
import io.podkit.model.LinuxInfo.Seccomp;
import io.podkit.model.Pod;
import io.podkit.model.ResourceLimit;
import io.podkit.model.ResourceLimits;
import io.podkit.model.Resources;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContainerRulesTest {
  private static final Seccomp EMPTY_SECCOMP = new Seccomp(Optional.empty(), Optional.empty());
  private static final IpcInfo SHARE_PARENT_WITH_SIZE = new IpcInfo(IpcMode.SHARE_PARENT, Optional.of(64));

  @Test
  @DisplayName("executor-seccomp")
  void executorSeccomp() {
    ValidationReport report = validate(pod().linuxInfo(LinuxInfo.of(EMPTY_SECCOMP, null)).build());
    assertViolations(report, Rule.EXECUTOR_SECCOMP, "/linuxInfo/seccomp");
    assertThat(report.of(Rule.EXECUTOR_SECCOMP).get(0).message())
        .isEqualTo("Seccomp configuration on executor level is not supported");
  }

  @Test
  void executorSeccompEvenWhenValidForAContainer() {
    assertViolations(validate(pod().linuxInfo(LinuxInfo.of(Seccomp.unconfinedProfile(), null)).build()),
        Rule.EXECUTOR_SECCOMP, "/linuxInfo/seccomp");
    assertViolations(validate(pod().linuxInfo(LinuxInfo.of(Seccomp.profile("default"), null)).build()),
        Rule.EXECUTOR_SECCOMP, "/linuxInfo/seccomp");
  }

  @Test
  void executorIpcInfoAloneIsFine() {
    Pod pod = pod().linuxInfo(LinuxInfo.of(null, new IpcInfo(IpcMode.PRIVATE, Optional.of(64)))).build();
    assertNoViolation(validate(pod), Rule.EXECUTOR_SECCOMP);
    assertNoViolation(validate(pod), Rule.IPC_SHM_SIZE_SHARE_PARENT);
  }

  @Test
  @DisplayName("ipc-shm-size-share-parent")
  void ipcShmSizeShareParent() {
    Pod pod = podWith(container("main").linuxInfo(LinuxInfo.of(null, SHARE_PARENT_WITH_SIZE)))
        .linuxInfo(LinuxInfo.of(null, SHARE_PARENT_WITH_SIZE))
        .build();
    ValidationReport report = validate(pod);
    assertViolations(report, Rule.IPC_SHM_SIZE_SHARE_PARENT, "/linuxInfo/ipcInfo", "/containers(0)/linuxInfo/ipcInfo");
    assertThat(report.of(Rule.IPC_SHM_SIZE_SHARE_PARENT)).extracting(Violation::message)
        .containsOnly("ipcInfo shmSize can NOT be set when mode is SHARE_PARENT");
  }

  @Test
  void shareParentWithoutShmSizeIsFine() {
    IpcInfo shareParent = IpcInfo.of(IpcMode.SHARE_PARENT);
    Pod pod = podWith(container("main").linuxInfo(LinuxInfo.of(null, shareParent)))
        .linuxInfo(LinuxInfo.of(null, shareParent))
        .build();
    assertNoViolation(validate(pod), Rule.IPC_SHM_SIZE_SHARE_PARENT);
  }

  @Test
  void privateWithShmSizeIsFine() {
    IpcInfo sized = new IpcInfo(IpcMode.PRIVATE, Optional.of(256));
    Pod pod = podWith(container("main").linuxInfo(LinuxInfo.of(null, sized))).build();
    assertNoViolation(validate(pod), Rule.IPC_SHM_SIZE_SHARE_PARENT);
  }

  @Test
  @DisplayName("seccomp-profile-and-unconfined")
  void seccompProfileAndUnconfined() {
    Seccomp both = new Seccomp(Optional.of("default"), Optional.of(true));
    Pod pod = pod().container(container("side").linuxInfo(LinuxInfo.of(both, null))).build();
    ValidationReport report = validate(pod);
    assertViolations(report, Rule.SECCOMP_PROFILE_AND_UNCONFINED, "/containers(1)/linuxInfo/seccomp");
    assertNoViolation(report, Rule.SECCOMP_NEITHER);
  }

  @Test
  @DisplayName("seccomp-neither")
  void seccompNeither() {
    Seccomp confinedWithoutProfile = new Seccomp(Optional.empty(), Optional.of(false));
    Pod pod = podWith(container("main").linuxInfo(LinuxInfo.of(confinedWithoutProfile, null)))
        .container(container("side").linuxInfo(LinuxInfo.of(EMPTY_SECCOMP, null)))
        .build();
    ValidationReport report = validate(pod);
    assertViolations(report, Rule.SECCOMP_NEITHER,
        "/containers(0)/linuxInfo/seccomp", "/containers(1)/linuxInfo/seccomp");
    assertNoViolation(report, Rule.SECCOMP_PROFILE_AND_UNCONFINED);
  }

  @Test
  void seccompProfileOrUnconfinedIsFine() {
    Pod pod = podWith(container("main").linuxInfo(LinuxInfo.of(Seccomp.profile("default"), null)))
        .container(container("side").linuxInfo(LinuxInfo.of(Seccomp.unconfinedProfile(), null)))
        .container(container("third").linuxInfo(
            LinuxInfo.of(new Seccomp(Optional.of("strict"), Optional.of(false)), null)))
        .build();
    ValidationReport report = validate(pod);
    assertNoViolation(report, Rule.SECCOMP_NEITHER);
    assertNoViolation(report, Rule.SECCOMP_PROFILE_AND_UNCONFINED);
    assertNoViolation(report, Rule.EXECUTOR_SECCOMP);
  }

  @Test
  @DisplayName("resource-limit-below-request")
  void resourceLimitBelowRequest() {
    Pod pod = podWith(container("main").resources(0.5, 64)
        .resourceLimits(ResourceLimits.of(ResourceLimit.of(0.25), ResourceLimit.of(32)))).build();
    ValidationReport report = validate(pod);
    assertViolations(report, Rule.RESOURCE_LIMIT_BELOW_REQUEST,
        "/containers(0)/resourceLimits/cpus", "/containers(0)/resourceLimits/mem");
    assertThat(report.of(Rule.RESOURCE_LIMIT_BELOW_REQUEST)).extracting(Violation::message).containsExactly(
        "resource limit must be greater than or equal to requested resource (0.5)",
        "resource limit must be greater than or equal to requested resource (64.0)");
  }

  @Test
  @DisplayName("resource-limit-without-request")
  void resourceLimitWithoutRequest() {
    Pod pod = podWith(container("main").resources(Resources.of(0, 0, 1, 0))
        .resourceLimits(ResourceLimits.of(ResourceLimit.unlimited(), ResourceLimit.of(64)))).build();
    ValidationReport report = validate(pod);
    assertViolations(report, Rule.RESOURCE_LIMIT_WITHOUT_REQUEST,
        "/containers(0)/resourceLimits/cpus", "/containers(0)/resourceLimits/mem");
    assertThat(report.of(Rule.RESOURCE_LIMIT_WITHOUT_REQUEST).get(0).message())
        .isEqualTo("a CPU limit needs a CPU request: Mesos drops a request of 0 and then rejects the limit");
    assertNoViolation(validate(podWith(container("main").resources(0.5, 64)
        .resourceLimits(ResourceLimits.of(ResourceLimit.unlimited(), ResourceLimit.of(64)))).build()),
        Rule.RESOURCE_LIMIT_WITHOUT_REQUEST);
  }

  @Test
  void resourceLimitComparedWithDefaultRequests() {
    // Requests default to 1.0 cpus and 128.0 mem.
    Pod pod = podWith(container("main").resources(Resources.defaults())
        .resourceLimits(ResourceLimits.of(ResourceLimit.of(0.5), ResourceLimit.of(128)))).build();
    ValidationReport report = validate(pod);
    assertViolations(report, Rule.RESOURCE_LIMIT_BELOW_REQUEST, "/containers(0)/resourceLimits/cpus");
    assertThat(report.of(Rule.RESOURCE_LIMIT_BELOW_REQUEST).get(0).message())
        .isEqualTo("resource limit must be greater than or equal to requested resource (1.0)");
  }

  @Test
  void resourceLimitEqualToRequestOrUnlimitedIsFine() {
    Pod pod = podWith(container("main").resources(0.5, 64)
        .resourceLimits(ResourceLimits.of(ResourceLimit.of(0.5), ResourceLimit.unlimited())))
        .container(container("side").resources(2, 4096)
            .resourceLimits(ResourceLimits.of(ResourceLimit.unlimited(), null)))
        .container(container("third").resourceLimits(new ResourceLimits(Optional.empty(), Optional.empty())))
        .build();
    assertNoViolation(validate(pod), Rule.RESOURCE_LIMIT_BELOW_REQUEST);
  }

  @Test
  @DisplayName("resource-limits-shared-cgroups")
  void resourceLimitsSharedCgroups() {
    // {} counts as present.
    Pod pod = podWith(container("main").resourceLimits(new ResourceLimits(Optional.empty(), Optional.empty())))
        .container(container("side"))
        .container(container("third").resourceLimits(ResourceLimits.of(ResourceLimit.unlimited(), null)))
        .legacySharedCgroups(true)
        .build();
    ValidationReport report = validate(pod);
    assertViolations(report, Rule.RESOURCE_LIMITS_SHARED_CGROUPS,
        "/containers(0)/resourceLimits", "/containers(2)/resourceLimits");
    assertThat(report.of(Rule.RESOURCE_LIMITS_SHARED_CGROUPS).get(0).message())
        .isEqualTo("resourceLimits cannot be defined if legacySharedCgroups is enabled");
  }

  @Test
  void resourceLimitsWithoutSharedCgroupsAreFine() {
    Container withLimits = container("main").resourceLimits(ResourceLimits.of(ResourceLimit.unlimited(), null))
        .build();
    assertNoViolation(validate(podWith(withLimits.toBuilder()).legacySharedCgroups(false).build()),
        Rule.RESOURCE_LIMITS_SHARED_CGROUPS);
    assertNoViolation(validate(podWith(withLimits.toBuilder()).build()), Rule.RESOURCE_LIMITS_SHARED_CGROUPS);
    assertNoViolation(validate(pod().legacySharedCgroups(true).build()), Rule.RESOURCE_LIMITS_SHARED_CGROUPS);
  }

  @Test
  void conformingPodIsValid() {
    Pod pod = podWith(container("main").resources(0.5, 64)
        .resourceLimits(ResourceLimits.of(ResourceLimit.of(1), ResourceLimit.unlimited()))
        .linuxInfo(LinuxInfo.of(Seccomp.profile("default"), IpcInfo.of(IpcMode.SHARE_PARENT))))
        .linuxInfo(LinuxInfo.of(null, new IpcInfo(IpcMode.PRIVATE, Optional.of(64))))
        .build();
    TestPods.assertValid(pod, ValidationConfig.DEFAULT);
  }
}
