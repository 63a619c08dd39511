package io.podkit.launcher;

import static io.podkit.launcher.DriverPodLauncherTest.launchGroup;
import static io.podkit.launcher.DriverPodLauncherTest.offerId;
import static io.podkit.launcher.DriverPodLauncherTest.reserve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.Protos;
import org.junit.jupiter.api.Test;

class RecordingPodLauncherTest {
  private static final Protos.FrameworkID FRAMEWORK = Protos.FrameworkID.newBuilder().setValue("fw-1").build();

  private static LaunchRequest request(String offer, Protos.Offer.Operation... operations) {
    return new LaunchRequest(FRAMEWORK, List.of(offerId(offer)), List.of(operations), LaunchRequest.DEFAULT_FILTERS);
  }

  private static LaunchFailure failure(LaunchFailure.Kind kind, String message) {
    return new LaunchFailure(kind, OptionalInt.empty(), message);
  }

  private static List<String> taskIds(List<Protos.TaskInfo> tasks) {
    return tasks.stream().map(t -> t.getTaskId().getValue()).toList();
  }

  @Test
  void acceptsEveryRequestByDefault() {
    RecordingPodLauncher launcher = new RecordingPodLauncher();

    assertThat(launcher.accept(request("o1", launchGroup("p.instance-a.web.1")))).isEqualTo(LaunchOutcome.accepted());
    assertThat(launcher.accept(request("o2", launchGroup("p.instance-b.web.1")))).isEqualTo(LaunchOutcome.accepted());
  }

  @Test
  void recordsRequestsOperationsAndLaunchedTasksInOrder() {
    RecordingPodLauncher launcher = new RecordingPodLauncher();
    LaunchRequest first = request("o1", reserve(), launchGroup("p.instance-a.web.1", "p.instance-a.db.1"));
    LaunchRequest second = request("o2", launchGroup("p.instance-b.web.1"), launchGroup("q.instance-c.x.1"));

    launcher.accept(first);
    launcher.accept(second);

    assertThat(launcher.requests()).containsExactly(first, second);
    assertThat(launcher.operations()).containsExactly(
        first.operations().get(0), first.operations().get(1), second.operations().get(0), second.operations().get(1));
    // RESERVE carries no tasks: only LAUNCH_GROUP task infos are "launched".
    assertThat(taskIds(launcher.launchedTasks()))
        .containsExactly("p.instance-a.web.1", "p.instance-a.db.1", "p.instance-b.web.1", "q.instance-c.x.1");
  }

