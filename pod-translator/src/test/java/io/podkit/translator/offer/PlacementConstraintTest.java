package io.podkit.translator.offer;

import static io.podkit.translator.offer.MatchAssertions.kinds;
import static io.podkit.translator.offer.MatchAssertions.reason;
import static io.podkit.translator.offer.MatchAssertions.reasons;
import static io.podkit.translator.offer.OfferBuilder.offer;
import static io.podkit.translator.offer.Pods.container;
import static io.podkit.translator.offer.Pods.placement;
import static io.podkit.translator.offer.Pods.pod;
import static io.podkit.translator.offer.Pods.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Constraint;
import io.podkit.model.ConstraintOperator;
import io.podkit.model.ExecutorResources;
import io.podkit.translator.offer.NoMatchReason.Kind;
import io.podkit.validation.ValidPod;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** E.2 placement constraints, with Marathon's semantics (Constraints.scala). */
class PlacementConstraintTest {
  private static final OfferMatcher MATCHER = new OfferMatcher(MatchConfig.DEFAULT);

  private static ValidPod podWith(Constraint... constraints) {
    return valid(pod(ExecutorResources.of(0.1, 32, 10), container("app", 0.5, 64, 0, 0))
        .scheduling(placement(Arrays.asList(constraints), List.of())));
  }

  /** An offer with room for the pod, from {@code host} with {@code rack} (absent if null). */
  private static OfferBuilder from(String host, String rack) {
    OfferBuilder b = offer("*").hostname(host).cpus(1).mem(96).disk(10);
    return rack == null ? b : b.text("rack", rack);
  }

  private static Agent agent(String host, String rack) {
    return new Agent(host, rack == null ? Map.of() : Map.of("rack", rack));
  }

  private static boolean fits(Constraint c, Protos.Offer offer, Agent... running) {
    return MATCHER.match(podWith(c), offer, List.of(running)) instanceof MatchResult.Match;
  }

  private static Constraint c(String field, ConstraintOperator op) {
    return Constraint.of(field, op);
  }

  private static Constraint c(String field, ConstraintOperator op, String value) {
    return Constraint.of(field, op, value);
  }

  @Nested
  class Unique {
    @Test
    void hostnameUniqueRejectsAnAgentThatRunsAnInstance() {
      Constraint unique = c("hostname", ConstraintOperator.UNIQUE);
      assertThat(fits(unique, from("h1", null).build(), agent("h1", null))).isFalse();
      assertThat(fits(unique, from("h2", null).build(), agent("h1", null))).isTrue();
      assertThat(fits(c("@hostname", ConstraintOperator.UNIQUE), from("h1", null).build(), agent("h1", null)))
          .isFalse();
    }

    @Test
    void attributeUniqueComparesTheAttributeAndFailsWithoutIt() {
      Constraint unique = c("rack", ConstraintOperator.UNIQUE);
      assertThat(fits(unique, from("h2", "r1").build(), agent("h1", "r1"))).isFalse();
      assertThat(fits(unique, from("h2", "r2").build(), agent("h1", "r1"), agent("h3", null))).isTrue();
      assertThat(fits(unique, from("h2", null).build())).isFalse();
    }
  }

  @Nested
  class Cluster {
    @Test
    void withAValueTheAgentMustHaveIt() {
      assertThat(fits(c("rack", ConstraintOperator.CLUSTER, "r1"), from("h", "r1").build())).isTrue();
      assertThat(fits(c("rack", ConstraintOperator.CLUSTER, "r1"), from("h", "r2").build())).isFalse();
      assertThat(fits(c("hostname", ConstraintOperator.CLUSTER, "h"), from("h", null).build())).isTrue();
    }

    @Test
    void withoutAValueTheFirstRunningInstanceDecides() {
      Constraint cluster = c("rack", ConstraintOperator.CLUSTER);
      assertThat(fits(cluster, from("h", "r2").build())).isTrue();
      assertThat(fits(cluster, from("h", "r2").build(), agent("x", "r1"))).isFalse();
      assertThat(fits(cluster, from("h", "r1").build(), agent("x", "r1"))).isTrue();
      assertThat(fits(cluster, from("h", null).build())).isFalse();
    }
  }

