package io.podkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.mesos.Protos;
import org.apache.mesos.SchedulerDriver;
import org.apache.mesos.scheduler.Protos.OfferConstraints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** mesos-rules §3a: what {@link DriverPodLauncher} hands the v0 driver, and how it reads the answer. */
class DriverPodLauncherTest {

  /** A {@link SchedulerDriver} that records every call and answers with a configurable status. */
  static final class RecordingDriver implements SchedulerDriver {
    record AcceptCall(List<Protos.OfferID> offerIds, List<Protos.Offer.Operation> operations, Protos.Filters filters) {}

    private final List<AcceptCall> acceptCalls = new ArrayList<>();
    private final List<String> otherCalls = new ArrayList<>();
    private volatile Supplier<Protos.Status> answer = () -> Protos.Status.DRIVER_RUNNING;

    RecordingDriver answering(Protos.Status status) {
      answer = () -> status;
      return this;
    }

    RecordingDriver throwing(RuntimeException e) {
      answer = () -> {
        throw e;
      };
      return this;
    }

    synchronized List<AcceptCall> acceptCalls() {
      return List.copyOf(acceptCalls);
    }

    synchronized List<String> otherCalls() {
      return List.copyOf(otherCalls);
    }

    private Protos.Status other(String call) {
      synchronized (this) {
        otherCalls.add(call);
      }
      return answer.get();
    }

    @Override
    public Protos.Status acceptOffers(
        Collection<Protos.OfferID> offerIds, Collection<Protos.Offer.Operation> operations, Protos.Filters filters) {
      synchronized (this) {
        // Copies, so a later change by the caller could not hide what was passed.
        acceptCalls.add(new AcceptCall(new ArrayList<>(offerIds), new ArrayList<>(operations), filters));
      }
      return answer.get();
    }

    @Override
    public Protos.Status start() {
      return other("start");
    }

    @Override
    public Protos.Status stop(boolean failover) {
      return other("stop(" + failover + ")");
    }

    @Override
    public Protos.Status stop() {
      return other("stop");
    }

    @Override
    public Protos.Status abort() {
      return other("abort");
    }

    @Override
    public Protos.Status join() {
      return other("join");
    }

    @Override
    public Protos.Status run() {
      return other("run");
    }

    @Override
    public Protos.Status requestResources(Collection<Protos.Request> requests) {
      return other("requestResources");
    }

    @Override
    public Protos.Status launchTasks(
        Collection<Protos.OfferID> offerIds, Collection<Protos.TaskInfo> tasks, Protos.Filters filters) {
      return other("launchTasks(offers, tasks, filters)");
    }

    @Override
    public Protos.Status launchTasks(Collection<Protos.OfferID> offerIds, Collection<Protos.TaskInfo> tasks) {
      return other("launchTasks(offers, tasks)");
    }

    @Override
    public Protos.Status launchTasks(Protos.OfferID offerId, Collection<Protos.TaskInfo> tasks, Protos.Filters filters) {
      return other("launchTasks(offer, tasks, filters)");
    }

    @Override
    public Protos.Status launchTasks(Protos.OfferID offerId, Collection<Protos.TaskInfo> tasks) {
      return other("launchTasks(offer, tasks)");
    }

    @Override
    public Protos.Status killTask(Protos.TaskID taskId) {
      return other("killTask");
    }

    @Override
    public Protos.Status declineOffer(Protos.OfferID offerId, Protos.Filters filters) {
      return other("declineOffer(offer, filters)");
    }

    @Override
    public Protos.Status declineOffer(Protos.OfferID offerId) {
      return other("declineOffer(offer)");
    }

    @Override
    public Protos.Status reviveOffers() {
      return other("reviveOffers");
    }

    @Override
    public Protos.Status reviveOffers(Collection<String> roles) {
      return other("reviveOffers(roles)");
    }

    @Override
    public Protos.Status suppressOffers() {
      return other("suppressOffers");
    }

    @Override
    public Protos.Status suppressOffers(Collection<String> roles) {
      return other("suppressOffers(roles)");
    }

    @Override
    public Protos.Status acknowledgeStatusUpdate(Protos.TaskStatus status) {
      return other("acknowledgeStatusUpdate");
    }

    @Override
    public Protos.Status sendFrameworkMessage(Protos.ExecutorID executorId, Protos.SlaveID slaveId, byte[] data) {
      return other("sendFrameworkMessage");
    }

    @Override
    public Protos.Status reconcileTasks(Collection<Protos.TaskStatus> statuses) {
      return other("reconcileTasks");
    }

    @Override
    public Protos.Status updateFramework(
        Protos.FrameworkInfo frameworkInfo, Collection<String> suppressedRoles, OfferConstraints offerConstraints) {
      return other("updateFramework(info, roles, constraints)");
    }

    @Override
    public Protos.Status updateFramework(Protos.FrameworkInfo frameworkInfo, Collection<String> suppressedRoles) {
      return other("updateFramework(info, roles)");
    }
  }

