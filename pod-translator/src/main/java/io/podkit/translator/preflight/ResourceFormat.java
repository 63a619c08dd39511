package io.podkit.translator.preflight;

import java.util.Optional;
import java.util.TreeSet;
import org.apache.mesos.Protos;
import org.apache.mesos.Protos.Resource;

/**
 * The format of a single {@code Resource} ({@code Resources::validate} of {@code resources.cpp},
 * Mesos R14) and the role-name rules of {@code roles.cpp}.
 */
@SuppressWarnings("deprecation") // Mesos validates the legacy Resource.role and Resource.reservation too.
final class ResourceFormat {
  /** {@code roles.cpp}: tab, line feed, vertical tab, form feed, carriage return, space, DEL. */
  private static final String INVALID_ROLE_CHARACTERS = "\t\n\u000b\f\r \u007f";

  private ResourceFormat() {}

  /** Why Mesos rejects the resource, or empty when its format is valid. */
  static Optional<String> validate(Resource r) {
    if (r.getName().isEmpty()) {
      return Optional.of("Empty resource name");
    }
    switch (r.getType()) {
      case SCALAR:
        if (!r.hasScalar() || r.hasRanges() || r.hasSet()) {
          return Optional.of("Invalid scalar resource");
        }
        // Mesos rejects negative values and non-zero values that its fixed-point form rounds to
        // zero; llround() of a NaN or an infinity is negative, so those fail the same test.
        double value = r.getScalar().getValue();
        if (!Double.isFinite(value) || (value != 0 && MesosText.fixed(value) <= 0)) {
          return Optional.of("Invalid scalar resource: value <= 0");
        }
        break;
      case RANGES:
        if (r.hasScalar() || !r.hasRanges() || r.hasSet()) {
          return Optional.of("Invalid ranges resource");
        }
        Optional<String> ranges = validateRanges(r.getRanges());
        if (ranges.isPresent()) {
          return ranges;
        }
        break;
      case SET:
        if (r.hasScalar() || r.hasRanges() || !r.hasSet()) {
          return Optional.of("Invalid set resource");
        }
        if (r.getSet().getItemList().stream().distinct().count() != r.getSet().getItemCount()) {
          return Optional.of("Invalid set resource: duplicated elements");
        }
        break;
      default:
        return Optional.of("Unsupported resource type");
    }

    if (r.hasDisk()) {
      if (!r.getName().equals("disk")) {
        return Optional.of("DiskInfo should not be set for " + r.getName() + " resource");
      }
      if (r.getDisk().hasSource()) {
        Resource.DiskInfo.Source source = r.getDisk().getSource();
        switch (source.getType()) {
          case PATH:
          case MOUNT:
            break;
          case BLOCK:
          case RAW:
            if (source.hasMount()) {
              return Optional.of("Mount should not be set for " + source.getType().name() + " disk source");
            }
            if (source.hasPath()) {
              return Optional.of("Path should not be set for " + source.getType().name() + " disk source");
            }
            break;
          default:
            // operator<<(DiskInfo::Source) prints an UNKNOWN source as just its type.
            return Optional.of("Unsupported 'DiskInfo.Source.Type' in 'UNKNOWN'");
        }
      }
    }

    Optional<String> reservation = r.getReservationsCount() == 0
        ? validatePreRefinement(r)
        : validatePostRefinement(r);
    if (reservation.isPresent()) {
      return reservation;
    }

    if (r.hasShared()) {
      if (!r.getName().equals("disk")) {
        return Optional.of("Resource " + r.getName() + " cannot be shared");
      }
      if (!r.hasDisk() || !r.getDisk().hasPersistence()) {
        return Optional.of("Only persistent volumes can be shared");
      }
    }
    return Optional.empty();
  }

