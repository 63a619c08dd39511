package io.podkit.translator.offer;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import org.apache.mesos.Protos;

/**
 * Which offered resources a pod gets, already split between its executor and its containers. Every
 * amount is claimed once from one shared pool (DESIGN G1) and may be split across several offered
 * resources (G2), with exact fixed-point arithmetic (G3). Each piece keeps its offered resource's
 * role, reservation, provider and disk source, and carries {@code allocation_info.role} from the
 * offer (G25).
 *
 * @param executorResources the executor's cpus, mem, disk and gpus pieces, in that order
 * @param containerResources each container's cpus, mem, disk and gpus pieces, in pod container order
 * @param portResources the host ports of the whole pod as {@code ports} ranges; they go to the executor
 * @param hostPorts the host port allocated to each endpoint that asked for one, by endpoint name
 * @param volumeResources persistent-volume disk resources of a resident pod's reservation, unchanged
 *     from the offer (empty for an ordinary pod)
 */
public record ResourceMatch(
    List<Protos.Resource> executorResources,
    List<List<Protos.Resource>> containerResources,
    List<Protos.Resource> portResources,
    Map<String, Integer> hostPorts,
    List<Protos.Resource> volumeResources) {

  public ResourceMatch {
    executorResources = ImmutableList.copyOf(executorResources);
    containerResources = containerResources.stream().map(ImmutableList::copyOf)
        .collect(ImmutableList.toImmutableList());
    portResources = ImmutableList.copyOf(portResources);
    hostPorts = ImmutableMap.copyOf(hostPorts);
    volumeResources = ImmutableList.copyOf(volumeResources);
  }
}
