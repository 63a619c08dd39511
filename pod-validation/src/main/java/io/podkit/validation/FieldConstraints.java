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
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.Payload;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintDef;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.GenericConstraintDef;
import org.hibernate.validator.cfg.defs.DecimalMaxDef;
import org.hibernate.validator.cfg.defs.DecimalMinDef;
import org.hibernate.validator.cfg.defs.MaxDef;
import org.hibernate.validator.cfg.defs.MinDef;
import org.hibernate.validator.cfg.defs.PatternDef;
import org.hibernate.validator.cfg.defs.SizeDef;
import org.hibernate.validator.path.PropertyNode;

/**
 * The single-field rules: what Marathon's JSON reader enforced from its RAML (lengths, patterns,
 * minimums and ranges, reader rules {@code R-xx}) plus the few semantic rules of the same kind
 * ({@code /user} not empty, {@code _app}, Mesos' executor minimums).
 *
 * <p>They run on Hibernate Validator with a programmatic {@link ConstraintMapping}, so pod-model
 * stays free of validation annotations and the whole field catalogue reads as one table below. Each
 * constraint's message template is a {@link Rule#id()}; a violation is mapped back to its rule, its
 * message formatted with the invalid value, and its Hibernate path turned into a {@link PodPath}.
 * Records are mapped through their private component fields; {@code Optional}s, lists and maps are
 * reached with container-element constraints and cascades. Doubles use {@code DecimalMin}/{@code
 * DecimalMax}, which accept {@code -0.0} (as Marathon does) and reject NaN.
 */
final class FieldConstraints implements RuleGroup {
  /** Marathon's {@code Name}: a lower-case DNS label (length 1 to 63 checked separately). */
  static final String NAME = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
  /** Marathon's {@code NetworkName}: like {@link #NAME}, with {@code _} inside. */
  static final String NETWORK_NAME = "^[a-z0-9]([-a-z0-9_]*[a-z0-9])?$";
  /** Keys of {@code environment}. */
  static final String ENV_NAME = "^[a-zA-Z_][a-zA-Z0-9_]{0,253}$";
  /** Anything but the reserved container name {@code _app} (V-40). */
  static final String NOT_APP = "(?s)(?!_app\\z).*";

  /**
   * The one Validator of the JVM. Building it bootstraps Hibernate Validator and reads the mapping;
   * a Validator is thread-safe and caches each class's metadata, so every call shares this instance
   * and no validation pays for bootstrap or reflection again.
   */
  private static final Validator VALIDATOR;

  /** The rules this group's constraints carry, by id: how a violation finds its {@link Rule}. */
  private static final Map<String, Rule> RULES_BY_ID;

  static {
    Map<Rule, Boolean> used = new EnumMap<>(Rule.class);
    VALIDATOR = buildValidator(used);
    Map<String, Rule> byId = new TreeMap<>();
    for (Rule rule : used.keySet()) {
      byId.put(rule.id(), rule);
    }
    RULES_BY_ID = Map.copyOf(byId);
  }

  /** The shared Validator (package-private so tests can check that there is only one). */
  static Validator validator() {
    return VALIDATOR;
  }

  @Override
  public void check(Pod pod, Findings findings) {
    // keyed by (path, rule): sorts the violations and merges e.g. "too short" and "no match" of one name
    TreeMap<Key, Violation> sorted = new TreeMap<>();
    for (ConstraintViolation<Pod> cv : VALIDATOR.validate(unshared(pod))) {
      Rule rule = RULES_BY_ID.get(cv.getMessageTemplate());
      if (rule == null) {
        throw new IllegalStateException("constraint without a rule id: " + cv.getMessageTemplate());
      }
      List<Object> segments = segments(cv.getPropertyPath());
      String message =
          rule.message().contains("%s") ? rule.format(marathonValue(cv.getInvalidValue())) : rule.format();
      sorted.putIfAbsent(new Key(segments, rule.id()),
          new Violation(rule.id(), PodPath.of(segments.toArray()), message));
    }
    sorted.values().forEach(findings::add);
  }

