package io.podkit.launcher;

import static com.google.common.base.Preconditions.checkArgument;

import io.podkit.model.Container;
import io.podkit.model.Pod;
import io.podkit.translator.InstanceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.Protos;
import org.apache.mesos.Protos.TaskState;

/**
 * What a framework needs after a launch: which pod instance and container a {@link
 * Protos.TaskStatus} is about, and what the statuses of an instance's tasks say about the whole
 * instance ({@link #instanceStatus}). podkit tracks no instances itself (DESIGN §6): the framework
 * keeps the latest status of each task and asks here.
 *
 * <p>Stateless: every method is static and thread-safe.
 */
public final class TaskStatuses {
  /** The states Mesos counts as terminal ({@code protobuf::isTerminalState}): no update follows. */
  private static final Set<TaskState> TERMINAL = EnumSet.of(TaskState.TASK_FINISHED, TaskState.TASK_FAILED,
      TaskState.TASK_KILLED, TaskState.TASK_ERROR, TaskState.TASK_LOST, TaskState.TASK_DROPPED,
      TaskState.TASK_GONE, TaskState.TASK_GONE_BY_OPERATOR);

  /** Earliest status timestamp first; a status without one after every status with one. */
  private static final Comparator<InstanceStatus.Cause> EARLIEST = Comparator.comparing(
      (InstanceStatus.Cause c) -> c.status().hasTimestamp() ? c.status().getTimestamp() : Double.POSITIVE_INFINITY);

  private TaskStatuses() {}

  /**
   * A status of a pod task, with the parts of its task id taken apart.
   *
   * @param instanceId the instance id string, {@code <safeId>.instance-<uuid>} (translation-rules A.3)
   * @param containerName the container the task runs
   * @param incarnation 1 for a new instance, higher after relaunches on a reservation (A.4)
   */
  public record PodTaskStatus(String instanceId, String containerName, int incarnation, Protos.TaskStatus status) {
    public PodTaskStatus {
      Objects.requireNonNull(instanceId, "instanceId");
      Objects.requireNonNull(containerName, "containerName");
      Objects.requireNonNull(status, "status");
    }

    /** The Mesos task id. */
    public String taskId() {
      return status.getTaskId().getValue();
    }

    /** The task's state. */
    public TaskState state() {
      return status.getState();
    }
  }

  /**
   * The instance, container and incarnation of {@code status}'s task; empty if its task id is not a
   * podkit (or Marathon) pod task id {@code <instance>.<container>.<incarnation>} (translation-rules
   * A.4, parsed by {@link InstanceId#parseTaskId}), e.g. a task another framework component launched.
   *
   * <p>The instance id is the task id's own prefix, so it is exact even for Marathon's legacy {@code
   * marathon-} prefix, which {@link InstanceId.TaskRef#instanceIdString()} would rewrite.
   */
  public static Optional<PodTaskStatus> podTask(Protos.TaskStatus status) {
    Objects.requireNonNull(status, "status");
    String taskId = status.getTaskId().getValue();
    return InstanceId.parseTaskId(taskId).map(ref -> {
      // <instance><sep><container>.<incarnation>: cut the incarnation, the container and the separator.
      int incarnationDot = taskId.lastIndexOf('.');
      String instanceId = taskId.substring(0, incarnationDot - ref.containerName().length() - 1);
      return new PodTaskStatus(instanceId, ref.containerName(), ref.incarnation(), status);
    });
  }

  /** The instance id string of {@code status}'s task; empty if it is not a pod task (see {@link #podTask}). */
  public static Optional<String> instanceId(Protos.TaskStatus status) {
    return podTask(status).map(PodTaskStatus::instanceId);
  }

  /** Whether Mesos counts {@code state} as terminal: no further update will come for the task. */
  public static boolean isTerminal(TaskState state) {
    return TERMINAL.contains(state);
  }

  /** {@link #instanceStatus(Collection, Collection)} for an instance of {@code pod}. */
  public static InstanceStatus instanceStatus(Pod pod, Collection<Protos.TaskStatus> latestStatuses) {
    return instanceStatus(pod.containers().stream().map(Container::name).toList(), latestStatuses);
  }

