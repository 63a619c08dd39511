package io.podkit.translator;

import static io.podkit.translator.Fixtures.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.podkit.model.Container;
import io.podkit.model.Pod;
import io.podkit.translator.offer.ResourceMatch;
import io.podkit.validation.PodValidator;
import io.podkit.validation.ValidPod;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** translation-rules C.8: the minimal pod, field by field. */
@SuppressWarnings("deprecation") // C.8 names the deprecated role and source fields
class WorkedExampleTest {
  private static final OffsetDateTime V = OffsetDateTime.of(2017, 1, 24, 17, 21, 53, 912_000_000, ZoneOffset.UTC);
  private static final String U = Fixtures.UUID_V1.toString();
  private static final String EXECUTOR_ID = "instance-product_frontend." + U;
  private static final String TASK_ID = "product_frontend.instance-" + U + ".web.1";

  private static Translation translation;

  @BeforeAll
  static void translate() {
    Pod pod = Pod.builder("/product/frontend")
        .role("*")
        .version(V)
        .container(Container.builder("web").resources(1.0, 128))
        .build();
    ValidPod valid = PodValidator.withDefaults().validate(pod).orElseThrow();
    Protos.Offer offer = Protos.Offer.newBuilder()
        .setId(Protos.OfferID.newBuilder().setValue("offer-1"))
        .setFrameworkId(Protos.FrameworkID.newBuilder().setValue("marathon"))
        .setSlaveId(Protos.SlaveID.newBuilder().setValue("slave0"))
        .setHostname("localhost")
        .addResources(scalar("cpus", 1.1))
        .addResources(scalar("mem", 160))
        .addResources(scalar("disk", 10))
        .addResources(Fixtures.ports(List.of(31000L, 32000L)))
        .build();
    ResourceMatch match = new ResourceMatch(
        List.of(scalar("cpus", 0.1), scalar("mem", 32), scalar("disk", 10)),
        List.of(List.of(scalar("cpus", 1.0), scalar("mem", 128))),
        List.of(),
        Map.of(),
        List.of());
    translation = new TaskGroupTranslator(TranslationConfig.DEFAULT)
        .translate(valid, offer, match, new InstanceId("/product/frontend", Fixtures.UUID_V1));
  }

  @Test
  void operationIsOneLaunchGroup() {
    Protos.Offer.Operation op = translation.launchGroup();
    assertThat(op.getType()).isEqualTo(Protos.Offer.Operation.Type.LAUNCH_GROUP);
    assertThat(op.getLaunchGroup().getExecutor()).isEqualTo(translation.executor());
    assertThat(op.getLaunchGroup().getTaskGroup()).isEqualTo(translation.taskGroup());
  }

