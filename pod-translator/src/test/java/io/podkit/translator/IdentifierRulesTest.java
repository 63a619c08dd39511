package io.podkit.translator;

import static io.podkit.translator.Fixtures.container;
import static io.podkit.translator.Fixtures.hostPorts;
import static io.podkit.translator.Fixtures.match;
import static io.podkit.translator.Fixtures.offer;
import static io.podkit.translator.Fixtures.pod;
import static io.podkit.translator.Fixtures.translate;
import static io.podkit.translator.Fixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podkit.model.Endpoint;
import io.podkit.model.Network;
import io.podkit.translator.offer.ResourceMatch;
import io.podkit.validation.ValidPod;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.mesos.Protos;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** translation-rules A: identifiers, and what the inputs must agree on. */
class IdentifierRulesTest {
  private static final ValidPod TWO = valid(pod("/product/frontend", container("web"), container("sidecar")).build());

  /** The safe id as the rule states it: the id's non-empty segments joined with underscores. */
  @Property(tries = 2000)
  void safePodIdJoinsTheNonEmptySegmentsWithUnderscores(@ForAll("podIds") String podId) {
    String expected = String.join("_", Arrays.stream(podId.split("/")).filter(s -> !s.isEmpty()).toList());
    assertThat(InstanceId.safePodId(podId)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> podIds() {
    return Arbitraries.strings().withChars("ab_/-.").ofMaxLength(12);
  }

  @Test
  void a3_executorIdIsInstancePrefixThenSafePodIdThenUuid() {
    Translation t = translate(TWO);
    assertThat(t.executor().getExecutorId().getValue())
        .isEqualTo("instance-product_frontend.3f0c6e1a-1d2b-11ef-9c41-0242ac120002");
  }

  @Test
  void a4_taskIdIsInstanceIdThenContainerNameThenIncarnationOne() {
    Translation t = translate(TWO);
    assertThat(t.taskGroup().getTasksList()).extracting(task -> task.getTaskId().getValue()).containsExactly(
        "product_frontend.instance-3f0c6e1a-1d2b-11ef-9c41-0242ac120002.web.1",
        "product_frontend.instance-3f0c6e1a-1d2b-11ef-9c41-0242ac120002.sidecar.1");
  }

  @Test
  void a4_taskIdsParseBackToInstanceAndContainer() {
    Translation t = translate(TWO);
    for (Protos.TaskInfo task : t.taskGroup().getTasksList()) {
      InstanceId.TaskRef ref = InstanceId.parseTaskId(task.getTaskId().getValue()).orElseThrow();
      assertThat(ref.containerName()).isEqualTo(task.getName());
      assertThat(ref.instanceIdString()).isEqualTo(t.instanceId().idString());
      assertThat(ref.incarnation()).isEqualTo(1);
    }
  }

  @Test
  void a5_taskNameIsTheContainerNameAndTasksFollowContainerOrder() {
    Translation t = translate(TWO);
    assertThat(t.taskGroup().getTasksList()).extracting(Protos.TaskInfo::getName).containsExactly("web", "sidecar");
  }

  @Test
  void a5_agentIdAndFrameworkIdComeFromTheOffer() {
    Translation t = translate(TWO);
    assertThat(t.taskGroup().getTasksList()).extracting(task -> task.getSlaveId().getValue())
        .containsOnly(Fixtures.AGENT);
    assertThat(t.executor().getFrameworkId().getValue()).isEqualTo(Fixtures.FRAMEWORK);
  }

  @Test
  @SuppressWarnings("deprecation") // source is deprecated, and must stay unset
  void a5_executorHasNoNameSourceCommandOrDiscovery() {
    Protos.ExecutorInfo executor = translate(TWO).executor();
    assertThat(executor.hasName()).isFalse();
    assertThat(executor.hasSource()).isFalse();
    assertThat(executor.hasCommand()).isFalse();
    assertThat(executor.hasDiscovery()).isFalse();
  }

  @Test
  void a2_taskNetworkInfoHasTheHostnameAndTheContainersAllocatedHostPortsInEndpointOrder() {
    ValidPod pod = valid(pod("/net",
        container("a")
            .endpoint(Endpoint.builder("a1").containerPort(80).hostPort(0).build())
            .endpoint(Endpoint.builder("a2").containerPort(81).build())
            .endpoint(Endpoint.builder("a3").containerPort(82).hostPort(31500).build()),
        container("b").endpoint(Endpoint.builder("b1").containerPort(90).hostPort(0).build()))
        .network(Network.container("dcos")).build());
    Translation t = translate(pod, hostPorts("a1", 31007, "a3", 31500, "b1", 31002));
    assertThat(t.networkInfos()).containsExactly(
        new TaskNetworkInfo(t.instanceId().taskId("a"), "a", Fixtures.HOSTNAME, List.of(31007, 31500)),
        new TaskNetworkInfo(t.instanceId().taskId("b"), "b", Fixtures.HOSTNAME, List.of(31002)));
  }

  @Test
  void a4_relaunchUsesTheGivenTaskIds() {
    InstanceId id = Fixtures.instance(TWO);
    Translation t = new TaskGroupTranslator(TranslationConfig.DEFAULT).translate(TWO, offer(), match(TWO, Map.of()),
        id, Map.of("web", id.taskId("web", 2), "sidecar", id.taskId("sidecar", 7)));
    assertThat(t.taskGroup().getTasksList()).extracting(task -> task.getTaskId().getValue())
        .containsExactly(id.taskId("web", 2), id.taskId("sidecar", 7));
    assertThat(Fixtures.env(Fixtures.task(t, "sidecar"))).containsEntry("MESOS_TASK_ID", id.taskId("sidecar", 7));
  }

  @Test
  void anInstanceOfAnotherPodIsRejected() {
    InstanceId other = new InstanceId("/other", Fixtures.UUID_V1);
    assertThatThrownBy(() -> new TaskGroupTranslator(TranslationConfig.DEFAULT)
        .translate(TWO, offer(), match(TWO, Map.of()), other))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("not an instance of pod /product/frontend");
  }

  @Test
  void aMatchForAnotherNumberOfContainersIsRejected() {
    ResourceMatch m = match(TWO, Map.of());
    ResourceMatch oneContainer = new ResourceMatch(m.executorResources(), m.containerResources().subList(0, 1),
        m.portResources(), m.hostPorts(), m.volumeResources());
    assertThatThrownBy(() -> new TaskGroupTranslator(TranslationConfig.DEFAULT)
        .translate(TWO, offer(), oneContainer, Fixtures.instance(TWO)))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("resources for 1 containers");
  }

  @Test
  void aMatchWithoutTheHostPortAnEndpointAskedForIsRejected() {
    ValidPod pod = valid(pod("/p", container("a").endpoint(Endpoint.builder("http").build())).build());
    assertThatThrownBy(() -> translate(pod, Map.of()))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("no host port for endpoint 'http'");
    assertThatThrownBy(() -> translate(pod, hostPorts("http", 31000, "ghost", 31001)))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("'ghost'");
  }

  @Test
  void aMatchThatMovedAStaticHostPortIsRejected() {
    ValidPod pod = valid(pod("/p", container("a").endpoint(Endpoint.builder("http").hostPort(31500).build())).build());
    assertThatThrownBy(() -> translate(pod, hostPorts("http", 31501)))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("asked for host port 31500");
  }

  @Test
  void theInstanceUuidIsUsedVerbatim() {
    UUID random = UUID.fromString("9b2d4c2e-6f55-4a8e-8d3b-0c1e2f3a4b5c");
    Translation t = new TaskGroupTranslator(TranslationConfig.DEFAULT)
        .translate(TWO, offer(), match(TWO, Map.of()), new InstanceId("/product/frontend", random));
    assertThat(t.executor().getExecutorId().getValue()).isEqualTo("instance-product_frontend." + random);
  }
}
