package io.podkit.validation;

/**
 * Every rule {@link PodValidator} checks, with a stable id (what {@link Violation#rule()} carries),
 * the Marathon or Mesos rule it comes from (ids of podkit's reference: {@code R-xx} reader rules,
 * {@code V-xx} semantic rules, {@code M-xx} model rules, {@code G-xx} update rules, {@code C-xx}
 * conversion failures, {@code Mesos Rxx} master rules, {@code DESIGN} for podkit's own), and the
 * message (Marathon's text where it has one, typos fixed). Messages with {@code %s} are formatted
 * with the values the check found.
 *
 * <p>The shape rules (JSON types, required members, unions, unknown fields, the limitation fields
 * such as {@code readinessChecks}) are checked while reading; see {@code io.podkit.model.json.ReadRule}.
 */
public enum Rule {
  // ----------------------------------------------------------------- pod id and top level
  ID_PATTERN("pod-id-pattern", "R-01",
      "must be a path of lower-case segments (letters, digits, '-' and '.'), such as /shop/web"),
  ID_NOT_EMPTY("pod-id-not-empty", "V-01", "Path must contain at least one path element"),
  ID_ABSOLUTE("pod-id-absolute", "V-02", "Path needs to be absolute"),
  ID_SEGMENT("pod-id-segment", "V-03",
      "must fully match regular expression '^(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])|(\\.|\\.\\.)$'"),
  ID_RESERVED("pod-id-reserved", "V-04",
      "must not end with any of the following reserved keywords: restart, tasks, versions, ., .."),
  ID_NOT_CHILD("pod-id-not-child", "V-05", "Identifier is not child of '%s'"),
  USER_NOT_EMPTY("user-not-empty", "V-06", "must not be empty"),
  ROLE_NOT_EMPTY("role-not-empty", "R-25", "must not be empty"),
  CONTAINERS_NOT_EMPTY("containers-not-empty", "R-08", "must not be empty"),

  // ----------------------------------------------------------------- environment and secrets
  ENV_NAME("env-name", "R-05",
      "environment variable names must match ^[a-zA-Z_][a-zA-Z0-9_]{0,253}$ (1 to 254 letters, digits and '_', "
          + "not starting with a digit)"),
  ENV_SECRET_FEATURE("env-secret-feature", "V-07",
      "use of secret-references in the environment requires the secrets feature to be enabled"),
  ENV_SECRET_UNDEFINED("env-secret-undefined", "V-08", "references an undefined secret"),
  SECRETS_FEATURE("secrets-feature", "V-16", "Feature secrets is not enabled. Enable with --enable_features secrets"),
  SECRET_NAME_EMPTY("secret-name-empty", "V-17", "must not be empty"),
  SECRET_SOURCE_EMPTY("secret-source-empty", "R-09", "must not be empty"),

  // ----------------------------------------------------------------- volumes
  VOLUME_NAME("volume-name", "R-58",
      "must be 1 to 63 lower-case letters, digits and '-', starting and ending with a letter or digit"),
  VOLUME_NAME_EMPTY("volume-name-empty", "R-59", "must not be empty"),
  VOLUME_SECRET_EMPTY("volume-secret-empty", "R-60", "must not be empty"),
  SECRET_VOLUME_FEATURE("secret-volume-feature", "V-10",
      "Feature secrets is not enabled. Enable with --enable_features secrets"),
  SECRET_VOLUME_UNDEFINED("secret-volume-undefined", "V-11", "volume.secret must refer to an existing secret"),
  VOLUME_UNUSED("volume-unused", "V-12", "volume must be referenced by at least one container"),
  VOLUME_NAMES_UNIQUE("volume-names-unique", "V-13", "volume names must be unique"),
  PERSISTENT_SIZE("persistent-size", "R-59", "got %s, expected 0 or more"),
  PERSISTENT_MAX_SIZE("persistent-max-size", "R-59", "got %s, expected 0 or more"),
  PERSISTENT_CONSTRAINT("persistent-constraint", "C-01",
      "illegal volume constraint %s: a persistent volume constraint must be [\"path\", \"LIKE\", <regex>]"),

