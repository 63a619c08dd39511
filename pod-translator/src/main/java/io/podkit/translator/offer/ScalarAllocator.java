package io.podkit.translator.offer;

import io.podkit.translator.offer.PodDemand.VolumeDemand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.Protos;

/**
 * Splits an offer's scalar resources between a pod's executor and containers (and, for a reservation,
 * its persistent volumes). Replaces Marathon's match-then-bin-pack (E.2 + E.4) with one step that
 * cannot fail after a match: the aggregate need is checked per kind, then every consumer claims its
 * amount from the kind's shared {@link ScalarPool} in offer order (G1), split across offered
 * resources where needed (G2), in exact thousandths (G3).
 */
final class ScalarAllocator {
  private ScalarAllocator() {}

  /**
   * @param perConsumer the pieces of the executor (index 0) and of each container, cpus, mem, disk,
   *     gpus in that order
   * @param volumes one disk piece per persistent volume, in pod volume order (reservations only)
   */
  record Allocation(List<List<Protos.Resource>> perConsumer, List<Protos.Resource> volumes) {}

  /**
   * The allocation, or empty after adding one reason per resource kind that does not fit to
   * {@code reasons}.
   */
  static Optional<Allocation> allocate(PodDemand demand, OfferedResources offered, ResourceSelector selection,
      List<NoMatchReason> reasons, RegexMatch.Budget budget) {
    boolean fits = true;
    Protos.Resource[] volumePieces = new Protos.Resource[demand.volumes().size()];
    for (ScalarKind kind : ScalarKind.values()) {
      long need = demand.total(kind);
      ScalarPool pool = offered.pool(kind);
      if (kind == ScalarKind.DISK && !demand.volumes().isEmpty()) {
        fits &= placeVolumes(demand, offered, volumePieces, selection, reasons, budget);
      } else if (!Millis.fits(need, pool.available())) {
        // E.2: a scalar whose need is 0 is never short.
        reasons.add(new NoMatchReason(kind.insufficient(), Millis.format(need), Millis.format(pool.available()),
            "insufficient " + kind.resourceName() + ": the pod needs " + Millis.format(need) + ", the offer has "
                + Millis.format(pool.available()) + usable(kind, selection)));
        fits = false;
      }
    }
    if (!fits) {
      return Optional.empty();
    }
    List<List<Protos.Resource>> perConsumer = new ArrayList<>(demand.consumers().size());
    for (int i = 0; i < demand.consumers().size(); i++) {
      perConsumer.add(new ArrayList<>(4));
    }
    // G1: kinds in a fixed order, consumers in pod order, each amount claimed once from the pool.
    for (ScalarKind kind : ScalarKind.values()) {
      ScalarPool pool = offered.pool(kind);
      for (int i = 0; i < demand.consumers().size(); i++) {
        long amount = demand.consumers().get(i)[kind.ordinal()];
        if (amount > 0) {
          perConsumer.get(i).addAll(pool.take(amount));
        }
      }
    }
    // volumePieces follow demand.volumes(), which is in pod volume order.
    return Optional.of(new Allocation(perConsumer, Arrays.asList(volumePieces)));
  }

  private static String usable(ScalarKind kind, ResourceSelector selection) {
    return " usable (" + (kind == ScalarKind.DISK ? "root disks, " : "") + selection + ")";
  }

