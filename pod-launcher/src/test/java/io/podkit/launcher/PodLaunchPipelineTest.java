package io.podkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.Pod;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import io.podkit.translator.ReservationOperations;
import io.podkit.translator.TranslationConfig;
import io.podkit.translator.offer.NoMatchReason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;

/** The pipeline stops at each stage with the right result, and only a checked launch is sent. */
class PodLaunchPipelineTest {
  private static final UUID UUID_1 = UUID.fromString("3f0c6e1a-1d2b-11ef-9c41-0242ac120002");
  private final List<LaunchRequest> sent = Collections.synchronizedList(new ArrayList<>());
  private final PodLauncher accepting = request -> {
    sent.add(request);
    return LaunchOutcome.accepted();
  };

  private static Pod webPod() {
    return Pod.builder("/shop/web")
        .container(Container.builder("nginx").image("nginx:1.27").resources(0.5, 128)
            .endpoint(Endpoint.builder("http").hostPort(0).protocol("tcp").build()))
        .container(Container.builder("sidecar").shell("sleep 3600").resources(0.1, 32))
        .build();
  }

  @Test
  void aValidPodOnAFittingOfferIsLaunched() {
    LaunchResult result = PodLaunchPipeline.builder(accepting).build()
        .launch(webPod(), Offers.ample("*"), LaunchOptions.DEFAULT.withInstanceUuid(UUID_1));

    assertThat(result).isInstanceOf(LaunchResult.Launched.class);
    LaunchResult.Launched launched = (LaunchResult.Launched) result;
    assertThat(launched.taskIds()).containsExactly(
        "shop_web.instance-" + UUID_1 + ".nginx.1", "shop_web.instance-" + UUID_1 + ".sidecar.1");
    assertThat(launched.hostPorts()).containsEntry("http", 31000);
    assertThat(launched.networkInfos()).extracting(n -> n.hostPorts()).containsExactly(List.of(31000), List.of());
    assertThat(sent).singleElement().satisfies(r -> {
      assertThat(r.offerIds()).containsExactly(Offers.ample("*").getId());
      assertThat(r.operations()).isEqualTo(launched.operations());
      assertThat(r.operations()).extracting(Protos.Offer.Operation::getType)
          .containsExactly(Protos.Offer.Operation.Type.LAUNCH_GROUP);
    });
  }

  @Test
  void anInvalidPodStopsAtValidation() {
    Pod invalid = webPod().toBuilder().user("").build();
    LaunchResult result = PodLaunchPipeline.builder(accepting).build().launch(invalid, Offers.ample("*"));
    assertThat(result).isInstanceOf(LaunchResult.Invalid.class);
    assertThat(((LaunchResult.Invalid) result).report().at("/user")).isNotEmpty();
    assertThat(sent).isEmpty();
  }

  @Test
  void anOfferThatDoesNotFitStopsAtMatching() {
    LaunchResult result = PodLaunchPipeline.builder(accepting).build().launch(webPod(), Offers.of("*", 0.2, 64, 0));
    assertThat(result).isInstanceOf(LaunchResult.NotMatched.class);
    assertThat(((LaunchResult.NotMatched) result).reasons()).extracting(NoMatchReason::kind)
        .contains(NoMatchReason.Kind.INSUFFICIENT_CPUS, NoMatchReason.Kind.INSUFFICIENT_MEM);
    assertThat(sent).isEmpty();
  }

  @Test
  void aPreflightFailureNeverReachesTheLauncher() {
    // A customizer that shrinks the executor's memory below Mesos' minimum (R41).
    TranslationConfig breaking = TranslationConfig.DEFAULT.withCustomizer((pod, executor, group) -> {
      for (int i = 0; i < executor.getResourcesCount(); i++) {
        if (executor.getResources(i).getName().equals("mem")) {
          executor.getResourcesBuilder(i).getScalarBuilder().setValue(16);
        }
      }
    });
    LaunchResult result = PodLaunchPipeline.builder(accepting).translationConfig(breaking).build()
        .launch(webPod(), Offers.ample("*"));
    assertThat(result).isInstanceOf(LaunchResult.PreflightFailed.class);
    assertThat(((LaunchResult.PreflightFailed) result).violations()).extracting(v -> v.rule()).contains("R41");
    assertThat(sent).isEmpty();
  }

  @Test
  void aLauncherFailureKeepsTheTaskIdsForReconciliation() {
    PodLauncher timingOut = request -> LaunchOutcome.failed(
        new LaunchFailure(LaunchFailure.Kind.TIMEOUT, OptionalInt.empty(), "no answer from the master in 5s"));
    LaunchResult result = PodLaunchPipeline.builder(timingOut).build()
        .launch(webPod(), Offers.ample("*"), LaunchOptions.DEFAULT.withInstanceUuid(UUID_1));
    assertThat(result).isInstanceOf(LaunchResult.LaunchFailed.class);
    LaunchResult.LaunchFailed failed = (LaunchResult.LaunchFailed) result;
    assertThat(failed.failure().outcomeUnknown()).isTrue();
    assertThat(failed.taskIds()).hasSize(2);
  }

  @Test
  void aResidentPodIsReservedThenLaunchedOnItsReservation() {
    Pod resident = Pod.builder("/dev/db").role("dev")
        .volume(Volume.persistent("data", PersistentVolumeInfo.ofSize(512)))
        .container(Container.builder("db").shell("postgres").resources(1, 256)
            .volumeMount(VolumeMount.of("data", "/var/lib/data")))
        .build();
    PodLaunchPipeline pipeline = PodLaunchPipeline.builder(accepting)
        .reservationConfig(ReservationOperations.ReservationConfig.of("podkit")).build();

    LaunchResult first = pipeline.launch(resident, Offers.ample("dev"), LaunchOptions.DEFAULT.withInstanceUuid(UUID_1));
    assertThat(first).isInstanceOf(LaunchResult.Reserved.class);
    LaunchResult.Reserved reserved = (LaunchResult.Reserved) first;

    Protos.Offer offeredBack = Offers.afterReservation("dev", reserved.operations());
    LaunchResult second = pipeline.launch(resident, offeredBack, LaunchOptions.DEFAULT.onReservationOf(reserved.instanceId()));

    assertThat(second).as("%s", second).isInstanceOf(LaunchResult.Launched.class);
    assertThat(sent).extracting(r -> r.operations().get(0).getType()).containsExactly(
        Protos.Offer.Operation.Type.RESERVE, Protos.Offer.Operation.Type.LAUNCH_GROUP);
  }

  @Test
  void onePipelineServesManyThreads() throws Exception {
    PodLaunchPipeline pipeline = PodLaunchPipeline.builder(accepting).build();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<LaunchResult>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        UUID uuid = new UUID(1, i);
        results.add(threads.submit(() -> pipeline.launch(webPod(), Offers.ample("*"),
            LaunchOptions.DEFAULT.withInstanceUuid(uuid))));
      }
      for (int i = 0; i < results.size(); i++) {
        LaunchResult.Launched launched = (LaunchResult.Launched) results.get(i).get();
        LaunchResult.Launched alone = (LaunchResult.Launched) PodLaunchPipeline.builder(r -> LaunchOutcome.accepted())
            .build().launch(webPod(), Offers.ample("*"), LaunchOptions.DEFAULT.withInstanceUuid(new UUID(1, i)));
        assertThat(launched.operations()).isEqualTo(alone.operations());
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(sent).hasSize(200);
  }
}
