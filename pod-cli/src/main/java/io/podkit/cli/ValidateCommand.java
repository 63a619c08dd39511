package io.podkit.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code podctl validate FILE}: every problem of a pod file, the reader's and the validator's, each
 * placed at a line and column of the file. The report is the command's output, so it goes to
 * stdout in both formats; stderr only carries usage errors and unreadable files.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    header = "Checks a pod file against the pod format and every rule.",
    description = {
        "Checks a pod file: its JSON shape (reader) and every Marathon, pod and Mesos rule (validator).",
        "",
        "Text output (stdout): one line per problem, FILE:LINE:COLUMN: path: message (warnings end in "
            + "\" (warning)\"), then a summary line: \"FILE: valid\", \"FILE: valid, N warning(s)\" or "
            + "\"FILE: invalid, N error(s)[, M warning(s)]\".",
        "JSON output (stdout): {\"valid\": bool, \"errors\": [...], \"warnings\": [...]}, each problem "
            + "{\"path\", \"pointer\", \"message\", \"rule\", \"line\", \"column\"}; reader problems carry "
            + "their read.* or limitation.* rule id."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the pod is valid",
        "1:the pod is invalid (or cannot be read as a pod)",
        "2:usage error, or the file cannot be read"})
final class ValidateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "pod definition (JSON)")
  Path file;

  @Mixin
  PodOptions options;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (default ${DEFAULT-VALUE})")
  OutputFormat output;

  @Override
  public Integer call() {
    PodInput.Checked checked = PodInput.check(file, options, UnaryOperator.identity());
    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.JSON) {
      JsonObject report = new JsonObject();
      report.addProperty("valid", checked.valid());
      report.add("errors", toJson(checked.errors()));
      report.add("warnings", toJson(checked.warnings()));
      out.println(Json.print(report));
    } else {
      checked.warnings().forEach(w -> out.println(w.format(file)));
      checked.errors().forEach(e -> out.println(e.format(file)));
      out.println(summary(checked));
    }
    return checked.valid() ? PodCtl.EXIT_OK : PodCtl.EXIT_INVALID;
  }

  private String summary(PodInput.Checked checked) {
    int errors = checked.errors().size();
    int warnings = checked.warnings().size();
    StringBuilder sb = new StringBuilder().append(file).append(": ").append(checked.valid() ? "valid" : "invalid");
    if (errors > 0) {
      sb.append(", ").append(count(errors, "error"));
    }
    if (warnings > 0) {
      sb.append(", ").append(count(warnings, "warning"));
    }
    return sb.toString();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static JsonArray toJson(List<Diagnostic> diagnostics) {
    JsonArray array = new JsonArray();
    diagnostics.forEach(d -> array.add(d.toJson()));
    return array;
  }
}
