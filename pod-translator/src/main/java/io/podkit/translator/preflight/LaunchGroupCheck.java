package io.podkit.translator.preflight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.mesos.Protos;
import org.apache.mesos.Protos.ExecutorInfo;
import org.apache.mesos.Protos.Offer;
import org.apache.mesos.Protos.Resource;
import org.apache.mesos.Protos.TaskInfo;

/**
 * The Mesos pre-flight check for an {@code ACCEPT} that carries {@code LAUNCH_GROUP} operations:
 * the rules the Mesos 1.11 master (and the agent after it) apply, taken from {@code mesos-rules.md}
 * section 1, checked before anything is sent, so that a launch Mesos would reject never leaves the
 * framework. It is usable on its own by any framework that builds {@code TaskGroupInfo} by hand.
 *
 * <p>Unlike the master, which stops at the first error of a group and reports it as a
 * {@code TASK_ERROR} (or {@code TASK_LOST}) for every task, the check returns <em>every</em>
 * violation it finds, each with its rule id, the message Mesos would send (with Mesos' prefixes,
 * such as {@code Task '<id>' is invalid: }, and its placeholders filled in) and a locator.
 * Operations are checked in order, each as if the operations before it had been accepted: an
 * earlier {@code RESERVE}/{@code CREATE} changes what a later launch may use, and the tasks and
 * executor of an earlier launch count for the later ones.
 *
 * <h2>Rules checked</h2>
 * R3 (required fields, via {@code isInitialized()}), R6, R7, R9, R10, R11 (offers), R12, R13,
 * R14 (per-resource format), R15, R16, R17 (with the live and unreachable task ids a caller knows,
 * see {@link Builder}), R18, R19, R20, R21, R22, R23, R24, R25, R26, R27, R28, R29, R30, R31, R32,
 * R33, R34, R35, R36, R37 (only against an executor launched earlier in the same {@code ACCEPT}),
 * R38, R39, R40, R41, R42, R43, R45, R46 (within the group and across the groups of one
 * {@code ACCEPT} under the same executor), R47, and the caveats C1 (duplicate task ids inside a
 * group, which by code reading abort the 1.11 master) and C2 (a task id reused by a later
 * operation of the same {@code ACCEPT}).
 *
 * <p>R27 ({@code 'TaskInfo.executor' must be set}) cannot fire through the scheduler API, because the
 * master copies the group's executor into every task without one; a task that carries its own
 * executor is checked by R40.
 *
 * <h2>Rules not checked, and why</h2>
 * <ul>
 *   <li>R1, R2, R4, R5: the HTTP layer (content type, body parsing, call shape, subscription and
 *       stream id); the launcher adapters own the connection and check those.
 *   <li>R8 ({@code Offer <id> is no longer valid}): needs the master's set of outstanding offers.
 *   <li>R17 against tasks the caller did not name, and the unreachable-task cache: master state.
 *   <li>R26's agent capability ({@code Agent is not capable of handling task resource limits}):
 *       the agent's capabilities are not part of an offer.
 *   <li>R37 against an executor already running on the agent: only its id is in the offer
 *       ({@code executor_ids}), not its {@code ExecutorInfo}. Its resources are not charged again
 *       (R43), as the master does.
 *   <li>R44: only a CUSTOM executor's command is checked there, and R34 reports the same
 *       environment errors first.
 *   <li>R46 against tasks already running under the executor: master state.
 *   <li>R48, R49, R50: agent isolators, agent-side validation at container launch and the default
 *       executor's runtime behaviour.
 *   <li>Operations other than {@code LAUNCH_GROUP} are not validated; {@code RESERVE},
 *       {@code UNRESERVE}, {@code CREATE}, {@code DESTROY} and {@code LAUNCH} are only applied to
 *       the model of the offered resources and task ids.
 * </ul>
 *
 * <p>R43 uses a simple model of Mesos' {@code Resources} (see {@code ResourcePool}): amounts are
 * compared per resource (name, allocation role, reservations, disk source and persistence id,
 * revocable, shared) in Mesos' fixed-point three-decimal arithmetic, ranges by containment.
 *
 * <p>The static methods keep no state between calls and are thread-safe. A {@link Builder}
 * collects one check's inputs and is not thread-safe: fill and run it on one thread.
 */
public final class LaunchGroupCheck {
  private static final long MIN_CPUS_MILLI = 10; // src/master/constants.hpp: MIN_CPUS = 0.01
  private static final long MEGABYTE = 1024L * 1024L;
  private static final long MIN_MEM_BYTES = 32 * MEGABYTE; // MIN_MEM = Megabytes(32)
  private static final String INVALID_OFFERS = "Task launched with invalid offers: ";
  private static final String DASHES = "------------------------------------------------------------";

  private LaunchGroupCheck() {}

