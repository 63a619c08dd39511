package io.podkit.translator;

import com.google.common.collect.ImmutableList;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.PersistentVolumeType;
import io.podkit.model.Pod;
import io.podkit.model.Volume;
import io.podkit.translator.offer.ResourceMatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.Protos;

/**
 * The first step of launching a resident pod (one with persistent volumes), as Marathon does it
 * (translation-rules.md A.6 "Reserve + create"): dynamically reserve everything the pod matched for
 * its role, then create its persistent volumes on the reserved disk. Both operations go into the same
 * {@code ACCEPT}, before any launch; Mesos applies them in order. The second step, launching on the
 * reservation, finds the resources again by the reservation labels and the persistence ids made here.
 *
 * <h2>RESERVE</h2>
 * One operation per resource provider (Mesos rejects a RESERVE whose resources come from several
 * providers), in the order the providers first appear in the match. It reserves every matched piece
 * — executor, containers, ports, and the disk pieces the volumes will live on — copied unchanged
 * except for its reservation: for the pod's role, by the configured principal, with the labels
 * {@code marathon_framework_id = <framework id>} and {@code marathon_task_id = <instance id>}.
 *
 * <p>The reservation is written in both of the formats Mesos 1.11 reads, consistently, so that any
 * master from 1.4 on accepts it and so that it passes R14 (mesos-rules.md, Mesos'
 * {@code Resources::validate}): the reservation stack {@code reservations = [{type: DYNAMIC, role,
 * principal, labels}]} that Mesos uses since reservation refinement, plus the deprecated
 * {@code role} and {@code reservation = {principal, labels}} Marathon wrote. With a single DYNAMIC
 * entry Mesos requires the deprecated pair to be both set or both unset, with the same role,
 * principal and labels as the entry, and the deprecated {@code reservation} must not carry
 * {@code type} or {@code role}; that is what is written. The master then converts to the stack form.
 * Mesos also requires, for a framework's RESERVE, that the principal be the one the framework
 * authenticated with and that each resource be allocated to the role it is reserved for: pieces
 * whose {@code allocation_info.role} differs from the pod's role are refused here rather than there.
 *
 * <h2>CREATE</h2>
 * One operation per resource provider, in persistent-volume order. Volume {@code i} of the pod (in
 * its {@code volumes} order) lives on disk piece {@code i} of {@link ResourceMatch#volumeResources()}.
 * Each is a {@code disk} SCALAR reserved exactly like the RESERVE above (Mesos only creates a volume
 * from disk carrying the same reservation), with {@code disk.persistence = {id, principal}},
 * {@code disk.volume = {container_path: <volume name>, mode: RW}} (pods mount persistent volumes by
 * name, read-write), and the piece's {@code disk.source}, {@code provider_id} and
 * {@code allocation_info}. The size is the volume's {@code size}, except on a MOUNT or BLOCK disk
 * (or an identified RAW disk), which Mesos only hands out whole: there the volume is the whole piece,
 * as Marathon does for mount volumes.
 *
 * <h2>Persistence ids</h2>
 * {@code <safePodId>#<volumeName>#<uuid>} as Marathon's {@code LocalVolumeId}, where {@code uuid} is
 * the instance's UUID. Marathon drew a fresh UUID per volume and stored it; using the instance UUID
 * is just as unique (an instance UUID is never reused, and volume names are unique within a pod) but
 * needs no stored state: the launch step, a restarted framework or an operator can recompute the id
 * of every volume of an instance from its instance id alone ({@link #persistenceId}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ReservationOperations {
  /** Reservation label holding the framework id (Marathon's {@code TaskLabels}). */
  public static final String FRAMEWORK_ID_LABEL = "marathon_framework_id";
  /** Reservation label holding {@link #reservationLabelValue}: which instance a reservation is for. */
  public static final String TASK_ID_LABEL = "marathon_task_id";

  /**
   * What Marathon took from its flags for reservations.
   *
   * @param principal {@code --mesos_authentication_principal}: the principal the framework
   *     authenticates with. Mesos requires it on every dynamic reservation and volume a framework
   *     makes (when authentication is on, it must be exactly this one), so RESERVE cannot be built
   *     without it.
   */
  public record ReservationConfig(Optional<String> principal) {
    /** No principal: resident pods cannot be reserved (Marathon's default without the flag). */
    public static final ReservationConfig NONE = new ReservationConfig(Optional.empty());

    public ReservationConfig {
      Objects.requireNonNull(principal, "principal");
    }

    /** Reservations made by {@code principal}. */
    public static ReservationConfig of(String principal) {
      return new ReservationConfig(Optional.of(principal));
    }
  }

  private final ReservationConfig config;

  public ReservationOperations(ReservationConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * The RESERVE operations, then the CREATE operations, that prepare {@code instanceId} of the
   * resident {@code pod} on the offer {@code match} was made from.
   *
   * @param pod the pod, normalized (its role must be set)
   * @param instanceId the instance being reserved for
   * @param frameworkId the framework's id, as in the offer's {@code framework_id}
   * @param match a match made for reservation: unreserved pieces, and one disk piece per persistent
   *     volume in {@link ResourceMatch#volumeResources()}
   * @throws PodTranslationException if no principal is configured (Marathon's
   *     {@code WrongConfigurationException}), or the inputs do not fit together: the pod is not
   *     resident or has no role, a piece is already reserved, revocable or allocated to another role,
   *     or the volume pieces do not correspond to the pod's persistent volumes
   */
  public List<Protos.Offer.Operation> reserveAndCreate(
      Pod pod, InstanceId instanceId, Protos.FrameworkID frameworkId, ResourceMatch match) {
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(frameworkId, "frameworkId");
    Objects.requireNonNull(match, "match");

    String principal = config.principal().filter(p -> !p.isEmpty()).orElseThrow(() ->
        new PodTranslationException("cannot reserve resources for resident pod " + pod.id()
            + ": no reservation principal is configured. Mesos requires dynamic reservations and"
            + " persistent volumes to name the principal the framework authenticates with"
            + " (Marathon's --mesos_authentication_principal); set ReservationConfig.principal"));
    String role = pod.role().orElseThrow(() -> new PodTranslationException("pod " + pod.id()
        + " has no role; reserve for a normalized pod (PodNormalizer gives every pod its role)"));
    if (role.equals("*")) {
      throw new PodTranslationException("pod " + pod.id() + " has role \"*\", which cannot be"
          + " reserved; a resident pod needs a role of its own");
    }
    if (!instanceId.safePodId().equals(InstanceId.safePodId(pod.id()))) {
      throw new PodTranslationException("instance " + instanceId.idString() + " is not an instance"
          + " of pod " + pod.id());
    }
    List<Volume.Persistent> volumes = pod.volumes().stream()
        .filter(Volume.Persistent.class::isInstance).map(Volume.Persistent.class::cast).toList();
    if (volumes.isEmpty()) {
      throw new PodTranslationException("pod " + pod.id() + " has no persistent volume: only a"
          + " resident pod is reserved");
    }
    if (volumes.size() != match.volumeResources().size()) {
      throw new PodTranslationException("pod " + pod.id() + " has " + volumes.size()
          + " persistent volume(s) but the match has " + match.volumeResources().size()
          + " volume disk piece(s); the match must be made for reservation, one piece per volume");
    }

    Protos.Labels labels = reservationLabels(frameworkId, instanceId);
    Reservation reservation = new Reservation(role, principal, labels);

    List<Protos.Resource> toReserve = new ArrayList<>(match.executorResources());
    match.containerResources().forEach(toReserve::addAll);
    toReserve.addAll(match.portResources());
    toReserve.addAll(match.volumeResources());
    Map<Optional<String>, List<Protos.Resource>> reserveByProvider = new LinkedHashMap<>();
    for (Protos.Resource piece : toReserve) {
      checkReservable(pod, role, piece);
      reserveByProvider.computeIfAbsent(provider(piece), p -> new ArrayList<>())
          .add(reservation.applyTo(piece));
    }

    Map<Optional<String>, List<Protos.Resource>> createByProvider = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < volumes.size(); i++) {
      Volume.Persistent volume = volumes.get(i);
      if (!names.add(volume.name())) {
        throw new PodTranslationException("pod " + pod.id() + " has two persistent volumes named \""
            + volume.name() + "\"; their persistence ids would collide");
      }
      Protos.Resource piece = match.volumeResources().get(i);
      createByProvider.computeIfAbsent(provider(piece), p -> new ArrayList<>())
          .add(volume(pod, instanceId, volume, piece, reservation, principal));
    }

    ImmutableList.Builder<Protos.Offer.Operation> operations = ImmutableList.builder();
    reserveByProvider.values().forEach(resources -> operations.add(Protos.Offer.Operation.newBuilder()
        .setType(Protos.Offer.Operation.Type.RESERVE)
        .setReserve(Protos.Offer.Operation.Reserve.newBuilder().addAllResources(resources))
        .build()));
    createByProvider.values().forEach(resources -> operations.add(Protos.Offer.Operation.newBuilder()
        .setType(Protos.Offer.Operation.Type.CREATE)
        .setCreate(Protos.Offer.Operation.Create.newBuilder().addAllVolumes(resources))
        .build()));
    return operations.build();
  }

  /**
   * The persistence id of volume {@code volumeName} of {@code instanceId}:
   * {@code <safePodId>#<volumeName>#<instance uuid>} (see the class comment for the UUID).
   */
  public static String persistenceId(InstanceId instanceId, String volumeName) {
    Objects.requireNonNull(volumeName, "volumeName");
    return instanceId.safePodId() + "#" + volumeName + "#" + instanceId.uuid();
  }

  /**
   * The value of the {@value #TASK_ID_LABEL} reservation label for {@code instanceId}: its id string,
   * which is how the launch step (and Marathon) recognises the instance's reserved resources.
   */
  public static String reservationLabelValue(InstanceId instanceId) {
    return instanceId.idString();
  }

  /** The labels every reservation and volume of {@code instanceId} carries, in this order. */
  public static Protos.Labels reservationLabels(Protos.FrameworkID frameworkId, InstanceId instanceId) {
    return Protos.Labels.newBuilder()
        .addLabels(Protos.Label.newBuilder().setKey(FRAMEWORK_ID_LABEL).setValue(frameworkId.getValue()))
        .addLabels(Protos.Label.newBuilder().setKey(TASK_ID_LABEL).setValue(reservationLabelValue(instanceId)))
        .build();
  }

  /**
   * A dynamic reservation for one role by one principal, written in both of Mesos' formats. The
   * deprecated {@code role}/{@code reservation} fields are written on purpose (see the class comment).
   */
  @SuppressWarnings("deprecation")
  private record Reservation(String role, String principal, Protos.Labels labels) {
    Protos.Resource applyTo(Protos.Resource resource) {
      return applyTo(resource.toBuilder()).build();
    }

    Protos.Resource.Builder applyTo(Protos.Resource.Builder resource) {
      return resource
          .setRole(role)
          .setReservation(Protos.Resource.ReservationInfo.newBuilder()
              .setPrincipal(principal)
              .setLabels(labels))
          .clearReservations()
          .addReservations(Protos.Resource.ReservationInfo.newBuilder()
              .setType(Protos.Resource.ReservationInfo.Type.DYNAMIC)
              .setRole(role)
              .setPrincipal(principal)
              .setLabels(labels));
    }
  }

  private static Protos.Resource volume(Pod pod, InstanceId instanceId, Volume.Persistent volume,
      Protos.Resource piece, Reservation reservation, String principal) {
    PersistentVolumeInfo info = volume.persistent();
    String where = "persistent volume \"" + volume.name() + "\" of pod " + pod.id();
    if (!piece.getName().equals("disk") || piece.getType() != Protos.Value.Type.SCALAR) {
      throw new PodTranslationException(where + " was matched to a " + piece.getName()
          + " resource; it needs a disk (SCALAR) piece");
    }
    PersistentVolumeType wanted = info.typeOrDefault();
    Optional<Protos.Resource.DiskInfo.Source> source = piece.getDisk().hasSource()
        ? Optional.of(piece.getDisk().getSource()) : Optional.empty();
    Optional<PersistentVolumeType> offered = source.isEmpty()
        ? Optional.of(PersistentVolumeType.ROOT)
        : switch (source.get().getType()) {
          case PATH -> Optional.of(PersistentVolumeType.PATH);
          case MOUNT -> Optional.of(PersistentVolumeType.MOUNT);
          default -> Optional.empty();
        };
    if (!offered.equals(Optional.of(wanted))) {
      throw new PodTranslationException(where + " needs a " + wanted.json() + " disk but was matched"
          + " to " + source.map(s -> "a " + s.getType() + " disk").orElse("the root disk"));
    }
    long pieceMilli = Math.round(piece.getScalar().getValue() * 1000);
    if (pieceMilli < info.size() * 1000) {
      throw new PodTranslationException(where + " needs " + info.size() + " MiB but its disk piece"
          + " has only " + piece.getScalar().getValue() + " MiB");
    }
    double size = source.map(ReservationOperations::indivisible).orElse(false)
        ? piece.getScalar().getValue() : info.size();

    String id = persistenceId(instanceId, volume.name());
    if (id.chars().anyMatch(c -> Character.isISOControl(c) || c == '/' || c == '\\')) {
      throw new PodTranslationException(where + " gives the persistence id \"" + id + "\", which"
          + " Mesos rejects: no control characters, '/' or '\\'");
    }
    Protos.Resource.DiskInfo.Builder disk = Protos.Resource.DiskInfo.newBuilder()
        .setPersistence(Protos.Resource.DiskInfo.Persistence.newBuilder()
            .setId(id)
            .setPrincipal(principal))
        .setVolume(Protos.Volume.newBuilder()
            .setContainerPath(volume.name())
            .setMode(Protos.Volume.Mode.RW));
    source.ifPresent(disk::setSource);
    Protos.Resource.Builder resource = Protos.Resource.newBuilder()
        .setName("disk")
        .setType(Protos.Value.Type.SCALAR)
        .setScalar(Protos.Value.Scalar.newBuilder().setValue(size))
        .setDisk(disk);
    if (piece.hasProviderId()) {
      resource.setProviderId(piece.getProviderId());
    }
    if (piece.hasAllocationInfo()) {
      resource.setAllocationInfo(piece.getAllocationInfo());
    }
    return reservation.applyTo(resource).build();
  }

  /** Disks Mesos only hands out whole: a part of one is not contained in it. */
  private static boolean indivisible(Protos.Resource.DiskInfo.Source source) {
    return switch (source.getType()) {
      case MOUNT, BLOCK -> true;
      case RAW -> source.hasId();
      default -> false;
    };
  }

  @SuppressWarnings("deprecation") // reads the deprecated role: v0 offers still carry role "*"
  private static void checkReservable(Pod pod, String role, Protos.Resource piece) {
    String what = "resource " + piece.getName() + " matched for pod " + pod.id();
    boolean reserved = piece.getReservationsCount() > 0 || piece.hasReservation()
        || piece.hasRole() && !piece.getRole().equals("*");
    if (reserved) {
      throw new PodTranslationException(what + " is already reserved (role \""
          + (piece.getReservationsCount() > 0
              ? piece.getReservations(piece.getReservationsCount() - 1).getRole() : piece.getRole())
          + "\"); RESERVE takes unreserved resources: match the offer for reservation");
    }
    if (piece.hasRevocable()) {
      throw new PodTranslationException(what + " is revocable; Mesos does not reserve revocable"
          + " resources");
    }
    if (piece.hasDisk() && piece.getDisk().hasPersistence()) {
      throw new PodTranslationException(what + " is already a persistent volume ("
          + piece.getDisk().getPersistence().getId() + ")");
    }
    if (piece.hasAllocationInfo() && piece.getAllocationInfo().hasRole()
        && !piece.getAllocationInfo().getRole().equals(role)) {
      throw new PodTranslationException(what + " was offered to role \""
          + piece.getAllocationInfo().getRole() + "\" but the pod reserves for role \"" + role
          + "\"; Mesos only lets a framework reserve resources for the role they are allocated to");
    }
  }

  private static Optional<String> provider(Protos.Resource piece) {
    return piece.hasProviderId() ? Optional.of(piece.getProviderId().getValue()) : Optional.empty();
  }
}
