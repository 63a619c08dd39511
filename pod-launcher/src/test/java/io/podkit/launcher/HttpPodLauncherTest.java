package io.podkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.podkit.launcher.HttpPodLauncher.ContentType;
import io.podkit.translator.v1.V1Conversion;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.Protos;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link HttpPodLauncher} and {@link HttpPodLauncherProvider} against real HTTP servers on
 * 127.0.0.1 that decode each body as a Mesos v1 scheduler {@link Call}, the way a master does, and
 * answer what the test chooses.
 */
class HttpPodLauncherTest {
  private static final String STREAM_ID = "c5b0c1d4-1c1e-4a8d-9a55-0f1e2d3c4b5a";

  private final List<FakeMaster> masters = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopMasters() {
    masters.forEach(FakeMaster::close);
  }

  // ---------------------------------------------------------------- 202 and the decoded call

  @Test
  void protobufCallIsAcceptedAndDecodesToTheRequest() {
    FakeMaster master = start(Answer.status(202));
    LaunchRequest request = request();

    LaunchOutcome outcome = launcher(master, ContentType.PROTOBUF).accept(request);

    assertThat(outcome).isEqualTo(LaunchOutcome.accepted());
    assertThat(master.requests()).hasSize(1);
    Seen seen = master.requests().get(0);
    assertThat(seen.method()).isEqualTo("POST");
    assertThat(seen.path()).isEqualTo("/api/v1/scheduler");
    assertThat(seen.header("Content-Type")).containsExactly("application/x-protobuf");
    assertThat(seen.header("Accept")).containsExactly("application/x-protobuf");
    assertThat(seen.header("Mesos-Stream-Id")).containsExactly(STREAM_ID);
    assertThat(seen.parseError()).isNull();
    assertCallMatches(seen.call(), request);
  }

  @Test
  void jsonCallIsAcceptedWithProtoFieldNamesAndDecodesToTheRequest() {
    FakeMaster master = start(Answer.status(202));
    LaunchRequest request = request();

    LaunchOutcome outcome = launcher(master, ContentType.JSON).accept(request);

    assertThat(outcome).isInstanceOf(LaunchOutcome.Accepted.class);
    Seen seen = master.requests().get(0);
    assertThat(seen.header("Content-Type")).containsExactly("application/json");
    assertThat(seen.header("Accept")).containsExactly("application/json");
    assertThat(seen.header("Mesos-Stream-Id")).containsExactly(STREAM_ID);
    assertThat(seen.parseError()).isNull();
    assertCallMatches(seen.call(), request);
    // Mesos looks JSON fields up by their proto names and drops camelCase ones silently (R2).
    String json = new String(seen.body(), StandardCharsets.UTF_8);
    assertThat(json).contains("\"framework_id\"", "\"offer_ids\"", "\"launch_group\"", "\"task_group\"",
        "\"agent_id\"", "\"refuse_seconds\"", "\"type\":\"ACCEPT\"");
    assertThat(json).doesNotContain("frameworkId", "offerIds", "launchGroup", "agentId", "slave_id");
  }

  private static void assertCallMatches(Call call, LaunchRequest request) {
    assertThat(call.getType()).isEqualTo(Call.Type.ACCEPT);
    assertThat(call.getFrameworkId().getValue()).isEqualTo("framework-1");
    assertThat(call.getAccept().getOfferIdsList())
        .extracting(org.apache.mesos.v1.Protos.OfferID::getValue)
        .containsExactly("offer-1", "offer-2");
    assertThat(call.getAccept().getOperationsList())
        .containsExactlyElementsOf(request.operations().stream().map(V1Conversion::toV1).toList());
    org.apache.mesos.v1.Protos.TaskInfo task =
        call.getAccept().getOperations(0).getLaunchGroup().getTaskGroup().getTasks(0);
    assertThat(task.getAgentId().getValue()).isEqualTo("agent-1");
    assertThat(task.getTaskId().getValue()).isEqualTo("web.instance-1.nginx");
    assertThat(call.getAccept().getFilters().getRefuseSeconds()).isEqualTo(5.0);
    assertThat(call).isEqualTo(HttpPodLauncher.toCall(request));
  }

