package io.podkit.model.json;

import static io.podkit.model.json.PodDocuments.containerWith;
import static io.podkit.model.json.PodDocuments.podWith;
import static io.podkit.model.json.PodDocuments.withResources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.podkit.model.Pod;
import io.podkit.model.Resources;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Strict and lenient reading (DESIGN 2): in strict mode an unknown field is an error naming the path,
 * line, column and the closest known field; in lenient mode it is a warning. Fields that Marathon
 * users try on pods but pods do not support are limitation errors in both modes.
 */
class StrictModeTest {

  /** A pod with a typo in a top-level key, pretty-printed over several lines. */
  private static final String TYPO_IN_CONTAINERS = """
      {
        "id": "/typo",
        "contianers": [
          {
            "name": "web",
            "resources": {"cpus": 0.5, "mem": 64}
          }
        ]
      }
      """;

  // ================================================================ unknown fields

  @Test
  void strictModeReportsMisspeltFieldWithSuggestionLineAndColumnAndTheMissingRequiredField() {
    ReadResult result = PodReader.strict().read(TYPO_IN_CONTAINERS);

    assertThat(result.pod()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    // Errors are collected: the typo and the member it leaves missing are both reported.
    assertThat(result.errors())
        .extracting(ReadProblem::rule, p -> p.path().marathon())
        .containsExactlyInAnyOrder(
            tuple(ReadRule.UNKNOWN_FIELD, "/contianers"),
            tuple(ReadRule.REQUIRED, "/containers"));

    ReadProblem typo = only(result, ReadRule.UNKNOWN_FIELD);
    assertThat(typo.message()).contains("did you mean \"containers\"?").contains("\"contianers\"");
    // Line 3 of the text block; column 3 is the opening quote of the key (two spaces of indentation).
    assertThat(typo.line()).isEqualTo(3);
    assertThat(typo.column()).isEqualTo(3);
    assertThat(new int[] {typo.line(), typo.column()})
        .containsExactly(positionOf(TYPO_IN_CONTAINERS, "\"contianers\""));
    assertThat(typo.pointer()).isEqualTo("/contianers");

    ReadProblem missing = only(result, ReadRule.REQUIRED);
    assertThat(missing.message()).contains("\"containers\" is required");
    // An absent member is reported where its object starts.
    assertThat(missing.line()).isEqualTo(1);
    assertThat(missing.column()).isEqualTo(1);
  }

  @Test
  void lenientModeWarnsAboutMisspeltFieldButStillRequiresTheRealOne() {
    ReadResult result = PodReader.lenient().read(TYPO_IN_CONTAINERS);

    assertThat(result.pod()).isEmpty();
    assertThat(result.errors())
        .extracting(ReadProblem::rule, p -> p.path().marathon())
        .containsExactly(tuple(ReadRule.REQUIRED, "/containers"));
    assertThat(result.warnings())
        .extracting(ReadProblem::rule, p -> p.path().marathon(), ReadProblem::line, ReadProblem::column)
        .containsExactly(tuple(ReadRule.UNKNOWN_FIELD, "/contianers", 3, 3));
    assertThat(result.warnings().get(0).message()).contains("did you mean \"containers\"?").contains("ignored");
  }

  @Test
  void lenientModeReadsThePodAndIgnoresTheUnknownField() {
    String doc = """
        {
          "id": "/p",
          "containers": [{"name": "c", "resources": {"cpus": 2}}],
          "maxInstances": 4
        }""";

    ReadResult lenient = PodReader.lenient().read(doc);
    ReadResult strict = PodReader.strict().read(doc);

    assertThat(lenient.errors()).isEmpty();
    assertThat(lenient.pod()).isPresent();
    assertThat(lenient.warnings())
        .extracting(ReadProblem::rule, p -> p.path().marathon(), ReadProblem::line, ReadProblem::column)
        .containsExactly(tuple(ReadRule.UNKNOWN_FIELD, "/maxInstances", 4, 3));
    assertThat(strict.pod()).isEmpty();
    assertThat(strict.errors())
        .extracting(ReadProblem::rule, p -> p.path().marathon(), ReadProblem::line, ReadProblem::column)
        .containsExactly(tuple(ReadRule.UNKNOWN_FIELD, "/maxInstances", 4, 3));
  }

  static Stream<Arguments> nestedTypos() {
    return Stream.of(
        arguments(withResources("""
            {"cpu": 0.5}"""), "/containers(0)/resources/cpu", "cpus"),
        arguments(podWith("""
            "scheduling": {"upgrade": {"minimumHealthCapcity": 0.5}}"""),
            "/scheduling/upgrade/minimumHealthCapcity", "minimumHealthCapacity"),
        arguments(containerWith("""
            "endpoints": [{"name": "web", "hostport": 80}]"""), "/containers(0)/endpoints(0)/hostport", "hostPort"),
        arguments(containerWith("""
            "imgae": {"kind": "DOCKER", "id": "nginx"}"""), "/containers(0)/imgae", "image"),
        arguments(containerWith("""
            "endpoints": [{"name": "web"}], "healthCheck": {"http": {"endpoint": "web", "shceme": "HTTP"}}"""),
            "/containers(0)/healthCheck/http/shceme", "scheme"),
        arguments(podWith("""
            "scaling": {"kind": "fixed", "instance": 2}"""), "/scaling/instance", "instances"),
        arguments(podWith("""
            "scheduling": {"unreachableStrategy": {"inactiveAfterSecond": 60}}"""),
            "/scheduling/unreachableStrategy/inactiveAfterSecond", "inactiveAfterSeconds"),
        arguments(podWith("""
            "volumes": [{"name": "v", "persistent": {"size": 1, "maxsize": 2}}]"""),
            "/volumes(0)/persistent/maxsize", "maxSize"),
        arguments(containerWith("""
            "linuxInfo": {"seccomp": {"unconfined": true, "profilename": "x"}}"""),
            "/containers(0)/linuxInfo/seccomp/profilename", "profileName"),
        arguments(podWith("""
            "secrets": {"db": {"source": "vault/db", "sorce": "x"}}"""), "/secrets/db/sorce", "source"),
        arguments(containerWith("""
            "volumeMounts": [{"name": "v", "mountPath": "/data", "readonly": true}]"""),
            "/containers(0)/volumeMounts(0)/readonly", "readOnly"),
        arguments(containerWith("""
            "exec": {"command": {"shell": "true"}, "overideEntrypoint": true}"""),
            "/containers(0)/exec/overideEntrypoint", "overrideEntrypoint"));
  }

  @ParameterizedTest(name = "{1} -> did you mean {2}?")
  @MethodSource("nestedTypos")
  void nestedUnknownFieldIsAnErrorInStrictModeWithSuggestion(String doc, String path, String suggestion) {
    String key = "\"" + path.substring(path.lastIndexOf('/') + 1) + "\"";
    int[] at = positionOf(doc, key);

    ReadResult strict = PodReader.strict().read(doc);
    assertThat(strict.pod()).isEmpty();
    assertThat(strict.warnings()).isEmpty();
    assertThat(strict.errors())
        .extracting(ReadProblem::rule, p -> p.path().marathon(), ReadProblem::line, ReadProblem::column)
        .containsExactly(tuple(ReadRule.UNKNOWN_FIELD, path, at[0], at[1]));
    assertThat(strict.errors().get(0).message()).endsWith("did you mean \"" + suggestion + "\"?");

    ReadResult lenient = PodReader.lenient().read(doc);
    assertThat(lenient.errors()).isEmpty();
    assertThat(lenient.pod()).isPresent();
    assertThat(lenient.warnings())
        .extracting(ReadProblem::rule, p -> p.path().marathon(), ReadProblem::line, ReadProblem::column)
        .containsExactly(tuple(ReadRule.UNKNOWN_FIELD, path, at[0], at[1]));
    assertThat(lenient.warnings().get(0).message()).contains("did you mean \"" + suggestion + "\"?");
  }

  @Test
  void lenientModeIgnoresTheMisspeltResourceSoTheDefaultApplies() {
    Pod pod = PodReader.lenient().read(withResources("""
        {"cpu": 0.5}""")).orElseThrow();

    assertThat(pod.containers().get(0).resources()).isEqualTo(Resources.defaults());
  }

  @Test
  void unknownFieldWithNoCloseMatchListsTheKnownFields() {
    String doc = withResources("""
        {"cpus": 1, "zzzzqqq": 1}""");

    ReadResult strict = PodReader.strict().read(doc);

    ReadProblem problem = only(strict, ReadRule.UNKNOWN_FIELD);
    assertThat(problem.path().marathon()).isEqualTo("/containers(0)/resources/zzzzqqq");
    assertThat(problem.message())
        .doesNotContain("did you mean")
        .contains("unknown field \"zzzzqqq\" in resources")
        .endsWith("known fields are cpus, mem, disk, gpus");
  }

  @Test
  void unknownTopLevelFieldWithNoCloseMatchListsThePodFields() {
    ReadProblem problem = only(PodReader.strict().read(podWith("""
        "foo": 1""")), ReadRule.UNKNOWN_FIELD);

    assertThat(problem.path().marathon()).isEqualTo("/foo");
    assertThat(problem.message()).doesNotContain("did you mean")
        .contains("known fields are id, labels, version, user, environment, containers, secrets, volumes");
  }

  @Test
  void everyUnknownFieldIsReportedNotJustTheFirst() {
    String doc = """
        {
          "id": "/p",
          "lables": {"a": "b"},
          "containers": [
            {"name": "c", "resources": {"cpu": 1, "memory": 64}}
          ],
          "schedulng": {}
        }""";

    ReadResult result = PodReader.strict().read(doc);

    assertThat(result.errors())
        .extracting(ReadProblem::rule, p -> p.path().marathon(), ReadProblem::line, ReadProblem::column)
        .containsExactlyInAnyOrder(
            tuple(ReadRule.UNKNOWN_FIELD, "/lables", 3, 3),
            tuple(ReadRule.UNKNOWN_FIELD, "/containers(0)/resources/cpu", 5, 33),
            tuple(ReadRule.UNKNOWN_FIELD, "/containers(0)/resources/memory", 5, 43),
            tuple(ReadRule.UNKNOWN_FIELD, "/schedulng", 7, 3));
    // The expected columns above, counted by hand, agree with the text.
    assertThat(positionOf(doc, "\"cpu\"")).containsExactly(5, 33);
    assertThat(positionOf(doc, "\"memory\"")).containsExactly(5, 43);
  }

  @Test
  void byteInputReportsTheSameCharacterColumnAsTextInput() {
    String doc = "{\"id\": \"/\u00e9\u00e9\u00e9\", \"contianers\": []}";
    int[] at = positionOf(doc, "\"contianers\"");

    ReadProblem fromText = only(PodReader.strict().read(doc), ReadRule.UNKNOWN_FIELD);
    ReadProblem fromBytes = only(PodReader.strict().read(doc.getBytes(StandardCharsets.UTF_8)), ReadRule.UNKNOWN_FIELD);

    assertThat(new int[] {fromText.line(), fromText.column()}).containsExactly(at);
    assertThat(new int[] {fromBytes.line(), fromBytes.column()}).containsExactly(at);
  }

  @Test
  void mapKeysAreDataNotFieldsSoTheyAreNeverUnknown() {
    ReadResult result = PodReader.strict().read(podWith("""
        "labels": {"contianers": "x", "id": "y"}, "secrets": {"volumes": {"source": "s"}}"""));

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.pod().orElseThrow().labels()).containsEntry("contianers", "x");
  }

