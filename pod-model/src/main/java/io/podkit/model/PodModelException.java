package io.podkit.model;

/**
 * Root of pod-model's exceptions. Subclasses: {@link io.podkit.model.json.PodReadException} (a
 * document could not be read as a pod), {@link io.podkit.model.json.PodWriteException} (a pod could
 * not be written as JSON) and {@link io.podkit.model.normalize.PodNormalizationException} (a pod
 * lacks what normalization needs). Each carries the {@link PodPath} of the problem where there is
 * one. Programming errors (a {@code null} argument) are reported with the JDK's own exceptions.
 */
public abstract class PodModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected PodModelException(String message) {
    super(message);
  }

  protected PodModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
