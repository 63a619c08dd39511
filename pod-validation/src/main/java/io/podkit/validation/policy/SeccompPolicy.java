package io.podkit.validation.policy;

import io.podkit.model.Container;
import io.podkit.model.LinuxInfo;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import io.podkit.validation.PodPolicy;
import io.podkit.validation.Rule;
import io.podkit.validation.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Forbids containers that run without a seccomp filter ({@code linuxInfo.seccomp.unconfined: true}).
 * Reports {@link Rule#POLICY_SECCOMP_UNCONFINED} at
 * {@code /containers(i)/linuxInfo/seccomp/unconfined}. A container without seccomp settings runs
 * under the agent's default profile and passes. Instances are immutable and thread-safe.
 */
public final class SeccompPolicy implements PodPolicy {
  private static final SeccompPolicy FORBID_UNCONFINED = new SeccompPolicy();

  private SeccompPolicy() {}

  /** A policy that rejects every container with {@code seccomp.unconfined} true. */
  public static SeccompPolicy forbidUnconfined() {
    return FORBID_UNCONFINED;
  }

  @Override
  public List<Violation> check(Pod pod) {
    List<Violation> out = new ArrayList<>();
    for (int i = 0; i < pod.containers().size(); i++) {
      Container c = pod.containers().get(i);
      boolean unconfined = c.linuxInfo().flatMap(LinuxInfo::seccomp).map(LinuxInfo.Seccomp::unconfinedOrDefault)
          .orElse(false);
      if (unconfined) {
        out.add(Violation.of(Rule.POLICY_SECCOMP_UNCONFINED,
            PodPath.of("containers", i, "linuxInfo", "seccomp", "unconfined")));
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "SeccompPolicy[forbid unconfined]";
  }
}
