package io.podkit.model.json;

import static io.podkit.model.json.PodDocuments.containerWith;
import static io.podkit.model.json.PodDocuments.podWith;
import static io.podkit.model.json.PodDocuments.readOk;
import static io.podkit.model.json.PodDocuments.rejected;
import static io.podkit.model.json.PodDocuments.tree;
import static io.podkit.model.json.PodDocuments.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import io.podkit.model.Check;
import io.podkit.model.CheckKind;
import io.podkit.model.Command;
import io.podkit.model.Container;
import io.podkit.model.EnvValue;
import io.podkit.model.HealthCheck;
import io.podkit.model.HttpScheme;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.PersistentVolumeType;
import io.podkit.model.Pod;
import io.podkit.model.ResourceLimit;
import io.podkit.model.ResourceLimits;
import io.podkit.model.ScalingPolicy;
import io.podkit.model.UnreachableStrategy;
import io.podkit.model.Volume;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every union of the pod format: each variant is read into its own record (chosen by the keys
 * present) and written back with the same JSON; a variant with bad contents is an error at the exact
 * path with the right rule, never silently read as another variant (DESIGN 2, "No silent fallbacks").
 *
 * <p>Value rules (sizes, patterns, minimums) are pod-validation's job, so a variant whose values are
 * merely out of range is still read.
 */
class UnionVariantsTest {
  // ================================================================ Volume

  @Test
  void volumeVariantsAreChosenByTheirKeysAndWrittenBack() {
    String doc = podWith("""
        "volumes": [
          {"name": "scratch"},
          {"name": "logs", "host": "/var/log"},
          {"name": "creds", "secret": "db-password"},
          {"name": "data", "persistent": {"type": "mount", "size": 1024, "maxSize": 2048,
                                          "profileName": "fast", "constraints": [["path", "LIKE", "/mnt/ssd.*"]]}},
          {"name": "small", "persistent": {"size": 5}}
        ]""");

    Pod pod = readOk(doc);

    assertThat(pod.volumes()).containsExactly(
        new Volume.Ephemeral("scratch"),
        new Volume.Host("logs", "/var/log"),
        new Volume.SecretVolume("creds", "db-password"),
        new Volume.Persistent("data", new PersistentVolumeInfo(Optional.of(PersistentVolumeType.MOUNT), 1024,
            Optional.of(2048L), Optional.of("fast"), List.of(List.of("path", "LIKE", "/mnt/ssd.*")))),
        new Volume.Persistent("small", PersistentVolumeInfo.ofSize(5)));
    assertThat(written(pod).at("/volumes")).isEqualTo(tree(doc).at("/volumes"));
  }

  @Test
  void volumeKeyWithNullValueIsAbsentSoTheVolumeIsEphemeral() {
    Pod pod = readOk(podWith("""
        "volumes": [{"name": "v", "host": null, "secret": null, "persistent": null}]"""));

    assertThat(pod.volumes()).containsExactly(new Volume.Ephemeral("v"));
    assertThat(written(pod).at("/volumes/0")).isEqualTo(tree("""
        {"name": "v"}"""));
  }

  @Test
  void persistentVolumeWithNegativeSizeIsStillPersistentBecauseSizeIsAValueRule() {
    Pod pod = readOk(podWith("""
        "volumes": [{"name": "v", "persistent": {"size": -1}}]"""));

    assertThat(pod.volumes()).containsExactly(new Volume.Persistent("v", PersistentVolumeInfo.ofSize(-1)));
  }

  @Test
  void persistentVolumeWithoutSizeIsRequiredErrorNotEphemeral() {
    ReadProblem problem = rejected(volume("""
        {"name": "v", "persistent": {}}"""), ReadRule.REQUIRED, "/volumes(0)/persistent/size");

    assertThat(problem.message()).contains("\"size\" is required");
  }

