package io.podkit.translator;

import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.Protos;

/**
 * The pod's port mappings (translation-rules D.2): one per endpoint with a host port and per
 * protocol, in container order and then endpoint order. They go on the executor's NetworkInfos,
 * which all tasks share.
 */
final class PortMappings {
  /** The mappings of one endpoint, kept together because networks select them by endpoint. */
  record EndpointMappings(Endpoint endpoint, List<Protos.NetworkInfo.PortMapping> mappings) {}

  private PortMappings() {}

  static List<EndpointMappings> of(Pod pod, HostPorts hostPorts) {
    List<EndpointMappings> out = new ArrayList<>();
    for (Container c : pod.containers()) {
      for (Endpoint e : c.endpoints()) {
        // D.2.2: only endpoints with a host port are mapped
        Optional<Integer> hostPort = hostPorts.of(e);
        if (hostPort.isEmpty()) {
          continue;
        }
        // D.2.2 / G15: an absent or 0 containerPort maps the host port to itself
        int containerPort = e.containerPort().filter(p -> p != 0).orElse(hostPort.get());
        Protos.NetworkInfo.PortMapping.Builder base = Protos.NetworkInfo.PortMapping.newBuilder()
            .setHostPort(hostPort.get())
            .setContainerPort(containerPort);
        List<Protos.NetworkInfo.PortMapping> mappings = new ArrayList<>();
        if (e.protocol().isEmpty()) {
          // D.2.2: no protocol list gives one mapping without protocol (Mesos default tcp)
          mappings.add(base.build());
        } else {
          for (String protocol : e.protocol()) {
            mappings.add(base.clone().setProtocol(protocol).build());
          }
        }
        out.add(new EndpointMappings(e, mappings));
      }
    }
    return out;
  }
}