  private static final Protos.FrameworkID FRAMEWORK = Protos.FrameworkID.newBuilder().setValue("fw-1").build();
  private static final Protos.SlaveID AGENT = Protos.SlaveID.newBuilder().setValue("agent-1").build();

  static Protos.OfferID offerId(String value) {
    return Protos.OfferID.newBuilder().setValue(value).build();
  }

  static Protos.Offer.Operation launchGroup(String... taskIds) {
    Protos.TaskGroupInfo.Builder group = Protos.TaskGroupInfo.newBuilder();
    for (String taskId : taskIds) {
      group.addTasks(Protos.TaskInfo.newBuilder()
          .setName(taskId)
          .setTaskId(Protos.TaskID.newBuilder().setValue(taskId))
          .setSlaveId(AGENT));
    }
    return Protos.Offer.Operation.newBuilder()
        .setType(Protos.Offer.Operation.Type.LAUNCH_GROUP)
        .setLaunchGroup(Protos.Offer.Operation.LaunchGroup.newBuilder()
            .setExecutor(Protos.ExecutorInfo.newBuilder()
                .setType(Protos.ExecutorInfo.Type.DEFAULT)
                .setExecutorId(Protos.ExecutorID.newBuilder().setValue("instance-p.1"))
                .setFrameworkId(FRAMEWORK))
            .setTaskGroup(group))
        .build();
  }

  static Protos.Offer.Operation reserve() {
    return Protos.Offer.Operation.newBuilder()
        .setType(Protos.Offer.Operation.Type.RESERVE)
        .setReserve(Protos.Offer.Operation.Reserve.newBuilder())
        .build();
  }

  static Protos.Offer.Operation withId(Protos.Offer.Operation operation, String id) {
    return operation.toBuilder().setId(Protos.OperationID.newBuilder().setValue(id)).build();
  }

  static LaunchRequest request(List<Protos.Offer.Operation> operations) {
    return new LaunchRequest(FRAMEWORK, List.of(offerId("offer-1")), operations, LaunchRequest.DEFAULT_FILTERS);
  }

  private static LaunchFailure failure(LaunchOutcome outcome) {
    assertThat(outcome).isInstanceOf(LaunchOutcome.Failed.class);
    return ((LaunchOutcome.Failed) outcome).failure();
  }

  @Test
  void driverReceivesExactlyTheOfferIdsOperationsAndFilters() {
    RecordingDriver driver = new RecordingDriver();
    List<Protos.OfferID> offers = List.of(offerId("offer-1"), offerId("offer-2"));
    List<Protos.Offer.Operation> operations =
        List.of(reserve(), launchGroup("p.instance-a.web.1", "p.instance-a.db.1"), launchGroup("q.instance-b.x.1"));
    Protos.Filters filters = Protos.Filters.newBuilder().setRefuseSeconds(5).build();

    LaunchOutcome outcome = new DriverPodLauncher(driver).accept(new LaunchRequest(FRAMEWORK, offers, operations, filters));

    assertThat(outcome).isEqualTo(LaunchOutcome.accepted());
    assertThat(driver.acceptCalls()).containsExactly(new RecordingDriver.AcceptCall(offers, operations, filters));
    assertThat(driver.otherCalls()).isEmpty();
  }

  @Test
  void defaultFiltersArePassedAsGiven() {
    RecordingDriver driver = new RecordingDriver();
    new DriverPodLauncher(driver).accept(request(List.of(launchGroup("p.instance-a.web.1"))));

    assertThat(driver.acceptCalls()).singleElement()
        .satisfies(call -> assertThat(call.filters()).isEqualTo(LaunchRequest.DEFAULT_FILTERS));
  }

  @Test
  void driverRunningIsAccepted() {
    RecordingDriver driver = new RecordingDriver().answering(Protos.Status.DRIVER_RUNNING);

    assertThat(new DriverPodLauncher(driver).accept(request(List.of(launchGroup("p.instance-a.web.1")))))
        .isInstanceOf(LaunchOutcome.Accepted.class);
  }

  @ParameterizedTest
  @EnumSource(value = Protos.Status.class, names = "DRIVER_RUNNING", mode = EnumSource.Mode.EXCLUDE)
  void anyOtherDriverStatusIsDriverNotRunningNamingTheStatus(Protos.Status status) {
    RecordingDriver driver = new RecordingDriver().answering(status);

    LaunchFailure failure = failure(new DriverPodLauncher(driver).accept(request(List.of(launchGroup("p.instance-a.web.1")))));

    assertThat(failure.kind()).isEqualTo(LaunchFailure.Kind.DRIVER_NOT_RUNNING);
    assertThat(failure.message()).contains(status.name());
    assertThat(failure.outcomeUnknown()).isFalse(); // the driver checks its status before sending
    assertThat(failure.httpStatus()).isEmpty();
    assertThat(driver.acceptCalls()).hasSize(1);
  }

