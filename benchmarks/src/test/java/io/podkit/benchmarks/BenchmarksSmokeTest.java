package io.podkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The only part of the benchmarks {@code mvn verify} runs: every benchmark, with every parameter,
 * once through JMH's own runner in this JVM (no fork) with one short warmup and one short measured
 * iteration and the GC profiler, so it takes seconds and proves each benchmark still sets up and
 * executes (a benchmark whose pod stops validating, or whose offer stops fitting, fails here). The
 * figures it produces mean nothing; the report built from them proves {@link Report} still reads
 * JMH's output.
 */
class BenchmarksSmokeTest {
  static final List<Class<?>> BENCHMARK_CLASSES = List.of(ParseValidateBenchmark.class,
      TranslationBenchmark.class, PipelineBenchmark.class, ScaleBenchmark.class);
  static final Path OUT = Path.of("target", "smoke");

  static Collection<RunResult> results;

  @BeforeAll
  static void runEveryBenchmarkOnce() throws Exception {
    Files.createDirectories(OUT);
    Options options = new OptionsBuilder()
        .include("^io\\.podkit\\.benchmarks\\.")
        .forks(0)
        .warmupIterations(1)
        .warmupTime(TimeValue.milliseconds(50))
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(50))
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT)
        .resultFormat(ResultFormatType.JSON)
        .result(OUT.resolve("jmh-result.json").toString())
        .build();
    results = new Runner(options).run();
  }

  @Test
  void everyBenchmarkMethodRan() {
    Set<String> declared = new TreeSet<>();
    for (Class<?> c : BENCHMARK_CLASSES) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.isAnnotationPresent(Benchmark.class)) {
          declared.add(c.getName() + "." + m.getName());
        }
      }
    }
    Set<String> ran = results.stream().map(r -> r.getParams().getBenchmark()).collect(Collectors.toCollection(TreeSet::new));
    assertThat(ran).isEqualTo(declared);
    assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }

  @Test
  void everyScaleScenarioRan() {
    Set<String> scenarios = results.stream()
        .filter(r -> r.getParams().getBenchmark().equals(ScaleBenchmark.class.getName() + ".pipeline"))
        .map(r -> r.getParams().getParam("scenario"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(scenarios).containsExactlyInAnyOrder("containers=1", "containers=8", "containers=64",
        "containers=128", "fragments=64", "fragments=1024", "portRanges=100", "portRanges=1000");
  }

  @Test
  void reportReadsTheResults() throws Exception {
    Report report = new Report(new ObjectMapper().readTree(OUT.resolve("jmh-result.json").toFile()),
        new Report.RunInfo("smoke", null, null, null));
    report.write(OUT);
    JsonNode json = new ObjectMapper().readTree(OUT.resolve("report.json").toFile());

    assertThat(fieldNames(json.path("ratios"))).containsExactly("parse", "validate", "translate", "pipeline");
    json.path("ratios").forEach(r -> assertThat(r.isNumber() && r.asDouble() > 0).as("ratio %s", r).isTrue());
    assertThat(fieldNames(json.path("scale"))).containsExactly("containers", "fragments", "portRanges");
    assertThat(fieldNames(json.path("scale").path("containers"))).containsExactly("1", "8", "64", "128");
    assertThat(fieldNames(json.path("scale").path("fragments"))).containsExactly("1", "64", "1024");
    assertThat(fieldNames(json.path("scale").path("portRanges"))).containsExactly("1", "100", "1000");
    json.path("scale").forEach(d -> d.forEach(ns -> assertThat(ns.asDouble()).isPositive()));
    JsonNode alloc = json.path("alloc_bytes_per_op");
    assertThat(fieldNames(alloc)).containsExactly("parse", "validate", "baseline/readTree", "translate",
        "preflight", "baseline/parseFrom", "pipeline", "baseline/readTree+parseFrom", "scale/containers=1",
        "scale/containers=8", "scale/containers=64", "scale/containers=128", "scale/fragments=1",
        "scale/fragments=64", "scale/fragments=1024", "scale/portRanges=1", "scale/portRanges=100",
        "scale/portRanges=1000");
    alloc.forEach(b -> assertThat(b.isNumber()).as("alloc %s", b).isTrue());
    assertThat(json.path("targets").size()).isEqualTo(6);
    json.path("targets").forEach(t -> assertThat(t.path("pass").isBoolean()).isTrue());
    assertThat(json.path("machine").path("jdk").asText()).isNotEmpty();
    assertThat(json.path("preflight").path("ratio").asDouble()).isPositive();

    String md = Files.readString(OUT.resolve("report.md"));
    assertThat(md).contains("## Targets", "## Scale", "## Allocation").doesNotContain("not measured");
    assertThat(Files.readString(OUT.resolve("readme-performance.md"))).startsWith("## Performance\n");
  }

  @Test
  void readmeSectionIsReplacedOrInsertedBeforeBuilding() {
    String readme = "# podkit\n\nintro\n\n## Modules\n\nm\n\n## Building and testing\n\nb\n";
    String inserted = Report.spliceReadme(readme, "## Performance\n\nfirst\n");
    assertThat(inserted).isEqualTo(
        "# podkit\n\nintro\n\n## Modules\n\nm\n\n## Performance\n\nfirst\n\n## Building and testing\n\nb\n");
    String replaced = Report.spliceReadme(inserted, "## Performance\n\nsecond\n```bash\n## not a heading\n```\n");
    assertThat(replaced).isEqualTo("# podkit\n\nintro\n\n## Modules\n\nm\n\n## Performance\n\nsecond\n```bash\n"
        + "## not a heading\n```\n\n## Building and testing\n\nb\n");
    assertThat(Report.spliceReadme(replaced, "## Performance\n\nsecond\n```bash\n## not a heading\n```\n"))
        .isEqualTo(replaced);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
