package io.podkit.translator;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * What a framework reports about one launched task's networking (Marathon's per-task NetworkInfo):
 * the agent's hostname and the host ports allocated to that container's endpoints that asked for
 * one, in endpoint order.
 */
public record TaskNetworkInfo(String taskId, String containerName, String hostname, List<Integer> hostPorts) {
  public TaskNetworkInfo {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(containerName, "containerName");
    Objects.requireNonNull(hostname, "hostname");
    hostPorts = ImmutableList.copyOf(hostPorts);
  }
}
