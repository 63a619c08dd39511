package io.podkit.model.json;

import io.podkit.model.Artifact;
import io.podkit.model.Check;
import io.podkit.model.CheckKind;
import io.podkit.model.Command;
import io.podkit.model.Constraint;
import io.podkit.model.ConstraintOperator;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.EnvValue;
import io.podkit.model.Exec;
import io.podkit.model.ExecutorResources;
import io.podkit.model.HealthCheck;
import io.podkit.model.HttpScheme;
import io.podkit.model.Image;
import io.podkit.model.ImageKind;
import io.podkit.model.IpcMode;
import io.podkit.model.KillSelection;
import io.podkit.model.Lifecycle;
import io.podkit.model.LinuxInfo;
import io.podkit.model.Network;
import io.podkit.model.NetworkMode;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.PersistentVolumeType;
import io.podkit.model.Pod;
import io.podkit.model.PodEnum;
import io.podkit.model.PodPath;
import io.podkit.model.ResourceLimit;
import io.podkit.model.ResourceLimits;
import io.podkit.model.Resources;
import io.podkit.model.ScalingPolicy;
import io.podkit.model.SchedulingPolicy;
import io.podkit.model.Secret;
import io.podkit.model.UnreachableStrategy;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import io.podkit.model.json.JsonValue.JArray;
import io.podkit.model.json.JsonValue.JBoolean;
import io.podkit.model.json.JsonValue.JNull;
import io.podkit.model.json.JsonValue.JNumber;
import io.podkit.model.json.JsonValue.JObject;
import io.podkit.model.json.JsonValue.JString;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a located JSON tree into a {@link Pod}, collecting every problem instead of stopping at the
 * first. Each reader method returns {@code null} after reporting when its value cannot be built;
 * a parent notices through the error count and fails too, while its siblings are still read.
 *
 * <p>Comments name the Marathon reader rule (R-xx of validation-rules.md) a check mirrors.
 */
final class PodTreeReader {

  @FunctionalInterface
  private interface ValueReader<T> {
    T read(JsonValue value, PodPath path);
  }

  private static final String APP_HEALTH_CHECK = "pod health checks are Mesos checks that name an endpoint: use "
      + "{\"http\": {\"endpoint\": ..., \"path\": ...}}, {\"tcp\": {\"endpoint\": ...}} or {\"exec\": {\"command\": ...}} "
      + "instead of the app fields protocol, port, portIndex, path, command, ignoreHttp1xx and ipProtocol";
  private static final String PORTS = "pods do not support ports, portDefinitions, portMappings or requirePorts; "
      + "declare each port as a container endpoint: {\"name\": ..., \"containerPort\": ..., \"hostPort\": ...}";