  @Test
  void persistentVolumeWithUnknownTypeIsEnumErrorNotEphemeral() {
    ReadProblem problem = rejected(volume("""
        {"name": "v", "persistent": {"size": 1, "type": "block"}}"""), ReadRule.ENUM, "/volumes(0)/persistent/type");

    assertThat(problem.message()).contains("\"block\"").contains("root, path, mount");
  }

  @Test
  void hostVolumeWithNumberHostIsTypeErrorNotEphemeral() {
    // Marathon silently read this as an ephemeral volume.
    ReadProblem problem = rejected(volume("""
        {"name": "v", "host": 42}"""), ReadRule.TYPE, "/volumes(0)/host");

    assertThat(problem.message()).isEqualTo("expected a string, found a number");
  }

  @Test
  void volumeWithKeysOfTwoVariantsIsUnionError() {
    ReadProblem problem = rejected(volume("""
        {"name": "v", "host": "/x", "secret": "s"}"""), ReadRule.UNION, "/volumes(0)");

    assertThat(problem.message()).contains("found secret and host");
  }

  static Stream<Arguments> malformedVolumes() {
    return Stream.of(
        // Marathon: persistent wins over host; podkit: ambiguous.
        arguments("""
            {"name": "v", "persistent": {"size": 1}, "host": "/x"}""", ReadRule.UNION, "/volumes(0)"),
        arguments("""
            {"name": "v", "persistent": {"size": 1}, "secret": "s", "host": "/x"}""", ReadRule.UNION, "/volumes(0)"),
        arguments("""
            {"name": "v", "persistent": "big"}""", ReadRule.TYPE, "/volumes(0)/persistent"),
        arguments("""
            {"name": "v", "persistent": {"size": "1"}}""", ReadRule.TYPE, "/volumes(0)/persistent/size"),
        arguments("""
            {"name": "v", "persistent": {"size": 1.5}}""", ReadRule.NUMBER, "/volumes(0)/persistent/size"),
        arguments("""
            {"name": "v", "persistent": {"size": null}}""", ReadRule.REQUIRED, "/volumes(0)/persistent/size"),
        arguments("""
            {"name": "v", "persistent": {"size": 1, "maxSize": "2"}}""", ReadRule.TYPE,
            "/volumes(0)/persistent/maxSize"),
        arguments("""
            {"name": "v", "persistent": {"size": 1, "constraints": ["path"]}}""", ReadRule.TYPE,
            "/volumes(0)/persistent/constraints(0)"),
        arguments("""
            {"name": "v", "secret": 42}""", ReadRule.TYPE, "/volumes(0)/secret"),
        arguments("""
            {"name": "v", "secret": {"source": "s"}}""", ReadRule.TYPE, "/volumes(0)/secret"),
        arguments("""
            {"name": "v", "host": ["/x"]}""", ReadRule.TYPE, "/volumes(0)/host"),
        arguments("""
            {"host": "/x"}""", ReadRule.REQUIRED, "/volumes(0)/name"),
        arguments("""
            {"name": 7}""", ReadRule.TYPE, "/volumes(0)/name"),
        arguments("""
            "scratch\"""", ReadRule.TYPE, "/volumes(0)"));
  }

  @ParameterizedTest(name = "{0} -> {1} at {2}")
  @MethodSource("malformedVolumes")
  void malformedVolumeIsRejectedAtItsPath(String volume, ReadRule rule, String path) {
    rejected(volume(volume), rule, path);
  }

  // ================================================================ Command

  /** The three places a command appears: exec, an exec health check and an exec check. */
  enum CommandSite {
    EXEC("\"exec\": {\"command\": %s}", "/containers(0)/exec/command",
        c -> c.exec().orElseThrow().command()),
    HEALTH_CHECK("\"healthCheck\": {\"exec\": {\"command\": %s}}", "/containers(0)/healthCheck/exec/command",
        c -> ((CheckKind.Exec) c.healthCheck().orElseThrow().kind()).command()),
    CHECK("\"check\": {\"exec\": {\"command\": %s}}", "/containers(0)/check/exec/command",
        c -> ((CheckKind.Exec) c.check().orElseThrow().kind()).command());

