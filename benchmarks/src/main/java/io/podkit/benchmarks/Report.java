package io.podkit.benchmarks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns JMH's JSON results ({@code -rf json}) into {@code report.json}, {@code report.md} and the
 * README's Performance section ({@code readme-performance.md}), and optionally splices that section
 * into a README. {@code benchmarks/run} calls it; to redo the reports from the last results:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.podkit.benchmarks.Report \
 *     --jmh benchmarks/target/jmh-result.json --out benchmarks/target [--update-readme README.md]
 * </pre>
 *
 * <p>Every ratio is podkit's time over its baseline's time from the same run (same JVM settings,
 * same machine, same load). Anything missing from the results (a filtered run) is reported as
 * {@code null} / "not measured", never guessed.
 */
public final class Report {
  static final String PACKAGE = "io.podkit.benchmarks.";
  static final String README_HEADING = "## Performance";
  static final String README_ANCHOR = "## Building and testing";

  /** A target of the issue: {@code value ≤ max}. */
  record Target(String key, String description, Double value, double max) {
    Boolean pass() {
      return value == null ? null : value <= max;
    }
  }

  /** One JMH result: score in ns/op, its 99.9% error, allocation in bytes/op. */
  record Score(String benchmark, Map<String, String> params, double ns, Double errorNs, Double bytesPerOp) {}

  /** How the results were produced, for the record; all optional. */
  record RunInfo(String mode, Long seconds, String loadBefore, String command) {}

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private final List<Score> scores;
  private final JsonNode results;
  private final JsonNode first;
  private final RunInfo run;
  private final Map<String, Object> machine;

  Report(JsonNode jmhResults, RunInfo run) {
    if (!jmhResults.isArray()) {
      throw new IllegalArgumentException("JMH results must be a JSON array (-rf json)");
    }
    this.scores = new ArrayList<>();
    for (JsonNode result : jmhResults) {
      scores.add(score(result));
    }
    this.results = jmhResults;
    this.first = jmhResults.size() > 0 ? jmhResults.get(0) : MAPPER.createObjectNode();
    this.run = run;
    this.machine = machine(first);
  }

  /** Kept so the level sticks: Hibernate Validator's start-up banner is noise in the report's output. */
  private static final java.util.logging.Logger HIBERNATE = java.util.logging.Logger.getLogger("org.hibernate");

