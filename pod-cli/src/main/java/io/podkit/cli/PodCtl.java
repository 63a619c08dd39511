package io.podkit.cli;

import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code podctl}: the podkit command line. Exit codes are part of its contract, since other tools
 * script against it: 0 success, 1 the pod is invalid, 2 usage error or unreadable file, 3 the offer
 * does not fit the pod, 4 the launch failed.
 */
@Command(
    name = "podctl",
    mixinStandardHelpOptions = true,
    versionProvider = PodCtl.Version.class,
    description = "Reads, checks, translates and launches Marathon pod definitions.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:the pod is invalid",
        "2:usage error, or a file that cannot be read",
        "3:the offer does not fit the pod",
        "4:the launch failed"},
    subcommands = {
        ValidateCommand.class,
        NormalizeCommand.class,
        TranslateCommand.class,
        EnvCommand.class,
        LaunchCommand.class,
        SchemaCommand.class,
        CommandLine.HelpCommand.class})
public final class PodCtl {
  /** Success. */
  public static final int EXIT_OK = 0;
  /** The pod is invalid. */
  public static final int EXIT_INVALID = 1;
  /** Bad usage, or a file that cannot be read. */
  public static final int EXIT_USAGE = 2;
  /** The offer does not fit the pod. */
  public static final int EXIT_NO_FIT = 3;
  /** The launch was not accepted by the master (or its outcome is unknown). */
  public static final int EXIT_LAUNCH_FAILED = 4;

  /**
   * Hibernate Validator (inside pod-validation) announces its version at INFO through
   * java.util.logging, which would put a log line on every command's stderr. Held here because
   * java.util.logging keeps loggers only weakly: a level set on a dropped logger is forgotten.
   */
  private static final Logger HIBERNATE_LOGGER = Logger.getLogger("org.hibernate.validator");

  static {
    HIBERNATE_LOGGER.setLevel(Level.WARNING);
  }

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs podctl with the given streams; returns the exit code. Never throws for any argument. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new PodCtl());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExitCodeExceptionMapper(e -> EXIT_USAGE);
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("podctl: " + oneLine(e.getMessage()));
      e.getCommandLine().usage(err);
      return EXIT_USAGE;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof CommandException stop) {
        if (stop.getMessage() != null) {
          err.println(oneLine(stop.getMessage()));
        }
        return stop.exitCode();
      }
      // A bug, not a user error: one line, never a stack trace.
      err.println("podctl: internal error: " + oneLine(String.valueOf(e)));
      return EXIT_USAGE;
    });
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** {@code text} with its line breaks folded, so that every message stays one line. */
  static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*\\R\\s*", "; ").trim();
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = PodCtl.class.getPackage().getImplementationVersion();
      return new String[] {"podctl " + (v == null ? "development build" : v)};
    }
  }
}
