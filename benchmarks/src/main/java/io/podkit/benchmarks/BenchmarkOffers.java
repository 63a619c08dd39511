package io.podkit.benchmarks;

import org.apache.mesos.Protos;

/**
 * Offers for the benchmarks: one agent, unreserved resources allocated to role {@code *}, framework
 * {@code framework-1}.
 */
final class BenchmarkOffers {
  static final Protos.FrameworkID FRAMEWORK = Protos.FrameworkID.newBuilder().setValue("framework-1").build();

  /** The first port the benchmark offers hold. */
  static final int FIRST_PORT = 20000;

  /** Host ports in a scale offer, however many ranges they are split into. */
  static final int SCALE_PORTS = 1000;

  private BenchmarkOffers() {}

  /**
   * The default offer, the same as {@code TestOffers.ample()}: cpus 8, mem 16384, disk 100000 and
   * ports 31000-32000, each one resource.
   */
  static Protos.Offer defaultOffer() {
    Protos.Offer.Builder offer = base();
    split(offer, "cpus", 8, 1);
    split(offer, "mem", 16384, 1);
    split(offer, "disk", 100_000, 1);
    offer.addResources(resource("ports").setType(Protos.Value.Type.RANGES)
        .setRanges(Protos.Value.Ranges.newBuilder()
            .addRange(Protos.Value.Range.newBuilder().setBegin(31000).setEnd(32000))));
    return offer.build();
  }

  /**
   * The offer of the scale benchmarks: cpus 32, mem 32768 and disk 32768, each split into
   * {@code fragments} resources of (nearly) equal size, and {@link #SCALE_PORTS} host ports from
   * {@link #FIRST_PORT} on split into {@code portRanges} ranges of equal length with a gap of the same
   * length between neighbours (1 range of 1,000 ports, 100 of 10, or 1,000 of 1). The totals stay the
   * same whatever the split, so only fragmentation changes.
   */
  static Protos.Offer scaleOffer(int fragments, int portRanges) {
    if (fragments < 1 || portRanges < 1 || SCALE_PORTS % portRanges != 0) {
      throw new IllegalArgumentException("fragments " + fragments + ", portRanges " + portRanges);
    }
    Protos.Offer.Builder offer = base();
    split(offer, "cpus", 32, fragments);
    split(offer, "mem", 32768, fragments);
    split(offer, "disk", 32768, fragments);
    int length = SCALE_PORTS / portRanges;
    Protos.Value.Ranges.Builder ranges = Protos.Value.Ranges.newBuilder();
    for (int i = 0; i < portRanges; i++) {
      long begin = FIRST_PORT + 2L * length * i;
      ranges.addRange(Protos.Value.Range.newBuilder().setBegin(begin).setEnd(begin + length - 1));
    }
    offer.addResources(resource("ports").setType(Protos.Value.Type.RANGES).setRanges(ranges));
    return offer.build();
  }

  private static Protos.Offer.Builder base() {
    return Protos.Offer.newBuilder()
        .setId(Protos.OfferID.newBuilder().setValue("offer-1"))
        .setFrameworkId(FRAMEWORK)
        .setSlaveId(Protos.SlaveID.newBuilder().setValue("agent-1"))
        .setHostname("agent-1.example")
        .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("*"));
  }

  /** {@code total} in {@code fragments} pieces of whole thousandths; the last takes the remainder. */
  private static void split(Protos.Offer.Builder offer, String name, double total, int fragments) {
    long millis = Math.round(total * 1000);
    long each = millis / fragments;
    for (int i = 0; i < fragments; i++) {
      long piece = i == fragments - 1 ? millis - each * (fragments - 1) : each;
      offer.addResources(resource(name).setType(Protos.Value.Type.SCALAR)
          .setScalar(Protos.Value.Scalar.newBuilder().setValue(piece / 1000.0)));
    }
  }

  @SuppressWarnings("deprecation") // unreserved resources carry the single role "*"
  private static Protos.Resource.Builder resource(String name) {
    return Protos.Resource.newBuilder().setName(name).setRole("*")
        .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("*"));
  }
}
