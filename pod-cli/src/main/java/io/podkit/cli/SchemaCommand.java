package io.podkit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code podctl schema}: the JSON Schema of the pod format, for editors (e.g. VS Code's
 * {@code json.schemas}, or {@code "$schema"} in a pod file). See {@link PodSchema} for what it
 * checks and what it leaves to {@code podctl validate}.
 */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    header = "Prints a JSON Schema of the pod format, for editors.",
    description = {
        "Prints a JSON Schema (draft 2020-12) of the pod format, for editors: every field with its type, enums, "
            + "required members, unions (oneOf) and no unknown fields. Optional members may be null (absent). "
            + "Structure only: 'podctl validate' checks every rule.",
        "Example: podctl schema > pod.schema.json"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the schema was printed", "2:usage error"})
final class SchemaCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(PodSchema.json());
    return PodCtl.EXIT_OK;
  }
}
