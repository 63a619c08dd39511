package io.podkit.translator;

import static io.podkit.translator.Fixtures.container;
import static io.podkit.translator.Fixtures.env;
import static io.podkit.translator.Fixtures.hostPorts;
import static io.podkit.translator.Fixtures.labels;
import static io.podkit.translator.Fixtures.match;
import static io.podkit.translator.Fixtures.offer;
import static io.podkit.translator.Fixtures.onlyTask;
import static io.podkit.translator.Fixtures.pod;
import static io.podkit.translator.Fixtures.task;
import static io.podkit.translator.Fixtures.translate;
import static io.podkit.translator.Fixtures.valid;
import static io.podkit.translator.Fixtures.variable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podkit.model.Check;
import io.podkit.model.CheckKind;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.HealthCheck;
import io.podkit.model.Image;
import io.podkit.model.Network;
import io.podkit.model.Pod;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import io.podkit.validation.ValidPod;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;

/** One test per Marathon defect podkit fixes (DESIGN.md section 4); each fails on Marathon's behaviour. */
class DesignFixesTest {
  @Test
  void g5_executorNeverSharesCgroups() {
    Translation t = translate(valid(pod("/p", container("a"), container("b")).legacySharedCgroups(true).build()));
    // Marathon wrote true here, which the master rejects (Mesos R45)
    Protos.LinuxInfo executor = t.executor().getContainer().getLinuxInfo();
    assertThat(executor.hasShareCgroups()).isTrue();
    assertThat(executor.getShareCgroups()).isFalse();
    // the tasks keep the pod's setting and agree with each other (R46)
    assertThat(t.taskGroup().getTasksList())
        .allSatisfy(task -> assertThat(task.getContainer().getLinuxInfo().getShareCgroups()).isTrue());
  }

  @Test
  void g7_podWithoutNetworksGetsHostPortEndpointVariables() {
    ValidPod pod = valid(pod("/p", container("a")
        .endpoint(Endpoint.builder("http").containerPort(8080).build())).build());
    // Marathon: ENDPOINT_HTTP=8080, though the process runs in the host namespace on the host port
    assertThat(env(onlyTask(translate(pod, hostPorts("http", 31080)))))
        .containsEntry("ENDPOINT_HTTP", "31080")
        .containsEntry("EP_HOST_HTTP", "31080")
        .containsEntry("EP_CONTAINER_HTTP", "8080");
  }

  @Test
  void g7_podWithoutNetworksKeepsItsHealthCheckOnTheHostPort() {
    ValidPod pod = valid(pod("/p", container("a").endpoint(Endpoint.builder("http").build())
        .healthCheck(HealthCheck.of(CheckKind.http("http", "/health")))).build());
    Protos.TaskInfo task = onlyTask(translate(pod, hostPorts("http", 31080)));
    // Marathon looked for a containerPort, found none, and dropped the health check
    assertThat(task.hasHealthCheck()).isTrue();
    assertThat(task.getHealthCheck().getHttp().getPort()).isEqualTo(31080);
  }

  @Test
  void g7_podWithoutNetworksPublishesHostPortsForDiscovery() {
    ValidPod pod = valid(pod("/p", container("a")
        .endpoint(Endpoint.builder("http").protocol("tcp").build())).build());
    // Marathon took the non-host branch and threw for an endpoint without containerPort
    Protos.Port port = onlyTask(translate(pod, hostPorts("http", 31080))).getDiscovery().getPorts().getPorts(0);
    assertThat(port.getNumber()).isEqualTo(31080);
    assertThat(port.hasLabels()).isFalse();
  }

  @Test
  void g8_anUnresolvablePortIsAnErrorNotADroppedHealthCheck() {
    // unreachable through the validator (V-47, G8 rule), so built by hand
    Container c = Container.builder("a").endpoint(Endpoint.builder("http").build())
        .healthCheck(HealthCheck.of(CheckKind.tcp("http"))).build();
    Pod pod = Pod.builder("/p").container(c).network(Network.container("dcos")).build();
    HealthChecks checks = new HealthChecks(PodNetworking.of(pod.networks()), HostPorts.of(pod, Map.of()));
    assertThatThrownBy(() -> checks.healthCheck(c))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("does not resolve");
  }

  @Test
  void g9_containerCheckBecomesTaskCheck() {
    ValidPod pod = valid(pod("/p", container("a").endpoint(Endpoint.builder("http").build())
        .check(Check.of(CheckKind.http("http", "/ready")))).build());
    Protos.TaskInfo task = onlyTask(translate(pod, hostPorts("http", 31080)));
    // Marathon dropped the check
    assertThat(task.hasCheck()).isTrue();
    assertThat(task.getCheck().getType()).isEqualTo(Protos.CheckInfo.Type.HTTP);
    assertThat(task.getCheck().getHttp().getPort()).isEqualTo(31080);
  }

