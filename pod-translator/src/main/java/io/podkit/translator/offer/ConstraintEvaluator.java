package io.podkit.translator.offer;

import io.podkit.model.Constraint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Placement constraints, evaluated as Marathon's {@code Constraints.ConstraintsChecker} does (E.2
 * "constraints"): against the offered agent's hostname or attribute and against the agents of the
 * pod's running instances.
 *
 * <p>Field {@code hostname} or {@code @hostname} reads the hostname; {@code @region} and {@code @zone}
 * read the attributes of those names, which {@link OfferMatcher#agentOf} fills from the offer's fault
 * domain; any other field reads the attribute. When the offered agent lacks the field, only
 * {@code UNLIKE} holds.
 */
final class ConstraintEvaluator {
  /** Marathon's pattern for a constraint value that is a Mesos scalar. */
  private static final Pattern SCALAR_VALUE = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");
  private static final int GROUP_BY_DEFAULT = 0;

  private ConstraintEvaluator() {}

  /**
   * Whether {@code constraint} holds for placing one more instance on {@code offered}. {@code LIKE}
   * and {@code UNLIKE} patterns draw on {@code budget}: a pattern not decided within it fails both
   * operators ({@link RegexMatch}).
   */
  static boolean meets(Constraint constraint, Agent offered, List<Agent> placed, RegexMatch.Budget budget) {
    String field = constraint.fieldName();
    String value = constraint.value().orElse(""); // Marathon reads an absent value as ""
    Optional<String> offerValue = valueOf(offered, field);
    if (offerValue.isEmpty()) {
      return switch (constraint.operator()) {
        case UNLIKE -> true;
        default -> false;
      };
    }
    String v = offerValue.get();
    return switch (constraint.operator()) {
      case LIKE -> !value.isEmpty() && RegexMatch.fullMatch(value, v, budget) == RegexMatch.Outcome.MATCH;
      case UNLIKE -> !value.isEmpty() && RegexMatch.fullMatch(value, v, budget) == RegexMatch.Outcome.NO_MATCH;
      // All running instances must be on agents with another value.
      case UNIQUE -> placed.stream().noneMatch(p -> offerValue.equals(valueOf(p, field)));
      case GROUP_BY -> groupBy(v, field, value, placed);
      case MAX_PER -> maxPer(v, field, value, placed);
      case CLUSTER -> value.isEmpty()
          // No value: the first running instance fixes the value for all others.
          ? placed.isEmpty() || offerValue.equals(valueOf(placed.get(0), field))
          : v.equals(value);
      case IS -> v.equals(SCALAR_VALUE.matcher(value).matches()
          ? AttributeText.scalar(Double.parseDouble(value)) : value);
    };
  }

  /** The constraint as Marathon writes it in JSON: {@code ["hostname","UNIQUE"]}. */
  static String describe(Constraint c) {
    return "[\"" + c.fieldName() + "\",\"" + c.operator().json() + "\""
        + c.value().map(v -> ",\"" + v + "\"").orElse("") + "]";
  }

  static Optional<String> valueOf(Agent agent, String field) {
    if (field.equals("hostname") || field.equals("@hostname")) {
      return Optional.of(agent.hostname());
    }
    return Optional.ofNullable(agent.attributes().get(field));
  }

  /**
   * GROUP_BY: the offered value is new, or, once at least {@code value} groups exist, the offered
   * value's group is (one of) the smallest. Agents without the field form a group of their own.
   */
  private static boolean groupBy(String offerValue, String field, String value, List<Agent> placed) {
    int minimum = Math.max(GROUP_BY_DEFAULT, intValue(value, GROUP_BY_DEFAULT));
    Map<Optional<String>, Integer> groups = new HashMap<>();
    for (Agent p : placed) {
      groups.merge(valueOf(p, field), 1, Integer::sum);
    }
    Integer count = groups.get(Optional.of(offerValue));
    if (count == null) {
      return true;
    }
    int minCount = groups.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    return groups.size() >= minimum && count == minCount;
  }

  /**
   * MAX_PER: fewer than {@code value} running instances share the offered value; a value no running
   * instance has always passes, as in Marathon.
   */
  private static boolean maxPer(String offerValue, String field, String value, List<Agent> placed) {
    int max;
    try {
      max = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return false; // validation requires an integer; without one nothing can be placed
    }
    long count = placed.stream().filter(p -> Objects.equals(Optional.of(offerValue), valueOf(p, field))).count();
    return count == 0 || count < max;
  }

  /** Marathon's {@code getIntValue}: {@code inf} is unbounded, an integer is itself, anything else the default. */
  private static int intValue(String s, int fallback) {
    if (s.equals("inf")) {
      return Integer.MAX_VALUE;
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
