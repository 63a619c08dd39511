package io.podkit.validation;

import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import io.podkit.model.Resources;

/** Limits the Mesos master enforces on a task group that Marathon's own rules let through. */
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
  }
}
