package io.podkit.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.podkit.model.Container;
import io.podkit.model.Pod;
import io.podkit.validation.ValidPod;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.mesos.Protos;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code podctl env FILE}: the environment each container will see, taken from the translation
 * (so it is exactly what the task gets), with where each variable came from. Answers "why does my
 * container see X?" without a cluster: the user's pod and container variables are shadowed by
 * what podkit injects and by the endpoint variables, and this shows which won.
 */
@Command(
    name = "env",
    mixinStandardHelpOptions = true,
    header = "Prints each container's environment and where each variable comes from.",
    sortOptions = false,
    description = {
        "Prints the environment of each container's task, as translated for the offer (default: the built-in "
            + "offer, see 'podctl translate --help'), with the source of each variable: pod, container, "
            + "injected (HOST, MESOS_*, MARATHON_*), endpoint (ENDPOINT_/EP_HOST_/EP_CONTAINER_, with "
            + "--env-prefix) or secret (a SECRET variable; its value is never shown, only the secret it names).",
        "For a resident pod, the environment it will have once launched on its reservation.",
        "Text output: a table CONTAINER SOURCE NAME VALUE. JSON output: {\"pod\", \"instance\", \"containers\": "
            + "[{\"name\", \"taskId\", \"environment\": [{\"name\", \"source\", \"value\" | \"secret\"}]}]}."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the environment was printed",
        "1:the pod is invalid, or Mesos would reject its launch",
        "2:usage error (also an unknown --container), or a file that cannot be read",
        "3:the offer does not fit the pod"})
final class EnvCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "pod definition (JSON)")
  Path file;

  @Option(names = "--container", paramLabel = "NAME", description = "only this container")
  String container;

  @Option(names = "--offer", paramLabel = "OFFER.json",
      description = "a Mesos offer in JSON (v0 or v1 names); default the built-in offer")
  Path offerFile;

  @Option(names = "--framework-id", paramLabel = "ID",
      description = "framework of the built-in offer (default " + OfferSource.DEFAULT_FRAMEWORK_ID + ")")
  String frameworkId;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (default ${DEFAULT-VALUE})")
  OutputFormat output;

  @Mixin
  TranslationOptions translation;

  @Mixin
  PodOptions options;

  /** One variable of one task. */
  private record Row(String container, String source, String name, String value) {}

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    OfferSource.Offer given = offerFile == null ? null : OfferSource.load(offerFile, frameworkId, options.role);
    ValidPod valid = PodInput.check(file, options, translation::adjust).requireValid(err);
    Pod pod = valid.pod();
    if (container != null && pod.container(container).isEmpty()) {
      throw new CommandException(PodCtl.EXIT_USAGE, "podctl: --container: pod " + pod.id() + " in " + file
          + " has no container \"" + container + "\"; its containers are "
          + String.join(", ", pod.containers().stream().map(Container::name).toList()));
    }
    OfferSource.Offer offer = given != null ? given
        : OfferSource.load(null, frameworkId, pod.role().orElse(options.role));
    Planner.Plan plan = Planner.plan(file, valid, offer, translation.instance(pod), translation, err);

    EnvironmentSources sources = new EnvironmentSources(pod, translation.envPrefix);
    JsonArray containers = new JsonArray();
    List<Row> rows = new ArrayList<>();
    for (Protos.TaskInfo task : plan.translation().taskGroup().getTasksList()) {
      Container c = pod.container(task.getName()).orElseThrow();
      if (container != null && !container.equals(c.name())) {
        continue;
      }
      JsonArray environment = new JsonArray();
      for (Protos.Environment.Variable v : task.getCommand().getEnvironment().getVariablesList()) {
        String source = sources.of(c, v).label();
        boolean secret = v.getType() == Protos.Environment.Variable.Type.SECRET;
        String secretName = secret ? describe(v.getSecret()) : null;
        rows.add(new Row(c.name(), source, v.getName(), secret ? "(secret " + secretName + ")" : v.getValue()));
        JsonObject entry = new JsonObject();
        entry.addProperty("name", v.getName());
        entry.addProperty("source", source);
        if (secret) {
          entry.addProperty("secret", secretName);
        } else {
          entry.addProperty("value", v.getValue());
        }
        environment.add(entry);
      }
      JsonObject entry = new JsonObject();
      entry.addProperty("name", c.name());
      entry.addProperty("taskId", task.getTaskId().getValue());
      entry.add("environment", environment);
      containers.add(entry);
    }

    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.JSON) {
      JsonObject result = new JsonObject();
      result.addProperty("pod", pod.id());
      result.addProperty("instance", plan.instance().idString());
      result.add("containers", containers);
      out.println(Json.print(result));
    } else {
      printTable(rows, out);
    }
    return PodCtl.EXIT_OK;
  }

  /** A secret as it is named, never its value: the reference name, or the size of an inline value. */
  private static String describe(Protos.Secret secret) {
    if (secret.hasReference()) {
      return secret.getReference().getName();
    }
    if (secret.hasValue()) {
      return "value of " + secret.getValue().getData().size() + " bytes";
    }
    return secret.getType().name();
  }

  private static void printTable(List<Row> rows, PrintWriter out) {
    int[] widths = {"CONTAINER".length(), "SOURCE".length(), "NAME".length()};
    for (Row r : rows) {
      widths[0] = Math.max(widths[0], r.container().length());
      widths[1] = Math.max(widths[1], r.source().length());
      widths[2] = Math.max(widths[2], r.name().length());
    }
    String format = "%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s";
    out.println(String.format(format, "CONTAINER", "SOURCE", "NAME", "VALUE").stripTrailing());
    for (Row r : rows) {
      // Values may hold line breaks and escape sequences; a table row must stay one line.
      String value = TerminalText.escape(r.value().replace("\\", "\\\\"));
      out.println(String.format(format, r.container(), r.source(), TerminalText.escape(r.name()), value)
          .stripTrailing());
    }
  }
}
