package io.podkit.examples.framework;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.apache.mesos.v1.Protos;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * A fake Mesos master for one framework, on {@code 127.0.0.1}, speaking the v1 scheduler API in
 * protobuf as mesos-rules.md §3b describes it: SUBSCRIBE gets 200, a {@code Mesos-Stream-Id} header
 * and a chunked RecordIO stream (SUBSCRIBED, then one OFFERS event) that stays open; every other call
 * gets 202 if it carries that stream id and this framework's id, else 400 with the master's message.
 * After an ACCEPT it streams, for each task of each LAUNCH_GROUP, the statuses {@code statuses}
 * gives, each with a fresh uuid. It validates no task group: the test runs podkit's own pre-flight
 * check on what arrived.
 *
 * <p>Every call is decoded with the v1 {@link Call} class and kept, in order, for assertions; every
 * breach of the HTTP rules (R1, R2, R5) is kept in {@link #problems()}.
 */
final class FakeMesosMaster implements AutoCloseable {
  static final String STREAM_ID = "3b1e4c2a-6f7d-4e21-9c55-0d8e2f1a7b90";
  static final Protos.FrameworkID FRAMEWORK_ID = Protos.FrameworkID.newBuilder().setValue("fake-framework-0001").build();
  static final Protos.AgentID AGENT_ID = Protos.AgentID.newBuilder().setValue("agent-1").build();
  private static final String PROTOBUF = "application/x-protobuf";

  /** A status the fake sends for a task: its state and message. */
  record Status(Protos.TaskState state, String message) {}

  /** One status update the fake streamed, for matching against acknowledgements. */
  record SentUpdate(String taskId, ByteString uuid, Protos.TaskState state) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-mesos-master");
    t.setDaemon(true);
    return t;
  });
  private final List<Protos.Offer> offers;
  private final Function<Protos.TaskInfo, List<Status>> statuses;
  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  private final List<SentUpdate> sentUpdates = Collections.synchronizedList(new ArrayList<>());
  private final Object streamLock = new Object();
  private OutputStream stream;

  private FakeMesosMaster(List<Protos.Offer> offers, Function<Protos.TaskInfo, List<Status>> statuses)
      throws IOException {
    this.offers = List.copyOf(offers);
    this.statuses = statuses;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/scheduler", this::handle);
    server.setExecutor(executor); // the stream holds one handler thread; other calls need others
    server.start();
  }

  /** A started fake that offers {@code offers} after SUBSCRIBED and answers launches with {@code statuses}. */
  static FakeMesosMaster start(List<Protos.Offer> offers, Function<Protos.TaskInfo, List<Status>> statuses)
      throws IOException {
    return new FakeMesosMaster(offers, statuses);
  }

  /** The master's base URL, {@code http://127.0.0.1:<port>}. */
  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Every call received, decoded, in arrival order. */
  List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** The calls of {@code type}, in arrival order. */
  List<Call> calls(Call.Type type) {
    return calls().stream().filter(c -> c.getType() == type).toList();
  }

  /** Breaches of the HTTP rules seen; empty when the framework followed them. */
  List<String> problems() {
    synchronized (problems) {
      return List.copyOf(problems);
    }
  }

  /** The status updates streamed, in order. */
  List<SentUpdate> sentUpdates() {
    synchronized (sentUpdates) {
      return List.copyOf(sentUpdates);
    }
  }

  @Override
  public void close() {
    synchronized (streamLock) {
      if (stream != null) {
        try {
          stream.close();
        } catch (IOException e) {
          // the framework closed its end first: nothing left to end
        }
      }
    }
    server.stop(0);
    executor.shutdownNow();
  }

  // ---------------------------------------------------------------- handling

  private void handle(HttpExchange exchange) throws IOException {
    try {
      if (!exchange.getRequestMethod().equals("POST")) {
        respond(exchange, 405, "Expecting a 'POST' request");
        return;
      }
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      if (!PROTOBUF.equals(contentType)) { // R1: compared by plain string equality
        problems.add("Content-Type '" + contentType + "'");
        respond(exchange, 415, "Expecting 'Content-Type' of application/json or application/x-protobuf");
        return;
      }
      Call call;
      try (InputStream in = exchange.getRequestBody()) {
        call = Call.parseFrom(in.readAllBytes()); // R2/R3: required fields are checked by parsing
      } catch (InvalidProtocolBufferException e) {
        problems.add("unparsable body: " + e.getMessage());
        respond(exchange, 400, "Failed to parse body into Call protobuf");
        return;
      }
      calls.add(call);
      String streamId = exchange.getRequestHeaders().getFirst("Mesos-Stream-Id");
      if (call.getType() == Call.Type.SUBSCRIBE) {
        subscribe(exchange, streamId);
        return;
      }
      if (streamId == null) {
        problems.add(call.getType() + " without Mesos-Stream-Id");
        respond(exchange, 400, "All non-subscribe calls should include the 'Mesos-Stream-Id' header");
        return;
      }
      if (!streamId.equals(STREAM_ID)) {
        problems.add(call.getType() + " with stream id " + streamId);
        respond(exchange, 400, "The stream ID '" + streamId + "' included in this request didn't match the"
            + " stream ID currently associated with framework ID " + FRAMEWORK_ID.getValue());
        return;
      }
      if (!call.getFrameworkId().equals(FRAMEWORK_ID)) {
        problems.add(call.getType() + " for framework '" + call.getFrameworkId().getValue() + "'");
        respond(exchange, 400, "Framework cannot be found");
        return;
      }
      respond(exchange, 202, "");
      if (call.getType() == Call.Type.ACCEPT) {
        streamUpdates(call.getAccept());
      }
    } catch (IOException | RuntimeException e) {
      problems.add("fake master failed: " + e);
      throw e;
    }
  }

  private void subscribe(HttpExchange exchange, String streamId) throws IOException {
    if (streamId != null) {
      problems.add("SUBSCRIBE with Mesos-Stream-Id");
      respond(exchange, 400, "Subscribe calls should not include the 'Mesos-Stream-Id' header");
      return;
    }
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    if (!PROTOBUF.equals(accept)) {
      problems.add("SUBSCRIBE with Accept '" + accept + "'");
    }
    exchange.getResponseHeaders().set("Mesos-Stream-Id", STREAM_ID);
    exchange.getResponseHeaders().set("Content-Type", PROTOBUF);
    exchange.sendResponseHeaders(200, 0); // 0: chunked, open-ended
    synchronized (streamLock) {
      stream = exchange.getResponseBody();
    }
    push(Event.newBuilder().setType(Event.Type.SUBSCRIBED)
        .setSubscribed(Event.Subscribed.newBuilder().setFrameworkId(FRAMEWORK_ID).setHeartbeatIntervalSeconds(15))
        .build());
    push(Event.newBuilder().setType(Event.Type.OFFERS)
        .setOffers(Event.Offers.newBuilder().addAllOffers(offers))
        .build());
    // The handler returns with the exchange open: the stream stays up until close().
  }

  private void streamUpdates(Call.Accept accept) throws IOException {
    push(Event.newBuilder().setType(Event.Type.HEARTBEAT).build()); // ignored by the framework
    for (Protos.Offer.Operation operation : accept.getOperationsList()) {
      if (operation.getType() != Protos.Offer.Operation.Type.LAUNCH_GROUP) {
        continue;
      }
      for (Protos.TaskInfo task : operation.getLaunchGroup().getTaskGroup().getTasksList()) {
        for (Status s : statuses.apply(task)) {
          ByteString uuid = uuidBytes();
          sentUpdates.add(new SentUpdate(task.getTaskId().getValue(), uuid, s.state()));
          Protos.TaskStatus.Builder status = Protos.TaskStatus.newBuilder()
              .setTaskId(task.getTaskId())
              .setState(s.state())
              .setAgentId(task.getAgentId())
              .setExecutorId(operation.getLaunchGroup().getExecutor().getExecutorId())
              .setSource(Protos.TaskStatus.Source.SOURCE_EXECUTOR)
              .setTimestamp(System.currentTimeMillis() / 1000.0)
              .setUuid(uuid);
          if (!s.message().isEmpty()) {
            status.setMessage(s.message());
          }
          push(Event.newBuilder().setType(Event.Type.UPDATE)
              .setUpdate(Event.Update.newBuilder().setStatus(status)).build());
        }
      }
    }
  }

  /** Writes one event as a RecordIO record and flushes it as its own chunk. */
  private void push(Event event) throws IOException {
    synchronized (streamLock) {
      if (stream == null) {
        throw new IllegalStateException("no subscription stream");
      }
      stream.write(RecordIoReader.frame(event.toByteArray()));
      stream.flush();
    }
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static ByteString uuidBytes() {
    UUID uuid = UUID.randomUUID();
    return ByteString.copyFrom(ByteBuffer.allocate(16)
        .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array());
  }

  // ---------------------------------------------------------------- offers

  /** An offer of this framework on {@link #AGENT_ID}: unreserved resources allocated to role "*". */
  static Protos.Offer offer(String id, double cpus, double mem, double disk, boolean ports) {
    Protos.Offer.Builder offer = Protos.Offer.newBuilder()
        .setId(Protos.OfferID.newBuilder().setValue(id))
        .setFrameworkId(FRAMEWORK_ID)
        .setAgentId(AGENT_ID)
        .setHostname("agent-1.example")
        .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("*"))
        .addResources(scalar("cpus", cpus))
        .addResources(scalar("mem", mem))
        .addResources(scalar("disk", disk));
    if (ports) {
      offer.addResources(resource("ports").setType(Protos.Value.Type.RANGES)
          .setRanges(Protos.Value.Ranges.newBuilder()
              .addRange(Protos.Value.Range.newBuilder().setBegin(31000).setEnd(32000))));
    }
    return offer.build();
  }

  private static Protos.Resource.Builder scalar(String name, double value) {
    return resource(name).setType(Protos.Value.Type.SCALAR).setScalar(Protos.Value.Scalar.newBuilder().setValue(value));
  }

  /**
   * A resource as a master sends it to a framework without RESERVATION_REFINEMENT: the deprecated
   * {@code role} field set to "*" (unreserved), and allocated to role "*".
   */
  @SuppressWarnings("deprecation")
  private static Protos.Resource.Builder resource(String name) {
    return Protos.Resource.newBuilder().setName(name).setRole("*")
        .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("*"));
  }
}
