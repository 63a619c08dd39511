package io.podkit.translator;

import static io.podkit.translator.Fixtures.container;
import static io.podkit.translator.Fixtures.env;
import static io.podkit.translator.Fixtures.hostPorts;
import static io.podkit.translator.Fixtures.match;
import static io.podkit.translator.Fixtures.offer;
import static io.podkit.translator.Fixtures.onlyTask;
import static io.podkit.translator.Fixtures.pod;
import static io.podkit.translator.Fixtures.task;
import static io.podkit.translator.Fixtures.translate;
import static io.podkit.translator.Fixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.podkit.model.Endpoint;
import io.podkit.model.Network;
import io.podkit.model.Pod;
import io.podkit.model.Resources;
import io.podkit.model.arbitrary.PodArbitraries;
import io.podkit.validation.ValidPod;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** translation-rules C.3: every variable and their precedence. */
class EnvironmentRulesTest {
  @Test
  void c3_1_podEnvironmentReachesEveryContainer() {
    Translation t = translate(valid(pod("/p", container("a"), container("b")).env("STAGE", "prod").build()));
    assertThat(env(task(t, "a"))).containsEntry("STAGE", "prod");
    assertThat(env(task(t, "b"))).containsEntry("STAGE", "prod");
  }

  @Test
  void c3_2_containerEnvironmentOverridesThePods() {
    Translation t = translate(valid(pod("/p", container("a").env("STAGE", "canary"), container("b"))
        .env("STAGE", "prod").build()));
    assertThat(env(task(t, "a"))).containsEntry("STAGE", "canary");
    assertThat(env(task(t, "b"))).containsEntry("STAGE", "prod");
  }

  @Test
  void c3_3_hostIsTheOfferHostnameAndOverridesUserEnvironment() {
    Translation t = translate(valid(pod("/p", container("a").env("HOST", "mine")).env("HOST", "ours").build()));
    assertThat(env(onlyTask(t))).containsEntry("HOST", Fixtures.HOSTNAME);
  }

  @Test
  void c3_4_taskContextVariables() {
    ValidPod pod = valid(pod("/product/frontend", container("web").resources(Resources.of(0.3, 64.5, 1.0E-4, 2)))
        .build());
    Translation t = translate(pod);
    InstanceId id = t.instanceId();
    assertThat(env(onlyTask(t))).contains(
        entry("MESOS_TASK_ID", id.taskId("web")),
        entry("MESOS_EXECUTOR_ID", id.executorId()),
        entry("MARATHON_APP_ID", "/product/frontend"),
        entry("MARATHON_CONTAINER_ID", "web"),
        entry("MARATHON_APP_ENFORCE_GROUP_ROLE", "FALSE"),
        entry("MARATHON_CONTAINER_RESOURCE_CPUS", "0.3"),
        entry("MARATHON_CONTAINER_RESOURCE_MEM", "64.5"),
        entry("MARATHON_CONTAINER_RESOURCE_DISK", "1.0E-4"),
        entry("MARATHON_CONTAINER_RESOURCE_GPUS", "2"));
  }

  @Test
  void c3_4_taskContextOverridesUserEnvironment() {
    Translation t = translate(valid(pod("/p", container("a").env("MESOS_TASK_ID", "x"))
        .env("MARATHON_APP_ID", "y").build()));
    assertThat(env(onlyTask(t))).containsEntry("MESOS_TASK_ID", t.instanceId().taskId("a"))
        .containsEntry("MARATHON_APP_ID", "/p");
  }

  @Test
  void c3_4_versionIsUtcWithThreeMillisecondDigits() {
    Pod pod = pod("/p", container("a"))
        .version(OffsetDateTime.of(2024, 3, 1, 14, 30, 15, 7_000_000, ZoneOffset.ofHours(2))).build();
    assertThat(env(onlyTask(translate(valid(pod))))).containsEntry("MARATHON_APP_VERSION", "2024-03-01T12:30:15.007Z");
    Pod whole = pod("/p", container("a")).version(OffsetDateTime.of(2024, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC)).build();
    assertThat(env(onlyTask(translate(valid(whole)))))
        .containsEntry("MARATHON_APP_VERSION", "2024-03-01T00:00:00.000Z");
  }

