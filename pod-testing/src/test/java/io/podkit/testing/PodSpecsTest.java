package io.podkit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podkit.model.Pod;
import io.podkit.validation.ValidPod;
import io.podkit.validation.ValidationConfig;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** The JUnit 5 extension: @PodFile parameters, and validatePods. */
class PodSpecsTest {
  /** The extension as users register it, through the meta-annotation. */
  @Nested
  @PodSpecTest
  class WithPodSpecTest {
    @Test
    void resolvesAPod(@PodFile("pods/web.json") Pod web) {
      assertThat(web.id()).isEqualTo("/shop/web");
      assertThat(web.containers()).hasSize(2);
    }

    @Test
    void resolvesAValidPodNormalized(@PodFile("pods/bridge.json") ValidPod api) {
      assertThat(api.pod().role()).contains("*");
      assertThat(api.original().role()).isEmpty();
    }

    @Test
    void resolvesSeveralPodsFromFilesAndResources(@PodFile("pods/web.json") Pod web,
        @PodFile("src/test/resources/pods/bridge.json") Pod api) {
      assertThat(List.of(web.id(), api.id())).containsExactly("/shop/web", "/shop/api");
    }

    @TestFactory
    Stream<DynamicTest> everyPodInADirectoryIsValid() {
      return PodSpecs.validatePods("pods/dirs/ok/");
    }
  }

  /** The extension registered directly. */
  @Nested
  @ExtendWith(PodSpecs.class)
  class WithExtendWith {
    @Test
    void resolvesAPod(@PodFile("pods/racked.json") Pod racked) {
      assertThat(racked.id()).isEqualTo("/shop/racked");
    }
  }

  /** Methods whose parameters the failure tests resolve by hand, as JUnit would. */
  @SuppressWarnings("unused")
  static final class Samples {
    void valid(@PodFile("pods/web.json") Pod pod) {}

    void missing(@PodFile("pods/nope.json") Pod pod) {}

    void unreadable(@PodFile("pods/unknown-field.json") Pod pod) {}

    void invalid(@PodFile("pods/invalid.json") ValidPod pod) {}

    void wrongType(@PodFile("pods/web.json") String pod) {}

    void unannotated(Pod pod) {}
  }

  private static ParameterContext parameter(String method) {
    Method m = Stream.of(Samples.class.getDeclaredMethods()).filter(x -> x.getName().equals(method)).findFirst()
        .orElseThrow();
    Parameter p = m.getParameters()[0];
    return new ParameterContext() {
      @Override
      public Parameter getParameter() {
        return p;
      }

      @Override
      public int getIndex() {
        return 0;
      }

      @Override
      public Optional<Object> getTarget() {
        return Optional.empty();
      }
    };
  }

  private static Object resolve(String method) {
    return new PodSpecs().resolveParameter(parameter(method), null);
  }

  @Test
  void supportsOnlyPodFileParameters() {
    assertThat(new PodSpecs().supportsParameter(parameter("valid"), null)).isTrue();
    assertThat(new PodSpecs().supportsParameter(parameter("wrongType"), null)).isTrue();
    assertThat(new PodSpecs().supportsParameter(parameter("unannotated"), null)).isFalse();
  }

  @Test
  void resolvesByHand() {
    assertThat(resolve("valid")).isInstanceOf(Pod.class);
  }

  @Test
  void aMissingFileFailsTheTest() {
    assertThatThrownBy(() -> resolve("missing"))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageStartingWith("pods/nope.json: no such classpath resource or file");
  }

  @Test
  void aReadErrorFailsTheTestInCompilerStyle() {
    assertThatThrownBy(() -> resolve("unreadable"))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageStartingWith("Expecting pods/unknown-field.json to be read as a pod, but it has 2 errors:")
        .hasMessageContaining("\n  pods/unknown-field.json:3:3: /contianers: unknown field \"contianers\"");
  }

  @Test
  void anInvalidPodFailsAValidPodParameter() {
    assertThatThrownBy(() -> resolve("invalid"))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageStartingWith("Expecting pod /shop/broken (pods/invalid.json) to be valid for a ValidPod parameter, "
            + "but it has 3 violations:")
        .hasMessageContaining("\n  pods/invalid.json:5:7: /containers(0)/name:");
  }

  @Test
  void aParameterOfAnotherTypeFailsWithTheTypesAllowed() {
    assertThatThrownBy(() -> resolve("wrongType"))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessage("@PodFile(\"pods/web.json\") fills in parameters of type io.podkit.model.Pod or "
            + "io.podkit.validation.ValidPod, but parameter pod has type java.lang.String");
  }

  private static List<DynamicTest> tests(Stream<DynamicTest> stream) {
    return stream.toList();
  }

  @Test
  void validatePodsMakesOneTestPerFileNamedAfterIt() throws Throwable {
    List<DynamicTest> tests = tests(PodSpecs.validatePods("pods/dirs/ok"));
    assertThat(tests).extracting(DynamicTest::getDisplayName)
        .containsExactly("pods/dirs/ok/bridge.json", "pods/dirs/ok/web.json");
    assertThat(tests.get(0).getTestSourceUri()).hasValueSatisfying(uri -> assertThat(uri).hasScheme("file"));
    for (DynamicTest test : tests) {
      test.getExecutable().execute();
    }
  }

  @Test
  void validatePodsTakesAPathAndSearchesSubdirectories() throws Throwable {
    List<DynamicTest> tests = tests(PodSpecs.validatePods("src/test/resources/pods/dirs/mixed/"));
    assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly(
        "src/test/resources/pods/dirs/mixed/nested/invalid.json", "src/test/resources/pods/dirs/mixed/web.json");
    tests.get(1).getExecutable().execute();
    assertThatThrownBy(() -> tests.get(0).getExecutable().execute())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expecting pod /shop/broken (src/test/resources/pods/dirs/mixed/nested/invalid.json) "
            + "to be valid, but it has 3 violations:")
        .hasMessageContaining("\n  src/test/resources/pods/dirs/mixed/nested/invalid.json:5:7: /containers(0)/name");
  }

  @Test
  void validatePodsUsesTheConfiguration() throws Throwable {
    DynamicTest secrets = tests(PodSpecs.validatePods("pods/dirs/secret")).get(0);
    assertThatThrownBy(() -> secrets.getExecutable().execute())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("[secrets-feature]");
    tests(PodSpecs.validatePods("pods/dirs/secret", ValidationConfig.DEFAULT.withSecrets(true))).get(0)
        .getExecutable().execute();
  }

  @Test
  void validatePodsOfADirectoryWithoutPodsIsOneFailingTest() {
    List<DynamicTest> tests = tests(PodSpecs.validatePods("pods/dirs/empty"));
    assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly("no pod files under pods/dirs/empty");
    assertThatThrownBy(() -> tests.get(0).getExecutable().execute())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expecting pod files (*.json) under pods/dirs/empty (")
        .hasMessageEndingWith("), but there are none");
  }

  @Test
  void validatePodsOfAMissingDirectoryFails() {
    assertThatThrownBy(() -> PodSpecs.validatePods("pods/no-such-dir"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("pods/no-such-dir: no such classpath directory or directory");
    assertThatThrownBy(() -> PodSpecs.validatePods("pods/web.json"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("pods/web.json: no such classpath directory or directory");
  }
}
