package io.podkit.translator.offer;

import static io.podkit.translator.offer.MatchAssertions.kinds;
import static io.podkit.translator.offer.MatchAssertions.matched;
import static io.podkit.translator.offer.MatchAssertions.reason;
import static io.podkit.translator.offer.MatchAssertions.texts;
import static io.podkit.translator.offer.OfferBuilder.offer;
import static io.podkit.translator.offer.Pods.container;
import static io.podkit.translator.offer.Pods.placement;
import static io.podkit.translator.offer.Pods.pod;
import static io.podkit.translator.offer.Pods.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podkit.model.ExecutorResources;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import io.podkit.translator.offer.NoMatchReason.Kind;
import io.podkit.validation.ValidPod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OfferMatcherTest {
  private static final OfferMatcher MATCHER = new OfferMatcher(MatchConfig.DEFAULT);
  private static final ExecutorResources EXEC = ExecutorResources.of(0.1, 32, 10);

  /** A pod {@code /dev/web} with role {@code dev}: executor 0.1/32/10, one container 0.5/64. */
  private static ValidPod devPod(double containerCpus) {
    return valid(pod("/dev/web", EXEC, container("app", containerCpus, 64, 0, 0)).role("dev"));
  }

  @Test
  void typicalSingleRoleOfferGivesEachConsumerExactlyItsAmountsInOnePiece() {
    ValidPod pod = valid(pod(EXEC, container("a", 0.5, 64, 0, 0), container("b", 1.0, 128, 5, 1)));
    Protos.Offer offer = offer("*").cpus(4).mem(1024).disk(100).gpus(2).ports(31000, 32000).build();

    ResourceMatch m = matched(MATCHER.match(pod, offer));

    assertThat(texts(m.executorResources())).containsExactly("cpus 0.1 @*", "mem 32 @*", "disk 10 @*");
    assertThat(texts(m.containerResources().get(0))).containsExactly("cpus 0.5 @*", "mem 64 @*");
    assertThat(texts(m.containerResources().get(1)))
        .containsExactly("cpus 1 @*", "mem 128 @*", "disk 5 @*", "gpus 1 @*");
    assertThat(m.portResources()).isEmpty();
    assertThat(m.hostPorts()).isEmpty();
    assertThat(m.volumeResources()).isEmpty();
    assertThat(m.executorResources()).allSatisfy(r -> {
      assertThat(r.getAllocationInfo().getRole()).isEqualTo("*");
      assertThat(r.getReservationsCount()).isZero();
      assertThat(r.getType()).isEqualTo(Protos.Value.Type.SCALAR);
    });
  }

  @Nested
  class DesignFixes {
    @Test
    void g1EqualAmountsOfExecutorAndContainerAreEachClaimedOnceWithTheirOwnRole() {
      // Marathon handed both consumers "the first packed entry of 0.5", i.e. the dev piece twice.
      ValidPod pod = valid(pod("/dev/web", ExecutorResources.of(0.5, 32, 10), container("app", 0.5, 64, 0, 0))
          .role("dev"));
      Protos.Offer offer = offer("dev").scalar("cpus", 0.5, "dev").cpus(0.5).mem(96).disk(10).build();

      ResourceMatch m = matched(MATCHER.match(pod, offer));

      assertThat(texts(m.executorResources())).startsWith("cpus 0.5 @dev");
      assertThat(texts(m.containerResources().get(0))).startsWith("cpus 0.5 @*");
    }

    @Test
    void g1TwoContainersWithEqualAmountsInAMixedOfferDoNotShareAPiece() {
      ValidPod pod = valid(pod("/dev/web", EXEC, container("a", 1, 64, 0, 0), container("b", 1, 64, 0, 0))
          .role("dev"));
      Protos.Offer offer = offer("dev").cpus(0.1).scalar("cpus", 1, "dev").cpus(1).mem(160).disk(10).build();

      ResourceMatch m = matched(MATCHER.match(pod, offer));

      assertThat(texts(m.containerResources().get(0))).startsWith("cpus 1 @dev");
      assertThat(texts(m.containerResources().get(1))).startsWith("cpus 1 @*");
    }

    @Test
    void g2AnAmountIsSplitAcrossOfferedResourcesOfDifferentRoles() {
      // 0.7 of dev + 0.4 of * hold 1.1 = executor 0.1 + container 1.0; no single piece holds 1.0.
      ValidPod pod = devPod(1.0);
      Protos.Offer offer = offer("dev").scalar("cpus", 0.7, "dev").cpus(0.4).mem(96).disk(10).build();

      ResourceMatch m = matched(MATCHER.match(pod, offer));

      assertThat(texts(m.executorResources())).startsWith("cpus 0.1 @dev");
      assertThat(texts(m.containerResources().get(0))).containsExactly("cpus 0.6 @dev", "cpus 0.4 @*", "mem 64 @*");
    }

    @Test
    void g3PiecesAreExactThousandthsWithoutFloatingPointLeftovers() {
      // In doubles 0.3 - 0.1 = 0.19999999999999998; Mesos' fixed point says 0.2.
      ValidPod pod = devPod(0.3);
      Protos.Offer offer = offer("dev").cpus(0.1).cpus(0.1).cpus(0.25).mem(96).disk(10).build();

      ResourceMatch m = matched(MATCHER.match(pod, offer));

      List<Protos.Resource> cpus = m.containerResources().get(0).stream()
          .filter(r -> r.getName().equals("cpus")).toList();
      assertThat(cpus).extracting(r -> r.getScalar().getValue()).containsExactly(0.1, 0.2);
    }

    @Test
    void g3ThirdsOfTenthsAddUpExactly() {
      ValidPod pod = devPod(0.3);
      Protos.Offer offer = offer("dev").cpus(0.1).cpus(0.1).cpus(0.2).mem(96).disk(10).build();

      ResourceMatch m = matched(MATCHER.match(pod, offer));

      assertThat(texts(m.containerResources().get(0))).containsExactly("cpus 0.1 @*", "cpus 0.2 @*", "mem 64 @*");
      assertThat(m.containerResources().get(0).get(1).getScalar().getValue()).isEqualTo(0.2);
    }

    @Test
    void g25EveryPieceCarriesTheOffersAllocationRole() {
      ValidPod pod = valid(pod("/dev/web", EXEC, container("app", 0.5, 64, 0, 0)
          .endpoint(Pods.endpoint("http", 0))).role("dev"));
      Protos.Offer offer = offer("dev").scalar("cpus", 1, "dev").mem(96).disk(10).ports(31000, 31010).build();

      ResourceMatch m = matched(MATCHER.match(pod, offer));

      List<Protos.Resource> all = new ArrayList<>(m.executorResources());
      m.containerResources().forEach(all::addAll);
      all.addAll(m.portResources());
      assertThat(all).hasSize(6).allSatisfy(r -> assertThat(r.getAllocationInfo().getRole()).isEqualTo("dev"));
    }

    @Test
    void g25WithoutAllocationInfoInTheOfferNoneIsInvented() {
      Protos.Offer offer = offer().cpus(1).mem(96).disk(10).build();

      ResourceMatch m = matched(MATCHER.match(valid(pod(EXEC, container("app", 0.5, 64, 0, 0))), offer));

      assertThat(m.executorResources()).noneMatch(Protos.Resource::hasAllocationInfo);
    }

    @Test
    void piecesKeepReservationProviderAndLabelsOfTheirOfferedResource() {
      Protos.Resource reserved = OfferBuilder.reserved("cpus", 2, "dev", Map.of("owner", "ops")).toBuilder()
          .setProviderId(Protos.ResourceProviderID.newBuilder().setValue("rp-1")).build();
      Protos.Offer offer = offer("dev").resource(reserved).mem(96).disk(10).build();

      ResourceMatch m = matched(MATCHER.match(devPod(0.5), offer));

      Protos.Resource piece = m.containerResources().get(0).get(0);
      assertThat(piece.toBuilder().clearScalar().clearAllocationInfo().build())
          .isEqualTo(reserved.toBuilder().clearScalar().build());
      assertThat(piece.getScalar().getValue()).isEqualTo(0.5);
    }
  }

  @Nested
  class Reasons {
    @Test
    void eachInsufficientScalarIsOneReasonWithAskedAndAvailable() {
      ValidPod pod = valid(pod(EXEC, container("a", 1, 100, 5, 2)));
      Protos.Offer offer = offer("*").cpus(1).mem(100).disk(14.5).gpus(1).ports(31000, 31001).build();

      MatchResult result = MATCHER.match(pod, offer);

      assertThat(kinds(result)).containsExactly(Kind.INSUFFICIENT_CPUS, Kind.INSUFFICIENT_MEM,
          Kind.INSUFFICIENT_DISK, Kind.INSUFFICIENT_GPUS);
      assertThat(reason(result, Kind.INSUFFICIENT_CPUS)).extracting(NoMatchReason::asked, NoMatchReason::available)
          .containsExactly("1.1", "1");
      assertThat(reason(result, Kind.INSUFFICIENT_MEM)).extracting(NoMatchReason::asked, NoMatchReason::available)
          .containsExactly("132", "100");
      assertThat(reason(result, Kind.INSUFFICIENT_DISK)).extracting(NoMatchReason::asked, NoMatchReason::available)
          .containsExactly("15", "14.5");
      assertThat(reason(result, Kind.INSUFFICIENT_GPUS)).extracting(NoMatchReason::asked, NoMatchReason::available)
          .containsExactly("2", "1");
      assertThat(reason(result, Kind.INSUFFICIENT_CPUS).message()).contains("cpus", "1.1");
    }

    @Test
    void aResourceKindThePodDoesNotNeedIsNeverInsufficient() {
      ValidPod pod = valid(pod(EXEC, container("a", 1, 64, 0, 0)));

      MatchResult result = MATCHER.match(pod, offer("*").cpus(1.1).mem(96).disk(10).build());

      assertThat(result).isInstanceOf(MatchResult.Match.class);
    }

    @Test
    void unfulfilledRoleWhenNoOfferedResourceHasAnAcceptedRole() {
      ValidPod pod = devPod(0.5);
      Protos.Offer offer = offer("dev").scalar("cpus", 4, "ops").scalar("mem", 1024, "ops").build();

      MatchResult result = MATCHER.match(pod, offer);

      assertThat(kinds(result)).containsExactly(Kind.INSUFFICIENT_CPUS, Kind.INSUFFICIENT_MEM,
          Kind.INSUFFICIENT_DISK, Kind.UNFULFILLED_ROLE);
      assertThat(reason(result, Kind.UNFULFILLED_ROLE)).extracting(NoMatchReason::asked, NoMatchReason::available)
          .containsExactly("*, dev", "ops");
    }

    @Test
    void roleNotAcceptedWhenTheOfferIsAllocatedToAnotherRole() {
      // E.0: Marathon's launch queue never shows such an offer to the pod.
      MatchResult result = MATCHER.match(devPod(0.5), offer("ops").cpus(4).mem(1024).disk(100).build());

      assertThat(kinds(result)).containsExactly(Kind.ROLE_NOT_ACCEPTED);
      assertThat(reason(result, Kind.ROLE_NOT_ACCEPTED)).extracting(NoMatchReason::asked, NoMatchReason::available)
          .containsExactly("dev", "ops");
    }

    @Test
    void portsAreNotLookedAtWhileScalarsDoNotFit() {
      ValidPod pod = valid(pod(EXEC, container("a", 1, 64, 0, 0).endpoint(Pods.endpoint("http", 80))));

      MatchResult result = MATCHER.match(pod, offer("*").cpus(0.5).mem(96).disk(10).ports(31000, 32000).build());

      assertThat(kinds(result)).containsExactly(Kind.INSUFFICIENT_CPUS);
    }

    @Test
    void allReasonsAreCollected() {
      ValidPod pod = valid(pod("/dev/web", EXEC, container("a", 1, 64, 0, 0)).role("dev")
          .scheduling(placement(List.of(io.podkit.model.Constraint.of("rack", io.podkit.model.ConstraintOperator.IS,
              "r1")), List.of())));

      MatchResult result = MATCHER.match(pod, offer("ops").scalar("cpus", 4, "ops").build());

      assertThat(kinds(result)).containsExactly(Kind.ROLE_NOT_ACCEPTED, Kind.INSUFFICIENT_CPUS,
          Kind.INSUFFICIENT_MEM, Kind.INSUFFICIENT_DISK, Kind.UNFULFILLED_ROLE, Kind.UNFULFILLED_CONSTRAINT);
    }
  }

  @Nested
  class ResourceSelection {
    @Test
    void persistentVolumesAreNeverScratchDisk() {
      Protos.Resource volume = OfferBuilder.persistentVolume("other#data#1", 1000, "*", Map.of());
      MatchResult result = MATCHER.match(valid(pod(EXEC, container("a", 1, 64, 0, 0))),
          offer("*").cpus(2).mem(96).resource(volume).build());

      assertThat(reason(result, Kind.INSUFFICIENT_DISK).available()).isEqualTo("0");
    }

    @Test
    void marathonResidentReservationsAreSkippedOtherReservationsAreUsed() {
      ValidPod pod = devPod(0.5);
      Protos.Offer offer = offer("dev")
          .resource(OfferBuilder.reserved("cpus", 8, "dev", Map.of("marathon_task_id", "dev_db.instance-1")))
          .resource(OfferBuilder.reserved("cpus", 8, "dev", Map.of("marathon_framework_id", "fw")))
          .resource(OfferBuilder.reserved("cpus", 0.6, "dev", Map.of("team", "ops")))
          .mem(96).disk(10).build();

      ResourceMatch m = matched(MATCHER.match(pod, offer));

      assertThat(texts(m.executorResources())).startsWith("cpus 0.1 @dev");
      assertThat(m.containerResources().get(0).get(0).getReservations(0).getLabels().getLabels(0).getValue())
          .isEqualTo("ops");
    }

    @Test
    void revocableResourcesAreNotUsed() {
      Protos.Resource revocable = OfferBuilder.scalarResource("cpus", 8, "*").toBuilder()
          .setRevocable(Protos.Resource.RevocableInfo.getDefaultInstance()).build();

      MatchResult result = MATCHER.match(devPod(0.5), offer("dev").resource(revocable).cpus(0.5).mem(96).disk(10)
          .build());

      assertThat(reason(result, Kind.INSUFFICIENT_CPUS).available()).isEqualTo("0.5");
    }

    @Test
    void thePreRefinementRoleFieldIsRead() {
      Protos.Offer offer = offer("dev").resource(OfferBuilder.legacyScalar("cpus", 1, "dev"))
          .resource(OfferBuilder.legacyScalar("cpus", 8, "ops")).mem(96).disk(10).build();

      ResourceMatch m = matched(MATCHER.match(devPod(0.5), offer));

      assertThat(texts(m.containerResources().get(0))).startsWith("cpus 0.5 @dev");
    }

    @Test
    void onlyRootDisksServeScratchDisk() {
      Protos.Offer offer = offer("*").cpus(1).mem(96)
          .resource(OfferBuilder.sourcedDisk(Protos.Resource.DiskInfo.Source.Type.PATH, 1000, "/mnt/a"))
          .resource(OfferBuilder.sourcedDisk(Protos.Resource.DiskInfo.Source.Type.MOUNT, 1000, "/mnt/b"))
          .resource(OfferBuilder.sourcedDisk(Protos.Resource.DiskInfo.Source.Type.BLOCK, 1000, ""))
          .resource(OfferBuilder.sourcedDisk(Protos.Resource.DiskInfo.Source.Type.RAW, 1000, ""))
          .disk(12).build();

      ResourceMatch m = matched(MATCHER.match(valid(pod(EXEC, container("a", 0.5, 64, 2, 0))), offer));

      assertThat(m.executorResources().get(2).hasDisk()).isFalse();
      assertThat(m.containerResources().get(0).get(2).hasDisk()).isFalse();
      assertThat(texts(m.containerResources().get(0))).contains("disk 2 @*");
    }
  }

  @Nested
  class AcceptedRolesRules {
    private final Protos.Offer mixed = offer("dev").scalar("cpus", 1, "dev").cpus(1).scalar("mem", 96, "dev")
        .mem(96).scalar("disk", 10, "dev").disk(10).build();

    private ValidPod withAccepted(List<String> roles) {
      return valid(pod("/dev/web", EXEC, container("a", 0.5, 64, 0, 0)).role("dev")
          .scheduling(placement(List.of(), roles)));
    }

    @Test
    void anyTakesThePodRoleAndUnreservedInOfferOrder() {
      assertThat(MATCHER.acceptedRoles(devPod(0.5))).containsExactlyInAnyOrder("dev", "*");
      ResourceMatch m = matched(MATCHER.match(devPod(0.5), mixed));
      assertThat(texts(m.executorResources())).containsExactly("cpus 0.1 @dev", "mem 32 @dev", "disk 10 @dev");
    }

    @Test
    void unreservedTakesOnlyStar() {
      OfferMatcher matcher = new OfferMatcher(MatchConfig.DEFAULT.withAcceptedRoles(AcceptedRoles.UNRESERVED));
      ResourceMatch m = matched(matcher.match(devPod(0.5), mixed));
      assertThat(texts(m.executorResources())).containsExactly("cpus 0.1 @*", "mem 32 @*", "disk 10 @*");
    }

    @Test
    void reservedTakesOnlyThePodRole() {
      OfferMatcher matcher = new OfferMatcher(MatchConfig.DEFAULT.withAcceptedRoles(AcceptedRoles.RESERVED));
      assertThat(matcher.acceptedRoles(devPod(0.5))).containsExactly("dev");
      MatchResult result = matcher.match(devPod(0.5), offer("dev").cpus(4).mem(1024).disk(100).build());
      assertThat(kinds(result)).contains(Kind.INSUFFICIENT_CPUS, Kind.UNFULFILLED_ROLE);
    }

    @Test
    void thePodsOwnAcceptedRolesWinOverTheConfig() {
      OfferMatcher matcher = new OfferMatcher(MatchConfig.DEFAULT.withAcceptedRoles(AcceptedRoles.UNRESERVED));
      ValidPod pod = withAccepted(List.of("dev"));
      assertThat(matcher.acceptedRoles(pod)).containsExactly("dev");
      ResourceMatch m = matched(matcher.match(pod, mixed));
      assertThat(m.executorResources()).allSatisfy(r -> assertThat(ResourceSelector.roleOf(r)).isEqualTo("dev"));
      assertThat(m.containerResources().get(0)).allSatisfy(r -> assertThat(ResourceSelector.roleOf(r))
          .isEqualTo("dev"));
    }
  }

  @Test
  void aResidentPodCannotBeMatchedForAnOrdinaryLaunch() {
    ValidPod resident = valid(pod("/dev/db", EXEC, container("a", 0.5, 64, 0, 0)
        .volumeMount(VolumeMount.of("data", "data"))).role("dev")
        .volume(Volume.persistent("data", PersistentVolumeInfo.ofSize(100))));

    assertThatThrownBy(() -> MATCHER.match(resident, offer("dev").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("matchForReservation");
  }

  @Test
  void theSameInputGivesAnEqualResult() {
    ValidPod pod = valid(pod(EXEC, container("a", 0.5, 64, 1, 0).endpoint(Pods.endpoint("http", 0)),
        container("b", 0.25, 64, 0, 0).endpoint(Pods.endpoint("admin", 0))));
    Protos.Offer offer = offer("*").cpus(0.3).cpus(0.3).cpus(0.3).mem(200).disk(5).disk(10).ports(31000, 31010)
        .build();

    assertThat(MATCHER.match(pod, offer)).isEqualTo(MATCHER.match(pod, offer));
  }
}