  // ================================================================ limitation fields

  /** Where a limitation field is put, and the path of the object it lands in. */
  enum Site {
    POD("") {
      @Override
      String doc(String member) {
        return podWith(member);
      }
    },
    CONTAINER("/containers(0)") {
      @Override
      String doc(String member) {
        return containerWith(member);
      }
    },
    ENDPOINT("/containers(0)/endpoints(0)") {
      @Override
      String doc(String member) {
        return containerWith("\"endpoints\": [{\"name\": \"web\", \"containerPort\": 80, " + member + "}]");
      }
    },
    HEALTH_CHECK("/containers(0)/healthCheck") {
      @Override
      String doc(String member) {
        return containerWith("\"endpoints\": [{\"name\": \"web\", \"containerPort\": 80}], "
            + "\"healthCheck\": {\"http\": {\"endpoint\": \"web\"}, " + member + "}");
      }
    },
    CHECK("/containers(0)/check") {
      @Override
      String doc(String member) {
        return containerWith("\"endpoints\": [{\"name\": \"web\", \"containerPort\": 80}], "
            + "\"check\": {\"tcp\": {\"endpoint\": \"web\"}, " + member + "}");
      }
    },
    VOLUME("/volumes(0)") {
      @Override
      String doc(String member) {
        return podWith("\"volumes\": [{\"name\": \"v\", " + member + "}]");
      }
    };

