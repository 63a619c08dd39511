package io.podkit.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.PodPath;
import org.junit.jupiter.api.Test;

/** The source map places any path of a read document, present or not. */
class SourceMapTest {
  private static final String DOC = """
      {
        "id": "/p",
        "containers": [
          {
            "name": "Main",
            "resources": {}
          },
          { "name": "side", "resources": { "cpus": 0.5 } }
        ]
      }
      """;

  private final SourceMap map = PodReader.strict().read(DOC).sourceMap();

  @Test
  void aMemberIsPlacedAtItsKey() {
    assertThat(map.positionOf(PodPath.of("containers", 0, "name"))).contains(new SourceMap.Position(5, 7));
    assertThat(map.positionOf(PodPath.of("id"))).contains(new SourceMap.Position(2, 3));
  }

  @Test
  void anArrayElementIsPlacedAtItsValue() {
    assertThat(map.positionOf(PodPath.of("containers", 1))).contains(new SourceMap.Position(8, 5));
    assertThat(map.positionOf(PodPath.of("containers", 1, "resources", "cpus")))
        .contains(new SourceMap.Position(8, 38));
  }

  @Test
  void anAbsentPathIsPlacedAtItsNearestPresentAncestor() {
    assertThat(map.positionOf(PodPath.of("containers", 0, "resources", "mem")))
        .contains(new SourceMap.Position(6, 7));
    assertThat(map.positionOf(PodPath.of("containers", 7, "name"))).contains(new SourceMap.Position(3, 3));
    assertThat(map.positionOf(PodPath.of("user"))).contains(new SourceMap.Position(1, 1));
    assertThat(map.positionOf(PodPath.root())).contains(new SourceMap.Position(1, 1));
  }

  @Test
  void podsThatDidNotComeFromADocumentHaveNoPositions() {
    assertThat(SourceMap.EMPTY.positionOf(PodPath.of("id"))).isEmpty();
    assertThat(PodReader.strict().read("[]").sourceMap().positionOf(PodPath.of("id"))).isEmpty();
  }
}
