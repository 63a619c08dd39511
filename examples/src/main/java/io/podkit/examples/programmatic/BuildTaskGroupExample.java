package io.podkit.examples.programmatic;

import io.podkit.model.CheckKind;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.HealthCheck;
import io.podkit.model.Network;
import io.podkit.model.Pod;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import io.podkit.translator.InstanceId;
import io.podkit.translator.TaskGroupTranslator;
import io.podkit.translator.Translation;
import io.podkit.translator.TranslationConfig;
import io.podkit.translator.offer.MatchConfig;
import io.podkit.translator.offer.MatchResult;
import io.podkit.translator.offer.OfferMatcher;
import io.podkit.translator.offer.ResourceMatch;
import io.podkit.translator.preflight.LaunchGroupCheck;
import io.podkit.translator.v1.MesosJson;
import io.podkit.validation.PodValidator;
import io.podkit.validation.ValidPod;
import io.podkit.validation.ValidationReport;
import java.util.List;
import java.util.UUID;
import org.apache.mesos.Protos;

/**
 * Builds a Mesos {@code TaskGroupInfo} in code, step by step, with no framework and no JSON file:
 * the pod with podkit's builders, {@link PodValidator}, {@link OfferMatcher}, {@link
 * TaskGroupTranslator} and the pre-flight {@link LaunchGroupCheck}, then the {@code LAUNCH_GROUP}
 * printed with {@link MesosJson}.
 *
 * <p>Why one would do this: to see exactly what podkit sends for a pod, to feed a framework that
 * builds its own {@code ACCEPT} (or a v0 {@code SchedulerDriver}) with podkit's translation only, or
 * to pin a pod's translation in a test. The offer is built in code too, and the instance id is
 * fixed, so the output is the same on every run: the translator's output depends only on its inputs
 * and ports are allocated lowest-first by default.
 *
 * <p>{@link #main} prints the operation as the {@code accept} part of a v1
 * {@code /api/v1/scheduler} call body ({@code {"operations": [{"type": "LAUNCH_GROUP",
 * "launch_group": …}]}}, proto field names, v1 {@code agent_id}); {@link #translate()} returns the
 * {@link Translation} for code that wants the protobufs.
 */
public final class BuildTaskGroupExample {
  /** The instance launched: fixed, so that the output is reproducible (frameworks use {@link InstanceId#create}). */
  public static final InstanceId INSTANCE_ID =
      new InstanceId("/shop/web", UUID.fromString("3f0c6e1a-1d2b-11ef-9c41-0242ac120002"));
  /** The framework the offer was made to. */
  public static final Protos.FrameworkID FRAMEWORK_ID = Protos.FrameworkID.newBuilder().setValue("example-framework").build();

  private BuildTaskGroupExample() {}

  /**
   * The pod: an nginx container with an {@code http} endpoint and an HTTP health check on it, and a
   * sidecar that reads what nginx writes to a shared ephemeral volume; a label, bridge networking.
   * Unset members (health-check timings, the executor's resources) take Marathon's defaults when the
   * validator normalizes the pod.
   */
  public static Pod pod() {
    return Pod.builder("/shop/web")
        .label("team", "storefront")
        .container(Container.builder("nginx")
            .image("nginx:1.27")
            .resources(0.5, 256)
            .endpoint(Endpoint.builder("http").containerPort(80).hostPort(0).protocol("tcp").build())
            .healthCheck(HealthCheck.of(CheckKind.http("http", "/healthz")))
            .volumeMount(VolumeMount.of("scratch", "/var/cache/nginx")))
        .container(Container.builder("cache-reporter")
            .shell("while true; do du -sh scratch; sleep 60; done")
            .resources(0.1, 32)
            .volumeMount(VolumeMount.readOnly("scratch", "scratch")))
        .volume(Volume.ephemeral("scratch"))
        .network(Network.bridge())
        .build();
  }

