package io.podkit.translator.offer;

import java.util.Map;
import org.apache.mesos.Protos;

/** Mesos offers written by hand for the matcher's tests: resources in the order they are added. */
final class OfferBuilder {
  private final Protos.Offer.Builder offer = Protos.Offer.newBuilder()
      .setId(Protos.OfferID.newBuilder().setValue("offer-1"))
      .setFrameworkId(Protos.FrameworkID.newBuilder().setValue("framework-1"))
      .setSlaveId(Protos.SlaveID.newBuilder().setValue("agent-1"))
      .setHostname("host-1");

  private OfferBuilder() {}

  /** An offer from {@code host-1} with no resources and no allocation info. */
  static OfferBuilder offer() {
    return new OfferBuilder();
  }

  /** An offer allocated to {@code role} (what Mesos sends to a MULTI_ROLE framework). */
  static OfferBuilder offer(String role) {
    return new OfferBuilder().allocatedTo(role);
  }

  OfferBuilder hostname(String hostname) {
    offer.setHostname(hostname);
    return this;
  }

  OfferBuilder allocatedTo(String role) {
    offer.setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole(role));
    return this;
  }

  OfferBuilder cpus(double value) {
    return resource(scalarResource("cpus", value, "*"));
  }

  OfferBuilder mem(double value) {
    return resource(scalarResource("mem", value, "*"));
  }

  OfferBuilder disk(double value) {
    return resource(scalarResource("disk", value, "*"));
  }

  OfferBuilder gpus(double value) {
    return resource(scalarResource("gpus", value, "*"));
  }

  /** A scalar of {@code role} ({@code *} unreserved, else statically reserved, refined format). */
  OfferBuilder scalar(String name, double value, String role) {
    return resource(scalarResource(name, value, role));
  }

  /** {@code ports} ranges of role {@code *}: pairs of begin, end. */
  OfferBuilder ports(long... beginEnd) {
    return resource(ports("*", beginEnd));
  }

  OfferBuilder resource(Protos.Resource resource) {
    offer.addResources(resource);
    return this;
  }

  OfferBuilder text(String name, String value) {
    offer.addAttributes(Protos.Attribute.newBuilder().setName(name).setType(Protos.Value.Type.TEXT)
        .setText(Protos.Value.Text.newBuilder().setValue(value)));
    return this;
  }

  OfferBuilder scalarAttribute(String name, double value) {
    offer.addAttributes(Protos.Attribute.newBuilder().setName(name).setType(Protos.Value.Type.SCALAR)
        .setScalar(Protos.Value.Scalar.newBuilder().setValue(value)));
    return this;
  }

  OfferBuilder attribute(Protos.Attribute attribute) {
    offer.addAttributes(attribute);
    return this;
  }

  OfferBuilder domain(String region, String zone) {
    offer.setDomain(Protos.DomainInfo.newBuilder().setFaultDomain(Protos.DomainInfo.FaultDomain.newBuilder()
        .setRegion(Protos.DomainInfo.FaultDomain.RegionInfo.newBuilder().setName(region))
        .setZone(Protos.DomainInfo.FaultDomain.ZoneInfo.newBuilder().setName(zone))));
    return this;
  }

  Protos.Offer build() {
    return offer.build();
  }

  // ---- resources ----

  /** A scalar of {@code role}: unreserved for {@code *}, else a static reservation (refined format). */
  static Protos.Resource scalarResource(String name, double value, String role) {
    Protos.Resource.Builder b = Protos.Resource.newBuilder().setName(name).setType(Protos.Value.Type.SCALAR)
        .setScalar(Protos.Value.Scalar.newBuilder().setValue(value));
    if (!role.equals("*")) {
      b.addReservations(Protos.Resource.ReservationInfo.newBuilder()
          .setType(Protos.Resource.ReservationInfo.Type.STATIC).setRole(role));
    }
    return b.build();
  }

  /** A scalar in the pre-refinement format: the deprecated single {@code role}. */
  @SuppressWarnings("deprecation")
  static Protos.Resource legacyScalar(String name, double value, String role) {
    return Protos.Resource.newBuilder().setName(name).setType(Protos.Value.Type.SCALAR)
        .setScalar(Protos.Value.Scalar.newBuilder().setValue(value)).setRole(role).build();
  }

  /** A scalar dynamically reserved for {@code role} with reservation {@code labels}. */
  static Protos.Resource reserved(String name, double value, String role, Map<String, String> labels) {
    return Protos.Resource.newBuilder().setName(name).setType(Protos.Value.Type.SCALAR)
        .setScalar(Protos.Value.Scalar.newBuilder().setValue(value))
        .addReservations(dynamic(role, labels)).build();
  }

  /** {@code ports} of {@code role}: pairs of begin, end. */
  static Protos.Resource ports(String role, long... beginEnd) {
    Protos.Value.Ranges.Builder ranges = Protos.Value.Ranges.newBuilder();
    for (int i = 0; i < beginEnd.length; i += 2) {
      ranges.addRange(Protos.Value.Range.newBuilder().setBegin(beginEnd[i]).setEnd(beginEnd[i + 1]));
    }
    Protos.Resource.Builder b = Protos.Resource.newBuilder().setName("ports").setType(Protos.Value.Type.RANGES)
        .setRanges(ranges);
    if (!role.equals("*")) {
      b.addReservations(Protos.Resource.ReservationInfo.newBuilder()
          .setType(Protos.Resource.ReservationInfo.Type.STATIC).setRole(role));
    }
    return b.build();
  }

  /** {@code ports} dynamically reserved for {@code role} with {@code labels}. */
  static Protos.Resource reservedPorts(String role, Map<String, String> labels, long begin, long end) {
    return ports("*", begin, end).toBuilder().addReservations(dynamic(role, labels)).build();
  }

  /** An unreserved disk with a PATH or MOUNT source rooted at {@code root}. */
  static Protos.Resource sourcedDisk(Protos.Resource.DiskInfo.Source.Type type, double size, String root) {
    Protos.Resource.DiskInfo.Source.Builder source = Protos.Resource.DiskInfo.Source.newBuilder().setType(type);
    switch (type) {
      case PATH -> source.setPath(Protos.Resource.DiskInfo.Source.Path.newBuilder().setRoot(root));
      case MOUNT -> source.setMount(Protos.Resource.DiskInfo.Source.Mount.newBuilder().setRoot(root));
      default -> { }
    }
    return scalarResource("disk", size, "*").toBuilder()
        .setDisk(Protos.Resource.DiskInfo.newBuilder().setSource(source)).build();
  }

  /** A persistent volume of {@code size} with id {@code id}, reserved for {@code role} with {@code labels}. */
  static Protos.Resource persistentVolume(String id, double size, String role, Map<String, String> labels) {
    return reserved("disk", size, role, labels).toBuilder()
        .setDisk(Protos.Resource.DiskInfo.newBuilder()
            .setPersistence(Protos.Resource.DiskInfo.Persistence.newBuilder().setId(id))
            .setVolume(Protos.Volume.newBuilder().setContainerPath("data").setMode(Protos.Volume.Mode.RW)))
        .build();
  }

  private static Protos.Resource.ReservationInfo dynamic(String role, Map<String, String> labels) {
    Protos.Labels.Builder l = Protos.Labels.newBuilder();
    labels.forEach((k, v) -> l.addLabels(Protos.Label.newBuilder().setKey(k).setValue(v)));
    return Protos.Resource.ReservationInfo.newBuilder().setType(Protos.Resource.ReservationInfo.Type.DYNAMIC)
        .setRole(role).setPrincipal("principal").setLabels(l).build();
  }
}
