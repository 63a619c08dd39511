package io.podkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every document in {@code src/test/resources/fuzz-regressions/}: inputs that once broke an
 * invariant (found by {@link FixtureMutationFuzzTest} or by the hostile-input audit), each through
 * {@link LaunchChain} with every reader mode and validator configuration it chooses among.
 */
class FuzzRegressionsTest {
  static Stream<Path> regressions() throws Exception {
    Path dir = Path.of(FuzzRegressionsTest.class.getResource("/fuzz-regressions").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("regressions")
  void aFormerFailureKeepsEveryInvariant(Path document) throws Exception {
    byte[] bytes = Files.readAllBytes(document);
    for (long seed = 0; seed < 8; seed++) {
      assertThat(LaunchChain.check(bytes, new SplittableRandom(seed))).as("%s with choice seed %s", document, seed)
          .isNull();
    }
  }
}
