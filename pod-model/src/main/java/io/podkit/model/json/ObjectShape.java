package io.podkit.model.json;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Set;

/**
 * The fields one object of the pod format may have, and the fields users try there that pods do
 * not support (each with its {@link ReadRule limitation rule} and an explanation). Unknown fields
 * are errors in strict mode and warnings in lenient mode; limitation fields are errors in both.
 */
final class ObjectShape {
  /** Why a field is not supported on pods, and the rule that reports it. */
  record Limitation(ReadRule rule, String message) {}

  private final String what;
  private final Set<String> fields;
  private final ImmutableMap<String, Limitation> limitations;

  private ObjectShape(String what, Set<String> fields, ImmutableMap<String, Limitation> limitations) {
    this.what = what;
    this.fields = fields;
    this.limitations = limitations;
  }

  static ObjectShape of(String what, String... fields) {
    return new ObjectShape(what, ImmutableSet.copyOf(fields), ImmutableMap.of());
  }

  /** This shape, plus {@code fields} rejected with {@code rule} and {@code message}. */
  ObjectShape limiting(ReadRule rule, String message, String... fieldNames) {
    ImmutableMap.Builder<String, Limitation> b = ImmutableMap.builder();
    b.putAll(limitations);
    for (String f : fieldNames) {
      b.put(f, new Limitation(rule, message));
    }
    return new ObjectShape(what, fields, b.buildOrThrow());
  }

  /** What the object is, for messages: "a container". */
  String what() {
    return what;
  }

  Set<String> fields() {
    return fields;
  }

  boolean knows(String field) {
    return fields.contains(field);
  }

  /** The limitation for {@code field}, or {@code null}. */
  Limitation limitation(String field) {
    return limitations.get(field);
  }
}
