package io.podkit.launcher;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.mesos.Protos;

/**
 * What the latest task statuses say about one pod instance, made by {@link
 * TaskStatuses#instanceStatus}.
 *
 * @param state the instance's state (see {@link InstanceState} for the rules)
 * @param cause for {@link InstanceState#FAILED}, {@link InstanceState#KILLED}, {@link
 *     InstanceState#UNREACHABLE} and {@link InstanceState#UNKNOWN}: the task that put the instance in
 *     that state; empty for the other states
 * @param tasks the status the state was told from for each container that has one, keyed by
 *     container name in the order the containers were given (the newest incarnation of each)
 * @param unreported the containers with no status yet, in the order given
 * @param allTasksEnded whether every container's task has reached a terminal state (as Mesos counts
 *     them: finished, failed, killed, error, lost, dropped, gone, gone by operator), so no update
 *     will change the state any more; false while, e.g., the rest of a failed group is being killed
 */
public record InstanceStatus(
    InstanceState state,
    Optional<Cause> cause,
    Map<String, Protos.TaskStatus> tasks,
    List<String> unreported,
    boolean allTasksEnded) {

  public InstanceStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(cause, "cause");
    tasks = ImmutableMap.copyOf(tasks);
    unreported = ImmutableList.copyOf(unreported);
  }

  /** The task that decided the state of an instance, and what Mesos said about it. */
  public record Cause(String containerName, Protos.TaskStatus status) {
    public Cause {
      Objects.requireNonNull(containerName, "containerName");
      Objects.requireNonNull(status, "status");
    }

    /** The Mesos task id. */
    public String taskId() {
      return status.getTaskId().getValue();
    }

    /** The task's state, e.g. {@code TASK_FAILED}. */
    public Protos.TaskState taskState() {
      return status.getState();
    }

    /** Mesos' human-readable explanation, e.g. the master's validation error; empty if none or blank. */
    public Optional<String> message() {
      return status.hasMessage() && !status.getMessage().isBlank() ? Optional.of(status.getMessage())
          : Optional.empty();
    }

    /** Mesos' machine-readable reason, e.g. {@code REASON_TASK_GROUP_INVALID}; empty if none. */
    public Optional<Protos.TaskStatus.Reason> reason() {
      return status.hasReason() ? Optional.of(status.getReason()) : Optional.empty();
    }

    /** Who sent the status: master, agent or executor; empty if not said. */
    public Optional<Protos.TaskStatus.Source> source() {
      return status.hasSource() ? Optional.of(status.getSource()) : Optional.empty();
    }

    /** E.g. {@code task 'x' (container 'web') TASK_ERROR from SOURCE_MASTER, REASON_…: message}. */
    public String describe() {
      StringBuilder sb = new StringBuilder()
          .append("task '").append(taskId()).append("' (container '").append(containerName).append("') ")
          .append(taskState());
      source().ifPresent(s -> sb.append(" from ").append(s));
      reason().ifPresent(r -> sb.append(", ").append(r));
      message().ifPresent(m -> sb.append(": ").append(m));
      return sb.toString();
    }
  }

  /** E.g. {@code FAILED: task '…' (container 'web') TASK_FAILED from SOURCE_EXECUTOR: …}. */
  public String describe() {
    return cause.map(c -> state + ": " + c.describe()).orElse(state.toString())
        + (unreported.isEmpty() ? "" : " (no status yet from " + unreported + ")");
  }
}
