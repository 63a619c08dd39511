package io.podkit.translator.preflight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.mesos.Protos.Resource;

/**
 * The resource checks of {@code src/master/validation.cpp} namespace {@code resource} that go
 * beyond the per-resource format of R14: whole {@code gpus}, DiskInfo and ReservationInfo
 * ({@code resource::validate}), unique persistence IDs, a single allocation role and no mixing
 * of revocable and non-revocable resources (R23, R36, R42).
 */
final class ResourceRules {
  private ResourceRules() {}

  /** A message and the index of the offending resource in its list, or -1 for the list as a whole. */
  record Finding(String message, int index) {}

  /**
   * {@code resource::validate} without its {@code Resources::validate} step (R14 reports that):
   * {@code gpus} must be whole, DiskInfo must describe a valid persistent volume or a disk source,
   * and a dynamic reservation must not be revocable. {@code pool} is {@code resources} pooled, and
   * {@code normalize} the master's {@link ResourcePool#normalize} with the offer's allocation info.
   */
  static List<Finding> validate(List<Resource> resources, ResourcePool pool, UnaryOperator<Resource> normalize) {
    List<Finding> findings = new ArrayList<>();

    // validateGpus: Mesos multiplies the fixed-point total back by 1000 and truncates.
    long gpus = pool.scalarMilli("gpus").orElse(0L);
    if ((long) (MesosText.floating(gpus) * 1000.0) % 1000 != 0) {
      findings.add(new Finding("Invalid 'gpus' resource: The 'gpus' resource must be an unsigned integer", -1));
    }

    // Mesos checks every DiskInfo, then every reservation: the findings keep that order.
    List<Finding> revocable = new ArrayList<>();
    for (int i = 0; i < resources.size(); i++) {
      Resource normalized = normalize.apply(resources.get(i));
      int index = i;
      validateDiskInfo(normalized).ifPresent(e -> findings.add(new Finding("Invalid DiskInfo: " + e, index)));
      boolean dynamic = normalized.getReservationsCount() > 0
          && normalized.getReservations(normalized.getReservationsCount() - 1).getType()
              == Resource.ReservationInfo.Type.DYNAMIC;
      if (dynamic && normalized.hasRevocable()) {
        revocable.add(new Finding("Invalid ReservationInfo: Dynamically reserved resource "
            + MesosText.resource(normalized) + " cannot be created from revocable resources", i));
      }
    }
    findings.addAll(revocable);
    return findings;
  }

  /** {@code validateDiskInfo} for one resource in the post-refinement format. */
  private static Optional<String> validateDiskInfo(Resource r) {
    if (!r.hasDisk()) {
      return Optional.empty();
    }
    Resource.DiskInfo disk = r.getDisk();
    if (disk.hasPersistence()) {
      if (r.hasRevocable()) {
        return Optional.of("Persistent volumes cannot be created from revocable resources");
      }
      if (r.getReservationsCount() == 0) {
        return Optional.of("Persistent volumes cannot be created from unreserved resources");
      }
      if (!disk.hasVolume()) {
        return Optional.of("Expecting 'volume' to be set for persistent volume");
      }
      if (disk.getVolume().hasHostPath()) {
        return Optional.of("Expecting 'host_path' to be unset for persistent volume");
      }
      Optional<String> id = CommonValidation.validateId(disk.getPersistence().getId());
      if (id.isPresent()) {
        return Optional.of("Invalid persistence ID for persistent volume: " + id.get());
      }
    } else if (disk.hasVolume()) {
      return Optional.of("Non-persistent volume not supported");
    } else if (!disk.hasSource()) {
      return Optional.of("DiskInfo is set but empty");
    }
    return Optional.empty();
  }

  /**
   * {@code validateUniquePersistenceID}: persistence IDs must be unique per reservation role.
   * Returns the duplicated IDs, each once.
   */
  static Set<String> duplicatePersistenceIds(ResourcePool pool) {
    Map<String, Set<String>> seen = new HashMap<>();
    Set<String> duplicates = new LinkedHashSet<>();
    for (Resource volume : pool.persistentVolumes()) {
      // An unreserved volume has no reservation role; its DiskInfo check already fails.
      Optional<String> role = ResourcePool.reservationRole(volume);
      if (role.isEmpty()) {
        continue;
      }
      String id = volume.getDisk().getPersistence().getId();
      if (!seen.computeIfAbsent(role.get(), r -> new HashSet<>()).add(id)) {
        duplicates.add(id);
      }
    }
    return duplicates;
  }

  /** The message of {@code validateUniquePersistenceID} for one duplicated ID. */
  static String notUnique(String id) {
    return "Persistence ID '" + id + "' is not unique";
  }

  /** {@code validateAllocatedToSingleRole}, or empty when all resources share one allocation role. */
  static Optional<String> singleAllocationRole(ResourcePool pool) {
    String role = null;
    for (Resource r : pool.keys()) {
      if (!r.getAllocationInfo().hasRole()) {
        return Optional.of("The resources are not allocated to a role");
      }
      String current = r.getAllocationInfo().getRole();
      if (role == null) {
        role = current;
      } else if (!current.equals(role)) {
        return Optional.of("The resources have multiple allocation roles ('" + current + "' and '" + role
            + "') but only one allocation role is allowed");
      }
    }
    return Optional.empty();
  }

  /**
   * {@code validateRevocableAndNonRevocableResources}: the names of resources that come both
   * revocable and non-revocable, in Mesos' (sorted) order.
   */
  static List<String> mixedRevocable(ResourcePool pool) {
    // per name, in sorted order: 1 if some resource is revocable, 2 if some is not
    TreeMap<String, Integer> kinds = new TreeMap<>();
    for (Resource r : pool.keys()) {
      kinds.merge(r.getName(), r.hasRevocable() ? 1 : 2, (a, b) -> a | b);
    }
    List<String> names = new ArrayList<>();
    kinds.forEach((name, kind) -> {
      if (kind == 3) {
        names.add(name);
      }
    });
    return names;
  }

  /** The message of {@code validateRevocableAndNonRevocableResources} for one name. */
  static String mixed(String name) {
    return "Cannot use both revocable and non-revocable '" + name + "' at the same time";
  }
}
