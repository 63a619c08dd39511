package io.podkit.launcher;

import io.podkit.model.Container;
import io.podkit.model.ExecutorResources;
import io.podkit.model.Pod;
import io.podkit.model.Resources;
import io.podkit.model.json.PodReader;
import io.podkit.model.json.PodWriter;
import io.podkit.model.json.ReadResult;
import io.podkit.translator.InstanceId;
import io.podkit.translator.ReservationOperations;
import io.podkit.translator.TaskGroupTranslator;
import io.podkit.translator.Translation;
import io.podkit.translator.TranslationConfig;
import io.podkit.translator.offer.MatchConfig;
import io.podkit.translator.offer.MatchResult;
import io.podkit.translator.offer.OfferMatcher;
import io.podkit.translator.preflight.LaunchGroupCheck;
import io.podkit.translator.preflight.PreflightViolation;
import io.podkit.translator.v1.MesosJson;
import io.podkit.validation.PodValidator;
import io.podkit.validation.ValidPod;
import io.podkit.validation.ValidationConfig;
import io.podkit.validation.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import org.apache.mesos.Protos;

/**
 * The whole chain a pod document goes through, read → validate → match → translate → pre-flight,
 * with the invariants of docs/invariants.md checked at every step. {@link #check} returns the first
 * broken invariant, or {@code null}; an exception escaping any step is itself a broken invariant
 * (the caller reports it). Shared by {@link FixtureMutationFuzzTest} and {@link FuzzRegressionsTest}.
 *
 * <p>Immutable and thread-safe: one chain serves every fuzzing thread.
 */
final class LaunchChain {
  static final Protos.FrameworkID FRAMEWORK = Protos.FrameworkID.newBuilder().setValue("framework-1").build();
  private static final UUID INSTANCE = UUID.fromString("3f0c6e1a-1d2b-11ef-9c41-0242ac120002");

  /** Secrets on and a default network, so that more of the fixtures are valid; and with a role of its own. */
  private static final List<PodValidator> VALIDATORS = List.of(
      new PodValidator(ValidationConfig.DEFAULT.withSecrets(true).withDefaultNetworkName("dcos")),
      new PodValidator(ValidationConfig.DEFAULT.withSecrets(true).withDefaultNetworkName("dcos").withMesosRole("dev")),
      PodValidator.withDefaults());
  private static final OfferMatcher MATCHER = new OfferMatcher(MatchConfig.DEFAULT);
  private static final TaskGroupTranslator TRANSLATOR = new TaskGroupTranslator(TranslationConfig.DEFAULT);
  private static final ReservationOperations RESERVATIONS =
      new ReservationOperations(ReservationOperations.ReservationConfig.of("podkit"));

  /** Where a document's journey ended, to show how deep the fuzzer gets. */
  enum Stage { NOT_READ, INVALID, NOT_MATCHED, LAUNCHED, RESERVED_AND_LAUNCHED }

  private static final LongAdder[] REACHED = new LongAdder[Stage.values().length];

  static {
    for (int i = 0; i < REACHED.length; i++) {
      REACHED[i] = new LongAdder();
    }
  }

  private LaunchChain() {}

  /** How many documents ended at each stage so far, e.g. {@code NOT_READ=812, INVALID=95, ...}. */
  static String stages() {
    StringBuilder sb = new StringBuilder();
    for (Stage s : Stage.values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(s).append('=').append(REACHED[s.ordinal()].sum());
    }
    return sb.toString();
  }

  private static String reached(Stage stage, String broken) {
    REACHED[stage.ordinal()].increment();
    return broken;
  }

