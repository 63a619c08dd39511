package io.podkit.translator;

import com.google.common.collect.ImmutableList;
import io.podkit.model.Network;
import io.podkit.model.NetworkMode;
import java.util.List;

/**
 * How the pod's containers reach the network, as the translation rules need it. DESIGN G7: a pod
 * with no networks runs in the agent's network namespace (Mesos gets no NetworkInfo), so it is a
 * host-network pod everywhere: ENDPOINT_ variables, health-check ports and discovery all use host
 * ports. Marathon treated it as "not host" there and lost health checks and launches.
 */
final class PodNetworking {
  /** The pod's network mode; validation allows no mixing (V-22). */
  enum Kind {
    /** A {@code host} network, or no network at all (G7). */
    HOST,
    /** One {@code container/bridge} network. */
    BRIDGE,
    /** One or more named {@code container} networks. */
    CONTAINER
  }

  private final Kind kind;
  private final List<Network> networks;

  private PodNetworking(Kind kind, List<Network> networks) {
    this.kind = kind;
    this.networks = ImmutableList.copyOf(networks);
  }

  /** The networking of a pod with (normalized) {@code networks}. */
  static PodNetworking of(List<Network> networks) {
    // G7: no networks is host; translation-rules D.4 tests "contains a host network".
    if (Network.isHostNetworking(networks)) {
      return new PodNetworking(Kind.HOST, networks);
    }
    if (networks.stream().anyMatch(n -> n.modeOrDefault() == NetworkMode.BRIDGE)) {
      return new PodNetworking(Kind.BRIDGE, networks);
    }
    return new PodNetworking(Kind.CONTAINER, networks);
  }

  Kind kind() {
    return kind;
  }

  /** Whether ports are host ports: a host network, or none (G7). */
  boolean isHost() {
    return kind == Kind.HOST;
  }

  List<Network> networks() {
    return networks;
  }

  /** The names of the pod's container networks, in pod order (empty for host and bridge). */
  List<String> containerNetworkNames() {
    return networks.stream()
        .filter(n -> n.modeOrDefault() == NetworkMode.CONTAINER)
        .map(n -> n.name().orElseThrow(() -> new PodTranslationException(
            "a container network has no name; the pod was not normalized")))
        .toList();
  }
}
