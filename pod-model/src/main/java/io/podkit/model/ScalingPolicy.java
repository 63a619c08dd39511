package io.podkit.model;

import java.util.Objects;
import java.util.Optional;

/**
 * How many instances of the pod run. The JSON form carries a discriminator {@code kind}; the only
 * kind is {@code fixed}, matched literally (not case-insensitively), as in Marathon.
 */
public sealed interface ScalingPolicy permits ScalingPolicy.Fixed {

  /** The instance count when {@code scaling} is absent, or {@code instances} is. */
  int DEFAULT_INSTANCES = 1;

  static Fixed fixed(int instances) {
    return new Fixed(Optional.of(instances));
  }

  /** The number of instances this policy asks for. */
  int instancesOrDefault();

  /** {@code {"kind": "fixed", "instances": n}}. */
  record Fixed(Optional<Integer> instances) implements ScalingPolicy {
    /** The discriminator value. */
    public static final String KIND = "fixed";

    public Fixed {
      Objects.requireNonNull(instances, "instances");
    }

    @Override
    public int instancesOrDefault() {
      return instances.orElse(DEFAULT_INSTANCES);
    }
  }
}