  @Test
  void g11_secretEnvironmentVariablesAreDeliveredAsSecrets() {
    ValidPod pod = valid(pod("/p", container("a").envSecret("API_KEY", "api"))
        .secret("db", "/prod/db").secret("api", "/prod/api").envSecret("DB_PASSWORD", "db").build(),
        Fixtures.SECRETS);
    Protos.TaskInfo task = onlyTask(translate(pod));
    // Marathon emitted nothing for them
    for (String[] nameAndSource : new String[][] {{"DB_PASSWORD", "/prod/db"}, {"API_KEY", "/prod/api"}}) {
      Protos.Environment.Variable v = variable(task, nameAndSource[0]);
      assertThat(v.getType()).isEqualTo(Protos.Environment.Variable.Type.SECRET);
      assertThat(v.hasValue()).isFalse();
      assertThat(v.getSecret().getType()).isEqualTo(Protos.Secret.Type.REFERENCE);
      assertThat(v.getSecret().getReference().getName()).isEqualTo(nameAndSource[1]);
    }
  }

  @Test
  void g11_aContainerLiteralOverridesAPodSecretOfTheSameName() {
    ValidPod pod = valid(pod("/p", container("a").env("TOKEN", "plain")).secret("t", "/t").envSecret("TOKEN", "t")
        .build(), Fixtures.SECRETS);
    Protos.Environment.Variable v = variable(onlyTask(translate(pod)), "TOKEN");
    assertThat(v.getType()).isNotEqualTo(Protos.Environment.Variable.Type.SECRET);
    assertThat(v.getValue()).isEqualTo("plain");
  }

  @Test
  void g11_secretVolumeIsMounted() {
    ValidPod pod = valid(pod("/p", container("a").volumeMount(VolumeMount.of("cert", "/etc/tls/cert.pem")))
        .secret("tls", "/prod/tls").volume(Volume.secret("cert", "tls")).build(), Fixtures.SECRETS);
    // Marathon emitted no Volume
    List<Protos.Volume> volumes = onlyTask(translate(pod)).getContainer().getVolumesList();
    assertThat(volumes).hasSize(1);
    assertThat(volumes.get(0).getSource().getSecret().getReference().getName()).isEqualTo("/prod/tls");
  }

  @Test
  void g11_pullConfigNamesTheSecretsSourceNotItsPodLocalKey() {
    ValidPod pod = valid(pod("/p", container("a").image(Image.docker("private/app").withPullSecret("pull")))
        .secret("pull", "/registry/creds").build(), Fixtures.SECRETS);
    Protos.Secret config = onlyTask(translate(pod)).getContainer().getMesos().getImage().getDocker().getConfig();
    // Marathon: reference.name = "pull"
    assertThat(config.getReference().getName()).isEqualTo("/registry/creds");
  }

  @Test
  void g11_theSecretMapperDecidesHowEverySecretIsDelivered() {
    SecretMapper vault = (name, secret) -> Protos.Secret.newBuilder().setType(Protos.Secret.Type.REFERENCE)
        .setReference(Protos.Secret.Reference.newBuilder().setName("vault" + secret.source()).setKey(name)).build();
    ValidPod pod = valid(pod("/p", container("a").image(Image.docker("private/app").withPullSecret("pull"))
        .envSecret("TOKEN", "token").volumeMount(VolumeMount.of("cert", "cert")))
        .secret("pull", "/pull").secret("token", "/token").secret("tls", "/tls").volume(Volume.secret("cert", "tls"))
        .build(), Fixtures.SECRETS);
    Protos.TaskInfo task = onlyTask(translate(TranslationConfig.DEFAULT.withSecretMapper(vault), pod, Map.of()));
    assertThat(variable(task, "TOKEN").getSecret().getReference()).satisfies(r -> {
      assertThat(r.getName()).isEqualTo("vault/token");
      assertThat(r.getKey()).isEqualTo("token");
    });
    assertThat(task.getContainer().getVolumes(0).getSource().getSecret().getReference().getName())
        .isEqualTo("vault/tls");
    assertThat(task.getContainer().getMesos().getImage().getDocker().getConfig().getReference().getName())
        .isEqualTo("vault/pull");
  }

