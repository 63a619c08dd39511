package io.podkit.cli;

import io.podkit.launcher.HttpPodLauncher;
import io.podkit.launcher.LaunchFailure;
import io.podkit.launcher.LaunchOptions;
import io.podkit.launcher.LaunchResult;
import io.podkit.launcher.PodLaunchPipeline;
import io.podkit.model.Pod;
import io.podkit.translator.InstanceId;
import io.podkit.translator.PodTranslationException;
import io.podkit.translator.ReservationOperations;
import io.podkit.translator.offer.MatchConfig;
import io.podkit.validation.PodValidator;
import io.podkit.validation.ValidPod;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
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
 * {@code podctl launch FILE}: validate, match, translate, pre-flight check and send one ACCEPT to a
 * Mesos master over the v1 scheduler HTTP API, through {@link PodLaunchPipeline}, the same code a
 * framework embeds. podctl does not subscribe: it sends the ACCEPT on behalf of a framework whose
 * subscription (stream id) and offer it is given, so the outcome it reports is the master's answer
 * to the call; the tasks' fate arrives on that framework's event stream.
 */
@Command(
    name = "launch",
    mixinStandardHelpOptions = true,
    header = "Launches the pod on an offer through a Mesos master's v1 scheduler API.",
    sortOptions = false,
    description = {
        "Launches the pod on a Mesos offer: validates it, matches the offer, translates, checks Mesos' "
            + "LAUNCH_GROUP rules and POSTs the ACCEPT to MASTER/api/v1/scheduler with the framework's "
            + "Mesos-Stream-Id. A resident pod's first launch reserves its resources and creates its volumes; "
            + "launch it later with --on-reservation --instance-uuid UUID on an offer that holds them.",
        "",
        "Prints the launched task ids and host ports (stdout), or the failure with its kind, HTTP status and "
            + "message (stderr); when the outcome is unknown (time-out, broken connection) the tasks may be "
            + "running: reconcile them before launching again."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the master accepted the call (tasks launched, or resources reserved)",
        "1:the pod is invalid, or Mesos would reject the operations (nothing sent)",
        "2:usage error, or a file (pod or offer) that cannot be read",
        "3:the offer does not fit the pod (nothing sent)",
        "4:the launch failed: the master refused the call, could not be reached, or the outcome is unknown"})