  @Test
  void c3_4_withoutAPodVersionTheTimeOfTheInstanceUuidIsUsed() {
    ValidPod pod = valid(Pod.builder("/p").container(container("a")).build());
    assertThat(env(onlyTask(translate(pod)))).containsEntry("MARATHON_APP_VERSION", "2024-05-28T19:48:25.035Z");
  }

  @Test
  void c3_4_withoutAPodVersionOrATimeBasedUuidTheEpochIsUsed() {
    ValidPod pod = valid(Pod.builder("/p").container(container("a")).build());
    InstanceId random = new InstanceId("/p", UUID.fromString("9b2d4c2e-6f55-4a8e-8d3b-0c1e2f3a4b5c"));
    Translation t = new TaskGroupTranslator(TranslationConfig.DEFAULT).translate(pod, offer(), match(pod, Map.of()),
        random);
    assertThat(env(onlyTask(t))).containsEntry("MARATHON_APP_VERSION", "1970-01-01T00:00:00.000Z");
  }

  @Test
  void c3_4_enforceGroupRoleIsTrueInAnEnforcingTopLevelGroup() {
    // The validator knows which groups enforce their role; the ValidPod carries the answer.
    io.podkit.validation.ValidationConfig enforcing =
        io.podkit.validation.ValidationConfig.DEFAULT.withEnforceRoleGroups(Set.of("dev"));
    ValidPod pod = valid(pod("/dev/testing/web", container("a")).role("dev").build(), enforcing);
    assertThat(pod.enforcesGroupRole()).isTrue();
    assertThat(env(onlyTask(translate(TranslationConfig.DEFAULT, pod, Map.of()))))
        .containsEntry("MARATHON_APP_ENFORCE_GROUP_ROLE", "TRUE");
    // a pod directly under / has no top-level group: the pod itself is not one
    ValidPod top = valid(pod("/dev", container("a")).build(), enforcing);
    assertThat(env(onlyTask(translate(TranslationConfig.DEFAULT, top, Map.of()))))
        .containsEntry("MARATHON_APP_ENFORCE_GROUP_ROLE", "FALSE");
  }

  @Test
  void c3_5_labelVariablesAreEscapedAndListed() {
    ValidPod pod = valid(pod("/p", container("a").label("tier", "front").label("owner", "web-team"))
        .label("owner", "ops").label("com.example/app-name", "shop").label("a..b", "x").build());
    Map<String, String> env = env(onlyTask(translate(pod)));
    assertThat(env).contains(
        entry("MARATHON_APP_LABELS", "OWNER COM_EXAMPLE_APP_NAME A_B TIER"),
        entry("MARATHON_APP_LABEL_OWNER", "web-team"),
        entry("MARATHON_APP_LABEL_COM_EXAMPLE_APP_NAME", "shop"),
        entry("MARATHON_APP_LABEL_A_B", "x"),
        entry("MARATHON_APP_LABEL_TIER", "front"));
  }

  @Test
  void c3_5_labelsTooLongForAVariableAreLeftOut() {
    String longKey = "k".repeat(493);
    String okKey = "k".repeat(492);
    ValidPod pod = valid(pod("/p", container("a")).label(longKey, "v").label(okKey, "v")
        .label("big", "v".repeat(512)).label("fits", "v".repeat(511)).build());
    Map<String, String> env = env(onlyTask(translate(pod)));
    assertThat(env.get("MARATHON_APP_LABELS")).isEqualTo(okKey.toUpperCase() + " FITS");
    assertThat(env).doesNotContainKeys("MARATHON_APP_LABEL_BIG", "MARATHON_APP_LABEL_" + longKey.toUpperCase());
  }

