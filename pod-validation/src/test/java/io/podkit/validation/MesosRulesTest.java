package io.podkit.validation;

import static io.podkit.validation.TestPods.assertNoViolation;
import static io.podkit.validation.TestPods.assertViolations;
import static io.podkit.validation.TestPods.container;
import static io.podkit.validation.TestPods.pod;
import static io.podkit.validation.TestPods.podWith;
import static io.podkit.validation.TestPods.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.PersistentVolumeType;
import io.podkit.model.Pod;
import io.podkit.model.Resources;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MesosRulesTest {
  @Test
  @DisplayName("mesos-task-resources")
  void mesosTaskResources() {
    Pod pod = pod().container(container("idle").resources(Resources.of(0, 0, 0, 0))).build();
    ValidationReport report = validate(pod);
    assertViolations(report, Rule.MESOS_TASK_RESOURCES, "/containers(1)/resources");
    assertThat(report.of(Rule.MESOS_TASK_RESOURCES).get(0).message()).startsWith("the container requests no resources");
  }

  @Test
  @DisplayName("mesos-volume-size")
  void mesosVolumeSize() {
    // Found by the fixture fuzzer: a root volume of size 0 passed validation, then matching threw.
    Pod root = residentWith(new PersistentVolumeInfo(Optional.empty(), 0, Optional.empty(), Optional.empty(),
        java.util.List.of()));
    Pod path = residentWith(new PersistentVolumeInfo(Optional.of(PersistentVolumeType.PATH), 0, Optional.empty(),
        Optional.empty(), java.util.List.of()));
    Pod mount = residentWith(new PersistentVolumeInfo(Optional.of(PersistentVolumeType.MOUNT), 0, Optional.empty(),
        Optional.empty(), java.util.List.of()));

    assertViolations(validate(root), Rule.MESOS_VOLUME_SIZE, "/volumes(0)/persistent/size");
    assertThat(validate(root).of(Rule.MESOS_VOLUME_SIZE).get(0).message()).startsWith("a root persistent volume of 0 MiB");
    assertViolations(validate(path), Rule.MESOS_VOLUME_SIZE, "/volumes(0)/persistent/size");
    assertNoViolation(validate(mount), Rule.MESOS_VOLUME_SIZE);
    assertNoViolation(validate(residentWith(PersistentVolumeInfo.ofSize(1))), Rule.MESOS_VOLUME_SIZE);
  }

  private static Pod residentWith(PersistentVolumeInfo info) {
    return Pod.builder("/dev/db").role("dev").volume(Volume.persistent("data", info))
        .container(container("db").volumeMount(VolumeMount.of("data", "data"))).build();
  }

  @Test
  void absentDiskAndGpusDefaultToZero() {
    Resources zeroCpusAndMem = new Resources(Optional.of(0.0), Optional.of(0.0), Optional.empty(), Optional.empty());
    assertViolations(validate(podWith(container("main").resources(zeroCpusAndMem)).build()),
        Rule.MESOS_TASK_RESOURCES, "/containers(0)/resources");
  }

  @Test
  void anyNonZeroAmountIsEnough() {
    Resources memOnly = new Resources(Optional.of(0.0), Optional.empty(), Optional.empty(), Optional.empty());
    Resources cpusOnly = new Resources(Optional.empty(), Optional.of(0.0), Optional.empty(), Optional.empty());
    for (Resources r : new Resources[] {
        Resources.defaults(), memOnly, cpusOnly, Resources.of(0, 0, 1, 0), Resources.of(0, 0, 0, 1),
        Resources.of(0.001, 0, 0, 0)}) {
      assertNoViolation(validate(podWith(container("main").resources(r)).build()), Rule.MESOS_TASK_RESOURCES);
    }
  }
}