    final String path;

    Site(String path) {
      this.path = path;
    }

    abstract String doc(String member);
  }

  static Stream<Arguments> limitations() {
    Stream<Arguments> rows = Stream.of(
        // DESIGN 2: top level
        arguments(Site.POD, "readinessChecks", """
            [{"name": "ready", "portName": "http", "path": "/ready"}]""",
            ReadRule.LIMITATION_READINESS_CHECKS, "pods do not support readiness checks"),
        arguments(Site.POD, "dependencies", "[\"/db\"]",
            ReadRule.LIMITATION_DEPENDENCIES, "pods do not support dependencies"),
        arguments(Site.POD, "storeUrls", "[\"http://store/a.tgz\"]",
            ReadRule.LIMITATION_STORE_URLS, "pods do not support storeUrls"),
        arguments(Site.POD, "ports", "[8080]", ReadRule.LIMITATION_PORTS, "pods do not support ports"),
        arguments(Site.POD, "portDefinitions", """
            [{"port": 0, "name": "http"}]""", ReadRule.LIMITATION_PORTS, "portDefinitions"),
        arguments(Site.POD, "requirePorts", "true", ReadRule.LIMITATION_PORTS, "requirePorts"),
        arguments(Site.POD, "instances", "3", ReadRule.LIMITATION_INSTANCES, "instance count in scaling"),
        arguments(Site.POD, "healthChecks", """
            [{"protocol": "HTTP", "path": "/"}]""",
            ReadRule.LIMITATION_HEALTH_CHECKS, "pods do not support top-level healthChecks"),
        arguments(Site.POD, "container", """
            {"type": "DOCKER", "docker": {"image": "nginx"}}""",
            ReadRule.LIMITATION_CONTAINER_TYPE, "no app-style container"),
        // endpoint
        arguments(Site.ENDPOINT, "servicePort", "10000",
            ReadRule.LIMITATION_SERVICE_PORTS, "pods do not support service ports"),
        // app-style health-check fields
        arguments(Site.HEALTH_CHECK, "protocol", "\"MESOS_HTTP\"", ReadRule.LIMITATION_APP_HEALTH_CHECK, "protocol"),
        arguments(Site.HEALTH_CHECK, "portIndex", "0", ReadRule.LIMITATION_APP_HEALTH_CHECK, "portIndex"),
        arguments(Site.HEALTH_CHECK, "port", "8080", ReadRule.LIMITATION_APP_HEALTH_CHECK, "port"),
        arguments(Site.HEALTH_CHECK, "ignoreHttp1xx", "false", ReadRule.LIMITATION_APP_HEALTH_CHECK, "ignoreHttp1xx"),
        arguments(Site.HEALTH_CHECK, "ipProtocol", "\"IPv4\"", ReadRule.LIMITATION_APP_HEALTH_CHECK, "ipProtocol"),
        arguments(Site.HEALTH_CHECK, "path", "\"/health\"", ReadRule.LIMITATION_APP_HEALTH_CHECK, "path"),
        arguments(Site.HEALTH_CHECK, "command", "{\"value\": \"true\"}", ReadRule.LIMITATION_APP_HEALTH_CHECK,
            "command"),
        arguments(Site.CHECK, "protocol", "\"TCP\"", ReadRule.LIMITATION_APP_HEALTH_CHECK, "protocol"),
        arguments(Site.CHECK, "portIndex", "0", ReadRule.LIMITATION_APP_HEALTH_CHECK, "portIndex"),
        // container
        arguments(Site.CONTAINER, "type", "\"DOCKER\"", ReadRule.LIMITATION_CONTAINER_TYPE,
            "Mesos containerizer only"),
        arguments(Site.CONTAINER, "readinessChecks", "[]", ReadRule.LIMITATION_READINESS_CHECKS,
            "pods do not support readiness checks"),
        arguments(Site.CONTAINER, "healthChecks", "[]", ReadRule.LIMITATION_HEALTH_CHECKS, "one healthCheck"),
        arguments(Site.CONTAINER, "portMappings", "[{\"containerPort\": 80}]", ReadRule.LIMITATION_PORTS,
            "portMappings"),
        // app-style volume fields
        arguments(Site.VOLUME, "containerPath", "\"data\"", ReadRule.LIMITATION_APP_VOLUME, "containerPath"),
        arguments(Site.VOLUME, "mode", "\"RW\"", ReadRule.LIMITATION_APP_VOLUME, "mode"),
        arguments(Site.VOLUME, "external", """
            {"name": "ebs", "provider": "dvdi"}""", ReadRule.LIMITATION_APP_VOLUME, "external"));
    return rows.flatMap(row -> Stream.of(true, false).map(strict -> {
      Object[] a = row.get();
      return arguments(a[0], a[1], strict ? "strict" : "lenient", a[2], a[3], a[4]);
    }));
  }

