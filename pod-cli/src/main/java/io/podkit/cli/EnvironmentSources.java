package io.podkit.cli;

import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.Pod;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.mesos.Protos;

/**
 * Where each variable of a task's environment came from. The translator lays six groups over each
 * other, later ones winning (translation-rules C.3): pod env, container env, {@code HOST}, the task
 * context ({@code MESOS_*}, {@code MARATHON_*}), label variables, endpoint variables. So a variable
 * is attributed to the last group that defines its name: endpoint, then injected (host, context and
 * labels), then container, then pod; a {@code SECRET} variable is a secret whatever its group.
 *
 * <p>The group names are recomputed from the pod the way the translator makes them (upper case,
 * runs of other characters as one {@code _}); the values come from the translation itself, so a
 * mismatch could only mislabel a variable, never show a wrong value.
 */
final class EnvironmentSources {
  /** Where a variable came from; the names are the JSON and table spelling. */
  enum Source {
    POD("pod"),
    CONTAINER("container"),
    INJECTED("injected"),
    ENDPOINT("endpoint"),
    SECRET("secret");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /** The variables of the task context (C.3.3, C.3.4), always set by the translator. */
  private static final Set<String> CONTEXT = Set.of("HOST", "MESOS_TASK_ID", "MESOS_EXECUTOR_ID", "MARATHON_APP_ID",
      "MARATHON_APP_VERSION", "MARATHON_CONTAINER_ID", "MARATHON_APP_ENFORCE_GROUP_ROLE",
      "MARATHON_CONTAINER_RESOURCE_CPUS", "MARATHON_CONTAINER_RESOURCE_MEM", "MARATHON_CONTAINER_RESOURCE_DISK",
      "MARATHON_CONTAINER_RESOURCE_GPUS", "MARATHON_APP_LABELS");
  private static final String LABEL_PREFIX = "MARATHON_APP_LABEL_";
  private static final int MAX_ENV_LENGTH = 512;
  private static final Pattern LABEL_KEY_RUNS = Pattern.compile("[^a-zA-Z0-9_]+");
  private static final Pattern ENDPOINT_NAME_RUNS = Pattern.compile("[^A-Z0-9_]+");

  private final Pod pod;
  private final Set<String> endpointVariables = new HashSet<>();

  /**
   * @param pod the normalized pod that was translated
   * @param envPrefix {@code --env-prefix}, or null
   */
  EnvironmentSources(Pod pod, String envPrefix) {
    this.pod = pod;
    String prefix = envPrefix == null ? "" : envPrefix.toUpperCase(Locale.ROOT);
    for (Container c : pod.containers()) {
      for (Endpoint e : c.endpoints()) {
        String name = ENDPOINT_NAME_RUNS.matcher(e.name().toUpperCase(Locale.ROOT)).replaceAll("_");
        endpointVariables.add(prefix + "ENDPOINT_" + name);
        endpointVariables.add(prefix + "EP_HOST_" + name);
        endpointVariables.add(prefix + "EP_CONTAINER_" + name);
      }
    }
  }

  /** The source of {@code variable} in the environment of {@code container}'s task. */
  Source of(Container container, Protos.Environment.Variable variable) {
    String name = variable.getName();
    if (variable.getType() == Protos.Environment.Variable.Type.SECRET) {
      return Source.SECRET;
    }
    if (endpointVariables.contains(name)) {
      return Source.ENDPOINT;
    }
    if (CONTEXT.contains(name) || labelVariables(container).contains(name)) {
      return Source.INJECTED;
    }
    if (container.environment().containsKey(name)) {
      return Source.CONTAINER;
    }
    if (pod.environment().containsKey(name)) {
      return Source.POD;
    }
    // Nothing the user wrote: a customizer or a future group of the translator.
    return Source.INJECTED;
  }

  /** C.3.5: the label variables of {@code container}'s task (pod labels, container labels over them). */
  private Set<String> labelVariables(Container container) {
    Map<String, String> labels = new LinkedHashMap<>(pod.labels());
    labels.putAll(container.labels());
    Set<String> names = new HashSet<>();
    labels.forEach((key, value) -> {
      if (key.length() < MAX_ENV_LENGTH - LABEL_PREFIX.length() && value.length() < MAX_ENV_LENGTH) {
        names.add(LABEL_PREFIX + LABEL_KEY_RUNS.matcher(key).replaceAll("_").toUpperCase(Locale.ROOT));
      }
    });
    return names;
  }
}
