package io.podkit.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podkit.model.Pod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our counterparts of every JSON example in Marathon's docs and tests (fixtures/examples, with
 * their expected verdicts in verdicts.properties): each reads in lenient mode and survives
 * read → write, or is rejected for the reader rule the verdict names.
 */
class ExampleFixturesTest {
  private static final String DIR = "/fixtures/examples/";
  private static final Properties VERDICTS = load();

  static Stream<String> pods() {
    return VERDICTS.stringPropertyNames().stream().sorted()
        .filter(f -> !verdict(f).equals("fragment") && !verdict(f).equals("rejected-by-reader"));
  }

  static Stream<String> fragments() {
    return VERDICTS.stringPropertyNames().stream().sorted().filter(f -> verdict(f).equals("fragment"));
  }

  @Test
  void everyFixtureHasAVerdict() throws Exception {
    java.nio.file.Path dir = java.nio.file.Path.of(ExampleFixturesTest.class.getResource(DIR).toURI());
    try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json")))
          .containsExactlyInAnyOrderElementsOf(VERDICTS.stringPropertyNames())
          .hasSize(33);
    }
    assertThat(VERDICTS.values()).allMatch(v -> Set.of("valid", "valid-with-default-network", "valid-with-secrets",
        "valid-if-role-not-star", "rejected-by-reader", "rejected-by-validation", "fragment").contains(v));
  }

  @ParameterizedTest
  @MethodSource("pods")
  void readsInLenientModeAndSurvivesReadThenWrite(String file) {
    String json = fixture(file);
    ReadResult result = PodReader.lenient().read(json);
    assertThat(result.errors()).as(file).isEmpty();

    String written = PodWriter.pretty().write(result.pod().orElseThrow());

    assertThat(JsonEquivalence.canonical(JsonEquivalence.tree(written), Set.of()))
        .as(file + " written back")
        .isEqualTo(JsonEquivalence.canonical(JsonEquivalence.tree(json), warnedPointers(result)));
    assertThat(PodReader.strict().read(written).pod()).contains(result.pod().orElseThrow());
  }

  @ParameterizedTest
  @MethodSource("pods")
  void strictModeObjectsOnlyToUnknownFields(String file) {
    ReadResult lenient = PodReader.lenient().read(fixture(file));
    ReadResult strict = PodReader.strict().read(fixture(file));
    assertThat(strict.errors()).allMatch(e -> e.rule() == ReadRule.UNKNOWN_FIELD);
    assertThat(strict.errors()).extracting(ReadProblem::path).isEqualTo(
        lenient.warnings().stream().map(ReadProblem::path).collect(Collectors.toList()));
  }

  @Test
  void unknownFieldsOfTheExamplesAreWarnedAboutInLenientMode() {
    assertThat(warnings("docs__docs__rest-api__public__api__v2__examples__pod.json"))
        .containsExactly("/scaling/maxInstances");
    assertThat(warnings("tests__system__pods__private-docker-pod.json"))
        .containsExactly("/containers(0)/image/force");
    assertThat(warnings("pods-md-3.json")).containsExactly("/scaling/maxInstances");
  }

  @ParameterizedTest
  @MethodSource("fragments")
  void fragmentsReadAsPartOfAMinimalPod(String file) {
    JsonNode fragment = JsonEquivalence.tree(fixture(file));
    ObjectNode pod = (ObjectNode) JsonEquivalence.tree("""
        {"id": "/fragment-host", "containers": [{"name": "main", "resources": {}}]}""");
    ObjectNode container = (ObjectNode) pod.get("containers").get(0);
    fragment.fields().forEachRemaining(e -> {
      boolean containerLevel = Set.of("volumeMounts", "image").contains(e.getKey());
      (containerLevel ? container : pod).set(e.getKey(), e.getValue());
    });
    String json = pod.toString();

    ReadResult result = PodReader.strict().read(json);

    assertThat(result.errors()).as(file).isEmpty();
    assertThat(JsonEquivalence.canonical(JsonEquivalence.tree(PodWriter.compact().write(result.pod().orElseThrow())),
        Set.of())).isEqualTo(JsonEquivalence.canonical(pod, Set.of()));
  }

  /** secrets.md's pods omit the container's required {@code resources} key. */
  @ParameterizedTest
  @MethodSource("rejectedByReader")
  void secretsDocExamplesAreRejectedForTheMissingResources(String file) {
    ReadResult result = PodReader.lenient().read(fixture(file));
    assertThat(result.ok()).isFalse();
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.rule()).isEqualTo(ReadRule.REQUIRED);
      assertThat(e.path().marathon()).isEqualTo("/containers(0)/resources");
      assertThat(e.message()).contains("\"resources\" is required");
      assertThat(e.line()).isPositive();
    });
  }

  static Stream<String> rejectedByReader() {
    return VERDICTS.stringPropertyNames().stream().sorted().filter(f -> verdict(f).equals("rejected-by-reader"));
  }

  @Test
  void theRejectedByReaderExamplesAreExactlyTheSecretsDocOnes() {
    assertThat(rejectedByReader()).containsExactly("secrets-md-1.json", "secrets-md-2.json");
  }

  /**
   * Marathon rejects test-pod.json while reading (upper-case container names, R-27). podkit's
   * reader checks shape, not name patterns (pod-validation does, for read and built pods alike), so
   * it reads; the names come through unchanged for the validator to reject.
   */
  @Test
  void testPodWithUpperCaseNamesReadsForTheValidatorToJudge() {
    Pod pod = PodReader.strict().read(fixture("tests__system__pods__test-pod.json")).orElseThrow();
    assertThat(pod.containers()).extracting(c -> c.name()).anyMatch(n -> !n.equals(n.toLowerCase()));
  }

  private static Set<String> warnedPointers(ReadResult result) {
    return result.warnings().stream().map(ReadProblem::pointer).collect(Collectors.toSet());
  }

  private static java.util.List<String> warnings(String file) {
    return PodReader.lenient().read(fixture(file)).warnings().stream()
        .map(w -> w.path().marathon()).collect(Collectors.toList());
  }

  private static String verdict(String file) {
    return VERDICTS.getProperty(file);
  }

  static String fixture(String file) {
    try (InputStream in = ExampleFixturesTest.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = ExampleFixturesTest.class.getResourceAsStream(DIR + "verdicts.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
