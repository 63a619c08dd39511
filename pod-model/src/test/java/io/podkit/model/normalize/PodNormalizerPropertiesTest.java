package io.podkit.model.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.NetworkMode;
import io.podkit.model.Pod;
import io.podkit.model.arbitrary.PodArbitraries;
import io.podkit.model.json.PodReader;
import io.podkit.model.json.PodWriter;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What normalization guarantees for every pod the builders can make. */
class PodNormalizerPropertiesTest {
  private static final PodNormalizer NORMALIZER =
      new PodNormalizer(NormalizationConfig.DEFAULT.withDefaultNetworkName("default-net"));

  @Provide
  Arbitrary<Pod> pods() {
    return PodArbitraries.pods();
  }

  @Property(tries = 300)
  void normalizingIsIdempotent(@ForAll("pods") Pod pod) {
    Pod once = NORMALIZER.normalize(pod);
    assertThat(NORMALIZER.normalize(once)).isEqualTo(once);
  }

  @Property(tries = 300)
  void normalizedPodsRoundTripThroughJson(@ForAll("pods") Pod pod) {
    Pod normalized = NORMALIZER.normalize(pod);
    assertThat(PodReader.strict().read(PodWriter.compact().write(normalized)).pod()).contains(normalized);
  }

  @Property(tries = 300)
  void everyDefaultIsExplicitAfterNormalization(@ForAll("pods") Pod pod) {
    Pod n = NORMALIZER.normalize(pod);
    assertThat(n.scaling()).isPresent();
    assertThat(n.role()).isPresent();
    assertThat(n.executorResources()).hasValueSatisfying(r ->
        assertThat(r.cpus().isPresent() && r.mem().isPresent() && r.disk().isPresent()).isTrue());
    assertThat(n.scheduling()).hasValueSatisfying(s -> {
      assertThat(s.backoff()).isPresent();
      assertThat(s.upgrade()).isPresent();
      assertThat(s.killSelection()).isPresent();
      assertThat(s.unreachableStrategy()).isPresent();
    });
    assertThat(n.networks()).allSatisfy(net -> {
      assertThat(net.mode()).isPresent();
      if (net.mode().get() == NetworkMode.CONTAINER) {
        assertThat(net.name()).isPresent();
      }
    });
    boolean containerNetwork = n.networks().stream().anyMatch(net -> net.mode().get() == NetworkMode.CONTAINER);
    for (Container c : n.containers()) {
      assertThat(c.resources().cpus().isPresent() && c.resources().mem().isPresent()
          && c.resources().disk().isPresent() && c.resources().gpus().isPresent()).isTrue();
      if (!containerNetwork) {
        assertThat(c.endpoints()).map(Endpoint::hostPort).allMatch(java.util.Optional::isPresent);
      }
    }
    assertThat(n.legacySharedCgroups()).isNotEqualTo(java.util.Optional.of(false));
  }
}
