package io.podkit.translator.offer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.mesos.Protos;

/**
 * An offer's resources that a {@link ResourceSelector} lets through, sorted in one pass by what they
 * can be used for: a pool per scalar kind (disk: root disks only), path and mount disks for
 * persistent volumes, and {@code ports} ranges. Offer order is kept everywhere (E.2).
 */
final class OfferedResources {
  private final Map<ScalarKind, ScalarPool> pools = new EnumMap<>(ScalarKind.class);
  private final ScalarPool pathDisks;
  private final ScalarPool mountDisks;
  private final List<Protos.Resource> ports = new ArrayList<>();
  private final Set<String> offeredRoles = new TreeSet<>();
  private boolean anySelected;

  private OfferedResources(Optional<Protos.Resource.AllocationInfo> allocation) {
    for (ScalarKind kind : ScalarKind.values()) {
      pools.put(kind, new ScalarPool(allocation));
    }
    pathDisks = new ScalarPool(allocation);
    mountDisks = new ScalarPool(allocation);
  }

  static OfferedResources select(Protos.Offer offer, ResourceSelector selector) {
    OfferedResources out = new OfferedResources(allocationOf(offer));
    for (Protos.Resource r : offer.getResourcesList()) {
      out.offeredRoles.add(ResourceSelector.roleOf(r));
      if (!selector.test(r)) {
        continue;
      }
      // E.1: any resource passing the selector counts against UnfulfilledRole.
      out.anySelected = true;
      ScalarKind kind = ScalarKind.byResourceName(r.getName());
      if (kind != null && r.getType() == Protos.Value.Type.SCALAR) {
        if (kind != ScalarKind.DISK) {
          out.pools.get(kind).add(r);
        } else if (!r.hasDisk() || !r.getDisk().hasSource()) {
          out.pools.get(kind).add(r); // E.2: scratch disk comes from ROOT disks only
        } else if (r.getDisk().getSource().getType() == Protos.Resource.DiskInfo.Source.Type.PATH) {
          out.pathDisks.add(r);
        } else if (r.getDisk().getSource().getType() == Protos.Resource.DiskInfo.Source.Type.MOUNT) {
          out.mountDisks.add(r);
        }
        // E.2: BLOCK and RAW disks (and UNKNOWN sources, which Mesos rejects) are ignored.
      } else if ("ports".equals(r.getName()) && r.getType() == Protos.Value.Type.RANGES) {
        out.ports.add(r);
      }
    }
    return out;
  }

  /** The offer's allocation info, to copy onto every resource podkit hands out (G25). */
  static Optional<Protos.Resource.AllocationInfo> allocationOf(Protos.Offer offer) {
    return offer.hasAllocationInfo() ? Optional.of(offer.getAllocationInfo()) : Optional.empty();
  }

  ScalarPool pool(ScalarKind kind) {
    return pools.get(kind);
  }

  ScalarPool pathDisks() {
    return pathDisks;
  }

  ScalarPool mountDisks() {
    return mountDisks;
  }

  List<Protos.Resource> ports() {
    return ports;
  }

  /** Whether any offered resource passed the selector (E.1 UnfulfilledRole otherwise). */
  boolean anySelected() {
    return anySelected;
  }

  /** The roles of all offered resources, selected or not, for reason messages. */
  Set<String> offeredRoles() {
    return offeredRoles;
  }
}