  static final ObjectShape POD = ObjectShape.of("a pod", "id", "labels", "version", "user", "environment",
          "containers", "secrets", "volumes", "networks", "scaling", "scheduling", "executorResources", "role",
          "linuxInfo", "legacySharedCgroups")
      .limiting(ReadRule.LIMITATION_READINESS_CHECKS,
          "pods do not support readiness checks; use a container healthCheck or check", "readinessChecks")
      .limiting(ReadRule.LIMITATION_DEPENDENCIES,
          "pods do not support dependencies; each pod is deployed on its own", "dependencies")
      .limiting(ReadRule.LIMITATION_STORE_URLS,
          "pods do not support storeUrls; fetch files with a container's artifacts", "storeUrls")
      .limiting(ReadRule.LIMITATION_PORTS, PORTS, "ports", "portDefinitions", "requirePorts")
      .limiting(ReadRule.LIMITATION_INSTANCES,
          "pods set their instance count in scaling: {\"kind\": \"fixed\", \"instances\": n}", "instances")
      .limiting(ReadRule.LIMITATION_HEALTH_CHECKS,
          "pods do not support top-level healthChecks; give each container one healthCheck", "healthChecks")
      .limiting(ReadRule.LIMITATION_CONTAINER_TYPE,
          "pods have no app-style container; list containers under \"containers\", each with its own image",
          "container");
  static final ObjectShape CONTAINER = ObjectShape.of("a container", "name", "exec", "resources",
          "resourceLimits", "endpoints", "linuxInfo", "image", "environment", "user", "healthCheck", "check",
          "volumeMounts", "artifacts", "labels", "lifecycle", "tty")
      .limiting(ReadRule.LIMITATION_CONTAINER_TYPE, "pods run on the Mesos containerizer only, so a container has "
          + "no type; give a Docker image as {\"image\": {\"kind\": \"DOCKER\", \"id\": ...}}", "type")
      .limiting(ReadRule.LIMITATION_READINESS_CHECKS,
          "pods do not support readiness checks; use a container healthCheck or check", "readinessChecks")
      .limiting(ReadRule.LIMITATION_HEALTH_CHECKS,
          "a pod container has one healthCheck object, not a healthChecks array", "healthChecks")
      .limiting(ReadRule.LIMITATION_PORTS, PORTS, "ports", "portDefinitions", "portMappings");
  static final ObjectShape EXEC = ObjectShape.of("an exec", "command", "overrideEntrypoint");
  static final ObjectShape COMMAND = ObjectShape.of("a command", "shell", "argv");
  static final ObjectShape RESOURCES = ObjectShape.of("resources", "cpus", "mem", "disk", "gpus");
  static final ObjectShape RESOURCE_LIMITS = ObjectShape.of("resourceLimits", "cpus", "mem");
  static final ObjectShape ENDPOINT = ObjectShape.of("an endpoint", "name", "containerPort", "hostPort",
          "protocol", "labels", "networkNames")
      .limiting(ReadRule.LIMITATION_SERVICE_PORTS,
          "pods do not support service ports; an endpoint has only containerPort and hostPort", "servicePort");
  static final ObjectShape LINUX_INFO = ObjectShape.of("linuxInfo", "seccomp", "ipcInfo");
  static final ObjectShape SECCOMP = ObjectShape.of("seccomp", "profileName", "unconfined");
  static final ObjectShape IPC_INFO = ObjectShape.of("ipcInfo", "mode", "shmSize");
  static final ObjectShape IMAGE = ObjectShape.of("an image", "kind", "id", "pullConfig", "forcePull", "labels");
  static final ObjectShape PULL_CONFIG = ObjectShape.of("pullConfig", "secret");
  static final ObjectShape HEALTH_CHECK = ObjectShape.of("a healthCheck", "http", "tcp", "exec",
          "gracePeriodSeconds", "intervalSeconds", "maxConsecutiveFailures", "timeoutSeconds", "delaySeconds")
      .limiting(ReadRule.LIMITATION_APP_HEALTH_CHECK, APP_HEALTH_CHECK,
          "protocol", "port", "portIndex", "path", "command", "ignoreHttp1xx", "ipProtocol");
  static final ObjectShape CHECK = ObjectShape.of("a check", "http", "tcp", "exec", "intervalSeconds",
          "timeoutSeconds", "delaySeconds")
      .limiting(ReadRule.LIMITATION_APP_HEALTH_CHECK, APP_HEALTH_CHECK,
          "protocol", "port", "portIndex", "path", "command", "ignoreHttp1xx", "ipProtocol");
  static final ObjectShape HTTP_CHECK = ObjectShape.of("an http check", "endpoint", "path", "scheme");
  static final ObjectShape TCP_CHECK = ObjectShape.of("a tcp check", "endpoint");
  static final ObjectShape EXEC_CHECK = ObjectShape.of("an exec check", "command");
  static final ObjectShape VOLUME_MOUNT = ObjectShape.of("a volumeMount", "name", "mountPath", "readOnly");
  static final ObjectShape ARTIFACT = ObjectShape.of("an artifact", "uri", "extract", "executable", "cache",
      "destPath");
  static final ObjectShape LIFECYCLE = ObjectShape.of("lifecycle", "killGracePeriodSeconds");
  static final ObjectShape SECRET = ObjectShape.of("a secret", "source");
  static final ObjectShape ENV_SECRET = ObjectShape.of("a secret reference", "secret");
  static final ObjectShape VOLUME = ObjectShape.of("a volume", "name", "persistent", "secret", "host")
      .limiting(ReadRule.LIMITATION_APP_VOLUME, "pod volumes are mounted by containers' volumeMounts "
          + "(name, mountPath); containerPath, mode and external belong to app volumes",
          "containerPath", "mode", "external");
  static final ObjectShape PERSISTENT = ObjectShape.of("a persistent volume", "type", "size", "maxSize",
      "profileName", "constraints");
  static final ObjectShape NETWORK = ObjectShape.of("a network", "name", "mode", "labels");
  static final ObjectShape SCALING = ObjectShape.of("scaling", "kind", "instances");
  static final ObjectShape SCHEDULING = ObjectShape.of("scheduling", "backoff", "upgrade", "placement",
      "killSelection", "unreachableStrategy");
  static final ObjectShape BACKOFF = ObjectShape.of("backoff", "backoff", "backoffFactor", "maxLaunchDelay");
  static final ObjectShape UPGRADE = ObjectShape.of("upgrade", "minimumHealthCapacity", "maximumOverCapacity");
  static final ObjectShape PLACEMENT = ObjectShape.of("placement", "constraints", "acceptedResourceRoles");
  static final ObjectShape CONSTRAINT = ObjectShape.of("a constraint", "fieldName", "operator", "value");
  static final ObjectShape UNREACHABLE = ObjectShape.of("unreachableStrategy", "inactiveAfterSeconds",
      "expungeAfterSeconds");
  static final ObjectShape EXECUTOR_RESOURCES = ObjectShape.of("executorResources", "cpus", "mem", "disk");

  private final Problems problems;
  private final boolean strict;

  PodTreeReader(Problems problems, boolean strict) {
    this.problems = problems;
    this.strict = strict;
  }

  // ---------------------------------------------------------------- pod

