package io.podkit.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podkit.model.Pod;
import java.io.UncheckedIOException;

/**
 * Pod documents and read/write assertions shared by the reader tests ({@link ReaderRulesTest},
 * {@link StrictModeTest}, {@link UnionVariantsTest}): start from a minimal valid pod, change one thing.
 */
final class PodDocuments {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PodDocuments() {}

  /** A minimal valid pod (one container "c" with default resources) plus top-level {@code members}. */
  static String podWith(String members) {
    return "{\"id\": \"/p\", \"containers\": [{\"name\": \"c\", \"resources\": {}}], " + members + "}";
  }

  /** A minimal valid pod whose only container also has {@code members}. */
  static String containerWith(String members) {
    return "{\"id\": \"/p\", \"containers\": [{\"name\": \"c\", \"resources\": {}, " + members + "}]}";
  }

  /** A minimal pod whose only container has {@code resources}. */
  static String withResources(String resources) {
    return "{\"id\": \"/p\", \"containers\": [{\"name\": \"c\", \"resources\": " + resources + "}]}";
  }

  /** Reads {@code json} strictly, expecting a pod and no problems at all. */
  static Pod readOk(String json) {
    ReadResult result = PodReader.strict().read(json);
    assertThat(result.errors()).as("errors reading %s", json).isEmpty();
    assertThat(result.warnings()).as("warnings reading %s", json).isEmpty();
    return result.pod().orElseThrow();
  }

  /**
   * Expects {@code json} to fail with exactly one error, {@code rule} at {@code path}, in both strict
   * and lenient mode (shape errors do not depend on the mode), at a real line and column; returns the
   * strict one.
   */
  static ReadProblem rejected(String json, ReadRule rule, String path) {
    ReadResult lenient = PodReader.lenient().read(json);
    assertThat(lenient.pod()).as("lenient pod from %s", json).isEmpty();
    assertThat(lenient.errors()).as("lenient errors reading %s", json)
        .extracting(ReadProblem::rule, p -> p.path().marathon())
        .containsExactly(tuple(rule, path));

    ReadResult strict = PodReader.strict().read(json);
    assertThat(strict.pod()).as("strict pod from %s", json).isEmpty();
    assertThat(strict.errors()).as("strict errors reading %s", json)
        .extracting(ReadProblem::rule, p -> p.path().marathon())
        .containsExactly(tuple(rule, path));
    ReadProblem problem = strict.errors().get(0);
    assertThat(problem.line()).as("line of %s", problem).isPositive();
    assertThat(problem.column()).as("column of %s", problem).isPositive();
    return problem;
  }

  /** The pod written by {@link PodWriter}, parsed back as a Jackson tree. */
  static JsonNode written(Pod pod) {
    return tree(PodWriter.compact().write(pod));
  }

  /** {@code json} parsed as a Jackson tree (any JSON value, not only a pod). */
  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
