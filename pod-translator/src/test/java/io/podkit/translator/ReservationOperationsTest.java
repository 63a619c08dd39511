package io.podkit.translator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podkit.model.Container;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.PersistentVolumeType;
import io.podkit.model.Pod;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import io.podkit.translator.ReservationOperations.ReservationConfig;
import io.podkit.translator.offer.ResourceMatch;
import io.podkit.translator.v1.MesosJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;

@SuppressWarnings("deprecation") // the deprecated role/reservation fields are part of what is checked
class ReservationOperationsTest {
  private static final UUID UUID_1 = UUID.fromString("9e5cc8c0-3d2e-11ef-9a4b-0242ac120002");
  private static final InstanceId INSTANCE = new InstanceId("/db/mysql", UUID_1);
  private static final Protos.FrameworkID FRAMEWORK = Protos.FrameworkID.newBuilder().setValue("fw-1").build();
  private static final String ROLE = "db";
  private static final String PRINCIPAL = "marathon";
  private static final ReservationOperations OPS = new ReservationOperations(ReservationConfig.of(PRINCIPAL));

  private static Pod pod(Volume... volumes) {
    Pod.Builder b = Pod.builder("/db/mysql").role(ROLE)
        .container(Container.builder("mysql").resources(1, 512)
            .volumeMount(VolumeMount.of("data", "/var/lib/mysql")))
        .container(Container.builder("backup").resources(0.5, 128));
    for (Volume v : volumes) {
      b.volume(v);
    }
    return b.build();
  }

  private static final Pod POD = pod(
      Volume.persistent("data", PersistentVolumeInfo.ofSize(100)),
      Volume.persistent("logs", new PersistentVolumeInfo(Optional.of(PersistentVolumeType.PATH), 50,
          Optional.empty(), Optional.empty(), List.of())));

