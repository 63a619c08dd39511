package io.podkit.translator;

import io.podkit.model.Check;
import io.podkit.model.CheckKind;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.HealthCheck;
import io.podkit.model.HttpScheme;
import java.util.Optional;
import org.apache.mesos.Protos;

/**
 * A container's {@code healthCheck} as a Mesos {@code HealthCheck} (translation-rules C.5) and its
 * {@code check} as a Mesos {@code CheckInfo} (DESIGN G9; Marathon dropped it). Both always carry
 * {@code type}, which Mesos requires for task groups (R21, R22). HTTP and TCP probes target
 * 127.0.0.1 in the executor's network namespace, so the port is the one the container listens on.
 */
final class HealthChecks {
  private final PodNetworking networking;
  private final HostPorts hostPorts;

  HealthChecks(PodNetworking networking, HostPorts hostPorts) {
    this.networking = networking;
    this.hostPorts = hostPorts;
  }

  /** C.5: the Mesos health check of {@code container}, if it has one. */
  Optional<Protos.HealthCheck> healthCheck(Container container) {
    return container.healthCheck().map(hc -> healthCheck(container, hc));
  }

  private Protos.HealthCheck healthCheck(Container container, HealthCheck hc) {
    Protos.HealthCheck.Builder out = Protos.HealthCheck.newBuilder()
        .setIntervalSeconds(hc.intervalSecondsOrDefault())
        .setTimeoutSeconds(hc.timeoutSecondsOrDefault())
        .setConsecutiveFailures(hc.maxConsecutiveFailuresOrDefault())
        .setGracePeriodSeconds(hc.gracePeriodSecondsOrDefault())
        .setDelaySeconds(hc.delaySecondsOrDefault());
    CheckKind kind = hc.kind();
    if (kind instanceof CheckKind.Http http) {
      Protos.HealthCheck.HTTPCheckInfo.Builder h = Protos.HealthCheck.HTTPCheckInfo.newBuilder()
          .setScheme(http.schemeOrDefault() == HttpScheme.HTTPS ? "https" : "http")
          .setPort(port(container, http.endpoint(), "health check"))
          // pods cannot choose IPv6
          .setProtocol(Protos.NetworkInfo.Protocol.IPv4);
      http.path().ifPresent(h::setPath);
      out.setType(Protos.HealthCheck.Type.HTTP).setHttp(h);
    } else if (kind instanceof CheckKind.Tcp tcp) {
      out.setType(Protos.HealthCheck.Type.TCP).setTcp(Protos.HealthCheck.TCPCheckInfo.newBuilder()
          .setPort(port(container, tcp.endpoint(), "health check"))
          .setProtocol(Protos.NetworkInfo.Protocol.IPv4));
    } else if (kind instanceof CheckKind.Exec exec) {
      out.setType(Protos.HealthCheck.Type.COMMAND).setCommand(CommandInfos.forCheck(exec.command()));
    }
    return out.build();
  }

  /** G9: the Mesos check of {@code container}, if it has one; same port resolution as health checks. */
  Optional<Protos.CheckInfo> check(Container container) {
    return container.check().map(check -> check(container, check));
  }

  private Protos.CheckInfo check(Container container, Check check) {
    Protos.CheckInfo.Builder out = Protos.CheckInfo.newBuilder()
        .setDelaySeconds(check.delaySecondsOrDefault())
        .setIntervalSeconds(check.intervalSecondsOrDefault())
        .setTimeoutSeconds(check.timeoutSecondsOrDefault());
    CheckKind kind = check.kind();
    if (kind instanceof CheckKind.Http http) {
      if (http.schemeOrDefault() == HttpScheme.HTTPS) {
        // Mesos CheckInfo.Http has no scheme: probing an HTTPS endpoint with plain HTTP would
        // report a failure that is not one, and dropping the check would hide it (G8, G9).
        throw new PodTranslationException("container '" + container.name()
            + "': a Mesos check cannot probe HTTPS; use a health check or an exec check");
      }
      Protos.CheckInfo.Http.Builder h = Protos.CheckInfo.Http.newBuilder()
          .setPort(port(container, http.endpoint(), "check"));
      http.path().ifPresent(h::setPath);
      out.setType(Protos.CheckInfo.Type.HTTP).setHttp(h);
    } else if (kind instanceof CheckKind.Tcp tcp) {
      out.setType(Protos.CheckInfo.Type.TCP)
          .setTcp(Protos.CheckInfo.Tcp.newBuilder().setPort(port(container, tcp.endpoint(), "check")));
    } else if (kind instanceof CheckKind.Exec exec) {
      out.setType(Protos.CheckInfo.Type.COMMAND)
          .setCommand(Protos.CheckInfo.Command.newBuilder().setCommand(CommandInfos.forCheck(exec.command())));
    }
    return out.build();
  }

  /**
   * C.5 port resolution, among the container's own endpoints: the allocated host port on a host
   * network (and, G7, without networks); otherwise containerPort, else the host port. DESIGN G8:
   * a port that does not resolve is an error, never a silently dropped check.
   */
  private int port(Container container, String endpointName, String what) {
    Endpoint endpoint = container.endpoints().stream()
        .filter(e -> e.name().equals(endpointName))
        .findFirst()
        .orElseThrow(() -> new PodTranslationException("container '" + container.name() + "': the " + what
            + " probes endpoint '" + endpointName + "', which is not one of the container's endpoints"));
    Optional<Integer> hostPort = hostPorts.of(endpoint);
    Optional<Integer> port = endpoint.probedPort(networking.isHost(), hostPort);
    return port.orElseThrow(() -> new PodTranslationException("container '" + container.name() + "': the "
        + what + " port of endpoint '" + endpointName + "' does not resolve (" + networking.kind()
        + " networking, containerPort " + endpoint.containerPort().map(String::valueOf).orElse("absent")
        + ", no host port)"));
  }
}