  @Test
  void c3_5_labelVariablesOverrideTheTaskContextAndUserEnvironment() {
    Translation t = translate(valid(pod("/p", container("a").env("MARATHON_APP_LABELS", "mine")
        .env("MARATHON_APP_LABEL_X", "mine")).label("x", "label").build()));
    assertThat(env(onlyTask(t))).contains(entry("MARATHON_APP_LABELS", "X"), entry("MARATHON_APP_LABEL_X", "label"));
  }

  /** C.3.5 as the reference states it: runs of [^a-zA-Z0-9_] become one underscore, then upper case. */
  @Property(tries = 2000)
  void c3_5_labelKeyEscapeAgreesWithTheRegexOfTheRule(@ForAll("labelKeys") String key) {
    String expected = key.replaceAll("[^a-zA-Z0-9_]+", "_").toUpperCase(Locale.ROOT);
    assertThat(EnvironmentBuilder.escapeLabelKey(key)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> labelKeys() {
    return Arbitraries.oneOf(PodArbitraries.strings(),
        Arbitraries.strings().withChars("aZ-_.9\u00df\u00e9 /").ofMaxLength(10));
  }

  @Test
  void c3_6_hostNetworkEndpointVariablesUseTheHostPort() {
    ValidPod pod = valid(pod("/p",
        container("a").endpoint(Endpoint.builder("webapp-tls").hostPort(0).build()),
        container("b").endpoint(Endpoint.builder("admin").hostPort(31500).build()))
        .network(Network.host()).build());
    Translation t = translate(pod, hostPorts("webapp-tls", 31000, "admin", 31500));
    for (String name : new String[] {"a", "b"}) {
      // G14: every container sees every endpoint of the pod
      assertThat(env(task(t, name))).contains(
          entry("ENDPOINT_WEBAPP_TLS", "31000"), entry("EP_HOST_WEBAPP_TLS", "31000"),
          entry("ENDPOINT_ADMIN", "31500"), entry("EP_HOST_ADMIN", "31500"))
          .doesNotContainKeys("EP_CONTAINER_WEBAPP_TLS", "EP_CONTAINER_ADMIN");
    }
  }

  @Test
  void c3_6_containerNetworkEndpointVariablesUseTheContainerPort() {
    ValidPod pod = valid(pod("/p",
        container("a").endpoint(Endpoint.builder("http").containerPort(8080).hostPort(0).build())
            .endpoint(Endpoint.builder("internal").containerPort(9090).build()))
        .network(Network.container("dcos")).build());
    Map<String, String> env = env(onlyTask(translate(pod, hostPorts("http", 31001))));
    assertThat(env).contains(
        entry("ENDPOINT_HTTP", "8080"), entry("EP_HOST_HTTP", "31001"), entry("EP_CONTAINER_HTTP", "8080"),
        entry("ENDPOINT_INTERNAL", "9090"), entry("EP_CONTAINER_INTERNAL", "9090"))
        .doesNotContainKey("EP_HOST_INTERNAL");
  }

  @Test
  void c3_6_bridgeEndpointWithoutContainerPortHasNoEndpointVariable() {
    ValidPod pod = valid(pod("/p", container("a").endpoint(Endpoint.builder("http").build()))
        .network(Network.bridge()).build());
    Map<String, String> env = env(onlyTask(translate(pod, hostPorts("http", 31001))));
    assertThat(env).containsEntry("EP_HOST_HTTP", "31001").doesNotContainKeys("ENDPOINT_HTTP", "EP_CONTAINER_HTTP");
  }

  @Test
  void c3_6_endpointNamesThatEscapeAlikeGiveOneVariableWithTheLastValue() {
    // "a-b" and "a--b" both escape to A_B; every task gets one variable, as one map would hold it
    ValidPod pod = valid(pod("/p",
        container("a").endpoint(Endpoint.builder("a-b").containerPort(8080).build()),
        container("b").endpoint(Endpoint.builder("a--b").containerPort(9090).build()))
        .network(Network.container("dcos")).build());
    Translation t = translate(pod);
    for (String name : new String[] {"a", "b"}) {
      List<String> names = task(t, name).getCommand().getEnvironment().getVariablesList().stream()
          .map(v -> v.getName()).toList();
      assertThat(names).containsOnlyOnce("ENDPOINT_A_B", "EP_CONTAINER_A_B");
      assertThat(names.indexOf("ENDPOINT_A_B")).isLessThan(names.indexOf("EP_CONTAINER_A_B"));
      assertThat(env(task(t, name))).contains(entry("ENDPOINT_A_B", "9090"), entry("EP_CONTAINER_A_B", "9090"));
    }
  }

  @Test
  void c3_6_endpointVariablesOverrideEverythingElse() {
    ValidPod pod = valid(pod("/p", container("a").env("ENDPOINT_HTTP", "1")
        .endpoint(Endpoint.builder("http").hostPort(0).build())).build());
    Translation t = translate(pod, hostPorts("http", 31001));
    assertThat(env(onlyTask(t))).containsEntry("ENDPOINT_HTTP", "31001");
    // once, in the place the user's variable had: before HOST and the task context
    List<String> names = onlyTask(t).getCommand().getEnvironment().getVariablesList().stream()
        .map(v -> v.getName()).toList();
    assertThat(names).containsOnlyOnce("ENDPOINT_HTTP");
    assertThat(names.indexOf("ENDPOINT_HTTP")).isLessThan(names.indexOf("HOST"));
  }

  @Test
  void c3_6_endpointVariablesOverrideLabelVariables() {
    // the prefix makes an endpoint variable and a label variable collide
    ValidPod pod = valid(pod("/p", container("a").endpoint(Endpoint.builder("x").hostPort(0).build()))
        .label("endpoint-x", "label").build());
    TranslationConfig config = TranslationConfig.DEFAULT.withEnvPrefix("marathon_app_label_");
    assertThat(env(onlyTask(translate(config, pod, hostPorts("x", 31001)))))
        .containsEntry("MARATHON_APP_LABEL_ENDPOINT_X", "31001");
  }

  @Test
  void c3_6_thePrefixIsUpperCasedAndAppliesToEndpointVariablesOnly() {
    ValidPod pod = valid(pod("/p", container("a").endpoint(Endpoint.builder("http").containerPort(80).hostPort(0)
        .build())).network(Network.bridge()).label("l", "v").build());
    Map<String, String> env = env(onlyTask(translate(TranslationConfig.DEFAULT.withEnvPrefix("app_"), pod,
        hostPorts("http", 31001))));
    assertThat(env).contains(entry("APP_ENDPOINT_HTTP", "80"), entry("APP_EP_HOST_HTTP", "31001"),
        entry("APP_EP_CONTAINER_HTTP", "80"), entry("HOST", Fixtures.HOSTNAME), entry("MARATHON_APP_LABEL_L", "v"))
        .containsKeys("MESOS_TASK_ID", "MARATHON_APP_ID")
        .doesNotContainKeys("ENDPOINT_HTTP", "APP_HOST", "APP_MESOS_TASK_ID", "APP_MARATHON_APP_ID");
  }

  @Test
  void c3_noAppOnlyVariables() {
    ValidPod pod = valid(pod("/p", container("a").image("nginx").endpoint(Endpoint.builder("http").hostPort(0)
        .build())).build());
    assertThat(env(onlyTask(translate(pod, hostPorts("http", 31001)))))
        .doesNotContainKeys("PORT", "PORT0", "PORTS", "PORT_HTTP", "MARATHON_APP_DOCKER_IMAGE",
            "MARATHON_APP_RESOURCE_CPUS");
  }

  @Test
  void c3_eachNameAppearsOnce() {
    ValidPod pod = valid(pod("/p", container("a").env("HOST", "x").env("A", "1")).env("A", "0").label("a", "b")
        .build());
    assertThat(onlyTask(translate(pod)).getCommand().getEnvironment().getVariablesList())
        .extracting(v -> v.getName()).doesNotHaveDuplicates();
  }
}
