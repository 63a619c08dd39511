package io.podkit.examples.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.podkit.examples.framework.FakeMesosMaster.SentUpdate;
import io.podkit.examples.framework.FakeMesosMaster.Status;
import io.podkit.examples.framework.MinimalFramework.Outcome;
import io.podkit.examples.framework.MinimalFramework.Result;
import io.podkit.launcher.InstanceState;
import io.podkit.model.Pod;
import io.podkit.model.json.PodReader;
import io.podkit.translator.preflight.LaunchGroupCheck;
import io.podkit.translator.v1.V1Conversion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.mesos.v1.Protos;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link MinimalFramework} against {@link FakeMesosMaster}: the whole v1 loop over real HTTP on
 * 127.0.0.1, with the pod of {@code examples/pods/web.json}.
 */
class MinimalFrameworkTest {
  private static final Path WEB_POD = Path.of("pods", "web.json");
  /** Too small for web.json (0.6 cpus and 320 MiB for the containers alone), and no ports. */
  private static final Protos.Offer SMALL = FakeMesosMaster.offer("offer-small", 0.1, 64, 100, false);
  private static final Protos.Offer FITTING = FakeMesosMaster.offer("offer-fitting", 4, 4096, 10_000, true);
  private static final MinimalFramework.Options OPTIONS = MinimalFramework.Options.defaults()
      .withUser("nobody")
      .withTimeout(Duration.ofSeconds(10))
      .withRequestTimeout(Duration.ofSeconds(5));

  private static Pod webPod() throws IOException {
    return PodReader.strict().read(WEB_POD).orElseThrow();
  }