  Pod pod(JsonValue value, PodPath p) {
    JObject o = object(value, p, POD);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    String id = required(o, p, "id", this::string);
    Map<String, String> labels = map(o, p, "labels", this::string);
    Optional<OffsetDateTime> version = optional(o, p, "version", this::dateTime);
    Optional<String> user = optional(o, p, "user", this::string);
    Map<String, EnvValue> environment = map(o, p, "environment", this::envValue);
    List<Container> containers = required(o, p, "containers", (v, path) -> list(v, path, this::container));
    Map<String, Secret> secrets = map(o, p, "secrets", this::secret);
    List<Volume> volumes = list(o, p, "volumes", this::volume);
    List<Network> networks = list(o, p, "networks", this::network);
    Optional<ScalingPolicy> scaling = optional(o, p, "scaling", this::scaling);
    Optional<SchedulingPolicy> scheduling = optional(o, p, "scheduling", this::scheduling);
    Optional<ExecutorResources> executorResources = optional(o, p, "executorResources", this::executorResources);
    Optional<String> role = optional(o, p, "role", this::string);
    Optional<LinuxInfo> linuxInfo = optional(o, p, "linuxInfo", this::linuxInfo);
    Optional<Boolean> legacySharedCgroups = optional(o, p, "legacySharedCgroups", this::bool);
    if (failedSince(mark)) {
      return null;
    }
    return new Pod(id, labels, version, user, environment, containers, secrets, volumes, networks, scaling,
        scheduling, executorResources, role, linuxInfo, legacySharedCgroups);
  }

  // ---------------------------------------------------------------- containers

  private Container container(JsonValue value, PodPath p) {
    JObject o = object(value, p, CONTAINER);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    String name = required(o, p, "name", this::string);
    Optional<Exec> exec = optional(o, p, "exec", this::exec);
    Resources resources = required(o, p, "resources", this::resources); // key required, {} allowed
    Optional<ResourceLimits> resourceLimits = optional(o, p, "resourceLimits", this::resourceLimits);
    List<Endpoint> endpoints = list(o, p, "endpoints", this::endpoint);
    Optional<LinuxInfo> linuxInfo = optional(o, p, "linuxInfo", this::linuxInfo);
    Optional<Image> image = optional(o, p, "image", this::image);
    Map<String, EnvValue> environment = map(o, p, "environment", this::envValue);
    Optional<String> user = optional(o, p, "user", this::string);
    Optional<HealthCheck> healthCheck = optional(o, p, "healthCheck", this::healthCheck);
    Optional<Check> check = optional(o, p, "check", this::check);
    List<VolumeMount> volumeMounts = list(o, p, "volumeMounts", this::volumeMount);
    List<Artifact> artifacts = list(o, p, "artifacts", this::artifact);
    Map<String, String> labels = map(o, p, "labels", this::string);
    Optional<Lifecycle> lifecycle = optional(o, p, "lifecycle", this::lifecycle);
    Optional<Boolean> tty = optional(o, p, "tty", this::bool);
    if (failedSince(mark)) {
      return null;
    }
    return new Container(name, exec, resources, resourceLimits, endpoints, linuxInfo, image, environment, user,
        healthCheck, check, volumeMounts, artifacts, labels, lifecycle, tty);
  }

  private Exec exec(JsonValue value, PodPath p) {
    JObject o = object(value, p, EXEC);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    Command command = required(o, p, "command", this::command);
    Optional<Boolean> overrideEntrypoint = optional(o, p, "overrideEntrypoint", this::bool);
    return failedSince(mark) ? null : new Exec(command, overrideEntrypoint);
  }

  /** exactly one of shell and argv. Marathon silently preferred shell when both were given. */
  private Command command(JsonValue value, PodPath p) {
    JObject o = object(value, p, COMMAND);
    if (o == null) {
      return null;
    }
    String variant = oneVariant(o, p, "a command", "shell", "argv");
    if (variant == null) {
      return null;
    }
    if (variant.equals("shell")) {
      String shell = required(o, p, "shell", this::string);
      return shell == null ? null : new Command.Shell(shell);
    }
    List<String> argv = required(o, p, "argv", (v, path) -> list(v, path, this::string));
    return argv == null ? null : new Command.Argv(argv);
  }

  private Resources resources(JsonValue value, PodPath p) {
    JObject o = object(value, p, RESOURCES);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    Optional<Double> cpus = optional(o, p, "cpus", this::number);
    Optional<Double> mem = optional(o, p, "mem", this::number);
    Optional<Double> disk = optional(o, p, "disk", this::number);
    Optional<Integer> gpus = optional(o, p, "gpus", this::int32);
    return failedSince(mark) ? null : new Resources(cpus, mem, disk, gpus);
  }

  private ResourceLimits resourceLimits(JsonValue value, PodPath p) {
    JObject o = object(value, p, RESOURCE_LIMITS);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    Optional<ResourceLimit> cpus = optional(o, p, "cpus", this::resourceLimit);
    Optional<ResourceLimit> mem = optional(o, p, "mem", this::resourceLimit);
    return failedSince(mark) ? null : new ResourceLimits(cpus, mem);
  }

