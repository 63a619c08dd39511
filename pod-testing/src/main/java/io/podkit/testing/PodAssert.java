package io.podkit.testing;

import io.podkit.model.Pod;
import io.podkit.model.normalize.PodNormalizationException;
import io.podkit.model.normalize.PodNormalizer;
import io.podkit.translator.PodTranslationException;
import io.podkit.translator.TaskGroupTranslator;
import io.podkit.translator.Translation;
import io.podkit.translator.TranslationConfig;
import io.podkit.translator.offer.MatchConfig;
import io.podkit.translator.offer.MatchResult;
import io.podkit.translator.offer.NoMatchReason;
import io.podkit.translator.offer.OfferMatcher;
import io.podkit.translator.offer.ResourceMatch;
import io.podkit.translator.preflight.LaunchGroupCheck;
import io.podkit.translator.preflight.PreflightViolation;
import io.podkit.validation.PodPolicy;
import io.podkit.validation.PodValidator;
import io.podkit.validation.Rule;
import io.podkit.validation.ValidPod;
import io.podkit.validation.ValidationConfig;
import io.podkit.validation.ValidationReport;
import io.podkit.validation.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.mesos.Protos;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one pod spec: whether it passes podkit's validation (every Marathon rule, the pod
 * limitations and Mesos' limits), where it breaks which rule, and what it becomes for an offer.
 * Create one with {@link PodAssertions#assertThatPod}.
 *
 * <p>Validation runs once, on first use, with {@link ValidationConfig#DEFAULT} unless
 * {@link #withConfig} says otherwise, so a test checks the pod under the same flags its framework
 * runs with. Paths are Marathon's syntax ({@code /containers(0)/name}) or RFC 6901 pointers
 * ({@code /containers/0/name}); both name the same place. Failure messages list every violation,
 * with {@code file:line:column} for pods read from a file.
 */
public final class PodAssert extends AbstractAssert<PodAssert, Pod> {
  private final PodSource source;
  private ValidationConfig config = ValidationConfig.DEFAULT;
  private List<PodPolicy> policies = List.of();
  private ValidationReport report;

  PodAssert(PodSource source) {
    super(source.pod(), PodAssert.class);
    this.source = source;
  }

  // ------------------------------------------------------------------ configuration

  /**
   * Validates with {@code config} instead of {@link ValidationConfig#DEFAULT}: the flags the
   * framework's validator runs with (secrets enabled, the master's version, the default network
   * name, {@code --mesos_role}), so a pod that is valid only under those flags can be tested.
   */
  public PodAssert withConfig(ValidationConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.report = null;
    return this;
  }

  /**
   * Validates with the framework's own {@link PodPolicy policies} too, so tests can show that a spec
   * obeys (or, with {@link #hasViolationOfRule(String)}, breaks) the framework's house rules.
   */
  public PodAssert withPolicies(PodPolicy... policies) {
    this.policies = List.copyOf(Arrays.asList(policies));
    this.report = null;
    return this;
  }

  // ------------------------------------------------------------------ validation

  /**
   * The pod passes every rule. The failure lists each violation with its path, message and rule
   * id, and for a pod read from a file, the file, line and column.
   */
  public PodAssert isValid() {
    isNotNull();
    ValidationReport r = report();
    if (!r.isValid()) {
      throw failed("Expecting " + source.describe() + " to be valid, but it has " + count(r.violations()) + ":\n"
          + source.list(r.violations()));
    }
    return this;
  }

  /** The pod breaks at least one rule; use {@link #hasViolation} to say which. */
  public PodAssert isInvalid() {
    isNotNull();
    if (report().isValid()) {
      throw failed("Expecting " + source.describe() + " to be invalid, but it passes every validation rule");
    }
    return this;
  }

  /**
   * Some rule is broken at {@code path}, in Marathon's syntax ({@code /containers(0)/name}) or as an
   * RFC 6901 pointer ({@code /containers/0/name}).
   */
  public PodAssert hasViolation(String path) {
    Objects.requireNonNull(path, "path");
    return hasMatching(at(path), "a violation at " + path);
  }

  /** {@code rule} is broken at {@code path} (Marathon syntax or RFC 6901 pointer). */
  public PodAssert hasViolation(String path, Rule rule) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rule, "rule");
    return hasMatching(at(path).and(of(rule.id())), "a violation of rule " + ruleName(rule) + " at " + path);
  }

  /** {@code rule} is broken somewhere in the pod. */
  public PodAssert hasViolationOfRule(Rule rule) {
    Objects.requireNonNull(rule, "rule");
    return hasMatching(of(rule.id()), "a violation of rule " + ruleName(rule));
  }

  /**
   * The rule with id {@code ruleId} is broken somewhere in the pod: for the ids of
   * {@link PodPolicy policies} (see {@link #withPolicies}), which are not {@link Rule}s.
   */
  public PodAssert hasViolationOfRule(String ruleId) {
    Objects.requireNonNull(ruleId, "ruleId");
    return hasMatching(of(ruleId), "a violation of rule " + ruleId);
  }

  /**
   * Nothing is wrong at {@code path} (Marathon syntax or RFC 6901 pointer), though the pod may be
   * invalid elsewhere: for tests that a fix removed exactly the violation it was meant to.
   */
  public PodAssert hasNoViolationAt(String path) {
    Objects.requireNonNull(path, "path");
    isNotNull();
    List<Violation> found = report().violations().stream().filter(at(path)).toList();
    if (!found.isEmpty()) {
      throw failed("Expecting " + source.describe() + " to have no violation at " + path + ", but it has "
          + count(found) + " there:\n" + source.list(found));
    }
    return this;
  }

  /** The violations found, in the validator's order (empty for a valid pod), for checks of your own. */
  public List<Violation> violations() {
    isNotNull();
    return report().violations();
  }

  // ------------------------------------------------------------------ the pod itself

  /**
   * An assert on the pod with Marathon's defaults filled in (as the validator and translator see
   * it), normalized with this assert's configuration: to test what a spec that leaves things out
   * actually asks for. Violations are still located in the original file.
   */
  public PodAssert normalized() {
    isNotNull();
    Pod normalizedPod;
    try {
      normalizedPod = new PodNormalizer(config.normalization()).normalize(actual);
    } catch (PodNormalizationException e) {
      throw failed("Expecting " + source.describe() + " to normalize, but "
          + source.locate(e.path()) + e.getMessage());
    }
    PodAssert normalizedAssert = new PodAssert(source.normalizedAs(normalizedPod));
    normalizedAssert.config = config;
    normalizedAssert.policies = policies;
    return normalizedAssert;
  }

  /** The pod's id is {@code id}. */
  public PodAssert hasId(String id) {
    isNotNull();
    if (!actual.id().equals(id)) {
      throw failureWithActualExpected(actual.id(), id,
          "%s", "Expecting " + source.describe() + " to have id " + id + ", but its id is " + actual.id());
    }
    return this;
  }

  /**
   * The pod's role is {@code role}. A pod that names none has no role until it is
   * {@link #normalized() normalized}, which fills in {@code --mesos_role}.
   */
  public PodAssert hasRole(String role) {
    isNotNull();
    if (!actual.role().equals(Optional.of(role))) {
      throw failed("Expecting " + source.describe() + " to have role " + role + ", but "
          + actual.role().map(r -> "its role is " + r)
              .orElse("it names no role (call normalized() first to see the default)"));
    }
    return this;
  }

  /** The pod asks for {@code instances} instances (1 when {@code scaling} is absent, as in Marathon). */
  public PodAssert hasInstances(int instances) {
    isNotNull();
    if (actual.instancesOrDefault() != instances) {
      throw failureWithActualExpected(actual.instancesOrDefault(), instances, "%s", "Expecting "
          + source.describe() + " to ask for " + instances + (instances == 1 ? " instance" : " instances")
          + ", but it asks for "
          + actual.instancesOrDefault());
    }
    return this;
  }

  /** The pod has a container named {@code name}. */
  public PodAssert hasContainerNamed(String name) {
    isNotNull();
    if (actual.container(name).isEmpty()) {
      throw failed("Expecting " + source.describe() + " to have a container named \"" + name
          + "\", but its containers are " + actual.containers().stream().map(c -> "\"" + c.name() + "\"").toList());
    }
    return this;
  }

  // ------------------------------------------------------------------ translation

  /**
   * Matches the pod against {@code offer} and translates it, with the default match and
   * translation configuration; see {@link #translatesWith(Protos.Offer, MatchConfig, TranslationConfig)}.
   */
  public TranslationAssert translatesWith(Protos.Offer offer) {
    return translatesWith(offer, MatchConfig.DEFAULT, TranslationConfig.DEFAULT);
  }

  /**
   * Matches the pod against the offer {@code offer} builds and translates it, so a test can write
   * {@code translatesWith(TestOffers.ample())}; see
   * {@link #translatesWith(Protos.Offer, MatchConfig, TranslationConfig)}.
   */
  public TranslationAssert translatesWith(TestOffers offer) {
    return translatesWith(Objects.requireNonNull(offer, "offer").build());
  }

  /** As {@link #translatesWith(TestOffers)}, with the framework's match configuration. */
  public TranslationAssert translatesWith(TestOffers offer, MatchConfig matchConfig) {
    return translatesWith(Objects.requireNonNull(offer, "offer").build(), matchConfig);
  }

  /** As {@link #translatesWith(TestOffers)}, with the framework's translation configuration. */
  public TranslationAssert translatesWith(TestOffers offer, TranslationConfig translationConfig) {
    return translatesWith(Objects.requireNonNull(offer, "offer").build(), translationConfig);
  }

  /** As {@link #translatesWith(TestOffers)}, with the framework's match and translation configuration. */
  public TranslationAssert translatesWith(TestOffers offer, MatchConfig matchConfig,
      TranslationConfig translationConfig) {
    return translatesWith(Objects.requireNonNull(offer, "offer").build(), matchConfig, translationConfig);
  }

  /** As {@link #translatesWith(Protos.Offer)}, with the framework's match configuration. */
  public TranslationAssert translatesWith(Protos.Offer offer, MatchConfig matchConfig) {
    return translatesWith(offer, matchConfig, TranslationConfig.DEFAULT);
  }

  /** As {@link #translatesWith(Protos.Offer)}, with the framework's translation configuration. */
  public TranslationAssert translatesWith(Protos.Offer offer, TranslationConfig translationConfig) {
    return translatesWith(offer, MatchConfig.DEFAULT, translationConfig);
  }

  /**
   * What a framework does with an offer, checked step by step: the pod is valid, it matches
   * {@code offer}, it translates into an executor and task group, and the {@code LAUNCH_GROUP}
   * passes the Mesos master's own rules (podkit's pre-flight check). Each step that fails fails the
   * assertion with all of its reasons. The instance is always {@link PodAssertions#INSTANCE_UUID},
   * so ids are stable.
   *
   * <p>Resident pods (with persistent volumes) launch on a reservation in two offers, which this
   * one-offer check does not model; it fails for them and says so.
   *
   * @return an assert on the translation, to look at its tasks, executor and host ports
   */
  public TranslationAssert translatesWith(Protos.Offer offer, MatchConfig matchConfig,
      TranslationConfig translationConfig) {
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(matchConfig, "matchConfig");
    Objects.requireNonNull(translationConfig, "translationConfig");
    String what = "Expecting " + source.describe() + " to translate for " + describe(offer);
    MatchResult result = match(offer, matchConfig, what);
    if (result instanceof MatchResult.NoMatch noMatch) {
      throw failed(what + ", but the offer does not fit it:\n" + reasons(noMatch.reasons()));
    }
    ValidPod valid = report().orElseThrow();
    ResourceMatch resources = ((MatchResult.Match) result).resources();
    Translation translation;
    try {
      translation = new TaskGroupTranslator(translationConfig)
          .translate(valid, offer, resources, PodAssertions.instanceOf(valid.pod().id()));
    } catch (PodTranslationException e) {
      throw failed(what + ", but the translator failed: " + e.getMessage());
    }
    List<PreflightViolation> rejected =
        LaunchGroupCheck.check(offer.getFrameworkId(), List.of(offer), List.of(translation.launchGroup()));
    if (!rejected.isEmpty()) {
      throw failed(what + ", but Mesos would reject its LAUNCH_GROUP (" + rejected.size() + " pre-flight violation"
          + (rejected.size() == 1 ? "" : "s") + "):\n"
          + rejected.stream().map(v -> "  " + v).collect(Collectors.joining("\n")));
    }
    return new TranslationAssert(translation, resources, source.describe());
  }

  /**
   * The valid pod does not fit {@code offer} (default match configuration), for at least the given
   * reasons (none given: for any reason): to test that a spec asks for more than a small agent has,
   * or that its placement constraints keep it off an agent.
   */
  public PodAssert doesNotMatch(Protos.Offer offer, NoMatchReason.Kind... expectedReasons) {
    Objects.requireNonNull(offer, "offer");
    String what = "Expecting " + source.describe() + " not to fit " + describe(offer);
    MatchResult result = match(offer, MatchConfig.DEFAULT, what);
    if (result instanceof MatchResult.Match) {
      throw failed(what + ", but it fits");
    }
    List<NoMatchReason> reasons = ((MatchResult.NoMatch) result).reasons();
    Set<NoMatchReason.Kind> missing = expectedReasons.length == 0
        ? EnumSet.noneOf(NoMatchReason.Kind.class) : EnumSet.copyOf(Arrays.asList(expectedReasons));
    reasons.forEach(r -> missing.remove(r.kind()));
    if (!missing.isEmpty()) {
      throw failed(what + " because of " + missing + ", but the reasons it does not fit are:\n" + reasons(reasons));
    }
    return this;
  }

  /** As {@link #doesNotMatch(Protos.Offer, NoMatchReason.Kind...)}, for the offer {@code offer} builds. */
  public PodAssert doesNotMatch(TestOffers offer, NoMatchReason.Kind... expectedReasons) {
    return doesNotMatch(Objects.requireNonNull(offer, "offer").build(), expectedReasons);
  }

  // ------------------------------------------------------------------ internals

  private MatchResult match(Protos.Offer offer, MatchConfig matchConfig, String what) {
    isNotNull();
    ValidationReport r = report();
    if (!r.isValid()) {
      throw failed(what + ", but the pod is invalid (" + count(r.violations()) + "):\n"
          + source.list(r.violations()));
    }
    ValidPod valid = r.orElseThrow();
    if (valid.pod().isResident()) {
      throw failed(what + ", but it has persistent volumes: a resident pod first reserves resources and then "
          + "launches on its reservation in a later offer, which a one-offer check does not model; use "
          + "OfferMatcher.matchForReservation and matchOnReservation to test that");
    }
    return new OfferMatcher(matchConfig).match(valid, offer);
  }

  private ValidationReport report() {
    if (report == null) {
      report = new PodValidator(config, policies).validate(actual);
    }
    return report;
  }

  private PodAssert hasMatching(Predicate<Violation> wanted, String what) {
    isNotNull();
    ValidationReport r = report();
    if (r.violations().stream().noneMatch(wanted)) {
      throw failed("Expecting " + source.describe() + " to have " + what + ", but "
          + (r.isValid() ? "it is valid" : "its violations are:\n" + source.list(r.violations())));
    }
    return this;
  }

  private static Predicate<Violation> at(String path) {
    return v -> v.path().marathon().equals(path) || v.pointer().equals(path);
  }

  private static Predicate<Violation> of(String ruleId) {
    return v -> v.rule().equals(ruleId);
  }

  private static String ruleName(Rule rule) {
    return rule.id() + " (" + rule.source() + ")";
  }

  private static String count(List<Violation> violations) {
    return violations.size() + (violations.size() == 1 ? " violation" : " violations");
  }

  static String describe(Protos.Offer offer) {
    return "offer " + offer.getId().getValue() + " (agent " + offer.getSlaveId().getValue() + ", "
        + offer.getHostname() + ")";
  }

  private static String reasons(List<NoMatchReason> reasons) {
    List<String> lines = new ArrayList<>();
    for (NoMatchReason r : reasons) {
      lines.add("  [" + r.kind() + "] " + r.message());
    }
    return String.join("\n", lines);
  }

  /**
   * The failure for {@code message}, taken as is (it may hold {@code %}, which must not be read as a
   * format), with the description a test gave through {@code as(...)} in front.
   */
  private AssertionError failed(String message) {
    return failure("%s", message);
  }
}
