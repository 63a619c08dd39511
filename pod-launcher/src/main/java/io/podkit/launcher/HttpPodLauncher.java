package io.podkit.launcher;

import io.podkit.translator.v1.MesosJson;
import io.podkit.translator.v1.V1Conversion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * A {@link PodLauncher} for the Mesos v1 scheduler HTTP API (DESIGN §5, mesos-rules.md §3b): each
 * {@link #accept} POSTs one {@code Call{framework_id, type: ACCEPT, accept{offer_ids, operations,
 * filters}}} to {@code <master>/api/v1/scheduler}, on its own connection, with the
 * {@code Mesos-Stream-Id} the host framework got from its {@code SUBSCRIBE}. podkit does not own the
 * subscription: the host framework keeps the event stream open, receives the task status updates and
 * acknowledges them; this class only sends the ACCEPT and reports the master's immediate answer.
 *
 * <p><b>Wire format.</b> {@code Content-Type} is exactly {@code application/x-protobuf} (the default:
 * it needs no field-name care and is what Mesos' own tests use) or {@code application/json}, with no
 * {@code charset} parameter, because the master compares the header by plain string equality and
 * answers 415 to anything else (R1). JSON bodies are printed by {@link MesosJson} with the proto field
 * names ({@code framework_id}, {@code agent_id}): the master's JSON reader looks fields up by those
 * names and silently drops {@code frameworkId}-style ones (R2). The v0 messages of the
 * {@link LaunchRequest} are converted to v1 by their wire format ({@link V1Conversion}); a task's
 * {@code slave_id} becomes {@code agent_id}. {@code Accept} asks for the same media type. Requests use
 * HTTP/1.1 (libprocess speaks HTTP/1.1; an {@code h2c} upgrade attempt is pointless there).
 *
 * <p><b>Answers.</b>
 * <ul>
 *   <li>202 → {@link LaunchOutcome.Accepted}: the master passed the HTTP-layer checks (R1–R5). The
 *       tasks' fate arrives later on the subscription stream (TASK_STARTING/RUNNING, or TASK_ERROR,
 *       TASK_LOST, TASK_DROPPED from the master's offer and task-group checks).
 *   <li>307 → the master is not the leader; its {@code Location} names the leader, usually
 *       scheme-relative ({@code //host:5050/api/v1/scheduler}, resolved with the scheme of the master
 *       that redirected). The same body is sent there, at most {@code maxRedirects} times. This is
 *       the <em>only</em> case in which a call is sent twice, and it is safe: a master that answers
 *       307 has not processed the call, it only pointed elsewhere. The leader found this way is used
 *       for later calls. No {@code Location}, an unusable one, a downgrade from {@code https} to
 *       {@code http}, or more redirects than allowed → {@link LaunchFailure.Kind#NO_LEADER}.
 *   <li>400 → {@code BAD_REQUEST} with the master's text (e.g. "Framework cannot be found" or a
 *       stream-id mismatch); 401/403 → {@code FORBIDDEN}; 409 → {@code CONFLICT}; 415 →
 *       {@code UNSUPPORTED_MEDIA_TYPE}; 5xx, including 503 "No leader elected" and "Master has not
 *       finished recovery" → {@code SERVER_ERROR}; any other code → {@code UNEXPECTED_STATUS}.
 *   <li>The connection was refused, or could not be made within the connect timeout →
 *       {@code CONNECTION_REFUSED}: nothing was sent, so the outcome is known (nothing happened).
 *   <li>No answer within the request timeout → {@code TIMEOUT}; the connection failed in another way
 *       (reset, closed before the answer, TLS failure) → {@code IO_ERROR}; the calling thread was
 *       interrupted while waiting → {@code IO_ERROR}, with the thread's interrupt flag set again. For
 *       all three the outcome is <em>unknown</em> ({@link LaunchFailure#outcomeUnknown()}).
 * </ul>
 * Failure messages are one line and name the master's URL and the HTTP status; they never hold a
 * stack trace.
 *
 * <p><b>No retries.</b> Apart from following a 307, an ACCEPT is never sent again, whatever happened:
 * a master that received the call may have launched the task group, and a second ACCEPT of the same
 * tasks could launch them twice (or fail confusingly against a used offer). The JDK client does not
 * resend a POST on its own either: it only retries a failed <em>connect</em>, before anything is sent.
 *
 * <p><b>After an unknown outcome</b> ({@code TIMEOUT} or {@code IO_ERROR}) a framework must find out
 * what the master did before it launches those tasks again:
 * <ol>
 *   <li>Send an explicit {@code Call{type: RECONCILE, reconcile{tasks: [{task_id, agent_id}…]}}} naming
 *       every task id of the ACCEPT (with the offer's agent id) — not an implicit reconciliation with
 *       an empty list, which only reports tasks the master already knows to be non-terminal.
 *   <li>Wait for an {@code UPDATE} for each of those task ids on the subscription stream.
 *       TASK_STAGING/STARTING/RUNNING (or a terminal state after a real run) means the launch
 *       happened: do not launch again. TASK_LOST/TASK_UNKNOWN with reason
 *       {@code REASON_RECONCILIATION} (TASK_UNKNOWN for partition-aware frameworks) means the master
 *       never saw the task: it is safe to launch again, with a new offer (the old offer is used up or
 *       rescinded either way). Until every id has an answer, do not launch them; if answers are slow,
 *       repeat the RECONCILE with back-off rather than launching.
 * </ol>
 *
 * <p><b>Leader tracking.</b> The launcher remembers which master to call: the one given to the
 * builder, or the leader a redirect led to once that leader answered with 2xx or 4xx (so it does
 * handle calls). If a call from the remembered leader fails in any other way — refused connection,
 * time-out, I/O error, 5xx, no usable redirect — the launcher goes back to the configured master for
 * the <em>next</em> call (the failed call itself is not retried), because the configured address
 * (often a DNS name or load balancer for all masters) is the one that can point to a new leader.
 *
 * <p><b>Time limits.</b> Each HTTP exchange (each redirect hop separately) gets at most the request
 * timeout, from sending to the end of the answer's body; making the connection gets at most the
 * connect timeout (only for the client the builder makes: a supplied {@link HttpClient} brings its
 * own).
 *
 * <p>Thread-safe: the configuration is immutable, the remembered leader is an atomic reference (last
 * writer wins when concurrent calls learn different leaders), and {@link HttpClient} is thread-safe.
 */
public final class HttpPodLauncher implements PodLauncher {
  /** The scheduler API's path on a master. */
  public static final String SCHEDULER_PATH = "/api/v1/scheduler";
  /** The header carrying the id of the framework's subscription stream. */
  public static final String STREAM_ID_HEADER = "Mesos-Stream-Id";
  /** Redirects followed by default: one hop to the leader, plus room for a leader change. */
  public static final int DEFAULT_MAX_REDIRECTS = 3;
  /** Default time for one exchange: a healthy master answers an ACCEPT in milliseconds. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  /** Default time for making a connection. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Longest piece of a master's answer body kept in a failure message. */
  private static final int MAX_BODY_TEXT = 300;
  /** Bytes of an answer body read at most; Mesos' error texts are short. */
  private static final int MAX_BODY_BYTES = 64 * 1024;

  /** The body encodings the master accepts (R1). */
  public enum ContentType {
    /** {@code application/x-protobuf}: the Call's protobuf wire format. */
    PROTOBUF("application/x-protobuf"),
    /** {@code application/json}: protobuf's JSON mapping with proto field names. */
    JSON("application/json");

    private final String mediaType;

    ContentType(String mediaType) {
      this.mediaType = mediaType;
    }

    /** The exact header value the master expects. */
    public String mediaType() {
      return mediaType;
    }
  }

  private final URI configuredEndpoint;
  private final String streamId;
  private final ContentType contentType;
  private final Duration requestTimeout;
  private final int maxRedirects;
  private final HttpClient client;
  private final AtomicReference<URI> leader;

  private HttpPodLauncher(Builder b) {
    this.configuredEndpoint = b.endpoint;
    this.streamId = b.streamId;
    this.contentType = b.contentType;
    this.requestTimeout = b.requestTimeout;
    this.maxRedirects = b.maxRedirects;
    this.client = b.httpClient != null
        ? b.httpClient
        : HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(b.connectTimeout)
            .build();
    this.leader = new AtomicReference<>(configuredEndpoint);
  }

  /**
   * A builder for a launcher that calls {@code master} with the stream id {@code streamId}.
   *
   * @param master the master's base URL ({@code http://host:5050}) or its scheduler endpoint
   *     ({@code http://host:5050/api/v1/scheduler}); a path prefix (for a proxy) is kept and
   *     {@value #SCHEDULER_PATH} appended to it
   * @param streamId the {@code Mesos-Stream-Id} header of the framework's SUBSCRIBE response
   */
  public static Builder builder(URI master, String streamId) {
    return new Builder(master, streamId);
  }

  /** The scheduler endpoint the next call goes to: the configured master or a leader found since. */
  public URI currentEndpoint() {
    return leader.get();
  }

  /** The scheduler endpoint of the master given to the builder. */
  public URI configuredEndpoint() {
    return configuredEndpoint;
  }

  public ContentType contentType() {
    return contentType;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public int maxRedirects() {
    return maxRedirects;
  }

  /**
   * Sends {@code request} as one ACCEPT call, following up to {@link #maxRedirects()} 307 redirects,
   * and reports the master's answer. Never throws for a failure of the master or the network.
   *
   * @throws io.podkit.translator.PodTranslationException if a message of {@code request} lacks a
   *     required field (only possible with {@code buildPartial()}); nothing is sent then
   */
  @Override
  public LaunchOutcome accept(LaunchRequest request) {
    Objects.requireNonNull(request, "request");
    byte[] body = encode(toCall(request));
    URI start = leader.get();
    URI target = start;
    List<URI> hops = new ArrayList<>();
    for (int redirects = 0; ; redirects++) {
      hops.add(target);
      Exchange exchange = send(target, body);
      if (exchange.failure != null) {
        forget(start);
        return LaunchOutcome.failed(exchange.failure);
      }
      HttpResponse<byte[]> response = exchange.response;
      int status = response.statusCode();
      if (status != 307) {
        if ((status >= 200 && status < 300) || (status >= 400 && status < 500)) {
          if (!target.equals(start)) {
            leader.set(target);
          }
        } else {
          forget(start);
        }
        return classify(target, response);
      }
      Optional<String> location = response.headers().firstValue("Location");
      if (location.isEmpty() || location.get().isBlank()) {
        forget(start);
        return noLeader(target + " answered 307 Temporary Redirect without a Location header;"
            + " cannot find the leading master");
      }
      URI next;
      try {
        next = resolveRedirect(target, location.get());
      } catch (IllegalArgumentException e) {
        forget(start);
        return noLeader(target + " answered 307 Temporary Redirect with an unusable Location '"
            + oneLine(location.get(), MAX_BODY_TEXT) + "': " + e.getMessage());
      }
      if (redirects >= maxRedirects) {
        hops.add(next);
        forget(start);
        return noLeader("gave up after " + maxRedirects + " redirect" + (maxRedirects == 1 ? "" : "s")
            + " (" + String.join(" -> ", hops.stream().map(URI::toString).toList())
            + "): no master took the call as leader (a redirect loop, or leadership is changing)");
      }
      target = next;
    }
  }

  /**
   * Goes back to the configured master for the next call, unless another call has meanwhile
   * remembered a different leader than {@code used}, the one this call started with.
   */
  private void forget(URI used) {
    leader.compareAndSet(used, configuredEndpoint);
  }

  private static LaunchOutcome noLeader(String message) {
    return LaunchOutcome.failed(new LaunchFailure(LaunchFailure.Kind.NO_LEADER, OptionalInt.of(307), message));
  }

  // ---------------------------------------------------------------- the call

  /** The v1 ACCEPT call for {@code request}, with v0 messages converted by their wire format. */
  static Call toCall(LaunchRequest request) {
    Call.Accept.Builder accept = Call.Accept.newBuilder();
    for (org.apache.mesos.Protos.OfferID offerId : request.offerIds()) {
      accept.addOfferIds(V1Conversion.convert(offerId, org.apache.mesos.v1.Protos.OfferID.parser()));
    }
    for (org.apache.mesos.Protos.Offer.Operation operation : request.operations()) {
      accept.addOperations(V1Conversion.toV1(operation));
    }
    accept.setFilters(V1Conversion.convert(request.filters(), org.apache.mesos.v1.Protos.Filters.parser()));
    return Call.newBuilder()
        .setFrameworkId(V1Conversion.convert(request.frameworkId(),
            org.apache.mesos.v1.Protos.FrameworkID.parser()))
        .setType(Call.Type.ACCEPT)
        .setAccept(accept)
        .build();
  }

  private byte[] encode(Call call) {
    return switch (contentType) {
      case PROTOBUF -> call.toByteArray();
      case JSON -> MesosJson.printCompact(call).getBytes(StandardCharsets.UTF_8);
    };
  }

  // ---------------------------------------------------------------- one exchange

  /** The answer of one POST, or why there is none. */
  private record Exchange(HttpResponse<byte[]> response, LaunchFailure failure) {}

  private Exchange send(URI target, byte[] body) {
    HttpRequest httpRequest = HttpRequest.newBuilder(target)
        .version(HttpClient.Version.HTTP_1_1)
        .timeout(requestTimeout)
        .header("Content-Type", contentType.mediaType())
        .header("Accept", contentType.mediaType())
        .header(STREAM_ID_HEADER, streamId)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    CompletableFuture<HttpResponse<byte[]>> future;
    try {
      future = client.sendAsync(httpRequest, info -> new LimitedBody());
    } catch (RuntimeException e) {
      // The JDK client refuses the request before sending (e.g. a security manager says no).
      return new Exchange(null, new LaunchFailure(LaunchFailure.Kind.IO_ERROR, OptionalInt.empty(),
          "could not send the ACCEPT to " + target + ": " + describe(e) + unknownSuffix()));
    }
    try {
      // The request timeout makes the JDK give up waiting for the answer's head; bounding get()
      // too also covers a master that sends the head and then stalls in the body.
      return new Exchange(future.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS), null);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return new Exchange(null, new LaunchFailure(LaunchFailure.Kind.IO_ERROR, OptionalInt.empty(),
          "interrupted while waiting for " + target + " to answer the ACCEPT" + unknownSuffix()));
    } catch (TimeoutException e) {
      future.cancel(true);
      return new Exchange(null, timeout(target));
    } catch (ExecutionException | CancellationException e) {
      return new Exchange(null, failure(target, e));
    }
  }

  /**
   * Keeps the first {@link #MAX_BODY_BYTES} of an answer's body and drops the rest, so that a
   * misbehaving server cannot make the launcher buffer an unbounded body (Mesos' answers to an
   * ACCEPT are empty or a short error text). Reactive Streams deliver {@code onNext} calls one at a
   * time, so the buffer needs no lock.
   */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        int n = Math.min(buffer.remaining(), MAX_BODY_BYTES - kept.size());
        if (n > 0) {
          byte[] chunk = new byte[n];
          buffer.get(chunk);
          kept.write(chunk, 0, n);
        }
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(kept.toByteArray());
    }
  }

  private LaunchFailure timeout(URI target) {
    return new LaunchFailure(LaunchFailure.Kind.TIMEOUT, OptionalInt.empty(),
        "no answer from " + target + " within " + requestTimeout.toMillis() + " ms" + unknownSuffix());
  }

  /** What a failed exchange means, from the first I/O exception in {@code thrown}'s causes. */
  LaunchFailure failure(URI target, Throwable thrown) {
    Throwable cause = thrown;
    while ((cause instanceof ExecutionException || cause instanceof CompletionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    IOException io = null;
    for (Throwable t = cause; t != null && io == null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException found) {
        io = found;
      }
    }
    if (io instanceof HttpConnectTimeoutException) {
      return new LaunchFailure(LaunchFailure.Kind.CONNECTION_REFUSED, OptionalInt.empty(),
          "could not connect to " + target + " within the connect timeout; nothing was sent");
    }
    if (io instanceof HttpTimeoutException) {
      return timeout(target);
    }
    if (io instanceof ConnectException) {
      return new LaunchFailure(LaunchFailure.Kind.CONNECTION_REFUSED, OptionalInt.empty(),
          "could not connect to " + target + ": " + connectDetail(target, io) + "; nothing was sent");
    }
    return new LaunchFailure(LaunchFailure.Kind.IO_ERROR, OptionalInt.empty(),
        "connection to " + target + " failed: " + describe(io != null ? io : cause) + unknownSuffix());
  }

  private static String unknownSuffix() {
    return "; the master may or may not have received the ACCEPT: reconcile its task ids before"
        + " launching them again";
  }

  /**
   * Why a connection could not be made. The JDK client throws a {@code ConnectException} without a
   * message whose cause is a bare {@code ClosedChannelException} for a refused connection, or an
   * {@code UnresolvedAddressException} for an unknown host, so the reason is read from the types.
   */
  private static String connectDetail(URI target, IOException e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof UnresolvedAddressException) {
        return "cannot resolve the host '" + target.getHost() + "'";
      }
    }
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        return oneLine(c.getMessage(), MAX_BODY_TEXT);
      }
    }
    return "connection refused";
  }

  /**
   * An exception as one line of text: the first message found along its causes (the JDK client
   * often throws a bare {@code ConnectException} whose cause says "Connection refused"), followed by
   * the thrown class's simple name.
   */
  private static String describe(Throwable t) {
    String name = t.getClass().getSimpleName();
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      String message = c.getMessage();
      if (message != null && !message.isBlank()) {
        return oneLine(message, MAX_BODY_TEXT) + " (" + name + ")";
      }
    }
    return name;
  }

  // ---------------------------------------------------------------- answers

  private static LaunchOutcome classify(URI target, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status == 202) {
      return LaunchOutcome.accepted();
    }
    LaunchFailure.Kind kind;
    if (status == 400) {
      kind = LaunchFailure.Kind.BAD_REQUEST;
    } else if (status == 401 || status == 403) {
      kind = LaunchFailure.Kind.FORBIDDEN;
    } else if (status == 409) {
      kind = LaunchFailure.Kind.CONFLICT;
    } else if (status == 415) {
      kind = LaunchFailure.Kind.UNSUPPORTED_MEDIA_TYPE;
    } else if (status >= 500 && status < 600) {
      kind = LaunchFailure.Kind.SERVER_ERROR;
    } else {
      kind = LaunchFailure.Kind.UNEXPECTED_STATUS;
    }
    String text = oneLine(new String(response.body() == null ? new byte[0] : response.body(),
        StandardCharsets.UTF_8), MAX_BODY_TEXT);
    String message = target + " answered " + status + reason(status) + (text.isEmpty() ? "" : ": " + text)
        + (kind == LaunchFailure.Kind.UNEXPECTED_STATUS
            ? " (not a status the scheduler API gives to an ACCEPT)" : "");
    return LaunchOutcome.failed(new LaunchFailure(kind, OptionalInt.of(status), message));
  }

  private static String reason(int status) {
    String phrase = switch (status) {
      case 200 -> "OK";
      case 202 -> "Accepted";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 409 -> "Conflict";
      case 415 -> "Unsupported Media Type";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "";
    };
    return phrase.isEmpty() ? "" : " " + phrase;
  }

  /** {@code text} on one line without control characters, cut to {@code max} characters. */
  static String oneLine(String text, int max) {
    String line = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    return line.length() <= max ? line : line.substring(0, max) + "…";
  }

  // ---------------------------------------------------------------- addresses

  /**
   * The endpoint a 307's {@code Location} names, seen from {@code current}: an absolute URL, or a
   * reference resolved against {@code current} — Mesos sends a scheme-relative one
   * ({@code //host:port/api/v1/scheduler}), which keeps {@code current}'s scheme. An empty path
   * becomes {@value #SCHEDULER_PATH}.
   *
   * @throws IllegalArgumentException (with a one-line reason) if the location is not a usable
   *     http(s) URL or would move from {@code https} to {@code http} (re-sending the call in clear
   *     text is not a redirect to follow silently)
   */
  static URI resolveRedirect(URI current, String location) {
    URI reference;
    try {
      reference = new URI(location.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URI (" + oneLine(e.getReason(), MAX_BODY_TEXT) + ")", e);
    }
    URI resolved = reference.isAbsolute() ? reference : current.resolve(reference);
    String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("not an http or https URL");
    }
    if (resolved.getHost() == null) {
      throw new IllegalArgumentException("no host");
    }
    if ("https".equalsIgnoreCase(current.getScheme()) && scheme.equals("http")) {
      throw new IllegalArgumentException("refusing to follow a redirect from https to http");
    }
    return withSchedulerPath(resolved, false);
  }

  /**
   * {@code uri} as a scheduler endpoint: an empty or "/" path becomes {@value #SCHEDULER_PATH}; a
   * path not ending in it gets it appended if {@code appendToPath}.
   */
  private static URI withSchedulerPath(URI uri, boolean appendToPath) {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String newPath;
    if (path.isEmpty() || path.equals("/")) {
      newPath = SCHEDULER_PATH;
    } else if (path.endsWith(SCHEDULER_PATH) || !appendToPath) {
      newPath = path;
    } else {
      newPath = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + SCHEDULER_PATH;
    }
    try {
      return new URI(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority() + newPath
          + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a usable URL: " + oneLine(e.getMessage(), MAX_BODY_TEXT), e);
    }
  }

  // ---------------------------------------------------------------- builder

  /** Configures an {@link HttpPodLauncher}; not thread-safe, the launcher it builds is. */
  public static final class Builder {
    private final URI endpoint;
    private final String streamId;
    private ContentType contentType = ContentType.PROTOBUF;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private boolean connectTimeoutSet;
    private HttpClient httpClient;
    private int maxRedirects = DEFAULT_MAX_REDIRECTS;

    private Builder(URI master, String streamId) {
      this.endpoint = masterEndpoint(Objects.requireNonNull(master, "master"));
      this.streamId = checkStreamId(streamId);
    }

    /** The body encoding; {@link ContentType#PROTOBUF} by default. */
    public Builder contentType(ContentType contentType) {
      this.contentType = Objects.requireNonNull(contentType, "contentType");
      return this;
    }

    /** Time for one exchange, up to the end of the answer; {@link #DEFAULT_REQUEST_TIMEOUT} by default. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    /**
     * Time for making a connection; {@link #DEFAULT_CONNECT_TIMEOUT} by default. Applies to the
     * client the builder makes, so it cannot be combined with {@link #httpClient}.
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      this.connectTimeoutSet = true;
      return this;
    }

    /**
     * The client to send with (to share a connection pool, or for TLS settings). It must not follow
     * redirects itself ({@link HttpClient.Redirect#NEVER}, the JDK's default): the launcher follows
     * 307s so that it can count them, keep the scheme and remember the leader. Requests are pinned to
     * HTTP/1.1 whatever the client's preferred version.
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** 307 redirects followed per call, at least 0; {@link #DEFAULT_MAX_REDIRECTS} by default. */
    public Builder maxRedirects(int maxRedirects) {
      if (maxRedirects < 0) {
        throw new IllegalArgumentException("maxRedirects must be at least 0, not " + maxRedirects);
      }
      this.maxRedirects = maxRedirects;
      return this;
    }

    /**
     * The launcher.
     *
     * @throws IllegalArgumentException if a supplied client follows redirects, or a connect timeout
     *     was set together with a supplied client
     */
    public HttpPodLauncher build() {
      if (httpClient != null) {
        if (httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
          throw new IllegalArgumentException("the HttpClient must not follow redirects (it follows "
              + httpClient.followRedirects() + "); use HttpClient.Redirect.NEVER: HttpPodLauncher follows"
              + " 307s itself to count them and remember the leader");
        }
        if (connectTimeoutSet) {
          throw new IllegalArgumentException("connectTimeout applies only to the HttpClient the builder"
              + " makes; set it on the supplied HttpClient instead");
        }
      }
      return new HttpPodLauncher(this);
    }

    private static URI masterEndpoint(URI master) {
      String scheme = master.getScheme() == null ? "" : master.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("the master must be an http or https URL, not '" + master + "'");
      }
      if (master.getHost() == null) {
        throw new IllegalArgumentException("the master URL '" + master + "' has no host");
      }
      if (master.getRawUserInfo() != null) {
        throw new IllegalArgumentException("the master URL must not carry credentials (user info);"
            + " HttpPodLauncher does not send an Authorization header");
      }
      if (master.getRawFragment() != null) {
        throw new IllegalArgumentException("the master URL '" + master + "' must not have a fragment");
      }
      return withSchedulerPath(master, true);
    }

    private static String checkStreamId(String streamId) {
      Objects.requireNonNull(streamId, "streamId");
      if (streamId.isBlank()) {
        throw new IllegalArgumentException("streamId must not be blank: it is the Mesos-Stream-Id header"
            + " of the framework's SUBSCRIBE response");
      }
      for (int i = 0; i < streamId.length(); i++) {
        char c = streamId.charAt(i);
        if (c < 0x20 || c > 0x7e) {
          throw new IllegalArgumentException("streamId must be printable ASCII (it is an HTTP header"
              + " value), but has character U+" + String.format("%04X", (int) c) + " at " + i);
        }
      }
      return streamId.strip();
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, not " + d);
      }
      return d;
    }
  }
}
