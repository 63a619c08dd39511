package io.podkit.validation;

import io.podkit.model.ResourceLimit;
import java.util.Collection;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One check of a {@link FieldTable} row: a Jakarta constraint with its parameters and the {@link
 * Rule} it reports. {@link #accepts} answers as the constraint's Hibernate Validator implementation
 * does for the types the table uses it on: an absent value ({@code null}) always passes, and a double
 * that is NaN fails every bound. {@link FieldConstraints} turns each check into the constraint
 * definition with the same parameters.
 */
sealed interface FieldCheck {
  /** The rule a failure of this check reports. */
  Rule rule();

  /** Whether {@code value} passes, as the Jakarta constraint would judge it. */
  boolean accepts(Object value);

  /** {@code @Size}: the length of a string, the size of a list or map, between the bounds inclusive. */
  record Size(int min, int max, Rule rule) implements FieldCheck {
    @Override
    public boolean accepts(Object value) {
      int size;
      if (value == null) {
        return true;
      } else if (value instanceof CharSequence s) {
        size = s.length();
      } else if (value instanceof Collection<?> c) {
        size = c.size();
      } else if (value instanceof Map<?, ?> m) {
        size = m.size();
      } else {
        throw new IllegalArgumentException("@Size does not apply to " + value.getClass().getName());
      }
      return size >= min && size <= max;
    }
  }

  /**
   * {@code @Pattern}: the whole string matches {@code pattern}. {@code matcher} decides it: the
   * pattern itself, or for the table's busiest patterns (names, environment keys) the same language
   * hand-written, which is many times faster; a property test holds each to Hibernate's verdict.
   */
  record Matches(Pattern pattern, Predicate<String> matcher, Rule rule) implements FieldCheck {
    @Override
    public boolean accepts(Object value) {
      return value == null || matcher.test((String) value);
    }
  }

  /** {@code @Min} on an integer or long. */
  record Min(long value, Rule rule) implements FieldCheck {
    @Override
    public boolean accepts(Object number) {
      return number == null || integral(number) >= value;
    }
  }

  /** {@code @Max} on an integer or long. */
  record Max(long value, Rule rule) implements FieldCheck {
    @Override
    public boolean accepts(Object number) {
      return number == null || integral(number) <= value;
    }
  }

  /**
   * {@code @DecimalMin} (inclusive) on a double. Hibernate compares {@code BigDecimal.valueOf(d)}
   * with the bound; for a bound that is the shortest decimal of a double (all of the table's are),
   * that orders every finite double as {@code d >= bound} does, {@code -0.0} included. Infinities
   * compare as themselves; NaN fails.
   */
  record DecimalMin(String value, Rule rule, double bound) implements FieldCheck {
    DecimalMin(String value, Rule rule) {
      this(value, rule, exactDouble(value));
    }

    @Override
    public boolean accepts(Object number) {
      return number == null || decimal(number) >= bound;
    }
  }

  /** {@code @DecimalMax} (inclusive) on a double; as {@link DecimalMin}, NaN fails. */
  record DecimalMax(String value, Rule rule, double bound) implements FieldCheck {
    DecimalMax(String value, Rule rule) {
      this(value, rule, exactDouble(value));
    }

    @Override
    public boolean accepts(Object number) {
      return number == null || decimal(number) <= bound;
    }
  }

  /** A pod id in Marathon's path syntax ({@link PodIds#isPathId}). */
  record PathId(Rule rule) implements FieldCheck {
    @Override
    public boolean accepts(Object value) {
      return value == null || PodIds.isPathId((String) value);
    }
  }

  /**
   * A numeric {@link ResourceLimit} is 0 or more; {@code unlimited} always passes. It checks the
   * whole limit (not {@code Limited.value}), so a violation's path ends at the limit's field.
   */
  record NonNegativeLimit(Rule rule) implements FieldCheck {
    @Override
    public boolean accepts(Object value) {
      return !(value instanceof ResourceLimit.Limited limited) || limited.value() >= 0;
    }
  }

  private static long integral(Object number) {
    if (number instanceof Integer || number instanceof Long) {
      return ((Number) number).longValue();
    }
    throw new IllegalArgumentException("@Min/@Max are used on integers and longs only, not " + number.getClass());
  }

  private static double decimal(Object number) {
    if (number instanceof Double d) {
      return d;
    }
    throw new IllegalArgumentException("@DecimalMin/@DecimalMax are used on doubles only, not " + number.getClass());
  }

  /** The bound as a double, refusing one that a double cannot hold exactly as its shortest decimal. */
  private static double exactDouble(String decimal) {
    double d = Double.parseDouble(decimal);
    if (new java.math.BigDecimal(Double.toString(d)).compareTo(new java.math.BigDecimal(decimal)) != 0) {
      throw new IllegalArgumentException("a decimal bound must be the shortest decimal of a double: " + decimal);
    }
    return d;
  }
}
