package io.podkit.translator.offer;

import static io.podkit.translator.offer.MatchAssertions.matched;
import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.ExecutorResources;
import io.podkit.model.Pod;
import io.podkit.model.Resources;
import io.podkit.validation.ValidPod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.mesos.Protos;
import org.apache.mesos.Protos.Resource.DiskInfo.Source.Type;

/**
 * For every pod and every offer large enough for it, the match conserves resources exactly: each
 * consumer gets exactly its amounts, nothing offered is claimed twice, host ports are unique and
 * offered, and the same input always gives the same result.
 */
class OfferMatcherPropertiesTest {
  private static final OfferMatcher MATCHER = new OfferMatcher(MatchConfig.DEFAULT);

  /** One container's resources in thousandths, and its endpoints. */
  record ContainerSpec(int cpus, int mem, int disk, int gpus, int dynamicPorts, boolean staticPort) {}

  /** A pod {@code /dev/p} (role dev) and how the offer for it is cut up. */
  record Scenario(int execCpus, int execMem, int execDisk, List<ContainerSpec> containers, int fragments,
      long seed) {}

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<ContainerSpec> container = Combinators.combine(
        Arbitraries.integers().between(1, 4_000),
        Arbitraries.integers().between(1_000, 512_000),
        Arbitraries.integers().between(0, 50_000),
        Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(0, 2),
        Arbitraries.of(true, false)).as(ContainerSpec::new);
    return Combinators.combine(
        Arbitraries.integers().between(10, 1_000),
        Arbitraries.integers().between(32_000, 256_000),
        Arbitraries.integers().between(10_000, 100_000),
        container.list().ofMinSize(1).ofMaxSize(6),
        Arbitraries.integers().between(1, 8),
        Arbitraries.longs()).as(Scenario::new);
  }

  private static ValidPod pod(Scenario s) {
    Pod.Builder pod = Pod.builder("/dev/p").role("dev")
        .executorResources(ExecutorResources.of(s.execCpus() / 1000.0, s.execMem() / 1000.0, s.execDisk() / 1000.0));
    for (int i = 0; i < s.containers().size(); i++) {
      ContainerSpec c = s.containers().get(i);
      Container.Builder b = Container.builder("c" + i).shell("run")
          .resources(Resources.of(c.cpus() / 1000.0, c.mem() / 1000.0, c.disk() / 1000.0, c.gpus()));
      for (int j = 0; j < c.dynamicPorts(); j++) {
        b.endpoint(Endpoint.builder("c" + i + "d" + j).hostPort(0).build());
      }
      if (c.staticPort()) {
        b.endpoint(Endpoint.builder("c" + i + "s").hostPort(staticPort(i)).build());
      }
      pod.container(b);
    }
    return Pods.valid(pod);
  }

  private static int staticPort(int container) {
    return 20_000 + 10 * container;
  }

  /**
   * An offer with at least what the pod needs of each kind, cut into fragments of roles {@code *} and
   * {@code dev}, with noise the pod must not touch: resources of role {@code ops} and a path disk.
   */
  private static Protos.Offer offer(ValidPod pod, Scenario s) {
    Random random = new Random(s.seed());
    PodDemand demand = PodDemand.of(pod.pod(), false);
    List<Protos.Resource> resources = new ArrayList<>();
    for (ScalarKind kind : ScalarKind.values()) {
      long need = demand.total(kind);
      long total = need + (need == 0 ? random.nextInt(3) * 1000L : (long) (random.nextDouble() * need));
      if (kind == ScalarKind.GPUS) {
        total = (total + 999) / 1000 * 1000; // whole gpus
      }
      for (long piece : split(total, s.fragments(), kind == ScalarKind.GPUS ? 1000 : 1, random)) {
        resources.add(OfferBuilder.scalarResource(kind.resourceName(), piece / 1000.0,
            random.nextBoolean() ? "*" : "dev"));
      }
      resources.add(OfferBuilder.scalarResource(kind.resourceName(), 100, "ops"));
    }
    resources.add(OfferBuilder.sourcedDisk(Type.PATH, 100_000, "/mnt/path"));
    int dynamic = 0;
    for (int i = 0; i < s.containers().size(); i++) {
      dynamic += s.containers().get(i).dynamicPorts();
      if (s.containers().get(i).staticPort()) {
        resources.add(OfferBuilder.ports(random.nextBoolean() ? "*" : "dev", staticPort(i), staticPort(i) + 1));
      }
    }
    long next = 40_000;
    for (int free = 0; free < dynamic + random.nextInt(3); ) {
      int size = 1 + random.nextInt(3);
      resources.add(OfferBuilder.ports(random.nextBoolean() ? "*" : "dev", next, next + size - 1));
      free += size;
      next += size + random.nextInt(3);
    }
    resources.add(OfferBuilder.ports("ops", 50_000, 50_100));
    Collections.shuffle(resources, random);
    OfferBuilder offer = OfferBuilder.offer("dev");
    resources.forEach(offer::resource);
    return offer.build();
  }

  /** {@code total} in up to {@code n} positive pieces, each a multiple of {@code unit}. */
  private static List<Long> split(long total, int n, long unit, Random random) {
    List<Long> pieces = new ArrayList<>();
    long left = total / unit;
    for (int i = 0; i < n - 1 && left > 1; i++) {
      long piece = 1 + (long) (random.nextDouble() * (left - 1));
      pieces.add(piece * unit);
      left -= piece;
    }
    if (left > 0) {
      pieces.add(left * unit);
    }
    return pieces;
  }

  @Property(tries = 100)
  void aLargeEnoughOfferMatchesAndConservesResourcesExactly(@ForAll("scenarios") Scenario s) {
    ValidPod pod = pod(s);
    Protos.Offer offer = offer(pod, s);

    ResourceMatch m = matched(MATCHER.match(pod, offer));

    PodDemand demand = PodDemand.of(pod.pod(), false);
    List<List<Protos.Resource>> consumers = new ArrayList<>();
    consumers.add(m.executorResources());
    consumers.addAll(m.containerResources());
    assertThat(consumers).hasSize(demand.consumers().size());
    for (int i = 0; i < consumers.size(); i++) {
      for (ScalarKind kind : ScalarKind.values()) {
        assertThat(Accounting.sum(consumers.get(i), kind.resourceName()))
            .as("%s of consumer %s", kind, i).isEqualTo(demand.consumers().get(i)[kind.ordinal()]);
      }
      assertThat(consumers.get(i)).allSatisfy(r -> {
        assertThat(ResourceSelector.roleOf(r)).isIn("*", "dev");
        assertThat(r.hasDisk()).isFalse();
        assertThat(r.getAllocationInfo().getRole()).isEqualTo("dev");
      });
    }
    Accounting.assertNothingOverClaimed(m, offer);
    assertThat(m.portResources()).allSatisfy(r -> assertThat(ResourceSelector.roleOf(r)).isIn("*", "dev"));
    for (int i = 0; i < s.containers().size(); i++) {
      if (s.containers().get(i).staticPort()) {
        assertThat(m.hostPorts()).containsEntry("c" + i + "s", staticPort(i));
      }
    }
    assertThat(m.hostPorts()).hasSize(s.containers().stream()
        .mapToInt(c -> c.dynamicPorts() + (c.staticPort() ? 1 : 0)).sum());
  }

  @Property(tries = 100)
  void theSameInputGivesAnEqualResult(@ForAll("scenarios") Scenario s) {
    ValidPod pod = pod(s);
    Protos.Offer offer = offer(pod, s);

    assertThat(new OfferMatcher(MatchConfig.DEFAULT).match(pod, offer)).isEqualTo(MATCHER.match(pod, offer));
  }

  @Property(tries = 100)
  void anOfferShortOfOneKindNamesThatKindWithExactAmounts(@ForAll("scenarios") Scenario s) {
    ValidPod pod = pod(s);
    Protos.Offer full = offer(pod, s);
    PodDemand demand = PodDemand.of(pod.pod(), false);
    // Take cpus away until the pod's need is one thousandth short.
    Protos.Offer.Builder shortOffer = full.toBuilder().clearResources();
    long usable = 0;
    for (Protos.Resource r : full.getResourcesList()) {
      boolean usableCpus = r.getName().equals("cpus") && !ResourceSelector.roleOf(r).equals("ops");
      if (usableCpus) {
        long keep = Math.min(Millis.of(r.getScalar().getValue()), demand.total(ScalarKind.CPUS) - 1 - usable);
        if (keep > 0) {
          shortOffer.addResources(r.toBuilder().setScalar(Protos.Value.Scalar.newBuilder().setValue(keep / 1000.0)));
          usable += keep;
        }
      } else {
        shortOffer.addResources(r);
      }
    }

    MatchResult result = MATCHER.match(pod, shortOffer.build());

    NoMatchReason r = MatchAssertions.reason(result, NoMatchReason.Kind.INSUFFICIENT_CPUS);
    assertThat(r.asked()).isEqualTo(Millis.format(demand.total(ScalarKind.CPUS)));
    assertThat(r.available()).isEqualTo(Millis.format(demand.total(ScalarKind.CPUS) - 1));
    assertThat(MatchAssertions.kinds(result)).containsExactly(NoMatchReason.Kind.INSUFFICIENT_CPUS);
  }
}