  /**
   * Each range needs begin <= end, and a range must not start inside an earlier one. This is
   * Mesos' own test, which compares each range only with the ranges after it.
   */
  /**
   * Mesos' {@code validateRanges}, with its verdicts and messages: ranges are visited in order, and
   * range i fails with "begin > end" if it is inverted, else with "overlapping" if the begin of a
   * later range lies within it. (Mesos tests only that direction: {@code [10,20]} before {@code
   * [5,15]} passes.) Mesos compares every pair; this answers the same in O(n log n): offers with
   * a thousand port ranges are common.
   */
  static Optional<String> validateRanges(Protos.Value.Ranges ranges) {
    int n = ranges.getRangeCount();
    int firstInverted = n;
    boolean ascendingApart = true;
    for (int i = 0; i < n; i++) {
      Protos.Value.Range range = ranges.getRange(i);
      if (firstInverted == n && Long.compareUnsigned(range.getBegin(), range.getEnd()) > 0) {
        firstInverted = i;
      }
      if (i > 0 && Long.compareUnsigned(ranges.getRange(i - 1).getEnd(), range.getBegin()) >= 0) {
        ascendingApart = false;
      }
    }
    // Proper ranges in ascending order with gaps (what Mesos itself offers) cannot overlap.
    boolean plainlyApart = ascendingApart && firstInverted == n;
    if (!plainlyApart && overlapsBefore(ranges, firstInverted)) {
      return Optional.of("Invalid ranges resource: overlapping ranges");
    }
    return firstInverted < n ? Optional.of("Invalid ranges resource: begin > end") : Optional.empty();
  }

  /**
   * Whether some range i before {@code limit} contains the begin of a range after it: the begins of
   * the later ranges are kept in a sorted set (unsigned order, by flipping the sign bit), filled
   * from the end.
   */
  private static boolean overlapsBefore(Protos.Value.Ranges ranges, int limit) {
    TreeSet<Long> laterBegins = new TreeSet<>();
    for (int i = ranges.getRangeCount() - 1; i >= 0; i--) {
      Protos.Value.Range range = ranges.getRange(i);
      if (i < limit) {
        Long begin = laterBegins.ceiling(range.getBegin() ^ Long.MIN_VALUE);
        if (begin != null && begin <= (range.getEnd() ^ Long.MIN_VALUE)) {
          return true;
        }
      }
      laterBegins.add(range.getBegin() ^ Long.MIN_VALUE);
    }
    return false;
  }