  /**
   * Every violation Mesos would find in an {@code ACCEPT} of {@code offers} with
   * {@code operations} by the framework {@code frameworkId}; empty when Mesos would launch.
   */
  public static List<PreflightViolation> check(
      Protos.FrameworkID frameworkId, List<Offer> offers, List<Offer.Operation> operations) {
    return builder(frameworkId).offers(offers).operations(operations).check();
  }

  /**
   * Like {@link #check}, for callers that want to stop.
   *
   * @throws PreflightException carrying every violation, when there is at least one
   */
  public static void requireValid(
      Protos.FrameworkID frameworkId, List<Offer> offers, List<Offer.Operation> operations) {
    builder(frameworkId).offers(offers).operations(operations).requireValid();
  }

  /** A check that can also be told which task ids the framework already uses (R17). */
  public static Builder builder(Protos.FrameworkID frameworkId) {
    return new Builder(frameworkId);
  }

  /** Collects the inputs of one check; {@link #check()} may be called more than once. */
  public static final class Builder {
    private final Protos.FrameworkID frameworkId;
    private List<Offer> offers = List.of();
    private List<Offer.Operation> operations = List.of();
    private final Set<String> liveTaskIds = new HashSet<>();
    private final Set<String> unreachableTaskIds = new HashSet<>();

    private Builder(Protos.FrameworkID frameworkId) {
      this.frameworkId = Objects.requireNonNull(frameworkId, "frameworkId");
    }

    /** The offers the {@code ACCEPT} names. */
    public Builder offers(List<Offer> offers) {
      this.offers = List.copyOf(offers);
      return this;
    }

    /** The operations of the {@code ACCEPT}, in order. */
    public Builder operations(List<Offer.Operation> operations) {
      this.operations = List.copyOf(operations);
      return this;
    }

    /** Ids of the framework's tasks the master knows as live; reusing one breaks R17. */
    public Builder liveTaskIds(Collection<Protos.TaskID> ids) {
      ids.forEach(id -> liveTaskIds.add(id.getValue()));
      return this;
    }

    /** Ids of the framework's tasks the master holds as unreachable; reusing one breaks R17. */
    public Builder unreachableTaskIds(Collection<Protos.TaskID> ids) {
      ids.forEach(id -> unreachableTaskIds.add(id.getValue()));
      return this;
    }

    /** Every violation found; empty when Mesos would launch. */
    public List<PreflightViolation> check() {
      return List.copyOf(new Run(this).run());
    }

    /**
     * Runs the check.
     *
     * @throws PreflightException carrying every violation, when there is at least one
     */
    public void requireValid() {
      List<PreflightViolation> violations = check();
      if (!violations.isEmpty()) {
        throw new PreflightException(violations);
      }
    }
  }

  /** One run of the check: the inputs and the state carried from one operation to the next. */
  private static final class Run {
    private final Builder in;
    private final List<PreflightViolation> out = new ArrayList<>();
    /** The agent of the first offer, which the master takes as the launch's agent (R18). */
    private Protos.SlaveID agent;
    /** The first offer's allocation info, which the master injects into the operations. */
    private Resource.AllocationInfo allocation;
    /** What is left of the offered resources after the operations so far (R43). */
    private final ResourcePool remaining = new ResourcePool();
    /** Executors of the framework already running on the agent: their resources are not charged. */
    private final Set<String> runningExecutors = new HashSet<>();
    /** Executors launched by earlier operations of this ACCEPT (R37, R43). */
    private final Map<String, ExecutorInfo> launchedExecutors = new HashMap<>();
    /** The effective share_cgroups of the groups launched under each executor so far (R46). */
    private final Map<String, Boolean> executorShareCgroups = new HashMap<>();
    /** Task ids launched by earlier operations of this ACCEPT (C2). */
    private final Set<String> acceptedTaskIds = new HashSet<>();
    /**
     * The pool of each task's or executor's resource list, by the list's identity: several rules
     * read the same list, and pooling normalizes and merges every resource. Pools taken from here
     * are read, never changed (a pool to change is a copy).
     */
    private final Map<List<Resource>, ResourcePool> pools = new IdentityHashMap<>();
    /** Each task's and executor's resources normalized once, by identity, for the pools and the rules. */
    private final Map<Resource, Resource> normalized = new IdentityHashMap<>();

    Run(Builder in) {
      this.in = in;
    }

    List<PreflightViolation> run() {
      // R3: proto2 required fields; in Java only buildPartial() can leave them unset.
      if (!in.frameworkId.isInitialized()) {
        add("R3", "Not initialized: " + prefixed("framework_id.", in.frameworkId.findInitializationErrors()),
            "framework_id");
      }
      checkOffers();
      for (int i = 0; i < in.operations.size(); i++) {
        checkOperation(i, in.operations.get(i));
      }
      return out;
    }

    private void add(String rule, String message, String where) {
      out.add(new PreflightViolation(rule, message, where));
    }

    private static String prefixed(String prefix, List<String> paths) {
      return String.join(", ", paths.stream().map(p -> prefix + p).toList());
    }