  @Test
  void executor() {
    Protos.ExecutorInfo executor = translation.executor();
    assertThat(executor.getType()).isEqualTo(Protos.ExecutorInfo.Type.DEFAULT);
    assertThat(executor.getExecutorId().getValue()).isEqualTo(EXECUTOR_ID);
    assertThat(executor.getFrameworkId().getValue()).isEqualTo("marathon");
    assertThat(executor.getResourcesList())
        .extracting(Protos.Resource::getName, r -> r.getScalar().getValue(), Protos.Resource::getRole)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("cpus", 0.1, "*"),
            org.assertj.core.groups.Tuple.tuple("mem", 32.0, "*"),
            org.assertj.core.groups.Tuple.tuple("disk", 10.0, "*"));
    assertThat(executor.getContainer().getType()).isEqualTo(Protos.ContainerInfo.Type.MESOS);
    assertThat(executor.getContainer().getLinuxInfo().hasShareCgroups()).isTrue();
    assertThat(executor.getContainer().getLinuxInfo().getShareCgroups()).isFalse();
    assertThat(executor.getContainer().getNetworkInfosList()).isEmpty();
    assertThat(executor.hasLabels()).isTrue();
    assertThat(executor.getLabels().getLabelsList()).isEmpty();
    // B.8: not set
    assertThat(executor.hasCommand()).isFalse();
    assertThat(executor.hasName()).isFalse();
    assertThat(executor.hasSource()).isFalse();
    assertThat(executor.hasDiscovery()).isFalse();
    assertThat(executor.hasShutdownGracePeriod()).isFalse();
    assertThat(executor.getContainer().hasMesos()).isFalse();
  }

  @Test
  void oneTaskWithIdentityAndResources() {
    assertThat(translation.taskGroup().getTasksCount()).isEqualTo(1);
    Protos.TaskInfo task = translation.taskGroup().getTasks(0);
    assertThat(task.getName()).isEqualTo("web");
    assertThat(task.getTaskId().getValue()).isEqualTo(TASK_ID);
    assertThat(task.getSlaveId().getValue()).isEqualTo("slave0");
    assertThat(task.getResourcesList())
        .extracting(Protos.Resource::getName, r -> r.getScalar().getValue(), Protos.Resource::getRole)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("cpus", 1.0, "*"),
            org.assertj.core.groups.Tuple.tuple("mem", 128.0, "*"));
    assertThat(task.hasLabels()).isFalse();
    assertThat(task.getLimitsMap()).isEmpty();
    assertThat(task.hasHealthCheck()).isFalse();
    assertThat(task.hasCheck()).isFalse();
    assertThat(task.hasKillPolicy()).isFalse();
    assertThat(task.hasExecutor()).isFalse();
  }

  @Test
  void commandRunsTheImageEntrypointWithTwelveVariables() {
    Protos.CommandInfo command = translation.taskGroup().getTasks(0).getCommand();
    assertThat(command.hasShell()).isTrue();
    assertThat(command.getShell()).isFalse();
    assertThat(command.hasValue()).isFalse();
    assertThat(command.getArgumentsList()).isEmpty();
    assertThat(command.hasUser()).isFalse();
    assertThat(command.getUrisList()).isEmpty();
    assertThat(Fixtures.env(translation.taskGroup().getTasks(0))).containsOnly(
        entry("HOST", "localhost"),
        entry("MESOS_TASK_ID", TASK_ID),
        entry("MESOS_EXECUTOR_ID", EXECUTOR_ID),
        entry("MARATHON_APP_ID", "/product/frontend"),
        entry("MARATHON_APP_VERSION", "2017-01-24T17:21:53.912Z"),
        entry("MARATHON_CONTAINER_ID", "web"),
        entry("MARATHON_APP_ENFORCE_GROUP_ROLE", "FALSE"),
        entry("MARATHON_CONTAINER_RESOURCE_CPUS", "1.0"),
        entry("MARATHON_CONTAINER_RESOURCE_MEM", "128.0"),
        entry("MARATHON_CONTAINER_RESOURCE_DISK", "0.0"),
        entry("MARATHON_CONTAINER_RESOURCE_GPUS", "0"),
        entry("MARATHON_APP_LABELS", ""));
    assertThat(command.getEnvironment().getVariablesCount()).isEqualTo(12);
  }

  @Test
  void containerIsMesosWithCgroupsNotShared() {
    Protos.ContainerInfo container = translation.taskGroup().getTasks(0).getContainer();
    assertThat(container.getType()).isEqualTo(Protos.ContainerInfo.Type.MESOS);
    assertThat(container.getLinuxInfo().hasShareCgroups()).isTrue();
    assertThat(container.getLinuxInfo().getShareCgroups()).isFalse();
    assertThat(container.getVolumesList()).isEmpty();
    assertThat(container.hasMesos()).isFalse();
    assertThat(container.hasTtyInfo()).isFalse();
    assertThat(container.getNetworkInfosList()).isEmpty();
  }

  @Test
  void discoveryIsNamedAfterThePodWithNoPorts() {
    Protos.DiscoveryInfo discovery = translation.taskGroup().getTasks(0).getDiscovery();
    assertThat(discovery.getName()).isEqualTo("frontend.product");
    assertThat(discovery.getVisibility()).isEqualTo(Protos.DiscoveryInfo.Visibility.FRAMEWORK);
    assertThat(discovery.hasPorts()).isTrue();
    assertThat(discovery.getPorts().getPortsList()).isEmpty();
  }

  @Test
  void taskNetworkInfoHasTheHostnameAndNoPorts() {
    assertThat(translation.networkInfos()).containsExactly(
        new TaskNetworkInfo(TASK_ID, "web", "localhost", List.of()));
  }
}
