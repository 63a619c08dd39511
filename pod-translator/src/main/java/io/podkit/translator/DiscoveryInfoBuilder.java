package io.podkit.translator;

import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.Pod;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.Protos;

/**
 * A task's {@code DiscoveryInfo} (translation-rules C.7): always present, named after the pod, with
 * one port per endpoint of the container and protocol (and, for container-network ports, per
 * network). Service discovery (Mesos-DNS, Minuteman) reads the {@code network-scope} labels.
 */
final class DiscoveryInfoBuilder {
  static final String NETWORK_SCOPE = "network-scope";
  static final String NETWORK_NAME = "network-name";

  private final String name;
  private final PodNetworking networking;
  private final HostPorts hostPorts;

  DiscoveryInfoBuilder(Pod pod, PodNetworking networking, HostPorts hostPorts) {
    this.name = discoveryName(pod.id());
    this.networking = networking;
    this.hostPorts = hostPorts;
  }

  Protos.DiscoveryInfo build(Container container) {
    Protos.Ports.Builder ports = Protos.Ports.newBuilder();
    for (Endpoint e : container.endpoints()) {
      if (networking.isHost()) {
        hostPorts(container, e, ports);
      } else {
        nonHostPorts(e, ports);
      }
    }
    return Protos.DiscoveryInfo.newBuilder()
        .setName(name)
        .setVisibility(Protos.DiscoveryInfo.Visibility.FRAMEWORK)
        // C.7: ports is always set, possibly empty
        .setPorts(ports)
        .build();
  }

  /** C.7 host branch, which G7 extends to pods without networks: host ports, no scope label. */
  private void hostPorts(Container container, Endpoint e, Protos.Ports.Builder ports) {
    int hostPort = hostPorts.of(e).orElseThrow(() -> new PodTranslationException("container '"
        + container.name() + "': endpoint '" + e.name() + "' of a host-network pod has no host port"));
    for (String protocol : e.protocol()) {
      Protos.Port.Builder port = port(e, hostPort, protocol);
      if (!e.labels().isEmpty()) {
        port.setLabels(MesosLabels.of(e.labels()));
      }
      ports.addPorts(port);
    }
  }

  /** C.7 container and bridge networks. */
  private void nonHostPorts(Endpoint e, Protos.Ports.Builder ports) {
    Optional<Integer> hostPort = hostPorts.of(e);
    if (hostPort.isPresent()) {
      // C.7: a host port is reachable on the agent. A bridge endpoint without containerPort maps the
      // host port to itself (D.2, G15); Marathon threw here, podkit publishes it like any host port.
      for (String protocol : e.protocol()) {
        ports.addPorts(port(e, hostPort.get(), protocol)
            .setLabels(MesosLabels.of(labels(e, Map.of(NETWORK_SCOPE, "host")))));
      }
    } else if (e.containerPort().isPresent()) {
      // C.7: a container port only, once per network it is on; protocol outer, network inner.
      // Bridge networks have no names, so such an endpoint is not published (G17).
      List<String> networks = e.networkNames().isEmpty() ? networking.containerNetworkNames() : e.networkNames();
      for (String protocol : e.protocol()) {
        for (String network : networks) {
          Map<String, String> extra = new LinkedHashMap<>();
          extra.put(NETWORK_SCOPE, "container");
          extra.put(NETWORK_NAME, network);
          ports.addPorts(port(e, e.containerPort().get(), protocol).setLabels(MesosLabels.of(labels(e, extra))));
        }
      }
    } else {
      // Only a container network endpoint without containerPort gets here, which validation rejects (V-47).
      throw new PodTranslationException("endpoint '" + e.name() + "' has neither a containerPort nor a host port");
    }
  }

  private static Protos.Port.Builder port(Endpoint e, int number, String protocol) {
    return Protos.Port.newBuilder().setNumber(number).setName(e.name()).setProtocol(protocol);
  }

  /** The endpoint's labels with {@code extra} over them. */
  private static Map<String, String> labels(Endpoint e, Map<String, String> extra) {
    Map<String, String> labels = new LinkedHashMap<>(e.labels());
    labels.putAll(extra);
    return labels;
  }

  /**
   * C.7: the pod id's segments in reverse order, joined with dots: {@code /product/frontend} becomes
   * {@code frontend.product}.
   */
  static String discoveryName(String podId) {
    List<String> segments = Pod.idSegments(podId);
    Collections.reverse(segments);
    return String.join(".", segments);
  }
}
