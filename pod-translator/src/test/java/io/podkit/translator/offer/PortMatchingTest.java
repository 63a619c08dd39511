package io.podkit.translator.offer;

import static io.podkit.translator.offer.MatchAssertions.kinds;
import static io.podkit.translator.offer.MatchAssertions.matched;
import static io.podkit.translator.offer.MatchAssertions.reason;
import static io.podkit.translator.offer.MatchAssertions.texts;
import static io.podkit.translator.offer.OfferBuilder.offer;
import static io.podkit.translator.offer.Pods.container;
import static io.podkit.translator.offer.Pods.endpoint;
import static io.podkit.translator.offer.Pods.pod;
import static io.podkit.translator.offer.Pods.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.podkit.model.Endpoint;
import io.podkit.model.ExecutorResources;
import io.podkit.model.Network;
import io.podkit.translator.offer.NoMatchReason.Kind;
import io.podkit.validation.ValidPod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;

/** E.3 host ports and G28 (deterministic, pluggable dynamic ports). */
class PortMatchingTest {
  private static final OfferMatcher MATCHER = new OfferMatcher(MatchConfig.DEFAULT);
  private static final ExecutorResources EXEC = ExecutorResources.of(0.1, 32, 10);

  /** Room for any of these pods' scalars; the ports come after. */
  private static OfferBuilder enough(String role) {
    return offer(role).cpus(10).mem(4096).disk(1000);
  }

  private static ValidPod podWithPorts(int... hostPorts) {
    var c = container("app", 0.5, 64, 0, 0);
    for (int i = 0; i < hostPorts.length; i++) {
      c.endpoint(endpoint("ep" + i, hostPorts[i]));
    }
    return valid(pod(EXEC, c));
  }

  @Test
  void g28SameInputsGiveTheSamePorts() {
    ValidPod pod = podWithPorts(0, 0, 0);
    Protos.Offer offer = enough("*").ports(31000, 31100).build();

    assertThat(MATCHER.match(pod, offer)).isEqualTo(MATCHER.match(pod, offer));
    assertThat(new OfferMatcher(MatchConfig.DEFAULT).match(pod, offer)).isEqualTo(MATCHER.match(pod, offer));
  }

  @Test
  void g28DynamicPortsAreTheLowestFreeInPodOrder() {
    ResourceMatch m = matched(MATCHER.match(podWithPorts(0, 0), enough("*").ports(32000, 32010, 31000, 31000)
        .build()));

    assertThat(m.hostPorts()).containsExactly(entry("ep0", 31000), entry("ep1", 32000));
    assertThat(texts(m.portResources())).containsExactly("ports [31000-31000,32000-32000] @*");
  }

  @Test
  void g28StaticPortsAreExcludedFromDynamicOnes() {
    ResourceMatch m = matched(MATCHER.match(podWithPorts(0, 31000, 0), enough("*").ports(31000, 31010).build()));

    assertThat(m.hostPorts()).containsExactly(entry("ep0", 31001), entry("ep1", 31000), entry("ep2", 31002));
    assertThat(texts(m.portResources())).containsExactly("ports [31000-31002] @*");
  }

  @Test
  void g28ACustomStrategyChoosesTheDynamicPorts() {
    List<List<PortRange>> seen = new ArrayList<>();
    PortStrategy highest = (count, free) -> {
      seen.add(free);
      List<Long> out = new ArrayList<>();
      PortRange last = free.get(free.size() - 1);
      for (long p = last.end(); out.size() < count; p--) {
        out.add(p);
      }
      return Optional.of(out);
    };
    OfferMatcher matcher = new OfferMatcher(MatchConfig.DEFAULT.withPortStrategy(highest));

    ResourceMatch m = matched(matcher.match(podWithPorts(0, 31005, 0), enough("*").ports(31000, 31010)
        .build()));

    assertThat(m.hostPorts()).containsExactly(entry("ep0", 31010), entry("ep1", 31005), entry("ep2", 31009));
    // The strategy sees sorted, merged free ranges with the static port already removed.
    assertThat(seen).containsExactly(List.of(new PortRange(31000, 31004), new PortRange(31006, 31010)));
    assertThat(texts(m.portResources())).containsExactly("ports [31005-31005,31009-31010] @*");
  }

