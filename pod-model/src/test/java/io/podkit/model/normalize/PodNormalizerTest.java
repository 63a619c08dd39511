package io.podkit.model.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podkit.model.Artifact;
import io.podkit.model.Check;
import io.podkit.model.CheckKind;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.ExecutorResources;
import io.podkit.model.HealthCheck;
import io.podkit.model.HttpScheme;
import io.podkit.model.KillSelection;
import io.podkit.model.LinuxInfo;
import io.podkit.model.Network;
import io.podkit.model.NetworkMode;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.PersistentVolumeType;
import io.podkit.model.Pod;
import io.podkit.model.Resources;
import io.podkit.model.ScalingPolicy;
import io.podkit.model.SchedulingPolicy;
import io.podkit.model.SchedulingPolicy.Backoff;
import io.podkit.model.SchedulingPolicy.UpgradeStrategy;
import io.podkit.model.UnreachableStrategy;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import io.podkit.model.json.PodReader;
import io.podkit.model.json.PodWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test per normalization step of pod-schema.md section 5. */
class PodNormalizerTest {
  private static final PodNormalizer NORMALIZER = PodNormalizer.withDefaults();

  private static Pod.Builder pod() {
    return Pod.builder("/shop/web").container(Container.builder("main").shell("sleep 1"));
  }

  private static Container onlyContainer(Pod pod) {
    return pod.containers().get(0);
  }

  @Nested
  class Networks {
    @Test
    void unnamedContainerNetworkGetsTheDefaultNetworkName() {
      Pod pod = pod().network(new Network(Optional.empty(), Optional.empty(), Map.of())).build();
      Pod normalized = new PodNormalizer(NormalizationConfig.DEFAULT.withDefaultNetworkName("overlay"))
          .normalize(pod);
      assertThat(normalized.networks()).containsExactly(Network.container("overlay"));
    }

    @Test
    void unnamedContainerNetworkWithoutADefaultIsAnErrorWithItsPath() {
      Pod pod = pod().network(Network.container("a")).network(new Network(Optional.empty(),
          Optional.of(NetworkMode.CONTAINER), Map.of())).build();
      assertThatThrownBy(() -> NORMALIZER.normalize(pod))
          .isInstanceOf(PodNormalizationException.class)
          .hasMessageContaining("/networks(1)/name")
          .hasMessageContaining("container network name is not defined")
          .satisfies(e -> assertThat(((PodNormalizationException) e).path().pointer()).isEqualTo("/networks/1/name"));
    }

    @Test
    void namedNetworksKeepTheirNameAndGetAnExplicitMode() {
      Pod pod = pod().network(new Network(Optional.of("dcos"), Optional.empty(), Map.of("k", "v"))).build();
      assertThat(NORMALIZER.normalize(pod).networks())
          .containsExactly(new Network(Optional.of("dcos"), Optional.of(NetworkMode.CONTAINER), Map.of("k", "v")));
    }

    @Test
    void absentNetworksStayEmpty() {
      assertThat(NORMALIZER.normalize(pod().build()).networks()).isEmpty();
    }
  }

  @Nested
  class HostPorts {
    private Pod withEndpoint(Network network) {
      Pod.Builder b = Pod.builder("/p").container(Container.builder("main")
          .endpoint(Endpoint.builder("http").containerPort(80).build())
          .endpoint(Endpoint.builder("fixed").containerPort(81).hostPort(8080).build()));
      if (network != null) {
        b.network(network);
      }
      return b.build();
    }

    @Test
    void withoutNetworksEndpointsGetDynamicHostPorts() {
      assertThat(onlyContainer(NORMALIZER.normalize(withEndpoint(null))).endpoints())
          .extracting(Endpoint::hostPort).containsExactly(Optional.of(0), Optional.of(8080));
    }

    @Test
    void onTheHostNetworkEndpointsGetDynamicHostPorts() {
      assertThat(onlyContainer(NORMALIZER.normalize(withEndpoint(Network.host()))).endpoints())
          .extracting(Endpoint::hostPort).containsExactly(Optional.of(0), Optional.of(8080));
    }

    @Test
    void onTheBridgeEndpointsGetDynamicHostPorts() {
      assertThat(onlyContainer(NORMALIZER.normalize(withEndpoint(Network.bridge()))).endpoints())
          .extracting(Endpoint::hostPort).containsExactly(Optional.of(0), Optional.of(8080));
    }

