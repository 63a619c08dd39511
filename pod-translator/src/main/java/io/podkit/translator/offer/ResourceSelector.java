package io.podkit.translator.offer;

import com.google.common.collect.ImmutableSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.mesos.Protos;

/**
 * Which offered resources a pod may use (translation-rules E.1): Marathon's {@code ResourceSelector}
 * for ordinary launches ({@code any}), for making a reservation ({@code reservable}) and for launching
 * on a reservation ({@code reservedWithLabels}).
 */
final class ResourceSelector {
  /** Reservation label holding the framework id of a Marathon resident task. */
  static final String FRAMEWORK_ID_LABEL = "marathon_framework_id";
  /** Reservation label holding the instance id of a Marathon resident task. */
  static final String TASK_ID_LABEL = "marathon_task_id";

  private final Set<String> acceptedRoles;
  private final Optional<String> requiredTaskLabel;

  private ResourceSelector(Set<String> acceptedRoles, Optional<String> requiredTaskLabel) {
    this.acceptedRoles = ImmutableSet.copyOf(acceptedRoles);
    this.requiredTaskLabel = requiredTaskLabel;
  }

  /** E.1 "any": resources of the accepted roles that no Marathon resident task has reserved. */
  static ResourceSelector any(Set<String> acceptedRoles) {
    return new ResourceSelector(acceptedRoles, Optional.empty());
  }

  /** A.6 "reservable": unreserved resources only, to be reserved for a resident pod. */
  static ResourceSelector reservable() {
    return new ResourceSelector(Set.of("*"), Optional.empty());
  }

  /** A.6 launch on reservation: the pod role's resources reserved with {@code marathon_task_id = label}. */
  static ResourceSelector reservedWithLabel(String role, String taskLabel) {
    return new ResourceSelector(Set.of(role), Optional.of(taskLabel));
  }

  Set<String> acceptedRoles() {
    return acceptedRoles;
  }

  boolean test(Protos.Resource r) {
    // E.1: persistent volumes are never matched as plain disk.
    if (r.hasDisk() && r.getDisk().hasVolume()) {
      return false;
    }
    // podkit: revocable resources are left alone, because Mesos rejects a launch that mixes
    // revocable and non-revocable resources (R42) and a pod cannot ask for revocable ones.
    if (r.hasRevocable()) {
      return false;
    }
    if (!acceptedRoles.contains(roleOf(r))) {
      return false;
    }
    Map<String, String> labels = reservationLabels(r);
    if (requiredTaskLabel.isPresent()) {
      return requiredTaskLabel.get().equals(labels.get(TASK_ID_LABEL));
    }
    // E.1: reservations of Marathon resident tasks are skipped; other reservations are usable.
    return !labels.containsKey(FRAMEWORK_ID_LABEL) && !labels.containsKey(TASK_ID_LABEL);
  }

  /**
   * The role a resource is allocated from: the innermost entry of its reservation stack
   * (post-refinement format) or else its deprecated single {@code role} ({@code *} when unset).
   */
  @SuppressWarnings("deprecation") // the single role is how pre-refinement resources carry it
  static String roleOf(Protos.Resource r) {
    int n = r.getReservationsCount();
    return n > 0 ? r.getReservations(n - 1).getRole() : r.getRole();
  }

  /** The labels of all reservations of a resource, legacy and refined, later entries winning. */
  static Map<String, String> reservationLabels(Protos.Resource r) {
    Map<String, String> labels = new HashMap<>();
    if (r.hasReservation() && r.getReservation().hasLabels()) {
      for (Protos.Label l : r.getReservation().getLabels().getLabelsList()) {
        labels.put(l.getKey(), l.getValue());
      }
    }
    for (Protos.Resource.ReservationInfo info : r.getReservationsList()) {
      if (info.hasLabels()) {
        for (Protos.Label l : info.getLabels().getLabelsList()) {
          labels.put(l.getKey(), l.getValue());
        }
      }
    }
    return labels;
  }

  @Override
  public String toString() {
    return "roles " + new TreeSet<>(acceptedRoles)
        + requiredTaskLabel.map(l -> " reserved with " + TASK_ID_LABEL + "=" + l)
            .orElse(" without resident reservation labels");
  }
}
