package io.podkit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.Network;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import io.podkit.model.arbitrary.PodArbitraries;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The validator as a whole: every violation at once, the valid pod normalized, no exceptions. */
class PodValidatorTest {
  private static final PodValidator VALIDATOR = PodValidator.withDefaults();

  @Test
  void aPodWithSeveralIndependentErrorsGetsAllOfThemReported() {
    Pod pod = Pod.builder("shop/Web")
        .user("")
        .container(TestPods.container("Main").endpoint(Endpoint.builder("http").containerPort(80).build()))
        .container(TestPods.container("side").endpoint(Endpoint.builder("http").containerPort(81).build()))
        .volume(Volume.ephemeral("unused"))
        .network(Network.host())
        .build();

    ValidationReport report = VALIDATOR.validate(pod);

    assertThat(report.isValid()).isFalse();
    assertThat(report.validPod()).isEmpty();
    assertThat(report.violations()).extracting(Violation::rule).contains(
        Rule.ID_PATTERN.id(), Rule.ID_ABSOLUTE.id(), Rule.USER_NOT_EMPTY.id(), Rule.CONTAINER_NAME.id(),
        Rule.ENDPOINT_NAMES_UNIQUE.id(), Rule.VOLUME_UNUSED.id(), Rule.CONTAINER_PORT_HOST_MODE.id());
    assertThat(report.at("/containers(1)/endpoints(0)/name")).extracting(Violation::rule)
        .containsExactly(Rule.ENDPOINT_NAMES_UNIQUE.id());
    assertThat(report.violations()).allSatisfy(v ->
        assertThat(v.pointer()).isEqualTo(v.path().pointer()).startsWith("/"));
    assertThatThrownBy(report::orElseThrow).isInstanceOf(PodValidationException.class)
        .hasMessageContaining("/user: must not be empty [user-not-empty]");
  }

  @Test
  void aValidPodComesBackNormalized() {
    Pod pod = TestPods.pod().container(TestPods.container("side")
        .endpoint(Endpoint.builder("admin").build())).build();

    ValidPod valid = VALIDATOR.validate(pod).orElseThrow();

    assertThat(valid.original()).isEqualTo(pod);
    assertThat(valid.pod().role()).contains("*");
    assertThat(valid.pod().containers().get(1).endpoints().get(0).hostPort()).contains(0);
    assertThat(valid.pod().executorResources()).isPresent();
  }

  @Test
  void theNormalizationUsesTheValidatorsConfiguration() {
    Pod pod = TestPods.pod().network(new Network(Optional.empty(), Optional.empty(), java.util.Map.of())).build();
    assertThat(VALIDATOR.validate(pod).of(Rule.NETWORK_NAME_REQUIRED)).isNotEmpty();
    ValidPod valid = new PodValidator(ValidationConfig.DEFAULT.withDefaultNetworkName("overlay")).validate(pod)
        .orElseThrow();
    assertThat(valid.pod().networks()).containsExactly(Network.container("overlay"));
  }

  @Test
  void policiesReportInTheSameReport() {
    PodPolicy noLatest = p -> p.containers().stream()
        .filter(c -> c.image().map(i -> i.id().endsWith(":latest")).orElse(false))
        .map(c -> new Violation("no-latest-tag", PodPath.of("containers", p.containers().indexOf(c), "image", "id"),
            "pin the image version"))
        .toList();
    Pod pod = TestPods.podWith(TestPods.container("main").image("nginx:latest")).user("").build();

    ValidationReport report = new PodValidator(ValidationConfig.DEFAULT, List.of(noLatest)).validate(pod);

    assertThat(report.violations()).extracting(Violation::rule).containsExactly("user-not-empty", "no-latest-tag");
  }

  @Test
  void aVeryLongIdIsReportedNotAStackOverflow() {
    Pod pod = TestPods.pod().id("/" + "a-b.".repeat(5000) + "c").build();
    assertThat(VALIDATOR.validate(pod).isValid()).isTrue();
    Pod bad = TestPods.pod().id("/" + "a-b.".repeat(5000) + "-").build();
    assertThat(VALIDATOR.validate(bad).of(Rule.ID_PATTERN)).isNotEmpty();
  }

  @Test
  void updatesOfResidentPodsAreCheckedToo() {
    Pod from = Pod.builder("/dev/db").role("dev")
        .volume(Volume.persistent("data", io.podkit.model.PersistentVolumeInfo.ofSize(100)))
        .container(TestPods.container("db").volumeMount(VolumeMount.of("data", "data")))
        .build();
    Pod to = from.toBuilder().containers(List.of(Container.builder("db").shell("sleep 3600").resources(1, 64)
        .volumeMount(VolumeMount.of("data", "data")).build())).build();

    assertThat(VALIDATOR.validateUpdate(from, from, false).isValid()).isTrue();
    assertThat(VALIDATOR.validateUpdate(from, to, false).violations()).extracting(Violation::message)
        .containsExactly("cpus cannot be updated if a pod has persistent volumes");
  }

  @Test
  void oneValidatorGivesTheSameReportsFromManyThreads() throws Exception {
    List<Pod> pods = PodArbitraries.pods().sampleStream().limit(200).toList();
    List<ValidationReport> expected = pods.stream().map(VALIDATOR::validate).toList();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<ValidationReport>>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(threads.submit(() -> pods.stream().map(VALIDATOR::validate).toList()));
      }
      for (Future<List<ValidationReport>> r : results) {
        assertThat(r.get()).isEqualTo(expected);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Provide
  Arbitrary<Pod> anyPod() {
    return PodArbitraries.pods();
  }

  @Property(tries = 300)
  void validateNeverThrowsAndIsDeterministic(@ForAll("anyPod") Pod pod) {
    ValidationReport first = VALIDATOR.validate(pod);
    assertThat(VALIDATOR.validate(pod)).isEqualTo(first);
    assertThat(first.isValid()).isEqualTo(first.violations().isEmpty());
  }
}