    @Test
    void onAContainerNetworkHostPortsStayAbsent() {
      assertThat(onlyContainer(NORMALIZER.normalize(withEndpoint(Network.container("dcos")))).endpoints())
          .extracting(Endpoint::hostPort).containsExactly(Optional.empty(), Optional.of(8080));
    }
  }

  @Nested
  class Roles {
    @Test
    void podWithoutRoleGetsTheMesosRole() {
      assertThat(NORMALIZER.normalize(pod().build()).role()).contains("*");
      assertThat(new PodNormalizer(NormalizationConfig.DEFAULT.withMesosRole("marathon")).normalize(pod().build())
          .role()).contains("marathon");
    }

    @Test
    void podInAGroupThatEnforcesItsRoleGetsTheGroupName() {
      NormalizationConfig config = NormalizationConfig.DEFAULT.withEnforceRoleGroups(Set.of("shop"));
      assertThat(new PodNormalizer(config).normalize(pod().build()).role()).contains("shop");
      assertThat(new PodNormalizer(config).normalize(Pod.builder("/other/web").container(Container.builder("c"))
          .build()).role()).contains("*");
      assertThat(new PodNormalizer(config).normalize(Pod.builder("/shop").container(Container.builder("c"))
          .build()).role()).as("a pod directly under / is in no group").contains("*");
    }

    @Test
    void anExplicitRoleIsKept() {
      assertThat(NORMALIZER.normalize(pod().role("dev").build()).role()).contains("dev");
    }
  }

  @Nested
  class ResidentPods {
    private Pod.Builder resident() {
      return pod().volume(Volume.persistent("data", PersistentVolumeInfo.ofSize(10)))
          .containers(List.of(Container.builder("main").volumeMount(VolumeMount.of("data", "data")).build()));
    }

    @Test
    void residentPodsGetTheResidentUpgradeStrategyAndUnreachableDisabled() {
      SchedulingPolicy s = NORMALIZER.normalize(resident().build()).scheduling().orElseThrow();
      assertThat(s.upgrade()).contains(UpgradeStrategy.of(0.5, 0.0));
      assertThat(s.unreachableStrategy()).contains(UnreachableStrategy.disabled());
    }

    @Test
    void givenValuesAreKept() {
      Pod pod = resident().scheduling(SchedulingPolicy.empty().withUpgrade(UpgradeStrategy.of(0.25, 0.0))
          .withUnreachableStrategy(UnreachableStrategy.enabled(5, 6))).build();
      SchedulingPolicy s = NORMALIZER.normalize(pod).scheduling().orElseThrow();
      assertThat(s.upgrade()).contains(UpgradeStrategy.of(0.25, 0.0));
      assertThat(s.unreachableStrategy()).contains(UnreachableStrategy.enabled(5, 6));
    }

    @Test
    void persistentVolumeTypeDefaultsToRootOrToMountWithAProfile() {
      Pod pod = pod().volume(Volume.persistent("a", PersistentVolumeInfo.ofSize(1)))
          .volume(Volume.persistent("b", new PersistentVolumeInfo(Optional.empty(), 1, Optional.empty(),
              Optional.of("fast"), List.of())))
          .build();
      assertThat(NORMALIZER.normalize(pod).volumes()).map(v -> ((Volume.Persistent) v).persistent().type())
          .containsExactly(Optional.of(PersistentVolumeType.ROOT), Optional.of(PersistentVolumeType.MOUNT));
    }
  }

  @Nested
  class Defaults {
    @Test
    void nonResidentSchedulingDefaults() {
      SchedulingPolicy s = NORMALIZER.normalize(pod().build()).scheduling().orElseThrow();
      assertThat(s.backoff()).contains(Backoff.of(1, 1.15, 300));
      assertThat(s.upgrade()).contains(UpgradeStrategy.of(1, 1));
      assertThat(s.unreachableStrategy()).contains(UnreachableStrategy.enabled(0, 0));
      assertThat(s.killSelection()).contains(KillSelection.YOUNGEST_FIRST);
      assertThat(s.placement()).contains(SchedulingPolicy.Placement.of(List.of(), List.of()));
    }

    @Test
    void partialSchedulingMembersAreCompleted() {
      Pod pod = pod().scheduling(SchedulingPolicy.empty()
          .withBackoff(new Backoff(Optional.of(5.0), Optional.empty(), Optional.empty()))
          .withUnreachableStrategy(new UnreachableStrategy.Enabled(Optional.of(60L), Optional.empty()))
          .withKillSelection(KillSelection.OLDEST_FIRST)).build();
      SchedulingPolicy s = NORMALIZER.normalize(pod).scheduling().orElseThrow();
      assertThat(s.backoff()).contains(Backoff.of(5, 1.15, 300));
      assertThat(s.unreachableStrategy()).contains(UnreachableStrategy.enabled(60, 0));
      assertThat(s.killSelection()).contains(KillSelection.OLDEST_FIRST);
    }

