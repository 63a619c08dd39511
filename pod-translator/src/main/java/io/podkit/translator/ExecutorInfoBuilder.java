package io.podkit.translator;

import io.podkit.model.Pod;
import io.podkit.translator.offer.ResourceMatch;
import java.util.List;
import org.apache.mesos.Protos;

/** The pod's {@code ExecutorInfo} (translation-rules B): Mesos' default executor, one per instance. */
final class ExecutorInfoBuilder {
  private ExecutorInfoBuilder() {}

  static Protos.ExecutorInfo.Builder build(Pod pod, Protos.Offer offer, ResourceMatch match, InstanceId instanceId,
      ContainerInfoBuilder containers, List<Protos.NetworkInfo> networkInfos) {
    return Protos.ExecutorInfo.newBuilder()
        // B.1
        .setType(Protos.ExecutorInfo.Type.DEFAULT)
        // B.2: Marathon parses this back: instance-<safeId>.<uuid>
        .setExecutorId(Protos.ExecutorID.newBuilder().setValue(instanceId.executorId()))
        // B.3 (Mesos R35: the master does not fill it in for LAUNCH_GROUP)
        .setFrameworkId(offer.getFrameworkId())
        // B.4: executor scalars, then every port of the pod (tasks never carry ports, G24), then a
        // resident pod's persistent volumes
        .addAllResources(match.executorResources())
        .addAllResources(match.portResources())
        .addAllResources(match.volumeResources())
        // B.6, G5
        .setContainer(containers.forExecutor(networkInfos))
        // B.7: always set, even empty
        .setLabels(MesosLabels.of(pod.labels()));
  }
}
