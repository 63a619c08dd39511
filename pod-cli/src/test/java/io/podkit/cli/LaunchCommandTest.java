package io.podkit.cli;

import static io.podkit.cli.Cli.offer;
import static io.podkit.cli.Cli.pod;
import static io.podkit.cli.Cli.podctl;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.podkit.translator.v1.MesosJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code podctl launch} against a local HTTP server standing in for the Mesos master. */
class LaunchCommandTest {
  @TempDir
  Path dir;

  /** One request the fake master received. */
  private record Received(String method, String path, String contentType, String streamId, byte[] body) {}

  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private HttpServer server;

  /** Starts a master that answers every call with {@code status} and {@code body} after {@code delayMillis}. */
  private String master(int status, String body, long delayMillis) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", exchange -> {
      byte[] request = exchange.getRequestBody().readAllBytes();
      received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getRequestHeaders().getFirst("Content-Type"),
          exchange.getRequestHeaders().getFirst("Mesos-Stream-Id"), request));
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] answer = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    executor.shutdownNow();
  }

  private static Cli.Run launch(String master, String... more) {
    List<String> args = new ArrayList<>(List.of("launch", pod("api.json").toString(), "--offer",
        offer("v0.json").toString(), "--master", master, "--framework-id", "framework-7", "--stream-id", "stream-1",
        "--instance-uuid", Cli.UUID));
    args.addAll(List.of(more));
    return podctl(args.toArray(String[]::new));
  }

  @Test
  void accepted202IsExit0WithTaskIdsAndPorts() throws IOException {
    Cli.Run run = launch(master(202, "", 0));
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains(
        "launched pod /tools/api as instance tools_api.instance-" + Cli.UUID + " on agent agent-v0 (node-0.example)",
        "task tools_api.instance-" + Cli.UUID + ".api.1",
        "task tools_api.instance-" + Cli.UUID + ".sidecar.1",
        "port http 4000",
        "port admin-ui 4001");

    assertThat(received).hasSize(1);
    Received call = received.get(0);
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.path()).isEqualTo("/api/v1/scheduler");
    assertThat(call.contentType()).isEqualTo("application/x-protobuf");
    assertThat(call.streamId()).isEqualTo("stream-1");
    Call accept = Call.parseFrom(call.body());
    assertThat(accept.getType()).isEqualTo(Call.Type.ACCEPT);
    assertThat(accept.getFrameworkId().getValue()).isEqualTo("framework-7");
    assertThat(accept.getAccept().getOfferIds(0).getValue()).isEqualTo("offer-v0");
    assertThat(accept.getAccept().getOperations(0).getType())
        .isEqualTo(org.apache.mesos.v1.Protos.Offer.Operation.Type.LAUNCH_GROUP);
    assertThat(accept.getAccept().getOperations(0).getLaunchGroup().getTaskGroup().getTasks(0).getAgentId()
        .getValue()).isEqualTo("agent-v0");
  }

  @Test
  void theJsonContentTypeSendsMesosJson() throws IOException {
    Cli.Run run = launch(master(202, "", 0), "--content-type", "json");
    assertThat(run.exit()).as(run.err()).isZero();
    Received call = received.get(0);
    assertThat(call.contentType()).isEqualTo("application/json");
    String body = new String(call.body(), StandardCharsets.UTF_8);
    assertThat(body).contains("\"framework_id\"", "\"launch_group\"");
    Call accept = MesosJson.parse(body, Call.newBuilder()).build();
    assertThat(accept.getType()).isEqualTo(Call.Type.ACCEPT);
  }

  @Test
  void aRefusedCallIsExit4WithKindStatusAndMessage() throws IOException {
    Cli.Run run = launch(master(400, "Framework 'framework-7' is not subscribed", 0));
    assertThat(run.exit()).isEqualTo(4);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(pod("api.json") + ": launch failed: BAD_REQUEST (HTTP 400): ",
        "Framework 'framework-7' is not subscribed", "the master did not take the call");
    assertThat(received).hasSize(1);
  }

  @Test
  void aTimeOutIsExit4WithAReconcileHint() throws IOException {
    Cli.Run run = launch(master(202, "", 3_000), "--timeout", "0.3");
    assertThat(run.exit()).isEqualTo(4);
    assertThat(run.err()).contains("launch failed: TIMEOUT", "the outcome is unknown", "reconcile",
        "tools_api.instance-" + Cli.UUID + ".api.1", "agent-v0");
  }

  @Test
  void anUnreachableMasterIsExit4() throws IOException {
    String url = master(202, "", 0);
    server.stop(0);
    server = null;
    Cli.Run run = launch(url);
    assertThat(run.exit()).isEqualTo(4);
    assertThat(run.err()).contains("launch failed: CONNECTION_REFUSED");
  }

  @Test
  void nothingIsSentForAnInvalidPodOrAnOfferThatDoesNotFit() throws IOException {
    String url = master(202, "", 0);
    Cli.Run invalid = podctl("launch", pod("bad-names.json").toString(), "--offer", offer("v0.json").toString(),
        "--master", url, "--framework-id", "framework-7", "--stream-id", "s");
    assertThat(invalid.exit()).isEqualTo(1);
    assertThat(invalid.err()).contains(pod("bad-names.json") + ":5:7: /containers(0)/name");

    Cli.Run noFit = podctl("launch", Cli.WEB.toString(), "--offer", offer("small.json").toString(),
        "--master", url, "--framework-id", "framework-7", "--stream-id", "s");
    assertThat(noFit.exit()).isEqualTo(3);
    assertThat(noFit.err()).contains("INSUFFICIENT_CPUS: asked 0.7, available 0.25");
    assertThat(received).isEmpty();
  }

  @Test
  void aResidentPodsFirstLaunchReserves() throws IOException {
    Path offerFile = Files.writeString(dir.resolve("offer.json"),
        MesosJson.print(OfferSource.defaultOffer("framework-7", "data")), StandardCharsets.UTF_8);
    Cli.Run run = podctl("launch", pod("resident.json").toString(), "--offer", offerFile.toString(),
        "--master", master(202, "", 0), "--framework-id", "framework-7", "--stream-id", "s",
        "--instance-uuid", Cli.UUID, "--principal", "ops");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("reserved resources and created volumes for instance data_db.instance-" + Cli.UUID,
        "--on-reservation --instance-uuid " + Cli.UUID);
    Call accept = Call.parseFrom(received.get(0).body());
    assertThat(accept.getAccept().getOperationsList()).extracting(o -> o.getType().name())
        .containsExactly("RESERVE", "CREATE");
    assertThat(accept.getAccept().getOperations(0).getReserve().getResources(0).getReservations(0).getPrincipal())
        .isEqualTo("ops");
  }

  @Test
  void usageErrorsAreExit2AndSendNothing() throws IOException {
    String url = master(202, "", 0);
    // required options
    assertThat(podctl("launch", Cli.WEB.toString(), "--master", url, "--framework-id", "f", "--stream-id", "s")
        .exit()).isEqualTo(2);
    assertThat(podctl("launch", Cli.WEB.toString(), "--offer", offer("v0.json").toString(), "--framework-id", "f",
        "--stream-id", "s").exit()).isEqualTo(2);
    // a malformed offer, a master that is no HTTP URL, the wrong framework, a blank stream id
    Cli.Run malformed = podctl("launch", pod("api.json").toString(), "--offer", offer("malformed.json").toString(),
        "--master", url, "--framework-id", "framework-7", "--stream-id", "s");
    assertThat(malformed.exit()).isEqualTo(2);
    assertThat(malformed.err()).contains(offer("malformed.json") + ": invalid Mesos Offer JSON");
    Cli.Run ftp = launch("ftp://master:5050");
    assertThat(ftp.exit()).isEqualTo(2);
    assertThat(ftp.err()).contains("must be an http or https URL");
    Cli.Run framework = podctl("launch", pod("api.json").toString(), "--offer", offer("v0.json").toString(),
        "--master", url, "--framework-id", "other", "--stream-id", "s");
    assertThat(framework.exit()).isEqualTo(2);
    assertThat(framework.err()).contains("the offer is for framework framework-7, not other");
    Cli.Run blank = podctl("launch", pod("api.json").toString(), "--offer", offer("v0.json").toString(),
        "--master", url, "--framework-id", "framework-7", "--stream-id", " ");
    assertThat(blank.exit()).isEqualTo(2);
    assertThat(blank.err()).contains("--stream-id must not be blank");
    assertThat(launch(url, "--timeout", "0").exit()).isEqualTo(2);
    assertThat(launch(url, "--content-type", "xml").exit()).isEqualTo(2);
    assertThat(received).isEmpty();
  }

  @Test
  void helpDocumentsExitCode4() {
    Cli.Run help = podctl("launch", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("--offer", "--master", "--framework-id", "--stream-id", "--content-type",
        "--instance-uuid", "--on-reservation", "Exit codes:", "4   the launch failed");
  }
}