  /**
   * E.2 for a reservation: each persistent volume comes whole from one offered disk of its type
   * (root: first that fits, in offer order; path: the one with most room; mount: the smallest whole
   * disk that fits, within {@code maxSize}), honouring the volume's path constraints and profile;
   * then the scratch disk must fit in what is left of the root disks. Volumes are placed largest
   * first, a greedy choice with no backtracking. Adds one {@code INSUFFICIENT_DISK} reason on failure.
   */
  private static boolean placeVolumes(PodDemand demand, OfferedResources offered, Protos.Resource[] pieces,
      ResourceSelector selection, List<NoMatchReason> reasons, RegexMatch.Budget budget) {
    ScalarPool root = offered.pool(ScalarKind.DISK);
    long scratch = demand.total(ScalarKind.DISK);
    long asked = Millis.sum(scratch, demand.volumeTotal());
    long available = Millis.sum(Millis.sum(root.available(), offered.pathDisks().available()),
        offered.mountDisks().available());
    List<String> problems = new ArrayList<>();
    List<Integer> largestFirst = new ArrayList<>();
    for (int i = 0; i < demand.volumes().size(); i++) {
      largestFirst.add(i);
    }
    // stable sort: equal sizes keep pod order
    largestFirst.sort(Comparator.comparingLong((Integer i) -> demand.volumes().get(i).sizeMillis()).reversed());
    for (int slot : largestFirst) {
      VolumeDemand v = demand.volumes().get(slot);
      Optional<Protos.Resource> piece = switch (v.type()) {
        case ROOT -> firstFit(root, v, budget);
        case PATH -> mostRoom(offered.pathDisks(), v, budget);
        case MOUNT -> smallestWhole(offered.mountDisks(), v, budget);
      };
      piece.ifPresentOrElse(p -> pieces[slot] = p, () -> problems.add("persistent volume " + v.name() + " ("
          + v.type().json() + ", " + Millis.format(v.sizeMillis()) + ") fits no offered " + v.type().json()
          + " disk"));
    }
    if (problems.isEmpty() && !Millis.fits(scratch, root.available())) {
      problems.add("scratch disk " + Millis.format(scratch) + " exceeds the " + Millis.format(root.available())
          + " left on root disks");
    }
    if (problems.isEmpty()) {
      return true;
    }
    reasons.add(new NoMatchReason(NoMatchReason.Kind.INSUFFICIENT_DISK, Millis.format(asked),
        Millis.format(available), "insufficient disk: the pod needs " + Millis.format(asked)
            + " including persistent volumes, the offer has " + Millis.format(available) + " usable (" + selection
            + "): " + String.join("; ", problems)));
    return false;
  }

  private static Optional<Protos.Resource> firstFit(ScalarPool pool, VolumeDemand v, RegexMatch.Budget budget) {
    for (int i = 0; i < pool.size(); i++) {
      if (pool.remaining(i) >= v.sizeMillis() && suits(pool.resource(i), v, budget)) {
        return Optional.of(pool.consume(i, v.sizeMillis()));
      }
    }
    return Optional.empty();
  }

  private static Optional<Protos.Resource> mostRoom(ScalarPool pool, VolumeDemand v, RegexMatch.Budget budget) {
    int best = -1;
    for (int i = 0; i < pool.size(); i++) {
      if (pool.remaining(i) >= v.sizeMillis() && suits(pool.resource(i), v, budget)
          && (best < 0 || pool.remaining(i) > pool.remaining(best))) {
        best = i;
      }
    }
    return best < 0 ? Optional.empty() : Optional.of(pool.consume(best, v.sizeMillis()));
  }

  /** A mount disk cannot be shared or split: the volume takes the whole disk and grows to its size. */
  private static Optional<Protos.Resource> smallestWhole(ScalarPool pool, VolumeDemand v,
      RegexMatch.Budget budget) {
    int best = -1;
    for (int i = 0; i < pool.size(); i++) {
      long size = pool.full(i);
      if (pool.remaining(i) == size && size >= v.sizeMillis()
          && v.maxSizeMillis().map(max -> size <= max).orElse(true) && suits(pool.resource(i), v, budget)
          && (best < 0 || size < pool.full(best))) {
        best = i;
      }
    }
    return best < 0 ? Optional.empty() : Optional.of(pool.consume(best, pool.full(best)));
  }

  /**
   * Marathon's VolumeConstraints (["path", "LIKE"|"UNLIKE", regex]) and VolumeProfileMatcher; a
   * pattern undecided within {@code budget} ({@link RegexMatch}) suits no disk.
   */
  private static boolean suits(Protos.Resource disk, VolumeDemand v, RegexMatch.Budget budget) {
    String profile = disk.getDisk().getSource().getProfile();
    boolean profileOk = v.profileName().map(profile::equals).orElse(profile.isEmpty());
    if (!profileOk) {
      return false;
    }
    String path = diskPath(disk);
    for (List<String> c : v.constraints()) {
      if (c.size() != 3 || !c.get(0).equals("path")) {
        return false;
      }
      RegexMatch.Outcome match = RegexMatch.fullMatch(c.get(2), path, budget);
      boolean holds = switch (c.get(1)) {
        case "LIKE" -> match == RegexMatch.Outcome.MATCH;
        case "UNLIKE" -> match == RegexMatch.Outcome.NO_MATCH;
        default -> false;
      };
      if (!holds) {
        return false;
      }
    }
    return true;
  }

  /** The root directory of a path or mount disk; empty for a root disk. */
  private static String diskPath(Protos.Resource disk) {
    Protos.Resource.DiskInfo.Source source = disk.getDisk().getSource();
    return switch (source.getType()) {
      case PATH -> source.getPath().getRoot();
      case MOUNT -> source.getMount().getRoot();
      default -> "";
    };
  }
}
