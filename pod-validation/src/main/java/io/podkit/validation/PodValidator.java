package io.podkit.validation;

import com.google.common.collect.ImmutableList;
import io.podkit.model.Pod;
import io.podkit.model.normalize.PodNormalizer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a pod against every Marathon pod rule, the pod limitations, Mesos' own limits and the
 * framework's {@link PodPolicy policies}, and reports all violations at once. A pod without
 * violations comes back normalized, as a {@link ValidPod}.
 *
 * <p>Field constraints run on Hibernate Validator (one {@code Validator}, built once per JVM);
 * cross-field rules are plain Java. A validator is immutable and thread-safe: build one and share
 * it. {@link #validate} never throws for any pod.
 */
public final class PodValidator {
  private static final List<RuleGroup> GROUPS = List.of(
      new FieldConstraints(),
      new PodRules(),
      new SecretRules(),
      new VolumeRules(),
      new NetworkRules(),
      new EndpointRules(),
      new ContainerRules(),
      new HealthCheckRules(),
      new SchedulingRules(),
      new RoleRules(),
      new MesosRules(),
      new LimitationRules());

  private final ValidationConfig config;
  private final List<PodPolicy> policies;
  private final PodNormalizer normalizer;

  public PodValidator(ValidationConfig config, List<PodPolicy> policies) {
    this.config = Objects.requireNonNull(config, "config");
    this.policies = ImmutableList.copyOf(policies);
    this.normalizer = new PodNormalizer(config.normalization());
  }

  public PodValidator(ValidationConfig config) {
    this(config, List.of());
  }

  /** A validator with Marathon's default configuration and no policies. */
  public static PodValidator withDefaults() {
    return new PodValidator(ValidationConfig.DEFAULT);
  }

  public ValidationConfig config() {
    return config;
  }

  /** Every violation of {@code pod}; with none, the normalized {@link ValidPod}. */
  public ValidationReport validate(Pod pod) {
    Objects.requireNonNull(pod, "pod");
    Findings findings = new Findings(config);
    for (RuleGroup group : GROUPS) {
      group.check(pod, findings);
    }
    for (PodPolicy policy : policies) {
      findings.violations().addAll(policy.check(pod));
    }
    return report(pod, findings);
  }

  /**
   * Validates {@code to} as a replacement of the running {@code from}: every rule of
   * {@link #validate}, plus what a resident pod may not change (persistent volumes, total resources,
   * host ports, upgrade strategy) and its role, unless {@code force} (Marathon's {@code ?force=true},
   * which allows only the role change).
   */
  public ValidationReport validateUpdate(Pod from, Pod to, boolean force) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Findings findings = new Findings(config, Optional.of(RoleRules.effectiveRole(from, config.normalization())));
    for (RuleGroup group : GROUPS) {
      group.check(to, findings);
    }
    UpdateRules.check(from, to, force, normalizer, findings);
    for (PodPolicy policy : policies) {
      findings.violations().addAll(policy.check(to));
    }
    return report(to, findings);
  }

  private ValidationReport report(Pod pod, Findings findings) {
    if (!findings.violations().isEmpty()) {
      return new ValidationReport(findings.violations(), Optional.empty());
    }
    boolean enforcesGroupRole = PodNormalizer.topLevelGroup(pod.id())
        .filter(config.normalization().enforceRoleGroups()::contains)
        .isPresent();
    return new ValidationReport(List.of(),
        Optional.of(new ValidPod(pod, normalizer.normalize(pod), enforcesGroupRole)));
  }
}
