package io.podkit.translator.offer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.mesos.Protos;

/**
 * Host ports for a pod's endpoints from an offer's {@code ports} ranges (translation-rules E.3):
 * static ports must be offered, dynamic ones are chosen by the {@link PortStrategy} from what is left
 * (G28), and the chosen ports come back as {@code ports} resources of the ranges they came from.
 *
 * <p>Cost: sorting the offered ranges once, then binary searches; no search over assignments.
 */
final class PortAllocator {
  /** The largest TCP/UDP port; offered ranges beyond it cannot be host ports. */
  static final long MAX_PORT = 65_535;
  private static final int RANGES_SHOWN = 5;

  private PortAllocator() {}

  /** One endpoint asking for a host port: {@code hostPort} 0 is dynamic, anything else static. */
  record Request(String endpoint, int hostPort) {}

  /** The outcome: {@link Allocated} or {@link Failed}. */
  sealed interface Outcome permits Allocated, Failed {}

  /** Every request served: host port per endpoint (request order) and the {@code ports} resources. */
  record Allocated(Map<String, Integer> hostPorts, List<Protos.Resource> resources) implements Outcome {}

  /** Some request cannot be served; the texts go into an {@code INSUFFICIENT_PORTS} reason. */
  record Failed(String asked, String available, String message) implements Outcome {}

  /** A disjoint stretch of offered ports and the index of the offered resource it belongs to. */
  private record Segment(long begin, long end, int owner) {
    long size() {
      return end - begin + 1;
    }
  }

  static Outcome allocate(List<Request> requests, List<Protos.Resource> offeredPorts, PortStrategy strategy,
      Optional<Protos.Resource.AllocationInfo> allocation) {
    if (requests.isEmpty()) {
      return new Allocated(Map.of(), List.of());
    }
    List<Segment> owned = ownedSegments(offeredPorts);
    long[] begins = owned.stream().mapToLong(Segment::begin).toArray();
    long offeredCount = owned.stream().mapToLong(Segment::size).sum();

    TreeSet<Long> statics = new TreeSet<>();
    int dynamicCount = 0;
    List<String> problems = new ArrayList<>();
    for (Request r : requests) {
      if (r.hostPort() == 0) {
        dynamicCount++;
      } else {
        statics.add((long) r.hostPort());
        // E.3: a static port must lie inside an offered range of an accepted role.
        if (ownerIndex(owned, begins, r.hostPort()) < 0) {
          problems.add("static host port " + r.hostPort() + " of endpoint " + r.endpoint()
              + " is not in the offered ports " + describe(merge(owned)));
        }
      }
    }

    // E.3: dynamic ports never take a port the pod asks for statically.
    List<PortRange> free = subtract(merge(owned), statics);
    List<Long> dynamic = List.of();
    if (dynamicCount > 0) {
      Optional<List<Long>> chosen = strategy.choose(dynamicCount, free);
      if (chosen.isEmpty()) {
        long freeCount = free.stream().mapToLong(PortRange::size).sum();
        problems.add(dynamicCount + " dynamic host ports asked, " + freeCount + " free in " + describe(free));
      } else {
        dynamic = checked(chosen.get(), dynamicCount, free, strategy);
      }
    }
    if (!problems.isEmpty()) {
      return new Failed(Long.toString(statics.size() + dynamicCount), Long.toString(offeredCount),
          String.join("; ", problems));
    }

    Map<String, Integer> hostPorts = new LinkedHashMap<>();
    int next = 0;
    for (Request r : requests) {
      hostPorts.put(r.endpoint(), r.hostPort() == 0 ? Math.toIntExact(dynamic.get(next++)) : r.hostPort());
    }
    TreeSet<Long> all = new TreeSet<>(statics);
    all.addAll(dynamic);
    return new Allocated(hostPorts, resources(all, owned, begins, offeredPorts, allocation));
  }

  /**
   * The offered ranges as disjoint segments sorted by port, each tagged with its resource. Mesos never
   * offers a port twice; should ranges overlap anyway, the overlap is counted once.
   */
  private static List<Segment> ownedSegments(List<Protos.Resource> offeredPorts) {
    List<Segment> raw = new ArrayList<>();
    for (int k = 0; k < offeredPorts.size(); k++) {
      for (Protos.Value.Range range : offeredPorts.get(k).getRanges().getRangeList()) {
        long begin = Math.max(0, range.getBegin());
        long end = Math.min(MAX_PORT, range.getEnd());
        if (range.getBegin() >= 0 && begin <= end) {
          raw.add(new Segment(begin, end, k));
        }
      }
    }
    raw.sort(Comparator.comparingLong(Segment::begin)); // stable: offer order among equal starts
    List<Segment> owned = new ArrayList<>(raw.size());
    long covered = -1;
    for (Segment s : raw) {
      long begin = Math.max(s.begin(), covered + 1);
      if (begin <= s.end()) {
        owned.add(new Segment(begin, s.end(), s.owner()));
        covered = s.end();
      }
    }
    return owned;
  }

