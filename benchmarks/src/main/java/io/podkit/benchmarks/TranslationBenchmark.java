package io.podkit.benchmarks;

import com.google.protobuf.InvalidProtocolBufferException;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.Pod;
import io.podkit.model.json.PodReader;
import io.podkit.translator.InstanceId;
import io.podkit.translator.TaskGroupTranslator;
import io.podkit.translator.Translation;
import io.podkit.translator.TranslationConfig;
import io.podkit.translator.offer.MatchConfig;
import io.podkit.translator.offer.MatchResult;
import io.podkit.translator.offer.OfferMatcher;
import io.podkit.validation.PodValidator;
import io.podkit.validation.ValidPod;
import io.podkit.validation.ValidationConfig;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.Protos;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Offer matching plus translation, against the baseline of protobuf's own {@code parseFrom} of the
 * resulting ExecutorInfo and TaskGroupInfo bytes (the cost of merely materialising the output),
 * measured in the same run. {@code typical} is the two-container typical pod against an ample
 * offer; {@code large} is 100 containers against 1,000 fragments of each scalar and 1,000 port
 * ranges, where Marathon's bin-packing could go exponential.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TranslationBenchmark {

  @Param({"typical", "large"})
  public String scenario;

  private ValidPod pod;
  private Protos.Offer offer;
  private OfferMatcher matcher;
  private TaskGroupTranslator translator;
  private InstanceId instance;
  private byte[] executorBytes;
  private byte[] taskGroupBytes;

  @Setup
  public void setUp() {
    PodValidator validator = new PodValidator(ValidationConfig.DEFAULT.withSecrets(true));
    if (scenario.equals("typical")) {
      pod = validator.validate(PodReader.strict().read(TypicalPod.json()).orElseThrow()).orElseThrow();
      offer = BenchmarkOffers.offer(8, 16384, 100_000, 1, 1);
    } else {
      Pod.Builder large = Pod.builder("/bench/large");
      for (int i = 0; i < 100; i++) {
        large.container(Container.builder("c" + i).shell("sleep 3600").resources(0.1, 32)
            .endpoint(Endpoint.builder("e" + i).hostPort(0).protocol("tcp").build()));
      }
      pod = validator.validate(large.build()).orElseThrow();
      offer = BenchmarkOffers.offer(20, 8192, 10_000, 1000, 1000);
    }
    matcher = new OfferMatcher(MatchConfig.DEFAULT);
    translator = new TaskGroupTranslator(TranslationConfig.DEFAULT);
    instance = new InstanceId(pod.pod().id(), UUID.fromString("3f0c6e1a-1d2b-11ef-9c41-0242ac120002"));
    Translation t = matchAndTranslate();
    executorBytes = t.executor().toByteArray();
    taskGroupBytes = t.taskGroup().toByteArray();
  }

  /** Baseline: parsing the output itself. */
  @Benchmark
  public Object baselineParseFrom() throws InvalidProtocolBufferException {
    return new Object[] {Protos.ExecutorInfo.parseFrom(executorBytes), Protos.TaskGroupInfo.parseFrom(taskGroupBytes)};
  }

  @Benchmark
  public MatchResult match() {
    return matcher.match(pod, offer);
  }

  @Benchmark
  public Translation matchAndTranslate() {
    MatchResult result = matcher.match(pod, offer);
    if (!(result instanceof MatchResult.Match m)) {
      throw new IllegalStateException("the benchmark offer must fit: " + result);
    }
    return translator.translate(pod, offer, m.resources(), instance);
  }
}
