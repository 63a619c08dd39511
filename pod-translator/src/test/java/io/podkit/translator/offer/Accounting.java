package io.podkit.translator.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.mesos.Protos;

/**
 * Checks a match against its offer as the Mesos master would (R43): no offered resource is claimed
 * beyond what it holds, and no port is claimed twice or outside the offer. Offered resources that
 * differ only in amount are one account, as they are for Mesos.
 */
final class Accounting {
  private Accounting() {}

  /** Every scalar piece and port of the match, executor first. */
  static List<Protos.Resource> all(ResourceMatch m) {
    List<Protos.Resource> all = new ArrayList<>(m.executorResources());
    m.containerResources().forEach(all::addAll);
    all.addAll(m.portResources());
    all.addAll(m.volumeResources());
    return all;
  }

  /** The sum of a consumer's pieces of {@code name}, in thousandths. */
  static long sum(List<Protos.Resource> pieces, String name) {
    return pieces.stream().filter(r -> r.getName().equals(name)).mapToLong(r -> Millis.of(r.getScalar().getValue()))
        .sum();
  }

  static void assertNothingOverClaimed(ResourceMatch m, Protos.Offer offer) {
    Map<Protos.Resource, Long> offered = new HashMap<>();
    Set<Long> offeredPorts = new HashSet<>();
    for (Protos.Resource r : offer.getResourcesList()) {
      if (r.getType() == Protos.Value.Type.SCALAR) {
        offered.merge(account(r), Millis.of(r.getScalar().getValue()), Long::sum);
      } else if (r.getName().equals("ports")) {
        for (Protos.Value.Range range : r.getRanges().getRangeList()) {
          for (long p = range.getBegin(); p <= range.getEnd(); p++) {
            offeredPorts.add(p);
          }
        }
      }
    }
    Map<Protos.Resource, Long> claimed = new HashMap<>();
    Set<Long> claimedPorts = new HashSet<>();
    for (Protos.Resource r : all(m)) {
      if (r.getType() == Protos.Value.Type.SCALAR) {
        assertThat(Millis.of(r.getScalar().getValue())).as("piece %s", r).isPositive();
        claimed.merge(account(r), Millis.of(r.getScalar().getValue()), Long::sum);
      } else {
        for (Protos.Value.Range range : r.getRanges().getRangeList()) {
          for (long p = range.getBegin(); p <= range.getEnd(); p++) {
            assertThat(claimedPorts.add(p)).as("port %s claimed once", p).isTrue();
          }
        }
      }
    }
    claimed.forEach((account, amount) -> assertThat(amount).as("claimed of %s", account)
        .isLessThanOrEqualTo(offered.getOrDefault(account, 0L)));
    assertThat(offeredPorts).containsAll(claimedPorts);
    assertThat(claimedPorts).containsExactlyInAnyOrderElementsOf(
        m.hostPorts().values().stream().map(Integer::longValue).distinct().toList());
  }

  private static Protos.Resource account(Protos.Resource r) {
    return r.toBuilder().clearScalar().clearAllocationInfo().build();
  }
}
