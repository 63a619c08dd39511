package io.podkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Pod;
import io.podkit.model.arbitrary.PodArbitraries;
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
import io.podkit.validation.PodValidator;
import io.podkit.validation.ValidationConfig;
import io.podkit.validation.ValidationReport;
import io.podkit.validation.arbitrary.NearValidPodArbitraries;
import io.podkit.validation.arbitrary.ValidPodArbitraries;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;

/**
 * One validator, matcher, translator, pre-flight check and pipeline, shared by several threads over
 * thousands of operations, give exactly the results one thread gets (docs/invariants.md, I13). The
 * inputs mix valid pods, pods one mutation from valid and arbitrary model pods, against offers that
 * fit and offers that do not, so every outcome (invalid, no match, launched, pre-flight verdicts)
 * happens while the threads race.
 */
class ConcurrencyTest {
  private static final int THREADS = 4;
  private static final int PASSES = 2;

  private final PodValidator validator = new PodValidator(ValidationConfig.DEFAULT.withSecrets(true));
  private final OfferMatcher matcher = new OfferMatcher(MatchConfig.DEFAULT);
  private final TaskGroupTranslator translator = new TaskGroupTranslator(TranslationConfig.DEFAULT);
  private final RecordingPodLauncher launcher = new RecordingPodLauncher();
  private final PodLaunchPipeline pipeline = PodLaunchPipeline.builder(launcher).validator(validator)
      .reservationConfig(ReservationOperations.ReservationConfig.of("podkit")).build();

  /** One unit of work: a pod, an offer and the instance it would launch as. */
  record Input(Pod pod, Protos.Offer offer, UUID uuid) {}

  /** Everything each shared component answered for one input; equal outputs mean equal answers. */
  record Output(ValidationReport report, MatchResult match, Translation translation,
      List<PreflightViolation> preflight, LaunchResult launch) {}

  @Test
  void sharedComponentsGiveEveryThreadTheResultsOfOneThread() throws Exception {
    List<Input> inputs = inputs();
    List<Output> alone = inputs.stream().map(this::run).toList();
    launcher.clear();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Output[]>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int offset = t * inputs.size() / THREADS;
        results.add(pool.submit(() -> {
          start.await(); // all threads at once
          Output[] out = new Output[inputs.size()];
          for (int pass = 0; pass < PASSES; pass++) {
            for (int i = 0; i < inputs.size(); i++) {
              int k = (i + offset + pass * 37) % inputs.size(); // different inputs in flight at once
              Output o = run(inputs.get(k));
              if (pass > 0 && !o.equals(out[k])) {
                throw new AssertionError("input " + k + " changed between passes of one thread");
              }
              out[k] = o;
            }
          }
          return out;
        }));
      }
      start.countDown();
      for (Future<Output[]> r : results) {
        List<Output> threaded = List.of(r.get());
        for (int i = 0; i < alone.size(); i++) {
          assertThat(threaded.get(i)).as("input %s: %s", i, inputs.get(i).pod().id()).isEqualTo(alone.get(i));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    long sent = alone.stream().filter(o -> o.launch() instanceof LaunchResult.Launched
        || o.launch() instanceof LaunchResult.Reserved).count();
    assertThat(launcher.requests()).hasSize((int) sent * THREADS * PASSES);
    // What the runs did, so the test is seen to cover every outcome.
    assertThat(alone).extracting(o -> o.launch().getClass().getSimpleName())
        .contains("Invalid", "NotMatched", "Launched");
    assertThat(inputs.size() * THREADS * PASSES * 5L).as("operations").isGreaterThanOrEqualTo(12_000);
  }

  /** Every component on one input: validate, match, translate, pre-flight check, and the whole pipeline. */
  private Output run(Input in) {
    ValidationReport report = validator.validate(in.pod());
    MatchResult match = null;
    Translation translation = null;
    List<PreflightViolation> preflight = null;
    if (report.isValid() && !report.orElseThrow().pod().isResident()) {
      var valid = report.orElseThrow();
      match = matcher.match(valid, in.offer());
      if (match instanceof MatchResult.Match m) {
        translation = translator.translate(valid, in.offer(), m.resources(), new InstanceId(valid.pod().id(), in.uuid()));
        preflight = LaunchGroupCheck.check(in.offer().getFrameworkId(), List.of(in.offer()),
            List.of(translation.launchGroup()));
      }
    }
    LaunchResult launch = pipeline.launch(in.pod(), in.offer(), LaunchOptions.DEFAULT.withInstanceUuid(in.uuid()));
    return new Output(report, match, translation, preflight, Objects.requireNonNull(launch));
  }

  /** 300 pods (valid, near-valid, arbitrary), each with an ample offer, a small one or one for another role. */
  private static List<Input> inputs() {
    List<Pod> pods = new ArrayList<>();
    pods.addAll(sample(ValidPodArbitraries.pods(), 150));
    pods.addAll(sample(NearValidPodArbitraries.pods().map(NearValidPodArbitraries.NearValidPod::pod), 100));
    pods.addAll(sample(PodArbitraries.pods(), 50));
    List<Input> inputs = new ArrayList<>();
    for (int i = 0; i < pods.size(); i++) {
      Protos.Offer offer = switch (i % 5) {
        case 3 -> Offers.of("*", 0.2, 64, 0); // too small for most
        case 4 -> Offers.ample("dev"); // allocated to another role
        default -> Offers.ample("*");
      };
      inputs.add(new Input(pods.get(i), offer, new UUID(0x1000, i)));
    }
    return inputs;
  }

  private static <T> List<T> sample(Arbitrary<T> arbitrary, int n) {
    try (Stream<T> s = arbitrary.sampleStream()) {
      return s.limit(n).toList();
    }
  }
}
