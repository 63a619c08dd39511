package io.podkit.model;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A container image. {@code pullConfig} names a pod secret holding a Docker {@code config.json} for
 * private registries.
 */
public record Image(
    ImageKind kind, String id, Optional<PullConfig> pullConfig, Optional<Boolean> forcePull, Map<String, String> labels) {

  public Image {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(pullConfig, "pullConfig");
    Objects.requireNonNull(forcePull, "forcePull");
    labels = ImmutableMap.copyOf(labels);
  }

  public static Image docker(String id) {
    return new Image(ImageKind.DOCKER, id, Optional.empty(), Optional.empty(), Map.of());
  }

  /** Same image, pulled with the credentials in pod secret {@code secretName}. */
  public Image withPullSecret(String secretName) {
    return new Image(kind, id, Optional.of(new PullConfig(secretName)), forcePull, labels);
  }

  public boolean forcePullOrDefault() {
    return forcePull.orElse(false);
  }

  /** Registry credentials: the name of a pod secret. */
  public record PullConfig(String secret) {
    public PullConfig {
      Objects.requireNonNull(secret, "secret");
    }
  }
}
