package io.podkit.validation;

import static io.podkit.validation.TestPods.assertNoViolation;
import static io.podkit.validation.TestPods.assertViolations;
import static io.podkit.validation.TestPods.container;
import static io.podkit.validation.TestPods.pod;
import static io.podkit.validation.TestPods.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Pod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pod id as Marathon's PathId reads it (V-01..V-05) and unique container names (V-15). */
class PodRulesTest {
  private static ValidationReport withId(String id) {
    return validate(pod().id(id).build());
  }

  @Test
  @DisplayName("pod-id-not-empty")
  void podIdNotEmpty() {
    assertViolations(withId("/"), Rule.ID_NOT_EMPTY, "/id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"//", "", "///"})
  void idsWithoutSegmentsAreEmpty(String id) {
    assertViolations(withId(id), Rule.ID_NOT_EMPTY, "/id");
  }

  @Test
  void emptySegmentsAreDropped() {
    assertNoViolation(withId("/shop//web/"), Rule.ID_NOT_EMPTY);
    assertNoViolation(withId("/shop//web/"), Rule.ID_SEGMENT);
  }

  @Test
  @DisplayName("pod-id-absolute")
  void podIdAbsolute() {
    assertViolations(withId("shop/web"), Rule.ID_ABSOLUTE, "/id");
  }

  @Test
  @DisplayName("pod-id-segment")
  void podIdSegment() {
    assertViolations(withId("/Shop/web_1"), Rule.ID_SEGMENT, "/id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/shop/web", "/a.b-c/d1", "/x/./y", "/x/../y", "/0"})
  void segmentsOfLowerCaseDottedNamesOrDotsMatch(String id) {
    assertNoViolation(withId(id), Rule.ID_SEGMENT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/shop/web-", "/shop/-web", "/shop/a..b", "/shop/..."})
  void malformedSegmentsDoNotMatch(String id) {
    assertViolations(withId(id), Rule.ID_SEGMENT, "/id");
  }

  @Test
  @DisplayName("pod-id-reserved")
  void podIdReserved() {
    assertViolations(withId("/shop/restart"), Rule.ID_RESERVED, "/id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/shop/tasks", "/shop/versions", "/shop/.", "/shop/..", "/.."})
  void everyReservedLastSegmentIsRejected(String id) {
    assertViolations(withId(id), Rule.ID_RESERVED, "/id");
  }

  @Test
  void reservedWordsAreFineBeforeTheLastSegment() {
    assertNoViolation(withId("/tasks/web"), Rule.ID_RESERVED);
  }

  @Test
  @DisplayName("pod-id-not-child")
  void podIdNotChild() {
    ValidationReport report = withId("/shop/..");
    assertViolations(report, Rule.ID_NOT_CHILD, "/id");
    assertThat(report.of(Rule.ID_NOT_CHILD).get(0).message()).isEqualTo("Identifier is not child of '/shop'");
  }

  @Test
  void anyDotSegmentEscapesTheParent() {
    ValidationReport dotDot = withId("/a/../b");
    assertViolations(dotDot, Rule.ID_NOT_CHILD, "/id");
    assertThat(dotDot.of(Rule.ID_NOT_CHILD).get(0).message()).isEqualTo("Identifier is not child of '/a/..'");
    ValidationReport dot = withId("/a/./b");
    assertViolations(dot, Rule.ID_NOT_CHILD, "/id");
    assertThat(dot.of(Rule.ID_NOT_CHILD).get(0).message()).isEqualTo("Identifier is not child of '/a/.'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/..", "/web", "a/../b", "..", "/shop/web"})
  void idsThatResolveUnderTheirParentOrHaveARelativeParentAreChildren(String id) {
    assertNoViolation(withId(id), Rule.ID_NOT_CHILD);
  }

  @Test
  @DisplayName("container-names-unique")
  void containerNamesUnique() {
    Pod pod = pod().container(container("side")).container(container("main")).container(container("side")).build();
    assertViolations(validate(pod), Rule.CONTAINER_NAMES_UNIQUE, "/containers");
  }

  @Test
  void distinctContainerNamesAreFine() {
    assertNoViolation(validate(pod().container(container("side")).build()), Rule.CONTAINER_NAMES_UNIQUE);
  }

  @Test
  void aConformingPodBreaksNoPodRule() {
    ValidationReport report = validate(pod().build());
    for (Rule rule : new Rule[] {Rule.ID_NOT_EMPTY, Rule.ID_ABSOLUTE, Rule.ID_SEGMENT, Rule.ID_RESERVED,
        Rule.ID_NOT_CHILD, Rule.CONTAINER_NAMES_UNIQUE}) {
      assertNoViolation(report, rule);
    }
  }
}
