package io.podkit.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.podkit.model.Check;
import io.podkit.model.ConstraintOperator;
import io.podkit.model.ExecutorResources;
import io.podkit.model.HealthCheck;
import io.podkit.model.HttpScheme;
import io.podkit.model.ImageKind;
import io.podkit.model.IpcMode;
import io.podkit.model.KillSelection;
import io.podkit.model.Network;
import io.podkit.model.NetworkMode;
import io.podkit.model.PersistentVolumeType;
import io.podkit.model.PodEnum;
import io.podkit.model.ResourceLimit;
import io.podkit.model.Resources;
import io.podkit.model.ScalingPolicy;
import io.podkit.model.SchedulingPolicy;
import io.podkit.model.UnreachableStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Schema (draft 2020-12) of the pod format, for editors: completion, hover text with the
 * defaults, and red squiggles for structural mistakes before {@code podctl validate} is run.
 *
 * <p>It is generated from the model rather than kept as a resource, so the enum values come from
 * the model's own {@link PodEnum} spellings and the defaults from its constants; a test checks that
 * its objects name exactly the model's fields.
 *
 * <p>What it says, and what it leaves to {@code podctl validate}: every object lists its members
 * with their JSON types and {@code additionalProperties: false} (the strict reader's unknown-field
 * rule); required members are required and never null; optional members may be {@code null}, which
 * the reader takes as absent; unions are {@code oneOf}s chosen by the keys present, exactly one of
 * them (command {@code shell}/{@code argv}, check {@code http}/{@code tcp}/{@code exec}, the four kinds
 * of volume, environment values, resource limits, {@code unreachableStrategy}). Enums are given in
 * their canonical spelling only (the reader also accepts other letter cases). A few simple value
 * rules of the validator are included (name patterns, port ranges, minimums), since editors show
 * them as you type; the cross-field rules (unique names, references between volumes and mounts,
 * secrets, networks) are the validator's alone.
 */
final class PodSchema {
  /** The dialect, as {@code $schema}. */
  static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  /** Marathon's {@code Name}: a lower-case DNS label, 1 to 63 characters. */
  private static final String NAME = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
  /** Marathon's network name: like {@link #NAME}, with {@code _} inside. */
  private static final String NETWORK_NAME = "^[a-z0-9]([-a-z0-9_]*[a-z0-9])?$";
  /** Environment variable names. */
  private static final String ENV_NAME = "^[a-zA-Z_][a-zA-Z0-9_]{0,253}$";

  private PodSchema() {}

  /** The schema as indented JSON. */
  static String json() {
    return Json.print(schema());
  }

  /** The schema as a tree. */
  static JsonObject schema() {
    JsonObject root = new JsonObject();
    root.addProperty("$schema", DIALECT);
    root.addProperty("title", "Marathon pod definition (podkit)");
    root.addProperty("description", "A pod: containers launched together, atomically, on one Mesos agent. "
        + "Structure only; run 'podctl validate' for every rule.");
    JsonObject pod = new Obj()
        .required("id", string("the pod's path id, such as /shop/web: lower-case segments of letters, digits, "
            + "'-' and '.'"))
        .optional("labels", ref("labels"))
        .optional("version", describe(withFormat(of("type", "string"), "date-time"),
            "ISO-8601 date-time with offset; set by Marathon"))
        .optional("user", string("user the containers run as, unless a container names its own"))
        .optional("environment", ref("environment"))
        .required("containers", describe(minItems(array(ref("container")), 1),
            "the containers, each a task of the pod's task group"))
        .optional("secrets", describe(map(ref("secret")), "secrets by name, for environment values, secret "
            + "volumes and image pull configs (Marathon's secrets feature)"))
        .optional("volumes", array(ref("volume")))
        .optional("networks", describe(array(ref("network")), "no networks means the host network"))
        .optional("scaling", ref("scaling"))
        .optional("scheduling", ref("scheduling"))
        .optional("executorResources", ref("executorResources"))
        .optional("role", string("Mesos role; default Marathon's --mesos_role (or the enforcing top-level group)"))
        .optional("linuxInfo", describe(ref("linuxInfo"), "Linux settings of the executor (the pod level)"))
        .optional("legacySharedCgroups", bool("share the executor's cgroups (Marathon's legacy behaviour)", false))
        .build();
    pod.entrySet().forEach(e -> root.add(e.getKey(), e.getValue()));
    root.add("$defs", definitions());
    return root;
  }

