package io.podkit.translator.preflight;

import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.mesos.Protos;
import org.apache.mesos.Protos.ExecutorInfo;
import org.apache.mesos.Protos.Offer;
import org.apache.mesos.Protos.Resource;
import org.apache.mesos.Protos.TaskInfo;

/**
 * A valid {@code ACCEPT} that passes the pre-flight check with no violations: one offer of role
 * {@code *} with cpus, mem, disk and ports, and one {@code LAUNCH_GROUP} with a DEFAULT executor and
 * two tasks. Tests change one thing at a time.
 */
@SuppressWarnings("deprecation") // Marathon and podkit still set the legacy Resource.role, as Mesos allows.
final class Baseline {
  static final Protos.FrameworkID FRAMEWORK = Protos.FrameworkID.newBuilder().setValue("framework-1").build();
  static final Protos.SlaveID AGENT = Protos.SlaveID.newBuilder().setValue("agent-1").build();
  static final String EXECUTOR_ID = "instance-web.1";
  static final String WEB = "web.instance-1.nginx.1";
  static final String SIDECAR = "web.instance-1.sidecar.1";

  private Baseline() {}

  static Resource.AllocationInfo allocation(String role) {
    return Resource.AllocationInfo.newBuilder().setRole(role).build();
  }

  static Resource scalar(String name, double value) {
    return Resource.newBuilder().setName(name).setType(Protos.Value.Type.SCALAR).setRole("*")
        .setAllocationInfo(allocation("*"))
        .setScalar(Protos.Value.Scalar.newBuilder().setValue(value)).build();
  }

  static Resource ports(long begin, long end) {
    return Resource.newBuilder().setName("ports").setType(Protos.Value.Type.RANGES).setRole("*")
        .setAllocationInfo(allocation("*"))
        .setRanges(Protos.Value.Ranges.newBuilder()
            .addRange(Protos.Value.Range.newBuilder().setBegin(begin).setEnd(end))).build();
  }

  static Offer offer() {
    return Offer.newBuilder()
        .setId(Protos.OfferID.newBuilder().setValue("offer-1"))
        .setFrameworkId(FRAMEWORK)
        .setSlaveId(AGENT)
        .setHostname("agent-1.example")
        .setAllocationInfo(allocation("*"))
        .addResources(scalar("cpus", 4))
        .addResources(scalar("mem", 4096))
        .addResources(scalar("disk", 10000))
        .addResources(ports(31000, 32000))
        .build();
  }

  static Protos.ContainerInfo mesosContainer() {
    return Protos.ContainerInfo.newBuilder()
        .setType(Protos.ContainerInfo.Type.MESOS)
        .setLinuxInfo(Protos.LinuxInfo.newBuilder().setShareCgroups(false))
        .build();
  }

  static ExecutorInfo executor() {
    return ExecutorInfo.newBuilder()
        .setType(ExecutorInfo.Type.DEFAULT)
        .setExecutorId(Protos.ExecutorID.newBuilder().setValue(EXECUTOR_ID))
        .setFrameworkId(FRAMEWORK)
        .addResources(scalar("cpus", 0.1))
        .addResources(scalar("mem", 32))
        .addResources(scalar("disk", 10))
        .setContainer(mesosContainer())
        .build();
  }

  /** The first task also takes a host port; both ask cpus, mem and disk and set limits. */
  static TaskInfo task(String id, boolean withPort) {
    TaskInfo.Builder task = TaskInfo.newBuilder()
        .setName(id)
        .setTaskId(Protos.TaskID.newBuilder().setValue(id))
        .setSlaveId(AGENT)
        .addResources(scalar("cpus", 0.5))
        .addResources(scalar("mem", 128))
        .addResources(scalar("disk", 100))
        .setCommand(Protos.CommandInfo.newBuilder()
            .setValue("exec nginx -g 'daemon off;'")
            .setEnvironment(Protos.Environment.newBuilder()
                .addVariables(Protos.Environment.Variable.newBuilder().setName("GREETING").setValue("hello"))))
        .setContainer(mesosContainer())
        .setHealthCheck(Protos.HealthCheck.newBuilder()
            .setType(Protos.HealthCheck.Type.HTTP)
            .setHttp(Protos.HealthCheck.HTTPCheckInfo.newBuilder().setScheme("http").setPort(8080).setPath("/health"))
            .setIntervalSeconds(10)
            .setTimeoutSeconds(5))
        .setCheck(Protos.CheckInfo.newBuilder()
            .setType(Protos.CheckInfo.Type.HTTP)
            .setHttp(Protos.CheckInfo.Http.newBuilder().setPort(8080).setPath("/ready")))
        .putLimits("cpus", Protos.Value.Scalar.newBuilder().setValue(1.0).build())
        .putLimits("mem", Protos.Value.Scalar.newBuilder().setValue(Double.POSITIVE_INFINITY).build());
    if (withPort) {
      task.addResources(ports(31000, 31000));
    }
    return task.build();
  }

  static Offer.Operation launchGroup() {
    return launchGroup(executor(), List.of(task(WEB, true), task(SIDECAR, false)));
  }

  static Offer.Operation launchGroup(ExecutorInfo executor, List<TaskInfo> tasks) {
    return Offer.Operation.newBuilder()
        .setType(Offer.Operation.Type.LAUNCH_GROUP)
        .setLaunchGroup(Offer.Operation.LaunchGroup.newBuilder()
            .setExecutor(executor)
            .setTaskGroup(Protos.TaskGroupInfo.newBuilder().addAllTasks(tasks)))
        .build();
  }

  /** The baseline with task {@code index} changed. */
  static Offer.Operation withTask(int index, UnaryOperator<TaskInfo.Builder> change) {
    Offer.Operation.Builder op = launchGroup().toBuilder();
    TaskInfo.Builder task = op.getLaunchGroupBuilder().getTaskGroupBuilder().getTasksBuilder(index);
    op.getLaunchGroupBuilder().getTaskGroupBuilder().setTasks(index, change.apply(task.clone()).buildPartial());
    return op.buildPartial();
  }

  /** The baseline with the executor changed. */
  static Offer.Operation withExecutor(UnaryOperator<ExecutorInfo.Builder> change) {
    Offer.Operation.Builder op = launchGroup().toBuilder();
    ExecutorInfo.Builder executor = op.getLaunchGroupBuilder().getExecutor().toBuilder();
    op.getLaunchGroupBuilder().setExecutor(change.apply(executor).buildPartial());
    return op.buildPartial();
  }

  /** The check of the baseline offer with {@code operations}. */
  static List<PreflightViolation> check(Offer.Operation... operations) {
    return LaunchGroupCheck.check(FRAMEWORK, List.of(offer()), List.of(operations));
  }
}
