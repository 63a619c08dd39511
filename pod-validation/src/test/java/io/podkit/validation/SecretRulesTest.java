package io.podkit.validation;

import static io.podkit.validation.TestPods.assertNoViolation;
import static io.podkit.validation.TestPods.assertViolations;
import static io.podkit.validation.TestPods.container;
import static io.podkit.validation.TestPods.pod;
import static io.podkit.validation.TestPods.podWith;
import static io.podkit.validation.TestPods.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Image;
import io.podkit.model.Pod;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The secrets feature gate and references to pod secrets (V-07, V-08, V-10, V-11, V-16, V-17, V-50, V-51). */
class SecretRulesTest {
  private static final ValidationConfig OFF = ValidationConfig.DEFAULT;
  private static final ValidationConfig ON = ValidationConfig.DEFAULT.withSecrets(true);

  /** A pod whose container mounts a secret volume (at index 1, after a scratch volume) of secret {@code secret}. */
  private static Pod.Builder withSecretVolume(String secret) {
    return podWith(container("main")
        .volumeMount(VolumeMount.of("scratch", "/tmp/scratch"))
        .volumeMount(VolumeMount.of("creds", "/etc/creds")))
        .volume(Volume.ephemeral("scratch"))
        .volume(Volume.secret("creds", secret));
  }

  private static Pod.Builder withPullSecret(String secret) {
    return podWith(container("main").image(Image.docker("registry.example.com/web:1").withPullSecret(secret)));
  }

  // ------------------------------------------------------------------ V-16

  @Test
  @DisplayName("secrets-feature")
  void secretsFeature() {
    Pod pod = pod().secret("db", "/vault/db").build();
    assertViolations(validate(pod, OFF), Rule.SECRETS_FEATURE, "/secrets");
  }

  @Test
  void secretsAreAllowedWithTheFeatureOn() {
    assertNoViolation(validate(pod().secret("db", "/vault/db").build(), ON), Rule.SECRETS_FEATURE);
  }

  @Test
  void noSecretsNeedNoFeature() {
    assertNoViolation(validate(pod().build(), OFF), Rule.SECRETS_FEATURE);
  }

  // ------------------------------------------------------------------ V-17

  @Test
  @DisplayName("secret-name-empty")
  void secretNameEmpty() {
    ValidationReport report = validate(pod().secret("", "/vault/db").build(), ON);
    assertViolations(report, Rule.SECRET_NAME_EMPTY, "/secrets/");
    assertThat(report.of(Rule.SECRET_NAME_EMPTY).get(0).pointer()).isEqualTo("/secrets/");
  }

  @Test
  void anEmptySecretNameIsReportedWithTheFeatureOffToo() {
    ValidationReport report = validate(pod().secret("", "/vault/db").build(), OFF);
    assertViolations(report, Rule.SECRET_NAME_EMPTY, "/secrets/");
    assertViolations(report, Rule.SECRETS_FEATURE, "/secrets");
  }

  // ------------------------------------------------------------------ V-07

  @Test
  @DisplayName("env-secret-feature")
  void envSecretFeature() {
    Pod pod = podWith(container("main").envSecret("PASSWORD", "db"))
        .env("PLAIN", "x").envSecret("TOKEN", "db").secret("db", "/vault/db").build();
    assertViolations(validate(pod, OFF), Rule.ENV_SECRET_FEATURE, "/environment", "/containers(0)/environment");
  }

  @Test
  void secretEnvValuesAreAllowedWithTheFeatureOn() {
    Pod pod = podWith(container("main").envSecret("PASSWORD", "db")).envSecret("TOKEN", "db")
        .secret("db", "/vault/db").build();
    ValidationReport report = validate(pod, ON);
    assertNoViolation(report, Rule.ENV_SECRET_FEATURE);
    assertNoViolation(report, Rule.ENV_SECRET_UNDEFINED);
  }

  @Test
  void literalEnvValuesNeedNoFeature() {
    Pod pod = podWith(container("main").env("MODE", "prod")).env("REGION", "eu").build();
    assertNoViolation(validate(pod, OFF), Rule.ENV_SECRET_FEATURE);
  }

  // ------------------------------------------------------------------ V-08

  @Test
  @DisplayName("env-secret-undefined")
  void envSecretUndefined() {
    Pod pod = podWith(container("main").envSecret("PASSWORD", "missing"))
        .envSecret("TOKEN", "nope").secret("db", "/vault/db").build();
    assertViolations(validate(pod, ON), Rule.ENV_SECRET_UNDEFINED,
        "/environment/TOKEN/secret", "/containers(0)/environment/PASSWORD/secret");
  }

  @Test
  void undefinedSecretReferencesAreReportedWithTheFeatureOffToo() {
    Pod pod = pod().envSecret("TOKEN", "nope").build();
    ValidationReport report = validate(pod, OFF);
    assertViolations(report, Rule.ENV_SECRET_UNDEFINED, "/environment/TOKEN/secret");
    assertViolations(report, Rule.ENV_SECRET_FEATURE, "/environment");
  }

