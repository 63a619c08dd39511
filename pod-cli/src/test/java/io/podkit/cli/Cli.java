package io.podkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs podctl in-process, as the tests of every command do: outputs and exit codes are a contract. */
final class Cli {
  /** A fixed instance UUID (version 1), for reproducible output. */
  static final String UUID = "3f0c6e1a-1d2b-11ef-9c41-0242ac120002";
  /** The README's example pod, relative to the module directory (the tests' working directory). */
  static final Path WEB = Path.of("..", "examples", "pods", "web.json");

  private Cli() {}

  record Run(int exit, String out, String err) {
    /** Neither stream shows a stack trace or an exception class. */
    Run noStackTrace() {
      assertThat(out + err).doesNotContain("\tat ", "Exception", "Caused by");
      return this;
    }
  }

  static Run podctl(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = PodCtl.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString()).noStackTrace();
  }

  /** A pod fixture of this module. */
  static Path pod(String name) {
    return Path.of("src", "test", "resources", "pods", name);
  }

  /** An offer fixture of this module. */
  static Path offer(String name) {
    return Path.of("src", "test", "resources", "offers", name);
  }
}