  // ----------------------------------------------------------------- networks
  NETWORK_NAME("network-name", "R-10",
      "must be 1 to 63 lower-case letters, digits, '-' and '_', starting and ending with a letter or digit"),
  NETWORK_HOST_NAME_OR_LABELS("network-host-name-or-labels", "V-19", "Host networks may not have names or labels"),
  NETWORK_BRIDGE_NAME("network-bridge-name", "V-20", "Bridge networks may not have names"),
  NETWORKS_DUPLICATE("networks-duplicate", "V-21", "Duplicate networks are not allowed"),
  NETWORK_MODES("network-modes", "V-22",
      "May specify a single host network, single bridge network, or else 1-to-n container networks"),
  NETWORK_NAME_REQUIRED("network-name-required", "V-23",
      "Network name must be specified when container network is selected."),

  // ----------------------------------------------------------------- containers
  CONTAINER_NAME("container-name", "R-27",
      "must be 1 to 63 lower-case letters, digits and '-', starting and ending with a letter or digit"),
  CONTAINER_NAME_RESERVED("container-name-reserved", "V-40", "equals _app"),
  CONTAINER_NAMES_UNIQUE("container-names-unique", "V-15", "container names must be unique"),
  RESOURCE_NEGATIVE("resource-negative", "R-29", "got %s, expected 0.0 or more"),
  RESOURCE_LIMIT_BELOW_REQUEST("resource-limit-below-request", "V-43",
      "resource limit must be greater than or equal to requested resource (%s)"),
  RESOURCE_LIMIT_WITHOUT_REQUEST("resource-limit-without-request", "Mesos R26",
      "a %s limit needs a %s request: Mesos drops a request of 0 and then rejects the limit"),
  RESOURCE_LIMIT_NEGATIVE("resource-limit-negative", "V-42", "got %s, expected 0.0 or more"),
  RESOURCE_LIMITS_SHARED_CGROUPS("resource-limits-shared-cgroups", "V-44",
      "resourceLimits cannot be defined if legacySharedCgroups is enabled"),
  COMMAND_SHELL_EMPTY("command-shell-empty", "R-39", "must not be empty"),
  COMMAND_ARGV_EMPTY("command-argv-empty", "R-39", "must not be empty"),
  IMAGE_ID("image-id", "R-37", "must be 1 to 1024 characters"),
  PULL_CONFIG_SECRET_EMPTY("pull-config-secret-empty", "R-38", "must not be empty"),
  PULL_CONFIG_FEATURE("pull-config-feature", "V-50",
      "Feature secrets is not enabled. Enable with --enable_features secrets"),
  PULL_CONFIG_UNDEFINED("pull-config-undefined", "V-51", "pullConfig.secret must refer to an existing secret"),
  VOLUME_MOUNT_NAME("volume-mount-name", "R-47",
      "must be 1 to 63 lower-case letters, digits and '-', starting and ending with a letter or digit"),
  VOLUME_MOUNT_PATH("volume-mount-path", "R-48", "must be 1 to 1024 characters"),
  VOLUME_MOUNT_UNDEFINED("volume-mount-undefined", "V-57", "Referenced Volume in VolumeMount should exist"),
  ARTIFACT_URI("artifact-uri", "R-50", "must be 1 to 1024 characters"),
  ARTIFACT_DEST_PATH("artifact-dest-path", "R-51", "must be 1 to 1024 characters"),
  KILL_GRACE_PERIOD("kill-grace-period", "R-53", "got %s, expected 0.0 or more"),
  EXECUTOR_SECCOMP("executor-seccomp", "V-35", "Seccomp configuration on executor level is not supported"),
  IPC_SHM_SIZE_SHARE_PARENT("ipc-shm-size-share-parent", "V-36",
      "ipcInfo shmSize can NOT be set when mode is SHARE_PARENT"),
  SECCOMP_PROFILE_AND_UNCONFINED("seccomp-profile-and-unconfined", "V-37",
      "Seccomp unconfined can NOT be true when Profile is defined"),
  SECCOMP_NEITHER("seccomp-neither", "V-38", "Seccomp unconfined must be true when Profile is NOT defined"),

