package io.podkit.cli;

import io.podkit.model.json.PodWriter;
import io.podkit.validation.ValidPod;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code podctl normalize FILE}: the pod with Marathon's defaults filled in, as JSON on stdout. The
 * pod is validated first: printing the defaults of a pod Marathon would reject would suggest it is
 * fine, and the validator's normalization (default network, role) is the one the translator uses.
 */
@Command(
    name = "normalize",
    mixinStandardHelpOptions = true,
    header = "Prints the validated pod with Marathon's defaults filled in.",
    description = "Validates the pod and prints it with Marathon's normalization and defaults applied. "
        + "Problems go to stderr as FILE:LINE:COLUMN: path: message.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the normalized pod was printed",
        "1:the pod cannot be read or is invalid",
        "2:usage error, or the file cannot be read"})
final class NormalizeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "pod definition (JSON)")
  Path file;

  @Mixin
  PodOptions options;

  @Override
  public Integer call() {
    ValidPod valid = PodInput.check(file, options, UnaryOperator.identity()).requireValid(spec.commandLine().getErr());
    spec.commandLine().getOut().println(PodWriter.pretty().write(valid.pod()));
    return PodCtl.EXIT_OK;
  }
}
