package io.podkit.model.json;

import java.util.List;

/**
 * A parsed JSON value that remembers where it started (1-based line and column), so that every
 * problem found while reading the pod can point at its source.
 */
sealed interface JsonValue {
  int line();

  int column();

  /** The JSON type name used in messages: "an object", "a string", ... */
  String typeName();

  /** A key that appeared twice in one object; the last value was kept. */
  record DuplicateKey(String name, int line, int column, int firstLine) {}

  /** Where a key of an object starts. */
  record KeyLocation(int line, int column) {}

  record JObject(
      List<String> names, List<KeyLocation> keys, List<JsonValue> values, List<DuplicateKey> duplicates, int line,
      int column) implements JsonValue {
    /** The member named {@code name}, or {@code null}. Objects are small: a scan is cheapest. */
    JsonValue get(String name) {
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).equals(name)) {
          return values.get(i);
        }
      }
      return null;
    }

    @Override
    public String typeName() {
      return "an object";
    }
  }

  record JArray(List<JsonValue> items, int line, int column) implements JsonValue {
    @Override
    public String typeName() {
      return "an array";
    }
  }

  record JString(String value, int line, int column) implements JsonValue {
    @Override
    public String typeName() {
      return "a string";
    }
  }

  /** A number kept as its literal text, converted by the field that reads it. */
  record JNumber(String text, boolean integral, int line, int column) implements JsonValue {
    @Override
    public String typeName() {
      return "a number";
    }
  }

  record JBoolean(boolean value, int line, int column) implements JsonValue {
    @Override
    public String typeName() {
      return "a boolean";
    }
  }

  record JNull(int line, int column) implements JsonValue {
    @Override
    public String typeName() {
      return "null";
    }
  }
}
