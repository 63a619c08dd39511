package io.podkit.validation;

import io.podkit.model.Pod;

/** Placeholder until the group's rules land (this session). */
final class VolumeRules implements RuleGroup {
  @Override
  public void check(Pod pod, Findings findings) {
    // filled in by this group's rules
  }
}
