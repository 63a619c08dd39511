package io.podkit.launcher;

/**
 * Sends an {@code ACCEPT} with offer operations to Mesos, over whatever connection the host framework
 * owns: podkit never owns it. Adapters: {@link DriverPodLauncher} (v0 {@code SchedulerDriver}),
 * {@link HttpPodLauncher} (v1 HTTP scheduler API), {@link RecordingPodLauncher} (in memory, for
 * tests); others plug in directly or through {@link PodLauncherProvider} and {@code ServiceLoader}.
 *
 * <p>Implementations must be thread-safe and must never retry an ACCEPT on their own (a retried
 * ACCEPT can launch twice); failures whose outcome is unknown say so in {@link LaunchFailure}.
 */
@FunctionalInterface
public interface PodLauncher {
  /** Sends {@code request} once; never throws for a failure of the master or the network. */
  LaunchOutcome accept(LaunchRequest request);
}