  /**
   * Tells the state of one pod instance from the latest status of each of its tasks; the rules are
   * listed on {@link InstanceState}. A container with no status yet counts as not yet running. When
   * a container has statuses of several incarnations (a resident instance relaunched on its
   * reservation), the newest incarnation is the instance's current task and the older ones are
   * ignored.
   *
   * <p>The cause of a FAILED, UNREACHABLE, KILLED or UNKNOWN state is the task in that category with
   * the earliest status timestamp (statuses without one come last), ties broken by container order:
   * when one task fails the default executor kills the others (Mesos R50), and the first to go is
   * the one that explains the rest.
   *
   * @param containerNames the names of the pod's containers, in pod order; each has one task
   * @param latestStatuses the latest status of each task of the instance (any order, possibly none)
   * @throws IllegalArgumentException if {@code containerNames} is empty or repeats a name, or a status
   *     is not of a pod task, is of another instance than the others, names a container not in
   *     {@code containerNames}, or repeats a task (pass only the latest status of each task)
   */
  public static InstanceStatus instanceStatus(
      Collection<String> containerNames, Collection<Protos.TaskStatus> latestStatuses) {
    List<String> names = List.copyOf(containerNames);
    // Mesos R47: a pod instance always has at least one task.
    checkArgument(!names.isEmpty(), "an instance has at least one container");
    checkArgument(new LinkedHashSet<>(names).size() == names.size(), "container names repeat: %s", names);

    Map<String, PodTaskStatus> newest = new HashMap<>();
    Set<String> taskIds = new LinkedHashSet<>();
    String instanceId = null;
    for (Protos.TaskStatus status : latestStatuses) {
      String taskId = status.getTaskId().getValue();
      PodTaskStatus task = podTask(status).orElseThrow(() ->
          new IllegalArgumentException("task id '" + taskId + "' is not a pod task id <instance>.<container>.<n>"));
      checkArgument(taskIds.add(taskId), "two statuses of task '%s': pass only the latest", taskId);
      if (instanceId == null) {
        instanceId = task.instanceId();
      }
      checkArgument(instanceId.equals(task.instanceId()),
          "statuses of two instances, '%s' and '%s': pass one instance's statuses", instanceId, task.instanceId());
      checkArgument(names.contains(task.containerName()),
          "task '%s' runs container '%s', which is not one of %s", taskId, task.containerName(), names);
      PodTaskStatus seen = newest.get(task.containerName());
      if (seen != null) {
        checkArgument(seen.incarnation() != task.incarnation(),
            "tasks '%s' and '%s' are the same incarnation of container '%s'", seen.taskId(), taskId,
            task.containerName());
      }
      if (seen == null || task.incarnation() > seen.incarnation()) {
        newest.put(task.containerName(), task);
      }
    }

    Map<String, Protos.TaskStatus> tasks = new LinkedHashMap<>();
    List<String> unreported = new ArrayList<>();
    Map<Category, List<InstanceStatus.Cause>> byCategory = new EnumMap<>(Category.class);
    for (String name : names) {
      PodTaskStatus task = newest.get(name);
      if (task == null) {
        unreported.add(name);
        byCategory.computeIfAbsent(Category.NOT_YET_RUNNING, c -> new ArrayList<>());
      } else {
        tasks.put(name, task.status());
        byCategory.computeIfAbsent(category(task.state()), c -> new ArrayList<>())
            .add(new InstanceStatus.Cause(name, task.status()));
      }
    }
    boolean allTasksEnded = unreported.isEmpty() && tasks.values().stream().allMatch(s -> isTerminal(s.getState()));

    // The first category present decides (InstanceState lists the order and why).
    for (Category category : Category.values()) {
      List<InstanceStatus.Cause> members = byCategory.get(category);
      if (members != null) {
        Optional<InstanceStatus.Cause> cause = category.hasCause
            ? members.stream().min(EARLIEST) // a stable min: ties keep container order
            : Optional.empty();
        return new InstanceStatus(category.state, cause, tasks, unreported, allTasksEnded);
      }
    }
    throw new IllegalStateException("no category for " + names); // unreachable: names is not empty
  }

  /** How one task counts towards its instance's state, in priority order (the first present wins). */
  private enum Category {
    FAILED(InstanceState.FAILED, true),
    UNREACHABLE(InstanceState.UNREACHABLE, true),
    KILLED(InstanceState.KILLED, true),
    UNKNOWN(InstanceState.UNKNOWN, true),
    NOT_YET_RUNNING(InstanceState.STAGING, false),
    RUNNING(InstanceState.RUNNING, false),
    FINISHED(InstanceState.FINISHED, false);

    final InstanceState state;
    final boolean hasCause;

    Category(InstanceState state, boolean hasCause) {
      this.state = state;
      this.hasCause = hasCause;
    }
  }

  private static Category category(TaskState state) {
    return switch (state) {
      case TASK_FAILED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE, TASK_GONE_BY_OPERATOR -> Category.FAILED;
      case TASK_UNREACHABLE -> Category.UNREACHABLE;
      case TASK_KILLED, TASK_KILLING -> Category.KILLED;
      case TASK_UNKNOWN -> Category.UNKNOWN;
      case TASK_STAGING, TASK_STARTING -> Category.NOT_YET_RUNNING;
      case TASK_RUNNING -> Category.RUNNING;
      case TASK_FINISHED -> Category.FINISHED;
    };
  }
}