    // ---------------------------------------------------------------- offers: R6-R11

    private void checkOffers() {
      List<Offer> offers = in.offers;
      if (offers.isEmpty()) {
        // R6
        add("R6", INVALID_OFFERS + "No offers specified", "offers");
        return;
      }
      Offer first = offers.get(0);
      agent = first.getSlaveId();
      allocation = first.hasAllocationInfo() ? first.getAllocationInfo() : null;

      Set<String> seen = new HashSet<>();
      for (int i = 0; i < offers.size(); i++) {
        Offer offer = offers.get(i);
        String where = "offers[" + i + "]";
        String id = offer.getId().getValue();
        if (!offer.isInitialized()) {
          // R3: an offer missing required fields is not one the master sent.
          add("R3", "Not initialized: " + String.join(", ", offer.findInitializationErrors()), where);
        }
        if (!seen.add(id)) {
          // R7
          add("R7", INVALID_OFFERS + "Duplicate offer " + id + " in offer list", where + ".id");
          continue;
        }
        if (!offer.getFrameworkId().getValue().equals(in.frameworkId.getValue())) {
          // R9
          add("R9", INVALID_OFFERS + "Offer " + id + " has invalid framework " + offer.getFrameworkId().getValue()
              + " while framework " + in.frameworkId.getValue() + " is expected", where + ".framework_id");
        }
        String role = offer.getAllocationInfo().getRole();
        String firstRole = first.getAllocationInfo().getRole();
        if (!role.equals(firstRole)) {
          // R10: Mesos' message leaves both quotes unclosed.
          add("R10", INVALID_OFFERS + "Aggregated offers must be allocated to the same role. Offer " + id
              + " uses role '" + role + " but another is using role '" + firstRole, where + ".allocation_info");
        }
        if (!offer.getSlaveId().getValue().equals(agent.getValue())) {
          // R11
          add("R11", INVALID_OFFERS + "Aggregated offers must belong to one single agent. Offer " + id
              + " uses agent " + offer.getSlaveId().getValue() + " and agent " + agent.getValue(),
              where + ".slave_id");
        }
        offer.getExecutorIdsList().forEach(e -> runningExecutors.add(e.getValue()));
        remaining.addAll(ResourcePool.of(offer.getResourcesList(),
            offer.hasAllocationInfo() ? offer.getAllocationInfo() : null));
      }
    }

    // ---------------------------------------------------------------- operations: R12-R15

    private void checkOperation(int i, Offer.Operation op) {
      String where = "operations[" + i + "]";
      if (!op.isInitialized()) {
        // R3
        add("R3", "Not initialized: " + prefixed("accept." + where + ".", op.findInitializationErrors()), where);
      }
      if (!op.hasType() || op.getType() == Offer.Operation.Type.UNKNOWN) {
        // R12: the master only logs "Ignoring unknown operation"; nothing reaches the framework.
        add("R12", "Unknown offer operation", where + ".type");
        return;
      }
      switch (op.getType()) {
        case LAUNCH_GROUP:
          if (!op.hasLaunchGroup()) {
            // R13
            add("R13", "A LAUNCH_GROUP offer operation must have the Offer.Operation.launch_group field set.",
                where + ".launch_group");
            return;
          }
          if (op.hasId()) {
            // R15: operation feedback is not supported for launches.
            add("R15", "The `id` field cannot be set on LAUNCH_GROUP operations", where + ".id");
          }
          new GroupCheck(where + ".launch_group", op.getLaunchGroup()).run();
          break;
        case LAUNCH:
          applyLaunch(op.getLaunch());
          break;
        case RESERVE:
          applyConversion(op.getReserve().getResourcesList(), Run::unreserved, false);
          break;
        case UNRESERVE:
          applyConversion(op.getUnreserve().getResourcesList(), Run::unreserved, true);
          break;
        case CREATE:
          applyConversion(op.getCreate().getVolumesList(), Run::withoutVolume, false);
          break;
        case DESTROY:
          applyConversion(op.getDestroy().getVolumesList(), Run::withoutVolume, true);
          break;
        default:
          // GROW_VOLUME, SHRINK_VOLUME, CREATE_DISK, DESTROY_DISK do not feed a launch here.
          break;
      }
    }

    /**
     * Applies a speculative operation to the remaining resources the way
     * {@code getResourceConversions} does: each resource of the operation is the converted form of
     * {@code consumedFor(resource)} (or, {@code reverse}, the other way round). As in the master,
     * an operation whose consumed resources are not all available changes nothing.
     */
    private void applyConversion(
        List<Resource> resources, UnaryOperator<Resource> consumedFor, boolean reverse) {
      ResourcePool consumed = new ResourcePool();
      ResourcePool converted = new ResourcePool();
      for (Resource r : resources) {
        Resource normalized = normalized(r);
        Resource other = consumedFor.apply(normalized);
        consumed.add(reverse ? normalized : other);
        converted.add(reverse ? other : normalized);
      }
      if (remaining.contains(consumed)) {
        remaining.subtract(consumed);
        remaining.addAll(converted);
      }
    }

