package io.podkit.validation;

import io.podkit.model.PersistentVolumeType;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import io.podkit.model.Resources;
import io.podkit.model.Volume;

/** Limits the Mesos master enforces on a task group (and its volumes) that Marathon's own rules let through. */
final class MesosRules implements RuleGroup {
  @Override
  public void check(Pod pod, Findings findings) {
    for (int i = 0; i < pod.containers().size(); i++) {
      Resources r = pod.containers().get(i).resources();
      // Mesos R23: zero scalars are dropped, and a task left without resources is rejected
      // ("Task uses no resources"). Absent amounts take their defaults (1 cpu, 128 MiB).
      if (r.cpusOrDefault() == 0 && r.memOrDefault() == 0 && r.diskOrDefault() == 0 && r.gpusOrDefault() == 0) {
        findings.add(Rule.MESOS_TASK_RESOURCES, PodPath.of("containers", i, "resources"));
      }
    }
    for (int i = 0; i < pod.volumes().size(); i++) {
      // A root or path volume is carved out of a disk at its size; at 0 MiB there is nothing to CREATE
      // (Mesos drops empty resources). A mount volume takes a whole disk, of any size.
      if (pod.volumes().get(i) instanceof Volume.Persistent p && p.persistent().size() == 0
          && p.persistent().typeOrDefault() != PersistentVolumeType.MOUNT) {
        findings.add(Rule.MESOS_VOLUME_SIZE, PodPath.of("volumes", i, "persistent", "size"),
            p.persistent().typeOrDefault().json());
      }
    }
  }
}
