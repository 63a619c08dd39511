package io.podkit.model.arbitrary;

import io.podkit.model.Pod;
import io.podkit.model.fuzz.JsonMutator;
import io.podkit.model.json.PodWriter;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Documents one mutation away from a pod the reader accepts: any pod of {@link PodArbitraries},
 * written by {@link PodWriter} (compact or pretty), then changed once by {@link JsonMutator} (a key
 * deleted, duplicated or renamed, a value's type changed or tweaked, array items swapped or
 * repeated, a huge value, truncation, flipped or inserted bytes, another encoding). The mutation is
 * drawn from a seed, so shrinking and replay work.
 */
public final class NearValidDocuments {
  private NearValidDocuments() {}

  /** A written pod and one mutation of it. */
  public record Document(Pod original, byte[] bytes, String mutation) {
    @Override
    public String toString() {
      return mutation + " of " + PodWriter.compact().write(original);
    }
  }

  public static Arbitrary<Document> documents() {
    return Combinators.combine(PodArbitraries.pods(), Arbitraries.longs(), Arbitraries.of(true, false))
        .as((pod, seed, pretty) -> {
          byte[] written = pretty ? PodWriter.pretty().writeBytes(pod) : PodWriter.compact().writeBytes(pod);
          JsonMutator.Mutated m = JsonMutator.mutate(written, new SplittableRandom(seed));
          return new Document(pod, m.bytes(), m.description());
        });
  }
}