    /** What a RESERVE consumes: the resource with its last reservation popped. */
    private static Resource unreserved(Resource reserved) {
      Resource.Builder b = reserved.toBuilder();
      if (b.getReservationsCount() > 0) {
        b.removeReservations(b.getReservationsCount() - 1);
      }
      return b.buildPartial();
    }

    /** What a CREATE consumes: the disk without persistence, volume and sharedness. */
    private static Resource withoutVolume(Resource volume) {
      Resource.Builder b = volume.toBuilder().clearShared();
      if (b.getDisk().hasSource()) {
        b.getDiskBuilder().clearPersistence().clearVolume();
      } else {
        b.clearDisk();
      }
      return b.buildPartial();
    }

    /** A LAUNCH is not validated, but its tasks, executors and resources count for later groups. */
    private void applyLaunch(Offer.Operation.Launch launch) {
      for (TaskInfo task : launch.getTaskInfosList()) {
        acceptedTaskIds.add(task.getTaskId().getValue());
        ResourcePool used = ResourcePool.copyOf(pool(task.getResourcesList()));
        if (task.hasExecutor()) {
          String executorId = task.getExecutor().getExecutorId().getValue();
          if (!runningExecutors.contains(executorId) && !launchedExecutors.containsKey(executorId)) {
            used.addAll(pool(task.getExecutor().getResourcesList()));
          }
          launchedExecutors.putIfAbsent(executorId, task.getExecutor());
        }
        if (remaining.contains(used)) {
          remaining.subtract(used);
        }
      }
    }

    // ---------------------------------------------------------------- one LAUNCH_GROUP

    /** The checks of one {@code LAUNCH_GROUP}: R14 and R16-R47. */
    private final class GroupCheck {
      private final String where;
      private final ExecutorInfo executor;
      private final List<TaskInfo> tasks;
      private final String executorWhere;

      GroupCheck(String where, Offer.Operation.LaunchGroup group) {
        this.where = where;
        this.executor = group.getExecutor();
        this.tasks = group.getTaskGroup().getTasksList();
        this.executorWhere = where + ".executor";
      }

      private String taskWhere(int j) {
        return where + ".task_group.tasks[" + j + "]";
      }

      void run() {
        checkResourceFormat();
        if (tasks.isEmpty()) {
          // R47: the master passes an empty group on; the agent drops it with a log line only.
          add("R47", "The task group has no tasks: the master accepts it, but the agent drops it without any"
              + " status update", where + ".task_group.tasks");
        }
        checkDuplicateIdsInGroup();
        for (int j = 0; j < tasks.size(); j++) {
          checkTask(j, tasks.get(j));
        }
        checkExecutor();
        checkShareCgroups();
        record();
      }

      /** R14: {@code Resources::validate} on every resource list of the operation. */
      private void checkResourceFormat() {
        checkFormat(executor.getResourcesList(), executorWhere);
        for (int j = 0; j < tasks.size(); j++) {
          TaskInfo task = tasks.get(j);
          checkFormat(task.getResourcesList(), taskWhere(j));
          if (task.hasExecutor()) {
            checkFormat(task.getExecutor().getResourcesList(), taskWhere(j) + ".executor");
          }
        }
      }

      private void checkFormat(List<Resource> resources, String owner) {
        for (int k = 0; k < resources.size(); k++) {
          Resource r = resources.get(k);
          int index = k;
          // R14: the message has no task prefix, it is sent as is to every task of the group.
          ResourceFormat.validate(r).ifPresent(why -> add("R14",
              "Resource '" + MesosText.resource(r) + "' is invalid: " + why, owner + ".resources[" + index + "]"));
        }
      }

      /** C1: the master does not reject a repeated task id inside a group (see the class comment). */
      private void checkDuplicateIdsInGroup() {
        Set<String> ids = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (int j = 0; j < tasks.size(); j++) {
          String id = tasks.get(j).getTaskId().getValue();
          if (!ids.add(id) && reported.add(id)) {
            add("C1", "Task ID '" + id + "' is used more than once in the task group: Mesos does not reject it,"
                + " and adding the second task fails a CHECK that aborts the master (by code reading)",
                taskWhere(j) + ".task_id");
          }
        }
      }

      // -------------------------------------------------------------- tasks: R16-R30

