package io.podkit.validation.policy;

import static io.podkit.validation.TestPods.assertValid;
import static io.podkit.validation.TestPods.assertViolations;
import static io.podkit.validation.TestPods.container;
import static io.podkit.validation.TestPods.podWith;
import static io.podkit.validation.TestPods.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.podkit.model.Pod;
import io.podkit.validation.PodValidator;
import io.podkit.validation.Rule;
import io.podkit.validation.ValidationReport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageRegistryPolicyTest {
  @Test
  @DisplayName("policy-image-registry")
  void policyImageRegistry() {
    Pod pod = podWith(container("main").image("nginx:1.27"))
        .container(container("side").image("quay.io/x/y:1"))
        .build();
    assertThat(PodValidator.withDefaults().validate(pod).isValid()).isTrue();
    ValidationReport report = validate(pod, ImageRegistryPolicy.allowOnly("docker.io", "registry.example.com:443"));
    assertViolations(report, Rule.POLICY_IMAGE_REGISTRY, "/containers(1)/image/id");
    assertThat(report.violations()).hasSize(1);
    assertThat(report.of(Rule.POLICY_IMAGE_REGISTRY).get(0).message()).isEqualTo(
        "image quay.io/x/y:1 comes from registry quay.io, which is not allowed "
            + "(allowed: docker.io, registry.example.com:443)");
  }

  @ParameterizedTest
  @CsvSource({
      "nginx, docker.io",
      "nginx:1.27, docker.io",
      "nginx@sha256:0123456789abcdef, docker.io",
      "library/nginx, docker.io",
      "myuser/app:1.0, docker.io",
      "docker.io/library/nginx, docker.io",
      "index.docker.io/library/nginx, docker.io",
      "quay.io/x/y:1, quay.io",
      "localhost/x, localhost",
      "localhost:5000/x, localhost:5000",
      "registry.example.com:443/a, registry.example.com:443",
      "registry.example.com/team/app:2, registry.example.com",
      "myregistry:5000/app, myregistry:5000",
      "Registry/app, Registry",
      "[::1]:5000/app, [::1]:5000"})
  void registryOf(String image, String registry) {
    assertThat(ImageRegistryPolicy.registryOf(image)).isEqualTo(registry);
  }

  @Test
  void dockerHubImagesPassWhenDockerHubIsAllowed() {
    Pod pod = podWith(container("main").image("nginx"))
        .container(container("side").image("library/nginx"))
        .container(container("third").image("index.docker.io/library/redis:7"))
        .build();
    assertValid(pod, ImageRegistryPolicy.allowOnly("docker.io"));
    assertViolations(validate(pod, ImageRegistryPolicy.allowOnly("quay.io")), Rule.POLICY_IMAGE_REGISTRY,
        "/containers(0)/image/id", "/containers(1)/image/id", "/containers(2)/image/id");
  }

  @Test
  void registriesCompareIgnoringCaseAndPortsMatter() {
    Pod pod = podWith(container("main").image("Registry.Example.com:443/a"))
        .container(container("side").image("localhost:5000/x"))
        .build();
    assertValid(pod, ImageRegistryPolicy.allowOnly("registry.example.com:443", "LOCALHOST:5000"));
    assertViolations(validate(pod, ImageRegistryPolicy.allowOnly("registry.example.com", "localhost")),
        Rule.POLICY_IMAGE_REGISTRY, "/containers(0)/image/id", "/containers(1)/image/id");
  }

  @Test
  void containersWithoutImagePass() {
    assertValid(podWith(container("main")).build(), ImageRegistryPolicy.allowOnly());
  }

  @Test
  void emptyAllowListRejectsEveryImage() {
    ValidationReport report = validate(podWith(container("main").image("nginx")).build(),
        ImageRegistryPolicy.allowOnly());
    assertViolations(report, Rule.POLICY_IMAGE_REGISTRY, "/containers(0)/image/id");
    assertThat(report.of(Rule.POLICY_IMAGE_REGISTRY).get(0).message()).endsWith("(allowed: none)");
  }

  @Test
  void registryNamesAreChecked() {
    assertThatIllegalArgumentException().isThrownBy(() -> ImageRegistryPolicy.allowOnly(""));
    assertThatIllegalArgumentException().isThrownBy(() -> ImageRegistryPolicy.allowOnly("quay.io/team"));
    assertThat(ImageRegistryPolicy.allowOnly("Index.Docker.IO", "Quay.io").allowedRegistries())
        .containsExactly("docker.io", "quay.io");
  }
}
