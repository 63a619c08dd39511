package io.podkit.validation;

import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import io.podkit.model.SchedulingPolicy;
import io.podkit.model.SchedulingPolicy.Placement;
import io.podkit.model.normalize.NormalizationConfig;
import io.podkit.model.normalize.PodNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Role names (V-25), the roles a pod may use (M-02, M-05) and the roles of resident pods (M-03,
 * V-34). The effective role is the pod's {@code role}, or the default that
 * {@link io.podkit.model.normalize.PodNormalizer} gives it.
 */
final class RoleRules implements RuleGroup {
  /** Marathon's unreserved role. */
  static final String UNRESERVED = "*";

  static final PodPath ROLE = PodPath.of("role");
  private static final PodPath ACCEPTED_ROLES = PodPath.of("scheduling", "placement", "acceptedResourceRoles");

  /** Marathon's forbidden role characters and their names, in Marathon's order. */
  private static final List<ForbiddenChar> FORBIDDEN_CHARS = List.of(
      new ForbiddenChar('\u0009', "horizontal tab (\\x09)"),
      new ForbiddenChar('\n', "line feed (\\x0a)"),
      new ForbiddenChar('\u000b', "vertical tab (\\x0b)"),
      new ForbiddenChar('\f', "form feed (\\x0c)"),
      new ForbiddenChar('\r', "carriage return (\\x0d)"),
      new ForbiddenChar(' ', "space (\\x20)"),
      new ForbiddenChar('/', "slash (\\x2f)"),
      new ForbiddenChar('\u007f', "backspace (\\x7f)"));

  private record ForbiddenChar(char c, String name) {}

  @Override
  public void check(Pod pod, Findings findings) {
    NormalizationConfig config = findings.config().normalization();
    String role = effectiveRole(pod, config);
    // V-25: the pod's own role; an empty one is reported by R-25 (role-not-empty) instead
    pod.role().filter(r -> !r.isEmpty()).ifPresent(r -> roleNames(r, ROLE, findings));
    List<String> accepted = acceptedResourceRoles(pod);
    for (int k = 0; k < accepted.size(); k++) {
      roleNames(accepted.get(k), ACCEPTED_ROLES.index(k), findings); // V-25 / V-34, reported once
    }
    checkRoleAllowed(pod, findings.previousRole(), findings);
    if (!accepted.isEmpty()) {
      Set<String> acceptedSet = new LinkedHashSet<>(accepted);
      // M-05: at most two names, "*" and the pod's role
      Set<String> allowed = new TreeSet<>(List.of(UNRESERVED, role));
      if (!allowed.containsAll(acceptedSet)) {
        findings.add(Rule.ACCEPTED_ROLES_SUBSET, ACCEPTED_ROLES, String.join(" and ", allowed));
      }
      // V-34: a resident pod accepts unreserved resources only
      if (pod.isResident() && !acceptedSet.equals(Set.of(UNRESERVED))) {
        findings.add(Rule.RESIDENT_ACCEPTED_ROLES, ACCEPTED_ROLES);
      }
    }
    // M-03
    if (pod.isResident() && role.equals(UNRESERVED)) {
      findings.add(Rule.RESIDENT_ROLE_STAR, ROLE);
    }
  }

  /**
   * M-02: the effective role of {@code pod} must be one of its valid roles. On an update
   * {@code previousRole} is the running pod's effective role, which stays valid for a pod inside a
   * top-level group (Marathon's {@code RoleSettings.forService}).
   */
  static void checkRoleAllowed(Pod pod, Optional<String> previousRole, Findings findings) {
    NormalizationConfig config = findings.config().normalization();
    String role = effectiveRole(pod, config);
    Set<String> valid = validRoles(pod.id(), previousRole, config);
    if (!valid.contains(role)) {
      findings.add(Rule.ROLE_NOT_ALLOWED, ROLE, role, String.join(", ", valid));
    }
  }

  /**
   * The roles a pod with id {@code podId} may use, sorted: {@code --mesos_role} directly under
   * {@code /}; in a top-level group {@code g}, {@code g} (if it enforces its role) or {@code g} and
   * {@code --mesos_role}, plus {@code previousRole}.
   */
  static Set<String> validRoles(String podId, Optional<String> previousRole, NormalizationConfig config) {
    Set<String> valid = new TreeSet<>();
    Optional<String> group = topLevelGroup(podId);
    if (group.isEmpty()) {
      valid.add(config.mesosRole());
      return valid;
    }
    valid.add(group.get());
    if (!config.enforceRoleGroups().contains(group.get())) {
      valid.add(config.mesosRole());
    }
    previousRole.ifPresent(valid::add);
    return valid;
  }

  /** The pod's role, or the default {@link PodNormalizer} gives it (N-05). */
  static String effectiveRole(Pod pod, NormalizationConfig config) {
    return pod.role().orElseGet(() -> new PodNormalizer(config).defaultRole(pod.id()));
  }

  /** The top-level group of a pod, e.g. {@code dev} for {@code /dev/db}; empty directly under {@code /}. */
  static Optional<String> topLevelGroup(String podId) {
    return PodNormalizer.topLevelGroup(podId);
  }

  /** V-25: each of Marathon's role-name problems of {@code role}, one violation each, at {@code path}. */
  private static void roleNames(String role, PodPath path, Findings findings) {
    for (String problem : roleNameProblems(role)) {
      findings.add(Rule.ROLE_NAME, path, problem);
    }
  }

  /** Marathon's messages for what is wrong with the role name {@code role}; empty if it is valid. */
  static List<String> roleNameProblems(String role) {
    List<String> problems = new ArrayList<>();
    if (role.isEmpty() || role.equals(".") || role.equals("..")) {
      problems.add("A role name must not be \"" + role + "\".");
    }
    if (role.startsWith("-")) {
      problems.add("A role name must not start with a '-'.");
    }
    for (ForbiddenChar forbidden : FORBIDDEN_CHARS) {
      if (role.indexOf(forbidden.c()) >= 0) {
        problems.add("A role name must not include a " + forbidden.name() + " character.");
      }
    }
    return problems;
  }

  private static List<String> acceptedResourceRoles(Pod pod) {
    return pod.scheduling().flatMap(SchedulingPolicy::placement).map(Placement::acceptedResourceRoles)
        .orElse(List.of());
  }
}
