package io.podkit.validation;

import io.podkit.model.CheckKind;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.HealthCheck;
import io.podkit.model.Network;
import io.podkit.model.NetworkMode;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import java.util.List;
import java.util.Optional;

/**
 * Container health checks and checks: timings, the endpoint they probe, the master version exec
 * health checks need, and whether the probed port can be resolved at all.
 */
final class HealthCheckRules implements RuleGroup {
  @Override
  public void check(Pod pod, Findings findings) {
    for (int i = 0; i < pod.containers().size(); i++) {
      Container c = pod.containers().get(i);
      PodPath path = PodPath.of("containers", i);
      c.healthCheck().ifPresent(hc -> healthCheck(pod, c, hc, path.field("healthCheck"), findings));
      c.healthCheck().ifPresent(hc -> httpPath(hc.kind(), path.field("healthCheck"), findings));
      c.check().ifPresent(check -> {
        PodPath checkPath = path.field("check");
        // DESIGN G9: a check becomes TaskInfo.check, so it may only probe the container's own endpoints.
        Optional<String> name = endpointName(check.kind());
        if (name.isPresent() && endpoint(c, name.get()).isEmpty()) {
          findings.add(Rule.CHECK_ENDPOINT, checkPath.field(kindField(check.kind())).field("endpoint"));
        }
        // Mesos R21: CheckInfo.Http has no scheme; an HTTPS check would probe with plain HTTP.
        if (check.kind() instanceof CheckKind.Http http && http.schemeOrDefault() == io.podkit.model.HttpScheme.HTTPS) {
          findings.add(Rule.CHECK_HTTPS, checkPath.field("http").field("scheme"));
        }
        httpPath(check.kind(), checkPath, findings);
      });
    }
  }

  /** Mesos R21/R22: an HTTP probe's path must start with '/'; the master rejects the group otherwise. */
  private static void httpPath(CheckKind kind, PodPath path, Findings findings) {
    if (kind instanceof CheckKind.Http http && http.path().isPresent() && !http.path().get().startsWith("/")) {
      findings.add(Rule.HTTP_PATH_ABSOLUTE, path.field("http").field("path"));
    }
  }

  private static void healthCheck(Pod pod, Container c, HealthCheck hc, PodPath path, Findings findings) {
    // V-52: compared after defaults (20 < 60), so an interval of 10 alone fails.
    int timeout = hc.timeoutSecondsOrDefault();
    int interval = hc.intervalSecondsOrDefault();
    if (timeout >= interval) {
      findings.add(Rule.HEALTH_CHECK_TIMEOUT, path.field("timeoutSeconds"), timeout, interval);
    }
    CheckKind kind = hc.kind();
    if (kind instanceof CheckKind.Exec) {
      // V-54: exec (COMMAND) health checks need a recent master. Unlike Marathon, which took an
      // unknown version as 0.0.0 and rejected them, podkit assumes a current master when unknown.
      findings.config().masterVersion()
          .filter(version -> !version.isAtLeast(MesosVersion.COMMAND_HEALTH_CHECKS))
          .ifPresent(version -> findings.add(Rule.HEALTH_CHECK_EXEC_VERSION, path.field("exec"), version));
      return;
    }
    String name = endpointName(kind).orElseThrow();
    Optional<Endpoint> endpoint = endpoint(c, name);
    if (endpoint.isEmpty()) {
      // V-53: only the container's own endpoints can be probed.
      findings.add(Rule.HEALTH_CHECK_ENDPOINT, path.field(kindField(kind)).field("endpoint"));
    } else if (probedPort(pod.networks(), endpoint.get()).isEmpty()) {
      // DESIGN G8: Marathon silently dropped a health check whose port did not resolve; podkit
      // rejects the pod instead. Only one case is left: a pod with a container network whose
      // endpoint has neither containerPort nor hostPort. Such a pod always breaks V-47 as well
      // (container networks require containerPort), so this rule adds nothing for a pod that
      // passes V-47; it names the health check that would have vanished.
      findings.add(Rule.HEALTH_CHECK_PORT_UNRESOLVED, path, name, networkMode(pod.networks()));
    }
  }

  /**
   * The port translation-rules C.5 probes, on the normalized endpoint. Host network or no network
   * at all (DESIGN G7: no network means host): the allocated host port, where an absent hostPort is
   * 0, a dynamic port, which always resolves. Otherwise: containerPort if present, else hostPort,
   * which normalization sets to 0 for an endpoint without one unless the pod has a container network
   * (N-02).
   */
  private static Optional<Integer> probedPort(List<Network> networks, Endpoint endpoint) {
    boolean hostNetworking = Network.isHostNetworking(networks);
    boolean containerNetwork = networks.stream().anyMatch(n -> n.modeOrDefault() == NetworkMode.CONTAINER);
    // N-02: without a container network, an endpoint without a host port gets 0 (dynamic).
    Optional<Integer> hostPort = containerNetwork && !hostNetworking
        ? endpoint.hostPort() : Optional.of(endpoint.hostPort().orElse(0));
    return endpoint.probedPort(hostNetworking, hostPort);
  }

  private static String networkMode(List<Network> networks) {
    if (networks.isEmpty()) {
      return "no networks";
    }
    return networks.stream().map(n -> n.modeOrDefault().json()).distinct()
        .reduce((a, b) -> a + ", " + b).orElseThrow();
  }

  private static Optional<Endpoint> endpoint(Container c, String name) {
    return c.endpoints().stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The endpoint an http or tcp probe names; empty for exec. */
  private static Optional<String> endpointName(CheckKind kind) {
    if (kind instanceof CheckKind.Http http) {
      return Optional.of(http.endpoint());
    }
    if (kind instanceof CheckKind.Tcp tcp) {
      return Optional.of(tcp.endpoint());
    }
    return Optional.empty();
  }

  private static String kindField(CheckKind kind) {
    if (kind instanceof CheckKind.Http) {
      return "http";
    }
    return kind instanceof CheckKind.Tcp ? "tcp" : "exec";
  }
}