  @Nested
  class GroupBy {
    private final Constraint byRack = c("rack", ConstraintOperator.GROUP_BY, "2");

    @Test
    void aNewValueIsAlwaysWelcome() {
      assertThat(fits(byRack, from("h", "r2").build(), agent("a", "r1"))).isTrue();
    }

    @Test
    void aKnownValueOnlyOnceThereAreEnoughGroups() {
      assertThat(fits(byRack, from("h", "r1").build(), agent("a", "r1"))).isFalse();
      assertThat(fits(byRack, from("h", "r1").build(), agent("a", "r1"), agent("b", "r2"))).isTrue();
    }

    @Test
    void aKnownValueOnlyIfItsGroupIsASmallest() {
      Protos.Offer r1 = from("h", "r1").build();
      assertThat(fits(byRack, r1, agent("a", "r1"), agent("b", "r1"), agent("c", "r2"))).isFalse();
      assertThat(fits(byRack, from("h", "r2").build(), agent("a", "r1"), agent("b", "r1"), agent("c", "r2")))
          .isTrue();
      assertThat(fits(c("rack", ConstraintOperator.GROUP_BY), r1, agent("a", "r1"))).isTrue();
    }

    @Test
    void missingAttributeFails() {
      assertThat(fits(byRack, from("h", null).build())).isFalse();
    }
  }

  @Nested
  class LikeAndUnlike {
    @Test
    void likeIsAFullRegexMatch() {
      assertThat(fits(c("rack", ConstraintOperator.LIKE, "r[0-9]"), from("h", "r1").build())).isTrue();
      assertThat(fits(c("rack", ConstraintOperator.LIKE, "r[0-9]"), from("h", "r1x").build())).isFalse();
      assertThat(fits(c("hostname", ConstraintOperator.LIKE, "web-.*"), from("web-3", null).build())).isTrue();
    }

    @Test
    void likeFailsWithoutTheAttributeOrWithAnEmptyValue() {
      assertThat(fits(c("rack", ConstraintOperator.LIKE, "r.*"), from("h", null).build())).isFalse();
      assertThat(fits(c("rack", ConstraintOperator.LIKE, ""), from("h", "").build())).isFalse();
    }

    @Test
    void unlikeHoldsWhenTheAttributeIsMissingOrDoesNotMatch() {
      assertThat(fits(c("rack", ConstraintOperator.UNLIKE, "r1"), from("h", null).build())).isTrue();
      assertThat(fits(c("rack", ConstraintOperator.UNLIKE, "r1"), from("h", "r2").build())).isTrue();
      assertThat(fits(c("rack", ConstraintOperator.UNLIKE, "r1"), from("h", "r1").build())).isFalse();
    }
  }

  @Nested
  class MaxPer {
    @Test
    void fewerThanTheMaximumShareTheValue() {
      Constraint two = c("rack", ConstraintOperator.MAX_PER, "2");
      assertThat(fits(two, from("h", "r1").build(), agent("a", "r1"))).isTrue();
      assertThat(fits(two, from("h", "r1").build(), agent("a", "r1"), agent("b", "r1"))).isFalse();
      assertThat(fits(two, from("h", "r2").build(), agent("a", "r1"), agent("b", "r1"))).isTrue();
      assertThat(fits(c("hostname", ConstraintOperator.MAX_PER, "1"), from("h", null).build(), agent("h", null)))
          .isFalse();
    }
  }

  @Nested
  class Is {
    @Test
    void textAttributes() {
      assertThat(fits(c("rack", ConstraintOperator.IS, "r1"), from("h", "r1").build())).isTrue();
      assertThat(fits(c("rack", ConstraintOperator.IS, "r1"), from("h", "r10").build())).isFalse();
      assertThat(fits(c("rack", ConstraintOperator.IS, "r1"), from("h", null).build())).isFalse();
    }

