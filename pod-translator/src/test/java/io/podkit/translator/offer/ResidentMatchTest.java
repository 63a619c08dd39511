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

import io.podkit.model.Container;
import io.podkit.model.ExecutorResources;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.PersistentVolumeType;
import io.podkit.model.Pod;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import io.podkit.translator.offer.NoMatchReason.Kind;
import io.podkit.validation.ValidPod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.Protos;
import org.apache.mesos.Protos.Resource.DiskInfo.Source.Type;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Resident pods: A.6 reserve-and-create, then launch on the reservation. */
class ResidentMatchTest {
  private static final OfferMatcher MATCHER = new OfferMatcher(MatchConfig.DEFAULT);
  private static final ExecutorResources EXEC = ExecutorResources.of(0.1, 32, 10);

  /** {@code /dev/db} (role dev) with one container mounting each volume. */
  private static ValidPod resident(Volume.Persistent... volumes) {
    Container.Builder c = container("db", 0.5, 64, 0, 0).endpoint(endpoint("pg", 0));
    Pod.Builder pod = pod("/dev/db", EXEC).role("dev");
    for (Volume.Persistent v : volumes) {
      c.volumeMount(VolumeMount.of(v.name(), v.name()));
      pod.volume(v);
    }
    return valid(pod.container(c));
  }

  private static Volume.Persistent root(String name, long size) {
    return Volume.persistent(name, PersistentVolumeInfo.ofSize(size));
  }

  private static Volume.Persistent typed(String name, PersistentVolumeType type, long size, Optional<Long> maxSize,
      Optional<String> profile, List<List<String>> constraints) {
    return Volume.persistent(name, new PersistentVolumeInfo(Optional.of(type), size, maxSize, profile, constraints));
  }

  @Nested
  class ForReservation {
    @Test
    void onlyUnreservedResourcesAreTakenAndVolumesComeFromRootDisk() {
      Protos.Offer offer = offer("dev").scalar("cpus", 8, "dev").cpus(1).mem(96).disk(50).disk(200)
          .resource(OfferBuilder.reserved("disk", 500, "dev", Map.of())).ports(31000, 31010).build();

      ResourceMatch m = matched(MATCHER.matchForReservation(resident(root("data", 100)), offer));

      assertThat(texts(m.executorResources())).containsExactly("cpus 0.1 @*", "mem 32 @*", "disk 10 @*");
      assertThat(texts(m.containerResources().get(0))).containsExactly("cpus 0.5 @*", "mem 64 @*");
      assertThat(texts(m.volumeResources())).containsExactly("disk 100 @*");
      assertThat(m.volumeResources().get(0).getAllocationInfo().getRole()).isEqualTo("dev");
      assertThat(texts(m.portResources())).containsExactly("ports [31000-31000] @*");
      assertThat(m.hostPorts()).containsExactly(entry("pg", 31000));
    }

    @Test
    void volumesComeBackInPodOrderThoughPlacedLargestFirst() {
      Protos.Offer offer = offer("dev").cpus(1).mem(96).disk(15).disk(100).disk(5).ports(31000, 31010).build();

      ResourceMatch m = matched(MATCHER.matchForReservation(resident(root("small", 5), root("big", 100)), offer));

      // big takes the 100 disk, small the first with room (15); scratch 10 takes the rest of the 15.
      assertThat(texts(m.volumeResources())).containsExactly("disk 5 @*", "disk 100 @*");
      assertThat(texts(m.executorResources())).containsExactly("cpus 0.1 @*", "mem 32 @*", "disk 10 @*");
    }

    @Test
    void theDiskNeedIncludesThePersistentVolumes() {
      MatchResult result = MATCHER.matchForReservation(resident(root("data", 100)),
          offer("dev").cpus(1).mem(96).disk(105).ports(31000, 31010).build());

      NoMatchReason r = reason(result, Kind.INSUFFICIENT_DISK);
      assertThat(r).extracting(NoMatchReason::asked, NoMatchReason::available).containsExactly("110", "105");
      assertThat(r.message()).contains("scratch disk 10");
    }

    @Test
    void aVolumeIsNeverSplitAcrossOfferedDisks() {
      MatchResult result = MATCHER.matchForReservation(resident(root("data", 100)),
          offer("dev").cpus(1).mem(96).disk(60).disk(60).ports(31000, 31010).build());

      assertThat(reason(result, Kind.INSUFFICIENT_DISK).message())
          .contains("persistent volume data (root, 100) fits no offered root disk");
    }

