package io.podkit.testing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.mesos.Protos;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one task of a translated pod: the Mesos {@code TaskInfo} of one container, as the
 * agent will run it. The environment is the task's whole environment: pod and container variables
 * plus the ones Marathon adds ({@code ENDPOINT_<NAME>}, {@code EP_HOST_<NAME>}, {@code MESOS_TASK_ID},
 * {@code MARATHON_APP_LABEL_<KEY>}, ...), so a test sees exactly what the process will see.
 */
public final class TaskAssert extends AbstractAssert<TaskAssert, Protos.TaskInfo> {
  private final String subject;

  TaskAssert(Protos.TaskInfo task, String podSubject) {
    super(task, TaskAssert.class);
    this.subject = "task \"" + task.getName() + "\" of " + podSubject;
  }

  /**
   * The task's environment sets {@code name} to {@code value}. A secret variable has no value to
   * compare; it fails with a message that says so.
   */
  public TaskAssert hasEnv(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Protos.Environment.Variable v = variable(name).orElseThrow(() -> failure("%s", "Expecting " + subject
        + " to have environment variable " + name + "=" + value + ", but it has no " + name + "; its variables are:\n"
        + variables()));
    if (v.getType() == Protos.Environment.Variable.Type.SECRET) {
      throw failure("%s", "Expecting " + subject + " to have environment variable " + name + "=" + value
          + ", but " + name + " is a secret variable (" + secret(v.getSecret()) + ")");
    }
    if (!v.getValue().equals(value)) {
      throw failureWithActualExpected(v.getValue(), value, "%s", "Expecting " + subject
          + " to have environment variable " + name + "=" + value + ", but " + name + "=" + v.getValue());
    }
    return this;
  }

  /** The task's environment has a variable named {@code name}, plain or secret. */
  public TaskAssert hasEnvNamed(String name) {
    Objects.requireNonNull(name, "name");
    if (variable(name).isEmpty()) {
      throw failure("%s", "Expecting " + subject + " to have environment variable " + name
          + ", but it does not; its variables are:\n" + variables());
    }
    return this;
  }

  /** The task's environment has no variable named {@code name}. */
  public TaskAssert hasNoEnvNamed(String name) {
    Objects.requireNonNull(name, "name");
    variable(name).ifPresent(v -> {
      throw failure("%s", "Expecting " + subject + " not to have environment variable " + name + ", but it has "
          + describe(v));
    });
    return this;
  }

  /**
   * The task's resources total {@code amount} of the scalar {@code name} ({@code cpus}, {@code mem},
   * {@code disk}, {@code gpus}), compared at Mesos' three decimals; an amount of 0 also holds for a
   * resource the task does not have, as Mesos leaves zero amounts out. Host ports belong to the
   * executor, not the task; see {@link ExecutorAssert#hasPort}.
   */
  public TaskAssert hasResource(String name, double amount) {
    Objects.requireNonNull(name, "name");
    List<Protos.Resource> resources = actual.getResourcesList();
    long total = MesosText.scalarMillis(resources, name);
    if (total != MesosText.millis(amount)) {
      throw failure("%s", "Expecting " + subject + " to have " + MesosText.amount(amount) + " " + name + ", but "
          + (MesosText.hasResource(resources, name) ? "it has " + MesosText.amount(total) : "it has no " + name)
          + " (its resources: " + MesosText.resources(resources) + ")");
    }
    return this;
  }

  /** The task has a Mesos health check of {@code type} ({@code HTTP}, {@code TCP} or {@code COMMAND}). */
  public TaskAssert hasHealthCheckOfType(Protos.HealthCheck.Type type) {
    Objects.requireNonNull(type, "type");
    if (!actual.hasHealthCheck()) {
      throw failure("%s", "Expecting " + subject + " to have " + a(type) + " health check, but it has none");
    }
    if (actual.getHealthCheck().getType() != type) {
      throw failure("%s", "Expecting " + subject + " to have " + a(type) + " health check, but it has "
          + a(actual.getHealthCheck().getType()) + " health check");
    }
    return this;
  }