  /**
   * The path segments (field names as strings, list indexes as integers) of a Hibernate path: a
   * list element's index and a map entry's key sit on the node after the container; container
   * element nodes ({@code <map key>}, unwrapped {@code Optional}s) add nothing; a check's
   * {@code kind} becomes the JSON member of its variant ({@code http}, {@code tcp}, {@code exec}).
   */
  private static List<Object> segments(Path path) {
    List<Object> out = new ArrayList<>();
    for (Path.Node node : path) {
      if (node.isInIterable()) {
        if (node.getIndex() != null) {
          out.add(node.getIndex());
        } else if (node.getKey() != null) {
          out.add(String.valueOf(node.getKey()));
        }
      }
      if (node.getKind() == ElementKind.PROPERTY) {
        out.add(jsonName(node));
      }
    }
    return out;
  }

  private static String jsonName(Path.Node node) {
    if (node.getName().equals("kind")) {
      Object value = node.as(PropertyNode.class).getValue();
      if (value instanceof CheckKind.Http) {
        return "http";
      } else if (value instanceof CheckKind.Tcp) {
        return "tcp";
      } else if (value instanceof CheckKind.Exec) {
        return "exec";
      }
    }
    return node.getName();
  }

  /** The invalid value as Marathon printed it: doubles with {@link Double#toString}, ints as ints. */
  private static String marathonValue(Object value) {
    if (value instanceof ResourceLimit limit) {
      return Double.toString(limit.asDouble());
    }
    return String.valueOf(value);
  }

  /** Sort key: path segment by segment (indexes numerically, a parent before its children), then rule id. */
  private record Key(List<Object> segments, String rule) implements Comparable<Key> {
    private static final Comparator<Object> SEGMENT = (a, b) -> {
      if (a instanceof Integer x && b instanceof Integer y) {
        return Integer.compare(x, y);
      } else if (a instanceof String x && b instanceof String y) {
        return x.compareTo(y);
      }
      return a instanceof String ? -1 : 1;
    };

    @Override
    public int compareTo(Key other) {
      int n = Math.min(segments.size(), other.segments.size());
      for (int i = 0; i < n; i++) {
        int c = SEGMENT.compare(segments.get(i), other.segments.get(i));
        if (c != 0) {
          return c;
        }
      }
      int c = Integer.compare(segments.size(), other.segments.size());
      return c != 0 ? c : rule.compareTo(other.rule);
    }
  }

  /** {@link PodIds#isPathId}, as a constraint; its check is registered in the mapping. */
  @Constraint(validatedBy = {})
  @Target({ElementType.TYPE_USE, ElementType.FIELD})
  @Retention(RetentionPolicy.RUNTIME)
  @interface PathIdSyntax {
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /**
   * A numeric {@link ResourceLimit} must be 0 or more; {@code unlimited} always passes. A constraint
   * on the whole limit (not on {@code Limited.value}) keeps the path at {@code resourceLimits/cpus}.
   * Its check is registered in the mapping.
   */
  @Constraint(validatedBy = {})
  @Target({ElementType.TYPE_USE, ElementType.FIELD})
  @Retention(RetentionPolicy.RUNTIME)
  @interface NonNegativeLimit {
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  // ------------------------------------------------------------------------------------ repeated instances

  /*
   * Hibernate Validator validates a bean instance once per path, and its path check does not tell
   * the elements of one list or map apart: an instance repeated there (the same Container added
   * twice, one Secret under two names) would be checked at its first place only. Such repeats are
   * replaced by equal copies before validating; a pod without them is passed as it is. Instances
   * shared across different places (one Endpoint in two containers) are validated at each place.
   */

  private static Pod unshared(Pod pod) {
    List<Container> containers = unshared(pod.containers(), FieldConstraints::unshared, c -> c.toBuilder().build());
    Map<String, Secret> secrets = unshared(pod.secrets(), s -> new Secret(s.source()));
    List<Volume> volumes = unshared(pod.volumes(), v -> v, FieldConstraints::copy);
    List<Network> networks = unshared(pod.networks(), n -> n, n -> new Network(n.name(), n.mode(), n.labels()));
    if (containers == pod.containers() && secrets == pod.secrets() && volumes == pod.volumes()
        && networks == pod.networks()) {
      return pod;
    }
    return new Pod(pod.id(), pod.labels(), pod.version(), pod.user(), pod.environment(), containers, secrets, volumes,
        networks, pod.scaling(), pod.scheduling(), pod.executorResources(), pod.role(), pod.linuxInfo(),
        pod.legacySharedCgroups());
  }

