package io.podkit.translator;

/**
 * Root of pod-translator's exceptions: the inputs contradict each other in a way the types cannot
 * prevent (a match made for another pod, a customizer that broke the task group). An offer that does
 * not fit is not an exception but a {@link io.podkit.translator.offer.MatchResult.NoMatch}; a launch
 * Mesos would reject is reported by {@link io.podkit.translator.preflight.LaunchGroupCheck}.
 */
public class PodTranslationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PodTranslationException(String message) {
    super(message);
  }
}