  private static JsonObject definitions() {
    JsonObject defs = new JsonObject();
    defs.add("labels", describe(map(of("type", "string")), "string labels"));
    JsonObject environment = map(ref("envValue"));
    environment.add("propertyNames", pattern(of("type", "string"), ENV_NAME));
    defs.add("environment", describe(environment, "environment variables: a string, or {\"secret\": name}"));
    defs.add("envValue", oneOf(of("type", "string"), ref("secretRef")));
    defs.add("secretRef", new Obj().required("secret", string("name of a pod secret")).build());
    defs.add("secret", new Obj().required("source", string("where the secret store finds it")).build());

    defs.add("container", new Obj()
        .required("name", name(NAME, "container name, unique in the pod"))
        .optional("exec", ref("exec"))
        .required("resources", describe(ref("resources"), "what the container asks for; {} takes the defaults"))
        .optional("resourceLimits", ref("resourceLimits"))
        .optional("endpoints", array(ref("endpoint")))
        .optional("linuxInfo", ref("linuxInfo"))
        .optional("image", ref("image"))
        .optional("environment", ref("environment"))
        .optional("user", string("user the container runs as"))
        .optional("healthCheck", ref("healthCheck"))
        .optional("check", ref("check"))
        .optional("volumeMounts", array(ref("volumeMount")))
        .optional("artifacts", array(ref("artifact")))
        .optional("labels", ref("labels"))
        .optional("lifecycle", ref("lifecycle"))
        .optional("tty", bool("allocate a TTY", null))
        .build());
    defs.add("exec", new Obj()
        .required("command", ref("command"))
        .optional("overrideEntrypoint", bool("run the command instead of the image's entrypoint", false))
        .build());
    defs.add("command", new Obj()
        .optional("shell", string("run through /bin/sh -c"))
        .optional("argv", describe(array(of("type", "string")), "run without a shell"))
        .exactlyOne("shell", "string", "argv", "array")
        .build());
    defs.add("resources", new Obj()
        .optional("cpus", number("CPU shares", 0, Resources.DEFAULT_CPUS))
        .optional("mem", number("memory in MiB", 0, Resources.DEFAULT_MEM))
        .optional("disk", number("disk in MiB", 0, Resources.DEFAULT_DISK))
        .optional("gpus", integer("GPUs", 0, null, Resources.DEFAULT_GPUS))
        .build());
    defs.add("resourceLimits", new Obj()
        .optional("cpus", ref("resourceLimit"))
        .optional("mem", ref("resourceLimit"))
        .build());
    defs.add("resourceLimit", describe(oneOf(minimum(of("type", "number"), 0),
        of("const", ResourceLimit.Unlimited.JSON)), "a limit at or above the request, or \"unlimited\""));
    defs.add("endpoint", new Obj()
        .required("name", name(NAME, "endpoint name, unique in the pod; containers see ENDPOINT_<NAME>"))
        .optional("containerPort", integer("port in the container; required on container networks, "
            + "forbidden on the host network", 1, 65535, null))
        .optional("hostPort", integer("port on the agent; 0 asks for a dynamic one", 0, 65535, null))
        .optional("protocol", describe(minItems(array(of("type", "string")), 1), "e.g. [\"tcp\"], [\"udp\", \"tcp\"]"))
        .optional("labels", ref("labels"))
        .optional("networkNames", describe(array(of("type", "string")), "the container networks the host port "
            + "maps to"))
        .build());
    defs.add("linuxInfo", new Obj()
        .optional("seccomp", ref("seccomp"))
        .optional("ipcInfo", ref("ipcInfo"))
        .build());
    defs.add("seccomp", new Obj()
        .optional("profileName", string("the agent's seccomp profile"))
        .optional("unconfined", bool("run without seccomp; requires no profileName", false))
        .build());
    defs.add("ipcInfo", new Obj()
        .required("mode", enumOf(IpcMode.class))
        .optional("shmSize", integer("size of /dev/shm in MiB (PRIVATE mode only)", 0, null, null))
        .build());
    defs.add("image", new Obj()
        .required("kind", enumOf(ImageKind.class))
        .required("id", describe(maxLength(minLength(of("type", "string"), 1), 1024), "image reference, e.g. nginx:1.27"))
        .optional("pullConfig", ref("pullConfig"))
        .optional("forcePull", bool("pull even when the agent has the image", false))
        .optional("labels", ref("labels"))
        .build());
    defs.add("pullConfig", new Obj().required("secret", string("pod secret holding the Docker config")).build());

    defs.add("healthCheck", new Obj()
        .optional("http", ref("httpCheck"))
        .optional("tcp", ref("tcpCheck"))
        .optional("exec", ref("execCheck"))
        .optional("gracePeriodSeconds", seconds(HealthCheck.DEFAULT_GRACE_PERIOD_SECONDS))
        .optional("intervalSeconds", seconds(HealthCheck.DEFAULT_INTERVAL_SECONDS))
        .optional("maxConsecutiveFailures", integer("failures before the task is killed", 0, null,
            HealthCheck.DEFAULT_MAX_CONSECUTIVE_FAILURES))
        .optional("timeoutSeconds", seconds(HealthCheck.DEFAULT_TIMEOUT_SECONDS))
        .optional("delaySeconds", seconds(HealthCheck.DEFAULT_DELAY_SECONDS))
        .exactlyOne("http", "object", "tcp", "object", "exec", "object")
        .build());
    defs.add("check", new Obj()
        .optional("http", ref("httpCheck"))
        .optional("tcp", ref("tcpCheck"))
        .optional("exec", ref("execCheck"))
        .optional("intervalSeconds", seconds(Check.DEFAULT_INTERVAL_SECONDS))
        .optional("timeoutSeconds", seconds(Check.DEFAULT_TIMEOUT_SECONDS))
        .optional("delaySeconds", seconds(Check.DEFAULT_DELAY_SECONDS))
        .exactlyOne("http", "object", "tcp", "object", "exec", "object")
        .build());
    defs.add("httpCheck", new Obj()
        .required("endpoint", string("name of one of the container's endpoints"))
        .optional("path", string("request path, starting with /"))
        .optional("scheme", withDefault(enumOf(HttpScheme.class), HttpScheme.HTTP.json()))
        .build());
    defs.add("tcpCheck", new Obj().required("endpoint", string("name of one of the container's endpoints")).build());
    defs.add("execCheck", new Obj().required("command", ref("command")).build());

    defs.add("volumeMount", new Obj()
        .required("name", name(NAME, "name of a pod volume"))
        .required("mountPath", describe(maxLength(minLength(of("type", "string"), 1), 1024),
            "where the volume appears in the container"))
        .optional("readOnly", bool("mount read-only", false))
        .build());
    defs.add("artifact", new Obj()
        .required("uri", describe(maxLength(minLength(of("type", "string"), 1), 1024), "what the fetcher downloads"))
        .optional("extract", bool("extract archives", true))
        .optional("executable", bool("make the file executable", false))
        .optional("cache", bool("use the fetcher cache", false))
        .optional("destPath", string("file name in the sandbox"))
        .build());
    defs.add("lifecycle", new Obj()
        .optional("killGracePeriodSeconds", number("time between SIGTERM and SIGKILL", 0, null))
        .build());

    defs.add("volume", describe(new Obj()
        .required("name", name(NAME, "volume name, unique in the pod"))
        .optional("persistent", ref("persistentVolume"))
        .optional("secret", string("a pod secret, mounted as a file"))
        .optional("host", string("a path on the agent"))
        .atMostOne("persistent", "object", "secret", "string", "host", "string")
        .build(), "an ephemeral volume (name only), or one of persistent, secret and host"));
    defs.add("persistentVolume", new Obj()
        .optional("type", describe(enumOf(PersistentVolumeType.class), "default root (mount with a profileName)"))
        .required("size", integer("size in MiB", 0, null, null))
        .optional("maxSize", integer("largest mount disk accepted, in MiB", 0, null, null))
        .optional("profileName", string("disk profile (CSI)"))
        .optional("constraints", describe(array(array(of("type", "string"))),
            "[\"path\", \"LIKE\", regex] constraints on the disk"))
        .build());
    defs.add("network", new Obj()
        .optional("name", name(NETWORK_NAME, "container network name; default Marathon's --default_network_name"))
        .optional("mode", withDefault(enumOf(NetworkMode.class), Network.DEFAULT_MODE.json()))
        .optional("labels", ref("labels"))
        .build());

    defs.add("scaling", new Obj()
        .required("kind", of("const", ScalingPolicy.Fixed.KIND))
        .optional("instances", integer("number of instances", 0, null, ScalingPolicy.DEFAULT_INSTANCES))
        .build());
    defs.add("scheduling", new Obj()
        .optional("backoff", ref("backoff"))
        .optional("upgrade", ref("upgrade"))
        .optional("placement", ref("placement"))
        .optional("killSelection", withDefault(enumOf(KillSelection.class),
            SchedulingPolicy.DEFAULT_KILL_SELECTION.json()))
        .optional("unreachableStrategy", ref("unreachableStrategy"))
        .build());
    defs.add("backoff", new Obj()
        .optional("backoff", number("seconds before relaunching a failed instance", 0,
            SchedulingPolicy.Backoff.DEFAULT_BACKOFF))
        .optional("backoffFactor", number("factor the backoff grows by per failure", 0,
            SchedulingPolicy.Backoff.DEFAULT_BACKOFF_FACTOR))
        .optional("maxLaunchDelay", number("longest backoff, in seconds", 0,
            SchedulingPolicy.Backoff.DEFAULT_MAX_LAUNCH_DELAY))
        .build());
    defs.add("upgrade", new Obj()
        .optional("minimumHealthCapacity", maximum(number("share of instances kept healthy during an upgrade", 0,
            SchedulingPolicy.UpgradeStrategy.DEFAULT_MINIMUM_HEALTH_CAPACITY), 1))
        .optional("maximumOverCapacity", maximum(number("share of extra instances allowed during an upgrade", 0,
            SchedulingPolicy.UpgradeStrategy.DEFAULT_MAXIMUM_OVER_CAPACITY), 1))
        .build());
    defs.add("placement", new Obj()
        .optional("constraints", array(ref("constraint")))
        .optional("acceptedResourceRoles", describe(array(of("type", "string")),
            "roles whose offered resources may be used: \"*\" and/or the pod's role"))
        .build());
    defs.add("constraint", new Obj()
        .required("fieldName", string("hostname, an agent attribute, @region or @zone"))
        .required("operator", enumOf(ConstraintOperator.class))
        .optional("value", string("the operator's argument"))
        .build());
    defs.add("unreachableStrategy", describe(oneOf(of("const", UnreachableStrategy.Disabled.JSON), new Obj()
        .optional("inactiveAfterSeconds", integer("seconds before an unreachable instance is replaced", 0, null,
            null))
        .optional("expungeAfterSeconds", integer("seconds before an unreachable instance is expunged", 0, null,
            null))
        .build()), "\"disabled\", or when to replace and expunge unreachable instances"));
    defs.add("executorResources", new Obj()
        .optional("cpus", number("the executor's CPU shares (at least Mesos' 0.01)", 0.01, ExecutorResources.DEFAULT_CPUS))
        .optional("mem", number("the executor's memory in MiB", 32, ExecutorResources.DEFAULT_MEM))
        .optional("disk", number("the executor's disk in MiB", 10, ExecutorResources.DEFAULT_DISK))
        .build());
    return defs;
  }