    @Test
    void scalarAttributesCompareAsMesosPrintsThem() {
      Protos.Offer offer = from("h", null).scalarAttribute("level", 2.5).scalarAttribute("count", 2).build();
      assertThat(fits(c("level", ConstraintOperator.IS, "2.50"), offer)).isTrue();
      assertThat(fits(c("count", ConstraintOperator.IS, "2"), offer)).isTrue();
      assertThat(fits(c("count", ConstraintOperator.IS, "2.0"), offer)).isTrue();
      assertThat(fits(c("count", ConstraintOperator.IS, "3"), offer)).isFalse();
    }
  }

  @Test
  void regionAndZoneComeFromTheFaultDomain() {
    Protos.Offer offer = from("h", null).domain("eu", "eu-1a").build();
    assertThat(fits(c("@region", ConstraintOperator.IS, "eu"), offer)).isTrue();
    assertThat(fits(c("@zone", ConstraintOperator.UNIQUE), offer, new Agent("x", Map.of("@zone", "eu-1a"))))
        .isFalse();
    assertThat(fits(c("@zone", ConstraintOperator.IS, "eu-1a"), from("h", null).build())).isFalse();
  }

  @Test
  void eachFailingConstraintIsAReasonNamingIt() {
    ValidPod pod = podWith(c("hostname", ConstraintOperator.UNIQUE), c("rack", ConstraintOperator.IS, "r1"),
        c("rack", ConstraintOperator.UNLIKE, "r9"));

    MatchResult result = MATCHER.match(pod, from("h1", "r2").build(), List.of(agent("h1", "r1")));

    assertThat(kinds(result)).containsExactly(Kind.UNFULFILLED_CONSTRAINT, Kind.UNFULFILLED_CONSTRAINT);
    assertThat(reasons(result).get(0).asked()).isEqualTo("[\"hostname\",\"UNIQUE\"]");
    assertThat(reasons(result).get(0).available()).isEqualTo("h1");
    assertThat(reasons(result).get(1).message()).contains("[\"rack\",\"IS\",\"r1\"]", "rack = r2", "h1");
  }

  @Test
  void constraintsAreReportedAlongsideOtherReasons() {
    ValidPod pod = podWith(c("rack", ConstraintOperator.IS, "r1"));

    MatchResult result = MATCHER.match(pod, offer("*").hostname("h").cpus(0.1).mem(96).disk(10).build());

    assertThat(kinds(result)).containsExactly(Kind.INSUFFICIENT_CPUS, Kind.UNFULFILLED_CONSTRAINT);
    assertThat(reason(result, Kind.UNFULFILLED_CONSTRAINT).message()).contains("no rack");
  }

  @Test
  void agentOfWritesAttributesAsMarathonDoes() {
    Protos.Offer offer = offer().hostname("h")
        .scalarAttribute("cpus", 2).scalarAttribute("ratio", 2.5).scalarAttribute("fine", 1.23456)
        .attribute(Protos.Attribute.newBuilder().setName("ports").setType(Protos.Value.Type.RANGES)
            .setRanges(Protos.Value.Ranges.newBuilder()
                .addRange(Protos.Value.Range.newBuilder().setBegin(40).setEnd(50))
                .addRange(Protos.Value.Range.newBuilder().setBegin(1).setEnd(2))).build())
        .attribute(Protos.Attribute.newBuilder().setName("disks").setType(Protos.Value.Type.SET)
            .setSet(Protos.Value.Set.newBuilder().addItem("ssd").addItem("hdd")).build())
        .text("rack", "r1").text("rack", "r2")
        .domain("eu", "eu-1a").build();

    Agent agent = OfferMatcher.agentOf(offer);

    assertThat(agent.hostname()).isEqualTo("h");
    assertThat(agent.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("cpus", "2", "ratio", "2.5",
        "fine", "1.235", "ports", "[1-2,40-50]", "disks", "{hdd,ssd}", "rack", "r1", "@region", "eu",
        "@zone", "eu-1a"));
  }
}
