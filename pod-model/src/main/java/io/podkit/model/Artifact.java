package io.podkit.model;

import java.util.Objects;
import java.util.Optional;

/** A URI the Mesos fetcher downloads into the sandbox before the container starts. */
public record Artifact(
    String uri,
    Optional<Boolean> extract,
    Optional<Boolean> executable,
    Optional<Boolean> cache,
    Optional<String> destPath) {

  public Artifact {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(extract, "extract");
    Objects.requireNonNull(executable, "executable");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(destPath, "destPath");
  }

  public static Artifact of(String uri) {
    return new Artifact(uri, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public boolean extractOrDefault() {
    return extract.orElse(true);
  }

  public boolean executableOrDefault() {
    return executable.orElse(false);
  }

  public boolean cacheOrDefault() {
    return cache.orElse(false);
  }
}