  /** R-30, without Marathon's fallback: a number, or exactly "unlimited" (any case). */
  private ResourceLimit resourceLimit(JsonValue value, PodPath p) {
    if (value instanceof JString s) {
      if (PodEnum.equalsIgnoreAsciiCase(s.value(), ResourceLimit.Unlimited.JSON)) {
        return ResourceLimit.unlimited();
      }
      error(ReadRule.UNION, p, value, "a resource limit is a number or \"unlimited\", found " + quote(s.value()));
      return null;
    }
    if (value instanceof JNumber) {
      Double d = number(value, p);
      return d == null ? null : ResourceLimit.of(d);
    }
    return typeError(value, p, "a number or \"unlimited\"");
  }

  private Endpoint endpoint(JsonValue value, PodPath p) {
    JObject o = object(value, p, ENDPOINT);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    String name = required(o, p, "name", this::string);
    Optional<Integer> containerPort = optional(o, p, "containerPort", this::int32);
    Optional<Integer> hostPort = optional(o, p, "hostPort", this::int32);
    List<String> protocol = list(o, p, "protocol", this::string);
    JsonValue protocolValue = o.get("protocol");
    if (protocolValue instanceof JArray a && a.items().isEmpty()) {
      // may be absent, but not empty.
      error(ReadRule.EMPTY_ARRAY, p.field("protocol"), protocolValue,
          "protocol must list at least one protocol when present (or be left out)");
    }
    Map<String, String> labels = map(o, p, "labels", this::string);
    List<String> networkNames = list(o, p, "networkNames", this::string);
    return failedSince(mark) ? null : new Endpoint(name, containerPort, hostPort, protocol, labels, networkNames);
  }

  private LinuxInfo linuxInfo(JsonValue value, PodPath p) {
    JObject o = object(value, p, LINUX_INFO);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    Optional<LinuxInfo.Seccomp> seccomp = optional(o, p, "seccomp", this::seccomp);
    Optional<LinuxInfo.IpcInfo> ipcInfo = optional(o, p, "ipcInfo", this::ipcInfo);
    return failedSince(mark) ? null : new LinuxInfo(seccomp, ipcInfo);
  }

  /** R-55, without Marathon's fallback: a non-boolean {@code unconfined} is an error, not false. */
  private LinuxInfo.Seccomp seccomp(JsonValue value, PodPath p) {
    JObject o = object(value, p, SECCOMP);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    Optional<String> profileName = optional(o, p, "profileName", this::string);
    Optional<Boolean> unconfined = optional(o, p, "unconfined", this::bool);
    return failedSince(mark) ? null : new LinuxInfo.Seccomp(profileName, unconfined);
  }

  private LinuxInfo.IpcInfo ipcInfo(JsonValue value, PodPath p) {
    JObject o = object(value, p, IPC_INFO);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    IpcMode mode = required(o, p, "mode", enumReader(IpcMode.class));
    Optional<Integer> shmSize = optional(o, p, "shmSize", this::int32);
    return failedSince(mark) ? null : new LinuxInfo.IpcInfo(mode, shmSize);
  }

  private Image image(JsonValue value, PodPath p) {
    JObject o = object(value, p, IMAGE);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    ImageKind kind = required(o, p, "kind", enumReader(ImageKind.class));
    String id = required(o, p, "id", this::string);
    Optional<Image.PullConfig> pullConfig = optional(o, p, "pullConfig", this::pullConfig);
    Optional<Boolean> forcePull = optional(o, p, "forcePull", this::bool);
    Map<String, String> labels = map(o, p, "labels", this::string);
    return failedSince(mark) ? null : new Image(kind, id, pullConfig, forcePull, labels);
  }

  private Image.PullConfig pullConfig(JsonValue value, PodPath p) {
    JObject o = object(value, p, PULL_CONFIG);
    if (o == null) {
      return null;
    }
    String secret = required(o, p, "secret", this::string);
    return secret == null ? null : new Image.PullConfig(secret);
  }

  // ---------------------------------------------------------------- checks

  private HealthCheck healthCheck(JsonValue value, PodPath p) {
    JObject o = object(value, p, HEALTH_CHECK);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    CheckKind kind = checkKind(o, p, "a healthCheck");
    Optional<Integer> gracePeriod = optional(o, p, "gracePeriodSeconds", this::int32);
    Optional<Integer> interval = optional(o, p, "intervalSeconds", this::int32);
    Optional<Integer> maxFailures = optional(o, p, "maxConsecutiveFailures", this::int32);
    Optional<Integer> timeout = optional(o, p, "timeoutSeconds", this::int32);
    Optional<Integer> delay = optional(o, p, "delaySeconds", this::int32);
    return failedSince(mark) ? null : new HealthCheck(kind, gracePeriod, interval, maxFailures, timeout, delay);
  }

  /** Marathon parsed and dropped checks; podkit keeps them for {@code TaskInfo.check}. */
  private Check check(JsonValue value, PodPath p) {
    JObject o = object(value, p, CHECK);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    CheckKind kind = checkKind(o, p, "a check");
    Optional<Integer> interval = optional(o, p, "intervalSeconds", this::int32);
    Optional<Integer> timeout = optional(o, p, "timeoutSeconds", this::int32);
    Optional<Integer> delay = optional(o, p, "delaySeconds", this::int32);
    return failedSince(mark) ? null : new Check(kind, interval, timeout, delay);
  }