  @Test
  void aNullStatusIsDriverNotRunning() {
    RecordingDriver driver = new RecordingDriver().answering(null);

    LaunchFailure failure = failure(new DriverPodLauncher(driver).accept(request(List.of(launchGroup("p.instance-a.web.1")))));

    assertThat(failure.kind()).isEqualTo(LaunchFailure.Kind.DRIVER_NOT_RUNNING);
    assertThat(failure.message()).contains("null");
  }

  @Test
  void r15_launchGroupWithIdIsRefusedWithoutCallingTheDriver() {
    RecordingDriver driver = new RecordingDriver();
    Protos.Offer.Operation withId = withId(launchGroup("p.instance-a.web.1"), "op-7");

    LaunchFailure failure = failure(new DriverPodLauncher(driver).accept(request(List.of(reserve(), withId))));

    assertThat(failure.kind()).isEqualTo(LaunchFailure.Kind.BAD_REQUEST);
    assertThat(failure.outcomeUnknown()).isFalse();
    assertThat(failure.message()).contains("operation 1", "LAUNCH_GROUP", "'id'", "op-7", "R15");
    assertThat(driver.acceptCalls()).isEmpty();
    assertThat(driver.otherCalls()).isEmpty();
  }

  @Test
  void section3a_anyOperationWithIdIsRefusedBecauseTheDriverWouldAbort() {
    RecordingDriver driver = new RecordingDriver();

    LaunchFailure failure = failure(new DriverPodLauncher(driver)
        .accept(request(List.of(withId(reserve(), "r-1"), launchGroup("p.instance-a.web.1")))));

    assertThat(failure.kind()).isEqualTo(LaunchFailure.Kind.BAD_REQUEST);
    assertThat(failure.message()).contains("operation 0", "RESERVE", "r-1", "abort");
    assertThat(driver.acceptCalls()).isEmpty();
  }

  @Test
  void aRuntimeExceptionFromTheDriverIsAnIoErrorWithUnknownOutcome() {
    RecordingDriver driver = new RecordingDriver().throwing(new IllegalStateException("libprocess went away"));

    LaunchFailure failure = failure(new DriverPodLauncher(driver).accept(request(List.of(launchGroup("p.instance-a.web.1")))));

    assertThat(failure.kind()).isEqualTo(LaunchFailure.Kind.IO_ERROR);
    assertThat(failure.outcomeUnknown()).isTrue();
    assertThat(failure.message()).contains("IllegalStateException", "libprocess went away", "reconcile");
    assertThat(driver.acceptCalls()).hasSize(1); // called once, never retried
  }

  @Test
  void aRuntimeExceptionWithoutMessageIsNamedByItsClass() {
    RecordingDriver driver = new RecordingDriver().throwing(new NullPointerException());

    LaunchFailure failure = failure(new DriverPodLauncher(driver).accept(request(List.of(launchGroup("p.instance-a.web.1")))));

    assertThat(failure.kind()).isEqualTo(LaunchFailure.Kind.IO_ERROR);
    assertThat(failure.message()).contains("java.lang.NullPointerException").doesNotContain("null;");
  }

  @Test
  void aRequestWithNoOperationsIsPassedOn() {
    // An ACCEPT without operations declines the offers; nothing for the driver to refuse.
    RecordingDriver driver = new RecordingDriver();

    assertThat(new DriverPodLauncher(driver).accept(request(List.of()))).isEqualTo(LaunchOutcome.accepted());
    assertThat(driver.acceptCalls()).singleElement().satisfies(call -> assertThat(call.operations()).isEmpty());
  }

  @Test
  void rejectsNullDriverAndRequest() {
    assertThatThrownBy(() -> new DriverPodLauncher(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new DriverPodLauncher(new RecordingDriver()).accept(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void threadSafe_concurrentAcceptsEachReachTheDriverOnce() throws Exception {
    RecordingDriver driver = new RecordingDriver();
    DriverPodLauncher launcher = new DriverPodLauncher(driver);
    int threads = 8;
    int perThread = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<LaunchOutcome>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          List<LaunchOutcome> outcomes = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            outcomes.add(launcher.accept(request(List.of(launchGroup("p.instance-" + thread + "-" + i + ".web.1")))));
          }
          return outcomes;
        }));
      }
      start.countDown();
      for (Future<List<LaunchOutcome>> f : futures) {
        assertThat(f.get(30, TimeUnit.SECONDS)).hasSize(perThread).allMatch(o -> o instanceof LaunchOutcome.Accepted);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(driver.acceptCalls()).hasSize(threads * perThread);
    assertThat(driver.acceptCalls().stream()
            .map(c -> c.operations().get(0).getLaunchGroup().getTaskGroup().getTasks(0).getTaskId().getValue())
            .distinct())
        .hasSize(threads * perThread);
  }
}
