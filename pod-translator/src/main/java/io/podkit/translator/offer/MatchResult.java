package io.podkit.translator.offer;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/** The outcome of matching a pod against an offer: a {@link Match}, or a {@link NoMatch} with every reason. */
public sealed interface MatchResult permits MatchResult.Match, MatchResult.NoMatch {

  /** The offer fits; {@code resources} says what goes where. */
  record Match(ResourceMatch resources) implements MatchResult {
    public Match {
      Objects.requireNonNull(resources, "resources");
    }
  }

  /** The offer does not fit, for all of these reasons (never empty). */
  record NoMatch(List<NoMatchReason> reasons) implements MatchResult {
    public NoMatch {
      reasons = ImmutableList.copyOf(reasons);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("a NoMatch has at least one reason");
      }
    }
  }
}
