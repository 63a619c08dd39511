package io.podkit.launcher;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.apache.mesos.Protos;
import org.apache.mesos.SchedulerDriver;

/**
 * Sends an {@code ACCEPT} through the host framework's v0 {@link SchedulerDriver} (mesos-rules §3a):
 * {@code driver.acceptOffers(offerIds, operations, filters)}. podkit only uses the interface, so it
 * never loads {@code libmesos}; the framework passes in the driver it already runs.
 *
 * <p>Outcomes:
 *
 * <ul>
 *   <li>{@code DRIVER_RUNNING} → {@link LaunchOutcome.Accepted}. The driver has only handed the call
 *       to its libprocess actor; the tasks' fate arrives later as {@code Scheduler.statusUpdate}.
 *   <li>any other {@link Protos.Status} → {@link LaunchFailure.Kind#DRIVER_NOT_RUNNING}: the driver
 *       checks its status before dispatching and returns at once, so nothing was sent.
 *   <li>a {@link RuntimeException} from the driver → {@link LaunchFailure.Kind#IO_ERROR}, whose
 *       outcome is unknown: podkit cannot tell how far the driver got, so the framework reconciles.
 *   <li>an operation with {@code id} set → {@link LaunchFailure.Kind#BAD_REQUEST} without calling the
 *       driver. Mesos R15 forbids {@code id} on LAUNCH_GROUP, and the v0 driver goes further: for
 *       <em>any</em> operation with {@code id} it aborts itself ({@code sched.cpp}: "the
 *       SchedulerDriver cannot handle offer operation status updates"), which would take the whole
 *       framework's connection down, not just this launch.
 * </ul>
 *
 * <p><b>Caveat C3: no synthetic TASK_LOST.</b> When the driver is running but disconnected from the
 * master, it still returns {@code DRIVER_RUNNING}. For plain LAUNCH operations it then sends the
 * framework a synthetic {@code TASK_LOST}; for LAUNCH_GROUP it sends <em>nothing</em>, and the tasks
 * silently never exist. A framework using this launcher must therefore treat an accepted launch
 * whose tasks report no status in a reasonable time as unknown, and reconcile their task ids
 * ({@code driver.reconcileTasks}) before launching the instance again (a second ACCEPT with the same
 * task ids could launch twice, Mesos C1/R17).
 *
 * <p>The v0 driver takes the framework id from its own registration, so {@link
 * LaunchRequest#frameworkId()} is not sent. Thread-safe: this class holds no state besides the
 * driver, and {@code MesosSchedulerDriver} serialises its calls itself.
 */
public final class DriverPodLauncher implements PodLauncher {
  private final SchedulerDriver driver;

  /** A launcher sending every ACCEPT through {@code driver}, which the framework owns and runs. */
  public DriverPodLauncher(SchedulerDriver driver) {
    this.driver = Objects.requireNonNull(driver, "driver");
  }

  @Override
  public LaunchOutcome accept(LaunchRequest request) {
    Objects.requireNonNull(request, "request");
    List<Protos.Offer.Operation> operations = request.operations();
    for (int i = 0; i < operations.size(); i++) {
      Protos.Offer.Operation operation = operations.get(i);
      if (operation.hasId()) {
        // Mesos R15 and §3a: the driver would abort itself rather than send this.
        return failure(LaunchFailure.Kind.BAD_REQUEST, "operation " + i + " (" + operation.getType()
            + ") sets 'id' to '" + operation.getId().getValue() + "'; the v0 SchedulerDriver cannot handle"
            + " offer operation status updates and would abort, so nothing was sent (Mesos R15)");
      }
    }
    Protos.Status status;
    try {
      status = driver.acceptOffers(request.offerIds(), operations, request.filters());
    } catch (RuntimeException e) {
      String detail = e.getMessage() == null ? e.getClass().getName() : e.getClass().getName() + ": " + e.getMessage();
      return failure(LaunchFailure.Kind.IO_ERROR, "SchedulerDriver.acceptOffers threw " + detail
          + "; the offers may or may not have been accepted: reconcile the task ids before launching again");
    }
    if (status == Protos.Status.DRIVER_RUNNING) {
      return LaunchOutcome.accepted();
    }
    return failure(LaunchFailure.Kind.DRIVER_NOT_RUNNING, "SchedulerDriver.acceptOffers returned " + status
        + " instead of DRIVER_RUNNING; the driver sent nothing to the master");
  }

  private static LaunchOutcome failure(LaunchFailure.Kind kind, String message) {
    return LaunchOutcome.failed(new LaunchFailure(kind, OptionalInt.empty(), message));
  }

  @Override
  public String toString() {
    return "DriverPodLauncher[" + driver + "]";
  }
}
