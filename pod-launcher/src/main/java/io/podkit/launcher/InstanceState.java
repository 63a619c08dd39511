package io.podkit.launcher;

/**
 * The state of a whole pod instance, told from the latest status of each of its tasks by {@link
 * TaskStatuses#instanceStatus}. The first rule that matches decides, in this order (which mirrors
 * Marathon's {@code Instance.InstanceState.conditionHierarchy}: the most alarming task wins):
 *
 * <ol>
 *   <li>{@link #FAILED}: a task ended badly;
 *   <li>{@link #UNREACHABLE}: a task's agent is partitioned;
 *   <li>{@link #KILLED}: a task is killed or being killed;
 *   <li>{@link #UNKNOWN}: the master does not know a task;
 *   <li>{@link #STAGING}: a task is not running yet (or has not reported at all);
 *   <li>{@link #RUNNING}: every task runs, or has finished while others run;
 *   <li>{@link #FINISHED}: every task has finished.
 * </ol>
 */
public enum InstanceState {
  /**
   * Some task is not running yet: no status so far, {@code TASK_STAGING} or {@code TASK_STARTING};
   * no task has failed, been killed, become unreachable or unknown. A task that already finished does
   * not change this (a finished task does not end the group).
   */
  STAGING,

  /**
   * Every task is {@code TASK_RUNNING}, or {@code TASK_FINISHED} while at least one other runs: the
   * default executor keeps a group running when one of its tasks exits with success (only a failed
   * or killed task kills the group, Mesos R50), as Marathon also reports such an instance Running.
   */
  RUNNING,

  /** Every task is {@code TASK_FINISHED}: the instance completed. */
  FINISHED,

  /**
   * Some task is {@code TASK_KILLED} or {@code TASK_KILLING}, and none failed or is unreachable. With
   * {@code TASK_KILLING} the kill is still under way: {@link InstanceStatus#allTasksEnded()} says
   * whether it is over.
   */
  KILLED,

  /**
   * Some task ended with {@code TASK_FAILED}, {@code TASK_ERROR}, {@code TASK_LOST}, {@code
   * TASK_DROPPED}, {@code TASK_GONE} or {@code TASK_GONE_BY_OPERATOR}. The default executor then kills
   * the rest of the group (Mesos R49/R50), so the other tasks usually follow with {@code TASK_KILLED};
   * the master's group validation errors (R14–R46) give every task {@code TASK_ERROR} at once.
   */
  FAILED,

  /**
   * Some task is {@code TASK_UNREACHABLE} (its agent is partitioned from the master) and none failed.
   * It ranks above {@link #KILLED}: an unreachable task may still be running, so calling the instance
   * killed would invite a replacement next to a live task.
   */
  UNREACHABLE,

  /**
   * Some task is {@code TASK_UNKNOWN} and none failed, is unreachable or was killed: the master has no
   * record of it. That is the answer to reconciling a task whose launch never reached the master
   * (e.g. after a dropped connection, or Mesos C3 under the v0 driver), or one whose agent was
   * removed long ago. Mesos does not count TASK_UNKNOWN as terminal, but nothing will report on such
   * a task again: a framework usually treats the instance as not running and launches it anew (with
   * new task ids), after reconciling once more if it wants to be sure. It ranks above {@link #STAGING}
   * and {@link #RUNNING} because the master knows the tasks of one group all or none: a mix means
   * some of the statuses are stale, and the safe reading is that the instance may not be running.
   */
  UNKNOWN
}
