package io.podkit.launcher;

import com.google.common.collect.ImmutableList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.mesos.Protos;

/**
 * An in-memory {@link PodLauncher} for tests of code that launches pods: it records every {@link
 * LaunchRequest} and answers without any Mesos. By default every request is {@link
 * LaunchOutcome.Accepted}; a test can script failures ({@link #failNextWith}) or answer by its own
 * rule ({@link #answerWith}).
 *
 * <p>Every request is recorded, whatever the answer: the records are what a master would have been
 * sent, and the caller sees the answer as the return value of {@link #accept}. Thread-safe: requests
 * from several threads are all recorded, in the order they took the lock; the answer function is
 * called outside the lock, so it may itself call back into this launcher.
 */
public final class RecordingPodLauncher implements PodLauncher {
  private static final Function<LaunchRequest, LaunchOutcome> ACCEPT_ALL = request -> LaunchOutcome.accepted();

  private final Object lock = new Object();
  // guarded by lock
  private final List<LaunchRequest> requests = new ArrayList<>();
  // guarded by lock; one-shot answers that take precedence over `answer`, oldest first
  private final Deque<LaunchFailure> scriptedFailures = new ArrayDeque<>();
  private volatile Function<LaunchRequest, LaunchOutcome> answer = ACCEPT_ALL;

  /** A launcher that accepts every request until told otherwise. */
  public RecordingPodLauncher() {}

  /**
   * Records {@code request} and answers it: with the oldest failure queued by {@link #failNextWith},
   * if any, else with the function set by {@link #answerWith} (by default: accepted).
   *
   * @throws NullPointerException if the answer function returns null (a bug in the test)
   */
  @Override
  public LaunchOutcome accept(LaunchRequest request) {
    Objects.requireNonNull(request, "request");
    LaunchFailure scripted;
    Function<LaunchRequest, LaunchOutcome> answerNow;
    synchronized (lock) {
      requests.add(request);
      scripted = scriptedFailures.pollFirst();
      answerNow = answer;
    }
    if (scripted != null) {
      return LaunchOutcome.failed(scripted);
    }
    return Objects.requireNonNull(answerNow.apply(request), "the answer function returned null");
  }

  /**
   * Makes the next request fail with {@code failure}, once. Calls queue up: the next n requests fail
   * with the n failures in the order given, before the answer function is asked again.
   */
  public RecordingPodLauncher failNextWith(LaunchFailure failure) {
    Objects.requireNonNull(failure, "failure");
    synchronized (lock) {
      scriptedFailures.addLast(failure);
    }
    return this;
  }

  /**
   * Answers every request not taken by a queued {@link #failNextWith} failure with {@code answer},
   * which may look at the request (e.g. fail only requests naming a given offer). It may be called
   * from several threads at once.
   */
  public RecordingPodLauncher answerWith(Function<LaunchRequest, LaunchOutcome> answer) {
    this.answer = Objects.requireNonNull(answer, "answer");
    return this;
  }

  /** Every request received so far, oldest first (a snapshot). */
  public List<LaunchRequest> requests() {
    synchronized (lock) {
      return ImmutableList.copyOf(requests);
    }
  }

  /** The operations of every request received so far, in request order then operation order. */
  public List<Protos.Offer.Operation> operations() {
    ImmutableList.Builder<Protos.Offer.Operation> operations = ImmutableList.builder();
    for (LaunchRequest request : requests()) {
      operations.addAll(request.operations());
    }
    return operations.build();
  }

  /**
   * Every {@code TaskInfo} sent in a LAUNCH_GROUP operation so far, in order: what would be running
   * had the master accepted everything. Tasks of other operation types (podkit sends none) are not
   * included.
   */
  public List<Protos.TaskInfo> launchedTasks() {
    ImmutableList.Builder<Protos.TaskInfo> tasks = ImmutableList.builder();
    for (Protos.Offer.Operation operation : operations()) {
      if (operation.getType() == Protos.Offer.Operation.Type.LAUNCH_GROUP) {
        tasks.addAll(operation.getLaunchGroup().getTaskGroup().getTasksList());
      }
    }
    return tasks.build();
  }

  /** Forgets the requests received so far; queued failures and the answer function stay. */
  public void clear() {
    synchronized (lock) {
      requests.clear();
    }
  }

  /** Forgets the requests and queued failures and accepts everything again, as when new. */
  public void reset() {
    synchronized (lock) {
      requests.clear();
      scriptedFailures.clear();
      answer = ACCEPT_ALL;
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "RecordingPodLauncher[" + requests.size() + " requests, " + scriptedFailures.size()
          + " queued failures]";
    }
  }
}