      private void checkTask(int j, TaskInfo task) {
        String id = task.getTaskId().getValue();
        String tw = taskWhere(j);
        // R16
        CommonValidation.validateId(id).ifPresent(e -> invalid(id, "R16", e, tw + ".task_id"));

        // C2 and R17: the tasks of earlier operations are already known to the master.
        if (acceptedTaskIds.contains(id)) {
          invalid(id, "C2", "Task has duplicate ID: " + id, tw + ".task_id");
        } else if (in.liveTaskIds.contains(id)) {
          invalid(id, "R17", "Task has duplicate ID: " + id, tw + ".task_id");
        } else if (in.unreachableTaskIds.contains(id)) {
          invalid(id, "R17", "Task reuses the ID of an unreachable task: " + id, tw + ".task_id");
        }

        // R18
        if (agent != null && !task.getSlaveId().getValue().equals(agent.getValue())) {
          invalid(id, "R18", "Task uses invalid agent " + task.getSlaveId().getValue()
              + " while agent " + agent.getValue() + " is expected", tw + ".slave_id");
        }

        // R19
        if (task.hasKillPolicy() && task.getKillPolicy().hasGracePeriod()
            && task.getKillPolicy().getGracePeriod().getNanoseconds() < 0) {
          invalid(id, "R19", "Task's 'kill_policy.grace_period' must be non-negative",
              tw + ".kill_policy.grace_period");
        }

        // R20
        if (task.hasMaxCompletionTime() && task.getMaxCompletionTime().getNanoseconds() < 0) {
          invalid(id, "R20", "Task's `max_completion_time` must be non-negative",
              tw + ".max_completion_time");
        }

        // R21
        if (task.hasCheck()) {
          for (String e : CommonValidation.validateCheckInfo(task.getCheck())) {
            invalid(id, "R21", "Task uses invalid check: " + e, tw + ".check");
          }
        }

        // R22
        if (task.hasHealthCheck()) {
          for (String e : CommonValidation.validateHealthCheck(task.getHealthCheck())) {
            invalid(id, "R22", "Task uses invalid health check: " + e, tw + ".health_check");
          }
        }

        // R23
        checkTaskResources(task, id, tw);

        // R24
        if (task.hasCommand()) {
          for (String e : CommonValidation.validateCommandInfo(task.getCommand())) {
            invalid(id, "R24", "Task's `CommandInfo` is invalid: " + e, tw + ".command.environment");
          }
        }

        // R25
        if (task.hasContainer()) {
          for (String e : CommonValidation.validateContainerInfo(task.getContainer())) {
            invalid(id, "R25", "Task's `ContainerInfo` is invalid: " + e, tw + ".container");
          }
        }

        // R26 (the agent's TASK_RESOURCE_LIMITS capability cannot be known here)
        checkLimits(task, id, tw);

        // R28: a task with its own network namespace cannot be health-checked over HTTP or TCP.
        if (task.hasContainer() && task.getContainer().getNetworkInfosCount() > 0 && task.hasHealthCheck()
            && (task.getHealthCheck().getType() == Protos.HealthCheck.Type.HTTP
                || task.getHealthCheck().getType() == Protos.HealthCheck.Type.TCP)) {
          invalid(id, "R28", "HTTP and TCP health checks are not supported for nested containers"
              + " not joining parent's network", tw + ".health_check");
        }

        // R29
        if (task.hasContainer() && task.getContainer().getType() == Protos.ContainerInfo.Type.DOCKER) {
          invalid(id, "R29", "Docker ContainerInfo is not supported on the task",
              tw + ".container.type");
        }

        // R30: share_cgroups defaults to true, so it must be set to false explicitly.
        if (task.getLimitsCount() > 0 && !(task.hasContainer() && task.getContainer().hasLinuxInfo()
            && !task.getContainer().getLinuxInfo().getShareCgroups())) {
          invalid(id, "R30", "Resource limits may only be set for tasks within a task group when"
              + " the 'share_cgroups' field is set to 'false'.", tw + ".limits");
        }
      }

      /** R23: {@code task::internal::validateResources}. */
      private void checkTaskResources(TaskInfo task, String id, String tw) {
        if (task.getResourcesCount() == 0) {
          invalid(id, "R23", "Task uses no resources", tw + ".resources");
          return;
        }
        List<Resource> resources = task.getResourcesList();
        for (ResourceRules.Finding f : ResourceRules.validate(resources, pool(resources), Run.this::normalized)) {
          invalid(id, "R23", "Task uses invalid resources: " + f.message(), resourceWhere(tw, f));
        }
        ResourcePool pool = pool(task.getResourcesList());
        for (String volumeId : ResourceRules.duplicatePersistenceIds(pool)) {
          invalid(id, "R23", "Task uses duplicate persistence ID: " + ResourceRules.notUnique(volumeId),
              tw + ".resources");
        }
        ResourceRules.singleAllocationRole(pool).ifPresent(e ->
            invalid(id, "R23", "Invalid task resources: " + e, tw + ".resources"));
        for (String name : ResourceRules.mixedRevocable(pool)) {
          invalid(id, "R23", "Task mixes revocable and non-revocable resources: "
              + ResourceRules.mixed(name), tw + ".resources");
        }
      }

