package io.podkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.arbitrary.PodArbitraries;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** translation-rules C.3.6: the NAME of {@code ENDPOINT_<NAME>}. */
class EndpointVariableNameTest {
  @Test
  void upperCasesAndJoinsRunsOfOtherCharactersIntoOneUnderscore() {
    assertThat(Endpoint.variableName("webapp-tls")).isEqualTo("WEBAPP_TLS");
    assertThat(Endpoint.variableName("a--b")).isEqualTo("A_B");
    assertThat(Endpoint.variableName("a_-b")).isEqualTo("A__B");
    assertThat(Endpoint.variableName("-x-")).isEqualTo("_X_");
    assertThat(Endpoint.builder("http-2").build().variableName()).isEqualTo("HTTP_2");
  }

  /** The rule as the reference states it: upper case, then every run of [^A-Z0-9_] becomes one underscore. */
  @Property(tries = 2000)
  void agreesWithTheRegexOfTheRule(@ForAll("names") String name) {
    String expected = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]+", "_");
    assertThat(Endpoint.variableName(name)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.oneOf(PodArbitraries.strings(),
        Arbitraries.strings().withChars("ab-_.Z9\u00df\u00e9 ").ofMaxLength(10));
  }
}