  /** Exactly one of http, tcp and exec: the kind of a health check or check. */
  private CheckKind checkKind(JObject o, PodPath p, String what) {
    String variant = oneVariant(o, p, what, "http", "tcp", "exec");
    if (variant == null) {
      return null;
    }
    return switch (variant) {
      case "http" -> required(o, p, "http", this::httpCheck);
      case "tcp" -> required(o, p, "tcp", this::tcpCheck);
      default -> required(o, p, "exec", this::execCheck);
    };
  }

  private CheckKind.Http httpCheck(JsonValue value, PodPath p) {
    JObject o = object(value, p, HTTP_CHECK);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    String endpoint = required(o, p, "endpoint", this::string);
    Optional<String> path = optional(o, p, "path", this::string);
    Optional<HttpScheme> scheme = optional(o, p, "scheme", enumReader(HttpScheme.class));
    return failedSince(mark) ? null : new CheckKind.Http(endpoint, path, scheme);
  }

  private CheckKind.Tcp tcpCheck(JsonValue value, PodPath p) {
    JObject o = object(value, p, TCP_CHECK);
    if (o == null) {
      return null;
    }
    String endpoint = required(o, p, "endpoint", this::string);
    return endpoint == null ? null : new CheckKind.Tcp(endpoint);
  }

  private CheckKind.Exec execCheck(JsonValue value, PodPath p) {
    JObject o = object(value, p, EXEC_CHECK);
    if (o == null) {
      return null;
    }
    Command command = required(o, p, "command", this::command);
    return command == null ? null : new CheckKind.Exec(command);
  }

  // ---------------------------------------------------------------- small container parts

  private VolumeMount volumeMount(JsonValue value, PodPath p) {
    JObject o = object(value, p, VOLUME_MOUNT);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    String name = required(o, p, "name", this::string);
    String mountPath = required(o, p, "mountPath", this::string);
    Optional<Boolean> readOnly = optional(o, p, "readOnly", this::bool);
    return failedSince(mark) ? null : new VolumeMount(name, mountPath, readOnly);
  }

  private Artifact artifact(JsonValue value, PodPath p) {
    JObject o = object(value, p, ARTIFACT);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    String uri = required(o, p, "uri", this::string);
    Optional<Boolean> extract = optional(o, p, "extract", this::bool);
    Optional<Boolean> executable = optional(o, p, "executable", this::bool);
    Optional<Boolean> cache = optional(o, p, "cache", this::bool);
    Optional<String> destPath = optional(o, p, "destPath", this::string);
    return failedSince(mark) ? null : new Artifact(uri, extract, executable, cache, destPath);
  }

  private Lifecycle lifecycle(JsonValue value, PodPath p) {
    JObject o = object(value, p, LIFECYCLE);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    Optional<Double> killGracePeriod = optional(o, p, "killGracePeriodSeconds", this::number);
    return failedSince(mark) ? null : new Lifecycle(killGracePeriod);
  }

  /** a string, or an object {"secret": name}; anything else is an error. */
  private EnvValue envValue(JsonValue value, PodPath p) {
    if (value instanceof JString s) {
      return EnvValue.of(s.value());
    }
    if (value instanceof JObject) {
      JObject o = object(value, p, ENV_SECRET);
      String secret = required(o, p, "secret", this::string);
      return secret == null ? null : EnvValue.secret(secret);
    }
    return typeError(value, p, "a string or a secret reference {\"secret\": name}");
  }

  private Secret secret(JsonValue value, PodPath p) {
    JObject o = object(value, p, SECRET);
    if (o == null) {
      return null;
    }
    String source = required(o, p, "source", this::string);
    return source == null ? null : new Secret(source);
  }

  // ---------------------------------------------------------------- volumes and networks

  /**
   * the variant is chosen by which of persistent, secret and host is present. Marathon tried
   * the variants in turn and silently fell back to an ephemeral volume; podkit reports bad contents
   * and ambiguous keys.
   */
  private Volume volume(JsonValue value, PodPath p) {
    JObject o = object(value, p, VOLUME);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    String name = required(o, p, "name", this::string);
    List<String> present = presentOf(o, "persistent", "secret", "host");
    if (present.size() > 1) {
      error(ReadRule.UNION, p, o, "a volume has at most one of \"persistent\", \"secret\" and \"host\" "
          + "(none for an ephemeral volume), found " + String.join(" and ", present));
      return null;
    }
    Volume volume;
    if (present.isEmpty()) {
      volume = name == null ? null : new Volume.Ephemeral(name);
    } else {
      volume = switch (present.get(0)) {
        case "persistent" -> {
          PersistentVolumeInfo info = required(o, p, "persistent", this::persistentInfo);
          yield name == null || info == null ? null : new Volume.Persistent(name, info);
        }
        case "secret" -> {
          String secret = required(o, p, "secret", this::string);
          yield name == null || secret == null ? null : new Volume.SecretVolume(name, secret);
        }
        default -> {
          String host = required(o, p, "host", this::string);
          yield name == null || host == null ? null : new Volume.Host(name, host);
        }
      };
    }
    return failedSince(mark) ? null : volume;
  }