      /** R26: {@code validateResourceLimits}, apart from the agent capability. */
      private void checkLimits(TaskInfo task, String id, String tw) {
        Map<String, Protos.Value.Scalar> limits = task.getLimitsMap();
        if (limits.isEmpty()) {
          return;
        }
        if (limits.keySet().stream().anyMatch(k -> !k.equals("cpus") && !k.equals("mem"))) {
          invalid(id, "R26", "Only cpus and mem may be included in a task's resource limits",
              tw + ".limits");
        }
        ResourcePool requests = pool(task.getResourcesList());
        if (limits.containsKey("cpus")) {
          Optional<Long> cpus = requests.scalarMilli("cpus");
          if (cpus.isEmpty()) {
            invalid(id, "R26", "When a CPU limit is specified, a CPU request must also be specified",
                tw + ".limits[cpus]");
          } else if (limits.get("cpus").getValue() < MesosText.floating(cpus.get())) {
            // An infinite limit is never below the request.
            invalid(id, "R26", "The cpu limit must be greater than or equal to the cpu request",
                tw + ".limits[cpus]");
          }
        }
        if (limits.containsKey("mem")) {
          Optional<Long> mem = requests.scalarMilli("mem");
          double limit = limits.get("mem").getValue();
          if (mem.isEmpty()) {
            invalid(id, "R26", "When a memory limit is specified, a memory request must also be"
                + " specified", tw + ".limits[mem]");
          } else if (!Double.isInfinite(limit) && (limit < 0 || (long) limit < (long) MesosText.floating(mem.get()))) {
            // Mesos compares whole megabytes: Bytes(limit, MEGABYTES) < Megabytes(request).
            invalid(id, "R26", "The memory limit must be greater than or equal to the memory"
                + " request", tw + ".limits[mem]");
          }
        }
      }

      // -------------------------------------------------------------- executor: R31-R43

      private void checkExecutor() {
        String ew = executorWhere;
        String executorId = executor.getExecutorId().getValue();

        // R31: validateType.
        if (executor.getType() == ExecutorInfo.Type.DEFAULT) {
          if (executor.hasCommand()) {
            add("R31", "'ExecutorInfo.command' must not be set for 'DEFAULT' executor", ew + ".command");
          }
          if (executor.hasContainer()) {
            if (executor.getContainer().getType() != Protos.ContainerInfo.Type.MESOS) {
              add("R31", "'ExecutorInfo.container.type' must be 'MESOS' for 'DEFAULT' executor",
                  ew + ".container.type");
            }
            if (executor.getContainer().getMesos().hasImage()) {
              add("R31", "'ExecutorInfo.container.mesos.image' must not be set for 'DEFAULT' executor",
                  ew + ".container.mesos.image");
            }
          }
        } else if (executor.getType() == ExecutorInfo.Type.CUSTOM && !executor.hasCommand()) {
          add("R31", "'ExecutorInfo.command' must be set for 'CUSTOM' executor", ew + ".command");
        }

        // R32
        CommonValidation.validateId(executorId).ifPresent(e -> add("R32", e, ew + ".executor_id"));

        // R33
        if (executor.hasShutdownGracePeriod() && executor.getShutdownGracePeriod().getNanoseconds() < 0) {
          add("R33", "ExecutorInfo's 'shutdown_grace_period' must be non-negative", ew + ".shutdown_grace_period");
        }

        // R34
        if (executor.hasCommand()) {
          for (String e : CommonValidation.validateCommandInfo(executor.getCommand())) {
            add("R34", "Executor's `CommandInfo` is invalid: " + e, ew + ".command.environment");
          }
        }
        if (executor.hasContainer()) {
          for (String e : CommonValidation.validateContainerInfo(executor.getContainer())) {
            add("R34", "Executor's `ContainerInfo` is invalid: " + e, ew + ".container");
          }
        }

        // R35: the master does not fill in framework_id for LAUNCH_GROUP.
        if (!executor.hasFrameworkId()) {
          add("R35", "'ExecutorInfo.framework_id' must be set", ew + ".framework_id");
        } else if (!executor.getFrameworkId().getValue().equals(in.frameworkId.getValue())) {
          add("R35", "ExecutorInfo has an invalid FrameworkID (Actual: " + executor.getFrameworkId().getValue()
              + " vs Expected: " + in.frameworkId.getValue() + ")", ew + ".framework_id");
        }

        // R36
        ResourcePool executorPool = pool(executor.getResourcesList());
        List<Resource> executorResources = executor.getResourcesList();
        for (ResourceRules.Finding f : ResourceRules.validate(executorResources, executorPool, Run.this::normalized)) {
          add("R36", "Executor uses invalid resources: " + f.message(), resourceWhere(ew, f));
        }
        for (String id : ResourceRules.duplicatePersistenceIds(executorPool)) {
          add("R36", "Executor uses duplicate persistence ID: " + ResourceRules.notUnique(id), ew + ".resources");
        }
        ResourceRules.singleAllocationRole(executorPool)
            .ifPresent(e -> add("R36", "Invalid executor resources: " + e, ew + ".resources"));
        for (String name : ResourceRules.mixedRevocable(executorPool)) {
          add("R36", "Executor mixes revocable and non-revocable resources: " + ResourceRules.mixed(name),
              ew + ".resources");
        }

        // R37, for an executor launched by an earlier operation of this ACCEPT.
        ExecutorInfo existing = launchedExecutors.get(executorId);
        if (existing != null && !sameExecutor(existing, executor)) {
          add("R37", "ExecutorInfo is not compatible with existing ExecutorInfo with same ExecutorID.\n" + DASHES
              + "\nExisting ExecutorInfo:\n" + MesosText.debug(existing) + "\n" + DASHES + "\nExecutorInfo:\n"
              + MesosText.debug(executor) + "\n" + DASHES + "\n", ew);
        }

        // R38
        if (!executor.hasType()) {
          add("R38", "'ExecutorInfo.type' must be set", ew + ".type");
        } else if (executor.getType() == ExecutorInfo.Type.UNKNOWN) {
          add("R38", "Unknown executor type", ew + ".type");
        }

        // R39: for a DEFAULT executor, R31 reports a DOCKER container first.
        if (executor.hasContainer() && executor.getContainer().getType() == Protos.ContainerInfo.Type.DOCKER
            && executor.getType() != ExecutorInfo.Type.DEFAULT) {
          add("R39", "Docker ContainerInfo is not supported on the executor", ew + ".container.type");
        }

        // R40: a task may carry the executor, but only an equal one.
        for (int j = 0; j < tasks.size(); j++) {
          TaskInfo task = tasks.get(j);
          if (task.hasExecutor() && !sameExecutor(task.getExecutor(), executor)) {
            add("R40", "The `ExecutorInfo` of task '" + task.getTaskId().getValue() + "' is different from executor '"
                + executorId + "'", taskWhere(j) + ".executor");
          }
        }

        // R41: errors for LAUNCH_GROUP, checked even when the executor already runs.
        Optional<Long> cpus = executorPool.scalarMilli("cpus");
        if (cpus.isEmpty() || cpus.get() < MIN_CPUS_MILLI) {
          add("R41", "Executor '" + executorId + "' uses less CPUs ("
              + cpus.map(c -> MesosText.cDouble(MesosText.floating(c))).orElse("None")
              + ") than the minimum required (0.01)", ew + ".resources");
        }
        Optional<Long> mem = executorPool.scalarMilli("mem").map(m -> (long) MesosText.floating(m) * MEGABYTE);
        if (mem.isEmpty() || mem.get() < MIN_MEM_BYTES) {
          add("R41", "Executor '" + executorId + "' uses less memory (" + mem.map(MesosText::bytes).orElse("None")
              + ") than the minimum required (" + MesosText.bytes(MIN_MEM_BYTES) + ")", ew + ".resources");
        }
        if (executorPool.scalarMilli("disk").isEmpty()) {
          // Zero amounts are dropped when Mesos builds its Resources, so disk must be > 0.
          add("R41", "Executor '" + executorId + "' uses no disk", ew + ".resources");
        }

        checkGroupResources(executorPool);
        checkOffered(executorPool);
      }

