package io.podkit.validation.arbitrary;

import io.podkit.model.Pod;
import io.podkit.model.fuzz.JsonMutator;
import io.podkit.model.json.PodReader;
import io.podkit.model.json.PodWriter;
import io.podkit.model.json.ReadResult;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Pods one mutation away from a valid one: a pod of {@link ValidPodArbitraries}, written as JSON,
 * changed once by a structural {@link JsonMutator} mutation (a key deleted, duplicated or renamed, a
 * value's type changed, a value tweaked to an edge case or to another name of the pod, array items
 * swapped or repeated, a huge value) and read back leniently. Only mutations that still read as a
 * pod are kept (the first of up to 20 drawn from the seed), so every pod reaches the validator, where
 * most of them break a rule or two: duplicate names, dangling references, ports and amounts out of
 * range, missing resources.
 */
public final class NearValidPodArbitraries {
  private static final int ATTEMPTS = 20;

  private NearValidPodArbitraries() {}

  /** A pod and the mutation that made it from a valid one. */
  public record NearValidPod(Pod pod, String mutation) {
    @Override
    public String toString() {
      return mutation + ": " + PodWriter.compact().write(pod);
    }
  }

  /** Near-valid pods with 1 to 4 containers. */
  public static Arbitrary<NearValidPod> pods() {
    return Combinators.combine(ValidPodArbitraries.pods(), Arbitraries.longs()).as(NearValidPodArbitraries::mutate);
  }

  /** The first structural mutation of {@code valid} drawn from {@code seed} that still reads as a pod. */
  public static NearValidPod mutate(Pod valid, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] json = PodWriter.compact().writeBytes(valid);
    JsonMutator.Kind[] structural = {
        JsonMutator.Kind.DELETE_KEY, JsonMutator.Kind.CHANGE_TYPE, JsonMutator.Kind.DUPLICATE_KEY,
        JsonMutator.Kind.SWAP_ARRAY_ITEMS, JsonMutator.Kind.REPEAT_ARRAY_ITEM, JsonMutator.Kind.TWEAK_VALUE,
        JsonMutator.Kind.TWEAK_VALUE, JsonMutator.Kind.TWEAK_VALUE, JsonMutator.Kind.INSERT_HUGE,
        JsonMutator.Kind.RENAME_KEY, JsonMutator.Kind.ADD_KNOWN_FIELD};
    for (int i = 0; i < ATTEMPTS; i++) {
      JsonMutator.Mutated m = JsonMutator.mutate(json, structural[random.nextInt(structural.length)], random);
      ReadResult read = PodReader.lenient().read(m.bytes());
      if (read.ok()) {
        return new NearValidPod(read.orElseThrow(), m.description());
      }
    }
    return new NearValidPod(valid, "no mutation");
  }
}
