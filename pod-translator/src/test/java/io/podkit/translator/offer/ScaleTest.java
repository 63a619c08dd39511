package io.podkit.translator.offer;

import static io.podkit.translator.offer.MatchAssertions.matched;
import static io.podkit.translator.offer.Pods.container;
import static io.podkit.translator.offer.Pods.endpoint;
import static io.podkit.translator.offer.Pods.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Container;
import io.podkit.model.ExecutorResources;
import io.podkit.model.Pod;
import io.podkit.validation.ValidPod;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;

/**
 * A large pod against a badly fragmented offer: 100 containers, 1,000 offered pieces of every scalar
 * kind in two roles, 1,000 port ranges. Matching is linear, so this is quick; the test checks that
 * it is also exact.
 */
class ScaleTest {
  private static final int CONTAINERS = 100;
  private static final int FRAGMENTS = 1_000;

  @Test
  void hundredContainersOnAThousandFragmentsMatchExactly() {
    Pod.Builder pod = Pod.builder("/dev/big").role("dev").executorResources(ExecutorResources.of(0.1, 32, 10));
    for (int i = 0; i < CONTAINERS; i++) {
      Container.Builder c = container("c" + i, 0.1 + (i % 7) * 0.011, 32 + (i % 5) * 7.5, 1 + (i % 3) * 0.25, i % 3)
          .endpoint(endpoint("dyn" + i, 0));
      if (i < 20) {
        c.endpoint(endpoint("static" + i, 31_000 + 3 * i + 1));
      }
      pod.container(c);
    }
    ValidPod valid = valid(pod);

    OfferBuilder offer = OfferBuilder.offer("dev");
    for (int k = 0; k < FRAGMENTS; k++) {
      String role = k % 2 == 0 ? "*" : "dev";
      offer.scalar("cpus", 0.017, role).scalar("mem", 7.5, role).scalar("disk", 0.5, role).scalar("gpus", 1, role);
    }
    for (int k = 0; k < FRAGMENTS; k++) {
      offer.resource(OfferBuilder.ports(k % 2 == 0 ? "*" : "dev", 31_000 + 3L * k, 31_000 + 3L * k + 1));
    }
    Protos.Offer built = offer.build();

    ResourceMatch m = matched(new OfferMatcher(MatchConfig.DEFAULT).match(valid, built));

    assertThat(Accounting.sum(m.executorResources(), "cpus")).isEqualTo(100);
    assertThat(Accounting.sum(m.executorResources(), "mem")).isEqualTo(32_000);
    assertThat(Accounting.sum(m.executorResources(), "disk")).isEqualTo(10_000);
    for (int i = 0; i < CONTAINERS; i++) {
      List<Protos.Resource> pieces = m.containerResources().get(i);
      Container c = valid.pod().containers().get(i);
      assertThat(Accounting.sum(pieces, "cpus")).isEqualTo(Millis.of(c.resources().cpusOrDefault()));
      assertThat(Accounting.sum(pieces, "mem")).isEqualTo(Millis.of(c.resources().memOrDefault()));
      assertThat(Accounting.sum(pieces, "disk")).isEqualTo(Millis.of(c.resources().diskOrDefault()));
      assertThat(Accounting.sum(pieces, "gpus")).isEqualTo(1000L * c.resources().gpusOrDefault());
      assertThat(pieces).allSatisfy(r -> assertThat(r.getAllocationInfo().getRole()).isEqualTo("dev"));
    }
    Accounting.assertNothingOverClaimed(m, built);

    assertThat(m.hostPorts()).hasSize(CONTAINERS + 20);
    Set<Integer> ports = new HashSet<>(m.hostPorts().values());
    assertThat(ports).hasSize(CONTAINERS + 20);
    for (int i = 0; i < 20; i++) {
      assertThat(m.hostPorts()).containsEntry("static" + i, 31_000 + 3 * i + 1);
    }
    // Lowest free first: dyn0 takes 31000, the static ports 31001, 31004, ... are skipped.
    assertThat(m.hostPorts()).containsEntry("dyn0", 31_000).containsEntry("dyn1", 31_003);
    assertThat(m.portResources()).hasSize(2);
  }
}
