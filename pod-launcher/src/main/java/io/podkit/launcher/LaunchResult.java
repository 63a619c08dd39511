package io.podkit.launcher;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.podkit.translator.InstanceId;
import io.podkit.translator.TaskNetworkInfo;
import io.podkit.translator.offer.NoMatchReason;
import io.podkit.translator.preflight.PreflightViolation;
import io.podkit.validation.ValidationReport;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.mesos.Protos;

/**
 * Where a launch went: each stage of {@link PodLaunchPipeline} that can stop it has its own result,
 * so a framework handles each case explicitly.
 */
public sealed interface LaunchResult permits LaunchResult.Launched, LaunchResult.Reserved, LaunchResult.Invalid,
    LaunchResult.NotMatched, LaunchResult.PreflightFailed, LaunchResult.LaunchFailed {

  /**
   * The master accepted the LAUNCH_GROUP. Task ids, host ports (by endpoint name) and per-task
   * network info are what the framework tracks; the tasks' fate arrives as status updates.
   */
  record Launched(
      InstanceId instanceId,
      List<String> taskIds,
      Map<String, Integer> hostPorts,
      List<TaskNetworkInfo> networkInfos,
      List<Protos.Offer.Operation> operations) implements LaunchResult {
    public Launched {
      Objects.requireNonNull(instanceId, "instanceId");
      taskIds = ImmutableList.copyOf(taskIds);
      hostPorts = ImmutableMap.copyOf(hostPorts);
      networkInfos = ImmutableList.copyOf(networkInfos);
      operations = ImmutableList.copyOf(operations);
    }
  }

  /**
   * A resident pod's resources and volumes were reserved (RESERVE + CREATE accepted); launch it on a
   * later offer with {@link LaunchOptions#onReservationOf(InstanceId)}.
   */
  record Reserved(InstanceId instanceId, List<Protos.Offer.Operation> operations) implements LaunchResult {
    public Reserved {
      Objects.requireNonNull(instanceId, "instanceId");
      operations = ImmutableList.copyOf(operations);
    }
  }

  /** The pod is not valid: nothing was matched or sent. */
  record Invalid(ValidationReport report) implements LaunchResult {
    public Invalid {
      Objects.requireNonNull(report, "report");
    }
  }

  /** The offer does not fit the pod, for these reasons: decline it. */
  record NotMatched(List<NoMatchReason> reasons) implements LaunchResult {
    public NotMatched {
      reasons = ImmutableList.copyOf(reasons);
    }
  }

  /** The operations would fail at the Mesos master; they were not sent. */
  record PreflightFailed(List<PreflightViolation> violations, List<Protos.Offer.Operation> operations)
      implements LaunchResult {
    public PreflightFailed {
      violations = ImmutableList.copyOf(violations);
      operations = ImmutableList.copyOf(operations);
    }
  }

  /**
   * Sending failed. If {@link LaunchFailure#outcomeUnknown()}, the tasks may be running anyway:
   * reconcile {@code taskIds} before launching again.
   */
  record LaunchFailed(LaunchFailure failure, InstanceId instanceId, List<String> taskIds,
      List<Protos.Offer.Operation> operations) implements LaunchResult {
    public LaunchFailed {
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(instanceId, "instanceId");
      taskIds = ImmutableList.copyOf(taskIds);
      operations = ImmutableList.copyOf(operations);
    }
  }
}