  // ----------------------------------------------------------------- endpoints
  ENDPOINT_NAME("endpoint-name", "R-31",
      "must be 1 to 63 lower-case letters, digits and '-', starting and ending with a letter or digit"),
  CONTAINER_PORT_RANGE("container-port-range", "R-32", "got %s, expected between 1 and 65535"),
  HOST_PORT_RANGE("host-port-range", "R-33", "got %s, expected between 0 and 65535"),
  ENDPOINT_NAMES_UNIQUE("endpoint-names-unique", "V-28", "endpoint names must be unique across all containers"),
  CONTAINER_PORTS_UNIQUE("container-ports-unique", "V-29", "container ports must be unique across all containers"),
  HOST_PORTS_UNIQUE("host-ports-unique", "V-30", "host ports must be unique across all containers"),
  ENDPOINT_NETWORK_NAMES("endpoint-network-names", "V-45", "is not one of (%s)"),
  CONTAINER_PORT_HOST_MODE("container-port-host-mode", "V-46", "is not allowed when using host-mode networking"),
  CONTAINER_PORT_REQUIRED("container-port-required", "V-47", "is required when using container-mode networking"),
  ENDPOINT_PROTOCOLS_DUPLICATE("endpoint-protocols-duplicate", "V-48",
      "Duplicate protocols within the same endpoint are not allowed"),
  ENDPOINT_NETWORK_NAMES_SINGLE("endpoint-network-names-single", "V-49",
      "networkNames must be a single item list when hostPort is specified and more than 1 container network is "
          + "defined"),

  // ----------------------------------------------------------------- health checks and checks
  HEALTH_CHECK_TIMING("health-check-timing", "R-41", "got %s, expected 0 or more"),
  HEALTH_CHECK_TIMEOUT("health-check-timeout", "V-52", "got %s, expected less than %s"),
  HEALTH_CHECK_ENDPOINT("health-check-endpoint", "V-53", "contained in the container endpoints"),
  HEALTH_CHECK_ENDPOINT_NAME("health-check-endpoint-name", "R-42",
      "must be 1 to 63 lower-case letters, digits and '-', starting and ending with a letter or digit"),
  HEALTH_CHECK_PATH("health-check-path", "R-43", "must be 1 to 1024 characters"),
  HEALTH_CHECK_EXEC_VERSION("health-check-exec-version", "V-54",
      "Mesos Master (%s) does not support Command Health Checks"),
  HEALTH_CHECK_PORT_UNRESOLVED("health-check-port-unresolved", "DESIGN G8",
      "the health check's endpoint %s has no port to probe in this network mode (%s)"),
  CHECK_TIMING("check-timing", "R-46", "got %s, expected 0 or more"),
  CHECK_ENDPOINT("check-endpoint", "DESIGN G9", "contained in the container endpoints"),
  CHECK_HTTPS("check-https", "Mesos R21",
      "a check probes with plain HTTP: Mesos' CheckInfo has no scheme, so HTTPS cannot be honoured"),
  HTTP_PATH_ABSOLUTE("http-path-absolute", "Mesos R21, R22", "must start with '/'"),

  // ----------------------------------------------------------------- scaling and scheduling
  SCALING_INSTANCES("scaling-instances", "V-27", "got %s, expected 0 or more"),
  BACKOFF_NEGATIVE("backoff-negative", "R-15", "got %s, expected 0.0 or more"),
  UPGRADE_CAPACITY_RANGE("upgrade-capacity-range", "R-16", "got %s, expected between 0.0 and 1.0"),
  UNREACHABLE_SECONDS("unreachable-seconds", "R-23", "got %s, expected 0 or more"),
  CONSTRAINT_FIELD("constraint-field", "V-26", "missing field for constraint declaration"),
  CONSTRAINT_UNIQUE_VALUE("constraint-unique-value", "V-26", "UNIQUE does not accept a value"),
  CONSTRAINT_GROUP_BY_VALUE("constraint-group-by-value", "V-26",
      "GROUP BY must define an integer value or else no value at all"),
  CONSTRAINT_MAX_PER_VALUE("constraint-max-per-value", "V-26", "MAX_PER requires an integer value"),
  CONSTRAINT_LIKE_VALUE("constraint-like-value", "V-26",
      "LIKE and UNLIKE require a non-empty, regular expression value"),
  CONSTRAINT_LIKE_REGEX("constraint-like-regex", "V-26", "is not a valid regular expression"),
  CONSTRAINT_IS_VALUE("constraint-is-value", "V-26",
      "IS only supports Mesos text and float values (see http://mesos.apache.org/documentation/latest/attributes-resources/)"),