  /**
   * An offer as Mesos would make it to {@link #FRAMEWORK_ID} on one agent: unreserved cpus, mem,
   * disk and ports 31000–31099, allocated to role {@code *}.
   */
  public static Protos.Offer offer() {
    return Protos.Offer.newBuilder()
        .setId(Protos.OfferID.newBuilder().setValue("offer-1"))
        .setFrameworkId(FRAMEWORK_ID)
        .setSlaveId(Protos.SlaveID.newBuilder().setValue("agent-1"))
        .setHostname("agent-1.example")
        .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("*"))
        .addResources(scalar("cpus", 2))
        .addResources(scalar("mem", 2048))
        .addResources(scalar("disk", 4096))
        .addResources(unreserved("ports").setType(Protos.Value.Type.RANGES)
            .setRanges(Protos.Value.Ranges.newBuilder()
                .addRange(Protos.Value.Range.newBuilder().setBegin(31000).setEnd(31099))))
        .build();
  }

  /** {@link #translate(Pod, Protos.Offer, InstanceId)} of {@link #pod()}, {@link #offer()} and {@link #INSTANCE_ID}. */
  public static Translation translate() {
    return translate(pod(), offer(), INSTANCE_ID);
  }

  /**
   * The four steps from a pod to a launch the Mesos master will accept.
   *
   * @throws IllegalArgumentException listing every violation if the pod is invalid, or every reason
   *     if the offer does not fit it
   * @throws io.podkit.translator.preflight.PreflightException if Mesos would reject the LAUNCH_GROUP
   */
  public static Translation translate(Pod pod, Protos.Offer offer, InstanceId instanceId) {
    // 1. Validate: every Marathon rule and Mesos limit at once; a valid pod comes back normalized.
    ValidationReport report = PodValidator.withDefaults().validate(pod);
    if (!report.isValid()) {
      throw new IllegalArgumentException("the pod is invalid: " + String.join("; ",
          report.violations().stream().map(v -> v.path() + ": " + v.message() + " [" + v.rule() + "]").toList()));
    }
    ValidPod valid = report.orElseThrow();

    // 2. Match: which offered resources go to the executor and to each container, and the host ports.
    MatchResult match = new OfferMatcher(MatchConfig.DEFAULT).match(valid, offer);
    if (match instanceof MatchResult.NoMatch noMatch) {
      throw new IllegalArgumentException("the offer does not fit the pod: " + String.join("; ",
          noMatch.reasons().stream().map(Object::toString).toList()));
    }
    ResourceMatch resources = ((MatchResult.Match) match).resources();

    // 3. Translate: ExecutorInfo + TaskGroupInfo, one task per container, Marathon's ids and env.
    Translation translation = new TaskGroupTranslator(TranslationConfig.DEFAULT)
        .translate(valid, offer, resources, instanceId);

    // 4. Pre-flight: the master's own LAUNCH_GROUP rules, checked before anything is sent.
    LaunchGroupCheck.requireValid(offer.getFrameworkId(), List.of(offer), List.of(translation.launchGroup()));
    return translation;
  }

  /** Prints the LAUNCH_GROUP operation of {@link #translate()} as JSON for {@code /api/v1/scheduler}. */
  public static void main(String[] args) {
    Translation translation = translate();
    System.out.println(MesosJson.printOperations(List.of(translation.launchGroup())));
  }

  private static Protos.Resource scalar(String name, double value) {
    return unreserved(name).setType(Protos.Value.Type.SCALAR)
        .setScalar(Protos.Value.Scalar.newBuilder().setValue(value)).build();
  }

  /**
   * An unreserved resource allocated to role {@code *}, as a master sends it to a framework without
   * the RESERVATION_REFINEMENT capability (with the deprecated {@code role} field).
   */
  @SuppressWarnings("deprecation")
  private static Protos.Resource.Builder unreserved(String name) {
    return Protos.Resource.newBuilder().setName(name).setRole("*")
        .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("*"));
  }
}
