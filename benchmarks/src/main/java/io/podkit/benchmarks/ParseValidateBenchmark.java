package io.podkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podkit.model.Pod;
import io.podkit.model.json.ReadResult;
import io.podkit.validation.PodValidator;
import io.podkit.validation.ValidationReport;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
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

/**
 * Reading and validating the typical pod (two containers, endpoints, a health check, volumes, a
 * secret), both against the same baseline measured in the same run: Jackson's own {@code readTree}
 * of the pod's JSON bytes. Targets: {@code parse} ≤ 2.0 × and {@code validate} ≤ 2.0 ×
 * {@code baselineReadTree}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ParseValidateBenchmark {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private byte[] json;
  private Pod pod;
  private PodValidator validator;

  @Setup
  public void setUp() {
    json = TypicalPod.json();
    pod = Fixtures.read(json);
    validator = Fixtures.validator();
    ValidationReport report = validator.validate(pod);
    if (!report.isValid()) {
      throw new IllegalStateException("the typical pod must be valid: " + report.violations());
    }
  }

  /** Baseline: Jackson's tree of the same bytes, with no model, positions or checks. */
  @Benchmark
  public JsonNode baselineReadTree() throws IOException {
    return MAPPER.readTree(json);
  }

  /** The strict reader: bytes → {@code Pod}, with every shape check and the source map. */
  @Benchmark
  public ReadResult parse() {
    return Fixtures.READER.read(json);
  }

  /**
   * Every rule, with normalization: the {@code Pod} read from those bytes → a {@code ValidationReport}
   * holding the {@code ValidPod}. The validator is built once and shared, as a framework would.
   */
  @Benchmark
  public ValidationReport validate() {
    return validator.validate(pod);
  }
}
