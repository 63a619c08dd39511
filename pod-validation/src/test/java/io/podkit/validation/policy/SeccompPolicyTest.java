package io.podkit.validation.policy;

import static io.podkit.validation.TestPods.assertValid;
import static io.podkit.validation.TestPods.assertViolations;
import static io.podkit.validation.TestPods.container;
import static io.podkit.validation.TestPods.podWith;
import static io.podkit.validation.TestPods.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.IpcMode;
import io.podkit.model.LinuxInfo;
import io.podkit.model.LinuxInfo.Seccomp;
import io.podkit.model.Pod;
import io.podkit.validation.PodValidator;
import io.podkit.validation.Rule;
import io.podkit.validation.ValidationReport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SeccompPolicyTest {
  @Test
  @DisplayName("policy-seccomp-unconfined")
  void policySeccompUnconfined() {
    Pod pod = podWith(container("main").linuxInfo(LinuxInfo.of(Seccomp.profile("default"), null)))
        .container(container("side").linuxInfo(LinuxInfo.of(Seccomp.unconfinedProfile(), null)))
        .build();
    assertThat(PodValidator.withDefaults().validate(pod).isValid()).isTrue();
    ValidationReport report = validate(pod, SeccompPolicy.forbidUnconfined());
    assertViolations(report, Rule.POLICY_SECCOMP_UNCONFINED, "/containers(1)/linuxInfo/seccomp/unconfined");
    assertThat(report.violations()).hasSize(1);
    assertThat(report.of(Rule.POLICY_SECCOMP_UNCONFINED).get(0).message())
        .isEqualTo("seccomp must not be unconfined under this framework's policy");
  }

  @Test
  void confinedContainersPass() {
    Pod pod = podWith(container("main").linuxInfo(LinuxInfo.of(Seccomp.profile("default"), null)))
        .container(container("plain"))
        .container(container("ipc").linuxInfo(LinuxInfo.of(null, LinuxInfo.IpcInfo.of(IpcMode.PRIVATE))))
        .build();
    assertValid(pod, SeccompPolicy.forbidUnconfined());
  }
}