  private PersistentVolumeInfo persistentInfo(JsonValue value, PodPath p) {
    JObject o = object(value, p, PERSISTENT);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    Optional<PersistentVolumeType> type = optional(o, p, "type", enumReader(PersistentVolumeType.class));
    Long size = required(o, p, "size", this::int64);
    Optional<Long> maxSize = optional(o, p, "maxSize", this::int64);
    Optional<String> profileName = optional(o, p, "profileName", this::string);
    List<List<String>> constraints = list(o, p, "constraints", (v, path) -> list(v, path, this::string));
    return failedSince(mark) ? null : new PersistentVolumeInfo(type, size, maxSize, profileName, constraints);
  }

  private Network network(JsonValue value, PodPath p) {
    JObject o = object(value, p, NETWORK);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    Optional<String> name = optional(o, p, "name", this::string);
    Optional<NetworkMode> mode = optional(o, p, "mode", enumReader(NetworkMode.class));
    Map<String, String> labels = map(o, p, "labels", this::string);
    return failedSince(mark) ? null : new Network(name, mode, labels);
  }

  // ---------------------------------------------------------------- scaling and scheduling

  /** kind is literally "fixed"; instances is an integer (Marathon fell back to 1). */
  private ScalingPolicy scaling(JsonValue value, PodPath p) {
    JObject o = object(value, p, SCALING);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    String kind = required(o, p, "kind", this::string);
    if (kind != null && !kind.equals(ScalingPolicy.Fixed.KIND)) {
      error(ReadRule.DISCRIMINATOR, p.field("kind"), o.get("kind"),
          "scaling kind must be exactly \"fixed\" (the only kind, matched case-sensitively), found " + quote(kind));
    }
    Optional<Integer> instances = optional(o, p, "instances", this::int32);
    return failedSince(mark) ? null : new ScalingPolicy.Fixed(instances);
  }

  private SchedulingPolicy scheduling(JsonValue value, PodPath p) {
    JObject o = object(value, p, SCHEDULING);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    Optional<SchedulingPolicy.Backoff> backoff = optional(o, p, "backoff", this::backoff);
    Optional<SchedulingPolicy.UpgradeStrategy> upgrade = optional(o, p, "upgrade", this::upgrade);
    Optional<SchedulingPolicy.Placement> placement = optional(o, p, "placement", this::placement);
    Optional<KillSelection> killSelection = optional(o, p, "killSelection", enumReader(KillSelection.class));
    Optional<UnreachableStrategy> unreachable = optional(o, p, "unreachableStrategy", this::unreachable);
    return failedSince(mark) ? null : new SchedulingPolicy(backoff, upgrade, placement, killSelection, unreachable);
  }

  private SchedulingPolicy.Backoff backoff(JsonValue value, PodPath p) {
    JObject o = object(value, p, BACKOFF);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    Optional<Double> backoff = optional(o, p, "backoff", this::number);
    Optional<Double> factor = optional(o, p, "backoffFactor", this::number);
    Optional<Double> maxLaunchDelay = optional(o, p, "maxLaunchDelay", this::number);
    return failedSince(mark) ? null : new SchedulingPolicy.Backoff(backoff, factor, maxLaunchDelay);
  }

  private SchedulingPolicy.UpgradeStrategy upgrade(JsonValue value, PodPath p) {
    JObject o = object(value, p, UPGRADE);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    Optional<Double> minimumHealth = optional(o, p, "minimumHealthCapacity", this::number);
    Optional<Double> maximumOver = optional(o, p, "maximumOverCapacity", this::number);
    return failedSince(mark) ? null : new SchedulingPolicy.UpgradeStrategy(minimumHealth, maximumOver);
  }

  private SchedulingPolicy.Placement placement(JsonValue value, PodPath p) {
    JObject o = object(value, p, PLACEMENT);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    List<Constraint> constraints = list(o, p, "constraints", this::constraint);
    List<String> roles = list(o, p, "acceptedResourceRoles", this::string);
    return failedSince(mark) ? null : new SchedulingPolicy.Placement(constraints, roles);
  }

  /** R-17..R-20: the object form; the app form {@code ["hostname", "UNIQUE"]} is a type error. */
  private Constraint constraint(JsonValue value, PodPath p) {
    if (value instanceof JArray) {
      return typeError(value, p, "a constraint object {\"fieldName\": ..., \"operator\": ..., \"value\": ...} "
          + "(pods do not use the app form [field, OPERATOR, value])");
    }
    JObject o = object(value, p, CONSTRAINT);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    String fieldName = required(o, p, "fieldName", this::string);
    ConstraintOperator operator = required(o, p, "operator", enumReader(ConstraintOperator.class));
    Optional<String> constraintValue = optional(o, p, "value", this::string);
    return failedSince(mark) ? null : new Constraint(fieldName, operator, constraintValue);
  }