    final String template;
    final String path;
    final Function<Container, Command> command;

    CommandSite(String template, String path, Function<Container, Command> command) {
      this.template = template;
      this.path = path;
      this.command = command;
    }

    String doc(String commandJson) {
      return containerWith(template.replace("%s", commandJson));
    }

    /** The JSON pointer of the command in a written pod. */
    String pointer() {
      return path.replace("(0)", "/0");
    }
  }

  @ParameterizedTest
  @EnumSource(CommandSite.class)
  void shellCommandIsReadAsShellAndWrittenBack(CommandSite site) {
    Pod pod = readOk(site.doc("""
        {"shell": "sleep 100"}"""));

    assertThat(site.command.apply(pod.containers().get(0))).isEqualTo(new Command.Shell("sleep 100"));
    assertThat(written(pod).at(site.pointer())).isEqualTo(tree("""
        {"shell": "sleep 100"}"""));
  }

  @ParameterizedTest
  @EnumSource(CommandSite.class)
  void argvCommandIsReadAsArgvAndWrittenBack(CommandSite site) {
    Pod pod = readOk(site.doc("""
        {"argv": ["/bin/app", "--flag", ""]}"""));

    assertThat(site.command.apply(pod.containers().get(0)))
        .isInstanceOf(Command.Argv.class)
        .isEqualTo(new Command.Argv(List.of("/bin/app", "--flag", "")));
    assertThat(written(pod).at(site.pointer())).isEqualTo(tree("""
        {"argv": ["/bin/app", "--flag", ""]}"""));
  }

  @ParameterizedTest
  @EnumSource(CommandSite.class)
  void commandKeyWithNullValueIsAbsent(CommandSite site) {
    Pod pod = readOk(site.doc("""
        {"shell": "true", "argv": null}"""));

    assertThat(site.command.apply(pod.containers().get(0))).isEqualTo(new Command.Shell("true"));
  }

  static Stream<Arguments> malformedCommands() {
    List<Arguments> cases = List.of(
        // Marathon silently preferred shell; podkit reports the ambiguity.
        arguments("""
            {"shell": "x", "argv": ["y"]}""", ReadRule.UNION, "", "found shell and argv"),
        arguments("{}", ReadRule.UNION, "", "found none"),
        arguments("""
            {"shell": null, "argv": null}""", ReadRule.UNION, "", "found none"),
        arguments("""
            {"shell": 42}""", ReadRule.TYPE, "/shell", "expected a string, found a number"),
        arguments("""
            {"argv": "ls -l"}""", ReadRule.TYPE, "/argv", "expected an array, found a string"),
        arguments("""
            {"argv": ["ls", 1]}""", ReadRule.TYPE, "/argv(1)", "expected a string, found a number"),
        arguments("""
            "sleep 100\"""", ReadRule.TYPE, "", "expected a command (a JSON object), found a string"),
        arguments("""
            ["sleep", "100"]""", ReadRule.TYPE, "", "expected a command (a JSON object), found an array"));
    return Stream.of(CommandSite.values())
        .flatMap(site -> cases.stream().map(c -> {
          Object[] a = c.get();
          return arguments(site, a[0], a[1], a[2], a[3]);
        }));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2} at ...{3}")
  @MethodSource("malformedCommands")
  void malformedCommandIsRejectedAtItsPath(CommandSite site, String command, ReadRule rule, String subPath,
      String message) {
    ReadProblem problem = rejected(site.doc(command), rule, site.path + subPath);

    assertThat(problem.message()).contains(message);
  }

  // ================================================================ EnvValue

  /** Environment maps exist on the pod and on each container. */
  enum EnvSite {
    POD("/environment") {
      @Override
      String doc(String env) {
        return podWith("\"environment\": " + env);
      }

      @Override
      Map<String, EnvValue> environment(Pod pod) {
        return pod.environment();
      }
    },
    CONTAINER("/containers(0)/environment") {
      @Override
      String doc(String env) {
        return containerWith("\"environment\": " + env);
      }

      @Override
      Map<String, EnvValue> environment(Pod pod) {
        return pod.containers().get(0).environment();
      }
    };