  // ---------------------------------------------------------------- building blocks

  /**
   * An object schema: members in model order, {@code additionalProperties: false}. Optional members
   * also accept {@code null}, which the reader takes as absent; required ones do not.
   */
  private static final class Obj {
    private final JsonObject properties = new JsonObject();
    private final JsonArray required = new JsonArray();
    private final List<JsonObject> variants = new ArrayList<>();

    Obj required(String name, JsonObject schema) {
      properties.add(name, schema);
      required.add(name);
      return this;
    }

    Obj optional(String name, JsonObject schema) {
      properties.add(name, nullable(schema));
      return this;
    }

    /** Exactly one of the named members is present and not null ({@code name, type} pairs). */
    Obj exactlyOne(String... namesAndTypes) {
      for (int i = 0; i < namesAndTypes.length; i += 2) {
        variants.add(presentOnly(namesAndTypes, i));
      }
      return this;
    }

    /** At most one of the named members is present and not null; none is a variant of its own. */
    Obj atMostOne(String... namesAndTypes) {
      JsonObject none = new JsonObject();
      JsonObject absent = new JsonObject();
      for (int i = 0; i < namesAndTypes.length; i += 2) {
        absent.add(namesAndTypes[i], of("type", "null"));
      }
      none.add("properties", absent);
      variants.add(none);
      return exactlyOne(namesAndTypes);
    }

