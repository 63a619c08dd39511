package io.podkit.cli;

/**
 * Ends a command with an exit code of podctl's contract. The message, when there is one, is the
 * single line {@link PodCtl} prints on stderr; diagnostics printed before the throw stay where they
 * are. Commands throw it instead of returning codes from deep helpers, so that a helper that reads
 * a file or an offer can stop the command with the right code and a message that names the file.
 */
final class CommandException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** Stops with {@code exitCode}, printing {@code message} (one line) on stderr. */
  CommandException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  /** Stops with {@code exitCode}; everything the user needs was printed already. */
  static CommandException silent(int exitCode) {
    return new CommandException(exitCode, null);
  }

  int exitCode() {
    return exitCode;
  }
}