  /**
   * Runs {@code document} through the chain, with choices (reader mode, validator configuration)
   * drawn from {@code random}; the first invariant broken, or {@code null}.
   */
  static String check(byte[] document, SplittableRandom random) throws Exception {
    boolean strict = random.nextBoolean();
    ReadResult read = (strict ? PodReader.strict() : PodReader.lenient()).read(document);
    if (read.ok() != read.errors().isEmpty()) {
      return "a read result has a pod exactly when it has no errors";
    }
    if (strict && read.ok()) {
      ReadResult lenient = PodReader.lenient().read(document);
      if (!lenient.pod().equals(read.pod())) {
        return "strict read a pod that lenient reads differently: " + lenient.errors();
      }
    }
    if (!read.ok()) {
      return reached(Stage.NOT_READ, null);
    }
    Pod pod = read.orElseThrow();
    String json = PodWriter.compact().write(pod);
    ReadResult back = PodReader.strict().read(json);
    if (!back.pod().equals(Optional.of(pod))) {
      return "model -> JSON -> model is not the identity: " + back.errors() + " reading " + shorten(json);
    }

    PodValidator validator = VALIDATORS.get(random.nextInt(VALIDATORS.size()));
    ValidationReport report = validator.validate(pod);
    if (report.isValid() != report.violations().isEmpty()) {
      return "a report has a valid pod exactly when it has no violations";
    }
    if (random.nextInt(8) == 0 && !validator.validate(pod).equals(report)) {
      return "validation is not deterministic";
    }
    if (!report.isValid()) {
      return reached(Stage.INVALID, null);
    }
    ValidPod valid = report.orElseThrow();
    InstanceId instance = new InstanceId(valid.pod().id(), INSTANCE);
    Protos.Offer offer = ampleOffer(valid.pod());
    return valid.pod().isResident() ? reserveThenLaunch(valid, offer, instance)
        : launch(valid, offer, instance, random);
  }

  private static String launch(ValidPod valid, Protos.Offer offer, InstanceId instance, SplittableRandom random)
      throws Exception {
    MatchResult match = MATCHER.match(valid, offer);
    if (match instanceof MatchResult.NoMatch noMatch) {
      return reached(Stage.NOT_MATCHED, noMatch.reasons().isEmpty() ? "a NoMatch without reasons" : null);
    }
    Translation t = TRANSLATOR.translate(valid, offer, ((MatchResult.Match) match).resources(), instance);
    if (random.nextInt(8) == 0) {
      Translation again = TRANSLATOR.translate(valid, offer, ((MatchResult.Match) MATCHER.match(valid, offer))
          .resources(), instance);
      if (!again.equals(t)) {
        return "translation is not deterministic";
      }
    }
    return reached(Stage.LAUNCHED, launchable(offer, List.of(t.launchGroup())));
  }

  private static String reserveThenLaunch(ValidPod valid, Protos.Offer offer, InstanceId instance) throws Exception {
    MatchResult match = MATCHER.matchForReservation(valid, offer);
    if (match instanceof MatchResult.NoMatch noMatch) {
      return reached(Stage.NOT_MATCHED, noMatch.reasons().isEmpty() ? "a NoMatch without reasons" : null);
    }
    List<Protos.Offer.Operation> reserve = RESERVATIONS.reserveAndCreate(valid.pod(), instance, FRAMEWORK,
        ((MatchResult.Match) match).resources());
    String broken = launchable(offer, reserve);
    if (broken != null) {
      return "reserving: " + broken;
    }
    Protos.Offer onReservation = Offers.afterReservation(valid.pod().role().orElseThrow(), reserve).toBuilder()
        .setFrameworkId(FRAMEWORK).build();
    MatchResult again = MATCHER.matchOnReservation(valid, onReservation,
        ReservationOperations.reservationLabelValue(instance));
    if (again instanceof MatchResult.NoMatch noMatch) {
      return reached(Stage.NOT_MATCHED, noMatch.reasons().isEmpty() ? "a NoMatch without reasons" : null);
    }
    Translation t = TRANSLATOR.translate(valid, onReservation, ((MatchResult.Match) again).resources(), instance);
    return reached(Stage.RESERVED_AND_LAUNCHED, launchable(onReservation, List.of(t.launchGroup())));
  }

  /** The operations pass the pre-flight check and survive protobuf bytes and Mesos JSON unchanged. */
  private static String launchable(Protos.Offer offer, List<Protos.Offer.Operation> operations) throws Exception {
    List<PreflightViolation> violations = LaunchGroupCheck.check(FRAMEWORK, List.of(offer), operations);
    if (!violations.isEmpty()) {
      return "pre-flight violations: " + violations;
    }
    for (Protos.Offer.Operation op : operations) {
      if (!Protos.Offer.Operation.parseFrom(op.toByteArray()).equals(op)) {
        return "the operation does not survive protobuf serialization (text that is not Unicode?)";
      }
    }
    // Printing and parsing JSON costs more than the rest of the chain: one operation list in four.
    if (operations.hashCode() % 4 == 0
        && !MesosJson.parseOperations(MesosJson.printOperations(operations, MesosJson.FieldNames.V0))
        .equals(operations)) {
      return "the operations do not survive Mesos JSON";
    }
    return null;
  }