      /** R42: {@code validateTaskGroupAndExecutorResources}. */
      private void checkGroupResources(ResourcePool executorPool) {
        List<ResourcePool> parts = new ArrayList<>();
        for (TaskInfo task : tasks) {
          parts.add(pool(task.getResourcesList()));
        }
        parts.add(executorPool);
        ResourcePool total = new ResourcePool();
        parts.forEach(total::addAll);

        // Duplicates or mixes inside one task or the executor are reported by R23/R36 already.
        Set<String> ownDuplicates = new HashSet<>();
        Set<String> ownMixes = new HashSet<>();
        for (ResourcePool part : parts) {
          ownDuplicates.addAll(ResourceRules.duplicatePersistenceIds(part));
          ownMixes.addAll(ResourceRules.mixedRevocable(part));
        }
        for (String id : ResourceRules.duplicatePersistenceIds(total)) {
          if (!ownDuplicates.contains(id)) {
            add("R42", "Task group and executor use duplicate persistence ID: " + ResourceRules.notUnique(id), where);
          }
        }
        for (String name : ResourceRules.mixedRevocable(total)) {
          if (!ownMixes.contains(name)) {
            add("R42", "Task group and executor mix revocable and non-revocable resources: "
                + ResourceRules.mixed(name), where);
          }
        }

        // Ranges and sets overlap when merging loses elements.
        Map<String, Long> separate = new HashMap<>();
        for (ResourcePool part : parts) {
          part.discreteQuantities().forEach((name, n) -> separate.merge(name, n, ResourcePool::saturatedAdd));
        }
        if (!separate.equals(total.discreteQuantities())) {
          List<String> taskResources = new ArrayList<>();
          for (int j = 0; j < tasks.size(); j++) {
            taskResources.add(MesosText.resources(parts.get(j).resources()));
          }
          add("R42", "There are overlapping resources in the task group's task resources "
              + MesosText.vector(taskResources) + " and/or executor resources "
              + MesosText.json(executor.getResourcesList()), where);
        }
      }

