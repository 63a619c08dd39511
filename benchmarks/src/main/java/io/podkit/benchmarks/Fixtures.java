package io.podkit.benchmarks;

import io.podkit.launcher.LaunchOptions;
import io.podkit.launcher.LaunchResult;
import io.podkit.launcher.PodLaunchPipeline;
import io.podkit.launcher.RecordingPodLauncher;
import io.podkit.model.Pod;
import io.podkit.model.json.PodReader;
import io.podkit.model.json.ReadResult;
import io.podkit.translator.InstanceId;
import io.podkit.translator.TaskGroupTranslator;
import io.podkit.translator.Translation;
import io.podkit.translator.TranslationConfig;
import io.podkit.translator.offer.MatchConfig;
import io.podkit.translator.offer.MatchResult;
import io.podkit.translator.offer.OfferMatcher;
import io.podkit.translator.preflight.LaunchGroupCheck;
import io.podkit.translator.preflight.PreflightViolation;
import io.podkit.validation.PodValidator;
import io.podkit.validation.ValidPod;
import io.podkit.validation.ValidationConfig;
import io.podkit.validation.ValidationReport;
import java.util.List;
import java.util.UUID;
import org.apache.mesos.Protos;

/**
 * What the benchmarks share: one strict reader, a validator that accepts secrets (the typical pod
 * has one), Marathon's default matching and translation, and a fixed instance UUID so every run
 * builds byte-identical output. Everything is built once, outside the measured code, as a framework
 * would.
 */
final class Fixtures {
  static final UUID INSTANCE_UUID = UUID.fromString("3f0c6e1a-1d2b-11ef-9c41-0242ac120002");
  static final PodReader READER = PodReader.strict();

  private Fixtures() {}

  static PodValidator validator() {
    return new PodValidator(ValidationConfig.DEFAULT.withSecrets(true));
  }

  static OfferMatcher matcher() {
    return new OfferMatcher(MatchConfig.DEFAULT);
  }

  static TaskGroupTranslator translator() {
    return new TaskGroupTranslator(TranslationConfig.DEFAULT);
  }

  static Pod read(byte[] json) {
    ReadResult result = READER.read(json);
    if (!result.ok()) {
      throw new IllegalStateException("the benchmark pod must read: " + result.errors());
    }
    return result.orElseThrow();
  }

  static ValidPod readValid(byte[] json) {
    ValidationReport report = validator().validate(read(json));
    if (!report.isValid()) {
      throw new IllegalStateException("the benchmark pod must be valid: " + report.violations());
    }
    return report.orElseThrow();
  }

  /** Match and translate, as {@link TranslationBenchmark} measures them. */
  static Translation matchAndTranslate(OfferMatcher matcher, TaskGroupTranslator translator, ValidPod pod,
      Protos.Offer offer, InstanceId instance) {
    MatchResult result = matcher.match(pod, offer);
    if (!(result instanceof MatchResult.Match m)) {
      throw new IllegalStateException("the benchmark offer must fit the pod: " + result);
    }
    return translator.translate(pod, offer, m.resources(), instance);
  }

  static InstanceId instance(ValidPod pod) {
    return new InstanceId(pod.pod().id(), INSTANCE_UUID);
  }

  static void requirePreflightPasses(Protos.Offer offer, List<Protos.Offer.Operation> operations) {
    List<PreflightViolation> violations = LaunchGroupCheck.check(offer.getFrameworkId(), List.of(offer), operations);
    if (!violations.isEmpty()) {
      throw new IllegalStateException("the benchmark operations must pass the pre-flight check: " + violations);
    }
  }

  /**
   * The whole pipeline, JSON bytes to the operations sent: read, then {@link PodLaunchPipeline}
   * (validate, match, translate, pre-flight check) with a {@link RecordingPodLauncher} that accepts,
   * cleared after each launch so it holds nothing between calls.
   */
  static final class WholePipeline {
    private final byte[] json;
    private final Protos.Offer offer;
    private final RecordingPodLauncher launcher = new RecordingPodLauncher();
    private final PodLaunchPipeline pipeline;
    private final LaunchOptions options = LaunchOptions.DEFAULT.withInstanceUuid(INSTANCE_UUID);

    WholePipeline(byte[] json, Protos.Offer offer) {
      this.json = json.clone();
      this.offer = offer;
      this.pipeline = PodLaunchPipeline.builder(launcher).validator(validator()).build();
      run(); // fails setup, not the measurement, if the pod does not launch
    }

    List<Protos.Offer.Operation> run() {
      ReadResult read = READER.read(json);
      LaunchResult result = pipeline.launch(read.orElseThrow(), offer, options);
      launcher.clear();
      if (result instanceof LaunchResult.Launched launched) {
        return launched.operations();
      }
      throw new IllegalStateException("the benchmark pod must launch: " + result);
    }
  }
}