  /**
   * An offer for {@code pod}'s role with everything it asks for and then some: scalars of its total
   * plus a large base, every port, a path and a mount disk for persistent volumes, and a few agent
   * attributes for placement constraints.
   */
  @SuppressWarnings("deprecation") // unreserved resources carry the single role "*"
  static Protos.Offer ampleOffer(Pod pod) {
    String role = pod.role().orElse("*");
    ExecutorResources e = pod.executorResources().orElse(ExecutorResources.defaults());
    double cpus = 64 + e.cpusOrDefault();
    double mem = 262_144 + e.memOrDefault();
    double disk = 1_048_576 + e.diskOrDefault();
    double gpus = 8;
    for (Container c : pod.containers()) {
      Resources r = c.resources();
      cpus += r.cpusOrDefault();
      mem += r.memOrDefault();
      disk += r.diskOrDefault();
      gpus += r.gpusOrDefault();
    }
    Protos.Resource.AllocationInfo allocation = Protos.Resource.AllocationInfo.newBuilder().setRole(role).build();
    List<Protos.Resource> resources = new ArrayList<>();
    String[] names = {"cpus", "mem", "disk", "gpus"};
    double[] amounts = {cpus, mem, disk, gpus};
    for (int i = 0; i < names.length; i++) {
      resources.add(Protos.Resource.newBuilder().setName(names[i]).setType(Protos.Value.Type.SCALAR).setRole("*")
          .setAllocationInfo(allocation).setScalar(Protos.Value.Scalar.newBuilder().setValue(amounts[i])).build());
    }
    for (Protos.Resource.DiskInfo.Source.Type type : List.of(Protos.Resource.DiskInfo.Source.Type.PATH,
        Protos.Resource.DiskInfo.Source.Type.MOUNT)) {
      Protos.Resource.DiskInfo.Source.Builder source = Protos.Resource.DiskInfo.Source.newBuilder().setType(type);
      if (type == Protos.Resource.DiskInfo.Source.Type.PATH) {
        source.setPath(Protos.Resource.DiskInfo.Source.Path.newBuilder().setRoot("/mnt/path"));
      } else {
        source.setMount(Protos.Resource.DiskInfo.Source.Mount.newBuilder().setRoot("/mnt/mount"));
      }
      resources.add(Protos.Resource.newBuilder().setName("disk").setType(Protos.Value.Type.SCALAR).setRole("*")
          .setAllocationInfo(allocation).setScalar(Protos.Value.Scalar.newBuilder().setValue(1_048_576))
          .setDisk(Protos.Resource.DiskInfo.newBuilder().setSource(source)).build());
    }
    resources.add(Protos.Resource.newBuilder().setName("ports").setType(Protos.Value.Type.RANGES).setRole("*")
        .setAllocationInfo(allocation).setRanges(Protos.Value.Ranges.newBuilder()
            .addRange(Protos.Value.Range.newBuilder().setBegin(1).setEnd(65_535))).build());
    return Protos.Offer.newBuilder()
        .setId(Protos.OfferID.newBuilder().setValue("offer-1"))
        .setFrameworkId(FRAMEWORK)
        .setSlaveId(Protos.SlaveID.newBuilder().setValue("agent-1"))
        .setHostname("agent-1.example")
        .setAllocationInfo(allocation)
        .addAttributes(Protos.Attribute.newBuilder().setName("rack_id").setType(Protos.Value.Type.TEXT)
            .setText(Protos.Value.Text.newBuilder().setValue("rack-1")))
        .addAttributes(Protos.Attribute.newBuilder().setName("zone").setType(Protos.Value.Type.TEXT)
            .setText(Protos.Value.Text.newBuilder().setValue("us-east-1a")))
        .addAllResources(resources)
        .build();
  }

  private static String shorten(String s) {
    return s.length() > 300 ? s.substring(0, 297) + "..." : s;
  }
}