  @Test
  @Timeout(20)
  void declinesTheSmallOfferLaunchesOnTheFittingOneAndStopsWhenAllTasksRun() throws IOException {
    try (FakeMesosMaster master = FakeMesosMaster.start(List.of(SMALL, FITTING),
        task -> List.of(new Status(Protos.TaskState.TASK_RUNNING, "")))) {
      Result result = MinimalFramework.run(master.uri(), webPod(), 1, OPTIONS);
      // run() closed the subscription while the fake keeps it open, which ends the stream reader
      assertThat(readerThreadEnds(Duration.ofSeconds(3))).as("the event stream reader thread ended").isTrue();

      assertThat(master.problems()).isEmpty(); // content types, stream id, framework id all right

      // SUBSCRIBE: the framework info the brief asks for
      Call subscribe = master.calls().get(0);
      assertThat(subscribe.getType()).isEqualTo(Call.Type.SUBSCRIBE);
      Protos.FrameworkInfo info = subscribe.getSubscribe().getFrameworkInfo();
      assertThat(info.getUser()).isEqualTo("nobody");
      assertThat(info.getRolesList()).containsExactly("*");
      assertThat(info.getCapabilitiesList()).extracting(Protos.FrameworkInfo.Capability::getType)
          .containsExactly(Protos.FrameworkInfo.Capability.Type.MULTI_ROLE);
      assertThat(info.hasId()).isFalse();

      // DECLINE: the small offer, and only it
      assertThat(master.calls(Call.Type.DECLINE)).singleElement().satisfies(decline ->
          assertThat(decline.getDecline().getOfferIdsList()).extracting(Protos.OfferID::getValue)
              .containsExactly("offer-small"));

      // ACCEPT: one LAUNCH_GROUP on the fitting offer that passes Mesos' rules
      Call accept = master.calls(Call.Type.ACCEPT).get(0);
      assertThat(master.calls(Call.Type.ACCEPT)).hasSize(1);
      assertThat(accept.getAccept().getOfferIdsList()).extracting(Protos.OfferID::getValue)
          .containsExactly("offer-fitting");
      assertThat(accept.getAccept().getOperationsList()).extracting(Protos.Offer.Operation::getType)
          .containsExactly(Protos.Offer.Operation.Type.LAUNCH_GROUP);
      List<org.apache.mesos.Protos.Offer.Operation> v0Operations =
          accept.getAccept().getOperationsList().stream().map(V1Conversion::toV0).toList();
      org.apache.mesos.Protos.FrameworkID v0Framework = V1Conversion.convert(FakeMesosMaster.FRAMEWORK_ID,
          org.apache.mesos.Protos.FrameworkID.parser());
      assertThat(LaunchGroupCheck.check(v0Framework, List.of(V1Conversion.toV0(FITTING)), v0Operations)).isEmpty();
      List<String> acceptedTaskIds = accept.getAccept().getOperations(0).getLaunchGroup().getTaskGroup()
          .getTasksList().stream().map(t -> t.getTaskId().getValue()).toList();
      assertThat(acceptedTaskIds).hasSize(2).allSatisfy(id -> assertThat(id).startsWith("shop_web.instance-"));

      // ACKNOWLEDGE: one per update, with its agent, task and uuid
      List<SentUpdate> sent = master.sentUpdates();
      assertThat(sent).hasSize(2);
      List<Call> acks = master.calls(Call.Type.ACKNOWLEDGE);
      assertThat(acks).extracting(a -> a.getAcknowledge().getAgentId()).containsOnly(FakeMesosMaster.AGENT_ID);
      assertThat(acks).extracting(a -> new SentUpdate(a.getAcknowledge().getTaskId().getValue(),
          a.getAcknowledge().getUuid(), Protos.TaskState.TASK_RUNNING)).containsExactlyInAnyOrderElementsOf(sent);

      // The result: what was launched and how it ended
      assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.ALL_RUNNING);
      assertThat(result.frameworkId()).contains(FakeMesosMaster.FRAMEWORK_ID.getValue());
      assertThat(result.declinedOfferIds()).containsExactly("offer-small");
      assertThat(result.acknowledgements()).isEqualTo(2);
      assertThat(result.instances()).singleElement().satisfies(instance -> {
        assertThat(instance.state()).isEqualTo(InstanceState.RUNNING);
        assertThat(instance.agentId()).isEqualTo("agent-1");
        assertThat(acceptedTaskIds).allSatisfy(id -> assertThat(id).startsWith(instance.instanceId() + "."));
      });
      assertThat(result.taskIds()).containsExactlyElementsOf(acceptedTaskIds);
      assertThat(result.taskStates()).containsOnlyKeys(acceptedTaskIds)
          .allSatisfy((id, state) -> assertThat(state).isEqualTo(org.apache.mesos.Protos.TaskState.TASK_RUNNING));
    }
  }

  private static boolean readerThreadEnds(Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (Thread.getAllStackTraces().keySet().stream()
          .noneMatch(t -> t.getName().equals("mesos-event-stream") && t.isAlive())) {
        return true;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  @Test
  @Timeout(20)
  void aFailedTaskEndsTheRunWithItsCause() throws IOException {
    try (FakeMesosMaster master = FakeMesosMaster.start(List.of(FITTING), task ->
        task.getName().equals("nginx")
            ? List.of(new Status(Protos.TaskState.TASK_STARTING, ""),
                new Status(Protos.TaskState.TASK_FAILED, "Failed to pull image nginx:1.27"))
            : List.of(new Status(Protos.TaskState.TASK_RUNNING, "")))) {
      Result result = MinimalFramework.run(master.uri(), webPod(), 1, OPTIONS);

      assertThat(result.outcome()).isEqualTo(Outcome.INSTANCE_FAILED);
      assertThat(result.message()).contains("TASK_FAILED", "nginx", "Failed to pull image nginx:1.27");
      assertThat(result.instances()).singleElement()
          .satisfies(i -> assertThat(i.state()).isEqualTo(InstanceState.FAILED));
      // Every update up to the failure was acknowledged; the run stops at the failure.
      assertThat(master.calls(Call.Type.ACKNOWLEDGE)).hasSize(result.acknowledgements());
      assertThat(result.acknowledgements()).isGreaterThanOrEqualTo(2);
      assertThat(master.problems()).isEmpty();
    }
  }

  @Test
  @Timeout(20)
  void theCommandLineReadsThePodFileAndPrintsTheOutcome() throws IOException {
    try (FakeMesosMaster master = FakeMesosMaster.start(List.of(SMALL, FITTING),
        task -> List.of(new Status(Protos.TaskState.TASK_RUNNING, "")))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit = MinimalFramework.cli(new String[] {master.uri().toString(), WEB_POD.toString(), "1",
          "--user", "nobody", "--timeout", "10"}, print(out), print(err));

      String printed = out.toString(StandardCharsets.UTF_8);
      assertThat(exit).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(printed).contains("outcome: ALL_RUNNING", "framework: fake-framework-0001",
          ".nginx.1: TASK_RUNNING", ".log-shipper.1: TASK_RUNNING", "declined offers: offer-small");
    }
  }

  @Test
  @Timeout(20)
  void followsTheRedirectOfANonLeadingMasterForEveryCall() throws IOException {
    try (FakeMesosMaster leader = FakeMesosMaster.start(List.of(SMALL, FITTING),
        task -> List.of(new Status(Protos.TaskState.TASK_RUNNING, "")))) {
      HttpServer follower = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      List<String> followerCalls = Collections.synchronizedList(new ArrayList<>());
      follower.createContext("/api/v1/scheduler", exchange -> {
        followerCalls.add(exchange.getRequestMethod());
        exchange.getRequestBody().readAllBytes();
        // What a non-leading Mesos master sends: a scheme-relative Location naming the leader.
        exchange.getResponseHeaders().set("Location", "//127.0.0.1:" + leader.uri().getPort() + "/api/v1/scheduler");
        exchange.sendResponseHeaders(307, -1);
        exchange.close();
      });
      follower.start();
      try {
        Result result = MinimalFramework.run(
            URI.create("http://127.0.0.1:" + follower.getAddress().getPort()), webPod(), 1, OPTIONS);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.ALL_RUNNING);
        assertThat(followerCalls).containsExactly("POST"); // only the SUBSCRIBE went there
        assertThat(leader.calls()).extracting(Call::getType).containsExactly(Call.Type.SUBSCRIBE,
            Call.Type.DECLINE, Call.Type.ACCEPT, Call.Type.ACKNOWLEDGE, Call.Type.ACKNOWLEDGE);
        assertThat(leader.problems()).isEmpty();
      } finally {
        follower.stop(0);
      }
    }
  }

  @Test
  void theCommandLineRejectsBadArguments() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(MinimalFramework.cli(new String[] {"http://127.0.0.1:5050"}, print(new ByteArrayOutputStream()),
        print(err))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
  }

  @Test
  @Timeout(20)
  void aMasterThatIsNotThereIsASubscribeFailure() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    Result result = MinimalFramework.run(URI.create("http://127.0.0.1:" + port), webPod(), 1, OPTIONS);
    assertThat(result.outcome()).isEqualTo(Outcome.SUBSCRIBE_FAILED);
    assertThat(result.message()).contains("SUBSCRIBE to http://127.0.0.1:" + port + "/api/v1/scheduler failed")
        .containsIgnoringCase("connection refused");
    assertThat(result.frameworkId()).isEmpty();
    assertThat(result.instances()).isEmpty();
  }

  private static PrintStream print(ByteArrayOutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }
}
