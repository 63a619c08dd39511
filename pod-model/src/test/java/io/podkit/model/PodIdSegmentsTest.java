package io.podkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The segments of a pod id, from which every derived name is built, and the safe id (A.3). */
class PodIdSegmentsTest {
  @Test
  void dropsEmptySegmentsAndKeepsOrder() {
    assertThat(Pod.idSegments("/product//frontend/")).containsExactly("product", "frontend");
    assertThat(Pod.idSegments("relative/x")).containsExactly("relative", "x");
    assertThat(Pod.idSegments("/")).isEmpty();
    assertThat(Pod.idSegments("")).isEmpty();
    assertThat(Pod.safeId("/product/frontend")).isEqualTo("product_frontend");
  }

  /** As the reference states it: split at every slash, drop the empty pieces. */
  @Property(tries = 2000)
  void agreesWithSplittingAtSlashes(@ForAll("ids") String id) {
    assertThat(Pod.idSegments(id))
        .isEqualTo(Arrays.stream(id.split("/")).filter(s -> !s.isEmpty()).toList());
  }

  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.strings().withChars("ab_/-.").ofMaxLength(12);
  }
}
