package io.podkit.translator.preflight;

import com.google.common.collect.BoundType;
import com.google.common.collect.DiscreteDomain;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.apache.mesos.Protos;
import org.apache.mesos.Protos.Resource;

/**
 * A simple model of Mesos' {@code Resources}: resources that differ only in their amount are merged,
 * scalars are added in Mesos' fixed-point milli-units, ranges are coalesced and set items united.
 *
 * <p>Two resources are "the same" when they agree on name, type, allocation role, reservations
 * (post-refinement form), DiskInfo source and persistence id (Mesos ignores the volume and the
 * principal there), revocability, sharedness and resource provider. Resources Mesos never adds
 * together ({@code addable} in {@code resources.cpp}: persistent volumes, MOUNT and BLOCK disks, RAW
 * disks with an id) and shared resources are counted as whole copies of one exact amount, and
 * such a resource is only contained in an equal one.
 */
final class ResourcePool {
  private final Map<Resource, Amount> entries = new LinkedHashMap<>();

  /**
   * What {@code Resources(repeated Resource)} keeps of a resource list after the master's
   * normalisation: invalid and empty resources are dropped, the rest is converted to the
   * post-refinement format and given {@code allocation} where it has no allocation info.
   */
  static ResourcePool of(List<Resource> resources, Resource.AllocationInfo allocation) {
    return of(resources, r -> normalize(r, allocation));
  }

  /** As {@link #of(List, Resource.AllocationInfo)}, with {@code normalize} doing {@link #normalize}. */
  static ResourcePool of(List<Resource> resources, UnaryOperator<Resource> normalize) {
    ResourcePool pool = new ResourcePool();
    for (Resource r : resources) {
      if (ResourceFormat.validate(r).isEmpty() && !isEmpty(r)) {
        pool.add(normalize.apply(r));
      }
    }
    return pool;
  }

  /** A copy of {@code pool}. */
  static ResourcePool copyOf(ResourcePool pool) {
    ResourcePool copy = new ResourcePool();
    copy.addAll(pool);
    return copy;
  }

  /**
   * The master's normalisation of one resource: {@code upgradeResource} to the post-refinement
   * format, then {@code injectAllocationInfo} where allocation info is missing.
   */
  @SuppressWarnings("deprecation") // The legacy role/reservation fields are what is being upgraded.
  static Resource normalize(Resource r, Resource.AllocationInfo allocation) {
    if (!r.hasRole() && !r.hasReservation() && (r.hasAllocationInfo() || allocation == null)) {
      // already post-refinement with its allocation (every resource podkit translates): nothing to change
      return r;
    }
    Resource.Builder b = r.toBuilder();
    if (b.getReservationsCount() == 0 && !b.getRole().equals("*")) {
      Resource.ReservationInfo.Builder reservation = b.hasReservation()
          ? b.getReservation().toBuilder().setType(Resource.ReservationInfo.Type.DYNAMIC)
          : Resource.ReservationInfo.newBuilder().setType(Resource.ReservationInfo.Type.STATIC);
      b.addReservations(reservation.setRole(b.getRole()));
    }
    b.clearRole().clearReservation();
    if (!b.hasAllocationInfo() && allocation != null) {
      b.setAllocationInfo(allocation);
    }
    return b.buildPartial();
  }

  /** {@code Resources::isEmpty}: a zero scalar, no ranges or no set items. */
  static boolean isEmpty(Resource r) {
    switch (r.getType()) {
      case SCALAR:
        return MesosText.fixed(r.getScalar().getValue()) == 0;
      case RANGES:
        return r.getRanges().getRangeCount() == 0;
      case SET:
        return r.getSet().getItemCount() == 0;
      default:
        return false;
    }
  }

  /** The role of the last (innermost) reservation, or empty for an unreserved resource. */
  static Optional<String> reservationRole(Resource normalized) {
    int n = normalized.getReservationsCount();
    return n == 0 ? Optional.empty() : Optional.of(normalized.getReservations(n - 1).getRole());
  }

