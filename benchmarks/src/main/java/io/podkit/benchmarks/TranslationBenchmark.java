package io.podkit.benchmarks;

import com.google.protobuf.InvalidProtocolBufferException;
import io.podkit.translator.InstanceId;
import io.podkit.translator.TaskGroupTranslator;
import io.podkit.translator.Translation;
import io.podkit.translator.offer.OfferMatcher;
import io.podkit.translator.preflight.LaunchGroupCheck;
import io.podkit.translator.preflight.PreflightViolation;
import io.podkit.validation.ValidPod;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.Protos;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The typical pod against the default offer (that of {@code TestOffers.ample()}): offer matching plus
 * translation, and the pre-flight checker ({@code LaunchGroupCheck}, the master's LAUNCH_GROUP rules)
 * on the resulting operation, both against the baseline of protobuf's own {@code parseFrom} of the
 * resulting {@code ExecutorInfo} and {@code TaskGroupInfo} bytes: the cost of merely materialising
 * the output, measured in the same run. Target: {@code matchAndTranslate} ≤ 3.0 ×
 * {@code baselineParseFrom}; the pre-flight check has no target and is reported with the same
 * ratio. Offers that grow are {@link ScaleBenchmark}'s business.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TranslationBenchmark {
  private ValidPod pod;
  private Protos.Offer offer;
  private List<Protos.Offer> offers;
  private OfferMatcher matcher;
  private TaskGroupTranslator translator;
  private InstanceId instance;
  private List<Protos.Offer.Operation> operations;
  private byte[] executorBytes;
  private byte[] taskGroupBytes;

  @Setup
  public void setUp() {
    pod = Fixtures.readValid(TypicalPod.json());
    offer = BenchmarkOffers.defaultOffer();
    offers = List.of(offer);
    matcher = Fixtures.matcher();
    translator = Fixtures.translator();
    instance = Fixtures.instance(pod);
    Translation t = matchAndTranslate();
    executorBytes = t.executor().toByteArray();
    taskGroupBytes = t.taskGroup().toByteArray();
    operations = List.of(t.launchGroup());
    Fixtures.requirePreflightPasses(offer, operations);
  }

  /** Baseline: protobuf materialising the same {@code ExecutorInfo} and {@code TaskGroupInfo} from bytes. */
  @Benchmark
  public void baselineParseFrom(Blackhole bh) throws InvalidProtocolBufferException {
    bh.consume(Protos.ExecutorInfo.parseFrom(executorBytes));
    bh.consume(Protos.TaskGroupInfo.parseFrom(taskGroupBytes));
  }

  /** {@code ValidPod} + offer → {@code ExecutorInfo} + {@code TaskGroupInfo}. */
  @Benchmark
  public Translation matchAndTranslate() {
    return Fixtures.matchAndTranslate(matcher, translator, pod, offer, instance);
  }

  /** Every master rule podkit models, for the offer and the LAUNCH_GROUP it was translated to; passes. */
  @Benchmark
  public List<PreflightViolation> preflight() {
    return LaunchGroupCheck.check(offer.getFrameworkId(), offers, operations);
  }
}
