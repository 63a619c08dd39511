package io.podkit.translator.preflight;

import io.podkit.translator.PodTranslationException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link LaunchGroupCheck#requireValid} when Mesos would reject the launch; carries every
 * violation found, so a caller that stops can still report them all.
 */
public final class PreflightException extends PodTranslationException {
  private static final long serialVersionUID = 1L;

  private final List<PreflightViolation> violations;

  public PreflightException(List<PreflightViolation> violations) {
    super(describe(violations));
    this.violations = List.copyOf(violations);
  }

  /** Every violation found, in the order the checker found them. */
  public List<PreflightViolation> violations() {
    return violations;
  }

  private static String describe(List<PreflightViolation> violations) {
    return "Mesos would reject the LAUNCH_GROUP (" + violations.size() + " violation"
        + (violations.size() == 1 ? "" : "s") + "):\n"
        + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n"));
  }
}