  @Test
  void g13_labelVariablesFollowPodThenContainerInsertionOrder() {
    Pod.Builder builder = pod("/p", container("a").label("zeta", "1").label("beta", "2").label("kappa", "3"))
        .label("omega", "a").label("alpha", "b").label("mu", "c").label("delta", "d").label("epsilon", "e");
    Protos.TaskInfo task = onlyTask(translate(valid(builder.build())));
    // Marathon: Scala Map order, which for more than four labels is hash order
    assertThat(env(task).get("MARATHON_APP_LABELS"))
        .isEqualTo("OMEGA ALPHA MU DELTA EPSILON ZETA BETA KAPPA");
    assertThat(task.getCommand().getEnvironment().getVariablesList())
        .extracting(Protos.Environment.Variable::getName)
        .filteredOn(name -> name.startsWith(EnvironmentBuilder.LABEL_PREFIX))
        .containsExactly("MARATHON_APP_LABEL_OMEGA", "MARATHON_APP_LABEL_ALPHA", "MARATHON_APP_LABEL_MU",
            "MARATHON_APP_LABEL_DELTA", "MARATHON_APP_LABEL_EPSILON", "MARATHON_APP_LABEL_ZETA",
            "MARATHON_APP_LABEL_BETA", "MARATHON_APP_LABEL_KAPPA");
  }

  private static final ValidPod FIVE = valid(pod("/shop/cart",
      container("alpha"), container("bravo"), container("charlie"), container("delta"), container("echo")).build());

  @Test
  void g19_relaunchTaskIdsArePairedWithContainersByName() {
    InstanceId id = Fixtures.instance(FIVE);
    // a map whose iteration order is not the pod's container order
    Map<String, String> ids = new TreeMap<>(java.util.Comparator.reverseOrder());
    for (String name : List.of("alpha", "bravo", "charlie", "delta", "echo")) {
      ids.put(name, id.taskId(name, 3));
    }
    Translation t = new TaskGroupTranslator(TranslationConfig.DEFAULT).translate(FIVE, offer(), match(FIVE, Map.of()),
        id, ids);
    // Marathon zipped containers with the map's keys by position
    assertThat(t.taskGroup().getTasksList()).allSatisfy(task -> {
      assertThat(task.getTaskId().getValue()).isEqualTo(id.taskId(task.getName(), 3));
      assertThat(env(task).get("MESOS_TASK_ID")).isEqualTo(id.taskId(task.getName(), 3));
    });
    assertThat(t.networkInfos()).allSatisfy(n -> assertThat(n.taskId()).isEqualTo(id.taskId(n.containerName(), 3)));
  }

  @Test
  void g19_anIdOfAnotherContainerIsRejected() {
    InstanceId id = Fixtures.instance(FIVE);
    Map<String, String> ids = new HashMap<>();
    for (String name : List.of("alpha", "bravo", "charlie", "delta", "echo")) {
      ids.put(name, id.taskId(name, 2));
    }
    ids.put("alpha", id.taskId("bravo", 2));
    ids.put("bravo", id.taskId("alpha", 2));
    assertThatThrownBy(() -> new TaskGroupTranslator(TranslationConfig.DEFAULT)
        .translate(FIVE, offer(), match(FIVE, Map.of()), id, ids))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("not a task id of container 'alpha'");
  }

  @Test
  void g20_aMissingContainerNameIsAnError() {
    InstanceId id = Fixtures.instance(FIVE);
    Map<String, String> ids = new HashMap<>();
    for (String name : List.of("alpha", "bravo", "charlie", "delta")) {
      ids.put(name, id.taskId(name, 2));
    }
    // Marathon zipped and silently launched four tasks
    assertThatThrownBy(() -> new TaskGroupTranslator(TranslationConfig.DEFAULT)
        .translate(FIVE, offer(), match(FIVE, Map.of()), id, ids))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("missing [echo]");
  }

  @Test
  void g20_anExtraContainerNameIsAnError() {
    InstanceId id = Fixtures.instance(FIVE);
    Map<String, String> ids = new HashMap<>();
    for (String name : List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot")) {
      ids.put(name, id.taskId(name, 2));
    }
    assertThatThrownBy(() -> new TaskGroupTranslator(TranslationConfig.DEFAULT)
        .translate(FIVE, offer(), match(FIVE, Map.of()), id, ids))
        .isInstanceOf(PodTranslationException.class)
        .hasMessageContaining("unknown [foxtrot]");
  }

  @Test
  void g20_anIdOfAnotherInstanceIsAnError() {
    InstanceId other = new InstanceId("/shop/cart", InstanceId.timeBasedUuid(0));
    Map<String, String> ids = new HashMap<>();
    for (String name : List.of("alpha", "bravo", "charlie", "delta", "echo")) {
      ids.put(name, other.taskId(name, 2));
    }
    assertThatThrownBy(() -> new TaskGroupTranslator(TranslationConfig.DEFAULT)
        .translate(FIVE, offer(), match(FIVE, Map.of()), Fixtures.instance(FIVE), ids))
        .isInstanceOf(PodTranslationException.class);
  }

  @Test
  void g23_taskLabelsAreContainerLabelsOnly() {
    Translation t = translate(valid(pod("/p", container("a").label("c", "1")).label("p", "2").build()));
    assertThat(labels(task(t, "a").getLabels())).containsOnlyKeys("c");
  }
}
