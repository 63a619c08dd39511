package io.podkit.translator;

import static io.podkit.translator.Fixtures.container;
import static io.podkit.translator.Fixtures.hostPorts;
import static io.podkit.translator.Fixtures.labels;
import static io.podkit.translator.Fixtures.pod;
import static io.podkit.translator.Fixtures.translate;
import static io.podkit.translator.Fixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

import io.podkit.model.Endpoint;
import io.podkit.model.Network;
import io.podkit.validation.ValidPod;
import io.podkit.validation.ValidationConfig;
import java.util.List;
import java.util.Map;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;

/** translation-rules D: the executor's NetworkInfos and port mappings. */
class NetworkRulesTest {
  private static List<Protos.NetworkInfo> networkInfos(Translation t) {
    return t.executor().getContainer().getNetworkInfosList();
  }

  @Test
  void d3_hostNetworkHasNoNetworkInfo() {
    ValidPod pod = valid(pod("/p", container("a").endpoint(Endpoint.builder("http").hostPort(0).build()))
        .network(Network.host()).build());
    assertThat(networkInfos(translate(pod, hostPorts("http", 31000)))).isEmpty();
  }

  @Test
  void d3_noNetworksHasNoNetworkInfo() {
    ValidPod pod = valid(pod("/p", container("a").endpoint(Endpoint.builder("http").hostPort(0).build())).build());
    assertThat(networkInfos(translate(pod, hostPorts("http", 31000)))).isEmpty();
  }

  @Test
  void d3_bridgeIsNamedAfterTheConfiguredBridgeWithItsLabelsAndEveryMapping() {
    ValidPod pod = valid(pod("/p",
        container("a").endpoint(Endpoint.builder("a").containerPort(80).hostPort(0).build()),
        container("b").endpoint(Endpoint.builder("b").containerPort(90).hostPort(31500).build()))
        .network(Network.bridge().withLabels(Map.of("team", "web"))).build());
    Map<String, Integer> ports = hostPorts("a", 31000, "b", 31500);
    Protos.NetworkInfo bridge = networkInfos(translate(pod, ports)).get(0);
    assertThat(bridge.getName()).isEqualTo("mesos-bridge");
    assertThat(labels(bridge.getLabels())).containsExactly(entry("team", "web"));
    assertThat(bridge.getPortMappingsList())
        .extracting(Protos.NetworkInfo.PortMapping::getHostPort, Protos.NetworkInfo.PortMapping::getContainerPort)
        .containsExactly(tuple(31000, 80), tuple(31500, 90));
    assertThat(networkInfos(translate(TranslationConfig.DEFAULT.withBridgeName("cni0"), pod, ports)).get(0).getName())
        .isEqualTo("cni0");
  }

  @Test
  void d3_eachContainerNetworkHasItsNameAndLabelsEvenEmpty() {
    ValidPod pod = valid(pod("/p", container("a"))
        .network(Network.container("blue").withLabels(Map.of("zone", "a"))).network(Network.container("green"))
        .build());
    List<Protos.NetworkInfo> infos = networkInfos(translate(pod));
    assertThat(infos).extracting(Protos.NetworkInfo::getName).containsExactly("blue", "green");
    assertThat(labels(infos.get(0).getLabels())).containsExactly(entry("zone", "a"));
    assertThat(infos.get(1).hasLabels()).isTrue();
    assertThat(infos.get(1).getLabels().getLabelsList()).isEmpty();
    assertThat(infos).allSatisfy(info -> {
      assertThat(info.getIpAddressesList()).isEmpty();
      assertThat(info.getGroupsList()).isEmpty();
    });
  }

  @Test
  void d3_theDefaultNetworkNameFillsAnUnnamedContainerNetwork() {
    ValidPod pod = valid(pod("/p", container("a")).network(new Network(java.util.Optional.empty(),
        java.util.Optional.empty(), Map.of())).build(), ValidationConfig.DEFAULT.withDefaultNetworkName("dcos"));
    assertThat(networkInfos(translate(pod))).extracting(Protos.NetworkInfo::getName).containsExactly("dcos");
  }