  /** R-23, without Marathon's fallbacks: "disabled" (any case) or an object; nothing else. */
  private UnreachableStrategy unreachable(JsonValue value, PodPath p) {
    if (value instanceof JString s) {
      if (PodEnum.equalsIgnoreAsciiCase(s.value(), UnreachableStrategy.Disabled.JSON)) {
        return UnreachableStrategy.disabled();
      }
      error(ReadRule.UNION, p, value, "unreachableStrategy is \"disabled\" or an object "
          + "{\"inactiveAfterSeconds\": ..., \"expungeAfterSeconds\": ...}, found " + quote(s.value()));
      return null;
    }
    if (!(value instanceof JObject)) {
      return typeError(value, p, "\"disabled\" or an object {\"inactiveAfterSeconds\", \"expungeAfterSeconds\"}");
    }
    JObject o = object(value, p, UNREACHABLE);
    int mark = problems.errorCount();
    Optional<Long> inactive = optional(o, p, "inactiveAfterSeconds", this::int64);
    Optional<Long> expunge = optional(o, p, "expungeAfterSeconds", this::int64);
    return failedSince(mark) ? null : new UnreachableStrategy.Enabled(inactive, expunge);
  }

  private ExecutorResources executorResources(JsonValue value, PodPath p) {
    JObject o = object(value, p, EXECUTOR_RESOURCES);
    if (o == null) {
      return null;
    }
    int mark = problems.errorCount();
    Optional<Double> cpus = optional(o, p, "cpus", this::number);
    Optional<Double> mem = optional(o, p, "mem", this::number);
    Optional<Double> disk = optional(o, p, "disk", this::number);
    return failedSince(mark) ? null : new ExecutorResources(cpus, mem, disk);
  }

  // ---------------------------------------------------------------- structure

  /** The object at {@code p}, its fields checked against {@code shape}; {@code null} if not an object. */
  private JObject object(JsonValue value, PodPath p, ObjectShape shape) {
    if (!(value instanceof JObject o)) {
      return typeError(value, p, shape.what() + " (a JSON object)");
    }
    reportDuplicates(o, p);
    for (int i = 0; i < o.size(); i++) {
      String field = o.name(i);
      if (shape.knows(field)) {
        continue;
      }
      JsonValue.KeyLocation at = o.key(i);
      ObjectShape.Limitation limitation = shape.limitation(field);
      if (limitation != null && o.value(i) instanceof JNull) {
        continue; // null means absent: the unsupported feature is not asked for
      }
      if (limitation != null) {
        problems.error(limitation.rule(), p.field(field), at.line(), at.column(), limitation.message());
        continue;
      }
      String suggestion = FieldSuggestion.closest(field, shape.fields());
      String message = "unknown field " + quote(field) + " in " + shape.what()
          + (suggestion != null
              ? "; did you mean \"" + suggestion + "\"?"
              : "; known fields are " + String.join(", ", shape.fields()));
      if (strict) {
        problems.error(ReadRule.UNKNOWN_FIELD, p.field(field), at.line(), at.column(), message);
      } else {
        problems.warning(ReadRule.UNKNOWN_FIELD, p.field(field), at.line(), at.column(), message + " (ignored)");
      }
    }
    return o;
  }

  private void reportDuplicates(JObject o, PodPath p) {
    for (JsonValue.DuplicateKey d : o.duplicates()) {
      String message = "duplicate key " + quote(d.name()) + " (first at line " + d.firstLine() + ")";
      if (strict) {
        problems.error(ReadRule.DUPLICATE_KEY, p.field(d.name()), d.line(), d.column(), message);
      } else {
        problems.warning(ReadRule.DUPLICATE_KEY, p.field(d.name()), d.line(), d.column(),
            message + "; the last value is used");
      }
    }
  }

  /** Which of {@code keys} are present with a non-null value, in the order given. */
  private static List<String> presentOf(JObject o, String... keys) {
    List<String> present = new ArrayList<>(2);
    for (String key : keys) {
      JsonValue v = o.get(key);
      if (v != null && !(v instanceof JNull)) {
        present.add(key);
      }
    }
    return present;
  }

  /** The single present key of {@code keys}, or {@code null} after reporting none or several. */
  private String oneVariant(JObject o, PodPath p, String what, String... keys) {
    List<String> present = presentOf(o, keys);
    if (present.size() == 1) {
      return present.get(0);
    }
    String options = String.join(", ", keys);
    error(ReadRule.UNION, p, o, what + " has exactly one of " + options + "; found "
        + (present.isEmpty() ? "none" : String.join(" and ", present)));
    return null;
  }

  /** R-xx "required": absent and null are both missing. */
  private <T> T required(JObject o, PodPath p, String name, ValueReader<T> reader) {
    JsonValue v = o.get(name);
    if (v == null || v instanceof JNull) {
      error(ReadRule.REQUIRED, p.field(name), v == null ? o : v, quote(name) + " is required");
      return null;
    }
    return reader.read(v, p.field(name));
  }

  /** Absent and null mean the same: not given. */
  private <T> Optional<T> optional(JObject o, PodPath p, String name, ValueReader<T> reader) {
    JsonValue v = o.get(name);
    if (v == null || v instanceof JNull) {
      return Optional.empty();
    }
    return Optional.ofNullable(reader.read(v, p.field(name)));
  }

