package io.podkit.model;

import java.util.Objects;
import java.util.Optional;

/** A placement constraint on agent attributes, e.g. {@code hostname UNIQUE}. */
public record Constraint(String fieldName, ConstraintOperator operator, Optional<String> value) {
  public Constraint {
    Objects.requireNonNull(fieldName, "fieldName");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(value, "value");
  }

  public static Constraint of(String fieldName, ConstraintOperator operator) {
    return new Constraint(fieldName, operator, Optional.empty());
  }

  public static Constraint of(String fieldName, ConstraintOperator operator, String value) {
    return new Constraint(fieldName, operator, Optional.of(value));
  }
}
