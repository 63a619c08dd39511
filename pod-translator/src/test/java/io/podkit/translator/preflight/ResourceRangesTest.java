package io.podkit.translator.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;

/**
 * {@link ResourceFormat#validateRanges} answers as Mesos' pairwise {@code validateRanges} does, one
 * direction of overlap and unsigned comparisons included, without comparing every pair.
 */
class ResourceRangesTest {

  /** Mesos' loop, pair by pair: the oracle. */
  private static Optional<String> pairwise(Protos.Value.Ranges ranges) {
    for (int i = 0; i < ranges.getRangeCount(); i++) {
      Protos.Value.Range range = ranges.getRange(i);
      if (Long.compareUnsigned(range.getBegin(), range.getEnd()) > 0) {
        return Optional.of("Invalid ranges resource: begin > end");
      }
      for (int j = i + 1; j < ranges.getRangeCount(); j++) {
        long begin = ranges.getRange(j).getBegin();
        if (Long.compareUnsigned(range.getBegin(), begin) <= 0 && Long.compareUnsigned(begin, range.getEnd()) <= 0) {
          return Optional.of("Invalid ranges resource: overlapping ranges");
        }
      }
    }
    return Optional.empty();
  }

  private static Protos.Value.Ranges ranges(long... bounds) {
    Protos.Value.Ranges.Builder b = Protos.Value.Ranges.newBuilder();
    for (int i = 0; i < bounds.length; i += 2) {
      b.addRange(Protos.Value.Range.newBuilder().setBegin(bounds[i]).setEnd(bounds[i + 1]));
    }
    return b.build();
  }

  @Property(tries = 3000)
  void answersAsMesosPairwiseLoop(@ForAll("rangeLists") Protos.Value.Ranges ranges) {
    Optional<String> expected = pairwise(ranges);
    Statistics.collect(expected.orElse("valid"));
    assertThat(ResourceFormat.validateRanges(ranges)).isEqualTo(expected);
  }

  @Test
  void onlyALaterBeginInsideAnEarlierRangeIsAnOverlap() {
    String overlapping = "Invalid ranges resource: overlapping ranges";
    assertThat(ResourceFormat.validateRanges(ranges(10, 20, 15, 30))).contains(overlapping);
    assertThat(ResourceFormat.validateRanges(ranges(10, 20, 5, 15))).isEmpty();
    assertThat(ResourceFormat.validateRanges(ranges(10, 20, 20, 30))).contains(overlapping);
  }

  @Test
  void anOverlapBeforeAnInvertedRangeIsReportedFirst() {
    // [10,20] holds the begin of [15,16], which comes after the inverted [30,5]
    assertThat(ResourceFormat.validateRanges(ranges(10, 20, 30, 5, 15, 16)))
        .contains("Invalid ranges resource: overlapping ranges");
    assertThat(ResourceFormat.validateRanges(ranges(30, 5, 10, 20, 15, 16)))
        .contains("Invalid ranges resource: begin > end");
  }

  @Test
  void beginsAndEndsCompareUnsigned() {
    // -1 is 2^64 - 1 to Mesos: [1, -1] covers everything after it
    assertThat(ResourceFormat.validateRanges(ranges(1, -1, 5, 6)))
        .contains("Invalid ranges resource: overlapping ranges");
    assertThat(ResourceFormat.validateRanges(ranges(-1, 1))).contains("Invalid ranges resource: begin > end");
    assertThat(ResourceFormat.validateRanges(ranges(5, 6, -2, -1))).isEmpty();
  }

  @Test
  void aThousandAscendingRangesAreValid() {
    long[] bounds = new long[2000];
    for (int i = 0; i < 1000; i++) {
      bounds[2 * i] = 20000 + 3L * i;
      bounds[2 * i + 1] = 20001 + 3L * i;
    }
    assertThat(ResourceFormat.validateRanges(ranges(bounds))).isEmpty();
  }

  @Provide
  Arbitrary<Protos.Value.Ranges> rangeLists() {
    Arbitrary<Long> small = Arbitraries.longs().between(0, 40);
    Arbitrary<Long> edge = Arbitraries.of(0L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, -2L, -1L);
    Arbitrary<Long> bound = Arbitraries.frequencyOf(
        Tuple.of(8, small), Tuple.of(1, edge));
    Arbitrary<Protos.Value.Range> range = Combinators.combine(bound, Arbitraries.longs().between(0, 6),
            Arbitraries.integers().between(0, 9), bound)
        .as((begin, width, kind, other) -> Protos.Value.Range.newBuilder()
            .setBegin(begin)
            // mostly proper ranges, some inverted or arbitrary
            .setEnd(kind < 8 ? begin + width : other)
            .build());
    Arbitrary<List<Protos.Value.Range>> lists = Arbitraries.oneOf(
        range.list().ofMaxSize(8),
        // ascending runs with gaps, sometimes with one range broken
        Arbitraries.integers().between(0, 30).map(ResourceRangesTest::ascending));
    return lists.map(list -> Protos.Value.Ranges.newBuilder().addAllRange(list).build());
  }

  private static List<Protos.Value.Range> ascending(int n) {
    List<Protos.Value.Range> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Protos.Value.Range.newBuilder().setBegin(10L * i).setEnd(10L * i + 4).build());
    }
    if (n > 2) {
      int k = n / 2;
      long begin = 10L * k + (n % 3 == 0 ? 7 : 0);
      long end = n % 3 == 1 ? 0 : 10L * k + 12;
      out.set(k, Protos.Value.Range.newBuilder().setBegin(begin).setEnd(end).build());
    }
    return out;
  }
}