  // ----------------------------------------------------------------- roles and resident pods
  ROLE_NAME("role-name", "V-25", "%s"),
  ROLE_NOT_ALLOWED("role-not-allowed", "M-02", "got %s, expected one of: [%s]"),
  ACCEPTED_ROLES_SUBSET("accepted-roles-subset", "M-05", "acceptedResourceRoles can only contain %s"),
  RESIDENT_ROLE_STAR("resident-role-star", "M-03", "Resident pods cannot have the role *"),
  RESIDENT_ROLE_CHANGE("resident-role-change", "M-04",
      "It is not possible to change the role for existing reservations. If you proceed with this change, all "
          + "existing instances will continue to run under the previous role, %s. Only new instances will be "
          + "allocated with the new role, %s. In order to continue, retry your request with ?force=true"),
  RESIDENT_ACCEPTED_ROLES("resident-accepted-roles", "V-34",
      "A resident pod must have `acceptedResourceRoles = [\"*\"]`."),
  RESIDENT_MAX_OVER_CAPACITY("resident-max-over-capacity", "V-31", "got %s, expected 0.0"),
  RESIDENT_UNREACHABLE("resident-unreachable", "V-33",
      "unreachableStrategy must be disabled for pods with persistent volumes"),

  // ----------------------------------------------------------------- updates of resident pods
  UPDATE_PERSISTENT_VOLUMES("update-persistent-volumes", "G-05", "persistent volumes cannot be updated"),
  UPDATE_RESOURCES("update-resources", "G-06", "%s cannot be updated if a pod has persistent volumes"),
  UPDATE_HOST_PORTS("update-host-ports", "G-07", "host ports cannot be updated if a pod has persistent volumes"),
  UPDATE_MAX_OVER_CAPACITY("update-max-over-capacity", "G-08", "got %s, expected 0.0"),

  // ----------------------------------------------------------------- Mesos' own limits
  EXECUTOR_MEM("executor-mem", "R-24, Mesos R41", "got %s, expected 32.0 or more"),
  EXECUTOR_DISK("executor-disk", "R-24, Mesos R41", "got %s, expected 10.0 or more"),
  MESOS_EXECUTOR_CPUS("mesos-executor-cpus", "Mesos R41",
      "the executor uses less CPUs (%s) than the minimum Mesos requires (0.01)"),
  MESOS_TASK_RESOURCES("mesos-task-resources", "Mesos R23",
      "the container requests no resources (cpus, mem, disk and gpus are all 0): Mesos rejects a task that uses "
          + "no resources"),
  MESOS_VOLUME_SIZE("mesos-volume-size", "Mesos CREATE",
      "a %s persistent volume of 0 MiB is empty, and Mesos drops empty resources, so it can never be created; "
          + "give it a size of 1 or more (only a mount volume may ask for 0: any mount disk)"),

  // ----------------------------------------------------------------- pod limitations
  LIMITATION_PORT_VARIABLES("limitation-port-variables", "pods.md Limitations",
      "pods do not define $PORT0-style variables; %s refers to %s, use ENDPOINT_<NAME> (the port of the endpoint "
          + "named NAME) instead"),

  // ----------------------------------------------------------------- built-in policies
  POLICY_HOST_VOLUME("policy-host-volume", "PodPolicy", "%s"),
  POLICY_SECCOMP_UNCONFINED("policy-seccomp-unconfined", "PodPolicy",
      "seccomp must not be unconfined under this framework's policy"),
  POLICY_IMAGE_REGISTRY("policy-image-registry", "PodPolicy", "%s");

  private final String id;
  private final String source;
  private final String message;

  Rule(String id, String source, String message) {
    this.id = id;
    this.source = source;
    this.message = message;
  }

  /** The stable id, e.g. {@code endpoint-names-unique}. */
  public String id() {
    return id;
  }

  /** The rule of Marathon, Mesos or podkit's design this one implements, e.g. {@code V-28}. */
  public String source() {
    return source;
  }

  /** The message, with {@code %s} where the check inserts what it found. */
  public String message() {
    return message;
  }

  /** The message with {@code args} inserted. */
  public String format(Object... args) {
    return args.length == 0 ? message : String.format(message, args);
  }
}
