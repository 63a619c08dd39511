package io.podkit.validation;

import static io.podkit.validation.TestPods.assertNoViolation;
import static io.podkit.validation.TestPods.assertViolations;
import static io.podkit.validation.TestPods.container;
import static io.podkit.validation.TestPods.podWith;
import static io.podkit.validation.TestPods.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.Pod;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Volumes and mounts (V-12, V-13, V-57) and persistent-volume disk constraints (C-01). */
class VolumeRulesTest {
  private static Volume persistent(List<List<String>> constraints) {
    return Volume.persistent("data",
        new PersistentVolumeInfo(Optional.empty(), 1024, Optional.empty(), Optional.empty(), constraints));
  }

  private static Pod.Builder mounting(String... volumes) {
    var c = container("main");
    for (String v : volumes) {
      c.volumeMount(VolumeMount.of(v, "/mnt/" + v));
    }
    return podWith(c);
  }

  @Test
  @DisplayName("volume-unused")
  void volumeUnused() {
    Pod pod = mounting("used").volume(Volume.ephemeral("used")).volume(Volume.host("logs", "/var/log")).build();
    assertViolations(validate(pod), Rule.VOLUME_UNUSED, "/volumes(1)");
  }

  @Test
  void aVolumeMountedByAnyContainerIsUsed() {
    Pod pod = mounting("a").container(container("side").volumeMount(VolumeMount.of("b", "/mnt/b")))
        .volume(Volume.ephemeral("a")).volume(Volume.ephemeral("b")).build();
    assertNoViolation(validate(pod), Rule.VOLUME_UNUSED);
  }

  @Test
  @DisplayName("volume-names-unique")
  void volumeNamesUnique() {
    Pod pod = mounting("data").volume(Volume.ephemeral("data")).volume(Volume.host("data", "/srv")).build();
    assertViolations(validate(pod), Rule.VOLUME_NAMES_UNIQUE, "/volumes");
  }

  @Test
  @DisplayName("volume-mount-undefined")
  void volumeMountUndefined() {
    Pod pod = mounting("data", "missing").volume(Volume.ephemeral("data")).build();
    assertViolations(validate(pod), Rule.VOLUME_MOUNT_UNDEFINED, "/containers(0)/volumeMounts(1)/name");
  }

  @Test
  @DisplayName("persistent-constraint")
  void persistentConstraint() {
    ValidationReport report = validate(mounting("data")
        .volume(persistent(List.of(List.of("path", "LIKE", "/mnt/ssd.*"), List.of("path", "UNLIKE", "x"))))
        .build());
    assertViolations(report, Rule.PERSISTENT_CONSTRAINT, "/volumes(0)/persistent/constraints(1)");
    assertThat(report.of(Rule.PERSISTENT_CONSTRAINT).get(0).message()).isEqualTo(
        "illegal volume constraint path,UNLIKE,x: a persistent volume constraint must be [\"path\", \"LIKE\", <regex>]");
  }

  @Test
  void everyOtherConstraintShapeIsIllegal() {
    ValidationReport report = validate(mounting("data")
        .volume(persistent(List.of(
            List.of("path", "like", "x"),
            List.of("hostname", "LIKE", "x"),
            List.of("path", "LIKE"),
            List.of("path", "LIKE", "x", "y"),
            List.of("path", "LIKE", "(unclosed"),
            List.of())))
        .build());
    assertViolations(report, Rule.PERSISTENT_CONSTRAINT,
        "/volumes(0)/persistent/constraints(0)", "/volumes(0)/persistent/constraints(1)",
        "/volumes(0)/persistent/constraints(2)", "/volumes(0)/persistent/constraints(3)",
        "/volumes(0)/persistent/constraints(4)", "/volumes(0)/persistent/constraints(5)");
  }

  @Test
  void aConformingPodBreaksNoVolumeRule() {
    Pod pod = mounting("scratch", "data")
        .volume(Volume.ephemeral("scratch"))
        .volume(persistent(List.of(List.of("path", "LIKE", "/mnt/ssd.*"), List.of("path", "LIKE", ""))))
        .build();
    ValidationReport report = validate(pod);
    for (Rule rule : new Rule[] {Rule.VOLUME_UNUSED, Rule.VOLUME_NAMES_UNIQUE, Rule.VOLUME_MOUNT_UNDEFINED,
        Rule.PERSISTENT_CONSTRAINT}) {
      assertNoViolation(report, rule);
    }
  }
}
