package io.podkit.launcher;

import io.podkit.model.Pod;
import io.podkit.translator.InstanceId;
import io.podkit.translator.ReservationOperations;
import io.podkit.translator.TaskGroupTranslator;
import io.podkit.translator.Translation;
import io.podkit.translator.TranslationConfig;
import io.podkit.translator.offer.MatchConfig;
import io.podkit.translator.offer.MatchResult;
import io.podkit.translator.offer.OfferMatcher;
import io.podkit.translator.offer.ResourceMatch;
import io.podkit.translator.preflight.LaunchGroupCheck;
import io.podkit.translator.preflight.PreflightViolation;
import io.podkit.validation.PodValidator;
import io.podkit.validation.ValidPod;
import io.podkit.validation.ValidationReport;
import java.util.List;
import java.util.Objects;
import org.apache.mesos.Protos;

/**
 * A pod and an offer in, a launch (or the reason there is none) out: validate → match → translate →
 * pre-flight check → launch. Each stage that can stop the launch has its own {@link LaunchResult};
 * a pre-flight failure never reaches the launcher.
 *
 * <p>A resident pod (one with a persistent volume) takes two offers: the first is used to RESERVE
 * resources and CREATE its volumes ({@link LaunchResult.Reserved}), a later one that holds the
 * reservation launches it ({@link LaunchOptions#onReservationOf}).
 *
 * <p>The pipeline is immutable, holds no state between calls and is safe to use from any thread of
 * a framework; it is as thread-safe as its launcher (podkit's launchers are).
 */
public final class PodLaunchPipeline {
  private final PodValidator validator;
  private final OfferMatcher matcher;
  private final TaskGroupTranslator translator;
  private final ReservationOperations reservations;
  private final PodLauncher launcher;

  private PodLaunchPipeline(Builder b) {
    this.validator = b.validator;
    this.matcher = new OfferMatcher(b.matchConfig);
    this.translator = new TaskGroupTranslator(b.translationConfig);
    this.reservations = new ReservationOperations(b.reservationConfig);
    this.launcher = b.launcher;
  }

  /** A pipeline sending through {@code launcher}, with Marathon's defaults everywhere else. */
  public static Builder builder(PodLauncher launcher) {
    return new Builder(launcher);
  }

  /** Launches {@code pod} on {@code offer} with a fresh instance id. */
  public LaunchResult launch(Pod pod, Protos.Offer offer) {
    return launch(pod, offer, LaunchOptions.DEFAULT);
  }

  /**
   * Launches {@code pod} on {@code offer}; never throws for an invalid pod, a poor offer or a failed
   * send.
   *
   * @throws io.podkit.translator.PodTranslationException if a resident pod must be reserved but the
   *     pipeline has no reservation principal (a configuration error, like Marathon's)
   */
  public LaunchResult launch(Pod pod, Protos.Offer offer, LaunchOptions options) {
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(options, "options");
    ValidationReport report = validator.validate(pod);
    if (!report.isValid()) {
      return new LaunchResult.Invalid(report);
    }
    ValidPod valid = report.orElseThrow();
    InstanceId instance = options.reservedInstance().orElseGet(() -> new InstanceId(valid.pod().id(),
        options.instanceUuid().orElseGet(() -> InstanceId.timeBasedUuid(System.currentTimeMillis()))));
    if (!valid.pod().isResident()) {
      return launchGroup(valid, offer, instance,
          matcher.match(valid, offer, options.runningInstanceAgents()));
    }
    if (options.reservedInstance().isPresent()) {
      return launchGroup(valid, offer, instance, matcher.matchOnReservation(valid, offer,
          ReservationOperations.reservationLabelValue(instance), options.runningInstanceAgents()));
    }
    return reserve(valid, offer, instance, matcher.matchForReservation(valid, offer, options.runningInstanceAgents()));
  }

  private LaunchResult launchGroup(ValidPod pod, Protos.Offer offer, InstanceId instance, MatchResult match) {
    if (match instanceof MatchResult.NoMatch noMatch) {
      return new LaunchResult.NotMatched(noMatch.reasons());
    }
    ResourceMatch resources = ((MatchResult.Match) match).resources();
    Translation t = translator.translate(pod, offer, resources, instance);
    List<Protos.Offer.Operation> operations = List.of(t.launchGroup());
    List<String> taskIds = t.taskGroup().getTasksList().stream().map(task -> task.getTaskId().getValue()).toList();
    return send(offer, operations, instance, taskIds,
        () -> new LaunchResult.Launched(instance, taskIds, resources.hostPorts(), t.networkInfos(), operations));
  }

  private LaunchResult reserve(ValidPod pod, Protos.Offer offer, InstanceId instance, MatchResult match) {
    if (match instanceof MatchResult.NoMatch noMatch) {
      return new LaunchResult.NotMatched(noMatch.reasons());
    }
    List<Protos.Offer.Operation> operations = reservations.reserveAndCreate(
        pod.pod(), instance, offer.getFrameworkId(), ((MatchResult.Match) match).resources());
    return send(offer, operations, instance, List.of(), () -> new LaunchResult.Reserved(instance, operations));
  }

  private LaunchResult send(Protos.Offer offer, List<Protos.Offer.Operation> operations, InstanceId instance,
      List<String> taskIds, java.util.function.Supplier<LaunchResult> onAccepted) {
    List<PreflightViolation> violations = LaunchGroupCheck.check(offer.getFrameworkId(), List.of(offer), operations);
    if (!violations.isEmpty()) {
      return new LaunchResult.PreflightFailed(violations, operations);
    }
    LaunchOutcome outcome = launcher.accept(LaunchRequest.of(offer, operations));
    if (outcome instanceof LaunchOutcome.Failed failed) {
      return new LaunchResult.LaunchFailed(failed.failure(), instance, taskIds, operations);
    }
    return onAccepted.get();
  }

  /** Configures a {@link PodLaunchPipeline}. */
  public static final class Builder {
    private final PodLauncher launcher;
    private PodValidator validator = PodValidator.withDefaults();
    private MatchConfig matchConfig = MatchConfig.DEFAULT;
    private TranslationConfig translationConfig = TranslationConfig.DEFAULT;
    private ReservationOperations.ReservationConfig reservationConfig = ReservationOperations.ReservationConfig.NONE;

    private Builder(PodLauncher launcher) {
      this.launcher = Objects.requireNonNull(launcher, "launcher");
    }

    public Builder validator(PodValidator value) {
      this.validator = Objects.requireNonNull(value, "validator");
      return this;
    }

    public Builder matchConfig(MatchConfig value) {
      this.matchConfig = Objects.requireNonNull(value, "matchConfig");
      return this;
    }

    public Builder translationConfig(TranslationConfig value) {
      this.translationConfig = Objects.requireNonNull(value, "translationConfig");
      return this;
    }

    /** The reservation principal resident pods need (Marathon's {@code --mesos_authentication_principal}). */
    public Builder reservationConfig(ReservationOperations.ReservationConfig value) {
      this.reservationConfig = Objects.requireNonNull(value, "reservationConfig");
      return this;
    }

    public PodLaunchPipeline build() {
      return new PodLaunchPipeline(this);
    }
  }
}
