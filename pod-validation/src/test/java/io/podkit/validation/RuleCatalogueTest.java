package io.podkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The rule catalogue is complete and stable: unique ids, each listed in the module README. */
class RuleCatalogueTest {
  @Test
  void ruleIdsAreUniqueAndKebabCase() {
    Set<String> ids = new HashSet<>();
    for (Rule rule : Rule.values()) {
      assertThat(ids.add(rule.id())).as("duplicate id %s", rule.id()).isTrue();
      assertThat(rule.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(rule.source()).isNotBlank();
      assertThat(rule.message()).isNotBlank();
    }
  }

  @Test
  void theReadmeListsEveryRuleWithItsMessage() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (Rule rule : Rule.values()) {
      assertThat(readme).contains("| `" + rule.id() + "` | " + rule.source() + " | "
          + rule.message().replace("|", "\\|") + " |");
    }
    Set<String> listed = Arrays.stream(readme.split("\n"))
        .filter(l -> l.startsWith("| `") && l.split("\\|").length > 3 && !l.contains("limitation."))
        .map(l -> l.substring(3, l.indexOf('`', 3)))
        .filter(id -> !id.startsWith("limitation") || id.equals("limitation-port-variables"))
        .collect(Collectors.toSet());
    assertThat(listed).containsAll(Arrays.stream(Rule.values()).map(Rule::id).toList());
  }

  @Test
  void formattingInsertsTheFoundValues() {
    assertThat(Rule.HEALTH_CHECK_TIMEOUT.format(20, 2)).isEqualTo("got 20, expected less than 2");
    assertThat(Rule.CONTAINER_NAMES_UNIQUE.format()).isEqualTo("container names must be unique");
  }
}
