package io.podkit.validation;

import static io.podkit.validation.TestPods.assertNoViolation;
import static io.podkit.validation.TestPods.assertViolations;
import static io.podkit.validation.TestPods.container;
import static io.podkit.validation.TestPods.pod;
import static io.podkit.validation.TestPods.podWith;
import static io.podkit.validation.TestPods.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Pod;
import io.podkit.model.Resources;
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
