package io.podkit.validation;

import io.podkit.model.Artifact;
import io.podkit.model.CheckKind;
import io.podkit.model.Container;
import io.podkit.model.Endpoint;
import io.podkit.model.Exec;
import io.podkit.model.Network;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import io.podkit.model.ResourceLimit;
import io.podkit.model.Secret;
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
import org.hibernate.validator.cfg.context.ContainerElementConstraintMappingContext;
import org.hibernate.validator.cfg.context.PropertyConstraintMappingContext;
import org.hibernate.validator.cfg.context.TypeConstraintMappingContext;
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
 * ({@code /user} not empty, {@code _app}, Mesos' executor minimums), listed once in {@link FieldTable}.
 *
 * <p>A pod is first walked with the table's plain checks ({@link FieldTable#passes}); only a pod
 * that fails them is given to Hibernate Validator, whose report brings every violation with its
 * path. Hibernate's cascade (path nodes, processed-bean tracking, constraint contexts) is most of the
 * cost of validating, and a valid pod, the common case in an offer loop, need not pay it.
 *
 * <p>Hibernate Validator runs with a programmatic {@link ConstraintMapping} derived from the same
 * table, so pod-model stays free of validation annotations. Each constraint's message template is a
 * {@link Rule#id()}; a violation is mapped back to its rule, its message formatted with the invalid
 * value, and its Hibernate path turned into a {@link PodPath}. Records are mapped through their
 * private component fields; {@code Optional}s, lists and maps are reached with container-element
 * constraints and cascades. Doubles use {@code DecimalMin}/{@code DecimalMax}, which accept {@code
 * -0.0} (as Marathon does) and reject NaN.
 */
final class FieldConstraints implements RuleGroup {
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
    if (FieldTable.passes(pod)) {
      // the table's plain walk found nothing, so Hibernate Validator would find nothing either
      return;
    }
    report(pod, findings);
  }

  /** Every field violation of {@code pod}, as Hibernate Validator finds them, sorted by path then rule. */
  static void report(Pod pod, Findings findings) {
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
    mapping.constraintDefinition(PathIdSyntax.class)
        .includeExistingValidators(false)
        .validateType(String.class)
        .with(new FieldCheck.PathId(Rule.ID_PATTERN)::accepts);
    mapping.constraintDefinition(NonNegativeLimit.class)
        .includeExistingValidators(false)
        .validateType(ResourceLimit.class)
        .with(new FieldCheck.NonNegativeLimit(Rule.RESOURCE_LIMIT_NEGATIVE)::accepts);

    FieldTable.rows().forEach((type, rows) -> {
      TypeConstraintMappingContext<?> typeContext = mapping.type(type);
      // Hibernate configures each field once: a field's rows (its value, then its elements) share one context
      Map<String, List<FieldTable.Row>> byField = new LinkedHashMap<>();
      rows.forEach(row -> byField.computeIfAbsent(row.field(), f -> new ArrayList<>()).add(row));
      byField.forEach((field, fieldRows) -> {
        PropertyConstraintMappingContext property = typeContext.field(field);
        for (FieldTable.Row row : fieldRows) {
          map(property, row, used);
        }
      });
    });
    return config.addMapping(mapping).buildValidatorFactory().getValidator();
  }

  private static void map(PropertyConstraintMappingContext property, FieldTable.Row row, Map<Rule, Boolean> used) {
    switch (row.part()) {
      case VALUE -> {
        row.checks().forEach(check -> property.constraint(definition(check, used)));
        if (row.cascade()) {
          property.valid();
        }
      }
      case ELEMENTS, KEYS, VALUES -> {
        ContainerElementConstraintMappingContext element = switch (row.part()) {
          case KEYS -> property.containerElementType(0);
          case VALUES -> property.containerElementType(1);
          default -> property.containerElementType();
        };
        row.checks().forEach(check -> element.constraint(definition(check, used)));
        if (row.cascade()) {
          element.valid();
        }
      }
    }
  }

  /** The Jakarta constraint a check stands for, with the check's rule id as its message template. */
  private static ConstraintDef<?, ?> definition(FieldCheck check, Map<Rule, Boolean> used) {
    used.put(check.rule(), Boolean.TRUE);
    String id = check.rule().id();
    if (check instanceof FieldCheck.Size s) {
      return new SizeDef().min(s.min()).max(s.max()).message(id);
    } else if (check instanceof FieldCheck.Matches m) {
      return new PatternDef().regexp(m.pattern().pattern()).message(id);
    } else if (check instanceof FieldCheck.Min m) {
      return new MinDef().value(m.value()).message(id);
    } else if (check instanceof FieldCheck.Max m) {
      return new MaxDef().value(m.value()).message(id);
    } else if (check instanceof FieldCheck.DecimalMin m) {
      return new DecimalMinDef().value(m.value()).message(id);
    } else if (check instanceof FieldCheck.DecimalMax m) {
      return new DecimalMaxDef().value(m.value()).message(id);
    } else if (check instanceof FieldCheck.PathId) {
      return new GenericConstraintDef<>(PathIdSyntax.class).message(id);
    } else if (check instanceof FieldCheck.NonNegativeLimit) {
      return new GenericConstraintDef<>(NonNegativeLimit.class).message(id);
    }
    throw new IllegalStateException("no constraint for " + check);
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
