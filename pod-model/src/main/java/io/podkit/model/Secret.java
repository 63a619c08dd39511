package io.podkit.model;

import java.util.Objects;

/** A secret declared by a pod: {@code source} identifies it in the cluster's secret store. */
public record Secret(String source) {
  public Secret {
    Objects.requireNonNull(source, "source");
  }
}
