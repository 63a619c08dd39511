package io.podkit.validation.policy;

import static io.podkit.validation.TestPods.assertValid;
import static io.podkit.validation.TestPods.assertViolations;
import static io.podkit.validation.TestPods.container;
import static io.podkit.validation.TestPods.podWith;
import static io.podkit.validation.TestPods.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.podkit.model.Pod;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import io.podkit.validation.PodValidator;
import io.podkit.validation.Rule;
import io.podkit.validation.ValidationReport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostVolumePolicyTest {
  /** A valid pod with an ephemeral volume and a host volume at {@code hostPath}, both mounted. */
  private static Pod pod(String hostPath) {
    return podWith(container("main")
            .volumeMount(VolumeMount.of("scratch", "/scratch"))
            .volumeMount(VolumeMount.of("host", "/host")))
        .volume(Volume.ephemeral("scratch"))
        .volume(Volume.host("host", hostPath))
        .build();
  }

  @Test
  @DisplayName("policy-host-volume")
  void policyHostVolume() {
    Pod pod = pod("/var/run/docker.sock");
    // Valid without the policy; the policy's violation lands in the same report.
    assertThat(PodValidator.withDefaults().validate(pod).isValid()).isTrue();
    ValidationReport report = validate(pod, HostVolumePolicy.forbidAll());
    assertViolations(report, Rule.POLICY_HOST_VOLUME, "/volumes(1)/host");
    assertThat(report.violations()).hasSize(1);
    assertThat(report.of(Rule.POLICY_HOST_VOLUME).get(0).message())
        .isEqualTo("host volume /var/run/docker.sock is not allowed: this framework's policy forbids host volumes");
    assertThat(report.of(Rule.POLICY_HOST_VOLUME).get(0).pointer()).isEqualTo("/volumes/1/host");
  }

  @Test
  void prefixMismatchNamesThePathAndThePrefixes() {
    ValidationReport report = validate(pod("/database"), HostVolumePolicy.allowOnly("/data", "/mnt/shared/"));
    assertViolations(report, Rule.POLICY_HOST_VOLUME, "/volumes(1)/host");
    assertThat(report.of(Rule.POLICY_HOST_VOLUME).get(0).message())
        .isEqualTo("host volume /database is not under an allowed path prefix (/data, /mnt/shared)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/data", "/data/", "/data/x", "/data//x/y", "/data/./x", "/data/x/../y", "/mnt/shared/a"})
  void allowedUnderAPrefix(String hostPath) {
    assertValid(pod(hostPath), HostVolumePolicy.allowOnly("/data", "/mnt/shared"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/database", "/dat", "/", "/etc", "/data/../etc", "/data/x/../../etc", "/mnt", "data/x",
      "/mnt/sharedx"})
  void rejectedOutsideThePrefixes(String hostPath) {
    assertViolations(validate(pod(hostPath), HostVolumePolicy.allowOnly("/data", "/mnt/shared")),
        Rule.POLICY_HOST_VOLUME, "/volumes(1)/host");
  }

  @Test
  void relativePrefixesMatchSandboxPaths() {
    HostVolumePolicy policy = HostVolumePolicy.allowOnly("cache");
    assertThat(policy.isAllowed("cache/x")).isTrue();
    assertThat(policy.isAllowed("./cache")).isTrue();
    assertThat(policy.isAllowed("/cache")).isFalse();
    assertThat(policy.isAllowed("cache/../../etc")).isFalse();
    assertThat(HostVolumePolicy.allowOnly("/").isAllowed("/anything/at/all")).isTrue();
    assertThat(HostVolumePolicy.allowOnly("/").isAllowed("relative")).isFalse();
  }

  @Test
  void otherVolumesAreNotHostVolumes() {
    Pod pod = podWith(container("main").volumeMount(VolumeMount.of("scratch", "/scratch")))
        .volume(Volume.ephemeral("scratch"))
        .build();
    assertValid(pod, HostVolumePolicy.forbidAll());
  }

  @Test
  void emptyAllowListForbidsAll() {
    HostVolumePolicy policy = HostVolumePolicy.allowOnly();
    assertThat(policy.allowedPrefixes()).isEmpty();
    assertViolations(validate(pod("/data"), policy), Rule.POLICY_HOST_VOLUME, "/volumes(1)/host");
  }

  @Test
  void emptyPrefixIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> HostVolumePolicy.allowOnly("/data", ""));
  }

  @Test
  void prefixesAreNormalized() {
    assertThat(HostVolumePolicy.allowOnly("/data/", "//mnt/./x/..", "a/b/").allowedPrefixes())
        .containsExactly("/data", "/mnt", "a/b");
  }
}