  /**
   * The task has a Mesos check (a container's {@code check}, which podkit keeps and Marathon
   * dropped) of {@code type}.
   */
  public TaskAssert hasCheckOfType(Protos.CheckInfo.Type type) {
    Objects.requireNonNull(type, "type");
    if (!actual.hasCheck()) {
      throw failure("%s", "Expecting " + subject + " to have " + a(type) + " check, but it has none");
    }
    if (actual.getCheck().getType() != type) {
      throw failure("%s", "Expecting " + subject + " to have " + a(type) + " check, but it has "
          + a(actual.getCheck().getType()) + " check");
    }
    return this;
  }

  /**
   * The task carries label {@code key=value}. Tasks carry their container's labels; the pod's labels
   * are on the executor ({@link ExecutorAssert#hasLabel}) and in every task's
   * {@code MARATHON_APP_LABEL_<KEY>} variables.
   */
  public TaskAssert hasLabel(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Optional<String> mismatch =
        MesosText.labelMismatch(actual.getLabels(), key, value, "; pod labels are on the executor");
    if (mismatch.isPresent()) {
      throw failure("%s", "Expecting " + subject + " to have label " + key + "=" + value + ", but "
          + mismatch.get());
    }
    return this;
  }

  /** A volume is mounted at {@code containerPath} in the task's container (the mount's {@code mountPath}). */
  public TaskAssert hasVolumeAt(String containerPath) {
    Objects.requireNonNull(containerPath, "containerPath");
    List<Protos.Volume> volumes = actual.getContainer().getVolumesList();
    if (volumes.stream().noneMatch(v -> v.getContainerPath().equals(containerPath))) {
      throw failure("%s", "Expecting " + subject + " to have a volume mounted at " + containerPath + ", but "
          + (volumes.isEmpty() ? "it mounts no volume"
              : "its volumes are mounted at " + volumes.stream().map(Protos.Volume::getContainerPath).toList()));
    }
    return this;
  }

  /** The task's container runs the Docker image {@code id} (e.g. {@code nginx:1.27}). */
  public TaskAssert hasImage(String id) {
    Objects.requireNonNull(id, "id");
    Protos.ContainerInfo container = actual.getContainer();
    if (!container.hasMesos() || !container.getMesos().hasImage()) {
      throw failure("%s", "Expecting " + subject + " to run image " + id
          + ", but it has no image (it runs in the agent's filesystem)");
    }
    String image = container.getMesos().getImage().getDocker().getName();
    if (!image.equals(id)) {
      throw failureWithActualExpected(image, id, "%s", "Expecting " + subject + " to run image " + id
          + ", but it runs " + image);
    }
    return this;
  }

  /** The task itself, for checks these assertions do not cover. */
  public Protos.TaskInfo task() {
    return actual;
  }

  private Optional<Protos.Environment.Variable> variable(String name) {
    return actual.getCommand().getEnvironment().getVariablesList().stream()
        .filter(v -> v.getName().equals(name)).findFirst();
  }

  private String variables() {
    List<Protos.Environment.Variable> all = actual.getCommand().getEnvironment().getVariablesList();
    if (all.isEmpty()) {
      return "  (none)";
    }
    return all.stream().map(v -> "  " + describe(v)).collect(Collectors.joining("\n"));
  }

  private static String describe(Protos.Environment.Variable v) {
    return v.getType() == Protos.Environment.Variable.Type.SECRET
        ? v.getName() + " (secret: " + secret(v.getSecret()) + ")"
        : v.getName() + "=" + v.getValue();
  }

  /** {@code a TCP}, {@code a COMMAND}, but {@code an HTTP}: the type as it is read aloud. */
  private static String a(Enum<?> type) {
    String name = type.name();
    return ("AEIOUH".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }

  private static String secret(Protos.Secret secret) {
    return secret.hasReference() ? "reference " + secret.getReference().getName() : secret.getType().toString();
  }
}
