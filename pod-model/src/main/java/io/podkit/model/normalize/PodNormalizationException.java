package io.podkit.model.normalize;

import io.podkit.model.PodModelException;
import io.podkit.model.PodPath;

/**
 * A pod lacks something normalization needs and no configured default supplies it (a container
 * network without a name, and no default network name). Validation reports the same problem first
 * for pods that go through it.
 */
public final class PodNormalizationException extends PodModelException {
  private static final long serialVersionUID = 1L;

  private final transient PodPath path;

  public PodNormalizationException(PodPath path, String message) {
    super(path + ": " + message);
    this.path = path;
  }

  public PodPath path() {
    return path;
  }
}
