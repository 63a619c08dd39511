package io.podkit.translator;

import io.podkit.model.Container;
import io.podkit.model.Lifecycle;
import io.podkit.model.Pod;
import io.podkit.model.ResourceLimit;
import java.util.List;
import org.apache.mesos.Protos;

/** One container's {@code TaskInfo} (translation-rules C). */
final class TaskInfoBuilder {
  private final Pod pod;
  private final Protos.SlaveID agentId;
  private final EnvironmentBuilder environment;
  private final ContainerInfoBuilder containers;
  private final HealthChecks healthChecks;
  private final DiscoveryInfoBuilder discovery;

  TaskInfoBuilder(Pod pod, Protos.Offer offer, EnvironmentBuilder environment, ContainerInfoBuilder containers,
      HealthChecks healthChecks, DiscoveryInfoBuilder discovery) {
    this.pod = pod;
    this.agentId = offer.getSlaveId();
    this.environment = environment;
    this.containers = containers;
    this.healthChecks = healthChecks;
    this.discovery = discovery;
  }

  /** The task running {@code container} as {@code taskId}, on {@code resources} (its pieces of the match). */
  Protos.TaskInfo.Builder build(Container container, String taskId, List<Protos.Resource> resources) {
    Protos.TaskInfo.Builder task = Protos.TaskInfo.newBuilder()
        // C.1 / A.5
        .setName(container.name())
        .setTaskId(Protos.TaskID.newBuilder().setValue(taskId))
        .setSlaveId(agentId)
        // C.1: cpus, mem, disk, gpus as matched; never ports (G24)
        .addAllResources(resources);
    limits(container, task);
    // C.1: container labels only, and only when there are some (G23)
    if (!container.labels().isEmpty()) {
      task.setLabels(MesosLabels.of(container.labels()));
    }
    // C.2, C.3
    task.setCommand(CommandInfos.forTask(pod, container).setEnvironment(environment.build(container, taskId)));
    // C.4
    task.setContainer(containers.forTask(container));
    // C.5, G9
    healthChecks.healthCheck(container).ifPresent(task::setHealthCheck);
    healthChecks.check(container).ifPresent(task::setCheck);
    // C.6
    container.lifecycle().flatMap(Lifecycle::killGracePeriodSeconds).ifPresent(seconds -> task.setKillPolicy(
        Protos.KillPolicy.newBuilder().setGracePeriod(
            Protos.DurationInfo.newBuilder().setNanoseconds(nanoseconds(seconds)))));
    // C.7
    task.setDiscovery(discovery.build(container));
    return task;
  }

  /** C.1: {@code cpus} and {@code mem} limits; {@code unlimited} is +Infinity, which Mesos accepts. */
  private static void limits(Container container, Protos.TaskInfo.Builder task) {
    container.resourceLimits().ifPresent(limits -> {
      limits.cpus().ifPresent(limit -> task.putLimits("cpus", scalar(limit)));
      limits.mem().ifPresent(limit -> task.putLimits("mem", scalar(limit)));
    });
  }

  private static Protos.Value.Scalar scalar(ResourceLimit limit) {
    return Protos.Value.Scalar.newBuilder().setValue(limit.asDouble()).build();
  }

  /** C.6 / G22: seconds times 1e9, truncated, as Marathon does. */
  static long nanoseconds(double seconds) {
    return (long) (seconds * 1e9);
  }
}
