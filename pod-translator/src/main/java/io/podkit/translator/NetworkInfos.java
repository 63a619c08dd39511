package io.podkit.translator;

import io.podkit.model.Network;
import io.podkit.model.NetworkMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.Protos;

/**
 * The executor's NetworkInfos (translation-rules D.3), which every task of the group joins; tasks
 * carry none of their own (D.4).
 */
final class NetworkInfos {
  private NetworkInfos() {}

  static List<Protos.NetworkInfo> of(
      PodNetworking networking, List<PortMappings.EndpointMappings> mappings, String bridgeName) {
    List<Protos.NetworkInfo> out = new ArrayList<>();
    if (networking.isHost()) {
      // D.3 host, and G7: no networks at all is host too; neither gets a NetworkInfo
      return out;
    }
    for (Network network : networking.networks()) {
      Protos.NetworkInfo.Builder info = Protos.NetworkInfo.newBuilder()
          .setLabels(MesosLabels.of(network.labels()));
      if (network.modeOrDefault() == NetworkMode.BRIDGE) {
        // D.3 bridge: the configured bridge name, every mapping; networkNames is ignored
        info.setName(bridgeName);
        mappings.forEach(m -> info.addAllPortMappings(m.mappings()));
      } else {
        // D.3 container network N: mappings of endpoints on all networks, or only on N
        String name = network.name().orElseThrow(() -> new PodTranslationException(
            "a container network has no name; the pod was not normalized"));
        info.setName(name);
        for (PortMappings.EndpointMappings m : mappings) {
          if (m.endpoint().networkNames().stream().allMatch(name::equals)) {
            info.addAllPortMappings(m.mappings());
          }
        }
      }
      out.add(info.build());
    }
    return out;
  }
}
