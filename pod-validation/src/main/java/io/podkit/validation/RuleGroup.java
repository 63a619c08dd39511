package io.podkit.validation;

import io.podkit.model.Pod;

/** A group of related rules (networks, volumes, ...), each a plain method over the whole pod. */
interface RuleGroup {
  /** Adds every violation of this group's rules by {@code pod} to {@code findings}. */
  void check(Pod pod, Findings findings);
}