final class LaunchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "pod definition (JSON)")
  Path file;

  @Option(names = "--offer", paramLabel = "OFFER.json", required = true,
      description = "the Mesos offer to launch on, in JSON (v0 slave_id or v1 agent_id names)")
  Path offerFile;

  @Option(names = "--master", paramLabel = "URL", required = true,
      description = "the master's URL, e.g. http://master.mesos:5050 (its /api/v1/scheduler is called)")
  String master;

  @Option(names = "--framework-id", paramLabel = "ID", required = true,
      description = "the framework's id; the offer must be for it")
  String frameworkId;

  @Option(names = "--stream-id", paramLabel = "SID", required = true,
      description = "the Mesos-Stream-Id of the framework's SUBSCRIBE response")
  String streamId;

  @Option(names = "--content-type", paramLabel = "TYPE", defaultValue = "protobuf",
      description = "body encoding: protobuf (application/x-protobuf) or json (application/json); "
          + "default ${DEFAULT-VALUE}")
  HttpPodLauncher.ContentType contentType;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "time for the master's answer (default ${DEFAULT-VALUE}); after it the outcome is unknown")
  double timeoutSeconds;

  @Mixin
  TranslationOptions translation;

  @Mixin
  PodOptions options;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HttpPodLauncher launcher = launcher();
    Protos.Offer offer = OfferSource.load(offerFile, frameworkId, options.role).offer();
    PodInput.Checked checked = PodInput.check(file, options, translation::adjust);
    ValidPod valid = checked.requireValid(err);
    InstanceId instance = translation.instance(valid.pod());

    LaunchOptions launchOptions = LaunchOptions.DEFAULT.withInstanceUuid(instance.uuid());
    if (translation.onReservation) {
      launchOptions = launchOptions.onReservationOf(instance);
    }
    PodLaunchPipeline pipeline = PodLaunchPipeline.builder(launcher)
        .validator(new PodValidator(options.validationConfig()))
        .matchConfig(MatchConfig.DEFAULT)
        .translationConfig(translation.translationConfig())
        .reservationConfig(ReservationOperations.ReservationConfig.of(translation.principal))
        .build();
    // The pipeline validates again, with the same settings: the pod it gets is the one checked above.
    Pod pod = translation.adjust(checked.read().orElseThrow());
    LaunchResult result;
    try {
      result = pipeline.launch(pod, offer, launchOptions);
    } catch (PodTranslationException e) {
      throw new CommandException(PodCtl.EXIT_INVALID, file + ": cannot translate the pod for " + offerFile + ": "
          + e.getMessage());
    }
    return report(result, offer, valid, checked, out, err);
  }

  private HttpPodLauncher launcher() {
    if (!(timeoutSeconds > 0) || timeoutSeconds > Duration.ofDays(1).toSeconds()) {
      throw new CommandException(PodCtl.EXIT_USAGE, "podctl: --timeout must be more than 0 and at most a day, not "
          + timeoutSeconds);
    }
    if (streamId.isBlank()) {
      throw new CommandException(PodCtl.EXIT_USAGE, "podctl: --stream-id must not be blank: it is the "
          + "Mesos-Stream-Id header of the framework's SUBSCRIBE response");
    }
    try {
      return HttpPodLauncher.builder(new URI(master), streamId)
          .contentType(contentType)
          .requestTimeout(Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000))))
          .build();
    } catch (URISyntaxException e) {
      throw new CommandException(PodCtl.EXIT_USAGE, "podctl: --master: not a URL: " + master);
    } catch (IllegalArgumentException e) {
      throw new CommandException(PodCtl.EXIT_USAGE, "podctl: --master/--stream-id: " + e.getMessage());
    }
  }

  private int report(LaunchResult result, Protos.Offer offer, ValidPod valid, PodInput.Checked checked,
      PrintWriter out, PrintWriter err) {
    String where = offer.getSlaveId().getValue() + " (" + offer.getHostname() + ")";
    if (result instanceof LaunchResult.Launched launched) {
      out.println("launched pod " + valid.pod().id() + " as instance " + launched.instanceId().idString()
          + " on agent " + where);
      launched.taskIds().forEach(id -> out.println("task " + id));
      for (Map.Entry<String, Integer> port : launched.hostPorts().entrySet()) {
        out.println("port " + port.getKey() + " " + port.getValue());
      }
      return PodCtl.EXIT_OK;
    }
    if (result instanceof LaunchResult.Reserved reserved) {
      out.println("reserved resources and created volumes for instance " + reserved.instanceId().idString()
          + " of pod " + valid.pod().id() + " on agent " + where);
      out.println("next: podctl launch " + file + " --on-reservation --instance-uuid " + reserved.instanceId().uuid()
          + " --offer <an offer of agent " + offer.getSlaveId().getValue() + " that holds the reservation> ...");
      return PodCtl.EXIT_OK;
    }
    if (result instanceof LaunchResult.Invalid invalid) {
      // Not reached: the pod was validated with the same settings above. Reported all the same.
      invalid.report().violations().forEach(v ->
          err.println(Diagnostic.of(v, checked.read().sourceMap()).format(file)));
      return PodCtl.EXIT_INVALID;
    }
    if (result instanceof LaunchResult.NotMatched notMatched) {
      Planner.printNoFit(file, offerFile.toString(), notMatched.reasons(), err);
      return PodCtl.EXIT_NO_FIT;
    }
    if (result instanceof LaunchResult.PreflightFailed preflight) {
      Planner.printPreflight(file, preflight.violations(), err);
      return PodCtl.EXIT_INVALID;
    }
    LaunchResult.LaunchFailed failed = (LaunchResult.LaunchFailed) result;
    LaunchFailure failure = failed.failure();
    err.println(file + ": launch failed: " + failure.kind()
        + (failure.httpStatus().isPresent() ? " (HTTP " + failure.httpStatus().getAsInt() + ")" : "")
        + ": " + PodCtl.oneLine(failure.message()));
    if (!failure.outcomeUnknown()) {
      err.println("the master did not take the call: nothing was launched or reserved");
    } else if (failed.taskIds().isEmpty()) {
      err.println("the outcome is unknown: the master may have reserved the resources and created the volumes. "
          + "Before reserving again, look for reservations labelled " + ReservationOperations.TASK_ID_LABEL + "="
          + ReservationOperations.reservationLabelValue(failed.instanceId()) + " in the offers of agent "
          + offer.getSlaveId().getValue());
    } else {
      err.println("the outcome is unknown: the master may have launched the tasks. Before launching again, "
          + "reconcile them (RECONCILE naming each task id with agent " + offer.getSlaveId().getValue() + "): "
          + String.join(", ", failed.taskIds()));
    }
    return PodCtl.EXIT_LAUNCH_FAILED;
  }
}