    @Test
    void scalingDefaultsToOneFixedInstance() {
      assertThat(NORMALIZER.normalize(pod().build()).scaling()).contains(ScalingPolicy.fixed(1));
      assertThat(NORMALIZER.normalize(pod().scaling(new ScalingPolicy.Fixed(Optional.empty())).build()).scaling())
          .contains(ScalingPolicy.fixed(1));
      assertThat(NORMALIZER.normalize(pod().instances(3).build()).scaling()).contains(ScalingPolicy.fixed(3));
    }

    @Test
    void executorResourcesDefaultTo01Cpus32Mem10Disk() {
      assertThat(NORMALIZER.normalize(pod().build()).executorResources())
          .contains(ExecutorResources.of(0.1, 32, 10));
      Pod partial = pod().executorResources(new ExecutorResources(Optional.of(0.5), Optional.empty(),
          Optional.empty())).build();
      assertThat(NORMALIZER.normalize(partial).executorResources()).contains(ExecutorResources.of(0.5, 32, 10));
    }

    @Test
    void containerResourcesDefaultTo1Cpu128MemNoDiskNoGpus() {
      assertThat(onlyContainer(NORMALIZER.normalize(pod().build())).resources())
          .isEqualTo(Resources.of(1, 128, 0, 0));
    }

    @Test
    void healthCheckAndCheckTimingsAndHttpSchemeAreFilledIn() {
      Pod pod = pod().containers(List.of(Container.builder("main")
          .endpoint(Endpoint.builder("web").build())
          .healthCheck(HealthCheck.of(new CheckKind.Http("web", Optional.empty(), Optional.empty())))
          .check(Check.of(CheckKind.tcp("web")))
          .build())).build();
      Container c = onlyContainer(NORMALIZER.normalize(pod));
      assertThat(c.healthCheck()).contains(
          HealthCheck.of(new CheckKind.Http("web", Optional.empty(), Optional.of(HttpScheme.HTTP)))
              .withTimings(300, 60, 3, 20, 15));
      assertThat(c.check()).contains(new Check(CheckKind.tcp("web"), Optional.of(60), Optional.of(20),
          Optional.of(15)));
    }

    @Test
    void artifactFlagsVolumeMountReadOnlyAndSeccompUnconfinedAreFilledIn() {
      Pod pod = pod().containers(List.of(Container.builder("main")
          .artifact(Artifact.of("https://example.com/a.tgz"))
          .volumeMount(VolumeMount.of("v", "/v"))
          .linuxInfo(LinuxInfo.of(LinuxInfo.Seccomp.profile("default.json"), null))
          .build())).volume(Volume.ephemeral("v")).build();
      Container c = onlyContainer(NORMALIZER.normalize(pod));
      assertThat(c.artifacts()).containsExactly(new Artifact("https://example.com/a.tgz", Optional.of(true),
          Optional.of(false), Optional.of(false), Optional.empty()));
      assertThat(c.volumeMounts()).containsExactly(new VolumeMount("v", "/v", Optional.of(false)));
      assertThat(c.linuxInfo().orElseThrow().seccomp()).contains(
          new LinuxInfo.Seccomp(Optional.of("default.json"), Optional.of(false)));
    }

    @Test
    void legacySharedCgroupsFalseIsDroppedAndTrueKept() {
      assertThat(NORMALIZER.normalize(pod().legacySharedCgroups(false).build()).legacySharedCgroups()).isEmpty();
      assertThat(NORMALIZER.normalize(pod().legacySharedCgroups(true).build()).legacySharedCgroups())
          .contains(true);
    }
  }

  @Test
  void normalizingTwiceChangesNothingAndTheResultRoundTrips() {
    Pod normalized = NORMALIZER.normalize(pod().network(Network.host())
        .container(Container.builder("side").endpoint(Endpoint.builder("admin").build())).build());
    assertThat(NORMALIZER.normalize(normalized)).isEqualTo(normalized);
    assertThat(PodReader.strict().readOrThrow(PodWriter.compact().write(normalized))).isEqualTo(normalized);
  }
}