    final String path;

    EnvSite(String path) {
      this.path = path;
    }

    abstract String doc(String env);

    abstract Map<String, EnvValue> environment(Pod pod);

    String pointer() {
      return path.replace("(0)", "/0");
    }
  }

  @ParameterizedTest
  @EnumSource(EnvSite.class)
  void envValuesAreLiteralsOrSecretRefsAndWrittenBack(EnvSite site) {
    String doc = site.doc("""
        {"PLAIN": "x", "EMPTY": "", "DB_PASSWORD": {"secret": "db"}}""");

    Pod pod = readOk(doc);

    assertThat(site.environment(pod)).containsExactly(
        Map.entry("PLAIN", new EnvValue.Literal("x")),
        Map.entry("EMPTY", new EnvValue.Literal("")),
        Map.entry("DB_PASSWORD", new EnvValue.SecretRef("db")));
    assertThat(written(pod).at(site.pointer())).isEqualTo(tree(doc).at(site.pointer()));
  }

  static Stream<Arguments> malformedEnvValues() {
    List<Arguments> cases = List.of(
        arguments("42", ReadRule.TYPE, "", "found a number"),
        arguments("true", ReadRule.TYPE, "", "found a boolean"),
        arguments("null", ReadRule.TYPE, "", "found null"),
        arguments("[\"x\"]", ReadRule.TYPE, "", "found an array"),
        arguments("""
            {"secret": 42}""", ReadRule.TYPE, "/secret", "expected a string, found a number"),
        arguments("""
            {"secret": null}""", ReadRule.REQUIRED, "/secret", "\"secret\" is required"),
        arguments("{}", ReadRule.REQUIRED, "/secret", "\"secret\" is required"));
    return Stream.of(EnvSite.values())
        .flatMap(site -> cases.stream().map(c -> {
          Object[] a = c.get();
          return arguments(site, a[0], a[1], a[2], a[3]);
        }));
  }

  @ParameterizedTest(name = "{0}: V = {1} -> {2} at ...{3}")
  @MethodSource("malformedEnvValues")
  void malformedEnvValueIsRejectedAtItsPath(EnvSite site, String value, ReadRule rule, String subPath,
      String message) {
    ReadProblem problem = rejected(site.doc("{\"V\": " + value + "}"), rule, site.path + "/V" + subPath);

    assertThat(problem.message()).contains(message);
    if (rule == ReadRule.TYPE && subPath.isEmpty()) {
      assertThat(problem.message()).startsWith("expected a string or a secret reference");
    }
  }

  @ParameterizedTest
  @EnumSource(EnvSite.class)
  void envSecretRefWithMisspeltKeyIsAnErrorNotALiteral(EnvSite site) {
    String doc = site.doc("""
        {"V": {"secretx": "a"}}""");

    ReadResult strict = PodReader.strict().read(doc);
    assertThat(strict.pod()).isEmpty();
    assertThat(strict.errors())
        .extracting(ReadProblem::rule, p -> p.path().marathon())
        .containsExactlyInAnyOrder(
            tuple(ReadRule.UNKNOWN_FIELD, site.path + "/V/secretx"),
            tuple(ReadRule.REQUIRED, site.path + "/V/secret"));
    assertThat(strict.errors())
        .filteredOn(p -> p.rule() == ReadRule.UNKNOWN_FIELD)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("did you mean \"secret\"?"));

