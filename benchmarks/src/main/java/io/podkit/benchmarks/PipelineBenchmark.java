package io.podkit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
 * The whole pipeline for the typical pod and the default offer, JSON bytes → the operations sent:
 * read, validate, match, translate, pre-flight check and hand to a recording launcher
 * ({@code PodLaunchPipeline} with {@code RecordingPodLauncher}). The baseline, measured in the same
 * run, is Jackson's {@code readTree} of the input bytes plus protobuf's {@code parseFrom} of the
 * output operation's bytes: reading the input and materialising the output, with no work between.
 * Target: {@code pipeline} ≤ 4.0 × {@code baselineReadTreeAndParseFrom}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 25, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PipelineBenchmark {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private byte[] json;
  private byte[] operationBytes;
  private Fixtures.WholePipeline pipeline;

  @Setup
  public void setUp() {
    json = TypicalPod.json();
    pipeline = new Fixtures.WholePipeline(json, BenchmarkOffers.defaultOffer());
    List<Protos.Offer.Operation> operations = pipeline.run();
    if (operations.size() != 1) {
      throw new IllegalStateException("expected one LAUNCH_GROUP, got " + operations);
    }
    operationBytes = operations.get(0).toByteArray();
  }

  /** Baseline: {@code readTree} of the pod's JSON plus {@code parseFrom} of the LAUNCH_GROUP operation. */
  @Benchmark
  public void baselineReadTreeAndParseFrom(Blackhole bh) throws IOException {
    bh.consume(MAPPER.readTree(json));
    bh.consume(Protos.Offer.Operation.parseFrom(operationBytes));
  }

  /** JSON bytes → validated, matched, translated, pre-flight-checked and launched operations. */
  @Benchmark
  public List<Protos.Offer.Operation> pipeline() {
    return pipeline.run();
  }
}