    @Test
    void pathVolumesTakeThePathDiskWithMostRoomThatMeetsTheirConstraints() {
      Protos.Offer offer = offer("dev").cpus(1).mem(96).disk(10).ports(31000, 31010)
          .resource(OfferBuilder.sourcedDisk(Type.PATH, 1500, "/mnt/a"))
          .resource(OfferBuilder.sourcedDisk(Type.PATH, 3000, "/mnt/b")).build();

      ResourceMatch anywhere = matched(MATCHER.matchForReservation(resident(
          typed("data", PersistentVolumeType.PATH, 1000, Optional.empty(), Optional.empty(), List.of())), offer));
      ResourceMatch onA = matched(MATCHER.matchForReservation(resident(typed("data", PersistentVolumeType.PATH,
          1000, Optional.empty(), Optional.empty(), List.of(List.of("path", "LIKE", "/mnt/a")))), offer));
      MatchResult nowhere = MATCHER.matchForReservation(resident(typed("data", PersistentVolumeType.PATH,
          1000, Optional.empty(), Optional.empty(), List.of(List.of("path", "LIKE", "/mnt/c")))), offer);

      assertThat(anywhere.volumeResources().get(0).getDisk().getSource().getPath().getRoot()).isEqualTo("/mnt/b");
      assertThat(texts(anywhere.volumeResources())).containsExactly("disk 1000 @*");
      assertThat(onA.volumeResources().get(0).getDisk().getSource().getPath().getRoot()).isEqualTo("/mnt/a");
      assertThat(kinds(nowhere)).containsExactly(Kind.INSUFFICIENT_DISK);
      // Scratch disk never comes from a path disk.
      assertThat(anywhere.executorResources().get(2).hasDisk()).isFalse();
    }

    @Test
    void mountVolumesTakeTheSmallestWholeDiskWithinMaxSize() {
      Protos.Offer offer = offer("dev").cpus(1).mem(96).disk(10).ports(31000, 31010)
          .resource(OfferBuilder.sourcedDisk(Type.MOUNT, 5000, "/mnt/big"))
          .resource(OfferBuilder.sourcedDisk(Type.MOUNT, 2000, "/mnt/small")).build();

      ResourceMatch m = matched(MATCHER.matchForReservation(resident(
          typed("data", PersistentVolumeType.MOUNT, 1000, Optional.empty(), Optional.empty(), List.of())), offer));
      MatchResult tooBig = MATCHER.matchForReservation(resident(
          typed("data", PersistentVolumeType.MOUNT, 1000, Optional.of(1500L), Optional.empty(), List.of())), offer);

      assertThat(texts(m.volumeResources())).containsExactly("disk 2000 @*");
      assertThat(m.volumeResources().get(0).getDisk().getSource().getMount().getRoot()).isEqualTo("/mnt/small");
      assertThat(kinds(tooBig)).containsExactly(Kind.INSUFFICIENT_DISK);
    }

    @Test
    void aVolumeProfileSelectsDisksWithThatProfileOnly() {
      Protos.Resource fast = OfferBuilder.sourcedDisk(Type.MOUNT, 4000, "/mnt/fast").toBuilder()
          .setDisk(OfferBuilder.sourcedDisk(Type.MOUNT, 4000, "/mnt/fast").getDisk().toBuilder()
              .setSource(OfferBuilder.sourcedDisk(Type.MOUNT, 4000, "/mnt/fast").getDisk().getSource().toBuilder()
                  .setProfile("fast"))).build();
      Protos.Offer offer = offer("dev").cpus(1).mem(96).disk(10).ports(31000, 31010)
          .resource(OfferBuilder.sourcedDisk(Type.MOUNT, 2000, "/mnt/plain")).resource(fast).build();

      ResourceMatch withProfile = matched(MATCHER.matchForReservation(resident(
          typed("data", PersistentVolumeType.MOUNT, 1000, Optional.empty(), Optional.of("fast"), List.of())), offer));
      ResourceMatch without = matched(MATCHER.matchForReservation(resident(
          typed("data", PersistentVolumeType.MOUNT, 1000, Optional.empty(), Optional.empty(), List.of())), offer));

      assertThat(withProfile.volumeResources().get(0).getDisk().getSource().getProfile()).isEqualTo("fast");
      assertThat(without.volumeResources().get(0).getDisk().getSource().getMount().getRoot()).isEqualTo("/mnt/plain");
    }