  @ParameterizedTest(name = "{0} {1} in {2} mode -> {4}")
  @MethodSource("limitations")
  void limitationFieldIsAnErrorNamingTheLimitationInBothModes(Site site, String field, String mode, String value,
      ReadRule rule, String messageFragment) {
    String doc = site.doc("\"" + field + "\": " + value);
    PodReader reader = mode.equals("strict") ? PodReader.strict() : PodReader.lenient();
    int[] at = positionOf(doc, "\"" + field + "\"");

    ReadResult result = reader.read(doc);

    assertThat(result.pod()).as("pod from %s", doc).isEmpty();
    assertThat(result.warnings()).as("warnings reading %s", doc).isEmpty();
    assertThat(result.errors()).as("errors reading %s", doc)
        .extracting(ReadProblem::rule, p -> p.path().marathon(), ReadProblem::line, ReadProblem::column)
        .containsExactly(tuple(rule, site.path + "/" + field, at[0], at[1]));
    ReadProblem problem = result.errors().get(0);
    assertThat(problem.rule().isLimitation()).isTrue();
    assertThat(problem.message()).contains(messageFragment).doesNotContain("unknown field");
  }

  @Test
  void limitationExampleFromTheDesignReadsAsWritten() {
    ReadProblem problem = only(PodReader.lenient().read(podWith("""
        "readinessChecks": []""")), ReadRule.LIMITATION_READINESS_CHECKS);

    assertThat(problem.message())
        .isEqualTo("pods do not support readiness checks; use a container healthCheck or check");
    assertThat(problem.rule().id()).isEqualTo("limitation.readiness-checks");
  }

