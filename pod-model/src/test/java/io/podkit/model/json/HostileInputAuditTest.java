package io.podkit.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.EnvValue;
import io.podkit.model.Pod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regressions of the end-to-end hostile-input audit (docs/invariants.md, "Hostile input") that the
 * reader answers for: text that is not Unicode, special files, and the numbers and characters the
 * README's limits table lists.
 */
class HostileInputAuditTest {
  private static final String POD = "{\"id\": \"/p\", \"containers\": [{\"name\": \"c\", \"resources\": {}, %s}]}";

  private static String pod(String members) {
    return String.format(POD, members);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\"environment\": {\"A\": \"\\ud800\"}",
      "\"environment\": {\"A\": \"x\\udc00\"}",
      "\"labels\": {\"\\ud800\": \"v\"}",
      "\"exec\": {\"command\": {\"argv\": [\"ok\", \"\\ud83d\\ude00\\ud800\"]}}",
      "\"labels\": {\"k\": \"\\ude00\\ud83d\"}"})
  void anUnpairedSurrogateEscapeIsAnEncodingErrorNotTextMesosWouldGarble(String members) {
    // JSON can spell an unpaired surrogate; it has no UTF-8 form, so protobuf would send "?" instead.
    for (PodReader reader : List.of(PodReader.strict(), PodReader.lenient())) {
      ReadResult result = reader.read(pod(members));
      assertThat(result.ok()).isFalse();
      assertThat(result.errors()).singleElement().satisfies(e -> {
        assertThat(e.rule()).isEqualTo(ReadRule.ENCODING);
        assertThat(e.message()).contains("unpaired UTF-16 surrogate");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isPositive();
      });
      assertThat(reader.read(pod(members).getBytes(StandardCharsets.UTF_8)).errors()).isEqualTo(result.errors());
    }
  }

  @Test
  void aRawUnpairedSurrogateInTextIsAnEncodingErrorToo() {
    ReadResult result = PodReader.strict().read(pod("\"environment\": {\"A\": \"\ud800\"}"));

    assertThat(result.errors()).extracting(ReadProblem::rule).containsExactly(ReadRule.ENCODING);
  }

  @Test
  void surrogatePairsAndEveryScriptReadFine() {
    String members = "\"environment\": {\"EMOJI\": \"\\ud83d\\ude00 \ud83d\ude00\", \"RTL\": \"\u05e9\u05dc\u05d5\u05dd \u202e\","
        + " \"COMBINING\": \"e\u0301\", \"NUL\": \"a\\u0000b\"}";

    Pod pod = PodReader.strict().read(pod(members)).orElseThrow();

    assertThat(pod.containers().get(0).environment()).containsEntry("EMOJI",
        new EnvValue.Literal("\ud83d\ude00 \ud83d\ude00")).containsEntry("NUL", new EnvValue.Literal("a\u0000b"));
  }

  @Test
  void aSpecialFileIsReadNoFurtherThanTheLimit() throws IOException {
    Path zero = Path.of("/dev/zero");
    Assumptions.assumeTrue(Files.isReadable(zero), "no /dev/zero here");
    PodReader reader = PodReader.strict().withLimits(ReadLimits.DEFAULT.withMaxDocumentBytes(1_000));

    ReadResult result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> reader.read(zero));

    assertThat(result.errors()).extracting(ReadProblem::rule).containsExactly(ReadRule.LIMIT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "-1e400", "9223372036854775808", "-9223372036854775809", "1e308"})
  void numbersBeyondTheirFieldAreNumberErrors(String number) {
    ReadResult cpus = PodReader.strict().read(pod("\"lifecycle\": {\"killGracePeriodSeconds\": " + number + "}"));
    ReadResult port = PodReader.strict().read(pod("\"endpoints\": [{\"name\": \"e\", \"hostPort\": " + number + "}]"));

    // A double field takes any finite number (2^63 too); only an infinite one is out of range.
    assertThat(cpus.errors()).extracting(ReadProblem::rule)
        .isEqualTo(number.contains("e400") ? List.of(ReadRule.NUMBER) : List.of());
    assertThat(port.errors()).extracting(ReadProblem::rule).containsExactly(ReadRule.NUMBER);
  }

  @Test
  void negativeZeroKeepsItsSignAndNaNAsAStringIsATypeError() {
    Pod pod = PodReader.strict().read(pod("\"lifecycle\": {\"killGracePeriodSeconds\": -0}")).orElseThrow();
    assertThat(pod.containers().get(0).lifecycle().orElseThrow().killGracePeriodSeconds()).contains(-0.0);

    ReadResult nan = PodReader.strict().read(pod("\"lifecycle\": {\"killGracePeriodSeconds\": \"NaN\"}"));
    assertThat(nan.errors()).extracting(ReadProblem::rule).containsExactly(ReadRule.TYPE);
  }
}
