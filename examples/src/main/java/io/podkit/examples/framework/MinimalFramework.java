package io.podkit.examples.framework;

import com.google.protobuf.InvalidProtocolBufferException;
import io.podkit.launcher.HttpPodLauncher;
import io.podkit.launcher.InstanceState;
import io.podkit.launcher.InstanceStatus;
import io.podkit.launcher.LaunchOptions;
import io.podkit.launcher.LaunchResult;
import io.podkit.launcher.PodLaunchPipeline;
import io.podkit.launcher.TaskStatuses;
import io.podkit.model.Pod;
import io.podkit.model.json.PodReader;
import io.podkit.model.json.ReadResult;
import io.podkit.translator.offer.Agent;
import io.podkit.translator.offer.OfferMatcher;
import io.podkit.translator.v1.V1Conversion;
import io.podkit.validation.PodValidator;
import io.podkit.validation.ValidPod;
import io.podkit.validation.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.mesos.Protos;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * A minimal but real Mesos framework that launches a pod with podkit over the v1 scheduler HTTP API,
 * in plain JDK ({@link java.net.http.HttpClient}) and protobuf: the way to embed podkit in a
 * framework that owns its own connection to the master (mesos-rules.md §3b).
 *
 * <h2>The loop</h2>
 * <ol>
 *   <li><b>SUBSCRIBE.</b> POST a protobuf {@code Call{type: SUBSCRIBE, subscribe{framework_info{user,
 *       name, roles: ["*"], capabilities: [MULTI_ROLE]}}}} to {@code <master>/api/v1/scheduler}, with
 *       {@code Content-Type} and {@code Accept} exactly {@code application/x-protobuf} and <em>no</em>
 *       {@code Mesos-Stream-Id} header. A 307 from a non-leading master is followed (its
 *       {@code Location} is usually scheme-relative). The master answers 200 with a
 *       {@code Mesos-Stream-Id} header and keeps the response open: that chunked body is the event
 *       stream, framed as RecordIO ({@link RecordIoReader}). Every other call goes on another
 *       connection and must carry that stream id.
 *   <li><b>SUBSCRIBED</b> gives the framework id (every call names it) and the heartbeat interval. A
 *       {@link PodLaunchPipeline} is built now, with an {@link HttpPodLauncher} for the stream id: the
 *       pipeline validates, matches, translates, pre-flight checks and sends the {@code ACCEPT}.
 *   <li><b>OFFERS.</b> Each v1 offer is converted to v0 with {@link V1Conversion} (podkit works on the
 *       v0 protos, which are wire-identical) and handed to the pipeline while instances are still
 *       wanted. {@link LaunchResult.Launched} records the instance and its task ids; an offer that does
 *       not fit ({@link LaunchResult.NotMatched}) or failed pre-flight is returned with a
 *       {@code DECLINE} call, as is every offer once enough instances were launched. An offer that is
 *       neither accepted nor declined stays allocated to the framework and starves everyone else.
 *   <li><b>UPDATE.</b> Each task status is recorded as the latest of its task, and the state of its
 *       pod instance is told by {@link TaskStatuses#instanceStatus}. Every status that carries a
 *       {@code uuid} is acknowledged ({@code Call{ACKNOWLEDGE, acknowledge{agent_id, task_id, uuid}}})
 *       after it has been recorded; without the acknowledgement the agent sends it again and holds
 *       back the task's later updates.
 *   <li><b>Stop</b> when every wanted instance is launched and {@link InstanceState#RUNNING}
 *       ({@link Outcome#ALL_RUNNING}), or as soon as one instance is {@link InstanceState#FAILED} or
 *       {@link InstanceState#KILLED} ({@link Outcome#INSTANCE_FAILED}). Heartbeats keep the wait
 *       honest: no event for {@value #MISSED_HEARTBEATS} heartbeat intervals means the connection is
 *       gone ({@link Outcome#DISCONNECTED}). An overall deadline bounds the whole run.
 * </ol>
 *
 * <h2>What a real framework adds</h2>
 * <ul>
 *   <li><b>Reconciliation after an unknown launch outcome.</b> When the ACCEPT times out or its
 *       connection breaks ({@link io.podkit.launcher.LaunchFailure.Kind#TIMEOUT},
 *       {@link io.podkit.launcher.LaunchFailure.Kind#IO_ERROR}, i.e.
 *       {@link io.podkit.launcher.LaunchFailure#outcomeUnknown()}), the master may have launched the
 *       tasks. This example stops there with {@link Outcome#LAUNCH_OUTCOME_UNKNOWN} and the task ids.
 *       A real framework sends {@code Call{RECONCILE, reconcile{tasks: [{task_id, agent_id}…]}}} for
 *       exactly those ids and waits for an UPDATE of each before it launches the instance again
 *       (TASK_LOST/TASK_UNKNOWN with {@code REASON_RECONCILIATION} = never launched; anything else =
 *       launched). It also reconciles all its tasks after every (re-)subscription, since updates may
 *       have been missed while it was away.
 *   <li><b>Failover.</b> This example sets no {@code failover_timeout}, so when it disconnects the
 *       master removes the framework at once and kills its tasks: a run here leaves nothing behind.
 *       A long-lived framework sets {@code failover_timeout}, persists its framework id, and on
 *       {@link Outcome#DISCONNECTED} (stream ended, I/O error or missed heartbeats) subscribes again
 *       with {@code framework_info.id} and {@code Call.framework_id} set, gets a new stream id (and so
 *       a new {@link HttpPodLauncher}), then reconciles. It would also follow leader changes, which
 *       show up as a broken stream and a 307 on the next SUBSCRIBE.
 *   <li><b>Replacing instances</b> that fail instead of stopping (with new instance ids, so new task
 *       ids), {@code SUPPRESS}/{@code REVIVE} instead of declining every offer once all is launched,
 *       several instances per offer, killing, and authentication.
 * </ul>
 *
 * <p>Run it with {@link #main}: {@code <master-url> <pod.json> [instances]} (see examples/README.md),
 * or call {@link #run} from code; tests run it against a fake master.
 */
public final class MinimalFramework {
  /** The only media type this framework speaks: protobuf needs no care about JSON field names. */
  public static final String PROTOBUF = "application/x-protobuf";
  /** Heartbeat intervals without any event after which the connection counts as lost. */
  public static final int MISSED_HEARTBEATS = 5;
  /** 307 redirects followed on SUBSCRIBE: one hop to the leader, plus room for a leader change. */
  private static final int MAX_REDIRECTS = 3;
  /** Bytes of an error answer kept for a message. */
  private static final int MAX_ERROR_TEXT = 300;

  private static final Logger LOG = Logger.getLogger(MinimalFramework.class.getName());

  private MinimalFramework() {}

  /** How a run ended. */
  public enum Outcome {
    /** Every wanted instance was launched and all its tasks are TASK_RUNNING. */
    ALL_RUNNING,
    /** An instance failed or was killed ({@link Result#message()} says which task and why). */
    INSTANCE_FAILED,
    /** The master refused an ACCEPT (400, 403, …), or the pipeline gave a result this loop cannot use. */
    LAUNCH_FAILED,
    /** An ACCEPT timed out or its connection broke: the tasks may be running; reconcile them. */
    LAUNCH_OUTCOME_UNKNOWN,
    /** The SUBSCRIBE call failed: no connection, an error status, no stream id, or a bad answer. */
    SUBSCRIBE_FAILED,
    /** The event stream ended, broke, or went silent for {@value MinimalFramework#MISSED_HEARTBEATS} heartbeats. */
    DISCONNECTED,
    /** The master sent an ERROR event (e.g. the framework was removed). */
    MASTER_ERROR,
    /** The overall deadline passed first. */
    TIMED_OUT,
    /** The running thread was interrupted. */
    INTERRUPTED
  }

  /**
   * Settings of a run.
   *
   * @param user the user tasks run as unless the pod sets one; it must exist on the agents
   * @param frameworkName the name the master shows
   * @param timeout the most a whole run may take
   * @param requestTimeout the most one call (SUBSCRIBE up to its headers, ACCEPT, DECLINE,
   *     ACKNOWLEDGE) may take
   * @param declineRefuse how long the master should not offer a declined offer's resources again
   */
  public record Options(String user, String frameworkName, Duration timeout, Duration requestTimeout,
      Duration declineRefuse) {
    public Options {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(frameworkName, "frameworkName");
      positive(timeout, "timeout");
      positive(requestTimeout, "requestTimeout");
      Objects.requireNonNull(declineRefuse, "declineRefuse");
      if (declineRefuse.isNegative()) {
        throw new IllegalArgumentException("declineRefuse must not be negative, not " + declineRefuse);
      }
    }

    /** The current OS user, a 5-minute run, 10 s per call, declined offers held back for 5 s. */
    public static Options defaults() {
      return new Options(System.getProperty("user.name", "root"), "podkit-minimal-framework",
          Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    public Options withUser(String value) {
      return new Options(value, frameworkName, timeout, requestTimeout, declineRefuse);
    }

    public Options withFrameworkName(String value) {
      return new Options(user, value, timeout, requestTimeout, declineRefuse);
    }

    public Options withTimeout(Duration value) {
      return new Options(user, frameworkName, value, requestTimeout, declineRefuse);
    }

    public Options withRequestTimeout(Duration value) {
      return new Options(user, frameworkName, timeout, value, declineRefuse);
    }

    public Options withDeclineRefuse(Duration value) {
      return new Options(user, frameworkName, timeout, requestTimeout, value);
    }

    private static void positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, not " + d);
      }
    }
  }

  /**
   * One launched pod instance as the run left it.
   *
   * @param instanceId {@code <safePodId>.instance-<uuid>}
   * @param agentId the agent of the offer it was launched on
   * @param taskIds its task ids, one per container, in pod order
   * @param status what its tasks' latest statuses say (STAGING until the first update)
   */
  public record Instance(String instanceId, String agentId, List<String> taskIds, InstanceStatus status) {
    public Instance {
      Objects.requireNonNull(instanceId, "instanceId");
      Objects.requireNonNull(agentId, "agentId");
      taskIds = List.copyOf(taskIds);
      Objects.requireNonNull(status, "status");
    }

    /** The instance's state. */
    public InstanceState state() {
      return status.state();
    }

    /** The latest state of each task that has reported, by task id, in pod order. */
    public Map<String, Protos.TaskState> taskStates() {
      Map<String, Protos.TaskState> states = new LinkedHashMap<>();
      status.tasks().values().forEach(s -> states.put(s.getTaskId().getValue(), s.getState()));
      return states;
    }
  }

  /**
   * What a run did.
   *
   * @param outcome how it ended
   * @param message one line saying why
   * @param frameworkId the id from SUBSCRIBED; empty if the subscription failed
   * @param instances the launched instances, in launch order
   * @param declinedOfferIds the offers declined, in order
   * @param acknowledgements how many status updates were acknowledged (with 202)
   */
  public record Result(Outcome outcome, String message, Optional<String> frameworkId, List<Instance> instances,
      List<String> declinedOfferIds, int acknowledgements) {
    public Result {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(frameworkId, "frameworkId");
      instances = List.copyOf(instances);
      declinedOfferIds = List.copyOf(declinedOfferIds);
    }

    /** The launched instance ids, in launch order. */
    public List<String> instanceIds() {
      return instances.stream().map(Instance::instanceId).toList();
    }

    /** Every launched task id, instance by instance. */
    public List<String> taskIds() {
      return instances.stream().flatMap(i -> i.taskIds().stream()).toList();
    }

    /** The latest state of every task that has reported, by task id. */
    public Map<String, Protos.TaskState> taskStates() {
      Map<String, Protos.TaskState> states = new LinkedHashMap<>();
      instances.forEach(i -> states.putAll(i.taskStates()));
      return states;
    }
  }

  // ---------------------------------------------------------------- entry points

  /** {@link #run(URI, Pod, int, Options)} with {@link Options#defaults()}. */
  public static Result run(URI master, Pod pod, int instances) {
    return run(master, pod, instances, Options.defaults());
  }

  /**
   * Subscribes to {@code master} as a new framework and launches {@code instances} instances of
   * {@code pod}, one per fitting offer, until all run, one fails, or something else ends the run
   * (see {@link Outcome}). Never throws for a failure of the master or the network.
   *
   * @param master the master's URL ({@code http://host:5050}) or its scheduler endpoint
   * @throws IllegalArgumentException if the pod is invalid or resident (a resident pod takes two
   *     offers, RESERVE+CREATE then launch, which this loop does not do), or {@code instances < 1}
   */
  public static Result run(URI master, Pod pod, int instances, Options options) {
    Objects.requireNonNull(master, "master");
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(options, "options");
    if (instances < 1) {
      throw new IllegalArgumentException("instances must be at least 1, not " + instances);
    }
    PodValidator validator = PodValidator.withDefaults();
    ValidationReport report = validator.validate(pod);
    if (!report.isValid()) {
      throw new IllegalArgumentException("pod " + pod.id() + " is invalid: " + String.join("; ",
          report.violations().stream().map(v -> v.path() + ": " + v.message()).toList()));
    }
    ValidPod valid = report.orElseThrow();
    if (valid.pod().isResident()) {
      throw new IllegalArgumentException("pod " + pod.id() + " has persistent volumes; this example launches"
          + " only non-resident pods (a resident pod reserves on one offer and launches on a later one)");
    }
    return new Session(schedulerEndpoint(master), valid, validator, instances, options).run();
  }

  /**
   * Runs the framework from the command line:
   * {@code <master-url> <pod.json> [instances] [--user NAME] [--timeout SECONDS]}. Without an
   * instance count it launches the pod's own {@code scaling.instances}. Exits 0 when all instances
   * run, 1 when the run ended otherwise, 2 for bad arguments or a pod that cannot be read.
   */
  public static void main(String[] args) {
    System.exit(cli(args, System.out, System.err));
  }

  /** {@link #main} without the exit: returns the exit code. */
  public static int cli(String[] args, PrintStream out, PrintStream err) {
    List<String> positional = new ArrayList<>();
    Options options = Options.defaults();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--user" -> options = options.withUser(value(args, ++i, "--user"));
          case "--timeout" -> options = options.withTimeout(
              Duration.ofSeconds(Long.parseLong(value(args, ++i, "--timeout"))));
          case "-h", "--help" -> {
            out.println(usage());
            return 0;
          }
          default -> {
            if (args[i].startsWith("--")) {
              throw new IllegalArgumentException("unknown option " + args[i]);
            }
            positional.add(args[i]);
          }
        }
      }
      if (positional.size() < 2 || positional.size() > 3) {
        throw new IllegalArgumentException("expected a master URL, a pod file and optionally an instance count");
      }
    } catch (IllegalArgumentException e) { // NumberFormatException included
      err.println("error: " + e.getMessage());
      err.println(usage());
      return 2;
    }

    URI master;
    Pod pod;
    int instances;
    try {
      master = new URI(positional.get(0));
      Path file = Path.of(positional.get(1));
      ReadResult read = PodReader.strict().read(file);
      if (!read.ok()) {
        read.errors().forEach(e -> err.println(file + ":" + e.line() + ":" + e.column() + ": " + e.path()
            + ": " + e.message()));
        return 2;
      }
      pod = read.orElseThrow();
      instances = positional.size() == 3 ? Integer.parseInt(positional.get(2)) : pod.instancesOrDefault();
    } catch (URISyntaxException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("error: cannot read " + positional.get(1) + ": " + e.getMessage());
      return 2;
    }

    Result result;
    try {
      result = run(master, pod, instances, options);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    out.println("outcome: " + result.outcome() + ": " + result.message());
    result.frameworkId().ifPresent(id -> out.println("framework: " + id));
    for (Instance instance : result.instances()) {
      out.println("instance " + instance.instanceId() + " on agent " + instance.agentId() + ": "
          + instance.state());
      for (String taskId : instance.taskIds()) {
        Protos.TaskState state = instance.taskStates().get(taskId);
        out.println("  task " + taskId + ": " + (state == null ? "no status yet" : state));
      }
    }
    if (!result.declinedOfferIds().isEmpty()) {
      out.println("declined offers: " + String.join(", ", result.declinedOfferIds()));
    }
    return result.outcome() == Outcome.ALL_RUNNING ? 0 : 1;
  }

  private static String usage() {
    return "usage: MinimalFramework <master-url> <pod.json> [instances] [--user NAME] [--timeout SECONDS]\n"
        + "  e.g. MinimalFramework http://127.0.0.1:5050 examples/pods/web.json 1";
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  // ---------------------------------------------------------------- one run

  /** A launched instance while the run goes on. */
  private static final class Tracked {
    final String instanceId;
    final String agentId;
    /** The agent for placement constraints ({@code UNIQUE}, {@code MAX_PER}) of later launches. */
    final Agent agent;
    final List<String> taskIds;
    /** The latest status of each task that has reported, by task id. */
    final Map<String, Protos.TaskStatus> latest = new LinkedHashMap<>();

    Tracked(String instanceId, String agentId, Agent agent, List<String> taskIds) {
      this.instanceId = instanceId;
      this.agentId = agentId;
      this.agent = agent;
      this.taskIds = List.copyOf(taskIds);
    }
  }

  /** What the stream reader hands the loop: an event, or the end of the stream (with its cause, if any). */
  private record StreamItem(Event event, String endedBecause) {}

  /** The SUBSCRIBE answer the loop goes on with. */
  private record Subscription(URI endpoint, String streamId, InputStream events) {}

  /** Why the SUBSCRIBE failed. */
  private static final class SubscribeFailure extends Exception {
    private static final long serialVersionUID = 1L;

    SubscribeFailure(String message) {
      super(message, null, false, false);
    }
  }

  /** The state of one run; used by one thread (plus the stream reader, which only fills the queue). */
  private static final class Session {
    private final URI configuredEndpoint;
    private final ValidPod pod;
    private final PodValidator validator;
    private final int wanted;
    private final Options options;
    private final HttpClient client;
    private final long deadlineNanos;
    private final BlockingQueue<StreamItem> queue = new LinkedBlockingQueue<>();

    private final Map<String, Tracked> instances = new LinkedHashMap<>();
    private final List<String> declined = new ArrayList<>();
    private int acknowledgements;
    private URI endpoint;
    private String streamId;
    private org.apache.mesos.v1.Protos.FrameworkID frameworkId;
    private PodLaunchPipeline pipeline;
    private Duration heartbeatTimeout;

    Session(URI endpoint, ValidPod pod, PodValidator validator, int wanted, Options options) {
      this.configuredEndpoint = endpoint;
      this.pod = pod;
      this.validator = validator;
      this.wanted = wanted;
      this.options = options;
      this.client = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1) // libprocess speaks HTTP/1.1
          .followRedirects(HttpClient.Redirect.NEVER) // HttpPodLauncher follows 307s itself
          .connectTimeout(options.requestTimeout())
          .build();
      this.deadlineNanos = System.nanoTime() + options.timeout().toNanos();
    }

    Result run() {
      Subscription subscription;
      try {
        subscription = subscribe();
      } catch (SubscribeFailure e) {
        return result(Outcome.SUBSCRIBE_FAILED, e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return result(Outcome.INTERRUPTED, "interrupted while subscribing");
      }
      endpoint = subscription.endpoint();
      streamId = subscription.streamId();
      LOG.info(() -> "subscribed at " + endpoint + ", Mesos-Stream-Id " + streamId);
      Thread reader = new Thread(() -> readEvents(subscription.events()), "mesos-event-stream");
      reader.setDaemon(true);
      reader.start();
      try {
        return loop();
      } finally {
        // Closing the body cancels the HTTP exchange, which ends the reader thread's blocking read;
        // the master sees the subscription connection close.
        try {
          subscription.events().close();
        } catch (IOException e) {
          LOG.log(Level.FINE, "closing the event stream", e);
        }
        reader.interrupt();
      }
    }

    private Result loop() {
      while (true) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
          return result(Outcome.TIMED_OUT, "not done within " + options.timeout().toMillis() + " ms ("
              + describeProgress() + ")");
        }
        boolean heartbeatBound = heartbeatTimeout != null && heartbeatTimeout.toNanos() < remaining;
        long wait = heartbeatBound ? heartbeatTimeout.toNanos() : remaining;
        StreamItem item;
        try {
          item = queue.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return result(Outcome.INTERRUPTED, "interrupted while waiting for events");
        }
        if (item == null) {
          if (heartbeatBound) {
            return result(Outcome.DISCONNECTED, "no event for " + heartbeatTimeout.toMillis() + " ms ("
                + MISSED_HEARTBEATS + " heartbeat intervals): the connection to the master is lost");
          }
          continue; // the deadline check above ends the run
        }
        if (item.event() == null) {
          return result(Outcome.DISCONNECTED, item.endedBecause());
        }
        Optional<Result> done = handle(item.event());
        if (done.isPresent()) {
          return done.get();
        }
      }
    }

    // ------------------------------------------------------------ SUBSCRIBE and the stream

    private Subscription subscribe() throws SubscribeFailure, InterruptedException {
      org.apache.mesos.v1.Protos.FrameworkInfo framework = org.apache.mesos.v1.Protos.FrameworkInfo.newBuilder()
          .setUser(options.user())
          .setName(options.frameworkName())
          .addRoles("*")
          .addCapabilities(org.apache.mesos.v1.Protos.FrameworkInfo.Capability.newBuilder()
              .setType(org.apache.mesos.v1.Protos.FrameworkInfo.Capability.Type.MULTI_ROLE))
          .build();
      byte[] body = Call.newBuilder()
          .setType(Call.Type.SUBSCRIBE)
          .setSubscribe(Call.Subscribe.newBuilder().setFrameworkInfo(framework))
          .build()
          .toByteArray();
      URI target = configuredEndpoint;
      for (int redirects = 0; ; redirects++) {
        HttpRequest request = HttpRequest.newBuilder(target)
            .timeout(options.requestTimeout()) // up to the answer's headers; the stream itself is unbounded
            .header("Content-Type", PROTOBUF)
            .header("Accept", PROTOBUF)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
        HttpResponse<InputStream> response;
        try {
          response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
          throw new SubscribeFailure("SUBSCRIBE to " + target + " failed: " + describe(e));
        }
        int status = response.statusCode();
        if (status == 307) {
          String location = response.headers().firstValue("Location").orElse("");
          closeQuietly(response.body());
          if (location.isBlank() || redirects >= MAX_REDIRECTS) {
            throw new SubscribeFailure(target + " answered 307 " + (location.isBlank() ? "without a Location"
                : "too often (last Location " + location + ")") + ": cannot find the leading master");
          }
          try {
            target = schedulerEndpoint(target.resolve(location.strip())); // "//host:5050/..." keeps the scheme
          } catch (IllegalArgumentException e) {
            throw new SubscribeFailure(target + " redirected to an unusable Location '" + location + "'");
          }
          URI next = target;
          LOG.info(() -> "not the leader; following the redirect to " + next);
          continue;
        }
        if (status != 200) {
          throw new SubscribeFailure(target + " answered SUBSCRIBE with " + status + ": " + errorText(response));
        }
        Optional<String> id = response.headers().firstValue(HttpPodLauncher.STREAM_ID_HEADER);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (id.isEmpty() || id.get().isBlank() || !contentType.startsWith(PROTOBUF)) {
          closeQuietly(response.body());
          throw new SubscribeFailure(target + " answered SUBSCRIBE with 200 but "
              + (id.isEmpty() || id.get().isBlank() ? "no " + HttpPodLauncher.STREAM_ID_HEADER + " header"
                  : "Content-Type '" + contentType + "' instead of " + PROTOBUF));
        }
        return new Subscription(target, id.get().strip(), response.body());
      }
    }

    /** The stream reader thread: one {@link StreamItem} per event, then one for the end. */
    private void readEvents(InputStream body) {
      RecordIoReader records = new RecordIoReader(body);
      String ended;
      try {
        while (true) {
          Optional<byte[]> record = records.next();
          if (record.isEmpty()) {
            ended = "the master closed the event stream after " + records.recordsRead() + " events";
            break;
          }
          queue.add(new StreamItem(Event.parseFrom(record.get()), null));
        }
      } catch (InvalidProtocolBufferException e) {
        ended = "event " + (records.recordsRead()) + " of the stream is not an Event: " + e.getMessage();
      } catch (IOException e) {
        ended = "the event stream broke: " + describe(e);
      }
      queue.add(new StreamItem(null, ended));
    }

    // ------------------------------------------------------------ events

    private Optional<Result> handle(Event event) {
      switch (event.getType()) {
        case SUBSCRIBED -> onSubscribed(event.getSubscribed());
        case OFFERS -> {
          for (org.apache.mesos.v1.Protos.Offer offer : event.getOffers().getOffersList()) {
            Optional<Result> done = onOffer(offer);
            if (done.isPresent()) {
              return done;
            }
          }
        }
        case UPDATE -> {
          return onUpdate(event.getUpdate().getStatus());
        }
        case RESCIND -> LOG.info(() -> "offer " + event.getRescind().getOfferId().getValue() + " rescinded");
        case HEARTBEAT -> LOG.fine("heartbeat");
        case ERROR -> {
          return Optional.of(result(Outcome.MASTER_ERROR, "the master sent ERROR: " + event.getError().getMessage()));
        }
        case FAILURE -> LOG.warning(() -> "FAILURE of agent " + event.getFailure().getAgentId().getValue()
            + (event.getFailure().hasExecutorId()
                ? ", executor " + event.getFailure().getExecutorId().getValue() : ""));
        default -> LOG.fine(() -> "ignoring " + event.getType() + " event");
      }
      return Optional.empty();
    }

    private void onSubscribed(Event.Subscribed subscribed) {
      frameworkId = subscribed.getFrameworkId();
      if (subscribed.hasHeartbeatIntervalSeconds() && subscribed.getHeartbeatIntervalSeconds() > 0) {
        heartbeatTimeout = Duration.ofMillis(
            (long) Math.ceil(subscribed.getHeartbeatIntervalSeconds() * 1000 * MISSED_HEARTBEATS));
      }
      // The launcher needs the stream id; the pipeline is stateless and reused for every offer.
      HttpPodLauncher launcher = HttpPodLauncher.builder(endpoint, streamId)
          .httpClient(client)
          .requestTimeout(options.requestTimeout())
          .build();
      pipeline = PodLaunchPipeline.builder(launcher).validator(validator).build();
      LOG.info(() -> "SUBSCRIBED as framework " + frameworkId.getValue());
    }

    private Optional<Result> onOffer(org.apache.mesos.v1.Protos.Offer offer) {
      String offerId = offer.getId().getValue();
      if (pipeline == null) {
        LOG.warning(() -> "offer " + offerId + " before SUBSCRIBED; ignoring it");
        return Optional.empty();
      }
      if (instances.size() >= wanted) {
        decline(offer, "all " + wanted + " instances are launched");
        return Optional.empty();
      }
      Protos.Offer v0 = V1Conversion.toV0(offer);
      List<Agent> running = instances.values().stream().map(t -> t.agent).toList();
      LaunchResult result = pipeline.launch(pod.pod(), v0, LaunchOptions.DEFAULT.withRunningInstanceAgents(running));
      if (result instanceof LaunchResult.Launched launched) {
        String instanceId = launched.instanceId().idString();
        instances.put(instanceId, new Tracked(instanceId, offer.getAgentId().getValue(),
            OfferMatcher.agentOf(v0), launched.taskIds()));
        LOG.info(() -> "launched " + instanceId + " on offer " + offerId + " (agent "
            + offer.getAgentId().getValue() + "), tasks " + launched.taskIds());
      } else if (result instanceof LaunchResult.NotMatched notMatched) {
        decline(offer, "it does not fit: " + String.join("; ",
            notMatched.reasons().stream().map(Object::toString).toList()));
      } else if (result instanceof LaunchResult.PreflightFailed preflight) {
        // The master would reject this LAUNCH_GROUP; nothing was sent. Log it and give the offer back.
        decline(offer, "the launch would fail at the master: " + String.join("; ",
            preflight.violations().stream().map(Object::toString).toList()));
      } else if (result instanceof LaunchResult.LaunchFailed failed) {
        if (failed.failure().outcomeUnknown()) {
          // Reconciliation goes here in a real framework (see the class comment); launching again
          // now could run the instance twice.
          return Optional.of(result(Outcome.LAUNCH_OUTCOME_UNKNOWN, "the ACCEPT of instance "
              + failed.instanceId().idString() + " may or may not have reached the master ("
              + failed.failure() + "); reconcile tasks " + failed.taskIds() + " before launching again"));
        }
        return Optional.of(result(Outcome.LAUNCH_FAILED, "the master refused the ACCEPT: " + failed.failure()));
      } else if (result instanceof LaunchResult.Invalid invalid) {
        return Optional.of(result(Outcome.LAUNCH_FAILED, "the pod is invalid: " + invalid.report().violations()));
      } else if (result instanceof LaunchResult.Reserved) {
        return Optional.of(result(Outcome.LAUNCH_FAILED, "the pipeline reserved resources for a resident pod,"
            + " which this example does not launch"));
      }
      return Optional.empty();
    }

    private Optional<Result> onUpdate(org.apache.mesos.v1.Protos.TaskStatus v1Status) {
      Protos.TaskStatus status = V1Conversion.convert(v1Status, Protos.TaskStatus.parser());
      String taskId = status.getTaskId().getValue();
      LOG.info(() -> "UPDATE " + taskId + " " + status.getState()
          + (status.hasMessage() && !status.getMessage().isBlank() ? ": " + status.getMessage() : ""));
      Optional<Tracked> tracked = TaskStatuses.instanceId(status).map(instances::get);
      if (tracked.isPresent() && tracked.get().taskIds.contains(taskId)) {
        tracked.get().latest.put(taskId, status);
      } else {
        LOG.info(() -> "task " + taskId + " is not one this run launched; only acknowledging it");
      }
      // Acknowledge after the status is recorded: once acknowledged, the agent will not send it again.
      if (v1Status.hasUuid()) {
        acknowledge(v1Status);
      }
      return tracked.flatMap(t -> progress());
    }

    /** The run's end, if the instances' states decide it. */
    private Optional<Result> progress() {
      boolean allRunning = instances.size() == wanted;
      for (Tracked t : instances.values()) {
        InstanceStatus status = statusOf(t);
        if (status.state() == InstanceState.FAILED || status.state() == InstanceState.KILLED) {
          return Optional.of(result(Outcome.INSTANCE_FAILED, "instance " + t.instanceId + " " + status.describe()));
        }
        allRunning &= status.state() == InstanceState.RUNNING;
      }
      return allRunning
          ? Optional.of(result(Outcome.ALL_RUNNING, "all " + wanted + " instance" + (wanted == 1 ? "" : "s")
              + " running"))
          : Optional.empty();
    }

    private InstanceStatus statusOf(Tracked t) {
      return TaskStatuses.instanceStatus(pod.pod(), t.latest.values());
    }

    // ------------------------------------------------------------ calls

    private void decline(org.apache.mesos.v1.Protos.Offer offer, String why) {
      String offerId = offer.getId().getValue();
      Call call = Call.newBuilder()
          .setFrameworkId(frameworkId)
          .setType(Call.Type.DECLINE)
          .setDecline(Call.Decline.newBuilder()
              .addOfferIds(offer.getId())
              .setFilters(org.apache.mesos.v1.Protos.Filters.newBuilder()
                  .setRefuseSeconds(options.declineRefuse().toMillis() / 1000.0)))
          .build();
      LOG.info(() -> "declining offer " + offerId + ": " + why);
      if (post(call, "DECLINE of offer " + offerId)) {
        declined.add(offerId);
      }
    }

    private void acknowledge(org.apache.mesos.v1.Protos.TaskStatus status) {
      if (!status.hasAgentId()) {
        // Updates with a uuid come from an agent and name it; without one, there is no one to ack to.
        LOG.warning(() -> "update of " + status.getTaskId().getValue() + " has a uuid but no agent id;"
            + " cannot acknowledge it");
        return;
      }
      Call call = Call.newBuilder()
          .setFrameworkId(frameworkId)
          .setType(Call.Type.ACKNOWLEDGE)
          .setAcknowledge(Call.Acknowledge.newBuilder()
              .setAgentId(status.getAgentId())
              .setTaskId(status.getTaskId())
              .setUuid(status.getUuid()))
          .build();
      if (post(call, "ACKNOWLEDGE of " + status.getTaskId().getValue() + " " + status.getState())) {
        acknowledgements++;
      }
    }

    /**
     * POSTs {@code call} on its own connection with the stream id; true on 202. A failed DECLINE or
     * ACKNOWLEDGE is logged, not fatal: the master re-offers an offer that was not declined once the
     * framework disconnects, and the agent resends an update until it is acknowledged.
     */
    private boolean post(Call call, String what) {
      HttpRequest request = HttpRequest.newBuilder(endpoint)
          .timeout(options.requestTimeout())
          .header("Content-Type", PROTOBUF)
          .header(HttpPodLauncher.STREAM_ID_HEADER, streamId)
          .POST(HttpRequest.BodyPublishers.ofByteArray(call.toByteArray()))
          .build();
      try {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 202) {
          return true;
        }
        LOG.warning(() -> what + " answered " + response.statusCode() + ": "
            + oneLine(new String(response.body(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        LOG.warning(() -> what + " failed: " + describe(e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        LOG.warning(() -> what + " interrupted");
      }
      return false;
    }

    // ------------------------------------------------------------ results

    private Result result(Outcome outcome, String message) {
      if (outcome == Outcome.ALL_RUNNING) {
        LOG.info(() -> outcome + ": " + message);
      } else {
        LOG.warning(() -> outcome + ": " + message);
      }
      List<Instance> launched = instances.values().stream()
          .map(t -> new Instance(t.instanceId, t.agentId, t.taskIds, statusOf(t)))
          .toList();
      return new Result(outcome, message, Optional.ofNullable(frameworkId).map(id -> id.getValue()), launched,
          declined, acknowledgements);
    }

    private String describeProgress() {
      return instances.size() + " of " + wanted + " launched" + (instances.isEmpty() ? "" : "; "
          + String.join(", ", instances.values().stream().map(t -> t.instanceId + " " + statusOf(t).state()).toList()));
    }
  }

  // ---------------------------------------------------------------- helpers

  /** {@code master} as its scheduler endpoint: {@code /api/v1/scheduler} appended unless already there. */
  static URI schedulerEndpoint(URI master) {
    String scheme = master.getScheme() == null ? "" : master.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || master.getHost() == null) {
      throw new IllegalArgumentException("the master must be an http(s) URL with a host, not '" + master + "'");
    }
    String path = master.getRawPath() == null ? "" : master.getRawPath();
    if (path.endsWith(HttpPodLauncher.SCHEDULER_PATH)) {
      return master;
    }
    String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return URI.create(scheme + "://" + master.getRawAuthority() + base + HttpPodLauncher.SCHEDULER_PATH);
  }

  private static String errorText(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      return oneLine(new String(in.readNBytes(MAX_ERROR_TEXT), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return "(no readable body)";
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing an answer body", e);
    }
  }

  /**
   * An exception as one line: the first message along its causes and the thrown class's name. The
   * JDK client reports a refused connection as a {@code ConnectException} without any message (its
   * cause is a bare {@code ClosedChannelException}), so that case is named from the type.
   */
  private static String describe(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        return oneLine(c.getMessage()) + " (" + t.getClass().getSimpleName() + ")";
      }
    }
    return t instanceof java.net.ConnectException ? "connection refused (ConnectException)"
        : t.getClass().getSimpleName();
  }

  private static String oneLine(String text) {
    String line = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    return line.length() <= MAX_ERROR_TEXT ? line : line.substring(0, MAX_ERROR_TEXT) + "…";
  }
}