  private static Protos.Resource scalar(String name, double value) {
    return Protos.Resource.newBuilder()
        .setName(name)
        .setType(Protos.Value.Type.SCALAR)
        .setScalar(Protos.Value.Scalar.newBuilder().setValue(value))
        .setRole("*")
        .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole(ROLE))
        .build();
  }

  private static Protos.Resource disk(double value, Protos.Resource.DiskInfo.Source.Type type, String root) {
    Protos.Resource.DiskInfo.Source.Builder source = Protos.Resource.DiskInfo.Source.newBuilder().setType(type);
    if (type == Protos.Resource.DiskInfo.Source.Type.PATH) {
      source.setPath(Protos.Resource.DiskInfo.Source.Path.newBuilder().setRoot(root));
    } else {
      source.setMount(Protos.Resource.DiskInfo.Source.Mount.newBuilder().setRoot(root));
    }
    return scalar("disk", value).toBuilder()
        .setDisk(Protos.Resource.DiskInfo.newBuilder().setSource(source))
        .build();
  }

  private static Protos.Resource withProvider(Protos.Resource r, String provider) {
    return r.toBuilder().setProviderId(Protos.ResourceProviderID.newBuilder().setValue(provider)).build();
  }

  private static final Protos.Resource PORTS = Protos.Resource.newBuilder()
      .setName("ports").setType(Protos.Value.Type.RANGES).setRole("*")
      .setRanges(Protos.Value.Ranges.newBuilder()
          .addRange(Protos.Value.Range.newBuilder().setBegin(31000).setEnd(31001)))
      .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole(ROLE))
      .build();

  private static ResourceMatch match(List<Protos.Resource> volumes) {
    return new ResourceMatch(
        List.of(scalar("cpus", 0.1), scalar("mem", 32), scalar("disk", 10)),
        List.of(List.of(scalar("cpus", 0.6), scalar("cpus", 0.4), scalar("mem", 512)),
            List.of(scalar("cpus", 0.5), scalar("mem", 128))),
        List.of(PORTS),
        Map.of("mysql", 31000),
        volumes);
  }

  private static final ResourceMatch MATCH = match(List.of(
      scalar("disk", 100),
      disk(50, Protos.Resource.DiskInfo.Source.Type.PATH, "/mnt/path1")));

  private static Protos.Labels expectedLabels() {
    return Protos.Labels.newBuilder()
        .addLabels(Protos.Label.newBuilder().setKey("marathon_framework_id").setValue("fw-1"))
        .addLabels(Protos.Label.newBuilder().setKey("marathon_task_id").setValue(INSTANCE.idString()))
        .build();
  }

  private static List<Protos.Resource> allPieces(ResourceMatch m) {
    List<Protos.Resource> all = new ArrayList<>(m.executorResources());
    m.containerResources().forEach(all::addAll);
    all.addAll(m.portResources());
    all.addAll(m.volumeResources());
    return all;
  }

  private static Protos.Resource withoutReservation(Protos.Resource r) {
    return r.toBuilder().clearRole().clearReservation().clearReservations().build();
  }

  @Test
  void reservesEveryMatchedPieceForTheRoleWithPrincipalAndLabels() {
    List<Protos.Offer.Operation> ops = OPS.reserveAndCreate(POD, INSTANCE, FRAMEWORK, MATCH);

    assertThat(ops).extracting(Protos.Offer.Operation::getType)
        .containsExactly(Protos.Offer.Operation.Type.RESERVE, Protos.Offer.Operation.Type.CREATE);
    List<Protos.Resource> reserved = ops.get(0).getReserve().getResourcesList();
    assertThat(reserved).extracting(ReservationOperationsTest::withoutReservation)
        .containsExactlyElementsOf(allPieces(MATCH).stream().map(ReservationOperationsTest::withoutReservation)
            .toList());
    for (Protos.Resource r : reserved) {
      assertThat(r.getRole()).isEqualTo(ROLE);
      assertThat(r.getReservation().getPrincipal()).isEqualTo(PRINCIPAL);
      assertThat(r.getReservation().getLabels()).isEqualTo(expectedLabels());
      assertThat(r.getReservationsList()).containsExactly(Protos.Resource.ReservationInfo.newBuilder()
          .setType(Protos.Resource.ReservationInfo.Type.DYNAMIC)
          .setRole(ROLE)
          .setPrincipal(PRINCIPAL)
          .setLabels(expectedLabels())
          .build());
      assertThat(r.getAllocationInfo().getRole()).isEqualTo(ROLE);
      assertPassesMesosReservationFormat(r);
    }
  }

  @Test
  void createsEachVolumeWithExactPersistenceIdNameAsPathAndReadWrite() {
    List<Protos.Offer.Operation> ops = OPS.reserveAndCreate(POD, INSTANCE, FRAMEWORK, MATCH);

    List<Protos.Resource> volumes = ops.get(1).getCreate().getVolumesList();
    assertThat(volumes).hasSize(2);
    assertThat(volumes).extracting(v -> v.getDisk().getPersistence().getId()).containsExactly(
        "db_mysql#data#9e5cc8c0-3d2e-11ef-9a4b-0242ac120002",
        "db_mysql#logs#9e5cc8c0-3d2e-11ef-9a4b-0242ac120002");
    assertThat(volumes).extracting(v -> v.getDisk().getVolume().getContainerPath()).containsExactly("data", "logs");
    assertThat(volumes).extracting(v -> v.getScalar().getValue()).containsExactly(100.0, 50.0);
    for (Protos.Resource v : volumes) {
      assertThat(v.getName()).isEqualTo("disk");
      assertThat(v.getType()).isEqualTo(Protos.Value.Type.SCALAR);
      assertThat(v.getDisk().getVolume().getMode()).isEqualTo(Protos.Volume.Mode.RW);
      assertThat(v.getDisk().getVolume().hasHostPath()).isFalse();
      assertThat(v.getDisk().getPersistence().getPrincipal()).isEqualTo(PRINCIPAL);
      assertThat(v.getRole()).isEqualTo(ROLE);
      assertThat(v.getReservation().getLabels()).isEqualTo(expectedLabels());
      assertThat(v.getReservationsList()).hasSize(1);
      assertThat(v.getReservations(0).getLabels()).isEqualTo(expectedLabels());
      assertPassesMesosReservationFormat(v);
    }
    assertThat(volumes.get(0).getDisk().hasSource()).isFalse();
    assertThat(volumes.get(1).getDisk().getSource())
        .isEqualTo(MATCH.volumeResources().get(1).getDisk().getSource());
  }

  @Test
  void volumeWithoutItsPersistenceAndVolumeIsExactlyAReservedDiskOfTheReserve() {
    // Mesos creates a volume by taking (volume - persistence - volume info) out of the reserved disk,
    // which only works when reservations, source and allocation match exactly.
    List<Protos.Offer.Operation> ops = OPS.reserveAndCreate(POD, INSTANCE, FRAMEWORK, MATCH);
    List<Protos.Resource> reserved = ops.get(0).getReserve().getResourcesList();

    for (Protos.Resource volume : ops.get(1).getCreate().getVolumesList()) {
      Protos.Resource.Builder stripped = volume.toBuilder();
      stripped.getDiskBuilder().clearPersistence().clearVolume();
      Protos.Resource bare = stripped.getDisk().equals(Protos.Resource.DiskInfo.getDefaultInstance())
          ? stripped.clearDisk().build() : stripped.build();
      assertThat(reserved).contains(bare);
    }
  }

  @Test
  void oneOperationPerResourceProvider() {
    ResourceMatch m = new ResourceMatch(
        List.of(scalar("cpus", 0.1), scalar("mem", 32), scalar("disk", 10)),
        List.of(List.of(scalar("cpus", 1), scalar("mem", 512)), List.of(scalar("cpus", 0.5), scalar("mem", 128))),
        List.of(PORTS),
        Map.of(),
        List.of(withProvider(disk(100, Protos.Resource.DiskInfo.Source.Type.PATH, "/csi/a"), "rp-1"),
            withProvider(disk(50, Protos.Resource.DiskInfo.Source.Type.PATH, "/csi/b"), "rp-2")));
    Pod pod = pod(
        Volume.persistent("data", new PersistentVolumeInfo(Optional.of(PersistentVolumeType.PATH), 100,
            Optional.empty(), Optional.empty(), List.of())),
        Volume.persistent("logs", new PersistentVolumeInfo(Optional.of(PersistentVolumeType.PATH), 50,
            Optional.empty(), Optional.empty(), List.of())));

    List<Protos.Offer.Operation> ops = OPS.reserveAndCreate(pod, INSTANCE, FRAMEWORK, m);

    assertThat(ops).extracting(Protos.Offer.Operation::getType).containsExactly(
        Protos.Offer.Operation.Type.RESERVE, Protos.Offer.Operation.Type.RESERVE,
        Protos.Offer.Operation.Type.RESERVE, Protos.Offer.Operation.Type.CREATE,
        Protos.Offer.Operation.Type.CREATE);
    assertThat(ops.get(0).getReserve().getResourcesList()).hasSize(8)
        .allSatisfy(r -> assertThat(r.hasProviderId()).isFalse());
    assertThat(ops.get(1).getReserve().getResourcesList()).singleElement()
        .satisfies(r -> assertThat(r.getProviderId().getValue()).isEqualTo("rp-1"));
    assertThat(ops.get(2).getReserve().getResourcesList()).singleElement()
        .satisfies(r -> assertThat(r.getProviderId().getValue()).isEqualTo("rp-2"));
    assertThat(ops.get(3).getCreate().getVolumesList()).singleElement()
        .satisfies(v -> assertThat(v.getProviderId().getValue()).isEqualTo("rp-1"))
        .satisfies(v -> assertThat(v.getDisk().getPersistence().getId()).isEqualTo(
            ReservationOperations.persistenceId(INSTANCE, "data")));
    assertThat(ops.get(4).getCreate().getVolumesList()).singleElement()
        .satisfies(v -> assertThat(v.getProviderId().getValue()).isEqualTo("rp-2"));
  }

  @Test
  void mountVolumeTakesTheWholeDisk() {
    Pod pod = pod(Volume.persistent("data", new PersistentVolumeInfo(Optional.of(PersistentVolumeType.MOUNT),
        1000, Optional.empty(), Optional.empty(), List.of())));
    ResourceMatch m = match(List.of(disk(4096, Protos.Resource.DiskInfo.Source.Type.MOUNT, "/mnt/ssd")));

    List<Protos.Offer.Operation> ops = OPS.reserveAndCreate(pod, INSTANCE, FRAMEWORK, m);

    Protos.Resource volume = ops.get(1).getCreate().getVolumes(0);
    assertThat(volume.getScalar().getValue()).isEqualTo(4096.0);
    assertThat(volume.getDisk().getSource().getMount().getRoot()).isEqualTo("/mnt/ssd");
  }

  @Test
  void missingPrincipalIsAConfigurationError() {
    ReservationOperations noPrincipal = new ReservationOperations(ReservationConfig.NONE);

    assertThatThrownBy(() -> noPrincipal.reserveAndCreate(POD, INSTANCE, FRAMEWORK, MATCH))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("/db/mysql")
        .hasMessageContaining("principal")
        .hasMessageContaining("--mesos_authentication_principal");
    assertThatThrownBy(() -> new ReservationOperations(new ReservationConfig(Optional.of("")))
        .reserveAndCreate(POD, INSTANCE, FRAMEWORK, MATCH))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("principal");
  }

  @Test
  void rejectsInputsThatDoNotFitTogether() {
    assertThatThrownBy(() -> OPS.reserveAndCreate(POD, INSTANCE, FRAMEWORK,
        match(List.of(scalar("disk", 100)))))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("2 persistent volume(s)")
        .hasMessageContaining("1 volume disk piece(s)");
    assertThatThrownBy(() -> OPS.reserveAndCreate(pod(), INSTANCE, FRAMEWORK, match(List.of())))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("no persistent volume");
    assertThatThrownBy(() -> OPS.reserveAndCreate(POD.toBuilder().id("/other").build(), INSTANCE, FRAMEWORK,
        MATCH))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("not an instance of pod /other");
    Pod noRole = new Pod(POD.id(), POD.labels(), POD.version(), POD.user(), POD.environment(), POD.containers(),
        POD.secrets(), POD.volumes(), POD.networks(), POD.scaling(), POD.scheduling(), POD.executorResources(),
        Optional.empty(), POD.linuxInfo(), POD.legacySharedCgroups());
    assertThatThrownBy(() -> OPS.reserveAndCreate(noRole, INSTANCE, FRAMEWORK, MATCH))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("no role");
    assertThatThrownBy(() -> OPS.reserveAndCreate(POD.toBuilder().role("*").build(), INSTANCE, FRAMEWORK, MATCH))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("\"*\"");
  }

  @Test
  void rejectsPiecesMesosWouldNotReserve() {
    Protos.Resource alreadyReserved = scalar("disk", 100).toBuilder().setRole("db")
        .setReservation(Protos.Resource.ReservationInfo.newBuilder().setPrincipal("x")).build();
    assertThatThrownBy(() -> OPS.reserveAndCreate(POD, INSTANCE, FRAMEWORK,
        match(List.of(alreadyReserved, disk(50, Protos.Resource.DiskInfo.Source.Type.PATH, "/p")))))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("already reserved");

    Protos.Resource otherRole = scalar("disk", 100).toBuilder()
        .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("web")).build();
    assertThatThrownBy(() -> OPS.reserveAndCreate(POD, INSTANCE, FRAMEWORK,
        match(List.of(otherRole, disk(50, Protos.Resource.DiskInfo.Source.Type.PATH, "/p")))))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("offered to role \"web\"");

    Protos.Resource revocable = scalar("disk", 100).toBuilder()
        .setRevocable(Protos.Resource.RevocableInfo.getDefaultInstance()).build();
    assertThatThrownBy(() -> OPS.reserveAndCreate(POD, INSTANCE, FRAMEWORK,
        match(List.of(revocable, disk(50, Protos.Resource.DiskInfo.Source.Type.PATH, "/p")))))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("revocable");
  }

  @Test
  void rejectsVolumePiecesOfTheWrongKindOrSize() {
    assertThatThrownBy(() -> OPS.reserveAndCreate(POD, INSTANCE, FRAMEWORK,
        match(List.of(scalar("disk", 99.999), disk(50, Protos.Resource.DiskInfo.Source.Type.PATH, "/p")))))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("needs 100 MiB");
    assertThatThrownBy(() -> OPS.reserveAndCreate(POD, INSTANCE, FRAMEWORK,
        match(List.of(scalar("disk", 100), scalar("disk", 50)))))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("\"logs\"")
        .hasMessageContaining("needs a path disk but was matched to the root disk");
    assertThatThrownBy(() -> OPS.reserveAndCreate(POD, INSTANCE, FRAMEWORK,
        match(List.of(scalar("mem", 100), disk(50, Protos.Resource.DiskInfo.Source.Type.PATH, "/p")))))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("matched to a mem resource");
  }

  @Test
  void persistenceIdAndReservationLabel() {
    assertThat(ReservationOperations.persistenceId(INSTANCE, "data"))
        .isEqualTo("db_mysql#data#9e5cc8c0-3d2e-11ef-9a4b-0242ac120002");
    assertThat(ReservationOperations.reservationLabelValue(INSTANCE))
        .isEqualTo("db_mysql.instance-9e5cc8c0-3d2e-11ef-9a4b-0242ac120002")
        .isEqualTo(INSTANCE.idString());
    assertThat(ReservationOperations.reservationLabels(FRAMEWORK, INSTANCE)).isEqualTo(expectedLabels());
  }

  @Test
  void outputIsDeterministicAndRendersForTheHttpApi() {
    List<Protos.Offer.Operation> first = OPS.reserveAndCreate(POD, INSTANCE, FRAMEWORK, MATCH);
    List<Protos.Offer.Operation> second = OPS.reserveAndCreate(POD, INSTANCE, FRAMEWORK, MATCH);

    assertThat(first).isEqualTo(second);
    String json = MesosJson.printOperations(first);
    assertThat(json).contains("\"type\": \"RESERVE\"", "\"type\": \"CREATE\"", "\"reservations\"",
        "\"DYNAMIC\"", "\"persistence\"", "\"container_path\": \"data\"", "\"marathon_task_id\"");
    assertThat(MesosJson.parseOperations(json)).isEqualTo(first);
  }

  /**
   * Mesos 1.11 {@code Resources::validate} for the post-refinement format with one DYNAMIC entry
   * (R14): entry has type and role (not "*"); legacy role and reservation both set or both unset;
   * the same role, principal and labels; the legacy reservation carries no type or role.
   */
  private static void assertPassesMesosReservationFormat(Protos.Resource r) {
    assertThat(r.getReservationsCount()).isEqualTo(1);
    Protos.Resource.ReservationInfo entry = r.getReservations(0);
    assertThat(entry.hasType()).isTrue();
    assertThat(entry.getType()).isEqualTo(Protos.Resource.ReservationInfo.Type.DYNAMIC);
    assertThat(entry.hasRole()).isTrue();
    assertThat(entry.getRole()).isNotEqualTo("*");
    assertThat(r.hasRole()).isEqualTo(r.hasReservation());
    if (r.hasRole()) {
      assertThat(r.getRole()).isEqualTo(entry.getRole());
      assertThat(r.getReservation().getPrincipal()).isEqualTo(entry.getPrincipal());
      assertThat(r.getReservation().getLabels()).isEqualTo(entry.getLabels());
      assertThat(r.getReservation().hasType()).isFalse();
      assertThat(r.getReservation().hasRole()).isFalse();
    }
    assertThat(r.hasRevocable()).isFalse();
  }
}
