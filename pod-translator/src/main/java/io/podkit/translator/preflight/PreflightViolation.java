package io.podkit.translator.preflight;

import java.io.Serializable;
import java.util.Objects;

/**
 * One reason the Mesos master (or the agent after it) would reject a {@code LAUNCH_GROUP}.
 *
 * @param rule the rule id of {@code mesos-rules.md} section 1 ({@code "R16"}, {@code "C1"}, ...)
 * @param message the text Mesos would put into the task status (its prefixes such as
 *     {@code Task '<id>' is invalid: } included, placeholders filled in); for the caveats, where
 *     Mesos has no message, a text that says what would happen
 * @param where a short locator of the offending field, relative to the arguments of the check, for
 *     example {@code operations[0].launch_group.task_group.tasks[1].resources[0]}
 */
public record PreflightViolation(String rule, String message, String where) implements Serializable {
  private static final long serialVersionUID = 1L;

  public PreflightViolation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(where, "where");
  }

  @Override
  public String toString() {
    return "[" + rule + "] " + where + ": " + message;
  }
}
