package io.podkit.launcher;

import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.Protos;

/** Offers for the launcher tests: one agent, unreserved resources allocated to a role. */
final class Offers {
  static final Protos.FrameworkID FRAMEWORK = Protos.FrameworkID.newBuilder().setValue("framework-1").build();

  private Offers() {}

  /** Plenty of cpus, mem and disk, and ports 31000-32000, allocated to {@code role}. */
  static Protos.Offer ample(String role) {
    return of(role, 8, 16384, 100_000);
  }

  static Protos.Offer of(String role, double cpus, double mem, double disk) {
    List<Protos.Resource> resources = new ArrayList<>();
    resources.add(scalar(role, "cpus", cpus));
    resources.add(scalar(role, "mem", mem));
    if (disk > 0) {
      resources.add(scalar(role, "disk", disk));
    }
    resources.add(unreserved(role, "ports").setType(Protos.Value.Type.RANGES)
        .setRanges(Protos.Value.Ranges.newBuilder()
            .addRange(Protos.Value.Range.newBuilder().setBegin(31000).setEnd(32000))).build());
    return offer("offer-1", role, resources);
  }

  /** What Mesos offers back after RESERVE + CREATE: the reserved pieces, the volume carved out of its disk. */
  static Protos.Offer afterReservation(String role, List<Protos.Offer.Operation> operations) {
    List<Protos.Resource> reserved = new ArrayList<>();
    List<Protos.Resource> volumes = new ArrayList<>();
    for (Protos.Offer.Operation op : operations) {
      if (op.getType() == Protos.Offer.Operation.Type.RESERVE) {
        reserved.addAll(op.getReserve().getResourcesList());
      } else if (op.getType() == Protos.Offer.Operation.Type.CREATE) {
        volumes.addAll(op.getCreate().getVolumesList());
      }
    }
    for (Protos.Resource volume : volumes) {
      Protos.Resource.Builder carved = volume.toBuilder().clearDisk();
      if (volume.getDisk().hasSource()) {
        carved.setDisk(Protos.Resource.DiskInfo.newBuilder().setSource(volume.getDisk().getSource()));
      }
      if (!reserved.remove(carved.build())) {
        throw new IllegalStateException("volume not carved from a reserved piece: " + volume);
      }
    }
    reserved.addAll(volumes);
    return offer("offer-2", role, reserved);
  }

  private static Protos.Offer offer(String id, String role, List<Protos.Resource> resources) {
    return Protos.Offer.newBuilder()
        .setId(Protos.OfferID.newBuilder().setValue(id))
        .setFrameworkId(FRAMEWORK)
        .setSlaveId(Protos.SlaveID.newBuilder().setValue("agent-1"))
        .setHostname("agent-1.example")
        .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole(role))
        .addAllResources(resources)
        .build();
  }

  private static Protos.Resource scalar(String role, String name, double value) {
    return unreserved(role, name).setType(Protos.Value.Type.SCALAR)
        .setScalar(Protos.Value.Scalar.newBuilder().setValue(value)).build();
  }

  @SuppressWarnings("deprecation") // unreserved resources carry the single role "*"
  private static Protos.Resource.Builder unreserved(String allocationRole, String name) {
    return Protos.Resource.newBuilder().setName(name).setRole("*")
        .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole(allocationRole));
  }
}