  @Test
  void d3_aMappingWhoseEndpointNamesNoNetworkGoesOnTheContainerNetwork() {
    // validation (V-49) allows a host port without networkNames only with a single container network
    ValidPod pod = valid(pod("/p", container("a")
        .endpoint(Endpoint.builder("any").containerPort(80).hostPort(0).build())
        .endpoint(Endpoint.builder("named").containerPort(90).hostPort(0).networkName("blue").build()))
        .network(Network.container("blue")).build());
    assertThat(networkInfos(translate(pod, hostPorts("any", 31001, "named", 31002))).get(0).getPortMappingsList())
        .extracting(Protos.NetworkInfo.PortMapping::getHostPort).containsExactly(31001, 31002);
  }

  @Test
  void d3_mappingsWithNetworkNamesAreOnlyOnThoseNetworks() {
    ValidPod pod = valid(pod("/p", container("a")
        .endpoint(Endpoint.builder("b").containerPort(80).hostPort(0).networkName("blue").build())
        .endpoint(Endpoint.builder("g").containerPort(90).hostPort(0).networkName("green").build()))
        .network(Network.container("blue")).network(Network.container("green")).build());
    List<Protos.NetworkInfo> infos = networkInfos(translate(pod, hostPorts("b", 31001, "g", 31002)));
    assertThat(infos.get(0).getPortMappingsList()).extracting(Protos.NetworkInfo.PortMapping::getContainerPort)
        .containsExactly(80);
    assertThat(infos.get(1).getPortMappingsList()).extracting(Protos.NetworkInfo.PortMapping::getContainerPort)
        .containsExactly(90);
  }

  @Test
  void d2_oneMappingPerProtocolAndOneWithoutProtocolWhenNoneIsListed() {
    ValidPod pod = valid(pod("/p", container("a")
        .endpoint(Endpoint.builder("dns").containerPort(53).hostPort(0).protocol("udp", "tcp").build())
        .endpoint(Endpoint.builder("http").containerPort(80).hostPort(0).build()))
        .network(Network.bridge()).build());
    List<Protos.NetworkInfo.PortMapping> mappings =
        networkInfos(translate(pod, hostPorts("dns", 31053, "http", 31080))).get(0).getPortMappingsList();
    assertThat(mappings).extracting(Protos.NetworkInfo.PortMapping::getHostPort,
            Protos.NetworkInfo.PortMapping::getContainerPort, Protos.NetworkInfo.PortMapping::getProtocol)
        .containsExactly(tuple(31053, 53, "udp"), tuple(31053, 53, "tcp"), tuple(31080, 80, ""));
    assertThat(mappings.get(2).hasProtocol()).isFalse();
  }

  @Test
  void d2_anAbsentContainerPortMapsTheHostPortToItself() {
    ValidPod pod = valid(pod("/p", container("a").endpoint(Endpoint.builder("http").build()))
        .network(Network.bridge()).build());
    Protos.NetworkInfo.PortMapping mapping =
        networkInfos(translate(pod, hostPorts("http", 31080))).get(0).getPortMappings(0);
    assertThat(mapping.getHostPort()).isEqualTo(31080);
    assertThat(mapping.getContainerPort()).isEqualTo(31080);
  }

  @Test
  void d2_endpointsWithoutHostPortAreNotMapped() {
    ValidPod pod = valid(pod("/p", container("a").endpoint(Endpoint.builder("http").containerPort(80).build()))
        .network(Network.container("dcos")).build());
    assertThat(networkInfos(translate(pod)).get(0).getPortMappingsList()).isEmpty();
  }

  @Test
  void d4_tasksNeverGetNetworkInfos() {
    ValidPod pod = valid(pod("/p", container("a"), container("b")).network(Network.container("dcos")).build());
    assertThat(translate(pod).taskGroup().getTasksList())
        .allSatisfy(task -> assertThat(task.getContainer().getNetworkInfosList()).isEmpty());
  }
}
