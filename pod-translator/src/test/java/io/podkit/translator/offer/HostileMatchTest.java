package io.podkit.translator.offer;

import static io.podkit.translator.offer.MatchAssertions.kinds;
import static io.podkit.translator.offer.MatchAssertions.matched;
import static io.podkit.translator.offer.Pods.container;
import static io.podkit.translator.offer.Pods.placement;
import static io.podkit.translator.offer.Pods.pod;
import static io.podkit.translator.offer.Pods.valid;
import static io.podkit.translator.offer.OfferBuilder.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.podkit.model.Constraint;
import io.podkit.model.ConstraintOperator;
import io.podkit.model.Container;
import io.podkit.model.ExecutorResources;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.PersistentVolumeType;
import io.podkit.model.Pod;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import io.podkit.translator.offer.NoMatchReason.Kind;
import io.podkit.validation.ValidPod;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.Protos;
import org.apache.mesos.Protos.Resource.DiskInfo.Source.Type;
import org.junit.jupiter.api.Test;

/**
 * Regressions of the hostile-input audit (docs/invariants.md): amounts whose sums overflow a
 * {@code long}, and regular expressions that backtrack without end. Matching answers with a value,
 * quickly, whatever the pod and the offer.
 */
class HostileMatchTest {
  private static final OfferMatcher MATCHER = new OfferMatcher(MatchConfig.DEFAULT);
  private static final Duration QUICKLY = Duration.ofSeconds(10);

  @Test
  void aPodWhoseTotalOverflowsALongIsShortOfCpusNotAnException() {
    // Each amount is capped at 10^12 units (10^15 thousandths); 9,300 of them pass Long.MAX_VALUE.
    Pod.Builder pod = Pod.builder("/huge").executorResources(ExecutorResources.of(1e300, 32, 10));
    for (int i = 0; i < 9_300; i++) {
      pod.container(Container.builder("c" + i).shell("x").resources(1e300, 32));
    }
    ValidPod huge = valid(pod);

    MatchResult result = MATCHER.match(huge, offer("*").cpus(1e300).mem(1e9).disk(1e9).build());

    assertThat(kinds(result)).containsExactly(Kind.INSUFFICIENT_CPUS);
  }

  @Test
  void anOfferWhoseTotalOverflowsALongStillServesASmallPod() {
    OfferBuilder offer = offer("*").mem(128).disk(100);
    for (int i = 0; i < 10_000; i++) {
      offer.cpus(1e300);
    }
    ValidPod small = valid(pod(ExecutorResources.of(0.1, 32, 10), container("c", 1, 64, 0, 0)));

    ResourceMatch m = matched(MATCHER.match(small, offer.build()));

    assertThat(MatchAssertions.texts(m.containerResources().get(0))).containsExactly("cpus 1 @*", "mem 64 @*");
  }

  @Test
  void aBacktrackingPlacementPatternIsNotMetInsteadOfRunningForHours() {
    // Without a bound this takes hours on a 15-character hostname ({12} already takes seconds).
    String slow = "(.*-?.*){20}X";
    for (ConstraintOperator op : List.of(ConstraintOperator.LIKE, ConstraintOperator.UNLIKE)) {
      ValidPod pod = valid(pod(ExecutorResources.of(0.1, 32, 10), container("c", 1, 64, 0, 0))
          .scheduling(placement(List.of(Constraint.of("hostname", op, slow)), List.of())));
      Protos.Offer offer = offer("*").hostname("agent-1.example").cpus(2).mem(128).disk(100).build();

      MatchResult result = assertTimeoutPreemptively(QUICKLY, () -> MATCHER.match(pod, offer));

      assertThat(kinds(result)).as("%s", op).containsExactly(Kind.UNFULFILLED_CONSTRAINT);
    }
  }

  @Test
  void aThousandBacktrackingPatternsShareOneBoundedBudget() {
    Constraint slow = Constraint.of("hostname", ConstraintOperator.LIKE, "(.*-?.*){20}X");
    ValidPod pod = valid(pod(ExecutorResources.of(0.1, 32, 10), container("c", 1, 64, 0, 0))
        .scheduling(placement(java.util.Collections.nCopies(1_000, slow), List.of())));
    Protos.Offer offer = offer("*").hostname("agent-1.example").cpus(2).mem(128).disk(100).build();

    MatchResult result = assertTimeoutPreemptively(QUICKLY, () -> MATCHER.match(pod, offer));

    assertThat(kinds(result)).hasSize(1_000).containsOnly(Kind.UNFULFILLED_CONSTRAINT);
  }

  @Test
  void aPatternOverAVeryLongAttributeCannotOverflowTheStack() {
    // java.util.regex recurses once per repetition: (a|b)* over 200,000 characters overflows a 1 MiB stack.
    ValidPod pod = valid(pod(ExecutorResources.of(0.1, 32, 10), container("c", 1, 64, 0, 0))
        .scheduling(placement(List.of(Constraint.of("hostname", ConstraintOperator.LIKE, "(a|b)*")), List.of())));
    Protos.Offer offer = offer("*").hostname("ab".repeat(100_000)).cpus(2).mem(128).disk(100).build();

    assertThat(kinds(MATCHER.match(pod, offer))).containsExactly(Kind.UNFULFILLED_CONSTRAINT);
  }

  @Test
  void ordinaryPatternsStillDecide() {
    ValidPod like = valid(pod(ExecutorResources.of(0.1, 32, 10), container("c", 1, 64, 0, 0))
        .scheduling(placement(List.of(Constraint.of("hostname", ConstraintOperator.LIKE, "agent-[0-9]+\\..*")),
            List.of())));
    ValidPod unlike = valid(pod(ExecutorResources.of(0.1, 32, 10), container("c", 1, 64, 0, 0))
        .scheduling(placement(List.of(Constraint.of("hostname", ConstraintOperator.UNLIKE, "agent-[0-9]+\\..*")),
            List.of())));
    Protos.Offer offer = offer("*").hostname("agent-1.example").cpus(2).mem(128).disk(100).build();

    assertThat(MATCHER.match(like, offer)).isInstanceOf(MatchResult.Match.class);
    assertThat(kinds(MATCHER.match(unlike, offer))).containsExactly(Kind.UNFULFILLED_CONSTRAINT);
  }

  @Test
  void aBacktrackingVolumePathPatternFitsNoDiskInsteadOfRunningForHours() {
    Volume.Persistent data = Volume.persistent("data", new PersistentVolumeInfo(Optional.of(PersistentVolumeType.PATH),
        100, Optional.empty(), Optional.empty(), List.of(List.of("path", "LIKE", "(.*-?.*){20}X"))));
    ValidPod pod = valid(Pod.builder("/dev/db").role("dev").executorResources(ExecutorResources.of(0.1, 32, 10))
        .volume(data)
        .container(container("db", 0.5, 64, 0, 0).volumeMount(VolumeMount.of("data", "data"))));
    Protos.Offer offer = offer("dev").cpus(1).mem(96).disk(10)
        .resource(OfferBuilder.sourcedDisk(Type.PATH, 1500, "/mnt/data-volume-1.example"))
        .build();

    MatchResult result = assertTimeoutPreemptively(QUICKLY, () -> MATCHER.matchForReservation(pod, offer));

    assertThat(kinds(result)).containsExactly(Kind.INSUFFICIENT_DISK);
  }
}
