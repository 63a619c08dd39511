package io.podkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podkit.model.Pod;
import io.podkit.model.json.PodReader;
import io.podkit.model.json.ReadResult;
import io.podkit.validation.PodValidator;
import io.podkit.validation.ValidationConfig;
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
 * Reading and validating the typical pod, each against Jackson's own {@code readTree} of the same
 * bytes (the baseline, measured in the same run). Run with {@code -prof gc} to see bytes per
 * operation: validation reuses one Hibernate {@code Validator}, so it allocates no validator or
 * reflection metadata per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidationBenchmark {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private byte[] json;
  private Pod pod;
  private PodValidator validator;

  @Setup
  public void setUp() {
    json = TypicalPod.json();
    pod = PodReader.strict().read(json).orElseThrow();
    validator = new PodValidator(ValidationConfig.DEFAULT.withSecrets(true));
    if (!validator.validate(pod).isValid()) {
      throw new IllegalStateException("the typical pod must be valid: " + validator.validate(pod).violations());
    }
  }

  /** Baseline: Jackson's tree of the same bytes. */
  @Benchmark
  public JsonNode baselineReadTree() throws IOException {
    return MAPPER.readTree(json);
  }

  @Benchmark
  public ReadResult parse() {
    return PodReader.strict().read(json);
  }

  @Benchmark
  public ValidationReport validate() {
    return validator.validate(pod);
  }
}
