package io.podkit.benchmarks;

import java.util.List;
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
 * How the whole pipeline (JSON bytes → read, validate, match, translate, pre-flight → operations,
 * as in {@link PipelineBenchmark}) grows, one dimension at a time from a base case: a
 * {@link ScalePod} of 8 containers (each with an endpoint on a dynamic host port, so each takes a
 * port from the offer) against a {@link BenchmarkOffers#scaleOffer} with 1 resource per scalar kind
 * and its 1,000 ports in 1 range.
 *
 * <p>{@link #scenario} names the one dimension that differs from the base; {@code containers=8} is
 * the base case itself, and so also the 1-fragment and 1-range point of the other two series:
 *
 * <ul>
 *   <li>{@code containers=1, 8, 64, 128}: containers per pod. Target: time per container at 128 ≤
 *       1.5 × time per container at 8.
 *   <li>{@code fragments=64, 1024}: cpus, mem and disk each offered as that many resources, same
 *       totals, same pod. Target: at 1,024, ≤ 20 × the time at 1.
 *   <li>{@code portRanges=100, 1000}: the 1,000 ports as that many ranges, same pod.
 * </ul>
 *
 * One parameter rather than three keeps JMH from running the whole cross product.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 20, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ScaleBenchmark {
  static final int BASE_CONTAINERS = 8;
  static final int BASE_FRAGMENTS = 1;
  static final int BASE_PORT_RANGES = 1;

  @Param({"containers=1", "containers=8", "containers=64", "containers=128",
      "fragments=64", "fragments=1024", "portRanges=100", "portRanges=1000"})
  public String scenario;

  private Fixtures.WholePipeline pipeline;

  @Setup
  public void setUp() {
    pipeline = scenario(scenario);
  }

  /** The pipeline of a scenario such as {@code fragments=1024}: the base case with that one dimension changed. */
  static Fixtures.WholePipeline scenario(String scenario) {
    int containers = BASE_CONTAINERS;
    int fragments = BASE_FRAGMENTS;
    int portRanges = BASE_PORT_RANGES;
    String[] dimension = scenario.split("=", 2);
    if (dimension.length != 2) {
      throw new IllegalArgumentException("a scenario is DIMENSION=VALUE, got " + scenario);
    }
    int value = Integer.parseInt(dimension[1]);
    switch (dimension[0]) {
      case "containers" -> containers = value;
      case "fragments" -> fragments = value;
      case "portRanges" -> portRanges = value;
      default -> throw new IllegalArgumentException("unknown scenario " + scenario);
    }
    return new Fixtures.WholePipeline(ScalePod.json(containers), BenchmarkOffers.scaleOffer(fragments, portRanges));
  }

  /**
   * Bytes of the operations a scenario produces, for the report: the output's own size, which the
   * pipeline's time can be read against (each task carries every endpoint's environment
   * variables, as in Marathon, so the output per container grows with the pod).
   */
  static long outputBytes(String scenario) {
    long bytes = 0;
    for (Protos.Offer.Operation operation : scenario(scenario).run()) {
      bytes += operation.getSerializedSize();
    }
    return bytes;
  }

  /** JSON bytes → operations for the scenario's pod and offer. */
  @Benchmark
  public List<Protos.Offer.Operation> pipeline() {
    return pipeline.run();
  }
}