  // ---------------------------------------------------------------- error statuses

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "400, BAD_REQUEST",
      "401, FORBIDDEN",
      "403, FORBIDDEN",
      "409, CONFLICT",
      "415, UNSUPPORTED_MEDIA_TYPE",
      "500, SERVER_ERROR",
      "503, SERVER_ERROR",
      "418, UNEXPECTED_STATUS",
      "200, UNEXPECTED_STATUS",
  })
  void statusMapsToKind(int status, LaunchFailure.Kind kind) {
    FakeMaster master = start(Answer.status(status, "master says " + status));

    LaunchFailure failure = failure(launcher(master, ContentType.PROTOBUF).accept(request()));

    assertThat(failure.kind()).isEqualTo(kind);
    assertThat(failure.httpStatus()).hasValue(status);
    assertThat(failure.outcomeUnknown()).isFalse();
    assertThat(failure.message())
        .contains(master.endpoint().toString(), String.valueOf(status), "master says " + status);
    assertOneLine(failure.message());
    assertThat(master.requests()).hasSize(1);
  }

  @Test
  void badRequestSurfacesTheMastersTextOnOneLine() {
    FakeMaster master = start(Answer.status(400,
        "The stream ID 'x' included in this request didn't match\nthe stream ID currently associated"
            + " with framework ID framework-1"));

    LaunchFailure failure = failure(launcher(master, ContentType.JSON).accept(request()));

    assertThat(failure.kind()).isEqualTo(LaunchFailure.Kind.BAD_REQUEST);
    assertThat(failure.message()).isEqualTo(master.endpoint() + " answered 400 Bad Request: The stream ID 'x'"
        + " included in this request didn't match the stream ID currently associated with framework ID"
        + " framework-1");
    assertThat(failure.toString()).startsWith("BAD_REQUEST (HTTP 400): ");
  }

  @Test
  void noLeaderElectedIsAServerError() {
    FakeMaster master = start(Answer.status(503, "No leader elected"));

    LaunchFailure failure = failure(launcher(master, ContentType.PROTOBUF).accept(request()));

    assertThat(failure.kind()).isEqualTo(LaunchFailure.Kind.SERVER_ERROR);
    assertThat(failure.message()).endsWith("answered 503 Service Unavailable: No leader elected");
  }

  @Test
  void errorWithoutBodyStillNamesMasterAndStatus() {
    FakeMaster master = start(Answer.status(403));

    LaunchFailure failure = failure(launcher(master, ContentType.PROTOBUF).accept(request()));

    assertThat(failure.message()).isEqualTo(master.endpoint() + " answered 403 Forbidden");
  }

  // ---------------------------------------------------------------- redirects

  @Test
  void followsAbsoluteRedirectToTheLeaderAndRemembersIt() {
    FakeMaster leader = start(Answer.status(202));
    FakeMaster follower = start(Answer.redirect(leader.endpoint().toString()));
    HttpPodLauncher launcher = launcher(follower, ContentType.PROTOBUF);
    LaunchRequest request = request();

    assertThat(launcher.accept(request)).isInstanceOf(LaunchOutcome.Accepted.class);

    assertThat(follower.requests()).hasSize(1);
    assertThat(leader.requests()).hasSize(1);
    // The same body, decoded the same, went to the leader.
    assertThat(leader.requests().get(0).body()).isEqualTo(follower.requests().get(0).body());
    assertCallMatches(leader.requests().get(0).call(), request);
    assertThat(leader.requests().get(0).header("Mesos-Stream-Id")).containsExactly(STREAM_ID);
    assertThat(launcher.currentEndpoint()).isEqualTo(leader.endpoint());

    // Later calls go straight to the leader.
    assertThat(launcher.accept(request)).isInstanceOf(LaunchOutcome.Accepted.class);
    assertThat(follower.requests()).hasSize(1);
    assertThat(leader.requests()).hasSize(2);
  }

  @Test
  void followsSchemeRelativeRedirectLikeMesosSends() {
    FakeMaster leader = start(Answer.status(202));
    FakeMaster follower = start(Answer.redirect("//127.0.0.1:" + leader.port() + "/api/v1/scheduler"));
    HttpPodLauncher launcher = launcher(follower, ContentType.JSON);

    assertThat(launcher.accept(request())).isInstanceOf(LaunchOutcome.Accepted.class);
    assertThat(launcher.accept(request())).isInstanceOf(LaunchOutcome.Accepted.class);

    assertThat(follower.requests()).hasSize(1);
    assertThat(leader.requests()).hasSize(2);
    assertThat(leader.requests()).allSatisfy(seen -> {
      assertThat(seen.header("Content-Type")).containsExactly("application/json");
      assertThat(seen.parseError()).isNull();
    });
    assertThat(launcher.currentEndpoint()).isEqualTo(leader.endpoint());
  }

  @Test
  void leaderAnsweringAnErrorIsStillRememberedAndItsAnswerReported() {
    FakeMaster leader = start(Answer.status(400, "Framework cannot be found"));
    FakeMaster follower = start(Answer.redirect(leader.endpoint().toString()));
    HttpPodLauncher launcher = launcher(follower, ContentType.PROTOBUF);

    LaunchFailure failure = failure(launcher.accept(request()));

    assertThat(failure.kind()).isEqualTo(LaunchFailure.Kind.BAD_REQUEST);
    assertThat(failure.message()).contains(leader.endpoint().toString(), "Framework cannot be found");
    assertThat(launcher.currentEndpoint()).isEqualTo(leader.endpoint());
  }

  @Test
  void forgetsALeaderThatStopsAnsweringAndGoesBackToTheConfiguredMaster() {
    FakeMaster leader = start(Answer.status(202));
    FakeMaster follower = start(Answer.redirect(leader.endpoint().toString()));
    HttpPodLauncher launcher = launcher(follower, ContentType.PROTOBUF);
    assertThat(launcher.accept(request())).isInstanceOf(LaunchOutcome.Accepted.class);

    leader.close();
    LaunchFailure failure = failure(launcher.accept(request()));

    assertThat(failure.kind()).isEqualTo(LaunchFailure.Kind.CONNECTION_REFUSED);
    assertThat(failure.message()).contains(leader.endpoint().toString());
    // Not retried elsewhere: the follower saw only the first call ...
    assertThat(follower.requests()).hasSize(1);
    // ... but the next call goes to the configured master again.
    assertThat(launcher.currentEndpoint()).isEqualTo(follower.endpoint());
  }

  @Test
  void redirectLoopIsNoLeaderAfterMaxRedirects() {
    FakeMaster a = start(Answer.status(202));
    FakeMaster b = start(Answer.redirect(a.endpoint().toString()));
    a.answer(Answer.redirect("//127.0.0.1:" + b.port() + "/api/v1/scheduler"));
    HttpPodLauncher launcher = HttpPodLauncher.builder(a.endpoint(), STREAM_ID).maxRedirects(3).build();

    LaunchFailure failure = failure(launcher.accept(request()));

    assertThat(failure.kind()).isEqualTo(LaunchFailure.Kind.NO_LEADER);
    assertThat(failure.outcomeUnknown()).isFalse();
    assertThat(failure.httpStatus()).hasValue(307);
    assertThat(failure.message()).startsWith("gave up after 3 redirects (" + a.endpoint() + " -> " + b.endpoint());
    assertOneLine(failure.message());
    // The first request plus three redirects followed.
    assertThat(a.requests().size() + b.requests().size()).isEqualTo(4);
    assertThat(launcher.currentEndpoint()).isEqualTo(a.endpoint());
  }

  @Test
  void selfRedirectWithNoRedirectsAllowedIsNoLeaderAtOnce() {
    FakeMaster master = start(Answer.status(202));
    master.answer(Answer.redirect(master.endpoint().toString()));
    HttpPodLauncher launcher = HttpPodLauncher.builder(master.endpoint(), STREAM_ID).maxRedirects(0).build();

    LaunchFailure failure = failure(launcher.accept(request()));

    assertThat(failure.kind()).isEqualTo(LaunchFailure.Kind.NO_LEADER);
    assertThat(failure.message()).startsWith("gave up after 0 redirects");
    assertThat(master.requests()).hasSize(1);
  }

  @Test
  void redirectWithoutLocationIsNoLeader() {
    FakeMaster master = start(Answer.status(307));

    LaunchFailure failure = failure(launcher(master, ContentType.PROTOBUF).accept(request()));

    assertThat(failure.kind()).isEqualTo(LaunchFailure.Kind.NO_LEADER);
    assertThat(failure.message()).isEqualTo(master.endpoint()
        + " answered 307 Temporary Redirect without a Location header; cannot find the leading master");
    assertThat(master.requests()).hasSize(1);
  }

  @Test
  void redirectToAnUnusableLocationIsNoLeader() {
    FakeMaster master = start(Answer.redirect("ftp://127.0.0.1/api/v1/scheduler"));

    LaunchFailure failure = failure(launcher(master, ContentType.PROTOBUF).accept(request()));

    assertThat(failure.kind()).isEqualTo(LaunchFailure.Kind.NO_LEADER);
    assertThat(failure.message()).contains("unusable Location 'ftp://127.0.0.1/api/v1/scheduler'",
        "not an http or https URL");
    assertThat(master.requests()).hasSize(1);
  }

  @Test
  void resolvesRedirectLocations() {
    URI http = URI.create("http://m1:5050/api/v1/scheduler");
    URI https = URI.create("https://m1:5050/api/v1/scheduler");

    assertThat(HttpPodLauncher.resolveRedirect(http, "//m2:5050/api/v1/scheduler"))
        .isEqualTo(URI.create("http://m2:5050/api/v1/scheduler"));
    assertThat(HttpPodLauncher.resolveRedirect(https, "//m2:5050/api/v1/scheduler"))
        .isEqualTo(URI.create("https://m2:5050/api/v1/scheduler"));
    assertThat(HttpPodLauncher.resolveRedirect(http, "https://m3:5050/api/v1/scheduler"))
        .isEqualTo(URI.create("https://m3:5050/api/v1/scheduler"));
    assertThat(HttpPodLauncher.resolveRedirect(http, "//m2:5050"))
        .isEqualTo(URI.create("http://m2:5050/api/v1/scheduler"));
    assertThatThrownBy(() -> HttpPodLauncher.resolveRedirect(https, "http://m2:5050/api/v1/scheduler"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https to http");
    assertThatThrownBy(() -> HttpPodLauncher.resolveRedirect(http, "http://[bad"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a URI");
    assertThatThrownBy(() -> HttpPodLauncher.resolveRedirect(http, "mailto:a@b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("not an http or https URL");
  }

  // ---------------------------------------------------------------- connection failures

  @Test
  void connectionRefusedIsKnownNotSent() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    URI master = URI.create("http://127.0.0.1:" + port);
    HttpPodLauncher launcher = HttpPodLauncher.builder(master, STREAM_ID).build();

    LaunchFailure failure = failure(launcher.accept(request()));

    assertThat(failure.kind()).isEqualTo(LaunchFailure.Kind.CONNECTION_REFUSED);
    assertThat(failure.outcomeUnknown()).isFalse();
    assertThat(failure.httpStatus()).isEmpty();
    assertThat(failure.message()).isEqualTo("could not connect to http://127.0.0.1:" + port
        + "/api/v1/scheduler: connection refused; nothing was sent");
    assertOneLine(failure.message());
  }

  @Test
  void exceptionsAreClassifiedByWhatTheyMeanForTheOutcome() {
    HttpPodLauncher launcher = HttpPodLauncher.builder(URI.create("http://m:5050"), STREAM_ID)
        .requestTimeout(Duration.ofMillis(1500)).build();
    URI target = launcher.configuredEndpoint();

    // A connect time-out: no connection, so nothing was sent.
    LaunchFailure connect = launcher.failure(target,
        new ExecutionException(new HttpConnectTimeoutException("HTTP connect timed out")));
    assertThat(connect.kind()).isEqualTo(LaunchFailure.Kind.CONNECTION_REFUSED);
    assertThat(connect.outcomeUnknown()).isFalse();
    assertThat(connect.message()).isEqualTo("could not connect to http://m:5050/api/v1/scheduler within the"
        + " connect timeout; nothing was sent");

    LaunchFailure timeout = launcher.failure(target,
        new ExecutionException(new HttpTimeoutException("request timed out")));
    assertThat(timeout.kind()).isEqualTo(LaunchFailure.Kind.TIMEOUT);
    assertThat(timeout.message()).startsWith("no answer from http://m:5050/api/v1/scheduler within 1500 ms");

    LaunchFailure reset = launcher.failure(target,
        new ExecutionException(new IOException("Connection reset", new SocketException("reset by peer"))));
    assertThat(reset.kind()).isEqualTo(LaunchFailure.Kind.IO_ERROR);
    assertThat(reset.outcomeUnknown()).isTrue();
    assertThat(reset.message()).startsWith("connection to http://m:5050/api/v1/scheduler failed: Connection reset"
        + " (IOException); the master may or may not have received the ACCEPT");

    LaunchFailure unresolved = launcher.failure(target,
        new ExecutionException(new ConnectException().initCause(new UnresolvedAddressException())));
    assertThat(unresolved.kind()).isEqualTo(LaunchFailure.Kind.CONNECTION_REFUSED);
    assertThat(unresolved.message()).contains("cannot resolve the host 'm'");
  }

  @Test
  void timeoutIsUnknownOutcomeAndNeverRetried() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    FakeMaster master = start(Answer.status(202));
    master.answer(exchange -> {
      release.await(5, TimeUnit.SECONDS);
      Answer.status(202).respond(exchange);
    });
    HttpPodLauncher launcher = HttpPodLauncher.builder(master.endpoint(), STREAM_ID)
        .requestTimeout(Duration.ofMillis(300))
        .build();

    LaunchFailure failure;
    try {
      failure = failure(launcher.accept(request()));
      // Give a (wrong) retry the time to arrive before counting.
      Thread.sleep(300);
    } finally {
      release.countDown();
    }

    assertThat(failure.kind()).isEqualTo(LaunchFailure.Kind.TIMEOUT);
    assertThat(failure.outcomeUnknown()).isTrue();
    assertThat(failure.message()).startsWith("no answer from " + master.endpoint() + " within 300 ms")
        .contains("reconcile");
    assertOneLine(failure.message());
    assertThat(master.requests()).hasSize(1);
  }

  @Test
  void connectionDroppedBeforeAnswerIsIoErrorWithUnknownOutcome() {
    FakeMaster master = start(Answer.status(202));
    master.answer(exchange -> exchange.close());

    LaunchFailure failure = failure(launcher(master, ContentType.PROTOBUF).accept(request()));

    assertThat(failure.kind()).isEqualTo(LaunchFailure.Kind.IO_ERROR);
    assertThat(failure.outcomeUnknown()).isTrue();
    assertThat(failure.message()).startsWith("connection to " + master.endpoint() + " failed: ");
    assertOneLine(failure.message());
    assertThat(master.requests()).hasSize(1);
  }

  @Test
  void interruptedCallerIsIoErrorAndKeepsTheInterruptFlag() {
    FakeMaster master = start(Answer.status(202));
    HttpPodLauncher launcher = launcher(master, ContentType.PROTOBUF);

    Thread.currentThread().interrupt();
    LaunchOutcome outcome;
    try {
      outcome = launcher.accept(request());
    } finally {
      assertThat(Thread.interrupted()).as("interrupt flag restored").isTrue();
    }

    LaunchFailure failure = failure(outcome);
    assertThat(failure.kind()).isEqualTo(LaunchFailure.Kind.IO_ERROR);
    assertThat(failure.outcomeUnknown()).isTrue();
    assertThat(failure.message()).startsWith("interrupted while waiting for " + master.endpoint());
  }

  // ---------------------------------------------------------------- configuration

  @Test
  void builderNormalisesTheMasterUrlAndChecksSettings() {
    assertThat(HttpPodLauncher.builder(URI.create("http://m:5050"), "s").build().currentEndpoint())
        .isEqualTo(URI.create("http://m:5050/api/v1/scheduler"));
    assertThat(HttpPodLauncher.builder(URI.create("HTTP://m:5050/"), "s").build().configuredEndpoint())
        .isEqualTo(URI.create("http://m:5050/api/v1/scheduler"));
    assertThat(HttpPodLauncher.builder(URI.create("http://m:5050/api/v1/scheduler"), "s").build()
        .configuredEndpoint()).isEqualTo(URI.create("http://m:5050/api/v1/scheduler"));
    assertThat(HttpPodLauncher.builder(URI.create("https://proxy/mesos/"), "s").build().configuredEndpoint())
        .isEqualTo(URI.create("https://proxy/mesos/api/v1/scheduler"));

    HttpPodLauncher defaults = HttpPodLauncher.builder(URI.create("http://m:5050"), "s").build();
    assertThat(defaults.contentType()).isEqualTo(ContentType.PROTOBUF);
    assertThat(defaults.maxRedirects()).isEqualTo(3);
    assertThat(defaults.requestTimeout()).isEqualTo(HttpPodLauncher.DEFAULT_REQUEST_TIMEOUT);

    assertThatThrownBy(() -> HttpPodLauncher.builder(URI.create("ftp://m"), "s"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https");
    assertThatThrownBy(() -> HttpPodLauncher.builder(URI.create("http://u:p@m:5050"), "s"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("credentials");
    assertThatThrownBy(() -> HttpPodLauncher.builder(URI.create("http://m:5050"), " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Mesos-Stream-Id");
    assertThatThrownBy(() -> HttpPodLauncher.builder(URI.create("http://m:5050"), "a\r\nX: y"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("printable ASCII");
    HttpPodLauncher.Builder builder = HttpPodLauncher.builder(URI.create("http://m:5050"), "s");
    assertThatThrownBy(() -> builder.maxRedirects(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.requestTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpPodLauncher.builder(URI.create("http://m:5050"), "s")
        .httpClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Redirect.NEVER");
    assertThatThrownBy(() -> HttpPodLauncher.builder(URI.create("http://m:5050"), "s")
        .httpClient(HttpClient.newHttpClient()).connectTimeout(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
  }

  @Test
  void suppliedClientIsUsed() {
    FakeMaster master = start(Answer.status(202));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpPodLauncher launcher = HttpPodLauncher.builder(master.endpoint(), STREAM_ID).httpClient(client).build();

    assertThat(launcher.accept(request())).isInstanceOf(LaunchOutcome.Accepted.class);
    // Pinned to HTTP/1.1 even though the client prefers HTTP/2: no h2c upgrade headers.
    assertThat(master.requests().get(0).header("Upgrade")).isEmpty();
    assertThat(master.requests().get(0).protocol()).isEqualTo("HTTP/1.1");
  }

  @Test
  void providerIsFoundByNameAndConfiguresTheLauncher() {
    FakeMaster master = start(Answer.status(202));
    PodLauncherProvider provider = PodLauncherProvider.named("http").orElseThrow();
    assertThat(provider).isInstanceOf(HttpPodLauncherProvider.class);

    PodLauncher launcher = provider.create(Map.of(
        "master", "http://127.0.0.1:" + master.port(),
        "streamId", STREAM_ID,
        "contentType", "json",
        "timeoutMillis", "2000"));

    assertThat(launcher).isInstanceOf(HttpPodLauncher.class);
    assertThat(((HttpPodLauncher) launcher).requestTimeout()).isEqualTo(Duration.ofMillis(2000));
    assertThat(launcher.accept(request())).isInstanceOf(LaunchOutcome.Accepted.class);
    assertThat(master.requests().get(0).header("Content-Type")).containsExactly("application/json");
    assertThat(master.requests().get(0).header("Mesos-Stream-Id")).containsExactly(STREAM_ID);

    HttpPodLauncher defaults = (HttpPodLauncher) provider.create(Map.of("master", "http://m:5050", "streamId", "s"));
    assertThat(defaults.contentType()).isEqualTo(ContentType.PROTOBUF);
  }

  @Test
  void providerRejectsBadSettings() {
    HttpPodLauncherProvider provider = new HttpPodLauncherProvider();

    assertThatThrownBy(() -> provider.create(Map.of("streamId", "s")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'master'");
    assertThatThrownBy(() -> provider.create(Map.of("master", "http://m:5050")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'streamId'");
    assertThatThrownBy(() -> provider.create(Map.of("master", "http://m:5050", "streamId", "s",
        "contentType", "xml"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'json'");
    assertThatThrownBy(() -> provider.create(Map.of("master", "http://m:5050", "streamId", "s",
        "timeoutMillis", "-5"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> provider.create(Map.of("master", "http://m:5050", "streamId", "s",
        "timeoutMilis", "5"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeoutMilis");
    assertThatThrownBy(() -> provider.create(Map.of("master", "not a url", "streamId", "s")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("master");
  }

  // ---------------------------------------------------------------- helpers

  private static LaunchRequest request() {
    Protos.FrameworkID frameworkId = Protos.FrameworkID.newBuilder().setValue("framework-1").build();
    Protos.SlaveID agentId = Protos.SlaveID.newBuilder().setValue("agent-1").build();
    Protos.ExecutorInfo executor = Protos.ExecutorInfo.newBuilder()
        .setType(Protos.ExecutorInfo.Type.DEFAULT)
        .setExecutorId(Protos.ExecutorID.newBuilder().setValue("web.instance-1"))
        .setFrameworkId(frameworkId)
        .addResources(scalar("cpus", 0.1))
        .addResources(scalar("mem", 32))
        .addResources(scalar("disk", 10))
        .build();
    Protos.TaskInfo task = Protos.TaskInfo.newBuilder()
        .setName("nginx")
        .setTaskId(Protos.TaskID.newBuilder().setValue("web.instance-1.nginx"))
        .setSlaveId(agentId)
        .addResources(scalar("cpus", 0.5))
        .addResources(scalar("mem", 128))
        .setCommand(Protos.CommandInfo.newBuilder().setShell(true).setValue("nginx -g 'daemon off;'"))
        .build();
    Protos.Offer.Operation launch = Protos.Offer.Operation.newBuilder()
        .setType(Protos.Offer.Operation.Type.LAUNCH_GROUP)
        .setLaunchGroup(Protos.Offer.Operation.LaunchGroup.newBuilder()
            .setExecutor(executor)
            .setTaskGroup(Protos.TaskGroupInfo.newBuilder().addTasks(task)))
        .build();
    return new LaunchRequest(frameworkId,
        List.of(Protos.OfferID.newBuilder().setValue("offer-1").build(),
            Protos.OfferID.newBuilder().setValue("offer-2").build()),
        List.of(launch),
        Protos.Filters.newBuilder().setRefuseSeconds(5).build());
  }

  private static Protos.Resource scalar(String name, double value) {
    return Protos.Resource.newBuilder()
        .setName(name)
        .setType(Protos.Value.Type.SCALAR)
        .setScalar(Protos.Value.Scalar.newBuilder().setValue(value))
        .build();
  }

  private HttpPodLauncher launcher(FakeMaster master, ContentType contentType) {
    return HttpPodLauncher.builder(master.endpoint(), STREAM_ID)
        .contentType(contentType)
        .requestTimeout(Duration.ofSeconds(5))
        .connectTimeout(Duration.ofSeconds(2))
        .build();
  }

  private static LaunchFailure failure(LaunchOutcome outcome) {
    assertThat(outcome).isInstanceOf(LaunchOutcome.Failed.class);
    return ((LaunchOutcome.Failed) outcome).failure();
  }

  private static void assertOneLine(String message) {
    assertThat(message).doesNotContain("\n", "\r", "\tat ", "Exception:");
  }

  private FakeMaster start(Answer answer) {
    FakeMaster master = new FakeMaster(answer);
    masters.add(master);
    return master;
  }

  /** What a fake master does with one exchange, after it has read and decoded the body. */
  @FunctionalInterface
  interface Answer {
    void respond(HttpExchange exchange) throws IOException, InterruptedException;

    static Answer status(int status) {
      return status(status, "");
    }

    static Answer status(int status, String text) {
      return exchange -> {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (!text.isEmpty()) {
          exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      };
    }

    static Answer redirect(String location) {
      return exchange -> {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(307, -1);
        exchange.close();
      };
    }
  }

  /** One request a fake master received. */
  record Seen(String method, String path, String protocol, Map<String, List<String>> headers, byte[] body,
      Call call, String parseError) {
    List<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .toList();
    }
  }

  /**
   * A stand-in for a Mesos master's {@code /api/v1/scheduler} on 127.0.0.1 and a free port: decodes
   * each body as a v1 {@link Call} by its {@code Content-Type}, records it, and answers with the
   * current {@link Answer}.
   */
  static final class FakeMaster implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Seen> requests = new CopyOnWriteArrayList<>();
    private volatile Answer answer;
    private volatile boolean closed;

    FakeMaster(Answer answer) {
      this.answer = answer;
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      server.createContext("/", this::handle);
      server.setExecutor(executor);
      server.start();
    }

    void answer(Answer answer) {
      this.answer = answer;
    }

    int port() {
      return server.getAddress().getPort();
    }

    URI endpoint() {
      return URI.create("http://127.0.0.1:" + port() + "/api/v1/scheduler");
    }

    List<Seen> requests() {
      return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      Call call = null;
      String parseError = null;
      try {
        if ("application/x-protobuf".equals(contentType)) {
          call = Call.parseFrom(body);
        } else if ("application/json".equals(contentType)) {
          Call.Builder builder = Call.newBuilder();
          JsonFormat.parser().merge(new String(body, StandardCharsets.UTF_8), builder);
          call = builder.build();
        } else {
          parseError = "unexpected Content-Type " + contentType;
        }
      } catch (InvalidProtocolBufferException | RuntimeException e) {
        parseError = e.toString();
      }
      requests.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getProtocol(), Map.copyOf(exchange.getRequestHeaders()), body, call, parseError));
      try {
        answer.respond(exchange);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        exchange.close();
      }
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
      }
    }
  }

  @BeforeEach
  void clearInterruptFlag() {
    Thread.interrupted();
  }
}
