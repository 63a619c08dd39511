package io.podkit.translator.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Container;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.Pod;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import io.podkit.translator.InstanceId;
import io.podkit.translator.ReservationOperations;
import io.podkit.translator.TaskGroupTranslator;
import io.podkit.translator.Translation;
import io.podkit.translator.TranslationConfig;
import io.podkit.translator.offer.MatchConfig;
import io.podkit.translator.offer.MatchResult;
import io.podkit.translator.offer.OfferMatcher;
import io.podkit.translator.preflight.LaunchGroupCheck;
import io.podkit.validation.PodValidator;
import io.podkit.validation.ValidPod;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;

/**
 * A resident pod end to end (translation-rules A.6): RESERVE + CREATE on an unreserved offer, then
 * LAUNCH_GROUP on the offer that holds the reservation and the volume. Both steps pass the Mesos
 * pre-flight check.
 */
class ResidentLaunchTest {
  private static final OfferMatcher MATCHER = new OfferMatcher(MatchConfig.DEFAULT);
  private static final InstanceId INSTANCE =
      new InstanceId("/dev/db", UUID.fromString("3f0c6e1a-1d2b-11ef-9c41-0242ac120002"));

  private final ValidPod pod = PodValidator.withDefaults().validate(Pod.builder("/dev/db").role("dev")
      .volume(Volume.persistent("data", PersistentVolumeInfo.ofSize(512)))
      .container(Container.builder("db").shell("postgres").resources(1, 256)
          .volumeMount(VolumeMount.of("data", "/var/lib/data")))
      .build()).orElseThrow();

  @Test
  void reserveAndCreateThenLaunchOnTheReservation() {
    Protos.Offer unreserved = offer("offer-1", List.of(
        scalar("cpus", 4), scalar("mem", 4096), scalar("disk", 10_000)));

    // Step 1: reserve what the pod needs and create its volume.
    MatchResult first = MATCHER.matchForReservation(pod, unreserved);
    assertThat(first).isInstanceOf(MatchResult.Match.class);
    List<Protos.Offer.Operation> reserveAndCreate = new ReservationOperations(
        ReservationOperations.ReservationConfig.of("podkit")).reserveAndCreate(
        pod.pod(), INSTANCE, Offers.FRAMEWORK, ((MatchResult.Match) first).resources());
    assertThat(reserveAndCreate).extracting(Protos.Offer.Operation::getType)
        .containsExactly(Protos.Offer.Operation.Type.RESERVE, Protos.Offer.Operation.Type.CREATE);
    assertThat(LaunchGroupCheck.check(Offers.FRAMEWORK, List.of(unreserved), reserveAndCreate)).isEmpty();

    // Step 2: the next offer holds the reservation and the volume, as Mesos offers them back.
    Protos.Offer reserved = offer("offer-2", offeredBack(reserveAndCreate));
    MatchResult second = MATCHER.matchOnReservation(pod, reserved, ReservationOperations.reservationLabelValue(INSTANCE));
    assertThat(second).as("%s", second).isInstanceOf(MatchResult.Match.class);
    Translation launch = new TaskGroupTranslator(TranslationConfig.DEFAULT)
        .translate(pod, reserved, ((MatchResult.Match) second).resources(), INSTANCE);

    assertThat(LaunchGroupCheck.check(Offers.FRAMEWORK, List.of(reserved), List.of(launch.launchGroup()))).isEmpty();
    assertThat(launch.executor().getResourcesList()).anySatisfy(r -> {
      assertThat(r.getDisk().getPersistence().getId())
          .isEqualTo(ReservationOperations.persistenceId(INSTANCE, "data"));
      assertThat(r.getDisk().getVolume().getContainerPath()).isEqualTo("data");
    });
    Protos.Volume mount = launch.taskGroup().getTasks(0).getContainer().getVolumes(0);
    assertThat(mount.getContainerPath()).isEqualTo("/var/lib/data");
    assertThat(mount.getSource().getSandboxPath().getPath()).isEqualTo("data");
    assertThat(mount.getSource().getSandboxPath().getType()).isEqualTo(Protos.Volume.Source.SandboxPath.Type.PARENT);
  }

  @Test
  void anOfferWithoutTheReservationDoesNotMatch() {
    Protos.Offer unreserved = offer("offer-3", List.of(scalar("cpus", 4), scalar("mem", 4096), scalar("disk", 10_000)));
    MatchResult result = MATCHER.matchOnReservation(pod, unreserved, ReservationOperations.reservationLabelValue(INSTANCE));
    assertThat(result).isInstanceOf(MatchResult.NoMatch.class);
  }

  /** What Mesos offers after RESERVE + CREATE: the reserved pieces, with the volume's disk turned into the volume. */
  private static List<Protos.Resource> offeredBack(List<Protos.Offer.Operation> operations) {
    List<Protos.Resource> reserved = new ArrayList<>();
    List<Protos.Resource> volumes = new ArrayList<>();
    for (Protos.Offer.Operation op : operations) {
      if (op.getType() == Protos.Offer.Operation.Type.RESERVE) {
        reserved.addAll(op.getReserve().getResourcesList());
      } else {
        volumes.addAll(op.getCreate().getVolumesList());
      }
    }
    for (Protos.Resource volume : volumes) {
      Protos.Resource carved = volume.toBuilder().clearDisk().build();
      if (volume.getDisk().hasSource()) {
        carved = carved.toBuilder().setDisk(Protos.Resource.DiskInfo.newBuilder().setSource(volume.getDisk().getSource()))
            .build();
      }
      assertThat(reserved.remove(carved)).as("the volume is carved out of a reserved disk piece").isTrue();
    }
    reserved.addAll(volumes);
    return reserved;
  }

  private static Protos.Offer offer(String id, List<Protos.Resource> resources) {
    return Protos.Offer.newBuilder()
        .setId(Protos.OfferID.newBuilder().setValue(id))
        .setFrameworkId(Offers.FRAMEWORK)
        .setSlaveId(Offers.AGENT)
        .setHostname("agent-1.example")
        .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("dev"))
        .addAllResources(resources)
        .build();
  }

  @SuppressWarnings("deprecation") // the deprecated single role is what unreserved resources carry
  private static Protos.Resource scalar(String name, double value) {
    return Protos.Resource.newBuilder().setName(name).setType(Protos.Value.Type.SCALAR).setRole("*")
        .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("dev"))
        .setScalar(Protos.Value.Scalar.newBuilder().setValue(value)).build();
  }
}
