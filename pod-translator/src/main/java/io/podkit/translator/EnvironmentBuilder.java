package io.podkit.translator;

import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.EnvValue;
import io.podkit.model.Pod;
import io.podkit.model.Resources;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.Protos;

/**
 * A task's environment (translation-rules C.3). Six groups are laid over each other, each winning
 * over the ones before on a name clash: pod env, container env, {@code HOST}, the task context
 * ({@code MESOS_*}, {@code MARATHON_*}), label variables, endpoint variables. So a user cannot
 * shadow what podkit injects (G12: the opposite of apps, kept for parity).
 *
 * <p>The variables come out in first-insertion order, which depends only on the inputs (G13).
 */
final class EnvironmentBuilder {
  static final String LABEL_PREFIX = "MARATHON_APP_LABEL_";
  private static final int MAX_ENV_LENGTH = 512;

  private final Pod pod;
  private final PodSecrets secrets;
  // C.3.3, C.3.4: the variables every task of the instance shares, built once
  private final Protos.Environment.Variable host;
  private final Protos.Environment.Variable executorId;
  private final Protos.Environment.Variable appId;
  private final Protos.Environment.Variable appVersion;
  private final Protos.Environment.Variable enforceRole;
  /**
   * C.3.6's variables by name, in order, the same in every task: built once per instance, so a pod
   * of n containers with an endpoint each costs n × n list entries, not n × n variables built anew.
   */
  private final Map<String, Protos.Environment.Variable> endpointVariables;

  EnvironmentBuilder(Pod pod, boolean enforceRole, Protos.Offer offer, InstanceId instanceId, TranslationConfig config,
      PodNetworking networking, HostPorts hostPorts, PodSecrets secrets) {
    this.pod = pod;
    this.secrets = secrets;
    this.host = variable("HOST", offer.getHostname());
    this.executorId = variable("MESOS_EXECUTOR_ID", instanceId.executorId());
    this.appId = variable("MARATHON_APP_ID", appId(pod.id()));
    this.appVersion = variable("MARATHON_APP_VERSION", AppVersion.of(pod, instanceId));
    this.enforceRole = variable("MARATHON_APP_ENFORCE_GROUP_ROLE", enforceRole ? "TRUE" : "FALSE");
    // C.3.6: the prefix is upper-cased and applies to the endpoint variables only
    String endpointPrefix = config.envPrefix().map(p -> p.toUpperCase(Locale.ROOT)).orElse("");
    this.endpointVariables = endpointVariables(pod, endpointPrefix, networking, hostPorts);
  }

  /** The environment of the task running {@code container} under {@code taskId}. */
  Protos.Environment build(Container container, String taskId) {
    Map<String, Protos.Environment.Variable> vars = new LinkedHashMap<>();
    // C.3.1, C.3.2: pod env, then container env over it; G11: secret values are delivered natively
    userEnvironment(pod.environment(), vars);
    userEnvironment(container.environment(), vars);
    // C.3.3
    put(vars, host);
    // C.3.4
    put(vars, "MESOS_TASK_ID", taskId);
    put(vars, executorId);
    put(vars, appId);
    put(vars, appVersion);
    put(vars, "MARATHON_CONTAINER_ID", container.name());
    put(vars, enforceRole);
    Resources r = container.resources();
    put(vars, "MARATHON_CONTAINER_RESOURCE_CPUS", Double.toString(r.cpusOrDefault()));
    put(vars, "MARATHON_CONTAINER_RESOURCE_MEM", Double.toString(r.memOrDefault()));
    put(vars, "MARATHON_CONTAINER_RESOURCE_DISK", Double.toString(r.diskOrDefault()));
    put(vars, "MARATHON_CONTAINER_RESOURCE_GPUS", Integer.toString(r.gpusOrDefault()));
    labelVariables(container, vars);
    return withEndpointVariables(vars);
  }

  /**
   * {@code vars} followed by the endpoint variables, which win a clash in the clashing name's first
   * position (as {@code vars.put} would). The endpoint variables are shared by every task and are
   * added as they are; only the task's own few are looked up.
   */
  private Protos.Environment withEndpointVariables(Map<String, Protos.Environment.Variable> vars) {
    Protos.Environment.Builder env = Protos.Environment.newBuilder();
    Set<String> overridden = null;
    for (Protos.Environment.Variable variable : vars.values()) {
      Protos.Environment.Variable endpoint = endpointVariables.get(variable.getName());
      if (endpoint == null) {
        env.addVariables(variable);
      } else {
        env.addVariables(endpoint);
        if (overridden == null) {
          overridden = new HashSet<>();
        }
        overridden.add(variable.getName());
      }
    }
    if (overridden == null) {
      env.addAllVariables(endpointVariables.values());
    } else {
      for (Protos.Environment.Variable endpoint : endpointVariables.values()) {
        if (!overridden.contains(endpoint.getName())) {
          env.addVariables(endpoint);
        }
      }
    }
    return env.build();
  }

