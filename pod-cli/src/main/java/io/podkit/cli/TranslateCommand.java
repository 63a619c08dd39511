package io.podkit.cli;

import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.Pod;
import io.podkit.translator.InstanceId;
import io.podkit.translator.ReservationOperations;
import io.podkit.translator.v1.MesosJson;
import io.podkit.validation.ValidPod;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.mesos.Protos;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code podctl translate FILE}: the offer operations that launch the pod, as the v1 scheduler API
 * reads them, without a cluster: a built-in offer stands in for a real one unless {@code --offer}
 * gives one. Everything a launch would check is checked (validation, the match, Mesos' own
 * LAUNCH_GROUP rules), so output here means {@code podctl launch} would send exactly that.
 */
@Command(
    name = "translate",
    mixinStandardHelpOptions = true,
    header = "Prints the Mesos offer operations that launch the pod.",
    sortOptions = false,
    description = {
        "Prints the offer operations that launch the pod: {\"operations\": [...]} in Mesos' JSON with proto "
            + "field names (v1 names, as /api/v1/scheduler reads them). An ordinary pod gives one LAUNCH_GROUP; "
            + "a resident pod (one with a persistent volume) gives the RESERVE and CREATE operations of its first "
            + "launch, and with --on-reservation the LAUNCH_GROUP on that reservation.",
        "",
        "Without --offer a built-in offer is used: agent " + OfferSource.DEFAULT_AGENT_ID + " ("
            + OfferSource.DEFAULT_HOSTNAME + "), 64 cpus, 262144 mem, 1048576 disk, ports 31000-32000, all "
            + "unreserved (*) and allocated to the pod's role, framework " + OfferSource.DEFAULT_FRAMEWORK_ID
            + " (or --framework-id).",
        "Problems go to stderr: pod problems as FILE:LINE:COLUMN: path: message, offer misfits one reason a line "
            + "with what was asked and what was available."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the operations were printed",
        "1:the pod is invalid, or Mesos would reject the operations",
        "2:usage error, or a file (pod or offer) that cannot be read",
        "3:the offer does not fit the pod"})
final class TranslateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "pod definition (JSON)")
  Path file;

  @Option(names = "--offer", paramLabel = "OFFER.json",
      description = "a Mesos offer in JSON (v0 slave_id or v1 agent_id names); default the built-in offer")
  Path offerFile;

  @Option(names = "--framework-id", paramLabel = "ID",
      description = "framework of the built-in offer (default " + OfferSource.DEFAULT_FRAMEWORK_ID + "); with "
          + "--offer, the framework the offer must be for")
  String frameworkId;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "json",
      description = "json (the operations) or text (a summary: tasks, resources, ports, environment sizes); "
          + "default ${DEFAULT-VALUE}")
  OutputFormat output;

  @Mixin
  TranslationOptions translation;

  @Mixin
  PodOptions options;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    // A given offer is read first: an unreadable input is a usage error whatever the pod says.
    OfferSource.Offer given = offerFile == null ? null : OfferSource.load(offerFile, frameworkId, options.role);
    ValidPod pod = PodInput.check(file, options, translation::adjust).requireValid(err);
    OfferSource.Offer offer = given != null ? given
        : OfferSource.load(null, frameworkId, pod.pod().role().orElse(options.role));
    InstanceId instance = translation.instance(pod.pod());
    Planner.Plan plan = Planner.plan(file, pod, offer, instance, translation, err);
    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.JSON) {
      out.println(MesosJson.printOperations(plan.operations()));
    } else {
      summary(pod.pod(), offer, plan).forEach(out::println);
    }
    return PodCtl.EXIT_OK;
  }

  /** The text summary: what runs where, with which resources, ports and how many variables. */
  private List<String> summary(Pod pod, OfferSource.Offer offer, Planner.Plan plan) {
    Protos.Offer o = offer.offer();
    List<String> lines = new ArrayList<>();
    lines.add("pod " + pod.id() + " (role " + pod.role().orElse("*") + "), instance " + plan.instance().idString());
    lines.add("offer " + o.getId().getValue() + " (" + offer.name() + ") of framework " + o.getFrameworkId().getValue()
        + ", agent " + o.getSlaveId().getValue() + " (" + o.getHostname() + ")");
    if (plan instanceof Planner.Reserve reserve) {
      lines.add("first launch of a resident pod: reserve its resources and create its volumes");
      for (Protos.Offer.Operation op : reserve.operations()) {
        if (op.getType() == Protos.Offer.Operation.Type.RESERVE) {
          lines.add("RESERVE for role " + pod.role().orElse("*") + " by principal " + translation.principal + ": "
              + ResourceText.describe(op.getReserve().getResourcesList()));
        } else if (op.getType() == Protos.Offer.Operation.Type.CREATE) {
          for (Protos.Resource volume : op.getCreate().getVolumesList()) {
            lines.add("CREATE volume " + volume.getDisk().getVolume().getContainerPath() + ": "
                + ResourceText.describe(List.of(volume)) + ", persistence id "
                + volume.getDisk().getPersistence().getId());
          }
        }
      }
      lines.add("then launch on the reservation (label " + ReservationOperations.TASK_ID_LABEL + "="
          + ReservationOperations.reservationLabelValue(plan.instance()) + ") with --on-reservation --instance-uuid "
          + plan.instance().uuid() + " and an offer that holds it; its tasks will be:");
    } else {
      lines.add("LAUNCH_GROUP");
    }
    Protos.ExecutorInfo executor = plan.translation().executor();
    lines.add("  executor " + executor.getExecutorId().getValue() + ": "
        + ResourceText.describe(executor.getResourcesList()));
    Map<String, Integer> hostPorts = plan.match().hostPorts();
    for (Protos.TaskInfo task : plan.translation().taskGroup().getTasksList()) {
      Container c = pod.container(task.getName()).orElseThrow();
      lines.add("  task " + task.getTaskId().getValue() + " (container " + c.name() + "): "
          + ResourceText.describe(task.getResourcesList()) + "; " + endpoints(c, hostPorts) + "; "
          + task.getCommand().getEnvironment().getVariablesCount() + " environment variables");
    }
    return lines;
  }

  private static String endpoints(Container c, Map<String, Integer> hostPorts) {
    if (c.endpoints().isEmpty()) {
      return "no endpoints";
    }
    List<String> parts = new ArrayList<>();
    for (Endpoint e : c.endpoints()) {
      List<String> ports = new ArrayList<>();
      if (hostPorts.containsKey(e.name())) {
        ports.add("host port " + hostPorts.get(e.name()));
      }
      e.containerPort().ifPresent(p -> ports.add("container port " + p));
      parts.add(e.name() + (ports.isEmpty() ? "" : " (" + String.join(", ", ports) + ")"));
    }
    return "endpoints " + String.join(", ", parts);
  }
}