  @Test
  void limitationErrorsAndUnknownFieldsAreAllCollected() {
    String doc = podWith("""
        "instances": 2, "ports": [80], "dependencies": [], "rol": "dev\"""");

    ReadResult lenient = PodReader.lenient().read(doc);

    assertThat(lenient.errors())
        .extracting(ReadProblem::rule, p -> p.path().marathon())
        .containsExactlyInAnyOrder(
            tuple(ReadRule.LIMITATION_INSTANCES, "/instances"),
            tuple(ReadRule.LIMITATION_PORTS, "/ports"),
            tuple(ReadRule.LIMITATION_DEPENDENCIES, "/dependencies"));
    assertThat(lenient.warnings())
        .extracting(ReadProblem::rule, p -> p.path().marathon())
        .containsExactly(tuple(ReadRule.UNKNOWN_FIELD, "/rol"));
  }

  // ================================================================ helpers

  /** The single problem of {@code rule} among the errors of {@code result}. */
  static ReadProblem only(ReadResult result, ReadRule rule) {
    List<ReadProblem> matching = result.errors().stream().filter(p -> p.rule() == rule).toList();
    assertThat(matching).as("%s errors in %s", rule, result.errors()).hasSize(1);
    return matching.get(0);
  }

  /** 1-based line and column of the last occurrence of {@code needle} in {@code text}. */
  static int[] positionOf(String text, String needle) {
    int index = text.lastIndexOf(needle);
    assertThat(index).as("%s in %s", needle, text).isNotNegative();
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, index - lineStart + 1};
  }
}
