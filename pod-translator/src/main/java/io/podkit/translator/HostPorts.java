package io.podkit.translator;

import com.google.common.collect.ImmutableMap;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.Pod;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The host port allocated to each endpoint (translation-rules E.3 {@code hostPorts}), checked against
 * the pod: an endpoint that asked for a host port has exactly one, a static one got the port it named,
 * and the match names no endpoint the pod does not have. A mismatch means the match was made for
 * another pod.
 */
final class HostPorts {
  private final Map<String, Integer> byEndpoint;

  private HostPorts(Map<String, Integer> byEndpoint) {
    this.byEndpoint = ImmutableMap.copyOf(byEndpoint);
  }

  static HostPorts of(Pod pod, Map<String, Integer> allocated) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    for (Container c : pod.containers()) {
      for (Endpoint e : c.endpoints()) {
        names.add(e.name());
        Integer port = allocated.get(e.name());
        if (e.hostPort().isPresent()) {
          int asked = e.hostPort().get();
          if (port == null) {
            throw new PodTranslationException("the resource match has no host port for endpoint '"
                + e.name() + "' of container '" + c.name() + "'");
          }
          if (asked != 0 && port != asked) {
            throw new PodTranslationException("endpoint '" + e.name() + "' asked for host port " + asked
                + " but the resource match allocated " + port);
          }
          ports.put(e.name(), port);
        } else if (port != null) {
          throw new PodTranslationException("the resource match allocates host port " + port
              + " to endpoint '" + e.name() + "', which asked for none");
        }
      }
    }
    for (String name : allocated.keySet()) {
      if (!names.contains(name)) {
        throw new PodTranslationException("the resource match allocates a host port to endpoint '" + name
            + "', which pod " + pod.id() + " does not have");
      }
    }
    return new HostPorts(ports);
  }

  /** The host port allocated to {@code endpoint}, if it asked for one. */
  Optional<Integer> of(Endpoint endpoint) {
    return Optional.ofNullable(byEndpoint.get(endpoint.name()));
  }

  /** The host ports of {@code container}'s endpoints that asked for one, in endpoint order (A.2). */
  List<Integer> of(Container container) {
    return container.endpoints().stream().map(this::of).flatMap(Optional::stream).toList();
  }
}
