package io.podkit.cli;

import io.podkit.model.Pod;
import io.podkit.model.json.PodReader;
import io.podkit.model.json.PodWriter;
import io.podkit.model.json.ReadProblem;
import io.podkit.model.json.ReadResult;
import io.podkit.model.normalize.NormalizationConfig;
import io.podkit.model.normalize.PodNormalizationException;
import io.podkit.model.normalize.PodNormalizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code podctl normalize FILE}: the pod with Marathon's defaults filled in, as JSON on stdout. */
@Command(
    name = "normalize",
    mixinStandardHelpOptions = true,
    description = "Prints the pod with Marathon's normalization and defaults applied. "
        + "Exit 0 on success, 1 if the pod cannot be read, 2 on usage errors or an unreadable file.")
final class NormalizeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "pod definition (JSON)")
  Path file;

  @Option(names = "--lenient", description = "ignore unknown fields (warn) instead of rejecting them")
  boolean lenient;

  @Option(names = "--default-network", paramLabel = "NAME",
      description = "name for container networks that have none (Marathon's --default_network_name)")
  String defaultNetwork;

  @Option(names = "--mesos-role", paramLabel = "ROLE", defaultValue = "*",
      description = "role of pods that name none (Marathon's --mesos_role; default ${DEFAULT-VALUE})")
  String mesosRole;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReadResult result;
    try {
      result = (lenient ? PodReader.lenient() : PodReader.strict()).read(file);
    } catch (NoSuchFileException e) {
      err.println(file + ": no such file");
      return PodCtl.EXIT_USAGE;
    } catch (IOException e) {
      err.println(file + ": cannot read: " + (Files.isDirectory(file) ? "is a directory" : e.getMessage()));
      return PodCtl.EXIT_USAGE;
    }
    result.warnings().forEach(w -> err.println(located(w) + " (warning)"));
    result.errors().forEach(e -> err.println(located(e)));
    if (!result.ok()) {
      return PodCtl.EXIT_INVALID;
    }
    NormalizationConfig config = new NormalizationConfig(Optional.ofNullable(defaultNetwork), mesosRole,
        java.util.Set.of());
    Pod normalized;
    try {
      normalized = new PodNormalizer(config).normalize(result.orElseThrow());
    } catch (PodNormalizationException e) {
      err.println(file + ": " + e.getMessage());
      return PodCtl.EXIT_INVALID;
    }
    out.println(PodWriter.pretty().write(normalized));
    return 0;
  }

  /** Compiler style: {@code FILE:LINE:COLUMN: path: message}. */
  private String located(ReadProblem p) {
    return file + ":" + p.line() + ":" + p.column() + ": " + p.path().marathon() + ": " + p.message();
  }
}
