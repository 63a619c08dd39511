package io.podkit.model.json;

import io.podkit.model.PodModelException;
import io.podkit.model.PodPath;

/**
 * A pod could not be written as JSON: a value JSON cannot hold (NaN, infinity) at {@link #path()},
 * or an I/O failure of the output stream (the cause).
 */
public final class PodWriteException extends PodModelException {
  private static final long serialVersionUID = 1L;

  private final transient PodPath path;

  public PodWriteException(PodPath path, String message) {
    super(path + ": " + message);
    this.path = path;
  }

  public PodWriteException(String message, Throwable cause) {
    super(message, cause);
    this.path = PodPath.root();
  }

  public PodPath path() {
    return path;
  }
}