  @Test
  void snapshotsAreImmutableAndDoNotChangeLater() {
    RecordingPodLauncher launcher = new RecordingPodLauncher();
    launcher.accept(request("o1", launchGroup("p.instance-a.web.1")));
    List<LaunchRequest> snapshot = launcher.requests();

    launcher.accept(request("o2", launchGroup("p.instance-b.web.1")));

    assertThat(snapshot).hasSize(1);
    assertThatThrownBy(() -> snapshot.add(snapshot.get(0))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> launcher.launchedTasks().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void failNextWithFailsExactlyOnceAndStillRecords() {
    RecordingPodLauncher launcher = new RecordingPodLauncher();
    LaunchFailure timeout = failure(LaunchFailure.Kind.TIMEOUT, "no answer in 10s");
    launcher.failNextWith(timeout);

    assertThat(launcher.accept(request("o1", launchGroup("p.instance-a.web.1")))).isEqualTo(LaunchOutcome.failed(timeout));
    assertThat(launcher.accept(request("o2", launchGroup("p.instance-b.web.1")))).isEqualTo(LaunchOutcome.accepted());
    assertThat(launcher.requests()).hasSize(2);
    assertThat(taskIds(launcher.launchedTasks())).containsExactly("p.instance-a.web.1", "p.instance-b.web.1");
  }

  @Test
  void queuedFailuresAnswerInTheOrderGiven() {
    RecordingPodLauncher launcher = new RecordingPodLauncher();
    LaunchFailure refused = failure(LaunchFailure.Kind.CONNECTION_REFUSED, "refused");
    LaunchFailure notRunning = failure(LaunchFailure.Kind.DRIVER_NOT_RUNNING, "DRIVER_STOPPED");
    launcher.failNextWith(refused).failNextWith(notRunning);

    assertThat(launcher.accept(request("o1"))).isEqualTo(LaunchOutcome.failed(refused));
    assertThat(launcher.accept(request("o2"))).isEqualTo(LaunchOutcome.failed(notRunning));
    assertThat(launcher.accept(request("o3"))).isEqualTo(LaunchOutcome.accepted());
  }

  @Test
  void answerWithDecidesPerRequest() {
    RecordingPodLauncher launcher = new RecordingPodLauncher();
    LaunchFailure gone = failure(LaunchFailure.Kind.BAD_REQUEST, "Offer o-bad is no longer valid");
    launcher.answerWith(r -> r.offerIds().get(0).getValue().equals("o-bad") ? LaunchOutcome.failed(gone)
        : LaunchOutcome.accepted());

    assertThat(launcher.accept(request("o-good"))).isEqualTo(LaunchOutcome.accepted());
    assertThat(launcher.accept(request("o-bad"))).isEqualTo(LaunchOutcome.failed(gone));
  }

  @Test
  void queuedFailuresComeBeforeTheAnswerFunction() {
    RecordingPodLauncher launcher = new RecordingPodLauncher();
    LaunchFailure scripted = failure(LaunchFailure.Kind.SERVER_ERROR, "503");
    LaunchFailure byFunction = failure(LaunchFailure.Kind.FORBIDDEN, "not subscribed");
    launcher.answerWith(r -> LaunchOutcome.failed(byFunction)).failNextWith(scripted);

    assertThat(launcher.accept(request("o1"))).isEqualTo(LaunchOutcome.failed(scripted));
    assertThat(launcher.accept(request("o2"))).isEqualTo(LaunchOutcome.failed(byFunction));
  }

  @Test
  void anAnswerFunctionReturningNullIsATestBug() {
    RecordingPodLauncher launcher = new RecordingPodLauncher().answerWith(r -> null);

    assertThatThrownBy(() -> launcher.accept(request("o1")))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("answer function returned null");
  }

  @Test
  void theAnswerFunctionMayCallBackIntoTheLauncher() {
    RecordingPodLauncher launcher = new RecordingPodLauncher();
    LaunchFailure second = failure(LaunchFailure.Kind.CONFLICT, "second request");
    launcher.answerWith(r -> launcher.requests().size() == 2 ? LaunchOutcome.failed(second) : LaunchOutcome.accepted());

    assertThat(launcher.accept(request("o1"))).isEqualTo(LaunchOutcome.accepted());
    assertThat(launcher.accept(request("o2"))).isEqualTo(LaunchOutcome.failed(second));
  }

  @Test
  void clearForgetsRequestsButKeepsTheScript() {
    RecordingPodLauncher launcher = new RecordingPodLauncher();
    LaunchFailure scripted = failure(LaunchFailure.Kind.TIMEOUT, "t");
    launcher.accept(request("o1", launchGroup("p.instance-a.web.1")));
    launcher.failNextWith(scripted);

    launcher.clear();

    assertThat(launcher.requests()).isEmpty();
    assertThat(launcher.operations()).isEmpty();
    assertThat(launcher.launchedTasks()).isEmpty();
    assertThat(launcher.accept(request("o2"))).isEqualTo(LaunchOutcome.failed(scripted));
  }

  @Test
  void resetForgetsEverythingAndAcceptsAgain() {
    RecordingPodLauncher launcher = new RecordingPodLauncher();
    launcher.accept(request("o1"));
    launcher.failNextWith(failure(LaunchFailure.Kind.TIMEOUT, "t"))
        .answerWith(r -> LaunchOutcome.failed(failure(LaunchFailure.Kind.FORBIDDEN, "f")));

    launcher.reset();

    assertThat(launcher.requests()).isEmpty();
    assertThat(launcher.accept(request("o2"))).isEqualTo(LaunchOutcome.accepted());
    assertThat(launcher.accept(request("o3"))).isEqualTo(LaunchOutcome.accepted());
  }

  @Test
  void rejectsNulls() {
    RecordingPodLauncher launcher = new RecordingPodLauncher();
    assertThatThrownBy(() -> launcher.accept(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> launcher.failNextWith(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> launcher.answerWith(null)).isInstanceOf(NullPointerException.class);
    assertThat(launcher.requests()).isEmpty();
  }

  @Test
  void threadSafe_everyRequestIsRecordedAndEveryQueuedFailureUsedOnce() throws Exception {
    RecordingPodLauncher launcher = new RecordingPodLauncher();
    int threads = 8;
    int perThread = 250;
    int queuedFailures = 300;
    for (int i = 0; i < queuedFailures; i++) {
      launcher.failNextWith(failure(LaunchFailure.Kind.TIMEOUT, "scripted " + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<LaunchOutcome> outcomes = new ArrayList<>();
    Set<LaunchRequest> sent = new HashSet<>();
    try {
      List<Future<List<LaunchOutcome>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<LaunchRequest> mine = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          mine.add(request("o-" + t + "-" + i, launchGroup("p.instance-" + t + "-" + i + ".web.1")));
        }
        sent.addAll(mine);
        futures.add(pool.submit(() -> {
          start.await();
          List<LaunchOutcome> result = new ArrayList<>();
          for (LaunchRequest r : mine) {
            result.add(launcher.accept(r));
          }
          return result;
        }));
      }
      start.countDown();
      for (Future<List<LaunchOutcome>> f : futures) {
        outcomes.addAll(f.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(launcher.requests()).hasSize(threads * perThread).doesNotHaveDuplicates();
    assertThat(new HashSet<>(launcher.requests())).isEqualTo(sent);
    assertThat(launcher.launchedTasks()).hasSize(threads * perThread);
    List<String> failureMessages = outcomes.stream()
        .filter(o -> o instanceof LaunchOutcome.Failed)
        .map(o -> ((LaunchOutcome.Failed) o).failure().message())
        .toList();
    assertThat(failureMessages).hasSize(queuedFailures).doesNotHaveDuplicates();
    assertThat(outcomes).filteredOn(o -> o instanceof LaunchOutcome.Accepted).hasSize(threads * perThread - queuedFailures);
  }

  @Test
  void providerIsFoundByNameRecording() {
    PodLauncherProvider provider = PodLauncherProvider.named("recording").orElseThrow();

    assertThat(provider).isInstanceOf(RecordingPodLauncherProvider.class);
    assertThat(provider.name()).isEqualTo("recording");
    PodLauncher launcher = provider.create(Map.of());
    assertThat(launcher).isInstanceOf(RecordingPodLauncher.class);
    assertThat(launcher.accept(request("o1"))).isEqualTo(LaunchOutcome.accepted());
    assertThat(((RecordingPodLauncher) launcher).requests()).hasSize(1);
  }

  @Test
  void providerMakesAFreshLauncherEachTime() {
    RecordingPodLauncherProvider provider = new RecordingPodLauncherProvider();
    RecordingPodLauncher first = provider.create(Map.of());
    first.accept(request("o1"));

    assertThat(provider.create(Map.of())).isNotSameAs(first).satisfies(l -> assertThat(l.requests()).isEmpty());
  }

  @Test
  void providerRejectsSettingsItDoesNotTake() {
    assertThatThrownBy(() -> new RecordingPodLauncherProvider().create(Map.of("masterUrl", "http://m:5050")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("masterUrl");
  }
}
