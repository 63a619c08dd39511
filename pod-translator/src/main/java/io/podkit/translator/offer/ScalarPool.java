package io.podkit.translator.offer;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Verify.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.Protos;

/**
 * The offered resources of one kind that a pod may use, in offer order, with what is left of each in
 * thousandths. Every claim (executor, each container, each volume) is taken from this one pool and
 * marked used, so no amount is handed out twice (DESIGN G1); a claim may span several offered
 * resources (G2); all arithmetic is on whole thousandths (G3).
 *
 * <p>Sequential claims ({@link #take}) walk a cursor that only moves forward, so serving every
 * consumer costs one pass over the offered resources, whatever their number.
 */
final class ScalarPool {
  private final Optional<Protos.Resource.AllocationInfo> allocation;
  private final List<Protos.Resource> resources = new ArrayList<>();
  private long[] full = new long[8];
  private long[] remaining = new long[8];
  private long available;
  private int cursor;

  /** @param allocation the offer's allocation info, copied onto every piece (G25) */
  ScalarPool(Optional<Protos.Resource.AllocationInfo> allocation) {
    this.allocation = allocation;
  }

  /** Adds an offered resource at the end; resources with nothing in them are ignored. */
  void add(Protos.Resource resource) {
    long millis = Millis.of(resource.getScalar().getValue());
    if (millis <= 0) {
      return;
    }
    int i = resources.size();
    if (i == full.length) {
      full = Arrays.copyOf(full, i * 2);
      remaining = Arrays.copyOf(remaining, i * 2);
    }
    resources.add(resource);
    full[i] = millis;
    remaining[i] = millis;
    available = Millis.sum(available, millis);
  }

  /**
   * What is left in the pool, in thousandths; saturates at {@link Long#MAX_VALUE} ({@link Millis#sum}),
   * which every need that {@link Millis#fits fits} is below.
   */
  long available() {
    return available;
  }

  int size() {
    return resources.size();
  }

  Protos.Resource resource(int i) {
    return resources.get(i);
  }

  /** What the offered resource {@code i} held, in thousandths. */
  long full(int i) {
    return full[i];
  }

  /** What is left of offered resource {@code i}, in thousandths. */
  long remaining(int i) {
    return remaining[i];
  }

  /**
   * Claims {@code millis} in offer order, splitting across offered resources where one does not
   * hold enough (G2): one piece per offered resource touched.
   */
  List<Protos.Resource> take(long millis) {
    checkArgument(millis > 0 && millis <= available, "cannot take %s of %s", millis, available);
    List<Protos.Resource> pieces = new ArrayList<>(1);
    long left = millis;
    while (left > 0) {
      while (remaining[cursor] == 0) {
        cursor++;
      }
      long taken = Math.min(left, remaining[cursor]);
      pieces.add(consume(cursor, taken));
      left -= taken;
    }
    return pieces;
  }

  /** Claims {@code millis} of offered resource {@code i} as one piece. */
  Protos.Resource consume(int i, long millis) {
    checkArgument(millis > 0 && millis <= remaining[i], "cannot take %s of %s", millis, remaining[i]);
    remaining[i] -= millis;
    available -= millis;
    verify(available >= 0, "pool went negative");
    return piece(resources.get(i), millis, allocation);
  }

  /**
   * A copy of an offered scalar resource (name, type, role, reservations, provider, disk source) holding
   * {@code millis}, with the offer's {@code allocation_info} (G25).
   */
  static Protos.Resource piece(
      Protos.Resource offered, long millis, Optional<Protos.Resource.AllocationInfo> allocation) {
    Protos.Resource.Builder b = offered.toBuilder()
        .setScalar(Protos.Value.Scalar.newBuilder().setValue(Millis.toDouble(millis)));
    allocation.ifPresent(b::setAllocationInfo);
    return b.build();
  }
}
