package io.podkit.translator;

import com.google.protobuf.UninitializedMessageException;
import io.podkit.model.Container;
import io.podkit.model.Pod;
import io.podkit.translator.offer.ResourceMatch;
import io.podkit.validation.ValidPod;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.mesos.Protos;

/**
 * Turns a valid pod and the offer resources matched for it into the {@code ExecutorInfo} and
 * {@code TaskGroupInfo} of a Mesos {@code LAUNCH_GROUP}, as Marathon's {@code TaskGroupBuilder} does
 * (translation-rules.md A–D), with the defects DESIGN.md section 4 fixes: the executor never shares
 * cgroups (G5), a pod without networks is a host-network pod (G7), health checks are never dropped
 * (G8), container checks are kept (G9), secrets are delivered natively (G11), label variables have
 * a stable order (G13), and relaunch task ids are paired with containers by name (G19, G20).
 *
 * <p>The output depends only on the inputs: translating the same pod, offer, match and instance
 * twice gives byte-identical protobufs, so launches are reproducible and testable.
 *
 * <p>A translator is immutable and thread-safe if its configuration's hooks are.
 */
public final class TaskGroupTranslator {
  private final TranslationConfig config;

  /** A translator with Marathon's flags and podkit's hooks taken from {@code config}. */
  public TaskGroupTranslator(TranslationConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Translates a new instance of {@code pod}: each container runs as task
   * {@link InstanceId#taskId(String) instanceId.taskId(name)} (incarnation 1).
   *
   * @param pod the validated, normalized pod
   * @param offer the offer {@code match} was made from: its agent, framework and hostname are used
   * @param match the offered resources split between the executor and the containers, and the
   *     allocated host ports
   * @param instanceId the instance being launched; it must belong to {@code pod}
   * @throws PodTranslationException if the inputs contradict each other (a match or instance id made
   *     for another pod) or a customizer broke the result
   */
  public Translation translate(ValidPod pod, Protos.Offer offer, ResourceMatch match, InstanceId instanceId) {
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(instanceId, "instanceId");
    return translate(pod.pod(), pod.enforcesGroupRole(), offer, match, instanceId,
        TaskIds.forNewInstance(pod.pod(), instanceId));
  }

  /**
   * Translates a relaunch of an existing instance whose tasks get the given ids (typically the old
   * ids at their next incarnation). DESIGN G19: ids are paired with containers by name, not by
   * position; G20: a container without an id, or an id for a container the pod does not have, is an
   * error, never a silently missing task.
   *
   * @param taskIdsByContainer the task id of each container, by container name; each must be a task
   *     id of {@code instanceId} for that container
   * @throws PodTranslationException if the names do not match the pod's containers exactly, an id
   *     belongs to another instance or container, or as for {@link #translate(ValidPod, Protos.Offer,
   *     ResourceMatch, InstanceId)}
   */
  public Translation translate(ValidPod pod, Protos.Offer offer, ResourceMatch match, InstanceId instanceId,
      Map<String, String> taskIdsByContainer) {
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(taskIdsByContainer, "taskIdsByContainer");
    return translate(pod.pod(), pod.enforcesGroupRole(), offer, match, instanceId,
        TaskIds.forRelaunch(pod.pod(), instanceId, taskIdsByContainer));
  }

  private Translation translate(
      Pod pod, boolean enforcesGroupRole, Protos.Offer offer, ResourceMatch match, InstanceId instanceId, Map<String, String> taskIds) {
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(match, "match");
    checkBelongsTo(pod, match, instanceId);

    PodNetworking networking = PodNetworking.of(pod.networks());
    HostPorts hostPorts = HostPorts.of(pod, match.hostPorts());
    PodSecrets secrets = new PodSecrets(pod, config.secretMapper());
    ContainerInfoBuilder containers = new ContainerInfoBuilder(pod, secrets);
    List<Protos.NetworkInfo> networkInfos =
        NetworkInfos.of(networking, PortMappings.of(pod, hostPorts), config.bridgeName());
    TaskInfoBuilder tasks = new TaskInfoBuilder(pod, offer,
        new EnvironmentBuilder(pod, enforcesGroupRole, offer, instanceId, config, networking, hostPorts, secrets),
        containers,
        new HealthChecks(networking, hostPorts),
        new DiscoveryInfoBuilder(pod, networking, hostPorts));

    Protos.ExecutorInfo.Builder executor =
        ExecutorInfoBuilder.build(pod, offer, match, instanceId, containers, networkInfos);
    // A.2: one task per container, in pod container order
    Protos.TaskGroupInfo.Builder group = Protos.TaskGroupInfo.newBuilder();
    List<TaskNetworkInfo> taskNetworks = new ArrayList<>();
    for (int i = 0; i < pod.containers().size(); i++) {
      Container c = pod.containers().get(i);
      String taskId = taskIds.get(c.name());
      group.addTasks(tasks.build(c, taskId, match.containerResources().get(i)));
      taskNetworks.add(new TaskNetworkInfo(taskId, c.name(), offer.getHostname(), hostPorts.of(c)));
    }

    // B.9: hooks may change both builders; their changes are part of the output
    for (TaskGroupCustomizer customizer : config.customizers()) {
      customizer.customize(pod, executor, group);
    }
    return new Translation(instanceId, build(executor, instanceId), build(group, taskIds), taskNetworks);
  }

  /** The match and the instance were made for this pod. */
  private static void checkBelongsTo(Pod pod, ResourceMatch match, InstanceId instanceId) {
    if (!InstanceId.safePodId(pod.id()).equals(instanceId.safePodId())) {
      throw new PodTranslationException("instance " + instanceId.idString() + " is not an instance of pod " + pod.id());
    }
    if (match.containerResources().size() != pod.containers().size()) {
      throw new PodTranslationException("the resource match has resources for " + match.containerResources().size()
          + " containers, but pod " + pod.id() + " has " + pod.containers().size());
    }
  }

  /** A.6.5: the executor id must survive the hooks; Marathon asserts it, since it parses it back. */
  private static Protos.ExecutorInfo build(Protos.ExecutorInfo.Builder executor, InstanceId instanceId) {
    Protos.ExecutorInfo built;
    try {
      built = executor.build();
    } catch (UninitializedMessageException e) {
      throw incomplete("executor", e);
    }
    if (!built.getExecutorId().getValue().equals(instanceId.executorId())) {
      throw new PodTranslationException("a customizer changed the executor id to '"
          + built.getExecutorId().getValue() + "'; expected '" + instanceId.executorId() + "'");
    }
    return built;
  }

  /**
   * A.6.4: the task ids must survive the hooks; a framework maps statuses back through them. The
   * group keeps exactly the ids assigned, each once (Mesos R47: never empty; C1: never repeated).
   */
  private static Protos.TaskGroupInfo build(Protos.TaskGroupInfo.Builder group, Map<String, String> taskIds) {
    Protos.TaskGroupInfo built;
    try {
      built = group.build();
    } catch (UninitializedMessageException e) {
      throw incomplete("task group", e);
    }
    Set<String> seen = new HashSet<>();
    for (Protos.TaskInfo task : built.getTasksList()) {
      String id = task.getTaskId().getValue();
      if (!seen.add(id)) {
        throw new PodTranslationException("a customizer left task id '" + id + "' twice in the task group");
      }
    }
    if (!seen.equals(new HashSet<>(taskIds.values()))) {
      throw new PodTranslationException("a customizer changed the task ids: expected " + taskIds.values()
          + ", got " + built.getTasksList().stream().map(t -> t.getTaskId().getValue()).toList());
    }
    return built;
  }

  private static PodTranslationException incomplete(String what, UninitializedMessageException e) {
    PodTranslationException error =
        new PodTranslationException("a customizer left the " + what + " incomplete: " + e.getMessage());
    error.initCause(e);
    return error;
  }
}
