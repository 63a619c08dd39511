package io.podkit.benchmarks;

import org.apache.mesos.Protos;

/** Offers for the benchmarks: one agent, role {@code *}, each scalar in {@code fragments} equal pieces. */
final class BenchmarkOffers {
  static final Protos.FrameworkID FRAMEWORK = Protos.FrameworkID.newBuilder().setValue("framework-1").build();

  private BenchmarkOffers() {}

  /**
   * {@code cpus}, {@code mem} and {@code disk} each split into {@code fragments} pieces, and
   * {@code portRanges} ranges of 10 ports from 20000 on.
   */
  static Protos.Offer offer(double cpus, double mem, double disk, int fragments, int portRanges) {
    Protos.Offer.Builder offer = Protos.Offer.newBuilder()
        .setId(Protos.OfferID.newBuilder().setValue("offer-1"))
        .setFrameworkId(FRAMEWORK)
        .setSlaveId(Protos.SlaveID.newBuilder().setValue("agent-1"))
        .setHostname("agent-1.example")
        .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("*"));
    split(offer, "cpus", cpus, fragments);
    split(offer, "mem", mem, fragments);
    split(offer, "disk", disk, fragments);
    Protos.Value.Ranges.Builder ranges = Protos.Value.Ranges.newBuilder();
    for (int i = 0; i < portRanges; i++) {
      long begin = 20000L + i * 20L;
      ranges.addRange(Protos.Value.Range.newBuilder().setBegin(begin).setEnd(begin + 9));
    }
    offer.addResources(resource("ports").setType(Protos.Value.Type.RANGES).setRanges(ranges));
    return offer.build();
  }

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