  private void userEnvironment(Map<String, EnvValue> env, Map<String, Protos.Environment.Variable> vars) {
    env.forEach((name, value) -> {
      if (value instanceof EnvValue.Literal literal) {
        put(vars, name, literal.value());
      } else if (value instanceof EnvValue.SecretRef ref) {
        // G11: Marathon skipped secret values and left them to a plugin; podkit sends a SECRET variable
        vars.put(name, Protos.Environment.Variable.newBuilder()
            .setName(name)
            .setType(Protos.Environment.Variable.Type.SECRET)
            .setSecret(secrets.resolve(ref.secret()))
            .build());
      }
    });
  }

  /**
   * C.3.5: pod labels, then container labels (the container wins a clash), in insertion order
   * (G13: Marathon used Scala Map order). Keys that escape alike overwrite each other, keeping the
   * first position.
   */
  private void labelVariables(Container container, Map<String, Protos.Environment.Variable> vars) {
    Map<String, String> labels = new LinkedHashMap<>(pod.labels());
    labels.putAll(container.labels());
    Map<String, String> escaped = new LinkedHashMap<>();
    labels.forEach((key, value) -> {
      if (key.length() < MAX_ENV_LENGTH - LABEL_PREFIX.length() && value.length() < MAX_ENV_LENGTH) {
        escaped.put(escapeLabelKey(key), value);
      }
    });
    // C.3.5 / G13: always present, empty without labels
    put(vars, "MARATHON_APP_LABELS", String.join(" ", escaped.keySet()));
    escaped.forEach((key, value) -> put(vars, LABEL_PREFIX + key, value));
  }

  /**
   * C.3.6: every endpoint of every container, so every task sees the whole pod's ports (G14); a name
   * given twice keeps its first position and its last value, as in the task's map.
   */
  private static Map<String, Protos.Environment.Variable> endpointVariables(Pod pod, String endpointPrefix,
      PodNetworking networking, HostPorts hostPorts) {
    Map<String, Protos.Environment.Variable> vars = new LinkedHashMap<>();
    for (Container c : pod.containers()) {
      for (Endpoint e : c.endpoints()) {
        String name = e.variableName();
        Optional<Integer> hostPort = hostPorts.of(e);
        // C.3.6 with G7: host ports for a host-network pod and for a pod without networks
        Optional<Integer> port = networking.isHost() ? hostPort : e.containerPort();
        port.ifPresent(p -> put(vars, endpointPrefix + "ENDPOINT_" + name, Integer.toString(p)));
        hostPort.ifPresent(p -> put(vars, endpointPrefix + "EP_HOST_" + name, Integer.toString(p)));
        e.containerPort().ifPresent(p -> put(vars, endpointPrefix + "EP_CONTAINER_" + name, Integer.toString(p)));
      }
    }
    return Collections.unmodifiableMap(vars);
  }

  private static void put(Map<String, Protos.Environment.Variable> vars, String name, String value) {
    put(vars, variable(name, value));
  }

  private static void put(Map<String, Protos.Environment.Variable> vars, Protos.Environment.Variable variable) {
    vars.put(variable.getName(), variable);
  }

  private static Protos.Environment.Variable variable(String name, String value) {
    return Protos.Environment.Variable.newBuilder().setName(name).setValue(value).build();
  }

  /** C.3.5: each run of characters outside {@code [a-zA-Z0-9_]} becomes one {@code _}, then upper case. */
  static String escapeLabelKey(String key) {
    StringBuilder out = new StringBuilder(key.length());
    boolean inRun = false;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c >= 'a' && c <= 'z') {
        out.append((char) (c - ('a' - 'A')));
        inRun = false;
      } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
        out.append(c);
        inRun = false;
      } else if (!inRun) {
        out.append('_');
        inRun = true;
      }
    }
    return out.toString();
  }

  /** The pod id with one leading slash: {@code /product/frontend}. */
  static String appId(String podId) {
    return "/" + String.join("/", Pod.idSegments(podId));
  }

}
