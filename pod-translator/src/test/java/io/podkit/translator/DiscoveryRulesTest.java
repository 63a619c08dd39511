package io.podkit.translator;

import static io.podkit.translator.Fixtures.container;
import static io.podkit.translator.Fixtures.hostPorts;
import static io.podkit.translator.Fixtures.labels;
import static io.podkit.translator.Fixtures.onlyTask;
import static io.podkit.translator.Fixtures.pod;
import static io.podkit.translator.Fixtures.task;
import static io.podkit.translator.Fixtures.translate;
import static io.podkit.translator.Fixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

import io.podkit.model.Endpoint;
import io.podkit.model.Network;
import io.podkit.validation.ValidPod;
import java.util.List;
import java.util.Map;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;

/** translation-rules C.7: DiscoveryInfo. */
class DiscoveryRulesTest {
  private static List<Protos.Port> ports(Protos.TaskInfo task) {
    return task.getDiscovery().getPorts().getPortsList();
  }

  @Test
  void c7_nameIsThePodIdReversedAndVisibilityIsFramework() {
    Protos.DiscoveryInfo d = onlyTask(translate(valid(pod("/shop/eu/web", container("a")).build()))).getDiscovery();
    assertThat(d.getName()).isEqualTo("web.eu.shop");
    assertThat(d.getVisibility()).isEqualTo(Protos.DiscoveryInfo.Visibility.FRAMEWORK);
  }

  @Test
  void c7_hostNetworkPublishesTheHostPortPerProtocolWithEndpointLabelsOnlyIfAny() {
    ValidPod pod = valid(pod("/p", container("a")
        .endpoint(Endpoint.builder("dns").hostPort(0).protocol("udp", "tcp").label("VIP_0", "/dns:53").build())
        .endpoint(Endpoint.builder("http").hostPort(0).protocol("tcp").build()))
        .network(Network.host()).build());
    List<Protos.Port> ports = ports(onlyTask(translate(pod, hostPorts("dns", 31053, "http", 31080))));
    assertThat(ports).extracting(Protos.Port::getNumber, Protos.Port::getName, Protos.Port::getProtocol)
        .containsExactly(tuple(31053, "dns", "udp"), tuple(31053, "dns", "tcp"), tuple(31080, "http", "tcp"));
    assertThat(labels(ports.get(0).getLabels())).containsExactly(entry("VIP_0", "/dns:53"));
    assertThat(ports.get(2).hasLabels()).isFalse();
  }

  @Test
  void c7_containerNetworkHostPortIsHostScoped() {
    ValidPod pod = valid(pod("/p", container("a")
        .endpoint(Endpoint.builder("http").containerPort(80).hostPort(0).protocol("tcp").label("k", "v").build()))
        .network(Network.container("dcos")).build());
    Protos.Port port = ports(onlyTask(translate(pod, hostPorts("http", 31080)))).get(0);
    assertThat(port.getNumber()).isEqualTo(31080);
    assertThat(labels(port.getLabels())).containsExactly(entry("k", "v"), entry("network-scope", "host"));
  }

  @Test
  void c7_containerPortOnlyIsPublishedPerProtocolThenPerNetwork() {
    ValidPod pod = valid(pod("/p", container("a")
        .endpoint(Endpoint.builder("http").containerPort(80).protocol("tcp", "udp").build()))
        .network(Network.container("blue")).network(Network.container("green")).build());
    List<Protos.Port> ports = ports(onlyTask(translate(pod, Map.of())));
    assertThat(ports).extracting(Protos.Port::getNumber, Protos.Port::getProtocol,
            p -> labels(p.getLabels()).get("network-name"), p -> labels(p.getLabels()).get("network-scope"))
        .containsExactly(
            tuple(80, "tcp", "blue", "container"), tuple(80, "tcp", "green", "container"),
            tuple(80, "udp", "blue", "container"), tuple(80, "udp", "green", "container"));
  }

  @Test
  void c7_networkNamesRestrictContainerScopedPorts() {
    ValidPod pod = valid(pod("/p", container("a")
        .endpoint(Endpoint.builder("http").containerPort(80).protocol("tcp").networkName("green").build()))
        .network(Network.container("blue")).network(Network.container("green")).build());
    assertThat(ports(onlyTask(translate(pod, Map.of()))))
        .extracting(p -> labels(p.getLabels()).get("network-name")).containsExactly("green");
  }

  @Test
  void c7_bridgeContainerPortOnlyIsNotPublished() {
    ValidPod pod = valid(pod("/p", container("a")
        .endpoint(Endpoint.builder("http").containerPort(80).hostPort(0).protocol("tcp").build()))
        .network(Network.bridge()).build());
    // normalization gives a bridge endpoint hostPort 0, so it is host-scoped
    Protos.Port port = ports(onlyTask(translate(pod, hostPorts("http", 31080)))).get(0);
    assertThat(port.getNumber()).isEqualTo(31080);
    assertThat(labels(port.getLabels())).containsExactly(entry("network-scope", "host"));
  }

  @Test
  void c7_anEndpointWithoutProtocolsPublishesNothing() {
    ValidPod pod = valid(pod("/p", container("a").endpoint(Endpoint.builder("http").hostPort(0).build())).build());
    Protos.DiscoveryInfo d = onlyTask(translate(pod, hostPorts("http", 31080))).getDiscovery();
    assertThat(d.hasPorts()).isTrue();
    assertThat(d.getPorts().getPortsList()).isEmpty();
  }

  @Test
  void c7_onlyThisContainersEndpoints() {
    ValidPod pod = valid(pod("/p",
        container("a").endpoint(Endpoint.builder("a").hostPort(0).protocol("tcp").build()),
        container("b").endpoint(Endpoint.builder("b").hostPort(0).protocol("tcp").build())).build());
    Translation t = translate(pod, hostPorts("a", 31001, "b", 31002));
    assertThat(ports(task(t, "a"))).extracting(Protos.Port::getName).containsExactly("a");
    assertThat(ports(task(t, "b"))).extracting(Protos.Port::getName).containsExactly("b");
  }
}
