package io.podkit.translator;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import org.apache.mesos.Protos;

/**
 * A pod translated for one offer: the executor and task group of its {@code LAUNCH_GROUP}, and the
 * per-task network information a framework reports in its status.
 */
public record Translation(
    InstanceId instanceId,
    Protos.ExecutorInfo executor,
    Protos.TaskGroupInfo taskGroup,
    List<TaskNetworkInfo> networkInfos) {

  public Translation {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(taskGroup, "taskGroup");
    networkInfos = ImmutableList.copyOf(networkInfos);
  }

  /** The {@code LAUNCH_GROUP} offer operation. */
  public Protos.Offer.Operation launchGroup() {
    return Protos.Offer.Operation.newBuilder()
        .setType(Protos.Offer.Operation.Type.LAUNCH_GROUP)
        .setLaunchGroup(Protos.Offer.Operation.LaunchGroup.newBuilder()
            .setExecutor(executor)
            .setTaskGroup(taskGroup))
        .build();
  }
}
