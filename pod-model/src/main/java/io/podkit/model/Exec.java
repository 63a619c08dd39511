package io.podkit.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A container's command. With an {@link Command.Argv argv} command, {@code overrideEntrypoint} makes
 * {@code argv[0]} replace the image's entrypoint; otherwise the argv are appended as arguments.
 */
public record Exec(Command command, Optional<Boolean> overrideEntrypoint) {
  public Exec {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(overrideEntrypoint, "overrideEntrypoint");
  }

  public static Exec of(Command command) {
    return new Exec(command, Optional.empty());
  }

  public boolean overrideEntrypointOrDefault() {
    return overrideEntrypoint.orElse(false);
  }
}