    /** The variant in which member {@code i} is present (with its type) and the others absent or null. */
    private static JsonObject presentOnly(String[] namesAndTypes, int i) {
      JsonObject variant = new JsonObject();
      JsonObject props = new JsonObject();
      for (int j = 0; j < namesAndTypes.length; j += 2) {
        props.add(namesAndTypes[j], of("type", j == i ? namesAndTypes[j + 1] : "null"));
      }
      variant.add("properties", props);
      JsonArray req = new JsonArray();
      req.add(namesAndTypes[i]);
      variant.add("required", req);
      return variant;
    }

    JsonObject build() {
      JsonObject o = of("type", "object");
      o.add("properties", properties);
      if (!required.isEmpty()) {
        o.add("required", required);
      }
      o.addProperty("additionalProperties", false);
      if (!variants.isEmpty()) {
        JsonArray oneOf = new JsonArray();
        variants.forEach(oneOf::add);
        o.add("oneOf", oneOf);
      }
      return o;
    }
  }

  private static JsonObject of(String key, String value) {
    JsonObject o = new JsonObject();
    o.addProperty(key, value);
    return o;
  }

  private static JsonObject ref(String definition) {
    return of("$ref", "#/$defs/" + definition);
  }

  private static JsonObject describe(JsonObject schema, String description) {
    JsonObject o = new JsonObject();
    o.addProperty("description", description);
    schema.entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
    return o;
  }