  private <T> List<T> list(JObject o, PodPath p, String name, ValueReader<T> element) {
    JsonValue v = o.get(name);
    if (v == null || v instanceof JNull) {
      return List.of();
    }
    List<T> items = list(v, p.field(name), element);
    return items == null ? List.of() : items;
  }

  private <T> List<T> list(JsonValue value, PodPath p, ValueReader<T> element) {
    if (!(value instanceof JArray a)) {
      return typeError(value, p, "an array");
    }
    // Immutable from the start, so the records' defensive copies cost nothing.
    ImmutableList.Builder<T> out = ImmutableList.builderWithExpectedSize(a.items().size());
    for (int i = 0; i < a.items().size(); i++) {
      T item = element.read(a.items().get(i), p.index(i));
      if (item != null) {
        out.add(item);
      }
    }
    return out.build();
  }

  /** An object used as a map (labels, environment, secrets); values must not be null. */
  private <T> Map<String, T> map(JObject o, PodPath p, String name, ValueReader<T> valueReader) {
    JsonValue v = o.get(name);
    if (v == null || v instanceof JNull) {
      return Map.of();
    }
    PodPath mp = p.field(name);
    if (!(v instanceof JObject m)) {
      typeError(v, mp, "an object");
      return Map.of();
    }
    reportDuplicates(m, mp);
    // Keys are unique (duplicates were merged while parsing), so the builder cannot fail.
    ImmutableMap.Builder<String, T> out = ImmutableMap.builderWithExpectedSize(m.size());
    for (int i = 0; i < m.size(); i++) {
      T item = valueReader.read(m.value(i), mp.field(m.name(i)));
      if (item != null) {
        out.put(m.name(i), item);
      }
    }
    return out.buildOrThrow();
  }

  // ---------------------------------------------------------------- scalars

  private String string(JsonValue value, PodPath p) {
    if (value instanceof JString s) {
      return s.value();
    }
    return typeError(value, p, "a string");
  }

  private Boolean bool(JsonValue value, PodPath p) {
    if (value instanceof JBoolean b) {
      return b.value();
    }
    return typeError(value, p, "a boolean");
  }

  /** A JSON number as a double; must be finite (1e400 is out of range, not infinity). */
  private Double number(JsonValue value, PodPath p) {
    if (!(value instanceof JNumber n)) {
      return typeError(value, p, "a number");
    }
    double d = Double.parseDouble(n.text());
    if (Double.isInfinite(d)) {
      error(ReadRule.NUMBER, p, value, "the number " + n.text() + " is too large");
      return null;
    }
    return d;
  }

  private Integer int32(JsonValue value, PodPath p) {
    Long l = int64(value, p);
    if (l == null) {
      return null;
    }
    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
      error(ReadRule.NUMBER, p, value, "the number " + l + " does not fit a 32-bit integer");
      return null;
    }
    return l.intValue();
  }

  /** A whole number in 64-bit range; {@code 3.0} is accepted as 3, as Marathon does. */
  private Long int64(JsonValue value, PodPath p) {
    if (!(value instanceof JNumber n)) {
      return typeError(value, p, "a whole number");
    }
    try {
      if (n.integral()) {
        return Long.parseLong(n.text());
      }
      BigDecimal d = new BigDecimal(n.text());
      if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
        error(ReadRule.NUMBER, p, value, "expected a whole number, found " + n.text());
        return null;
      }
      return d.longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      error(ReadRule.NUMBER, p, value, "the number " + n.text() + " does not fit a 64-bit integer");
      return null;
    }
  }

  private OffsetDateTime dateTime(JsonValue value, PodPath p) {
    String s = string(value, p);
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeParseException e) {
      error(ReadRule.DATETIME, p, value,
          "expected an ISO-8601 date-time with offset, like 2017-01-03T18:21:19.31Z, found " + quote(s));
      return null;
    }
  }

  /** Enum values are matched case-insensitively (Marathon's reader does the same). */
  private <E extends Enum<E> & PodEnum> ValueReader<E> enumReader(Class<E> type) {
    return (value, p) -> {
      String s = string(value, p);
      if (s == null) {
        return null;
      }
      Optional<E> e = PodEnum.fromJson(type, s);
      if (e.isEmpty()) {
        error(ReadRule.ENUM, p, value, "unknown value " + quote(s) + "; expected one of " + PodEnum.spellings(type));
        return null;
      }
      return e.get();
    };
  }

  // ---------------------------------------------------------------- reporting

  private boolean failedSince(int mark) {
    return problems.errorCount() != mark;
  }

  private void error(ReadRule rule, PodPath p, JsonValue at, String message) {
    problems.error(rule, p, at.line(), at.column(), message);
  }

  private <T> T typeError(JsonValue value, PodPath p, String expected) {
    error(ReadRule.TYPE, p, value, "expected " + expected + ", found " + value.typeName());
    return null;
  }

  /** A value quoted for a message, shortened so that hostile input cannot flood the report. */
  static String quote(String s) {
    String shown = s.length() > 80 ? s.substring(0, 77) + "..." : s;
    StringBuilder sb = new StringBuilder(shown.length() + 2).append('"');
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