  /** Whether Mesos keeps the resource whole instead of adding amounts (see the class comment). */
  static boolean isWhole(Resource r) {
    if (r.hasShared()) {
      return true;
    }
    if (!r.hasDisk()) {
      return false;
    }
    if (r.getDisk().hasPersistence()) {
      return true;
    }
    if (!r.getDisk().hasSource()) {
      return false;
    }
    switch (r.getDisk().getSource().getType()) {
      case MOUNT:
      case BLOCK:
        return true;
      case RAW:
        return r.getDisk().getSource().hasId();
      default:
        return false;
    }
  }

  /** Adds one normalized resource. */
  void add(Resource normalized) {
    entries.computeIfAbsent(key(normalized), k -> new Amount(k.getType())).add(normalized);
  }

  void addAll(ResourcePool other) {
    other.entries.forEach((key, amount) -> entries.computeIfAbsent(key, k -> new Amount(k.getType())).add(amount));
  }

  /** {@code Resources::contains}: every amount of {@code other} is covered by the same resource here. */
  boolean contains(ResourcePool other) {
    for (Map.Entry<Resource, Amount> e : other.entries.entrySet()) {
      Amount mine = entries.get(e.getKey());
      if (mine == null || !mine.contains(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** {@code Resources::operator==}: the same resources and amounts, in any order and split. */
  boolean sameAs(ResourcePool other) {
    return contains(other) && other.contains(this);
  }

  /** Removes {@code other}; amounts that would go negative or become empty disappear. */
  void subtract(ResourcePool other) {
    for (Map.Entry<Resource, Amount> e : other.entries.entrySet()) {
      Amount mine = entries.get(e.getKey());
      if (mine != null) {
        mine.subtract(e.getValue());
        if (mine.isEmpty()) {
          entries.remove(e.getKey());
        }
      }
    }
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The merged resources, in the order they were first added. */
  List<Resource> resources() {
    List<Resource> result = new ArrayList<>();
    entries.forEach((key, amount) -> {
      long copies = amount.whole && !key.hasShared() ? amount.copies : 1;
      for (long i = 0; i < copies; i++) {
        result.add(amount.render(key));
      }
    });
    return result;
  }

  /** The total of the scalar resources named {@code name} in milli-units, empty if there are none. */
  Optional<Long> scalarMilli(String name) {
    Long total = null;
    for (Map.Entry<Resource, Amount> e : entries.entrySet()) {
      if (e.getKey().getName().equals(name) && e.getKey().getType() == Protos.Value.Type.SCALAR) {
        total = (total == null ? 0 : total) + e.getValue().totalMilli(e.getKey());
      }
    }
    return Optional.ofNullable(total);
  }

  /**
   * The number of range elements and set items per resource name ({@code ResourceQuantities} for
   * the non-scalar resources); comparing these before and after merging finds overlaps.
   */
  Map<String, Long> discreteQuantities() {
    Map<String, Long> result = new TreeMap<>();
    entries.forEach((key, amount) -> {
      if (key.getType() == Protos.Value.Type.RANGES || key.getType() == Protos.Value.Type.SET) {
        result.merge(key.getName(), amount.count(), ResourcePool::saturatedAdd);
      }
    });
    return result;
  }

  /** The persistent volumes, one entry per copy that Mesos keeps apart. */
  List<Resource> persistentVolumes() {
    List<Resource> result = new ArrayList<>();
    entries.forEach((key, amount) -> {
      if (key.hasDisk() && key.getDisk().hasPersistence()) {
        long copies = key.hasShared() ? 1 : amount.copies;
        for (long i = 0; i < copies; i++) {
          result.add(key);
        }
      }
    });
    return result;
  }

  /** The distinct resources (amounts cleared), in the order they were first added. */
  List<Resource> keys() {
    return List.copyOf(entries.keySet());
  }

  /** The resource names, sorted as Mesos' {@code Resources::names()} returns them. */
  TreeSet<String> names() {
    TreeSet<String> names = new TreeSet<>();
    entries.keySet().forEach(k -> names.add(k.getName()));
    return names;
  }

  static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  /** Two resources are merged when they are equal apart from the amount (see the class comment). */
  private static Resource key(Resource normalized) {
    Resource.Builder b = normalized.toBuilder();
    if (!isWhole(normalized)) {
      b.clearScalar().clearRanges().clearSet();
    }
    if (normalized.hasDisk()) {
      Resource.DiskInfo disk = normalized.getDisk();
      Resource.DiskInfo.Builder d = Resource.DiskInfo.newBuilder();
      if (disk.hasSource()) {
        d.setSource(disk.getSource());
      }
      if (disk.hasPersistence()) {
        d.setPersistence(Resource.DiskInfo.Persistence.newBuilder().setId(disk.getPersistence().getId()));
      }
      b.setDisk(d);
    }
    return b.buildPartial();
  }

  /** The amount of one distinct resource. */
  private static final class Amount {
    private long milli;
    /** Only RANGES resources have ranges and only SET resources items; most are scalars. */
    private final RangeSet<Long> ranges;
    private final LinkedHashSet<String> items;
    /** Copies of a whole resource (for a shared one, Mesos' {@code sharedCount}). */
    private long copies;
    private boolean whole;

    Amount(Protos.Value.Type type) {
      this.ranges = type == Protos.Value.Type.RANGES ? TreeRangeSet.create() : null;
      this.items = type == Protos.Value.Type.SET ? new LinkedHashSet<>() : null;
    }

    void add(Resource r) {
      whole = isWhole(r);
      copies++;
      switch (r.getType()) {
        case SCALAR:
          milli += MesosText.fixed(r.getScalar().getValue());
          break;
        case RANGES:
          for (Protos.Value.Range range : r.getRanges().getRangeList()) {
            if (range.getBegin() <= range.getEnd()) {
              ranges.add(Range.closed(range.getBegin(), range.getEnd()).canonical(DiscreteDomain.longs()));
            }
          }
          break;
        case SET:
          items.addAll(r.getSet().getItemList());
          break;
        default:
          break;
      }
    }

    void add(Amount other) {
      whole = other.whole;
      copies += other.copies;
      milli += other.milli;
      if (ranges != null) {
        ranges.addAll(other.ranges);
      }
      if (items != null) {
        items.addAll(other.items);
      }
    }

    boolean contains(Amount other) {
      if (whole) {
        return copies >= other.copies;
      }
      return milli >= other.milli && (ranges == null || ranges.enclosesAll(other.ranges))
          && (items == null || items.containsAll(other.items));
    }

    void subtract(Amount other) {
      copies -= other.copies;
      milli -= other.milli;
      if (ranges != null) {
        ranges.removeAll(other.ranges);
      }
      if (items != null) {
        items.removeAll(other.items);
      }
    }

    boolean isEmpty() {
      return whole
          ? copies <= 0
          : milli <= 0 && (ranges == null || ranges.isEmpty()) && (items == null || items.isEmpty());
    }

    long totalMilli(Resource key) {
      if (!whole) {
        return milli;
      }
      // A shared resource counts once however many copies there are.
      return MesosText.fixed(key.getScalar().getValue()) * (key.hasShared() ? 1 : copies);
    }

    long count() {
      long n = items == null ? 0 : items.size();
      for (Range<Long> range : ranges == null ? Set.<Range<Long>>of() : ranges.asRanges()) {
        long upper = range.hasUpperBound() ? range.upperEndpoint() : Long.MAX_VALUE;
        long lower = range.lowerBoundType() == BoundType.CLOSED ? range.lowerEndpoint() : range.lowerEndpoint() + 1;
        n = saturatedAdd(n, upper - lower);
      }
      return n;
    }

    Resource render(Resource key) {
      if (whole) {
        return key;
      }
      Resource.Builder b = key.toBuilder();
      switch (key.getType()) {
        case SCALAR:
          b.setScalar(Protos.Value.Scalar.newBuilder().setValue(MesosText.floating(milli)));
          break;
        case RANGES:
          Protos.Value.Ranges.Builder r = Protos.Value.Ranges.newBuilder();
          for (Range<Long> range : ranges.asRanges()) {
            long upper = range.hasUpperBound() ? range.upperEndpoint() - 1 : Long.MAX_VALUE;
            r.addRange(Protos.Value.Range.newBuilder().setBegin(range.lowerEndpoint()).setEnd(upper));
          }
          b.setRanges(r);
          break;
        case SET:
          b.setSet(Protos.Value.Set.newBuilder().addAllItem(items));
          break;
        default:
          break;
      }
      return b.buildPartial();
    }
  }
}
