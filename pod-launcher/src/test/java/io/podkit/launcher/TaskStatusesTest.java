package io.podkit.launcher;

import static org.apache.mesos.Protos.TaskState.TASK_DROPPED;
import static org.apache.mesos.Protos.TaskState.TASK_ERROR;
import static org.apache.mesos.Protos.TaskState.TASK_FAILED;
import static org.apache.mesos.Protos.TaskState.TASK_FINISHED;
import static org.apache.mesos.Protos.TaskState.TASK_GONE;
import static org.apache.mesos.Protos.TaskState.TASK_GONE_BY_OPERATOR;
import static org.apache.mesos.Protos.TaskState.TASK_KILLED;
import static org.apache.mesos.Protos.TaskState.TASK_KILLING;
import static org.apache.mesos.Protos.TaskState.TASK_LOST;
import static org.apache.mesos.Protos.TaskState.TASK_RUNNING;
import static org.apache.mesos.Protos.TaskState.TASK_STAGING;
import static org.apache.mesos.Protos.TaskState.TASK_STARTING;
import static org.apache.mesos.Protos.TaskState.TASK_UNKNOWN;
import static org.apache.mesos.Protos.TaskState.TASK_UNREACHABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podkit.model.Container;
import io.podkit.model.Pod;
import io.podkit.translator.InstanceId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.mesos.Protos;
import org.apache.mesos.Protos.TaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskStatusesTest {
  private static final String UUID_TEXT = "3f0c7d1e-8a9b-11ef-9c1d-0242ac120002";
  private static final String INSTANCE = "product_frontend.instance-" + UUID_TEXT;
  private static final List<String> CONTAINERS = List.of("web", "sidecar");

  private static Protos.TaskStatus status(String taskId, TaskState state) {
    return Protos.TaskStatus.newBuilder()
        .setTaskId(Protos.TaskID.newBuilder().setValue(taskId))
        .setState(state)
        .build();
  }

  private static Protos.TaskStatus status(String taskId, TaskState state, double timestamp) {
    return status(taskId, state).toBuilder().setTimestamp(timestamp).build();
  }

  private static String task(String container) {
    return INSTANCE + "." + container + ".1";
  }

  // --- mapping a status back to its instance and container (translation-rules A.3/A.4) ---

  @Test
  void a4_podTaskIdIsTakenApart() {
    Protos.TaskStatus s = status("product_frontend.instance-" + UUID_TEXT + ".web.1", TASK_RUNNING);

    TaskStatuses.PodTaskStatus task = TaskStatuses.podTask(s).orElseThrow();

    assertThat(task.instanceId()).isEqualTo(INSTANCE);
    assertThat(task.containerName()).isEqualTo("web");
    assertThat(task.incarnation()).isEqualTo(1);
    assertThat(task.status()).isSameAs(s);
    assertThat(task.taskId()).isEqualTo(INSTANCE + ".web.1");
    assertThat(task.state()).isEqualTo(TASK_RUNNING);
    assertThat(TaskStatuses.instanceId(s)).contains(INSTANCE);
  }

  @Test
  void a4_idsMadeByInstanceIdRoundTrip() {
    InstanceId id = InstanceId.create("/product/frontend");

    TaskStatuses.PodTaskStatus task = TaskStatuses.podTask(status(id.taskId("sidecar-2", 7), TASK_STAGING)).orElseThrow();

    assertThat(task.instanceId()).isEqualTo(id.idString());
    assertThat(task.containerName()).isEqualTo("sidecar-2");
    assertThat(task.incarnation()).isEqualTo(7);
  }

  @Test
  void a4_containerNamesWithUnderscoresAndDashesSurvive() {
    TaskStatuses.PodTaskStatus task =
        TaskStatuses.podTask(status(INSTANCE + ".log_shipper-v2.12", TASK_RUNNING)).orElseThrow();

    assertThat(task.instanceId()).isEqualTo(INSTANCE);
    assertThat(task.containerName()).isEqualTo("log_shipper-v2");
    assertThat(task.incarnation()).isEqualTo(12);
  }

  @Test
  void a3_legacyMarathonPrefixKeepsTheExactInstanceId() {
    String legacy = "shop_cart.marathon-" + UUID_TEXT;

    TaskStatuses.PodTaskStatus task = TaskStatuses.podTask(status(legacy + ".ct.2", TASK_RUNNING)).orElseThrow();

    assertThat(task.instanceId()).isEqualTo(legacy);
    assertThat(task.containerName()).isEqualTo("ct");
    assertThat(task.incarnation()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "my-framework-task-42",
      "web.1",
      "product_frontend.instance-not-a-uuid.web.1",
      "product_frontend.instance-" + UUID_TEXT, // an instance id, not a task id
      "instance-product_frontend." + UUID_TEXT, // an executor id
      "product_frontend.instance-" + UUID_TEXT + ".web", // the old ephemeral form without incarnation
      "product_frontend.instance-" + UUID_TEXT + ".web.x",
      "product_frontend.task-" + UUID_TEXT + ".web.1",
  })
  void foreignTaskIdsAreEmpty(String taskId) {
    assertThat(TaskStatuses.podTask(status(taskId, TASK_RUNNING))).isEmpty();
    assertThat(TaskStatuses.instanceId(status(taskId, TASK_RUNNING))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TaskState.class)
  void terminalStatesAreMesosOwn(TaskState state) {
    Set<TaskState> terminal = Set.of(TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED,
        TASK_GONE, TASK_GONE_BY_OPERATOR);
    assertThat(TaskStatuses.isTerminal(state)).isEqualTo(terminal.contains(state));
  }

  // --- the state of a whole instance ---

  /** One row: the state of web and sidecar (null: no status yet) → instance state, cause, all ended. */
  static Stream<Arguments> aggregationTable() {
    return Stream.of(
        row("no status yet", null, null, InstanceState.STAGING, null, false),
        row("one staging, one silent", TASK_STAGING, null, InstanceState.STAGING, null, false),
        row("one running, one silent", TASK_RUNNING, null, InstanceState.STAGING, null, false),
        row("both staging", TASK_STAGING, TASK_STAGING, InstanceState.STAGING, null, false),
        row("starting counts as not yet running", TASK_RUNNING, TASK_STARTING, InstanceState.STAGING, null, false),
        row("a finished task does not end staging", TASK_FINISHED, TASK_STAGING, InstanceState.STAGING, null, false),
        row("all running", TASK_RUNNING, TASK_RUNNING, InstanceState.RUNNING, null, false),
        row("running with a finished task", TASK_FINISHED, TASK_RUNNING, InstanceState.RUNNING, null, false),
        row("all finished", TASK_FINISHED, TASK_FINISHED, InstanceState.FINISHED, null, true),
        row("failed while the other runs", TASK_RUNNING, TASK_FAILED, InstanceState.FAILED, "sidecar", false),
        row("error", TASK_ERROR, TASK_RUNNING, InstanceState.FAILED, "web", false),
        row("lost", TASK_LOST, TASK_RUNNING, InstanceState.FAILED, "web", false),
        row("dropped", TASK_DROPPED, TASK_STAGING, InstanceState.FAILED, "web", false),
        row("gone", TASK_GONE, TASK_RUNNING, InstanceState.FAILED, "web", false),
        row("gone by operator", TASK_GONE_BY_OPERATOR, TASK_RUNNING, InstanceState.FAILED, "web", false),
        row("failed while the other is still silent", null, TASK_FAILED, InstanceState.FAILED, "sidecar", false),
        row("R50: failed, then the group killed", TASK_KILLED, TASK_FAILED, InstanceState.FAILED, "sidecar", true),
        row("failed beats unreachable", TASK_UNREACHABLE, TASK_FAILED, InstanceState.FAILED, "sidecar", false),
        row("failed beats unknown", TASK_UNKNOWN, TASK_LOST, InstanceState.FAILED, "sidecar", false),
        row("group validation error: every task TASK_ERROR", TASK_ERROR, TASK_ERROR, InstanceState.FAILED, "web", true),
        row("all killed", TASK_KILLED, TASK_KILLED, InstanceState.KILLED, "web", true),
        row("killing while the other runs", TASK_RUNNING, TASK_KILLING, InstanceState.KILLED, "sidecar", false),
        row("killed and finished", TASK_FINISHED, TASK_KILLED, InstanceState.KILLED, "sidecar", true),
        row("killed while the other is silent", TASK_KILLED, null, InstanceState.KILLED, "web", false),
        row("killed beats unknown", TASK_UNKNOWN, TASK_KILLED, InstanceState.KILLED, "sidecar", false),
        row("unreachable", TASK_UNREACHABLE, TASK_UNREACHABLE, InstanceState.UNREACHABLE, "web", false),
        row("unreachable beats running", TASK_RUNNING, TASK_UNREACHABLE, InstanceState.UNREACHABLE, "sidecar", false),
        row("unreachable beats killed", TASK_KILLED, TASK_UNREACHABLE, InstanceState.UNREACHABLE, "sidecar", false),
        row("all unknown", TASK_UNKNOWN, TASK_UNKNOWN, InstanceState.UNKNOWN, "web", false),
        row("unknown beats running", TASK_RUNNING, TASK_UNKNOWN, InstanceState.UNKNOWN, "sidecar", false),
        row("unknown beats staging", TASK_UNKNOWN, TASK_STAGING, InstanceState.UNKNOWN, "web", false),
        row("unknown beats silence", null, TASK_UNKNOWN, InstanceState.UNKNOWN, "sidecar", false));
  }

  private static Arguments row(String name, TaskState web, TaskState sidecar, InstanceState expected, String cause,
      boolean allEnded) {
    return Arguments.of(name, web, sidecar, expected, cause, allEnded);
  }

  @ParameterizedTest(name = "{0}: web={1}, sidecar={2} -> {3}")
  @MethodSource("aggregationTable")
  void instanceStateRules(String name, TaskState web, TaskState sidecar, InstanceState expected, String causeContainer,
      boolean allEnded) {
    List<Protos.TaskStatus> statuses = new ArrayList<>();
    if (web != null) {
      statuses.add(status(task("web"), web));
    }
    if (sidecar != null) {
      statuses.add(status(task("sidecar"), sidecar));
    }

    InstanceStatus result = TaskStatuses.instanceStatus(CONTAINERS, statuses);

    assertThat(result.state()).as(name).isEqualTo(expected);
    if (causeContainer == null) {
      assertThat(result.cause()).as(name).isEmpty();
    } else {
      assertThat(result.cause()).as(name).hasValueSatisfying(c -> {
        assertThat(c.containerName()).isEqualTo(causeContainer);
        assertThat(c.taskId()).isEqualTo(task(causeContainer));
        assertThat(c.taskState()).isEqualTo(causeContainer.equals("web") ? web : sidecar);
      });
    }
    assertThat(result.allTasksEnded()).as(name).isEqualTo(allEnded);
    List<String> silent = new ArrayList<>();
    if (web == null) {
      silent.add("web");
    }
    if (sidecar == null) {
      silent.add("sidecar");
    }
    assertThat(result.unreported()).as(name).isEqualTo(silent);
    List<String> reported = new ArrayList<>(CONTAINERS);
    reported.removeAll(silent);
    assertThat(result.tasks().keySet()).as(name).containsExactlyElementsOf(reported);
  }

  @ParameterizedTest
  @EnumSource(TaskState.class)
  void everyStateOfASingleTaskMapsToAnInstanceState(TaskState state) {
    InstanceState expected = switch (state) {
      case TASK_STAGING, TASK_STARTING -> InstanceState.STAGING;
      case TASK_RUNNING -> InstanceState.RUNNING;
      case TASK_FINISHED -> InstanceState.FINISHED;
      case TASK_KILLED, TASK_KILLING -> InstanceState.KILLED;
      case TASK_FAILED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE, TASK_GONE_BY_OPERATOR -> InstanceState.FAILED;
      case TASK_UNREACHABLE -> InstanceState.UNREACHABLE;
      case TASK_UNKNOWN -> InstanceState.UNKNOWN;
    };

    InstanceStatus result = TaskStatuses.instanceStatus(List.of("web"), List.of(status(task("web"), state)));

    assertThat(result.state()).isEqualTo(expected);
    assertThat(result.allTasksEnded()).isEqualTo(TaskStatuses.isTerminal(state));
  }

  @Test
  void theCauseIsTheEarliestTaskInTheDecidingCategory() {
    InstanceStatus result = TaskStatuses.instanceStatus(List.of("a", "b", "c"), List.of(
        status(INSTANCE + ".a.1", TASK_FAILED, 1_700_000_020.0),
        status(INSTANCE + ".b.1", TASK_LOST, 1_700_000_010.0),
        status(INSTANCE + ".c.1", TASK_KILLED, 1_700_000_000.0))); // earlier, but only killed

    assertThat(result.state()).isEqualTo(InstanceState.FAILED);
    assertThat(result.cause()).map(InstanceStatus.Cause::containerName).contains("b");
  }

  @Test
  void statusesWithoutTimestampComeAfterTimedOnesAndTiesKeepContainerOrder() {
    InstanceStatus untimedFirst = TaskStatuses.instanceStatus(List.of("a", "b"), List.of(
        status(INSTANCE + ".a.1", TASK_FAILED),
        status(INSTANCE + ".b.1", TASK_FAILED, 5.0)));
    InstanceStatus tie = TaskStatuses.instanceStatus(List.of("a", "b"), List.of(
        status(INSTANCE + ".b.1", TASK_KILLED, 5.0),
        status(INSTANCE + ".a.1", TASK_KILLED, 5.0)));

    assertThat(untimedFirst.cause()).map(InstanceStatus.Cause::containerName).contains("b");
    assertThat(tie.cause()).map(InstanceStatus.Cause::containerName).contains("a");
  }

  @Test
  void theCauseCarriesMesosMessageReasonAndSource() {
    Protos.TaskStatus error = status(task("web"), TASK_ERROR).toBuilder()
        .setSource(Protos.TaskStatus.Source.SOURCE_MASTER)
        .setReason(Protos.TaskStatus.Reason.REASON_TASK_GROUP_INVALID)
        .setMessage("Executor 'instance-x' uses no disk")
        .build();

    InstanceStatus result = TaskStatuses.instanceStatus(CONTAINERS, List.of(error, status(task("sidecar"), TASK_ERROR)));

    InstanceStatus.Cause cause = result.cause().orElseThrow();
    assertThat(cause.status()).isSameAs(error);
    assertThat(cause.message()).contains("Executor 'instance-x' uses no disk");
    assertThat(cause.reason()).contains(Protos.TaskStatus.Reason.REASON_TASK_GROUP_INVALID);
    assertThat(cause.source()).contains(Protos.TaskStatus.Source.SOURCE_MASTER);
    assertThat(result.describe()).isEqualTo("FAILED: task '" + task("web") + "' (container 'web') TASK_ERROR from "
        + "SOURCE_MASTER, REASON_TASK_GROUP_INVALID: Executor 'instance-x' uses no disk");
  }

  @Test
  void aCauseWithoutDetailsSaysSo() {
    InstanceStatus.Cause cause = TaskStatuses.instanceStatus(List.of("web"), List.of(status(task("web"), TASK_KILLED)))
        .cause().orElseThrow();

    assertThat(cause.message()).isEmpty();
    assertThat(cause.reason()).isEmpty();
    assertThat(cause.source()).isEmpty();
    assertThat(cause.describe()).isEqualTo("task '" + task("web") + "' (container 'web') TASK_KILLED");
  }

  @Test
  void describeNamesSilentContainers() {
    InstanceStatus result = TaskStatuses.instanceStatus(CONTAINERS, List.of(status(task("web"), TASK_RUNNING)));

    assertThat(result.describe()).isEqualTo("STAGING (no status yet from [sidecar])");
  }

  @Test
  void tasksKeepContainerOrder() {
    InstanceStatus result = TaskStatuses.instanceStatus(List.of("c", "a", "b"), List.of(
        status(INSTANCE + ".a.1", TASK_RUNNING), status(INSTANCE + ".b.1", TASK_RUNNING),
        status(INSTANCE + ".c.1", TASK_RUNNING)));

    assertThat(result.tasks().keySet()).containsExactly("c", "a", "b");
  }

  @Test
  void a4_theNewestIncarnationOfEachContainerIsTheCurrentTask() {
    // A resident instance relaunched on its reservation: incarnation 1 failed, incarnation 2 runs.
    InstanceStatus result = TaskStatuses.instanceStatus(CONTAINERS, List.of(
        status(INSTANCE + ".web.2", TASK_RUNNING),
        status(INSTANCE + ".web.1", TASK_FAILED),
        status(INSTANCE + ".sidecar.1", TASK_KILLED),
        status(INSTANCE + ".sidecar.2", TASK_RUNNING)));

    assertThat(result.state()).isEqualTo(InstanceState.RUNNING);
    assertThat(result.tasks().get("web").getTaskId().getValue()).isEqualTo(INSTANCE + ".web.2");
    assertThat(result.tasks().get("sidecar").getTaskId().getValue()).isEqualTo(INSTANCE + ".sidecar.2");
  }

  @Test
  void aPodGivesTheContainerNames() {
    Pod pod = Pod.builder("/product/frontend")
        .container(Container.builder("web").resources(0.1, 32))
        .container(Container.builder("sidecar").resources(0.1, 32))
        .build();
    InstanceId id = new InstanceId("/product/frontend", UUID.fromString(UUID_TEXT));

    InstanceStatus result = TaskStatuses.instanceStatus(pod, List.of(status(id.taskId("web"), TASK_RUNNING)));

    assertThat(result.state()).isEqualTo(InstanceState.STAGING);
    assertThat(result.unreported()).containsExactly("sidecar");
  }

  // --- caller errors ---

  @Test
  void rejectsAForeignTaskId() {
    assertThatThrownBy(() -> TaskStatuses.instanceStatus(CONTAINERS, List.of(status("my-task", TASK_RUNNING))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'my-task' is not a pod task id");
  }

  @Test
  void rejectsStatusesOfTwoInstances() {
    String other = "product_frontend.instance-" + UUID.randomUUID();
    assertThatThrownBy(() -> TaskStatuses.instanceStatus(CONTAINERS, List.of(
        status(task("web"), TASK_RUNNING), status(other + ".sidecar.1", TASK_RUNNING))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two instances").hasMessageContaining(other);
  }

  @Test
  void rejectsAContainerNotInThePod() {
    assertThatThrownBy(() -> TaskStatuses.instanceStatus(CONTAINERS, List.of(status(task("db"), TASK_RUNNING))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'db'").hasMessageContaining("[web, sidecar]");
  }

  @Test
  void rejectsTwoStatusesOfOneTask() {
    assertThatThrownBy(() -> TaskStatuses.instanceStatus(CONTAINERS, List.of(
        status(task("web"), TASK_STAGING), status(task("web"), TASK_RUNNING))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pass only the latest");
  }

  @Test
  void rejectsTwoTasksOfOneIncarnation() {
    assertThatThrownBy(() -> TaskStatuses.instanceStatus(CONTAINERS, List.of(
        status(INSTANCE + ".web.1", TASK_STAGING), status(INSTANCE + ".web.01", TASK_RUNNING))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same incarnation");
  }

  @Test
  void r47_rejectsAnInstanceWithoutContainers() {
    assertThatThrownBy(() -> TaskStatuses.instanceStatus(List.<String>of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one container");
  }

  @Test
  void rejectsRepeatedContainerNames() {
    assertThatThrownBy(() -> TaskStatuses.instanceStatus(Arrays.asList("web", "web"), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeat");
  }
}
