package io.podkit.validation;

import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.Network;
import io.podkit.model.NetworkMode;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Container endpoints against each other and against the pod's networks, on the pod as written
 * (before normalization adds default host ports and network names), as Marathon evaluates them:
 * unique names and non-zero ports across all containers (V-28..V-30), network names that exist
 * (V-45), container ports by network mode (V-46, V-47), distinct protocols (V-48) and one network
 * name per host-port endpoint when there are several container networks (V-49).
 *
 * <p>Marathon reported the uniqueness rules once at {@code /}; podkit reports each repeated value at
 * its own path, from its second occurrence on, so a user sees which endpoint to change.
 */
final class EndpointRules implements RuleGroup {
  @Override
  public void check(Pod pod, Findings findings) {
    List<Network> networks = pod.networks();
    // V-45: explicit names only; the configured default network name is filled in later and does not count
    Set<String> networkNames = new LinkedHashSet<>();
    networks.forEach(n -> n.name().ifPresent(networkNames::add));
    String declared = String.join(",", networkNames);
    boolean anyHost = networks.stream().anyMatch(n -> n.modeOrDefault() == NetworkMode.HOST);
    boolean anyContainer = networks.stream().anyMatch(n -> n.modeOrDefault() == NetworkMode.CONTAINER);
    boolean severalContainer =
        networks.stream().filter(n -> n.modeOrDefault() == NetworkMode.CONTAINER).count() > 1;

    Set<String> names = new HashSet<>();
    Set<Integer> containerPorts = new HashSet<>();
    Set<Integer> hostPorts = new HashSet<>();
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      List<Endpoint> endpoints = containers.get(i).endpoints();
      for (int j = 0; j < endpoints.size(); j++) {
        Endpoint e = endpoints.get(j);
        PodPath at = PodPath.of("containers", i, "endpoints", j);
        // V-28
        if (!names.add(e.name())) {
          findings.add(Rule.ENDPOINT_NAMES_UNIQUE, at.field("name"));
        }
        // V-29
        if (repeatsNonZero(e.containerPort(), containerPorts)) {
          findings.add(Rule.CONTAINER_PORTS_UNIQUE, at.field("containerPort"));
        }
        // V-30
        if (repeatsNonZero(e.hostPort(), hostPorts)) {
          findings.add(Rule.HOST_PORTS_UNIQUE, at.field("hostPort"));
        }
        // V-45
        List<String> endpointNetworks = e.networkNames();
        for (int k = 0; k < endpointNetworks.size(); k++) {
          if (!networkNames.contains(endpointNetworks.get(k))) {
            findings.add(Rule.ENDPOINT_NETWORK_NAMES, at.field("networkNames").index(k), declared);
          }
        }
        // V-46
        if (anyHost && e.containerPort().isPresent()) {
          findings.add(Rule.CONTAINER_PORT_HOST_MODE, at.field("containerPort"));
        }
        // V-47
        if (anyContainer && e.containerPort().isEmpty()) {
          findings.add(Rule.CONTAINER_PORT_REQUIRED, at.field("containerPort"));
        }
        // V-48
        if (new HashSet<>(e.protocol()).size() != e.protocol().size()) {
          findings.add(Rule.ENDPOINT_PROTOCOLS_DUPLICATE, at.field("protocol"));
        }
        // V-49: any hostPort counts, 0 included; an endpoint without one is exempt
        if (severalContainer && e.hostPort().isPresent() && endpointNetworks.size() != 1) {
          findings.add(Rule.ENDPOINT_NETWORK_NAMES_SINGLE, at);
        }
      }
    }
  }

  /** Whether {@code port} is non-zero and already in {@code seen}; adds it otherwise. */
  private static boolean repeatsNonZero(Optional<Integer> port, Set<Integer> seen) {
    return port.filter(p -> p != 0).map(p -> !seen.add(p)).orElse(false);
  }
}