  private static Container unshared(Container c) {
    List<Endpoint> endpoints = unshared(c.endpoints(), e -> e, e -> e.toBuilder().build());
    List<VolumeMount> mounts =
        unshared(c.volumeMounts(), m -> m, m -> new VolumeMount(m.name(), m.mountPath(), m.readOnly()));
    List<Artifact> artifacts = unshared(c.artifacts(), a -> a,
        a -> new Artifact(a.uri(), a.extract(), a.executable(), a.cache(), a.destPath()));
    if (endpoints == c.endpoints() && mounts == c.volumeMounts() && artifacts == c.artifacts()) {
      return c;
    }
    return new Container(c.name(), c.exec(), c.resources(), c.resourceLimits(), endpoints, c.linuxInfo(), c.image(),
        c.environment(), c.user(), c.healthCheck(), c.check(), mounts, artifacts, c.labels(), c.lifecycle(), c.tty());
  }

  private static Volume copy(Volume v) {
    if (v instanceof Volume.Ephemeral e) {
      return new Volume.Ephemeral(e.name());
    } else if (v instanceof Volume.Host h) {
      return new Volume.Host(h.name(), h.host());
    } else if (v instanceof Volume.SecretVolume s) {
      return new Volume.SecretVolume(s.name(), s.secret());
    }
    Volume.Persistent p = (Volume.Persistent) v;
    return new Volume.Persistent(p.name(), p.persistent());
  }

  /**
   * {@code list} with each element passed through {@code inner}, and each element that is the same
   * instance as an earlier one replaced by {@code copy} of it; {@code list} itself if nothing changed.
   */
  private static <T> List<T> unshared(List<T> list, UnaryOperator<T> inner, UnaryOperator<T> copy) {
    List<T> out = null;
    for (int i = 0; i < list.size(); i++) {
      T original = list.get(i);
      T element = inner.apply(original);
      for (int j = 0; j < i; j++) {
        if (list.get(j) == original && element == original) {
          element = copy.apply(original);
          break;
        }
      }
      if (element != original && out == null) {
        out = new ArrayList<>(list.subList(0, i));
      }
      if (out != null) {
        out.add(element);
      }
    }
    return out == null ? list : out;
  }

  /** {@code map} with each value that is the same instance as an earlier one replaced by a copy. */
  private static <T> Map<String, T> unshared(Map<String, T> map, UnaryOperator<T> copy) {
    if (map.size() < 2) {
      return map;
    }
    List<T> values = new ArrayList<>(map.values());
    List<T> unshared = unshared(values, v -> v, copy);
    if (unshared == values) {
      return map;
    }
    Map<String, T> out = new LinkedHashMap<>();
    int i = 0;
    for (String key : map.keySet()) {
      out.put(key, unshared.get(i++));
    }
    return out;
  }

  // ------------------------------------------------------------------------------------ the mapping

