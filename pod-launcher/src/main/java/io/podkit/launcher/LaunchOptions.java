package io.podkit.launcher;

import com.google.common.collect.ImmutableList;
import io.podkit.translator.InstanceId;
import io.podkit.translator.offer.Agent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Per-launch choices.
 *
 * @param instanceUuid the new instance's UUID; empty = a fresh time-based one (set it for
 *     reproducible output)
 * @param reservedInstance for a resident pod whose resources and volumes were reserved earlier: the
 *     instance to launch on its reservation; empty = reserve first
 * @param runningInstanceAgents the agents of the pod's running instances, for placement
 *     constraints such as {@code UNIQUE} and {@code MAX_PER}
 */
public record LaunchOptions(
    Optional<UUID> instanceUuid, Optional<InstanceId> reservedInstance, List<Agent> runningInstanceAgents) {

  /** Fresh UUID, no reservation, no running instances. */
  public static final LaunchOptions DEFAULT = new LaunchOptions(Optional.empty(), Optional.empty(), List.of());

  public LaunchOptions {
    Objects.requireNonNull(instanceUuid, "instanceUuid");
    Objects.requireNonNull(reservedInstance, "reservedInstance");
    runningInstanceAgents = ImmutableList.copyOf(runningInstanceAgents);
  }

  public LaunchOptions withInstanceUuid(UUID uuid) {
    return new LaunchOptions(Optional.of(uuid), reservedInstance, runningInstanceAgents);
  }

  public LaunchOptions onReservationOf(InstanceId instance) {
    return new LaunchOptions(instanceUuid, Optional.of(instance), runningInstanceAgents);
  }

  public LaunchOptions withRunningInstanceAgents(List<Agent> agents) {
    return new LaunchOptions(instanceUuid, reservedInstance, agents);
  }
}