  @Test
  void containerEnvironmentResolvesAgainstPodSecrets() {
    Pod pod = podWith(container("main").envSecret("PASSWORD", "db")).secret("db", "/vault/db").build();
    assertNoViolation(validate(pod, ON), Rule.ENV_SECRET_UNDEFINED);
  }

  // ------------------------------------------------------------------ V-10

  @Test
  @DisplayName("secret-volume-feature")
  void secretVolumeFeature() {
    Pod pod = withSecretVolume("db").secret("db", "/vault/db").build();
    assertViolations(validate(pod, OFF), Rule.SECRET_VOLUME_FEATURE, "/volumes(1)");
  }

  @Test
  void secretVolumesAreAllowedWithTheFeatureOn() {
    Pod pod = withSecretVolume("db").secret("db", "/vault/db").build();
    ValidationReport report = validate(pod, ON);
    assertNoViolation(report, Rule.SECRET_VOLUME_FEATURE);
    assertNoViolation(report, Rule.SECRET_VOLUME_UNDEFINED);
  }

  // ------------------------------------------------------------------ V-11

  @Test
  @DisplayName("secret-volume-undefined")
  void secretVolumeUndefined() {
    Pod pod = withSecretVolume("missing").secret("db", "/vault/db").build();
    assertViolations(validate(pod, ON), Rule.SECRET_VOLUME_UNDEFINED, "/volumes(1)/secret");
  }

  @Test
  void undefinedSecretVolumesAreReportedWithTheFeatureOffToo() {
    ValidationReport report = validate(withSecretVolume("missing").build(), OFF);
    assertViolations(report, Rule.SECRET_VOLUME_UNDEFINED, "/volumes(1)/secret");
    assertViolations(report, Rule.SECRET_VOLUME_FEATURE, "/volumes(1)");
  }

  // ------------------------------------------------------------------ V-50

  @Test
  @DisplayName("pull-config-feature")
  void pullConfigFeature() {
    Pod pod = withPullSecret("registry").secret("registry", "/vault/registry").build();
    assertViolations(validate(pod, OFF), Rule.PULL_CONFIG_FEATURE, "/containers(0)/image/pullConfig");
  }

  @Test
  void pullConfigIsAllowedWithTheFeatureOn() {
    Pod pod = withPullSecret("registry").secret("registry", "/vault/registry").build();
    ValidationReport report = validate(pod, ON);
    assertNoViolation(report, Rule.PULL_CONFIG_FEATURE);
    assertNoViolation(report, Rule.PULL_CONFIG_UNDEFINED);
  }

  @Test
  void anImageWithoutPullConfigNeedsNoFeature() {
    Pod pod = podWith(container("main").image("registry.example.com/web:1")).build();
    assertNoViolation(validate(pod, OFF), Rule.PULL_CONFIG_FEATURE);
  }

  // ------------------------------------------------------------------ V-51

  @Test
  @DisplayName("pull-config-undefined")
  void pullConfigUndefined() {
    Pod pod = withPullSecret("missing").secret("registry", "/vault/registry").build();
    assertViolations(validate(pod, ON), Rule.PULL_CONFIG_UNDEFINED, "/containers(0)/image/pullConfig");
  }

  @Test
  void undefinedPullSecretsAreReportedWithTheFeatureOffToo() {
    ValidationReport report = validate(withPullSecret("missing").build(), OFF);
    assertViolations(report, Rule.PULL_CONFIG_UNDEFINED, "/containers(0)/image/pullConfig");
    assertViolations(report, Rule.PULL_CONFIG_FEATURE, "/containers(0)/image/pullConfig");
  }

  // ------------------------------------------------------------------ everything at once, conforming

  @Test
  void aPodUsingSecretsEverywhereConformsWithTheFeatureOn() {
    Pod pod = podWith(container("main")
        .image(Image.docker("registry.example.com/web:1").withPullSecret("registry"))
        .envSecret("PASSWORD", "db")
        .volumeMount(VolumeMount.readOnly("creds", "/etc/creds")))
        .envSecret("TOKEN", "db")
        .secret("db", "/vault/db")
        .secret("registry", "/vault/registry")
        .volume(Volume.secret("creds", "db"))
        .build();
    ValidationReport report = validate(pod, ON);
    for (Rule rule : new Rule[] {Rule.SECRETS_FEATURE, Rule.SECRET_NAME_EMPTY, Rule.ENV_SECRET_FEATURE,
        Rule.ENV_SECRET_UNDEFINED, Rule.SECRET_VOLUME_FEATURE, Rule.SECRET_VOLUME_UNDEFINED,
        Rule.PULL_CONFIG_FEATURE, Rule.PULL_CONFIG_UNDEFINED}) {
      assertNoViolation(report, rule);
    }
  }
}
