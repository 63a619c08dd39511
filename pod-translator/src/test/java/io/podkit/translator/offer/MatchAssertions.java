package io.podkit.translator.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.mesos.Protos;

/** Short texts for resources and results, so assertions read like the rules. */
final class MatchAssertions {
  private MatchAssertions() {}

  /** {@code cpus 0.5 @dev} for a scalar, {@code ports [31000-31001] @*} for ranges. */
  static String text(Protos.Resource r) {
    String amount = r.getType() == Protos.Value.Type.RANGES
        ? PortAllocator.describe(r.getRanges().getRangeList().stream()
            .map(x -> new PortRange(x.getBegin(), x.getEnd())).toList()).replace(", ", ",")
        : Millis.format(Millis.of(r.getScalar().getValue()));
    return r.getName() + " " + amount + " @" + ResourceSelector.roleOf(r);
  }

  static List<String> texts(List<Protos.Resource> resources) {
    return resources.stream().map(MatchAssertions::text).toList();
  }

  static ResourceMatch matched(MatchResult result) {
    assertThat(result).as("match result").isInstanceOf(MatchResult.Match.class);
    return ((MatchResult.Match) result).resources();
  }

  static List<NoMatchReason> reasons(MatchResult result) {
    assertThat(result).as("match result").isInstanceOf(MatchResult.NoMatch.class);
    return ((MatchResult.NoMatch) result).reasons();
  }

  static List<NoMatchReason.Kind> kinds(MatchResult result) {
    return reasons(result).stream().map(NoMatchReason::kind).toList();
  }

  static NoMatchReason reason(MatchResult result, NoMatchReason.Kind kind) {
    return reasons(result).stream().filter(r -> r.kind() == kind).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in " + result));
  }
}