  private static JsonObject string(String description) {
    return describe(of("type", "string"), description);
  }

  private static JsonObject name(String pattern, String description) {
    return describe(maxLength(minLength(pattern(of("type", "string"), pattern), 1), 63), description);
  }

  private static JsonObject bool(String description, Boolean defaultValue) {
    JsonObject o = describe(of("type", "boolean"), description);
    if (defaultValue != null) {
      o.addProperty("default", defaultValue);
    }
    return o;
  }

  private static JsonObject number(String description, double minimum, Double defaultValue) {
    JsonObject o = minimum(describe(of("type", "number"), description), minimum);
    if (defaultValue != null) {
      o.addProperty("default", defaultValue);
    }
    return o;
  }

  private static JsonObject integer(String description, Integer minimum, Integer maximum, Integer defaultValue) {
    JsonObject o = describe(of("type", "integer"), description);
    if (minimum != null) {
      o.addProperty("minimum", minimum);
    }
    if (maximum != null) {
      o.addProperty("maximum", maximum);
    }
    if (defaultValue != null) {
      o.addProperty("default", defaultValue);
    }
    return o;
  }

  private static JsonObject seconds(int defaultValue) {
    return integer("seconds", 0, null, defaultValue);
  }

  private static JsonObject minimum(JsonObject o, double minimum) {
    o.add("minimum", number(minimum));
    return o;
  }

