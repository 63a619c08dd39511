package io.podkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Pod;
import io.podkit.model.json.PodReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our counterparts of Marathon's example pods (pod-model's test fixtures) get the verdicts
 * pod-schema.md section 10 predicts, under the configuration each verdict names.
 */
class ExampleVerdictsTest {
  private static final String DIR = "/fixtures/examples/";
  private static final Properties VERDICTS = load();
  private static final ValidationConfig DEFAULT = ValidationConfig.DEFAULT;

  static Stream<String> withVerdict(String verdict) {
    return VERDICTS.stringPropertyNames().stream().sorted().filter(f -> VERDICTS.getProperty(f).equals(verdict));
  }

  static Stream<String> valid() {
    return withVerdict("valid");
  }

  static Stream<String> validWithDefaultNetwork() {
    return withVerdict("valid-with-default-network");
  }

  static Stream<String> validWithSecrets() {
    return withVerdict("valid-with-secrets");
  }

  static Stream<String> validIfRoleNotStar() {
    return withVerdict("valid-if-role-not-star");
  }

  @ParameterizedTest
  @MethodSource("valid")
  void validExamplesAreValid(String file) {
    TestPods.assertValid(pod(file), DEFAULT);
  }

  @ParameterizedTest
  @MethodSource("validWithDefaultNetwork")
  void unnamedContainerNetworksNeedTheDefaultNetworkName(String file) {
    ValidationReport report = TestPods.validate(pod(file), DEFAULT);
    assertThat(report.violations()).extracting(Violation::rule).containsOnly(Rule.NETWORK_NAME_REQUIRED.id());
    TestPods.assertValid(pod(file), DEFAULT.withDefaultNetworkName("dcos"));
  }

  @ParameterizedTest
  @MethodSource("validWithSecrets")
  void secretsNeedTheSecretsFeature(String file) {
    ValidationReport report = TestPods.validate(pod(file), DEFAULT);
    assertThat(report.violations()).extracting(Violation::rule)
        .isNotEmpty()
        .allMatch(Set.of(Rule.SECRETS_FEATURE.id(), Rule.PULL_CONFIG_FEATURE.id(), Rule.ENV_SECRET_FEATURE.id(),
            Rule.SECRET_VOLUME_FEATURE.id(), Rule.NETWORK_NAME_REQUIRED.id())::contains);
    ValidationConfig config = DEFAULT.withSecrets(true).withDefaultNetworkName("dcos");
    TestPods.assertValid(pod(file), config);
  }

  @ParameterizedTest
  @MethodSource("validIfRoleNotStar")
  void residentExamplesNeedARoleOtherThanStar(String file) {
    ValidationReport report = TestPods.validate(pod(file), DEFAULT);
    assertThat(report.violations()).extracting(Violation::rule).contains(Rule.RESIDENT_ROLE_STAR.id());
    // DC/OS runs Marathon with --mesos_role slave_public.
    TestPods.assertValid(pod(file), DEFAULT.withMesosRole("slave_public"));
  }

  @Test
  void theApiExamplePodIsRejectedForItsHealthCheckTimeout() {
    ValidationReport report = TestPods.validate(pod("docs__docs__rest-api__public__api__v2__examples__pod.json"),
        DEFAULT.withDefaultNetworkName("dcos"));
    assertThat(report.violations()).extracting(Violation::rule).containsExactly(Rule.HEALTH_CHECK_TIMEOUT.id());
    assertThat(report.violations().get(0).path().marathon()).isEqualTo("/containers(0)/healthCheck/timeoutSeconds");
    assertThat(report.violations().get(0).message()).isEqualTo("got 20, expected less than 2");
  }

  /** Marathon rejects test-pod.json while reading; podkit's validator rejects it for the same reason. */
  @Test
  void theTestPodIsRejectedForItsUpperCaseContainerNames() {
    ValidationReport report = TestPods.validate(pod("tests__system__pods__test-pod.json"), DEFAULT);
    assertThat(report.violations()).extracting(Violation::rule).contains(Rule.CONTAINER_NAME.id());
    assertThat(report.of(Rule.CONTAINER_NAME)).extracting(v -> v.path().marathon())
        .containsExactly("/containers(0)/name", "/containers(1)/name");
  }

  @Test
  void everyVerdictIsCovered() {
    assertThat(VERDICTS.values()).allMatch(v -> Set.of("valid", "valid-with-default-network", "valid-with-secrets",
        "valid-if-role-not-star", "rejected-by-reader", "rejected-by-validation", "fragment").contains(v));
    assertThat(withVerdict("rejected-by-validation")).containsExactlyInAnyOrder(
        "docs__docs__rest-api__public__api__v2__examples__pod.json", "tests__system__pods__test-pod.json");
  }

  private static Pod pod(String file) {
    try (InputStream in = ExampleVerdictsTest.class.getResourceAsStream(DIR + file)) {
      return PodReader.lenient().read(in).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = ExampleVerdictsTest.class.getResourceAsStream(DIR + "verdicts.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