  private static Validator buildValidator(Map<Rule, Boolean> used) {
    HibernateValidatorConfiguration config = Validation.byProvider(HibernateValidator.class).configure()
        // a META-INF/validation.xml of the embedding application must not change podkit's rules
        .ignoreXmlConfiguration()
        // messages are rule ids, formatted later: no Jakarta EL needed
        .messageInterpolator(new RuleIdInterpolator());
    ConstraintMapping mapping = config.createConstraintMapping();
    Defs d = new Defs(used);

    mapping.constraintDefinition(PathIdSyntax.class)
        .includeExistingValidators(false)
        .validateType(String.class)
        .with(id -> id == null || PodIds.isPathId(id));
    mapping.constraintDefinition(NonNegativeLimit.class)
        .includeExistingValidators(false)
        .validateType(ResourceLimit.class)
        .with(limit -> !(limit instanceof ResourceLimit.Limited l) || l.value() >= 0);

    // "" fails only the length; the pattern itself matches ""
    mapping.type(Pod.class)
        .field("id").constraint(d.size(1, Integer.MAX_VALUE, Rule.ID_PATTERN)).constraint(d.pathId(Rule.ID_PATTERN))
        .field("user").containerElementType().constraint(d.notEmpty(Rule.USER_NOT_EMPTY))
        .field("role").containerElementType().constraint(d.notEmpty(Rule.ROLE_NOT_EMPTY))
        .field("environment").containerElementType(0).constraint(d.pattern(ENV_NAME, Rule.ENV_NAME))
        .field("containers").constraint(d.size(1, Integer.MAX_VALUE, Rule.CONTAINERS_NOT_EMPTY))
        .containerElementType().valid()
        .field("secrets").containerElementType(1).valid()
        .field("volumes").containerElementType().valid()
        .field("networks").containerElementType().valid()
        .field("scaling").containerElementType().valid()
        .field("scheduling").containerElementType().valid()
        .field("executorResources").containerElementType().valid();

    mapping.type(Secret.class)
        .field("source").constraint(d.notEmpty(Rule.SECRET_SOURCE_EMPTY));

    mapping.type(Volume.Ephemeral.class)
        .field("name").constraint(d.size(1, 63, Rule.VOLUME_NAME)).constraint(d.pattern(NAME, Rule.VOLUME_NAME));
    mapping.type(Volume.Host.class)
        .field("name").constraint(d.size(1, 63, Rule.VOLUME_NAME)).constraint(d.pattern(NAME, Rule.VOLUME_NAME));
    // secret and persistent volume names need only one character, no pattern
    mapping.type(Volume.SecretVolume.class)
        .field("name").constraint(d.notEmpty(Rule.VOLUME_NAME_EMPTY))
        .field("secret").constraint(d.notEmpty(Rule.VOLUME_SECRET_EMPTY));
    mapping.type(Volume.Persistent.class)
        .field("name").constraint(d.notEmpty(Rule.VOLUME_NAME_EMPTY))
        .field("persistent").valid();
    mapping.type(PersistentVolumeInfo.class)
        .field("size").constraint(d.min(0, Rule.PERSISTENT_SIZE))
        .field("maxSize").containerElementType().constraint(d.min(0, Rule.PERSISTENT_MAX_SIZE));

    mapping.type(Network.class)
        .field("name").containerElementType()
        .constraint(d.size(1, 63, Rule.NETWORK_NAME)).constraint(d.pattern(NETWORK_NAME, Rule.NETWORK_NAME));

    mapping.type(ScalingPolicy.Fixed.class)
        .field("instances").containerElementType().constraint(d.min(0, Rule.SCALING_INSTANCES));
    mapping.type(SchedulingPolicy.class)
        .field("backoff").containerElementType().valid()
        .field("upgrade").containerElementType().valid()
        .field("unreachableStrategy").containerElementType().valid();
    mapping.type(SchedulingPolicy.Backoff.class)
        .field("backoff").containerElementType().constraint(d.decimalMin("0", Rule.BACKOFF_NEGATIVE))
        .field("backoffFactor").containerElementType().constraint(d.decimalMin("0", Rule.BACKOFF_NEGATIVE))
        .field("maxLaunchDelay").containerElementType().constraint(d.decimalMin("0", Rule.BACKOFF_NEGATIVE));
    mapping.type(SchedulingPolicy.UpgradeStrategy.class)
        .field("minimumHealthCapacity").containerElementType()
        .constraint(d.decimalMin("0", Rule.UPGRADE_CAPACITY_RANGE))
        .constraint(d.decimalMax("1", Rule.UPGRADE_CAPACITY_RANGE))
        .field("maximumOverCapacity").containerElementType()
        .constraint(d.decimalMin("0", Rule.UPGRADE_CAPACITY_RANGE))
        .constraint(d.decimalMax("1", Rule.UPGRADE_CAPACITY_RANGE));
    mapping.type(UnreachableStrategy.Enabled.class)
        .field("inactiveAfterSeconds").containerElementType().constraint(d.min(0, Rule.UNREACHABLE_SECONDS))
        .field("expungeAfterSeconds").containerElementType().constraint(d.min(0, Rule.UNREACHABLE_SECONDS));

    // R-24, Mesos R41: checked when given; absent members take the defaults (0.1, 32, 10), which pass
    mapping.type(ExecutorResources.class)
        .field("cpus").containerElementType().constraint(d.decimalMin("0.01", Rule.MESOS_EXECUTOR_CPUS))
        .field("mem").containerElementType().constraint(d.decimalMin("32", Rule.EXECUTOR_MEM))
        .field("disk").containerElementType().constraint(d.decimalMin("10", Rule.EXECUTOR_DISK));

    mapping.type(Container.class)
        .field("name").constraint(d.size(1, 63, Rule.CONTAINER_NAME)).constraint(d.pattern(NAME, Rule.CONTAINER_NAME))
        .constraint(d.pattern(NOT_APP, Rule.CONTAINER_NAME_RESERVED))
        .field("exec").containerElementType().valid()
        .field("resources").valid()
        .field("resourceLimits").containerElementType().valid()
        .field("endpoints").containerElementType().valid()
        .field("image").containerElementType().valid()
        .field("environment").containerElementType(0).constraint(d.pattern(ENV_NAME, Rule.ENV_NAME))
        .field("healthCheck").containerElementType().valid()
        .field("check").containerElementType().valid()
        .field("volumeMounts").containerElementType().valid()
        .field("artifacts").containerElementType().valid()
        .field("lifecycle").containerElementType().valid();

    // Marathon's RAML minimum of 0.001 for cpus and mem was truncated to 0 by its reader (N1)
    mapping.type(Resources.class)
        .field("cpus").containerElementType().constraint(d.decimalMin("0", Rule.RESOURCE_NEGATIVE))
        .field("mem").containerElementType().constraint(d.decimalMin("0", Rule.RESOURCE_NEGATIVE))
        .field("disk").containerElementType().constraint(d.decimalMin("0", Rule.RESOURCE_NEGATIVE))
        .field("gpus").containerElementType().constraint(d.min(0, Rule.RESOURCE_NEGATIVE));
    mapping.type(ResourceLimits.class)
        .field("cpus").containerElementType().constraint(d.nonNegativeLimit(Rule.RESOURCE_LIMIT_NEGATIVE))
        .field("mem").containerElementType().constraint(d.nonNegativeLimit(Rule.RESOURCE_LIMIT_NEGATIVE));

    mapping.type(Exec.class)
        .field("command").valid();
    mapping.type(Command.Shell.class)
        .field("shell").constraint(d.notEmpty(Rule.COMMAND_SHELL_EMPTY));
    mapping.type(Command.Argv.class)
        .field("argv").constraint(d.notEmpty(Rule.COMMAND_ARGV_EMPTY));

    mapping.type(Image.class)
        .field("id").constraint(d.size(1, 1024, Rule.IMAGE_ID))
        .field("pullConfig").containerElementType().valid();
    mapping.type(Image.PullConfig.class)
        .field("secret").constraint(d.notEmpty(Rule.PULL_CONFIG_SECRET_EMPTY));

    mapping.type(VolumeMount.class)
        .field("name").constraint(d.size(1, 63, Rule.VOLUME_MOUNT_NAME))
        .constraint(d.pattern(NAME, Rule.VOLUME_MOUNT_NAME))
        .field("mountPath").constraint(d.size(1, 1024, Rule.VOLUME_MOUNT_PATH));
    mapping.type(Artifact.class)
        .field("uri").constraint(d.size(1, 1024, Rule.ARTIFACT_URI))
        .field("destPath").containerElementType().constraint(d.size(1, 1024, Rule.ARTIFACT_DEST_PATH));
    mapping.type(Lifecycle.class)
        .field("killGracePeriodSeconds").containerElementType().constraint(d.decimalMin("0", Rule.KILL_GRACE_PERIOD));

    mapping.type(Endpoint.class)
        .field("name").constraint(d.size(1, 63, Rule.ENDPOINT_NAME)).constraint(d.pattern(NAME, Rule.ENDPOINT_NAME))
        .field("containerPort").containerElementType()
        .constraint(d.min(1, Rule.CONTAINER_PORT_RANGE)).constraint(d.max(65535, Rule.CONTAINER_PORT_RANGE))
        .field("hostPort").containerElementType()
        .constraint(d.min(0, Rule.HOST_PORT_RANGE)).constraint(d.max(65535, Rule.HOST_PORT_RANGE));

    mapping.type(HealthCheck.class)
        .field("kind").valid()
        .field("gracePeriodSeconds").containerElementType().constraint(d.min(0, Rule.HEALTH_CHECK_TIMING))
        .field("intervalSeconds").containerElementType().constraint(d.min(0, Rule.HEALTH_CHECK_TIMING))
        .field("maxConsecutiveFailures").containerElementType().constraint(d.min(0, Rule.HEALTH_CHECK_TIMING))
        .field("timeoutSeconds").containerElementType().constraint(d.min(0, Rule.HEALTH_CHECK_TIMING))
        .field("delaySeconds").containerElementType().constraint(d.min(0, Rule.HEALTH_CHECK_TIMING));
    mapping.type(Check.class)
        .field("kind").valid()
        .field("intervalSeconds").containerElementType().constraint(d.min(0, Rule.CHECK_TIMING))
        .field("timeoutSeconds").containerElementType().constraint(d.min(0, Rule.CHECK_TIMING))
        .field("delaySeconds").containerElementType().constraint(d.min(0, Rule.CHECK_TIMING));
    // the kinds are shared by health checks and checks, and so are their rules
    mapping.type(CheckKind.Http.class)
        .field("endpoint").constraint(d.size(1, 63, Rule.HEALTH_CHECK_ENDPOINT_NAME))
        .constraint(d.pattern(NAME, Rule.HEALTH_CHECK_ENDPOINT_NAME))
        .field("path").containerElementType().constraint(d.size(1, 1024, Rule.HEALTH_CHECK_PATH));
    mapping.type(CheckKind.Tcp.class)
        .field("endpoint").constraint(d.size(1, 63, Rule.HEALTH_CHECK_ENDPOINT_NAME))
        .constraint(d.pattern(NAME, Rule.HEALTH_CHECK_ENDPOINT_NAME));
    mapping.type(CheckKind.Exec.class)
        .field("command").valid();

    return config.addMapping(mapping).buildValidatorFactory().getValidator();
  }

