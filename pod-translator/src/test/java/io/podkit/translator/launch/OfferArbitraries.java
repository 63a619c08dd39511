package io.podkit.translator.launch;

import io.podkit.model.Endpoint;
import io.podkit.model.Pod;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.mesos.Protos;

/**
 * Offers for the translator's properties: {@link Offers#fitting fitting} ones, offers short of exactly
 * one thing a given pod needs ({@link Shortfall}), and arbitrary offers (any resources, names, types,
 * roles, reservations, amounts including NaN, infinities, negatives and huge ones, inverted and
 * enormous ranges) that a matcher must survive. All drawn from a seed.
 */
final class OfferArbitraries {
  private OfferArbitraries() {}

  /** One thing a fitting offer can be short of, and the reason kind a NoMatch must then give. */
  enum Shortfall {
    CPUS, MEM, DISK, HOST_PORTS, STATIC_PORT, ROLE;

    /** Whether {@code pod} needs what this shortfall takes away. */
    boolean appliesTo(Pod pod) {
      return switch (this) {
        case HOST_PORTS -> endpoints(pod).stream().anyMatch(e -> e.hostPort().isPresent());
        case STATIC_PORT -> endpoints(pod).stream().anyMatch(e -> e.hostPort().filter(p -> p > 0).isPresent());
        default -> true;
      };
    }
  }

  private static List<Endpoint> endpoints(Pod pod) {
    return pod.containers().stream().flatMap(c -> c.endpoints().stream()).toList();
  }

