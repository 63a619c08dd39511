package io.podkit.testing;

import io.podkit.translator.Translation;
import io.podkit.translator.offer.ResourceMatch;
import java.util.Map;
import java.util.Objects;
import org.apache.mesos.Protos;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a pod became for an offer: the {@code ExecutorInfo} and {@code TaskGroupInfo}
 * of its {@code LAUNCH_GROUP}, which already passed Mesos' pre-flight check. Get one from
 * {@link PodAssert#translatesWith}; the instance id is always built on
 * {@link PodAssertions#INSTANCE_UUID}, so task ids are the same on every run.
 */
public final class TranslationAssert extends AbstractAssert<TranslationAssert, Translation> {
  private final ResourceMatch resources;
  private final String subject;

  TranslationAssert(Translation translation, ResourceMatch resources, String subject) {
    super(translation, TranslationAssert.class);
    this.resources = Objects.requireNonNull(resources, "resources");
    this.subject = Objects.requireNonNull(subject, "subject");
  }

  /**
   * An assert on the task of the container named {@code containerName} (a pod's containers become
   * its tasks, one each, named after the container).
   */
  public TaskAssert taskNamed(String containerName) {
    Objects.requireNonNull(containerName, "containerName");
    for (Protos.TaskInfo task : actual.taskGroup().getTasksList()) {
      if (task.getName().equals(containerName)) {
        return new TaskAssert(task, subject);
      }
    }
    throw failure("%s", "Expecting the task group of " + subject + " to have a task named \"" + containerName
        + "\", but its tasks are " + actual.taskGroup().getTasksList().stream()
            .map(t -> "\"" + t.getName() + "\"").toList());
  }

  /** The task group has {@code count} tasks, one per container. */
  public TranslationAssert hasTaskCount(int count) {
    int tasks = actual.taskGroup().getTasksCount();
    if (tasks != count) {
      throw failureWithActualExpected(tasks, count, "%s", "Expecting the task group of " + subject + " to have "
          + count + (count == 1 ? " task" : " tasks") + ", but it has " + tasks + ": "
          + actual.taskGroup().getTasksList().stream()
              .map(t -> "\"" + t.getName() + "\"").toList());
    }
    return this;
  }

  /**
   * The endpoint named {@code endpointName} got host port {@code port}. Dynamic ports
   * ({@code hostPort: 0}) are the lowest free ports of the offer by default, so with
   * {@link TestOffers#ample()} the first dynamic port is 31000.
   */
  public TranslationAssert hasHostPort(String endpointName, int port) {
    Objects.requireNonNull(endpointName, "endpointName");
    Map<String, Integer> hostPorts = resources.hostPorts();
    Integer allocated = hostPorts.get(endpointName);
    if (allocated == null) {
      throw failure("%s", "Expecting endpoint \"" + endpointName + "\" of " + subject + " to get host port " + port
          + ", but it has no host port" + (hostPorts.isEmpty() ? " (no endpoint of the pod asks for one)"
              : "; the endpoints with host ports are " + hostPorts));
    }
    if (allocated != port) {
      throw failureWithActualExpected(allocated, port, "%s", "Expecting endpoint \"" + endpointName + "\" of "
          + subject + " to get host port " + port + ", but it got " + allocated);
    }
    return this;
  }

  /** An assert on the executor every task of the group runs under (Mesos' default executor). */
  public ExecutorAssert executor() {
    return new ExecutorAssert(actual.executor(), subject);
  }

  /** The translation itself, for checks these assertions do not cover. */
  public Translation translation() {
    return actual;
  }

  /** The offered resources the matcher gave the executor, the containers and the host ports. */
  public ResourceMatch resources() {
    return resources;
  }
}
