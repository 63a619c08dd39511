package io.podkit.model;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A network the pod joins; all containers share it. An absent {@code mode} means {@code container},
 * so {@code {}} is a container network whose name comes from the configured default.
 */
public record Network(Optional<String> name, Optional<NetworkMode> mode, Map<String, String> labels) {
  public static final NetworkMode DEFAULT_MODE = NetworkMode.CONTAINER;

  public Network {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mode, "mode");
    labels = ImmutableMap.copyOf(labels);
  }

  public static Network host() {
    return new Network(Optional.empty(), Optional.of(NetworkMode.HOST), Map.of());
  }

  public static Network bridge() {
    return new Network(Optional.empty(), Optional.of(NetworkMode.BRIDGE), Map.of());
  }

  public static Network container(String name) {
    return new Network(Optional.of(name), Optional.of(NetworkMode.CONTAINER), Map.of());
  }

  /** Same network with {@code labels}. */
  public Network withLabels(Map<String, String> newLabels) {
    return new Network(name, mode, newLabels);
  }

  public NetworkMode modeOrDefault() {
    return mode.orElse(DEFAULT_MODE);
  }

  /**
   * Whether a pod with {@code networks} uses the agent's network namespace, so that its endpoints are
   * reached on host ports: it has a {@code host} network, or none at all (DESIGN G7; Marathon treated
   * an empty list as "not host" and lost health checks and launches).
   */
  public static boolean isHostNetworking(java.util.List<Network> networks) {
    return networks.isEmpty() || networks.stream().anyMatch(n -> n.modeOrDefault() == NetworkMode.HOST);
  }
}
