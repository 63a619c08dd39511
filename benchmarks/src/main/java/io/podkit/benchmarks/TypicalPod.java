package io.podkit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The benchmarks' typical pod: two containers, endpoints, a health check, volumes and a secret. */
final class TypicalPod {
  private TypicalPod() {}

  static byte[] json() {
    try (InputStream in = TypicalPod.class.getResourceAsStream("/typical-pod.json")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