      /** R43: the offered resources, as left by the operations before, must contain the group's. */
      private void checkOffered(ResourcePool executorPool) {
        if (in.offers.isEmpty()) {
          return; // R6 is reported; there is nothing to compare with.
        }
        ResourcePool total = new ResourcePool();
        for (TaskInfo task : tasks) {
          total.addAll(pool(task.getResourcesList()));
        }
        String executorId = executor.getExecutorId().getValue();
        if (!runningExecutors.contains(executorId) && !launchedExecutors.containsKey(executorId)) {
          total.addAll(executorPool);
        }
        if (remaining.contains(total)) {
          remaining.subtract(total);
        } else {
          add("R43", "Total resources " + MesosText.resources(total.resources()) + " required by task group and its"
              + " executor are more than available " + MesosText.resources(remaining.resources()), where);
        }
      }

      // -------------------------------------------------------------- share_cgroups: R45, R46

      private void checkShareCgroups() {
        // R45
        if (executor.hasContainer() && executor.getContainer().hasLinuxInfo()
            && executor.getContainer().getLinuxInfo().hasShareCgroups()
            && executor.getContainer().getLinuxInfo().getShareCgroups()) {
          add("R45", "The 'share_cgroups' field cannot be set to 'true' on executor containers",
              executorWhere + ".container.linux_info.share_cgroups");
        }
        // R46: unset counts as true; earlier groups under the same executor count too.
        Boolean expected = executorShareCgroups.get(executor.getExecutorId().getValue());
        for (int j = 0; j < tasks.size(); j++) {
          boolean share = shareCgroups(tasks.get(j));
          if (expected == null) {
            expected = share;
          } else if (share != expected) {
            add("R46", "If set, the value of 'share_cgroups' must be the same for all tasks in each task group and"
                + " under a single executor", taskWhere(j) + ".container.linux_info.share_cgroups");
            return;
          }
        }
      }

      /** Remembers what this group adds to the master's state for the operations after it. */
      private void record() {
        tasks.forEach(t -> acceptedTaskIds.add(t.getTaskId().getValue()));
        String executorId = executor.getExecutorId().getValue();
        launchedExecutors.putIfAbsent(executorId, executor);
        if (!tasks.isEmpty()) {
          executorShareCgroups.putIfAbsent(executorId, shareCgroups(tasks.get(0)));
        }
      }

      /** A task error: the master prefixes it with the task's id. */
      private void invalid(String taskId, String rule, String message, String where) {
        add(rule, "Task '" + taskId + "' is invalid: " + message, where);
      }

      private String resourceWhere(String owner, ResourceRules.Finding f) {
        return f.index() < 0 ? owner + ".resources" : owner + ".resources[" + f.index() + "]";
      }
    }

    /** The pool of {@code resources} as the master sees them, with the offer's allocation injected. */
    private ResourcePool pool(List<Resource> resources) {
      ResourcePool pool = pools.get(resources);
      if (pool == null) {
        pool = ResourcePool.of(resources, this::normalized);
        pools.put(resources, pool);
      }
      return pool;
    }

    /** {@code r} as the master normalizes it, with the offer's allocation injected. */
    private Resource normalized(Resource r) {
      Resource n = normalized.get(r);
      if (n == null) {
        n = ResourcePool.normalize(r, allocation);
        normalized.put(r, n);
      }
      return n;
    }

    private static boolean shareCgroups(TaskInfo task) {
      return !(task.hasContainer() && task.getContainer().hasLinuxInfo()
          && task.getContainer().getLinuxInfo().hasShareCgroups())
          || task.getContainer().getLinuxInfo().getShareCgroups();
    }

    /**
     * {@code operator==(ExecutorInfo)} of {@code type_utils.cpp} (R37, R40): labels and
     * {@code shutdown_grace_period} are not compared, resources are compared as Mesos'
     * {@code Resources} (after the master injected the allocation info), and the other fields as
     * protobuf values.
     */
    @SuppressWarnings("deprecation") // Mesos still compares the deprecated ExecutorInfo.source.
    private boolean sameExecutor(ExecutorInfo a, ExecutorInfo b) {
      if (a.hasType() != b.hasType() || (a.hasType() && a.getType() != b.getType())) {
        return false;
      }
      return a.getExecutorId().getValue().equals(b.getExecutorId().getValue())
          && a.getData().equals(b.getData())
          && pool(a.getResourcesList()).sameAs(pool(b.getResourcesList()))
          && a.getCommand().equals(b.getCommand())
          && a.getFrameworkId().getValue().equals(b.getFrameworkId().getValue())
          && a.getName().equals(b.getName())
          && a.getSource().equals(b.getSource())
          && a.getContainer().equals(b.getContainer())
          && a.getDiscovery().equals(b.getDiscovery());
    }
  }
}
