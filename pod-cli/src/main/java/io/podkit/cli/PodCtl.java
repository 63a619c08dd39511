package io.podkit.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code podctl}: the podkit command line. Exit codes are part of its contract, since other tools
 * script against it: 0 success, 1 the pod is invalid, 2 usage error or unreadable file.
 */
@Command(
    name = "podctl",
    mixinStandardHelpOptions = true,
    versionProvider = PodCtl.Version.class,
    description = "Reads, checks and translates Marathon pod definitions.",
    subcommands = {NormalizeCommand.class, CommandLine.HelpCommand.class})
public final class PodCtl {
  /** The pod is invalid. */
  public static final int EXIT_INVALID = 1;
  /** Bad usage, or a file that cannot be read. */
  public static final int EXIT_USAGE = 2;

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs podctl with the given streams; returns the exit code. Never throws for any argument. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new PodCtl());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> EXIT_USAGE);
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("podctl: " + e.getMessage());
      e.getCommandLine().usage(err);
      return EXIT_USAGE;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      err.println("podctl: internal error: " + e);
      return EXIT_USAGE;
    });
    return cli.execute(args);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = PodCtl.class.getPackage().getImplementationVersion();
      return new String[] {"podctl " + (v == null ? "development build" : v)};
    }
  }
}