    ReadResult lenient = PodReader.lenient().read(doc);
    assertThat(lenient.pod()).isEmpty();
    assertThat(lenient.errors())
        .extracting(ReadProblem::rule, p -> p.path().marathon())
        .containsExactly(tuple(ReadRule.REQUIRED, site.path + "/V/secret"));
    assertThat(lenient.warnings())
        .extracting(ReadProblem::rule, p -> p.path().marathon())
        .containsExactly(tuple(ReadRule.UNKNOWN_FIELD, site.path + "/V/secretx"));
  }

  // ================================================================ CheckKind

  /** Health checks and checks share the http / tcp / exec union. */
  enum CheckSite {
    HEALTH_CHECK("healthCheck", c -> c.healthCheck().map(HealthCheck::kind).orElseThrow()),
    CHECK("check", c -> c.check().map(Check::kind).orElseThrow());

    final String field;
    final Function<Container, CheckKind> kind;

    CheckSite(String field, Function<Container, CheckKind> kind) {
      this.field = field;
      this.kind = kind;
    }

    String path() {
      return "/containers(0)/" + field;
    }

    /** A pod whose container has endpoint "web" and this check, given as JSON. */
    String doc(String check) {
      return containerWith("\"endpoints\": [{\"name\": \"web\", \"containerPort\": 80}], \"" + field + "\": "
          + check);
    }
  }

  @ParameterizedTest
  @EnumSource(CheckSite.class)
  void checkKindVariantsAreChosenByTheirKeyAndWrittenBack(CheckSite site) {
    String doc = """
        {
          "id": "/p",
          "containers": [
            {"name": "a", "resources": {}, "endpoints": [{"name": "web", "containerPort": 80}],
             "FIELD": {"http": {"endpoint": "web", "path": "/ping", "scheme": "HTTPS"}, "intervalSeconds": 30}},
            {"name": "b", "resources": {}, "endpoints": [{"name": "db", "containerPort": 5432}],
             "FIELD": {"tcp": {"endpoint": "db"}, "timeoutSeconds": 5}},
            {"name": "c", "resources": {},
             "FIELD": {"exec": {"command": {"shell": "test -f /ready"}}, "delaySeconds": 1}},
            {"name": "d", "resources": {}, "endpoints": [{"name": "web2", "containerPort": 81}],
             "FIELD": {"http": {"endpoint": "web2"}}}
          ]
        }""".replace("FIELD", site.field);

    Pod pod = readOk(doc);

    assertThat(pod.containers()).extracting(site.kind).containsExactly(
        new CheckKind.Http("web", Optional.of("/ping"), Optional.of(HttpScheme.HTTPS)),
        new CheckKind.Tcp("db"),
        new CheckKind.Exec(new Command.Shell("test -f /ready")),
        new CheckKind.Http("web2", Optional.empty(), Optional.empty()));
    JsonNode written = written(pod);
    for (int i = 0; i < 4; i++) {
      String pointer = "/containers/" + i + "/" + site.field;
      assertThat(written.at(pointer)).as(pointer).isEqualTo(tree(doc).at(pointer));
    }
  }

  @ParameterizedTest
  @EnumSource(CheckSite.class)
  void checkKindKeysWithNullValueAreAbsent(CheckSite site) {
    Pod pod = readOk(site.doc("""
        {"http": null, "tcp": {"endpoint": "web"}, "exec": null}"""));

    assertThat(site.kind.apply(pod.containers().get(0))).isEqualTo(new CheckKind.Tcp("web"));
  }

  static Stream<Arguments> malformedCheckKinds() {
    List<Arguments> cases = List.of(
        arguments("""
            {"http": {"endpoint": "web"}, "tcp": {"endpoint": "web"}}""", ReadRule.UNION, "", "found http and tcp"),
        arguments("""
            {"tcp": {"endpoint": "web"}, "exec": {"command": {"shell": "true"}}}""", ReadRule.UNION, "",
            "found tcp and exec"),
        arguments("{}", ReadRule.UNION, "", "found none"),
        arguments("""
            {"intervalSeconds": 10}""", ReadRule.UNION, "", "found none"),
        arguments("""
            {"http": null, "tcp": null, "exec": null}""", ReadRule.UNION, "", "found none"),
        arguments("""
            {"http": {}}""", ReadRule.REQUIRED, "/http/endpoint", "\"endpoint\" is required"),
        arguments("""
            {"http": {"endpoint": "web", "scheme": "ftp"}}""", ReadRule.ENUM, "/http/scheme", "HTTP, HTTPS"),
        arguments("""
            {"http": "web"}""", ReadRule.TYPE, "/http", "found a string"),
        arguments("""
            {"tcp": "web"}""", ReadRule.TYPE, "/tcp", "found a string"),
        arguments("""
            {"tcp": {"endpoint": 80}}""", ReadRule.TYPE, "/tcp/endpoint", "expected a string, found a number"),
        arguments("""
            {"exec": {}}""", ReadRule.REQUIRED, "/exec/command", "\"command\" is required"),
        arguments("""
            {"exec": {"command": {}}}""", ReadRule.UNION, "/exec/command", "found none"),
        arguments("""
            {"exec": {"command": "true"}}""", ReadRule.TYPE, "/exec/command", "found a string"),
        arguments("""
            {"tcp": {"endpoint": "web"}, "intervalSeconds": "10"}""", ReadRule.TYPE, "/intervalSeconds",
            "expected a whole number, found a string"));
    return Stream.of(CheckSite.values())
        .flatMap(site -> cases.stream().map(c -> {
          Object[] a = c.get();
          return arguments(site, a[0], a[1], a[2], a[3]);
        }));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2} at ...{3}")
  @MethodSource("malformedCheckKinds")
  void malformedCheckKindIsRejectedAtItsPath(CheckSite site, String check, ReadRule rule, String subPath,
      String message) {
    ReadProblem problem = rejected(site.doc(check), rule, site.path() + subPath);

    assertThat(problem.message()).contains(message);
  }

  // ================================================================ UnreachableStrategy

  static Stream<Arguments> unreachableStrategies() {
    return Stream.of(
        arguments("\"disabled\"", UnreachableStrategy.disabled(), "\"disabled\""),
        arguments("""
            {"inactiveAfterSeconds": 60, "expungeAfterSeconds": 600}""",
            UnreachableStrategy.enabled(60, 600), """
            {"inactiveAfterSeconds": 60, "expungeAfterSeconds": 600}"""),
        arguments("""
            {"inactiveAfterSeconds": 0}""",
            new UnreachableStrategy.Enabled(Optional.of(0L), Optional.empty()), """
            {"inactiveAfterSeconds": 0}"""),
        // An empty object is the enabled strategy with both members absent (defaults 0 / 0).
        arguments("{}", new UnreachableStrategy.Enabled(Optional.empty(), Optional.empty()), "{}"),
        arguments("""
            {"inactiveAfterSeconds": null, "expungeAfterSeconds": null}""",
            new UnreachableStrategy.Enabled(Optional.empty(), Optional.empty()), "{}"),
        // Negative seconds are a value rule (pod-validation), not a shape error.
        arguments("""
            {"inactiveAfterSeconds": -1}""",
            new UnreachableStrategy.Enabled(Optional.of(-1L), Optional.empty()), """
            {"inactiveAfterSeconds": -1}"""));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("unreachableStrategies")
  void unreachableStrategyVariantsAreReadAndWrittenBack(String json, UnreachableStrategy expected,
      String writtenJson) {
    Pod pod = readOk(podWith("\"scheduling\": {\"unreachableStrategy\": " + json + "}"));

    assertThat(pod.scheduling().orElseThrow().unreachableStrategy()).contains(expected);
    assertThat(written(pod).at("/scheduling/unreachableStrategy")).isEqualTo(tree(writtenJson));
  }

  static Stream<Arguments> malformedUnreachableStrategies() {
    return Stream.of(
        // Marathon read any string as "disabled".
        arguments("\"foo\"", ReadRule.UNION, "", "found \"foo\""),
        arguments("\"\"", ReadRule.UNION, "", "found \"\""),
        arguments("\"enabled\"", ReadRule.UNION, "", "found \"enabled\""),
        // Marathon read any other JSON as enabled(0, 0).
        arguments("42", ReadRule.TYPE, "", "found a number"),
        arguments("true", ReadRule.TYPE, "", "found a boolean"),
        arguments("[]", ReadRule.TYPE, "", "found an array"),
        arguments("""
            {"inactiveAfterSeconds": "60"}""", ReadRule.TYPE, "/inactiveAfterSeconds",
            "expected a whole number, found a string"),
        arguments("""
            {"expungeAfterSeconds": 1.5}""", ReadRule.NUMBER, "/expungeAfterSeconds", "1.5"),
        arguments("""
            {"expungeAfterSeconds": 9223372036854775808}""", ReadRule.NUMBER, "/expungeAfterSeconds",
            "64-bit"));
  }

  @ParameterizedTest(name = "{0} -> {1} at ...{2}")
  @MethodSource("malformedUnreachableStrategies")
  void malformedUnreachableStrategyIsRejectedAtItsPath(String json, ReadRule rule, String subPath, String message) {
    ReadProblem problem = rejected(podWith("\"scheduling\": {\"unreachableStrategy\": " + json + "}"), rule,
        "/scheduling/unreachableStrategy" + subPath);

    assertThat(problem.message()).contains(message);
  }

  // ================================================================ ResourceLimit

  @Test
  void resourceLimitVariantsAreReadAndWrittenBack() {
    String doc = """
        {
          "id": "/p",
          "containers": [
            {"name": "a", "resources": {"cpus": 1, "mem": 128}, "resourceLimits": {"cpus": 2, "mem": "unlimited"}},
            {"name": "b", "resources": {}, "resourceLimits": {"cpus": "unlimited", "mem": 4096.5}},
            {"name": "c", "resources": {}, "resourceLimits": {"cpus": 0.5}},
            {"name": "d", "resources": {}, "resourceLimits": {}}
          ]
        }""";

    Pod pod = readOk(doc);

    assertThat(pod.containers()).extracting(c -> c.resourceLimits().orElseThrow()).containsExactly(
        new ResourceLimits(Optional.of(new ResourceLimit.Limited(2.0)), Optional.of(ResourceLimit.unlimited())),
        new ResourceLimits(Optional.of(ResourceLimit.unlimited()), Optional.of(new ResourceLimit.Limited(4096.5))),
        new ResourceLimits(Optional.of(new ResourceLimit.Limited(0.5)), Optional.empty()),
        new ResourceLimits(Optional.empty(), Optional.empty()));
    assertThat(pod.containers().get(0).resourceLimits().orElseThrow().mem().orElseThrow())
        .isInstanceOf(ResourceLimit.Unlimited.class);
    JsonNode written = written(pod);
    for (int i = 0; i < 4; i++) {
      String pointer = "/containers/" + i + "/resourceLimits";
      assertThat(written.at(pointer)).as(pointer).isEqualTo(tree(doc).at(pointer));
    }
  }

  static Stream<Arguments> malformedResourceLimits() {
    return Stream.of(
        // Marathon accepted any string at read time.
        arguments("\"lots\"", ReadRule.UNION, "found \"lots\""),
        arguments("\"\"", ReadRule.UNION, "found \"\""),
        arguments("\"unlimited \"", ReadRule.UNION, "found \"unlimited \""),
        arguments("\"2\"", ReadRule.UNION, "found \"2\""),
        arguments("true", ReadRule.TYPE, "expected a number or \"unlimited\", found a boolean"),
        arguments("{}", ReadRule.TYPE, "found an object"),
        arguments("[2]", ReadRule.TYPE, "found an array"),
        arguments("1e400", ReadRule.NUMBER, "too large"));
  }

  @ParameterizedTest(name = "cpus {0} -> {1}")
  @MethodSource("malformedResourceLimits")
  void malformedResourceLimitIsRejectedAtItsPath(String limit, ReadRule rule, String message) {
    ReadProblem problem = rejected(containerWith("\"resourceLimits\": {\"cpus\": " + limit + "}"), rule,
        "/containers(0)/resourceLimits/cpus");

    assertThat(problem.message()).contains(message);
  }

  @Test
  void malformedResourceLimitForMemIsReportedAtMem() {
    rejected(containerWith("""
        "resourceLimits": {"cpus": 1, "mem": "plenty"}"""), ReadRule.UNION, "/containers(0)/resourceLimits/mem");
  }

  // ================================================================ ScalingPolicy

  static Stream<Arguments> scalingPolicies() {
    return Stream.of(
        arguments("""
            {"kind": "fixed", "instances": 3}""", ScalingPolicy.fixed(3), """
            {"kind": "fixed", "instances": 3}"""),
        arguments("""
            {"kind": "fixed", "instances": 0}""", ScalingPolicy.fixed(0), """
            {"kind": "fixed", "instances": 0}"""),
        arguments("""
            {"kind": "fixed"}""", new ScalingPolicy.Fixed(Optional.empty()), """
            {"kind": "fixed"}"""),
        arguments("""
            {"kind": "fixed", "instances": null}""", new ScalingPolicy.Fixed(Optional.empty()), """
            {"kind": "fixed"}"""),
        // A negative count is a value rule (pod-validation V-27).
        arguments("""
            {"kind": "fixed", "instances": -1}""", ScalingPolicy.fixed(-1), """
            {"kind": "fixed", "instances": -1}"""));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("scalingPolicies")
  void fixedScalingIsReadAndWrittenBack(String json, ScalingPolicy expected, String writtenJson) {
    Pod pod = readOk(podWith("\"scaling\": " + json));

    assertThat(pod.scaling()).contains(expected);
    assertThat(pod.scaling().orElseThrow()).isInstanceOf(ScalingPolicy.Fixed.class);
    assertThat(written(pod).at("/scaling")).isEqualTo(tree(writtenJson));
  }

  static Stream<Arguments> malformedScalingPolicies() {
    return Stream.of(
        // The discriminator is matched literally, as in Marathon.
        arguments("""
            {"kind": "FIXED", "instances": 3}""", ReadRule.DISCRIMINATOR, "/scaling/kind"),
        arguments("""
            {"kind": "Fixed"}""", ReadRule.DISCRIMINATOR, "/scaling/kind"),
        arguments("""
            {"kind": "auto", "instances": 3}""", ReadRule.DISCRIMINATOR, "/scaling/kind"),
        arguments("""
            {"instances": 3}""", ReadRule.REQUIRED, "/scaling/kind"),
        arguments("""
            {"kind": null, "instances": 3}""", ReadRule.REQUIRED, "/scaling/kind"),
        arguments("""
            {"kind": 1}""", ReadRule.TYPE, "/scaling/kind"),
        // Marathon read these as 1 instance.
        arguments("""
            {"kind": "fixed", "instances": "3"}""", ReadRule.TYPE, "/scaling/instances"),
        arguments("""
            {"kind": "fixed", "instances": 1.5}""", ReadRule.NUMBER, "/scaling/instances"),
        arguments("""
            {"kind": "fixed", "instances": 2147483648}""", ReadRule.NUMBER, "/scaling/instances"),
        arguments("""
            {"kind": "fixed", "instances": true}""", ReadRule.TYPE, "/scaling/instances"),
        arguments("\"fixed\"", ReadRule.TYPE, "/scaling"),
        arguments("3", ReadRule.TYPE, "/scaling"));
  }

  @ParameterizedTest(name = "{0} -> {1} at {2}")
  @MethodSource("malformedScalingPolicies")
  void malformedScalingIsRejectedAtItsPath(String json, ReadRule rule, String path) {
    rejected(podWith("\"scaling\": " + json), rule, path);
  }

  @Test
  void scalingDiscriminatorMessageSaysItIsCaseSensitive() {
    ReadProblem problem = rejected(podWith("""
        "scaling": {"kind": "FIXED"}"""), ReadRule.DISCRIMINATOR, "/scaling/kind");

    assertThat(problem.message()).contains("exactly \"fixed\"").contains("found \"FIXED\"");
  }

  // ================================================================ helpers

  /** A minimal pod with one volume, at {@code /volumes(0)}. */
  static String volume(String volume) {
    return podWith("\"volumes\": [" + volume + "]");
  }
}