  public static void main(String[] args) throws IOException {
    HIBERNATE.setLevel(java.util.logging.Level.WARNING);
    if (args.length > 0 && args[0].equals("--merge")) {
      merge(args);
      return;
    }
    List<Path> jmh = new ArrayList<>();
    Path out = Path.of("benchmarks/target");
    Path readme = null;
    String mode = null;
    Long seconds = null;
    String load = null;
    String command = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (i + 1 >= args.length) {
        usage("missing value for " + arg);
      }
      String value = args[++i];
      switch (arg) {
        case "--jmh" -> jmh.add(Path.of(value));
        case "--out" -> out = Path.of(value);
        case "--update-readme" -> readme = Path.of(value);
        case "--mode" -> mode = value;
        case "--seconds" -> seconds = Long.parseLong(value);
        case "--load-before" -> load = value.isBlank() ? null : value;
        case "--command" -> command = value;
        default -> usage("unknown option " + arg);
      }
    }
    if (jmh.isEmpty()) {
      jmh.add(Path.of("benchmarks/target/jmh-result.json"));
    }
    com.fasterxml.jackson.databind.node.ArrayNode results = MAPPER.createArrayNode();
    for (Path file : jmh) {
      if (!Files.isRegularFile(file)) {
        usage("no JMH results at " + file + " (run benchmarks/run first)");
      }
      results.addAll((com.fasterxml.jackson.databind.node.ArrayNode) MAPPER.readTree(file.toFile()));
    }
    Report report = new Report(results, new RunInfo(mode, seconds, load, command));
    report.write(out);
    if (readme != null) {
      report.updateReadme(readme);
      System.out.println("updated the Performance section of " + readme);
    }
    System.out.print(report.summary());
    System.out.println("wrote " + out.resolve("report.json") + ", " + out.resolve("report.md") + " and "
        + out.resolve("readme-performance.md"));
  }

  /** {@code --merge OUT IN...}: concatenates JMH result files into one, as a single run would have written. */
  private static void merge(String[] args) throws IOException {
    if (args.length < 3) {
      usage("--merge needs an output file and at least one input");
    }
    com.fasterxml.jackson.databind.node.ArrayNode all = MAPPER.createArrayNode();
    for (int i = 2; i < args.length; i++) {
      JsonNode results = MAPPER.readTree(Path.of(args[i]).toFile());
      if (!results.isArray()) {
        usage(args[i] + " is not JMH's JSON results");
      }
      all.addAll((com.fasterxml.jackson.databind.node.ArrayNode) results);
    }
    Files.writeString(Path.of(args[1]), MAPPER.writeValueAsString(all) + "\n");
  }

  private static void usage(String problem) {
    System.err.println("Report: " + problem);
    System.err.println("usage: Report [--jmh jmh-result.json]... [--out DIR] [--update-readme README.md]"
        + " [--mode quick|thorough] [--seconds N] [--load-before 'L1 L5 L15'] [--command TEXT]\n"
        + "       Report --merge OUT.json IN.json...");
    System.exit(2);
  }

  /** Writes report.json, report.md and readme-performance.md into {@code dir}. */
  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("report.json"), MAPPER.writeValueAsString(json()) + "\n");
    Files.writeString(dir.resolve("report.md"), markdown());
    Files.writeString(dir.resolve("readme-performance.md"), readmeSection());
  }

  // ---------------------------------------------------------------------------------------------
  // The figures

  Optional<Score> find(String benchmark, String param, String value) {
    for (Score s : scores) {
      if (s.benchmark().equals(benchmark) && (param == null || value.equals(s.params().get(param)))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  Optional<Score> find(String benchmark) {
    return find(benchmark, null, null);
  }

  Double ns(String benchmark) {
    return find(benchmark).map(Score::ns).orElse(null);
  }

  /**
   * The scale result for {@code dimension} at {@code value}: the {@code ScaleBenchmark} scenario that
   * varies it, or the base case ({@code containers=8}) for 1 fragment or 1 port range.
   */
  Optional<Score> scale(String dimension, String value) {
    return find("ScaleBenchmark.pipeline", "scenario", scenario(dimension, value));
  }

  /** The {@code ScaleBenchmark} scenario for {@code dimension} at {@code value}. */
  static String scenario(String dimension, String value) {
    return !dimension.equals("containers") && value.equals("1")
        ? "containers=" + ScaleBenchmark.BASE_CONTAINERS : dimension + "=" + value;
  }

  /**
   * Bytes of the operations each scale scenario produces (computed here, once per scenario, not
   * measured by JMH), keyed like {@code scale}; empty if the pipeline cannot run.
   */
  Map<String, Map<String, Long>> outputBytes() {
    if (outputBytes == null) {
      outputBytes = new LinkedHashMap<>();
      try {
        for (String[] dim : new String[][] {{"containers"}, {"fragments"}, {"portRanges"}}) {
          Map<String, Long> m = new LinkedHashMap<>();
          for (String v : values(dim[0])) {
            m.put(v, ScaleBenchmark.outputBytes(scenario(dim[0], v)));
          }
          outputBytes.put(dim[0], m);
        }
      } catch (RuntimeException e) {
        System.err.println("Report: could not compute the scale scenarios' output sizes: " + e);
        outputBytes.clear();
      }
    }
    return outputBytes;
  }

  private Map<String, Map<String, Long>> outputBytes;

  static String[] values(String dimension) {
    return switch (dimension) {
      case "containers" -> CONTAINERS;
      case "fragments" -> FRAGMENTS;
      case "portRanges" -> PORT_RANGES;
      default -> throw new IllegalArgumentException(dimension);
    };
  }

  /** Output bytes per container at 128 over output bytes per container at 8. */
  Double outputPerContainerGrowth() {
    Map<String, Long> m = outputBytes().get("containers");
    if (m == null || m.get("128") == null || m.get("8") == null) {
      return null;
    }
    return (m.get("128") / 128.0) / (m.get("8") / 8.0);
  }

  Double scaleNs(String dimension, String value) {
    return scale(dimension, value).map(Score::ns).orElse(null);
  }

  static Double ratio(Double a, Double b) {
    return a == null || b == null || b == 0 ? null : a / b;
  }

  /** The four ratios of the issue, keyed as in report.json. */
  Map<String, Double> ratios() {
    Map<String, Double> r = new LinkedHashMap<>();
    r.put("parse", ratio(ns(PARSE), ns(READ_TREE)));
    r.put("validate", ratio(ns(VALIDATE), ns(READ_TREE)));
    r.put("translate", ratio(ns(TRANSLATE), ns(PARSE_FROM)));
    r.put("pipeline", ratio(ns(PIPELINE), ns(PIPELINE_BASELINE)));
    return r;
  }

  Double preflightRatio() {
    return ratio(ns(PREFLIGHT), ns(PARSE_FROM));
  }

  static final String READ_TREE = "ParseValidateBenchmark.baselineReadTree";
  static final String PARSE = "ParseValidateBenchmark.parse";
  static final String VALIDATE = "ParseValidateBenchmark.validate";
  static final String PARSE_FROM = "TranslationBenchmark.baselineParseFrom";
  static final String TRANSLATE = "TranslationBenchmark.matchAndTranslate";
  static final String PREFLIGHT = "TranslationBenchmark.preflight";
  static final String PIPELINE_BASELINE = "PipelineBenchmark.baselineReadTreeAndParseFrom";
  static final String PIPELINE = "PipelineBenchmark.pipeline";

  static final String[] CONTAINERS = {"1", "8", "64", "128"};
  static final String[] FRAGMENTS = {"1", "64", "1024"};
  static final String[] PORT_RANGES = {"1", "100", "1000"};

  Map<String, Double> scale(String dimension, String[] values) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String v : values) {
      m.put(v, scaleNs(dimension, v));
    }
    return m;
  }

  Map<String, Double> perContainer() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String v : CONTAINERS) {
      Double ns = scaleNs("containers", v);
      m.put(v, ns == null ? null : ns / Integer.parseInt(v));
    }
    return m;
  }

  /** Time per container at 128 over time per container at 8. */
  Double containersLinearity() {
    Map<String, Double> per = perContainer();
    return ratio(per.get("128"), per.get("8"));
  }

  /** Time at 1,024 fragments per scalar kind over time at 1, same pod. */
  Double fragmentsGrowth() {
    return ratio(scaleNs("fragments", "1024"), scaleNs("fragments", "1"));
  }

  Double portRangesGrowth() {
    return ratio(scaleNs("portRanges", "1000"), scaleNs("portRanges", "1"));
  }

  List<Target> targets() {
    Map<String, Double> r = ratios();
    return List.of(
        new Target("parse", "parse ÷ readTree (typical pod JSON → model)", r.get("parse"), 2.0),
        new Target("validate", "validate ÷ readTree (typical pod)", r.get("validate"), 2.0),
        new Target("translate", "match + translate ÷ parseFrom of the output (default offer)", r.get("translate"), 3.0),
        new Target("pipeline", "pipeline ÷ (readTree + parseFrom) (JSON → operations)", r.get("pipeline"), 4.0),
        new Target("containers_linearity", "time per container at 128 containers ÷ at 8", containersLinearity(), 1.5),
        new Target("fragments_growth", "time at 1,024 fragments per resource kind ÷ at 1 (same pod)",
            fragmentsGrowth(), 20.0));
  }

  /** A reported figure: its key in report.json and where it comes from. */
  record Row(String key, Optional<Score> score) {}

  /** The figures reported, in order, keyed as in report.json's alloc_bytes_per_op and ns_per_op. */
  List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("parse", find(PARSE)));
    rows.add(new Row("validate", find(VALIDATE)));
    rows.add(new Row("baseline/readTree", find(READ_TREE)));
    rows.add(new Row("translate", find(TRANSLATE)));
    rows.add(new Row("preflight", find(PREFLIGHT)));
    rows.add(new Row("baseline/parseFrom", find(PARSE_FROM)));
    rows.add(new Row("pipeline", find(PIPELINE)));
    rows.add(new Row("baseline/readTree+parseFrom", find(PIPELINE_BASELINE)));
    for (String v : CONTAINERS) {
      rows.add(new Row("scale/containers=" + v, scale("containers", v)));
    }
    for (String v : FRAGMENTS) {
      rows.add(new Row("scale/fragments=" + v, scale("fragments", v)));
    }
    for (String v : PORT_RANGES) {
      rows.add(new Row("scale/portRanges=" + v, scale("portRanges", v)));
    }
    return rows;
  }

  Map<String, Object> json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("ratios", round(ratios(), 3));
    Map<String, Object> scale = new LinkedHashMap<>();
    scale.put("containers", round(scale("containers", CONTAINERS), 1));
    scale.put("fragments", round(scale("fragments", FRAGMENTS), 1));
    scale.put("portRanges", round(scale("portRanges", PORT_RANGES), 1));
    root.put("scale", scale);
    Map<String, Object> alloc = new LinkedHashMap<>();
    Map<String, Object> nsPerOp = new LinkedHashMap<>();
    for (Row row : rows()) {
      alloc.put(row.key(), row.score().map(Score::bytesPerOp).map(b -> (Object) Math.round(b)).orElse(null));
      nsPerOp.put(row.key(), row.score().map(x -> round(x.ns(), 1)).orElse(null));
    }
    root.put("alloc_bytes_per_op", alloc);
    root.put("ns_per_op", nsPerOp);
    root.put("scale_ns_per_container", round(perContainer(), 1));
    root.put("scale_output_bytes", outputBytes());
    Map<String, Object> preflight = new LinkedHashMap<>();
    preflight.put("ns", round(ns(PREFLIGHT), 1));
    preflight.put("baseline_parseFrom_ns", round(ns(PARSE_FROM), 1));
    preflight.put("ratio", round(preflightRatio(), 3));
    root.put("preflight", preflight);
    Map<String, Object> growth = new LinkedHashMap<>();
    growth.put("containers_per_container_128_vs_8", round(containersLinearity(), 3));
    growth.put("output_bytes_per_container_128_vs_8", round(outputPerContainerGrowth(), 3));
    growth.put("fragments_1024_vs_1", round(fragmentsGrowth(), 3));
    growth.put("portRanges_1000_vs_1", round(portRangesGrowth(), 3));
    root.put("growth", growth);
    Map<String, Object> targets = new LinkedHashMap<>();
    boolean all = true;
    for (Target t : targets()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("description", t.description());
      m.put("value", round(t.value(), 3));
      m.put("max", t.max());
      m.put("pass", t.pass());
      targets.put(t.key(), m);
      all &= Boolean.TRUE.equals(t.pass());
    }
    root.put("targets", targets);
    root.put("all_targets_met", all);
    root.put("machine", machine);
    root.put("run", runJson());
    List<Object> raw = new ArrayList<>();
    for (Score s : scores) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("benchmark", s.benchmark());
      m.put("params", s.params());
      m.put("ns_per_op", round(s.ns(), 3));
      m.put("error_ns", round(s.errorNs(), 3));
      m.put("alloc_bytes_per_op", round(s.bytesPerOp(), 1));
      raw.add(m);
    }
    root.put("raw", raw);
    return root;
  }

  private Map<String, Object> runJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", run.mode());
    m.put("seconds", run.seconds());
    m.put("load_average_before", run.loadBefore());
    m.put("command", run.command());
    m.put("jmh_version", text(first, "jmhVersion"));
    m.put("settings", settings());
    m.put("jvm_args", first.path("jvmArgs").isArray() ? MAPPER.convertValue(first.path("jvmArgs"), List.class) : null);
    return m;
  }

  /** JMH settings → the benchmarks run with them (a run may use several, e.g. longer warmups for the pipeline). */
  private Map<String, List<String>> settings() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (JsonNode result : results) {
      int forks = result.path("forks").asInt();
      String key = forks + (forks == 1 ? " fork" : " forks") + ", warmup " + text(result, "warmupIterations") + " × "
          + text(result, "warmupTime") + ", measurement " + text(result, "measurementIterations") + " × "
          + text(result, "measurementTime");
      String name = score(result).benchmark();
      List<String> names = m.computeIfAbsent(key, k -> new ArrayList<>());
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return m;
  }

  // ---------------------------------------------------------------------------------------------
  // Markdown

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# podkit benchmark report\n\n");
    md.append("Measured ").append(machineLine()).append(caveat()).append("\n\n");
    md.append("Each ratio is podkit's time over a baseline measured in the same run. Times are JMH averages ")
        .append("(ns/op shown scaled), ± the 99.9% confidence half-width where JMH gives one.\n\n");
    md.append("## Targets\n\n");
    md.append(targetTable());
    md.append("\n## Against the baselines\n\n");
    md.append("| benchmark | podkit | baseline | baseline is | ratio |\n|---|---:|---:|---|---:|\n");
    pairRow(md, "parse: typical pod JSON → model", PARSE, READ_TREE, "Jackson `readTree` of the same bytes");
    pairRow(md, "validate: typical pod", VALIDATE, READ_TREE, "Jackson `readTree` of its JSON (the same run)");
    pairRow(md, "translate: match + translate, default offer", TRANSLATE, PARSE_FROM,
        "`parseFrom` of the ExecutorInfo + TaskGroupInfo");
    pairRow(md, "pipeline: JSON → operations", PIPELINE, PIPELINE_BASELINE,
        "`readTree` of the JSON + `parseFrom` of the operation");
    pairRow(md, "preflight: LAUNCH_GROUP check (no target)", PREFLIGHT, PARSE_FROM,
        "`parseFrom` of the ExecutorInfo + TaskGroupInfo (the same run)");
    md.append("\n## Scale (whole pipeline, JSON → operations)\n\n");
    md.append(scaleTables());
    md.append("\n## Allocation per operation (`-prof gc`, `gc.alloc.rate.norm`)\n\n");
    md.append("| benchmark | bytes/op |\n|---|---:|\n");
    for (Row row : rows()) {
      md.append("| ").append(row.key()).append(" | ")
          .append(row.score().map(Score::bytesPerOp).map(Report::bytes).orElse("not measured")).append(" |\n");
    }
    md.append("\n## Run\n\n");
    Map<String, Object> r = runJson();
    for (Map.Entry<String, Object> e : r.entrySet()) {
      if (e.getValue() instanceof Map<?, ?> map) {
        md.append("- ").append(e.getKey()).append(":\n");
        map.forEach((k, v) -> md.append("  - ").append(k).append(": ").append(v).append("\n"));
      } else if (e.getValue() != null) {
        md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append("\n");
      }
    }
    md.append("\nReproduce: `benchmarks/run --quick` (or `benchmarks/run` for the thorough run); raw JMH ")
        .append("results are in `benchmarks/target/jmh-result.json`.\n");
    return md.toString();
  }

  private void pairRow(StringBuilder md, String label, String podkit, String baseline, String baselineIs) {
    md.append("| ").append(label).append(" | ").append(time(find(podkit))).append(" | ")
        .append(time(find(baseline))).append(" | ").append(baselineIs).append(" | ")
        .append(times(ratio(ns(podkit), ns(baseline)))).append(" |\n");
  }

  String targetTable() {
    StringBuilder md = new StringBuilder("| target | measured | limit | |\n|---|---:|---:|---|\n");
    for (Target t : targets()) {
      md.append("| ").append(t.description()).append(" | ").append(times(t.value())).append(" | ≤ ")
          .append(times(t.max())).append(" | ")
          .append(t.pass() == null ? "not measured" : t.pass() ? "met" : "**missed**").append(" |\n");
    }
    return md.toString();
  }

  String scaleTables() {
    StringBuilder md = new StringBuilder();
    md.append("Base case: a pod of 8 containers (each with an endpoint on a dynamic host port, a TCP health check, ")
        .append("an env var and a volume mount, on a bridge network) against one agent's offer of cpus 32, ")
        .append("mem 32768 and disk 32768 as one resource each and ports 20000-20999 as one range; each table ")
        .append("varies one dimension.\n\n");
    md.append("| containers per pod | per pipeline | per container | alloc/op | output (LAUNCH_GROUP) | output per container |\n")
        .append("|---:|---:|---:|---:|---:|---:|\n");
    Map<String, Long> out = outputBytes().getOrDefault("containers", Map.of());
    for (String v : CONTAINERS) {
      Optional<Score> s = scale("containers", v);
      int n = Integer.parseInt(v);
      md.append("| ").append(v).append(" | ").append(time(s)).append(" | ")
          .append(s.map(x -> duration(x.ns() / n)).orElse("not measured")).append(" | ")
          .append(s.map(Score::bytesPerOp).map(Report::bytes).orElse("-")).append(" | ")
          .append(out.containsKey(v) ? bytes(out.get(v)) : "-").append(" | ")
          .append(out.containsKey(v) ? bytes(out.get(v) / (double) n) : "-").append(" |\n");
    }
    md.append("\nPer container at 128 ÷ per container at 8: **").append(times(containersLinearity()))
        .append("** (target ≤ 1.5×). The output itself grows faster than the pod: ")
        .append(outputNote()).append("\n\n");
    md.append("| resources per scalar kind | per pipeline | vs 1 | alloc/op |\n|---:|---:|---:|---:|\n");
    for (String v : FRAGMENTS) {
      Optional<Score> s = scale("fragments", v);
      md.append("| ").append(v).append(" | ").append(time(s)).append(" | ")
          .append(times(ratio(scaleNs("fragments", v), scaleNs("fragments", "1")))).append(" | ")
          .append(s.map(Score::bytesPerOp).map(Report::bytes).orElse("-")).append(" |\n");
    }
    md.append("\n1,024 fragments ÷ 1: **").append(times(fragmentsGrowth())).append("** (target ≤ 20×).\n\n");
    md.append("| port ranges (1,000 ports) | per pipeline | vs 1 | alloc/op |\n|---:|---:|---:|---:|\n");
    for (String v : PORT_RANGES) {
      Optional<Score> s = scale("portRanges", v);
      md.append("| ").append(v).append(" | ").append(time(s)).append(" | ")
          .append(times(ratio(scaleNs("portRanges", v), scaleNs("portRanges", "1")))).append(" | ")
          .append(s.map(Score::bytesPerOp).map(Report::bytes).orElse("-")).append(" |\n");
    }
    return md.toString();
  }

  /** "2025-01-01 12:00 UTC on 2 × CPU, ..., JDK ...; `benchmarks/run --quick` took 170 s; ...". */
  /** What the output's growth is, in a sentence. */
  String outputNote() {
    Double g = outputPerContainerGrowth();
    if (g == null) {
      return "(output sizes not computed).";
    }
    return "each task carries `ENDPOINT_*`, `EP_HOST_*` and `EP_CONTAINER_*` variables for every endpoint of the "
        + "pod, as in Marathon, so the LAUNCH_GROUP's bytes per container are " + times(g)
        + " larger at 128 containers than at 8.";
  }

  /** A warning for figures from a quick run, empty otherwise. */
  String caveat() {
    if (!"quick".equals(run.mode())) {
      return "";
    }
    return " A quick run gives each fork 4-22 s of warm-up and 1.5-2 s of measurement: its ratios are indicative, "
        + "and the scale scenarios, whose forks may not finish compiling in 8 s (the smallest pods suffer most), "
        + "are the least reliable; `benchmarks/run` (thorough) settles them.";
  }

  String machineLine() {
    String how = "quick".equals(run.mode()) ? "`benchmarks/run --quick`"
        : "thorough".equals(run.mode()) ? "`benchmarks/run`" : run.mode() == null ? null : run.mode() + " run";
    return machine.get("date") + " on " + machine.get("cpus") + " × " + machine.get("cpu_model")
        + ", " + machine.get("memory") + ", " + machine.get("os") + "; JDK " + machine.get("jdk") + " ("
        + machine.get("vm") + ")" + (how == null ? "" : "; " + how) + (run.seconds() == null ? ""
        : (how == null ? "; the run" : "") + " took " + run.seconds() + " s")
        + (run.loadBefore() == null ? "" : "; load average before the run: " + run.loadBefore()) + ".";
  }

  /** The README's Performance section, from its heading to the end (no following heading). */
  String readmeSection() {
    StringBuilder md = new StringBuilder();
    md.append(README_HEADING).append("\n\n");
    md.append("The [`benchmarks`](benchmarks/README.md) module measures podkit with JMH, each figure against a ")
        .append("baseline measured in the same run, so the ratios carry over between machines:\n\n")
        .append("- parse: the typical pod (two containers, endpoints, a health check, volumes, a secret) from JSON ")
        .append("to the model, against Jackson's own `readTree` of the same bytes;\n")
        .append("- validate: that pod, against the same `readTree`;\n")
        .append("- match + translate: that pod and the default offer, against protobuf's `parseFrom` of the resulting ")
        .append("`ExecutorInfo` + `TaskGroupInfo` bytes (the cost of merely materialising the output); the pre-flight ")
        .append("check of the resulting operation is reported against the same `parseFrom`;\n")
        .append("- pipeline: JSON → read → validate → match → translate → pre-flight → operations, against ")
        .append("`readTree` + `parseFrom`;\n")
        .append("- scale: the pipeline for 1 to 128 containers per pod, 1 to 1,024 offer fragments per resource and ")
        .append("1 to 1,000 port ranges; and bytes allocated per operation (`-prof gc`) for everything.\n\n");
    md.append("Latest figures, measured ").append(machineLine()).append(caveat()).append("\n\n");
    md.append(targetTable());
    md.append("\n| | podkit | baseline (same run) | ratio | alloc/op |\n|---|---:|---:|---:|---:|\n");
    readmeRow(md, "parse", PARSE, READ_TREE, "`readTree`");
    readmeRow(md, "validate", VALIDATE, READ_TREE, "`readTree`");
    readmeRow(md, "match + translate", TRANSLATE, PARSE_FROM, "`parseFrom`");
    readmeRow(md, "pre-flight check (no target)", PREFLIGHT, PARSE_FROM, "`parseFrom`");
    readmeRow(md, "pipeline", PIPELINE, PIPELINE_BASELINE, "`readTree` + `parseFrom`");
    md.append("\nScale: the whole pipeline per pod, from a base case of 8 containers (each with an endpoint on a ")
        .append("dynamic host port) against an offer with 1 resource per scalar kind and 1 port range, one dimension ")
        .append("varied at a time:\n\n");
    md.append("| dimension | time per pod | growth | limit |\n|---|---|---:|---:|\n");
    md.append("| containers per pod | ").append(series("containers", CONTAINERS))
        .append(" | per container, 128 vs 8: ").append(times(containersLinearity())).append(" | ≤ 1.5× |\n");
    String containerNote = "\nFor the containers series, note that the output itself grows faster than the pod: " + outputNote() + "\n";
    md.append("| resources per scalar kind | ").append(series("fragments", FRAGMENTS))
        .append(" | 1,024 vs 1: ").append(times(fragmentsGrowth())).append(" | ≤ 20× |\n");
    md.append("| port ranges (1,000 ports) | ").append(series("portRanges", PORT_RANGES))
        .append(" | 1,000 vs 1: ").append(times(portRangesGrowth())).append(" | |\n");
    md.append(containerNote);
    md.append("\nReproduce (JDK 17+, Maven 3.8+; builds what it needs):\n\n```bash\n")
        .append("benchmarks/run --quick                   # under 3 minutes on 2 cores\n")
        .append("benchmarks/run                           # thorough (~15 minutes): 2 forks, 10 measured seconds each\n")
        .append("benchmarks/run --quick --update-readme   # also rewrites this section\n```\n\n")
        .append("Both write `benchmarks/target/report.json` (ratios, scale in ns per pod, bytes allocated per ")
        .append("operation, targets met or missed, machine, raw scores) and `benchmarks/target/report.md`. ")
        .append("`mvn verify` runs no measurement, only a seconds-long smoke run (`BenchmarksSmokeTest`) proving ")
        .append("every benchmark still executes. Compare ratios rather than absolute times (the baselines absorb ")
        .append("the machine's speed), and measure on an otherwise idle machine.\n");
    return md.toString();
  }

  private String series(String dimension, String[] values) {
    StringBuilder b = new StringBuilder();
    for (String v : values) {
      Double ns = scaleNs(dimension, v);
      b.append(b.length() == 0 ? "" : " · ").append(v).append(": ").append(ns == null ? "not measured" : duration(ns));
    }
    return b.toString();
  }

  private void readmeRow(StringBuilder md, String label, String podkit, String baseline, String baselineName) {
    md.append("| ").append(label).append(" | ").append(plainTime(find(podkit))).append(" | ")
        .append(baselineName).append(" ").append(plainTime(find(baseline))).append(" | ")
        .append(times(ratio(ns(podkit), ns(baseline)))).append(" | ")
        .append(find(podkit).map(Score::bytesPerOp).map(Report::bytes).orElse("-")).append(" |\n");
  }

  /**
   * Replaces the Performance section of {@code readme} (from its heading to the next level-2
   * heading), or inserts it before "## Building and testing" (at the end if there is none).
   */
  void updateReadme(Path readme) throws IOException {
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    Files.writeString(readme, spliceReadme(text, readmeSection()), StandardCharsets.UTF_8);
  }

  static String spliceReadme(String text, String section) {
    String body = section.endsWith("\n") ? section : section + "\n";
    int start = headingAt(text, README_HEADING);
    if (start >= 0) {
      int end = nextLevel2Heading(text, start + README_HEADING.length());
      return text.substring(0, start) + body + (end < 0 ? "" : "\n" + text.substring(end));
    }
    int anchor = headingAt(text, README_ANCHOR);
    if (anchor >= 0) {
      return text.substring(0, anchor) + body + "\n" + text.substring(anchor);
    }
    return text + (text.endsWith("\n") ? "\n" : "\n\n") + body;
  }

  /** Offset of the line that is exactly {@code heading}, outside code fences; -1 if none. */
  private static int headingAt(String text, String heading) {
    int offset = 0;
    boolean fenced = false;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced && line.stripTrailing().equals(heading)) {
        return offset;
      }
      offset += line.length() + 1;
    }
    return -1;
  }

  /** Offset of the first level-2 (or level-1) heading line after {@code from}, outside fences; -1 if none. */
  private static int nextLevel2Heading(String text, int from) {
    int lineStart = text.indexOf('\n', from);
    if (lineStart < 0) {
      return -1;
    }
    lineStart++;
    boolean fenced = false;
    while (lineStart < text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
      if (line.startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced && (line.startsWith("## ") || line.startsWith("# "))) {
        return lineStart;
      }
      if (lineEnd < 0) {
        break;
      }
      lineStart = lineEnd + 1;
    }
    return -1;
  }

  String summary() {
    StringBuilder s = new StringBuilder();
    for (Target t : targets()) {
      s.append(String.format(Locale.ROOT, "%-22s %9s  (limit %s)  %s%n", t.key(), times(t.value()),
          times(t.max()), t.pass() == null ? "not measured" : t.pass() ? "met" : "MISSED"));
    }
    return s.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Reading JMH's JSON

  static Score score(JsonNode result) {
    String name = result.path("benchmark").asText();
    String shortName = name.startsWith(PACKAGE) ? name.substring(PACKAGE.length()) : name;
    Map<String, String> params = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = result.path("params").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      params.put(e.getKey(), e.getValue().asText());
    }
    JsonNode primary = result.path("primaryMetric");
    double toNs = nanosPer(primary.path("scoreUnit").asText("ns/op"));
    double score = primary.path("score").asDouble() * toNs;
    Double error = number(primary.path("scoreError"));
    Double bytes = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = result.path("secondaryMetrics").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().endsWith("gc.alloc.rate.norm")) {
        bytes = number(e.getValue().path("score"));
      }
    }
    return new Score(shortName, params, score, error == null ? null : error * toNs, bytes);
  }

  /** Nanoseconds in the time unit of a JMH average-time score ("ns/op", "us/op", ...). */
  static double nanosPer(String unit) {
    String u = unit.contains("/") ? unit.substring(0, unit.indexOf('/')) : unit;
    return switch (u) {
      case "ns" -> 1;
      case "us", "µs" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "min" -> 60e9;
      default -> throw new IllegalArgumentException("not an average-time unit: " + unit
          + " (run the benchmarks in avgt mode)");
    };
  }

  private static Double number(JsonNode node) {
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isTextual()) {
      try {
        double d = Double.parseDouble(node.asText());
        return Double.isFinite(d) ? d : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }

  // ---------------------------------------------------------------------------------------------
  // The machine

  private static Map<String, Object> machine(JsonNode first) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
    m.put("cpus", Runtime.getRuntime().availableProcessors());
    m.put("cpu_model", cpuModel());
    m.put("memory", memory());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    String jdk = text(first, "jdkVersion");
    String vm = text(first, "vmName");
    String vmVersion = text(first, "vmVersion");
    m.put("jdk", jdk != null ? jdk : System.getProperty("java.version"));
    m.put("vm", (vm != null ? vm : System.getProperty("java.vm.name")) + " "
        + (vmVersion != null ? vmVersion : System.getProperty("java.vm.version")));
    m.put("java_vendor", System.getProperty("java.vendor"));
    return m;
  }

  private static String cpuModel() {
    for (String line : lines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name") && line.contains(":")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return System.getProperty("os.arch") + " (model unknown)";
  }

  private static String memory() {
    for (String line : lines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        String[] parts = line.trim().split("\\s+");
        try {
          return Math.round(Long.parseLong(parts[1]) / 1024.0 / 1024.0) + " GiB RAM";
        } catch (RuntimeException e) {
          break;
        }
      }
    }
    return "RAM unknown";
  }

  private static List<String> lines(Path path) {
    try {
      return Files.isReadable(path) ? Files.readAllLines(path) : List.of();
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Formatting

  static String duration(double ns) {
    if (ns < 1e3) {
      return String.format(Locale.ROOT, "%.0f ns", ns);
    } else if (ns < 1e6) {
      return String.format(Locale.ROOT, "%.1f µs", ns / 1e3);
    } else if (ns < 1e9) {
      return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
  }

  static String time(Optional<Score> score) {
    if (score.isEmpty()) {
      return "not measured";
    }
    Score s = score.get();
    return s.errorNs() == null ? duration(s.ns()) : duration(s.ns()) + " ± " + duration(s.errorNs());
  }

  static String plainTime(Optional<Score> score) {
    return score.map(s -> duration(s.ns())).orElse("not measured");
  }

  static String times(Double ratio) {
    if (ratio == null) {
      return "not measured";
    }
    return ratio < 10 ? String.format(Locale.ROOT, "%.2f×", ratio) : String.format(Locale.ROOT, "%.1f×", ratio);
  }

  static String bytes(double b) {
    if (b < 1024) {
      return String.format(Locale.ROOT, "%.0f B", b);
    } else if (b < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", b / 1024);
    }
    return String.format(Locale.ROOT, "%.2f MiB", b / 1024 / 1024);
  }

  /** {@code d} rounded to {@code places} decimals, written plainly in JSON (never 1.2E7). */
  private static BigDecimal round(Double d, int places) {
    return d == null ? null : BigDecimal.valueOf(d).setScale(places, RoundingMode.HALF_UP);
  }

  private static Map<String, BigDecimal> round(Map<String, Double> m, int places) {
    Map<String, BigDecimal> r = new LinkedHashMap<>();
    m.forEach((k, v) -> r.put(k, round(v, places)));
    return r;
  }
}
