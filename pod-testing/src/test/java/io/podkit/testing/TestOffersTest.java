package io.podkit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podkit.translator.offer.OfferMatcher;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;

/** The offers TestOffers builds. */
class TestOffersTest {
  private static Map<String, Double> scalars(Protos.Offer offer) {
    return offer.getResourcesList().stream().filter(r -> r.getType() == Protos.Value.Type.SCALAR)
        .collect(Collectors.toMap(Protos.Resource::getName, r -> r.getScalar().getValue()));
  }

  private static List<Protos.Value.Range> ports(Protos.Offer offer) {
    return offer.getResourcesList().stream().filter(r -> r.getName().equals("ports"))
        .flatMap(r -> r.getRanges().getRangeList().stream()).toList();
  }

  @Test
  @SuppressWarnings("deprecation") // the single role of unreserved resources
  void ampleIsOneRoomyAgent() {
    Protos.Offer offer = TestOffers.ample().build();
    assertThat(offer.getId().getValue()).isEqualTo("offer-1");
    assertThat(offer.getSlaveId().getValue()).isEqualTo("agent-1");
    assertThat(offer.getHostname()).isEqualTo("agent-1.example");
    assertThat(offer.getFrameworkId().getValue()).isEqualTo("framework-1");
    assertThat(offer.getAllocationInfo().getRole()).isEqualTo("*");
    assertThat(scalars(offer)).containsExactlyInAnyOrderEntriesOf(
        Map.of("cpus", 8.0, "mem", 16384.0, "disk", 100000.0));
    assertThat(ports(offer)).singleElement().satisfies(r -> {
      assertThat(r.getBegin()).isEqualTo(31000);
      assertThat(r.getEnd()).isEqualTo(32000);
    });
    assertThat(offer.getResourcesList()).allSatisfy(r -> {
      assertThat(r.getRole()).isEqualTo("*");
      assertThat(r.getReservationsCount()).isZero();
      assertThat(r.getAllocationInfo().getRole()).isEqualTo("*");
    });
    assertThat(offer.getAttributesCount()).isZero();
    assertThat(offer.isInitialized()).isTrue();
  }

  @Test
  void amountsAndPortsCanBeChanged() {
    Protos.Offer offer = TestOffers.ample().cpus(2).mem(1024).disk(500).gpus(1).ports(40000, 40100).build();
    assertThat(scalars(offer)).containsExactlyInAnyOrderEntriesOf(
        Map.of("cpus", 2.0, "mem", 1024.0, "disk", 500.0, "gpus", 1.0));
    assertThat(ports(offer)).singleElement().satisfies(r -> {
      assertThat(r.getBegin()).isEqualTo(40000);
      assertThat(r.getEnd()).isEqualTo(40100);
    });
  }

  @Test
  void anAmountOfZeroLeavesTheResourceOut() {
    Protos.Offer offer = TestOffers.ample().cpus(0).noPorts().build();
    assertThat(offer.getResourcesList()).extracting(Protos.Resource::getName).containsExactly("mem", "disk");
  }

  @Test
  void roleAllocatesTheOfferAndItsResources() {
    Protos.Offer offer = TestOffers.ample().role("dev").build();
    assertThat(offer.getAllocationInfo().getRole()).isEqualTo("dev");
    assertThat(offer.getResourcesList()).allSatisfy(r -> assertThat(r.getAllocationInfo().getRole()).isEqualTo("dev"));
  }

  @Test
  void attributesAndFaultDomainAreWhatConstraintsSee() {
    Protos.Offer offer = TestOffers.ample().attribute("rack", "r1").attribute("generation", 3)
        .faultDomain("eu-west", "eu-west-1a").hostname("node-7.example").build();
    assertThat(OfferMatcher.agentOf(offer).hostname()).isEqualTo("node-7.example");
    assertThat(OfferMatcher.agentOf(offer).attributes()).containsEntry("rack", "r1").containsEntry("generation", "3")
        .containsEntry("@region", "eu-west").containsEntry("@zone", "eu-west-1a");
  }

  @Test
  void idsCanBeChanged() {
    Protos.Offer offer = TestOffers.ample().offerId("o-9").agentId("a-9").frameworkId("f-9").build();
    assertThat(offer.getId().getValue()).isEqualTo("o-9");
    assertThat(offer.getSlaveId().getValue()).isEqualTo("a-9");
    assertThat(offer.getFrameworkId().getValue()).isEqualTo("f-9");
  }

  @Test
  void eachChangeMakesANewBuilder() {
    TestOffers base = TestOffers.ample();
    base.cpus(1).attribute("rack", "r1").role("dev");
    assertThat(base.build()).isEqualTo(TestOffers.ample().build());
  }

  @Test
  void badAmountsAndRangesAreRejected() {
    assertThatThrownBy(() -> TestOffers.ample().cpus(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cpus must be a finite amount of 0 or more, got -1.0");
    assertThatThrownBy(() -> TestOffers.ample().mem(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TestOffers.ample().ports(32000, 31000)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ports must be a range within 0-65535, got 32000-31000");
  }
}
