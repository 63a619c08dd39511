package io.podkit.validation;

import io.podkit.model.Artifact;
import io.podkit.model.Check;
import io.podkit.model.CheckKind;
import io.podkit.model.Command;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.Exec;
import io.podkit.model.ExecutorResources;
import io.podkit.model.HealthCheck;
import io.podkit.model.Image;
import io.podkit.model.Lifecycle;
import io.podkit.model.Network;
import io.podkit.model.PersistentVolumeInfo;
import io.podkit.model.Pod;
import io.podkit.model.ResourceLimits;
import io.podkit.model.Resources;
import io.podkit.model.ScalingPolicy;
import io.podkit.model.SchedulingPolicy;
import io.podkit.model.Secret;
import io.podkit.model.UnreachableStrategy;
import io.podkit.model.Volume;
import io.podkit.model.VolumeMount;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The single-field rules as data: for each model type, which fields carry which checks, and which
 * fields lead on to nested values that have checks of their own.
 *
 * <p>Two things are derived from this one table and nothing else: the Hibernate Validator mapping
 * that writes the report ({@link FieldConstraints}), and {@link #passes}, a plain walk that answers
 * only "is anything wrong?" without Hibernate's path and context bookkeeping. Valid pods, the common
 * case, take the walk alone; a pod that fails it goes through Hibernate Validator for the report.
 * Because both come from the same rows, they cannot disagree on what is checked, and each {@link
 * FieldCheck} tests a value exactly as its Jakarta constraint does (a property test holds them to it).
 */
final class FieldTable {
  /** Marathon's {@code Name}: a lower-case DNS label (length 1 to 63 checked separately). */
  static final String NAME = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
  /** Marathon's {@code NetworkName}: like {@link #NAME}, with {@code _} inside. */
  static final String NETWORK_NAME = "^[a-z0-9]([-a-z0-9_]*[a-z0-9])?$";
  /** Keys of {@code environment}. */
  static final String ENV_NAME = "^[a-zA-Z_][a-zA-Z0-9_]{0,253}$";
  /** Anything but the reserved container name {@code _app} (V-40). */
  static final String NOT_APP = "(?s)(?!_app\\z).*";

  /**
   * Which part of a field's value a row's checks and cascade apply to: the value itself, each
   * element of an {@code Optional} or list, or each key or value of a map (Hibernate's container
   * element type 0 or 1).
   */
  enum Part {
    VALUE, ELEMENTS, KEYS, VALUES
  }

  /**
   * One row: a field of a model type (its record component's name, and that component's accessor
   * for the walk), the part of it that is checked, the checks, and whether the part's values are
   * validated in turn (Jakarta's {@code @Valid}).
   */
  record Row(String field, Function<Object, Object> accessor, Part part, List<FieldCheck> checks, boolean cascade) {
    Row {
      checks = List.copyOf(checks);
    }
  }

  /** The rows of each type, in the order they were written; a type without rows has no field rules. */
  private static final Map<Class<?>, List<Row>> ROWS = build();

  /** {@link #ROWS} as arrays, found by class: the walk's lookups, which a class value answers fastest. */
  private static final ClassValue<Row[]> WALK = new ClassValue<>() {
    @Override
    protected Row[] computeValue(Class<?> type) {
      List<Row> rows = ROWS.get(type);
      return rows == null ? new Row[0] : rows.toArray(Row[]::new);
    }
  };

  private FieldTable() {}

  /** Every type with rows, and its rows. */
  static Map<Class<?>, List<Row>> rows() {
    return ROWS;
  }

  /**
   * Whether {@code value} and everything reachable from it through cascading rows passes every
   * check: true exactly when Hibernate Validator, given the mapping built from this table, would
   * report nothing. The model's nesting is fixed (a pod, its containers, their checks, a command),
   * so the recursion is a few levels deep whatever the input.
   */
  static boolean passes(Object value) {
    for (Row row : WALK.get(value.getClass())) {
      Object field = row.accessor().apply(value);
      if (field == null) {
        continue;
      }
      switch (row.part()) {
        case VALUE -> {
          if (!passes(row, field)) {
            return false;
          }
        }
        case ELEMENTS -> {
          if (field instanceof Optional<?> optional) {
            if (optional.isPresent() && !passes(row, optional.get())) {
              return false;
            }
          } else if (!passesAll(row, (Collection<?>) field)) {
            return false;
          }
        }
        case KEYS -> {
          if (!passesAll(row, ((Map<?, ?>) field).keySet())) {
            return false;
          }
        }
        case VALUES -> {
          if (!passesAll(row, ((Map<?, ?>) field).values())) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static boolean passesAll(Row row, Collection<?> values) {
    for (Object value : values) {
      if (!passes(row, value)) {
        return false;
      }
    }
    return true;
  }

  private static boolean passes(Row row, Object value) {
    List<FieldCheck> checks = row.checks();
    for (int i = 0; i < checks.size(); i++) {
      if (!checks.get(i).accepts(value)) {
        return false;
      }
    }
    return !row.cascade() || value == null || passes(value);
  }

  // ------------------------------------------------------------------------------------ the table

  private static Map<Class<?>, List<Row>> build() {
    Table t = new Table();

    // "" fails only the length; the pattern itself matches ""
    t.type(Pod.class)
        .check("id", Part.VALUE, size(1, Integer.MAX_VALUE, Rule.ID_PATTERN), new FieldCheck.PathId(Rule.ID_PATTERN))
        .check("user", Part.ELEMENTS, notEmpty(Rule.USER_NOT_EMPTY))
        .check("role", Part.ELEMENTS, notEmpty(Rule.ROLE_NOT_EMPTY))
        .check("environment", Part.KEYS, pattern(ENV_NAME, Rule.ENV_NAME))
        .check("containers", Part.VALUE, notEmpty(Rule.CONTAINERS_NOT_EMPTY))
        .cascade("containers", Part.ELEMENTS)
        .cascade("secrets", Part.VALUES)
        .cascade("volumes", Part.ELEMENTS)
        .cascade("networks", Part.ELEMENTS)
        .cascade("scaling", Part.ELEMENTS)
        .cascade("scheduling", Part.ELEMENTS)
        .cascade("executorResources", Part.ELEMENTS);

    t.type(Secret.class)
        .check("source", Part.VALUE, notEmpty(Rule.SECRET_SOURCE_EMPTY));

    t.type(Volume.Ephemeral.class)
        .check("name", Part.VALUE, size(1, 63, Rule.VOLUME_NAME), pattern(NAME, Rule.VOLUME_NAME));
    t.type(Volume.Host.class)
        .check("name", Part.VALUE, size(1, 63, Rule.VOLUME_NAME), pattern(NAME, Rule.VOLUME_NAME));
    // secret and persistent volume names need only one character, no pattern
    t.type(Volume.SecretVolume.class)
        .check("name", Part.VALUE, notEmpty(Rule.VOLUME_NAME_EMPTY))
        .check("secret", Part.VALUE, notEmpty(Rule.VOLUME_SECRET_EMPTY));
    t.type(Volume.Persistent.class)
        .check("name", Part.VALUE, notEmpty(Rule.VOLUME_NAME_EMPTY))
        .cascade("persistent", Part.VALUE);
    t.type(PersistentVolumeInfo.class)
        .check("size", Part.VALUE, min(0, Rule.PERSISTENT_SIZE))
        .check("maxSize", Part.ELEMENTS, min(0, Rule.PERSISTENT_MAX_SIZE));

    t.type(Network.class)
        .check("name", Part.ELEMENTS, size(1, 63, Rule.NETWORK_NAME), pattern(NETWORK_NAME, Rule.NETWORK_NAME));

    t.type(ScalingPolicy.Fixed.class)
        .check("instances", Part.ELEMENTS, min(0, Rule.SCALING_INSTANCES));
    t.type(SchedulingPolicy.class)
        .cascade("backoff", Part.ELEMENTS)
        .cascade("upgrade", Part.ELEMENTS)
        .cascade("unreachableStrategy", Part.ELEMENTS);
    t.type(SchedulingPolicy.Backoff.class)
        .check("backoff", Part.ELEMENTS, decimalMin("0", Rule.BACKOFF_NEGATIVE))
        .check("backoffFactor", Part.ELEMENTS,
            decimalMin("0", Rule.BACKOFF_NEGATIVE))
        .check("maxLaunchDelay", Part.ELEMENTS,
            decimalMin("0", Rule.BACKOFF_NEGATIVE));
    t.type(SchedulingPolicy.UpgradeStrategy.class)
        .check("minimumHealthCapacity", Part.ELEMENTS,
            decimalMin("0", Rule.UPGRADE_CAPACITY_RANGE), decimalMax("1", Rule.UPGRADE_CAPACITY_RANGE))
        .check("maximumOverCapacity", Part.ELEMENTS,
            decimalMin("0", Rule.UPGRADE_CAPACITY_RANGE), decimalMax("1", Rule.UPGRADE_CAPACITY_RANGE));
    t.type(UnreachableStrategy.Enabled.class)
        .check("inactiveAfterSeconds", Part.ELEMENTS,
            min(0, Rule.UNREACHABLE_SECONDS))
        .check("expungeAfterSeconds", Part.ELEMENTS,
            min(0, Rule.UNREACHABLE_SECONDS));

    // R-24, Mesos R41: checked when given; absent members take the defaults (0.1, 32, 10), which pass
    t.type(ExecutorResources.class)
        .check("cpus", Part.ELEMENTS, decimalMin("0.01", Rule.MESOS_EXECUTOR_CPUS))
        .check("mem", Part.ELEMENTS, decimalMin("32", Rule.EXECUTOR_MEM))
        .check("disk", Part.ELEMENTS, decimalMin("10", Rule.EXECUTOR_DISK));

    t.type(Container.class)
        .check("name", Part.VALUE, size(1, 63, Rule.CONTAINER_NAME), pattern(NAME, Rule.CONTAINER_NAME),
            pattern(NOT_APP, Rule.CONTAINER_NAME_RESERVED))
        .cascade("exec", Part.ELEMENTS)
        .cascade("resources", Part.VALUE)
        .cascade("resourceLimits", Part.ELEMENTS)
        .cascade("endpoints", Part.ELEMENTS)
        .cascade("image", Part.ELEMENTS)
        .check("environment", Part.KEYS, pattern(ENV_NAME, Rule.ENV_NAME))
        .cascade("healthCheck", Part.ELEMENTS)
        .cascade("check", Part.ELEMENTS)
        .cascade("volumeMounts", Part.ELEMENTS)
        .cascade("artifacts", Part.ELEMENTS)
        .cascade("lifecycle", Part.ELEMENTS);

    // Marathon's RAML minimum of 0.001 for cpus and mem was truncated to 0 by its reader (N1)
    t.type(Resources.class)
        .check("cpus", Part.ELEMENTS, decimalMin("0", Rule.RESOURCE_NEGATIVE))
        .check("mem", Part.ELEMENTS, decimalMin("0", Rule.RESOURCE_NEGATIVE))
        .check("disk", Part.ELEMENTS, decimalMin("0", Rule.RESOURCE_NEGATIVE))
        .check("gpus", Part.ELEMENTS, min(0, Rule.RESOURCE_NEGATIVE));
    t.type(ResourceLimits.class)
        .check("cpus", Part.ELEMENTS, new FieldCheck.NonNegativeLimit(Rule.RESOURCE_LIMIT_NEGATIVE))
        .check("mem", Part.ELEMENTS, new FieldCheck.NonNegativeLimit(Rule.RESOURCE_LIMIT_NEGATIVE));

    t.type(Exec.class)
        .cascade("command", Part.VALUE);
    t.type(Command.Shell.class)
        .check("shell", Part.VALUE, notEmpty(Rule.COMMAND_SHELL_EMPTY));
    t.type(Command.Argv.class)
        .check("argv", Part.VALUE, notEmpty(Rule.COMMAND_ARGV_EMPTY));

    t.type(Image.class)
        .check("id", Part.VALUE, size(1, 1024, Rule.IMAGE_ID))
        .cascade("pullConfig", Part.ELEMENTS);
    t.type(Image.PullConfig.class)
        .check("secret", Part.VALUE, notEmpty(Rule.PULL_CONFIG_SECRET_EMPTY));

    t.type(VolumeMount.class)
        .check("name", Part.VALUE, size(1, 63, Rule.VOLUME_MOUNT_NAME),
            pattern(NAME, Rule.VOLUME_MOUNT_NAME))
        .check("mountPath", Part.VALUE, size(1, 1024, Rule.VOLUME_MOUNT_PATH));
    t.type(Artifact.class)
        .check("uri", Part.VALUE, size(1, 1024, Rule.ARTIFACT_URI))
        .check("destPath", Part.ELEMENTS, size(1, 1024, Rule.ARTIFACT_DEST_PATH));
    t.type(Lifecycle.class)
        .check("killGracePeriodSeconds", Part.ELEMENTS,
            decimalMin("0", Rule.KILL_GRACE_PERIOD));

    t.type(Endpoint.class)
        .check("name", Part.VALUE, size(1, 63, Rule.ENDPOINT_NAME), pattern(NAME, Rule.ENDPOINT_NAME))
        .check("containerPort", Part.ELEMENTS, min(1, Rule.CONTAINER_PORT_RANGE),
            max(65535, Rule.CONTAINER_PORT_RANGE))
        .check("hostPort", Part.ELEMENTS, min(0, Rule.HOST_PORT_RANGE),
            max(65535, Rule.HOST_PORT_RANGE));

    t.type(HealthCheck.class)
        .cascade("kind", Part.VALUE)
        .check("gracePeriodSeconds", Part.ELEMENTS, min(0, Rule.HEALTH_CHECK_TIMING))
        .check("intervalSeconds", Part.ELEMENTS, min(0, Rule.HEALTH_CHECK_TIMING))
        .check("maxConsecutiveFailures", Part.ELEMENTS,
            min(0, Rule.HEALTH_CHECK_TIMING))
        .check("timeoutSeconds", Part.ELEMENTS, min(0, Rule.HEALTH_CHECK_TIMING))
        .check("delaySeconds", Part.ELEMENTS, min(0, Rule.HEALTH_CHECK_TIMING));
    t.type(Check.class)
        .cascade("kind", Part.VALUE)
        .check("intervalSeconds", Part.ELEMENTS, min(0, Rule.CHECK_TIMING))
        .check("timeoutSeconds", Part.ELEMENTS, min(0, Rule.CHECK_TIMING))
        .check("delaySeconds", Part.ELEMENTS, min(0, Rule.CHECK_TIMING));
    // the kinds are shared by health checks and checks, and so are their rules
    t.type(CheckKind.Http.class)
        .check("endpoint", Part.VALUE, size(1, 63, Rule.HEALTH_CHECK_ENDPOINT_NAME),
            pattern(NAME, Rule.HEALTH_CHECK_ENDPOINT_NAME))
        .check("path", Part.ELEMENTS, size(1, 1024, Rule.HEALTH_CHECK_PATH));
    t.type(CheckKind.Tcp.class)
        .check("endpoint", Part.VALUE, size(1, 63, Rule.HEALTH_CHECK_ENDPOINT_NAME),
            pattern(NAME, Rule.HEALTH_CHECK_ENDPOINT_NAME));
    t.type(CheckKind.Exec.class)
        .cascade("command", Part.VALUE);

    return t.build();
  }

  private static FieldCheck.Size size(int min, int max, Rule rule) {
    return new FieldCheck.Size(min, max, rule);
  }

  /** At least one character or item; absent passes. */
  private static FieldCheck.Size notEmpty(Rule rule) {
    return size(1, Integer.MAX_VALUE, rule);
  }

  private static FieldCheck.Matches pattern(String regexp, Rule rule) {
    Pattern pattern = Pattern.compile(regexp);
    Predicate<String> matcher = switch (regexp) {
      case NAME -> text -> isLabel(text, false);
      case NETWORK_NAME -> text -> isLabel(text, true);
      case ENV_NAME -> FieldTable::isEnvName;
      case NOT_APP -> text -> !text.equals("_app");
      default -> text -> pattern.matcher(text).matches();
    };
    return new FieldCheck.Matches(pattern, matcher, rule);
  }

  /** {@link #NAME} (or with {@code underscores}, {@link #NETWORK_NAME}), without the regex engine. */
  private static boolean isLabel(String text, boolean underscores) {
    int n = text.length();
    if (n == 0 || !isLowerAlnum(text.charAt(0)) || !isLowerAlnum(text.charAt(n - 1))) {
      return false;
    }
    for (int i = 1; i < n - 1; i++) {
      char c = text.charAt(i);
      if (!isLowerAlnum(c) && c != '-' && !(underscores && c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /** {@link #ENV_NAME}, without the regex engine. */
  private static boolean isEnvName(String text) {
    int n = text.length();
    if (n == 0 || n > 254) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      if (!letter && (i == 0 || c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private static FieldCheck.Min min(long value, Rule rule) {
    return new FieldCheck.Min(value, rule);
  }

  private static FieldCheck.Max max(long value, Rule rule) {
    return new FieldCheck.Max(value, rule);
  }

  private static FieldCheck.DecimalMin decimalMin(String value, Rule rule) {
    return new FieldCheck.DecimalMin(value, rule);
  }

  private static FieldCheck.DecimalMax decimalMax(String value, Rule rule) {
    return new FieldCheck.DecimalMax(value, rule);
  }

  /** Collects rows by type, in order. */
  private static final class Table {
    private final Map<Class<?>, List<Row>> rows = new LinkedHashMap<>();

    <T> Rows<T> type(Class<T> type) {
      if (rows.containsKey(type)) {
        throw new IllegalStateException("type listed twice: " + type.getName());
      }
      List<Row> list = new ArrayList<>();
      rows.put(type, list);
      return new Rows<>(type, list);
    }

    Map<Class<?>, List<Row>> build() {
      Map<Class<?>, List<Row>> out = new LinkedHashMap<>();
      rows.forEach((type, list) -> out.put(type, List.copyOf(list)));
      return Collections.unmodifiableMap(out);
    }
  }

  /**
   * The rows of one type. A row names its field once: Hibernate Validator reads the private field of
   * that name, and the walk calls the record component's accessor, bound once here as a plain
   * {@link Function} (as fast as a method reference), so the two cannot read different fields.
   */
  private record Rows<T>(Class<T> type, List<Row> list) {
    Rows<T> check(String field, Part part, FieldCheck... checks) {
      return add(field, part, List.of(checks), false);
    }

    Rows<T> cascade(String field, Part part) {
      return add(field, part, List.of(), true);
    }

    private Rows<T> add(String field, Part part, List<FieldCheck> checks, boolean cascade) {
      list.add(new Row(field, accessor(type, field), part, checks, cascade));
      return this;
    }
  }

  /** The accessor of {@code type}'s record component {@code name}, as a {@code Function}. */
  @SuppressWarnings("unchecked")
  private static Function<Object, Object> accessor(Class<?> type, String name) {
    RecordComponent component = Arrays.stream(type.getRecordComponents())
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(type.getName() + " has no component " + name));
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MethodHandle getter = lookup.unreflect(component.getAccessor());
      Class<?> returned = getter.type().returnType();
      Class<?> boxed = returned.isPrimitive() ? MethodType.methodType(returned).wrap().returnType() : returned;
      CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
          MethodType.methodType(Object.class, Object.class), getter, MethodType.methodType(boxed, type));
      return (Function<Object, Object>) site.getTarget().invoke();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot bind " + type.getName() + "." + name + "()", e);
    }
  }
}