  @Test
  void aStrategyBreakingItsContractIsAProgrammingError() {
    OfferMatcher matcher = new OfferMatcher(MatchConfig.DEFAULT.withPortStrategy(
        (count, free) -> Optional.of(List.of(80L))));

    assertThatThrownBy(() -> matcher.match(podWithPorts(0), enough("*").ports(31000, 31010).build()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("80");
  }

  @Test
  void aStaticPortOutsideTheOfferedRangesIsInsufficientPorts() {
    MatchResult result = MATCHER.match(podWithPorts(80, 0), enough("*").ports(31000, 31010).build());

    assertThat(kinds(result)).containsExactly(Kind.INSUFFICIENT_PORTS);
    NoMatchReason r = reason(result, Kind.INSUFFICIENT_PORTS);
    assertThat(r.asked()).isEqualTo("2");
    assertThat(r.available()).isEqualTo("11");
    assertThat(r.message()).contains("static host port 80", "ep0", "31000-31010");
  }

  @Test
  void tooFewFreePortsForTheDynamicOnesIsInsufficientPorts() {
    MatchResult result = MATCHER.match(podWithPorts(31000, 0, 0), enough("*").ports(31000, 31001).build());

    NoMatchReason r = reason(result, Kind.INSUFFICIENT_PORTS);
    assertThat(r).extracting(NoMatchReason::asked, NoMatchReason::available).containsExactly("3", "2");
    assertThat(r.message()).contains("2 dynamic host ports asked, 1 free");
  }

  @Test
  void noPortsOfferedAtAll() {
    assertThat(kinds(MATCHER.match(podWithPorts(0), enough("*").build()))).containsExactly(Kind.INSUFFICIENT_PORTS);
  }

  @Test
  void portsOfARoleThePodDoesNotAcceptAreNotOffered() {
    ValidPod pod = valid(pod("/dev/web", EXEC, container("app", 0.5, 64, 0, 0).endpoint(endpoint("http", 31000)))
        .role("dev"));

    MatchResult result = MATCHER.match(pod, enough("dev").resource(OfferBuilder.ports("ops", 31000, 31010)).build());

    assertThat(kinds(result)).containsExactly(Kind.INSUFFICIENT_PORTS);
  }

  @Test
  void portResourcesAreGroupedByTheirOfferedResourceAscendingAndMerged() {
    ValidPod pod = valid(pod("/dev/web", EXEC,
        container("a", 0.5, 64, 0, 0).endpoint(endpoint("x", 0)).endpoint(endpoint("y", 31007)),
        container("b", 0.5, 64, 0, 0).endpoint(endpoint("z", 0)).endpoint(endpoint("w", 0))).role("dev"));
    Protos.Offer offer = enough("dev").resource(OfferBuilder.ports("dev", 31005, 31010))
        .resource(OfferBuilder.ports("*", 31000, 31001)).build();

    ResourceMatch m = matched(MATCHER.match(pod, offer));

    assertThat(m.hostPorts()).containsExactly(entry("x", 31000), entry("y", 31007), entry("z", 31001),
        entry("w", 31005));
    assertThat(texts(m.portResources()))
        .containsExactly("ports [31000-31001] @*", "ports [31005-31005,31007-31007] @dev");
    assertThat(m.portResources()).allSatisfy(r -> {
      assertThat(r.getType()).isEqualTo(Protos.Value.Type.RANGES);
      assertThat(r.getAllocationInfo().getRole()).isEqualTo("dev");
    });
  }

  @Test
  void anEndpointWithoutHostPortGetsNone() {
    ValidPod pod = valid(pod(EXEC, container("app", 0.5, 64, 0, 0)
        .endpoint(Endpoint.builder("internal").containerPort(8080).build())
        .endpoint(Endpoint.builder("public").containerPort(8443).hostPort(0).build()))
        .network(Network.container("dcos")));

    ResourceMatch m = matched(MATCHER.match(pod, enough("*").ports(31000, 31010).build()));

    assertThat(m.hostPorts()).containsExactly(entry("public", 31000));
  }

  @Test
  void aHostNetworkEndpointWithoutHostPortIsDynamicAfterNormalization() {
    ValidPod pod = valid(pod(EXEC, container("app", 0.5, 64, 0, 0).endpoint(Endpoint.builder("http").build())));

    ResourceMatch m = matched(MATCHER.match(pod, enough("*").ports(31000, 31010).build()));

    assertThat(m.hostPorts()).containsExactly(entry("http", 31000));
  }

  @Test
  void thePortStrategyDefaultIsLowestFree() {
    assertThat(PortStrategy.lowestFree().choose(3, List.of(new PortRange(10, 11), new PortRange(20, 30))))
        .contains(List.of(10L, 11L, 20L));
  }
}
