package io.podkit.model;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * What a container or an exec health check runs: a shell string ({@code {"shell": ...}}) or an argv
 * vector ({@code {"argv": [...]}}). Exactly one form; podkit rejects both at once rather than
 * silently preferring {@code shell} as Marathon did.
 */
public sealed interface Command permits Command.Shell, Command.Argv {

  /** Runs {@code shell} with {@code /bin/sh -c}. */
  static Shell shell(String shell) {
    return new Shell(shell);
  }

  /** Runs {@code argv} directly, without a shell. */
  static Argv argv(String... argv) {
    return new Argv(List.of(argv));
  }

  /** A command run through {@code /bin/sh -c}. */
  record Shell(String shell) implements Command {
    public Shell {
      Objects.requireNonNull(shell, "shell");
    }
  }

  /** A command vector run without a shell. */
  record Argv(List<String> argv) implements Command {
    public Argv {
      argv = ImmutableList.copyOf(argv);
    }
  }
}
