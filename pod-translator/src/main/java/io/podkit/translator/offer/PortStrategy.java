package io.podkit.translator.offer;

import java.util.List;
import java.util.Optional;

/**
 * Chooses the host ports of endpoints that ask for a dynamic one ({@code hostPort: 0}). Marathon
 * chose from a random start (G28); podkit's default, {@link #lowestFree()}, is deterministic so
 * the same inputs give the same launch.
 *
 * <p>A matcher calls its strategy from every thread that matches, so implementations must be
 * thread-safe; the built-in ones are stateless.
 */
@FunctionalInterface
public interface PortStrategy {
  /**
   * {@code count} distinct ports from {@code free} (sorted, non-overlapping ranges, the pod's static
   * ports already removed), or empty if there are not enough.
   */
  Optional<List<Long>> choose(int count, List<PortRange> free);

  /** The lowest free ports, in ascending order. */
  static PortStrategy lowestFree() {
    return (count, free) -> {
      List<Long> chosen = new java.util.ArrayList<>(count);
      for (PortRange r : free) {
        for (long p = r.begin(); p <= r.end() && chosen.size() < count; p++) {
          chosen.add(p);
        }
        if (chosen.size() == count) {
          break;
        }
      }
      return chosen.size() == count ? Optional.of(chosen) : Optional.empty();
    };
  }
}