    @Test
    void aNonResidentPodCannotReserve() {
      ValidPod plain = valid(pod("/dev/web", EXEC, container("a", 0.5, 64, 0, 0)).role("dev"));
      assertThatThrownBy(() -> MATCHER.matchForReservation(plain, offer("dev").build()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> MATCHER.matchOnReservation(plain, offer("dev").build(), "x"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class OnReservation {
    private static final String LABEL = "dev_db.instance-1111";
    private static final String OTHER = "dev_db.instance-2222";

    private Map<String, String> labels(String instance) {
      return Map.of("marathon_framework_id", "fw", "marathon_task_id", instance);
    }

    /** What {@code instance} reserved: exactly the pod's needs, and volume {@code data}. */
    private OfferBuilder reservation(OfferBuilder offer, String instance, long port) {
      return offer
          .resource(OfferBuilder.reserved("cpus", 0.6, "dev", labels(instance)))
          .resource(OfferBuilder.reserved("mem", 96, "dev", labels(instance)))
          .resource(OfferBuilder.reserved("disk", 10, "dev", labels(instance)))
          .resource(OfferBuilder.reservedPorts("dev", labels(instance), port, port))
          .resource(OfferBuilder.persistentVolume("dev_db#data#" + instance.substring(16), 100, "dev",
              labels(instance)));
    }

    @Test
    void usesOnlyTheLabelledReservationAndItsVolumesUnchanged() {
      Protos.Offer offer = reservation(reservation(offer("dev").cpus(8).mem(4096).disk(1000), OTHER, 31001),
          LABEL, 31000).build();

      ResourceMatch m = matched(MATCHER.matchOnReservation(resident(root("data", 100)), offer, LABEL));

      assertThat(texts(m.executorResources())).containsExactly("cpus 0.1 @dev", "mem 32 @dev", "disk 10 @dev");
      assertThat(texts(m.containerResources().get(0))).containsExactly("cpus 0.5 @dev", "mem 64 @dev");
      assertThat(m.hostPorts()).containsExactly(entry("pg", 31000));
      Protos.Resource volume = offer.getResourcesList().stream()
          .filter(r -> r.getDisk().getPersistence().getId().equals("dev_db#data#1111")).findFirst().orElseThrow();
      assertThat(m.volumeResources()).containsExactly(volume);
      assertThat(m.executorResources()).allSatisfy(r -> assertThat(
          ResourceSelector.reservationLabels(r)).containsEntry("marathon_task_id", LABEL));
    }

    @Test
    void anotherInstancesReservationIsNotTaken() {
      Protos.Offer offer = reservation(offer("dev").cpus(8).mem(4096).disk(1000), OTHER, 31001).build();

      MatchResult result = MATCHER.matchOnReservation(resident(root("data", 100)), offer, LABEL);

      assertThat(kinds(result)).containsExactly(Kind.NO_CORRESPONDING_RESERVATION);
      NoMatchReason r = reason(result, Kind.NO_CORRESPONDING_RESERVATION);
      assertThat(r.asked()).isEqualTo("marathon_task_id=" + LABEL);
      assertThat(r.available()).isEqualTo(OTHER);
      assertThat(r.message()).contains("persistent volume data", "dev_db#data#");
    }

    @Test
    void aMissingVolumeIsNoCorrespondingReservation() {
      Protos.Offer offer = offer("dev")
          .resource(OfferBuilder.reserved("cpus", 0.6, "dev", labels(LABEL)))
          .resource(OfferBuilder.reserved("mem", 96, "dev", labels(LABEL)))
          .resource(OfferBuilder.reserved("disk", 10, "dev", labels(LABEL)))
          .resource(OfferBuilder.reservedPorts("dev", labels(LABEL), 31000, 31000)).build();

      MatchResult result = MATCHER.matchOnReservation(resident(root("data", 100)), offer, LABEL);

      assertThat(kinds(result)).containsExactly(Kind.NO_CORRESPONDING_RESERVATION);
    }

    @Test
    void aShrunkReservationIsInsufficientNotTopUpFromUnreservedResources() {
      Protos.Offer offer = offer("dev").cpus(8)
          .resource(OfferBuilder.reserved("cpus", 0.3, "dev", labels(LABEL)))
          .resource(OfferBuilder.reserved("mem", 96, "dev", labels(LABEL)))
          .resource(OfferBuilder.reserved("disk", 10, "dev", labels(LABEL)))
          .resource(OfferBuilder.reservedPorts("dev", labels(LABEL), 31000, 31000))
          .resource(OfferBuilder.persistentVolume("dev_db#data#1111", 100, "dev", labels(LABEL))).build();

      MatchResult result = MATCHER.matchOnReservation(resident(root("data", 100)), offer, LABEL);

      assertThat(kinds(result)).containsExactly(Kind.INSUFFICIENT_CPUS);
      assertThat(reason(result, Kind.INSUFFICIENT_CPUS).available()).isEqualTo("0.3");
    }
  }
}