  private static JsonObject maximum(JsonObject o, double maximum) {
    o.add("maximum", number(maximum));
    return o;
  }

  /** Whole numbers print as {@code 0}, not {@code 0.0}. */
  private static JsonPrimitive number(double value) {
    return value == Math.rint(value) ? new JsonPrimitive((long) value) : new JsonPrimitive(value);
  }

  private static JsonObject minLength(JsonObject o, int n) {
    o.addProperty("minLength", n);
    return o;
  }

  private static JsonObject maxLength(JsonObject o, int n) {
    o.addProperty("maxLength", n);
    return o;
  }

  private static JsonObject minItems(JsonObject o, int n) {
    o.addProperty("minItems", n);
    return o;
  }

  private static JsonObject pattern(JsonObject o, String regex) {
    o.addProperty("pattern", regex);
    return o;
  }

  private static JsonObject withFormat(JsonObject o, String format) {
    o.addProperty("format", format);
    return o;
  }

  private static JsonObject withDefault(JsonObject o, String value) {
    o.addProperty("default", value);
    return o;
  }

  private static JsonObject array(JsonObject items) {
    JsonObject o = of("type", "array");
    o.add("items", items);
    return o;
  }

  private static JsonObject map(JsonObject values) {
    JsonObject o = of("type", "object");
    o.add("additionalProperties", values);
    return o;
  }

  private static JsonObject oneOf(JsonObject... schemas) {
    JsonArray array = new JsonArray();
    for (JsonObject s : schemas) {
      array.add(s);
    }
    JsonObject o = new JsonObject();
    o.add("oneOf", array);
    return o;
  }

  /** The canonical spellings of a model enum. */
  private static <E extends Enum<E> & PodEnum> JsonObject enumOf(Class<E> type) {
    JsonArray values = new JsonArray();
    for (E e : type.getEnumConstants()) {
      values.add(e.json());
    }
    JsonObject o = of("type", "string");
    o.add("enum", values);
    return o;
  }

  /**
   * {@code schema}, also accepting {@code null}: by widening a plain {@code type} (and an
   * {@code enum}), else as {@code anyOf [schema, null]} with the description kept outside.
   */
  private static JsonObject nullable(JsonObject schema) {
    JsonElement type = schema.get("type");
    boolean plain = type != null && type.isJsonPrimitive() && !schema.has("oneOf") && !schema.has("$ref");
    if (plain) {
      JsonObject o = new JsonObject();
      for (var e : schema.entrySet()) {
        if (e.getKey().equals("type")) {
          JsonArray types = new JsonArray();
          types.add(type);
          types.add("null");
          o.add("type", types);
        } else if (e.getKey().equals("enum")) {
          JsonArray values = e.getValue().getAsJsonArray().deepCopy();
          values.add(JsonNull.INSTANCE);
          o.add("enum", values);
        } else {
          o.add(e.getKey(), e.getValue());
        }
      }
      return o;
    }
    JsonObject o = new JsonObject();
    JsonObject inner = schema.deepCopy();
    JsonElement description = inner.remove("description");
    if (description != null) {
      o.add("description", description);
    }
    JsonArray anyOf = new JsonArray();
    anyOf.add(inner);
    anyOf.add(of("type", "null"));
    o.add("anyOf", anyOf);
    return o;
  }
}
