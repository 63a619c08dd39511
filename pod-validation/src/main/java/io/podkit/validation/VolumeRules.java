package io.podkit.validation;

import io.podkit.model.Container;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Pod volumes and the mounts that use them: every volume mounted (V-12), unique names (V-13), every
 * mount naming a volume (V-57), and persistent-volume disk constraints that Marathon's conversion
 * accepts (C-01). Marathon answered the last with an HTTP 500 at conversion time; podkit reports it
 * as a violation so the pod never gets that far.
 */
final class VolumeRules implements RuleGroup {
  @Override
  public void check(Pod pod, Findings findings) {
    Set<String> mounted = pod.containers().stream()
        .flatMap(c -> c.volumeMounts().stream())
        .map(VolumeMount::name)
        .collect(Collectors.toSet());
    Set<String> names = new HashSet<>();
    boolean duplicate = false;
    List<Volume> volumes = pod.volumes();
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      // V-12
      if (!mounted.contains(v.name())) {
        findings.add(Rule.VOLUME_UNUSED, PodPath.of("volumes", i));
      }
      duplicate |= !names.add(v.name());
      if (v instanceof Volume.Persistent p) {
        checkConstraints(p.persistent().constraints(), PodPath.of("volumes", i, "persistent", "constraints"),
            findings);
      }
    }
    // V-13
    if (duplicate) {
      findings.add(Rule.VOLUME_NAMES_UNIQUE, PodPath.of("volumes"));
    }
    checkMounts(pod, names, findings);
  }

  private static void checkMounts(Pod pod, Set<String> volumeNames, Findings findings) {
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      List<VolumeMount> mounts = containers.get(i).volumeMounts();
      for (int k = 0; k < mounts.size(); k++) {
        // V-57
        if (!volumeNames.contains(mounts.get(k).name())) {
          findings.add(Rule.VOLUME_MOUNT_UNDEFINED, PodPath.of("containers", i, "volumeMounts", k, "name"));
        }
      }
    }
  }

  private static void checkConstraints(List<List<String>> constraints, PodPath at, Findings findings) {
    for (int k = 0; k < constraints.size(); k++) {
      List<String> c = constraints.get(k);
      // C-01
      if (!isPathLike(c)) {
        findings.add(Rule.PERSISTENT_CONSTRAINT, at.index(k), String.join(",", c));
      }
    }
  }

  /** {@code ["path", "LIKE", regex]}, the only form Marathon's volume conversion accepts. */
  private static boolean isPathLike(List<String> c) {
    if (c.size() != 3 || !c.get(0).equals("path") || !c.get(1).equals("LIKE")) {
      return false;
    }
    try {
      Pattern.compile(c.get(2));
      return true;
    } catch (PatternSyntaxException e) {
      return false;
    }
  }
}
