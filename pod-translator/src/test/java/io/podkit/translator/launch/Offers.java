package io.podkit.translator.launch;

import io.podkit.model.Container;
import io.podkit.model.ExecutorResources;
import io.podkit.model.Pod;
import io.podkit.model.Resources;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.apache.mesos.Protos;

/** Offers for property tests: one agent, role {@code *}, every scalar split into fragments. */
final class Offers {
  static final Protos.FrameworkID FRAMEWORK = Protos.FrameworkID.newBuilder().setValue("framework-1").build();
  static final Protos.SlaveID AGENT = Protos.SlaveID.newBuilder().setValue("agent-1").build();

  private Offers() {}

  /**
   * An offer holding what the normalized {@code pod} needs times {@code factor} (at least 1), each
   * scalar split into {@code fragments} pieces, and ports 31000-32000.
   */
  static Protos.Offer fitting(Pod pod, double factor, int fragments, long seed) {
    Random random = new Random(seed);
    Protos.Offer.Builder offer = Protos.Offer.newBuilder()
        .setId(Protos.OfferID.newBuilder().setValue("offer-" + seed))
        .setFrameworkId(FRAMEWORK)
        .setSlaveId(AGENT)
        .setHostname("agent-1.example")
        .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("*"));
    ExecutorResources executor = pod.executorResources().orElse(ExecutorResources.defaults());
    BigDecimal cpus = BigDecimal.valueOf(executor.cpusOrDefault());
    BigDecimal mem = BigDecimal.valueOf(executor.memOrDefault());
    BigDecimal disk = BigDecimal.valueOf(executor.diskOrDefault());
    for (Container c : pod.containers()) {
      Resources r = c.resources();
      cpus = cpus.add(BigDecimal.valueOf(r.cpusOrDefault()));
      mem = mem.add(BigDecimal.valueOf(r.memOrDefault()));
      disk = disk.add(BigDecimal.valueOf(r.diskOrDefault()));
    }
    BigDecimal f = BigDecimal.valueOf(Math.max(1.0, factor));
    addSplit(offer, "cpus", cpus.multiply(f), fragments, random);
    addSplit(offer, "mem", mem.multiply(f), fragments, random);
    addSplit(offer, "disk", disk.multiply(f), fragments, random);
    offer.addResources(Protos.Resource.newBuilder()
        .setName("ports").setType(Protos.Value.Type.RANGES).setRole("*")
        .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("*"))
        .setRanges(Protos.Value.Ranges.newBuilder()
            .addRange(Protos.Value.Range.newBuilder().setBegin(31000).setEnd(32000))));
    return offer.build();
  }

  /** {@code total} (rounded up to Mesos' 3 decimals) as {@code fragments} resources of unequal sizes. */
  private static void addSplit(Protos.Offer.Builder offer, String name, BigDecimal total, int fragments,
      Random random) {
    long millis = total.setScale(3, RoundingMode.UP).movePointRight(3).longValueExact();
    int n = (int) Math.max(1, Math.min(fragments, millis));
    long left = millis;
    for (int i = 0; i < n; i++) {
      long piece = i == n - 1 ? left : Math.max(1, Math.min(left - (n - 1 - i), 1 + random.nextInt((int)
          Math.max(1, Math.min(Integer.MAX_VALUE - 1, 2 * left / (n - i))))));
      left -= piece;
      offer.addResources(Protos.Resource.newBuilder()
          .setName(name).setType(Protos.Value.Type.SCALAR).setRole("*")
          .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("*"))
          .setScalar(Protos.Value.Scalar.newBuilder().setValue(BigDecimal.valueOf(piece, 3).doubleValue())));
    }
  }
}
