package io.podkit.cli;

import io.podkit.translator.InstanceId;
import io.podkit.translator.PodTranslationException;
import io.podkit.translator.ReservationOperations;
import io.podkit.translator.TaskGroupTranslator;
import io.podkit.translator.Translation;
import io.podkit.translator.offer.MatchConfig;
import io.podkit.translator.offer.MatchResult;
import io.podkit.translator.offer.NoMatchReason;
import io.podkit.translator.offer.OfferMatcher;
import io.podkit.translator.offer.ResourceMatch;
import io.podkit.translator.preflight.LaunchGroupCheck;
import io.podkit.translator.preflight.PreflightViolation;
import io.podkit.validation.ValidPod;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.mesos.Protos;

/**
 * Match → translate (or reserve) → pre-flight check, for {@code translate} and {@code env}: the
 * same steps {@link io.podkit.launcher.PodLaunchPipeline} takes for {@code launch}, kept apart from
 * it because these commands also need the translation itself (and, for a resident pod, a preview of
 * what its containers will see once launched on the reservation).
 */
final class Planner {
  private static final OfferMatcher MATCHER = new OfferMatcher(MatchConfig.DEFAULT);

  /** What a pod becomes on an offer. */
  sealed interface Plan permits Launch, Reserve {
    InstanceId instance();

    /** The offer operations of the ACCEPT, in order. */
    List<Protos.Offer.Operation> operations();

    /** The matched resources. */
    ResourceMatch match();

    /**
     * The tasks and executor: those of the LAUNCH_GROUP, or for a reservation those the pod will
     * be launched with on it (same ids, ports and environment; the resources will be the reserved ones).
     */
    Translation translation();
  }

  /** An ordinary launch, or a resident pod launched on its reservation. */
  record Launch(InstanceId instance, Translation translation, ResourceMatch match) implements Plan {
    @Override
    public List<Protos.Offer.Operation> operations() {
      return List.of(translation.launchGroup());
    }
  }

  /** The first launch of a resident pod: RESERVE and CREATE operations. */
  record Reserve(InstanceId instance, List<Protos.Offer.Operation> operations, ResourceMatch match,
      Translation translation) implements Plan {}

  private Planner() {}

  /**
   * Plans {@code pod} on {@code offer}, printing on {@code err} why it cannot be done.
   *
   * @throws CommandException exit 3 if the offer does not fit; exit 1 if the pod cannot be
   *     translated or Mesos would reject the operations
   */
  static Plan plan(Path podFile, ValidPod pod, OfferSource.Offer offer, InstanceId instance,
      TranslationOptions options, PrintWriter err) {
    Protos.Offer o = offer.offer();
    TaskGroupTranslator translator = new TaskGroupTranslator(options.translationConfig());
    Plan plan;
    try {
      if (!pod.pod().isResident()) {
        ResourceMatch match = fit(podFile, MATCHER.match(pod, o), offer, err);
        plan = new Launch(instance, translator.translate(pod, o, match, instance), match);
      } else if (options.onReservation) {
        ResourceMatch match = fit(podFile, MATCHER.matchOnReservation(pod, o,
            ReservationOperations.reservationLabelValue(instance)), offer, err);
        plan = new Launch(instance, translator.translate(pod, o, match, instance), match);
      } else {
        ResourceMatch match = fit(podFile, MATCHER.matchForReservation(pod, o), offer, err);
        List<Protos.Offer.Operation> operations = new ReservationOperations(
            ReservationOperations.ReservationConfig.of(options.principal))
            .reserveAndCreate(pod.pod(), instance, o.getFrameworkId(), match);
        plan = new Reserve(instance, operations, match, translator.translate(pod, o, match, instance));
      }
    } catch (PodTranslationException e) {
      throw new CommandException(PodCtl.EXIT_INVALID, podFile + ": cannot translate the pod for "
          + offer.name() + ": " + e.getMessage());
    }
    List<PreflightViolation> violations = LaunchGroupCheck.check(o.getFrameworkId(), List.of(o), plan.operations());
    if (!violations.isEmpty()) {
      printPreflight(podFile, violations, err);
      throw CommandException.silent(PodCtl.EXIT_INVALID);
    }
    return plan;
  }

  /** The match, or exit 3 after printing every reason with what was asked and what was available. */
  private static ResourceMatch fit(Path podFile, MatchResult result, OfferSource.Offer offer, PrintWriter err) {
    if (result instanceof MatchResult.Match match) {
      return match.resources();
    }
    printNoFit(podFile, offer.name(), ((MatchResult.NoMatch) result).reasons(), err);
    throw CommandException.silent(PodCtl.EXIT_NO_FIT);
  }

  /** {@code FILE: OFFER does not fit the pod:}, then one indented line per reason. */
  static void printNoFit(Path podFile, String offerName, List<NoMatchReason> reasons, PrintWriter err) {
    err.println(podFile + ": " + offerName + " does not fit the pod:");
    for (NoMatchReason r : reasons) {
      err.println("  " + r.kind() + ": asked " + orNone(r.asked()) + ", available " + orNone(r.available())
          + ": " + r.message());
    }
  }

  /** {@code FILE: Mesos would reject the operations:}, then one indented line per violation. */
  static void printPreflight(Path podFile, List<PreflightViolation> violations, PrintWriter err) {
    err.println(podFile + ": Mesos would reject the operations:");
    violations.forEach(v -> err.println("  " + PodCtl.oneLine(v.toString())));
  }

  private static String orNone(String s) {
    return s.isEmpty() ? "(none)" : s;
  }
}