  /** A fitting offer for the normalized {@code pod}, then short of {@code shortfall}. */
  static Protos.Offer shortOf(Pod pod, Shortfall shortfall, int fragments, long seed) {
    Protos.Offer fitting = Offers.fitting(pod, 1.0, fragments, seed);
    Protos.Offer.Builder offer = fitting.toBuilder().clearResources();
    String scalar = switch (shortfall) {
      case CPUS -> "cpus";
      case MEM -> "mem";
      case DISK -> "disk";
      default -> null;
    };
    boolean shortened = false;
    for (Protos.Resource r : fitting.getResourcesList()) {
      if (r.getName().equals(scalar) && !shortened) {
        // One thousandth short: the pieces add up to the exact need, and one of them loses 0.001.
        double less = Math.max(0, r.getScalar().getValue() - 0.001);
        offer.addResources(r.toBuilder().setScalar(Protos.Value.Scalar.newBuilder().setValue(less)));
        shortened = true;
      } else if (r.getName().equals("ports") && shortfall == Shortfall.HOST_PORTS) {
        continue;
      } else if (r.getName().equals("ports") && shortfall == Shortfall.STATIC_PORT) {
        // Every port but the static ones the generator uses (31000..31099).
        offer.addResources(r.toBuilder().setRanges(Protos.Value.Ranges.newBuilder()
            .addRange(Protos.Value.Range.newBuilder().setBegin(32_000).setEnd(33_000))));
      } else {
        offer.addResources(r);
      }
    }
    if (shortfall == Shortfall.ROLE) {
      offer.setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("some-other-role"));
    }
    return offer.build();
  }

  private static final String[] NAMES = {"cpus", "mem", "disk", "gpus", "ports", "network_bandwidth", "", "CPUS"};
  private static final String[] ROLES = {"*", "*", "dev", "other", "", "a/b"};
  private static final double[] AMOUNTS = {0, -0.0, -1, 0.0001, 0.0005, 0.001, 0.1, 1, 32, 128, 1e6, 1e15, 1e300,
      Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
  private static final long[] PORTS = {-1, 0, 1, 1024, 31000, 31099, 32000, 65535, 65536, Long.MAX_VALUE,
      Long.MIN_VALUE};

  /** Any offer: 0..20 resources of any name, type, role, amount and disk kind, allocated to any role. */
  @SuppressWarnings("deprecation") // the single role field, which Mesos still sends for unreserved resources
  static Protos.Offer arbitrary(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Protos.Offer.Builder offer = Protos.Offer.newBuilder()
        .setId(Protos.OfferID.newBuilder().setValue("offer-" + seed))
        .setFrameworkId(Offers.FRAMEWORK)
        .setSlaveId(Offers.AGENT)
        .setHostname(random.nextBoolean() ? "agent-1.example" : "a".repeat(random.nextInt(300)));
    if (random.nextInt(4) > 0) {
      offer.setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole(pick(ROLES, random)));
    }
    int n = random.nextInt(21);
    for (int i = 0; i < n; i++) {
      Protos.Resource.Builder r = Protos.Resource.newBuilder().setName(pick(NAMES, random));
      String role = pick(ROLES, random);
      switch (random.nextInt(5)) {
        case 0 -> r.setRole(role);
        case 1 -> r.setRole(role).addReservations(Protos.Resource.ReservationInfo.newBuilder()
            .setType(Protos.Resource.ReservationInfo.Type.STATIC).setRole(role));
        case 2 -> r.addReservations(Protos.Resource.ReservationInfo.newBuilder()
            .setType(Protos.Resource.ReservationInfo.Type.DYNAMIC).setRole(role)
            .setLabels(Protos.Labels.newBuilder().addLabels(Protos.Label.newBuilder()
                .setKey("marathon_task_id").setValue("x"))));
        default -> { }
      }
      if (random.nextBoolean()) {
        r.setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole(pick(ROLES, random)));
      }
      switch (random.nextInt(4)) {
        case 0 -> {
          Protos.Value.Ranges.Builder ranges = Protos.Value.Ranges.newBuilder();
          int k = random.nextInt(4);
          for (int j = 0; j < k; j++) {
            ranges.addRange(Protos.Value.Range.newBuilder().setBegin(pick(PORTS, random)).setEnd(pick(PORTS, random)));
          }
          r.setType(Protos.Value.Type.RANGES).setRanges(ranges);
        }
        case 1 -> r.setType(Protos.Value.Type.SET).setSet(Protos.Value.Set.newBuilder().addItem("x"));
        default -> r.setType(Protos.Value.Type.SCALAR)
            .setScalar(Protos.Value.Scalar.newBuilder().setValue(pick(AMOUNTS, random)));
      }
      if (r.getName().equals("disk") && random.nextInt(3) == 0) {
        Protos.Resource.DiskInfo.Source.Type type = pick(Protos.Resource.DiskInfo.Source.Type.values(), random);
        Protos.Resource.DiskInfo.Source.Builder source = Protos.Resource.DiskInfo.Source.newBuilder().setType(type);
        if (type == Protos.Resource.DiskInfo.Source.Type.PATH) {
          source.setPath(Protos.Resource.DiskInfo.Source.Path.newBuilder().setRoot("/mnt/p"));
        } else if (type == Protos.Resource.DiskInfo.Source.Type.MOUNT) {
          source.setMount(Protos.Resource.DiskInfo.Source.Mount.newBuilder().setRoot("/mnt/m"));
        }
        r.setDisk(Protos.Resource.DiskInfo.newBuilder().setSource(source));
      }
      offer.addResources(r.buildPartial());
    }
    if (random.nextBoolean()) {
      offer.addAttributes(Protos.Attribute.newBuilder().setName("rack_id").setType(Protos.Value.Type.TEXT)
          .setText(Protos.Value.Text.newBuilder().setValue("rack-" + random.nextInt(3))));
    }
    return offer.buildPartial();
  }

  private static <T> T pick(T[] values, SplittableRandom random) {
    return values[random.nextInt(values.length)];
  }

  private static String pick(String[] values, SplittableRandom random) {
    return values[random.nextInt(values.length)];
  }

  private static double pick(double[] values, SplittableRandom random) {
    return values[random.nextInt(values.length)];
  }

  private static long pick(long[] values, SplittableRandom random) {
    return values[random.nextInt(values.length)];
  }
}
