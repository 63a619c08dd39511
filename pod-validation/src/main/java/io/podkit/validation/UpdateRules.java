package io.podkit.validation;

import io.podkit.model.Pod;
import io.podkit.model.normalize.PodNormalizer;

/** Placeholder until the update rules land (this session). */
final class UpdateRules {
  private UpdateRules() {}

  static void check(Pod from, Pod to, boolean force, PodNormalizer normalizer, Findings findings) {
    // filled in by the update rules
  }
}
