package io.podkit.testing;

import static io.podkit.testing.PodAssertions.assertThatPod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podkit.model.Container;
import io.podkit.model.Pod;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The entry points: where pods come from, and how a pod that cannot be read fails. */
class PodAssertionsTest {
  @Test
  void readsAClasspathResource() {
    assertThatPod("pods/web.json").isValid().hasId("/shop/web");
  }

  @Test
  void readsAClasspathResourceWithALeadingSlash() {
    assertThatPod("/pods/web.json").hasId("/shop/web");
  }

  @Test
  void readsAFileRelativeToTheWorkingDirectory() {
    assertThatPod("src/test/resources/pods/bridge.json").isValid().hasId("/shop/api");
  }

  @Test
  void readsAPath() {
    assertThatPod(Path.of("src/test/resources/pods/web.json")).isValid();
  }

  @Test
  void takesAPodBuiltInCode() {
    Pod pod = Pod.builder("/shop/code").container(Container.builder("app").resources(0.5, 128)).build();
    assertThatPod(pod).isValid().hasContainerNamed("app");
  }

  @Test
  void aMissingFileFailsNamingTheWorkingDirectory() {
    assertThatThrownBy(() -> assertThatPod("pods/nope.json"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("pods/nope.json: no such classpath resource or file")
        .hasMessageContaining(Path.of("").toAbsolutePath().toString());
  }

  @Test
  void aMissingPathFails() {
    assertThatThrownBy(() -> assertThatPod(Path.of("pods/nope.json")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("pods/nope.json: no such file");
  }

  @Test
  void aDirectoryFails() {
    assertThatThrownBy(() -> assertThatPod("pods/dirs"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("pods/dirs: cannot read: is a directory");
    assertThatThrownBy(() -> assertThatPod(Path.of("src/test/resources/pods")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("is a directory");
  }

  @Test
  void anUnknownFieldFailsInCompilerStyle() {
    assertThatThrownBy(() -> assertThatPod("pods/unknown-field.json"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expecting pods/unknown-field.json to be read as a pod, but it has 2 errors:")
        .hasMessageContaining("\n  pods/unknown-field.json:3:3: /contianers: unknown field \"contianers\" in a pod; "
            + "did you mean \"containers\"?")
        .hasMessageContaining("\n  pods/unknown-field.json:1:1: /containers: \"containers\" is required");
  }

  @Test
  void malformedJsonFailsWithItsPosition() {
    assertThatThrownBy(() -> assertThatPod("pods/malformed.json"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("has 1 error:")
        .hasMessageContaining("pods/malformed.json:4:21: /: malformed JSON");
  }

  @Test
  void aReadErrorOfAPathIsReportedUnderThePathGiven() {
    assertThatThrownBy(() -> assertThatPod(Path.of("src/test/resources/pods/unknown-field.json")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(Path.of("src/test/resources/pods/unknown-field.json") + ":3:3: /contianers");
  }

  @Test
  void aNullPodFailsLikeAnyAssertJAssertion() {
    assertThatThrownBy(() -> assertThatPod((Pod) null).isValid())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }

  @Test
  void instanceOfSpellsTheIdsTranslationsUse() {
    assertThat(PodAssertions.instanceOf("/shop/web").taskId("web"))
        .isEqualTo("shop_web.instance-00000000-0000-1000-8000-000000000000.web.1");
    assertThat(PodAssertions.INSTANCE_UUID.version()).isEqualTo(1);
  }
}
