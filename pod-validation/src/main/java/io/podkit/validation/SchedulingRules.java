package io.podkit.validation;

import io.podkit.model.Constraint;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import io.podkit.model.SchedulingPolicy;
import io.podkit.model.SchedulingPolicy.Placement;
import io.podkit.model.SchedulingPolicy.UpgradeStrategy;
import io.podkit.model.UnreachableStrategy;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Placement constraints (V-26) and the scheduling rules of resident pods: no over-capacity upgrades
 * (V-31) and no unreachable strategy (V-33).
 */
final class SchedulingRules implements RuleGroup {
  private static final PodPath CONSTRAINTS = PodPath.of("scheduling", "placement", "constraints");
  private static final PodPath MAXIMUM_OVER_CAPACITY = PodPath.of("scheduling", "upgrade", "maximumOverCapacity");
  private static final PodPath UNREACHABLE_STRATEGY = PodPath.of("scheduling", "unreachableStrategy");
  /** The values Mesos attributes of type text or scalar can take (Marathon's IS check). */
  private static final Pattern IS_VALUE = Pattern.compile("^[a-zA-Z0-9_/.-]*$");

  @Override
  public void check(Pod pod, Findings findings) {
    Optional<SchedulingPolicy> scheduling = pod.scheduling();
    List<Constraint> constraints =
        scheduling.flatMap(SchedulingPolicy::placement).map(Placement::constraints).orElse(List.of());
    for (int i = 0; i < constraints.size(); i++) {
      constraint(constraints.get(i), CONSTRAINTS.index(i), findings);
    }
    if (pod.isResident()) {
      residentUpgrade(scheduling.flatMap(SchedulingPolicy::upgrade), findings);
      residentUnreachable(scheduling.flatMap(SchedulingPolicy::unreachableStrategy), findings);
    }
  }

  /** V-26: one constraint; an empty field name is the only problem reported for it. */
  private static void constraint(Constraint c, PodPath path, Findings findings) {
    if (c.fieldName().isEmpty()) {
      findings.add(Rule.CONSTRAINT_FIELD, path);
      return;
    }
    Optional<String> value = c.value();
    switch (c.operator()) {
      case UNIQUE -> {
        if (value.isPresent()) {
          findings.add(Rule.CONSTRAINT_UNIQUE_VALUE, path);
        }
      }
      case CLUSTER -> {
        // Marathon accepts CLUSTER with or without a value.
      }
      case GROUP_BY -> {
        if (value.isPresent() && !isInt(value.get())) {
          findings.add(Rule.CONSTRAINT_GROUP_BY_VALUE, path);
        }
      }
      case MAX_PER -> {
        if (value.isEmpty() || !isInt(value.get())) {
          findings.add(Rule.CONSTRAINT_MAX_PER_VALUE, path);
        }
      }
      case LIKE, UNLIKE -> {
        if (value.isEmpty()) {
          findings.add(Rule.CONSTRAINT_LIKE_VALUE, path);
        } else if (!compiles(value.get())) {
          findings.add(Rule.CONSTRAINT_LIKE_REGEX, path);
        }
      }
      case IS -> {
        if (!IS_VALUE.matcher(value.orElse("")).matches()) {
          findings.add(Rule.CONSTRAINT_IS_VALUE, path);
        }
      }
    }
  }

  /** V-31: a resident pod that gives an upgrade strategy must not go over capacity. */
  private static void residentUpgrade(Optional<UpgradeStrategy> upgrade, Findings findings) {
    if (upgrade.isPresent()) {
      double maximumOverCapacity = upgrade.get().maximumOverCapacityOrDefault();
      if (maximumOverCapacity != 0.0) {
        findings.add(Rule.RESIDENT_MAX_OVER_CAPACITY, MAXIMUM_OVER_CAPACITY, String.valueOf(maximumOverCapacity));
      }
    }
  }

  /** V-33: a resident pod's unreachable strategy is absent or disabled. */
  private static void residentUnreachable(Optional<UnreachableStrategy> unreachable, Findings findings) {
    if (unreachable.isPresent() && !(unreachable.get() instanceof UnreachableStrategy.Disabled)) {
      findings.add(Rule.RESIDENT_UNREACHABLE, UNREACHABLE_STRATEGY);
    }
  }

  /** Whether {@code s} is a 32-bit int as Java (and Scala's {@code toInt}) parses it: "+3" yes, " 3" no. */
  private static boolean isInt(String s) {
    try {
      Integer.parseInt(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean compiles(String regex) {
    try {
      Pattern.compile(regex);
      return true;
    } catch (PatternSyntaxException e) {
      return false;
    }
  }
}