  /** Constraint definitions whose message template is a rule id; remembers which rules are used. */
  private record Defs(Map<Rule, Boolean> used) {
    private <C extends ConstraintDef<C, ?>> C rule(C def, Rule rule) {
      used.put(rule, Boolean.TRUE);
      return def.message(rule.id());
    }

    SizeDef size(int min, int max, Rule rule) {
      return rule(new SizeDef().min(min).max(max), rule);
    }

    /** At least one character or item; absent ({@code null}) passes. */
    SizeDef notEmpty(Rule rule) {
      return size(1, Integer.MAX_VALUE, rule);
    }

    PatternDef pattern(String regexp, Rule rule) {
      return rule(new PatternDef().regexp(regexp), rule);
    }

    MinDef min(long value, Rule rule) {
      return rule(new MinDef().value(value), rule);
    }

    MaxDef max(long value, Rule rule) {
      return rule(new MaxDef().value(value), rule);
    }

    DecimalMinDef decimalMin(String value, Rule rule) {
      return rule(new DecimalMinDef().value(value), rule);
    }

    DecimalMaxDef decimalMax(String value, Rule rule) {
      return rule(new DecimalMaxDef().value(value), rule);
    }

    GenericConstraintDef<PathIdSyntax> pathId(Rule rule) {
      return rule(new GenericConstraintDef<>(PathIdSyntax.class), rule);
    }

    GenericConstraintDef<NonNegativeLimit> nonNegativeLimit(Rule rule) {
      return rule(new GenericConstraintDef<>(NonNegativeLimit.class), rule);
    }
  }

  /** Leaves message templates (rule ids) as they are; Hibernate's default would need Jakarta EL. */
  private static final class RuleIdInterpolator implements MessageInterpolator {
    @Override
    public String interpolate(String messageTemplate, Context context) {
      return messageTemplate;
    }

    @Override
    public String interpolate(String messageTemplate, Context context, Locale locale) {
      return messageTemplate;
    }
  }
}