  /** The segment holding {@code port}, or -1. */
  private static int ownerIndex(List<Segment> owned, long[] begins, long port) {
    int i = Arrays.binarySearch(begins, port);
    if (i < 0) {
      i = -i - 2; // the last segment starting below the port
    }
    return i >= 0 && owned.get(i).end() >= port ? i : -1;
  }

  /** Sorted disjoint segments merged where they touch, whatever resource they came from. */
  private static List<PortRange> merge(List<Segment> owned) {
    List<PortRange> out = new ArrayList<>();
    long begin = -1;
    long end = -2;
    for (Segment s : owned) {
      if (s.begin() == end + 1) {
        end = s.end();
      } else {
        if (begin >= 0) {
          out.add(new PortRange(begin, end));
        }
        begin = s.begin();
        end = s.end();
      }
    }
    if (begin >= 0) {
      out.add(new PortRange(begin, end));
    }
    return out;
  }

  /** {@code ranges} without the ports in {@code ports}, still sorted and disjoint. */
  private static List<PortRange> subtract(List<PortRange> ranges, TreeSet<Long> ports) {
    List<PortRange> out = new ArrayList<>(ranges.size() + ports.size());
    for (PortRange r : ranges) {
      long begin = r.begin();
      for (long p : ports.subSet(r.begin(), true, r.end(), true)) {
        if (p > begin) {
          out.add(new PortRange(begin, p - 1));
        }
        begin = p + 1;
      }
      if (begin <= r.end()) {
        out.add(new PortRange(begin, r.end()));
      }
    }
    return out;
  }

  /** The strategy's choice, after checking it keeps the {@link PortStrategy} contract. */
  private static List<Long> checked(List<Long> chosen, int count, List<PortRange> free, PortStrategy strategy) {
    if (chosen.size() != count) {
      throw new IllegalStateException("port strategy " + strategy + " returned " + chosen.size()
          + " ports, " + count + " were asked");
    }
    long[] freeBegins = free.stream().mapToLong(PortRange::begin).toArray();
    Set<Long> seen = new HashSet<>();
    for (Long port : chosen) {
      if (port == null || !seen.add(port)) {
        throw new IllegalStateException("port strategy " + strategy + " returned a null or repeated port: " + chosen);
      }
      int i = Arrays.binarySearch(freeBegins, port);
      if (i < 0) {
        i = -i - 2;
      }
      if (i < 0 || !free.get(i).contains(port)) {
        throw new IllegalStateException("port strategy " + strategy + " returned port " + port
            + ", which is not free");
      }
    }
    return List.copyOf(chosen);
  }

  /**
   * The allocated ports as {@code ports} resources: one per originating offered resource (so role and
   * reservation are kept), listed by lowest port, with ascending ranges merged where contiguous.
   */
  private static List<Protos.Resource> resources(TreeSet<Long> ports, List<Segment> owned, long[] begins,
      List<Protos.Resource> offeredPorts, Optional<Protos.Resource.AllocationInfo> allocation) {
    Map<Protos.Resource, List<long[]>> byOrigin = new LinkedHashMap<>();
    Protos.Resource[] keys = new Protos.Resource[offeredPorts.size()];
    for (long port : ports) {
      int owner = owned.get(ownerIndex(owned, begins, port)).owner();
      if (keys[owner] == null) {
        keys[owner] = offeredPorts.get(owner).toBuilder().clearRanges().build();
      }
      List<long[]> ranges = byOrigin.computeIfAbsent(keys[owner], k -> new ArrayList<>());
      long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
      if (last != null && last[1] + 1 == port) {
        last[1] = port;
      } else {
        ranges.add(new long[] {port, port});
      }
    }
    List<Protos.Resource> out = new ArrayList<>(byOrigin.size());
    for (Map.Entry<Protos.Resource, List<long[]>> e : byOrigin.entrySet()) {
      Protos.Value.Ranges.Builder ranges = Protos.Value.Ranges.newBuilder();
      for (long[] r : e.getValue()) {
        ranges.addRange(Protos.Value.Range.newBuilder().setBegin(r[0]).setEnd(r[1]));
      }
      Protos.Resource.Builder b = e.getKey().toBuilder().setRanges(ranges);
      allocation.ifPresent(b::setAllocationInfo); // G25
      out.add(b.build());
    }
    return out;
  }

  /** {@code [31000-31999, 33000-33000]}, shortened after a few ranges. */
  static String describe(List<PortRange> ranges) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < Math.min(RANGES_SHOWN, ranges.size()); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(ranges.get(i).begin()).append('-').append(ranges.get(i).end());
    }
    if (ranges.size() > RANGES_SHOWN) {
      sb.append(", ... (").append(ranges.size()).append(" ranges)");
    }
    return sb.append(']').toString();
  }
}