  private static Optional<String> validatePreRefinement(Resource r) {
    Optional<String> role = validateRole(r.getRole());
    if (role.isPresent()) {
      return role;
    }
    if (r.hasReservation()) {
      if (r.getReservation().hasType()) {
        return Optional.of("'Resource.ReservationInfo.type' must not be set for the 'Resource.reservation' field");
      }
      if (r.getReservation().hasRole()) {
        return Optional.of("'Resource.ReservationInfo.role' must not be set for the 'Resource.reservation' field");
      }
      if (r.getRole().equals("*")) {
        return Optional.of("Invalid reservation: role \"*\" cannot be dynamically reserved");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> validatePostRefinement(Resource r) {
    for (Resource.ReservationInfo reservation : r.getReservationsList()) {
      if (!reservation.hasType()) {
        return Optional.of("Invalid reservation: 'Resource.ReservationInfo.type' field must be set.");
      }
      if (!reservation.hasRole()) {
        return Optional.of("Invalid reservation: 'Resource.ReservationInfo.role' field must be set.");
      }
      Optional<String> role = validateRole(reservation.getRole());
      if (role.isPresent()) {
        return role;
      }
      if (reservation.getRole().equals("*")) {
        return Optional.of("Invalid reservation: role \"*\" cannot be reserved");
      }
    }

    String ancestor = r.getReservations(0).getRole();
    for (int i = 1; i < r.getReservationsCount(); i++) {
      Resource.ReservationInfo reservation = r.getReservations(i);
      if (reservation.getType() == Resource.ReservationInfo.Type.STATIC) {
        return Optional.of("Invalid refined reservation: A refined reservation cannot be STATIC");
      }
      String descendant = reservation.getRole();
      if (!isStrictSubroleOf(descendant, ancestor)) {
        return Optional.of("Invalid refined reservation: role '" + descendant + "' is not a refinement of '"
            + ancestor + "'");
      }
      ancestor = descendant;
    }

    if (r.getReservationsCount() == 1) {
      Resource.ReservationInfo reservation = r.getReservations(0);
      if (r.hasRole() && !r.getRole().equals(reservation.getRole())) {
        return Optional.of("Invalid resource format: 'Resource.role' field with '" + r.getRole()
            + "' does not match the role '" + reservation.getRole() + "' in 'Resource.reservations'");
      }
      switch (reservation.getType()) {
        case STATIC:
          if (r.hasReservation()) {
            return Optional.of("Invalid resource format: 'Resource.reservation' must not be set if the single"
                + " reservation in 'Resource.reservations' is STATIC");
          }
          break;
        case DYNAMIC:
          if (r.hasRole() != r.hasReservation()) {
            return Optional.of("Invalid resource format: 'Resource.role' and 'Resource.reservation' must either"
                + " be both set or both not set if the single reservation in 'Resource.reservations' is DYNAMIC");
          }
          if (r.hasReservation() && !r.getReservation().getPrincipal().equals(reservation.getPrincipal())) {
            return Optional.of("Invalid resource format: 'Resource.reservation.principal' field with '"
                + r.getReservation().getPrincipal() + "' does not match the principal '"
                + reservation.getPrincipal() + "' in 'Resource.reservations'");
          }
          if (r.hasReservation() && !r.getReservation().getLabels().equals(reservation.getLabels())) {
            return Optional.of("Invalid resource format: 'Resource.reservation.labels' field with '"
                + MesosText.labels(r.getReservation().getLabels()) + "' does not match the labels '"
                + MesosText.labels(reservation.getLabels()) + "' in 'Resource.reservations'");
          }
          break;
        default:
          return Optional.of("Unsupported 'Resource.ReservationInfo.Type'");
      }
    } else {
      if (r.hasRole()) {
        return Optional.of("Invalid resource format: 'Resource.role' must not be set if there is more than one"
            + " reservation in 'Resource.reservations'");
      }
      if (r.hasReservation()) {
        return Optional.of("Invalid resource format: 'Resource.reservation' must not be set if there is more"
            + " than one reservation in 'Resource.reservations'");
      }
    }
    return Optional.empty();
  }

  /** {@code roles::validate} of {@code roles.cpp}. */
  static Optional<String> validateRole(String role) {
    if (role.equals("*")) {
      return Optional.empty();
    }
    if (role.startsWith("/")) {
      return Optional.of("Role '" + role + "' cannot start with a slash");
    }
    if (role.endsWith("/")) {
      return Optional.of("Role '" + role + "' cannot end with a slash");
    }
    if (role.contains("//")) {
      return Optional.of("Role '" + role + "' cannot contain two adjacent slashes");
    }
    if (role.isEmpty()) {
      return Optional.of("Role names cannot be the empty string");
    }
    for (String component : role.split("/")) {
      if (component.equals(".")) {
        return Optional.of("Role '" + role + "' cannot include '.' as a component");
      }
      if (component.equals("..")) {
        return Optional.of("Role '" + role + "' cannot include '..' as a component");
      }
      if (component.equals("*")) {
        return Optional.of("Role '" + role + "' cannot include '*' as a component");
      }
      if (component.startsWith("-")) {
        return Optional.of("Role component '" + component + "' is invalid because it starts with a dash");
      }
      if (component.chars().anyMatch(c -> INVALID_ROLE_CHARACTERS.indexOf(c) >= 0)) {
        return Optional.of("Role component '" + component
            + "' is invalid because it contains backspace or whitespace");
      }
    }
    return Optional.empty();
  }

  /** {@code roles::isStrictSubroleOf}. */
  static boolean isStrictSubroleOf(String left, String right) {
    return left.length() > right.length() && left.charAt(right.length()) == '/' && left.startsWith(right);
  }
}
