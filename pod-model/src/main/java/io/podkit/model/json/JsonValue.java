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

  /**
   * An object: its members in document order, kept in parallel arrays (a pod has hundreds of small
   * objects, and three lists each would cost more than the parse itself).
   */
  final class JObject implements JsonValue {
    private final String[] names;
    private final int[] keyLines;
    private final int[] keyColumns;
    private final JsonValue[] values;
    private final int size;
    private final List<DuplicateKey> duplicates;
    private final int line;
    private final int column;

    JObject(String[] names, int[] keyLines, int[] keyColumns, JsonValue[] values, int size,
        List<DuplicateKey> duplicates, int line, int column) {
      this.names = names;
      this.keyLines = keyLines;
      this.keyColumns = keyColumns;
      this.values = values;
      this.size = size;
      this.duplicates = duplicates;
      this.line = line;
      this.column = column;
    }

    int size() {
      return size;
    }

    String name(int i) {
      return names[i];
    }

    JsonValue value(int i) {
      return values[i];
    }

    KeyLocation key(int i) {
      return new KeyLocation(keyLines[i], keyColumns[i]);
    }

    /** The index of member {@code name}, or -1. */
    int indexOf(String name) {
      return indexOf(names, size, name);
    }

    /**
     * The index of {@code name} among the first {@code size} {@code names}, or -1. Objects are
     * small: a scan is cheapest. Strings cache their hash, so comparing it first skips nearly every
     * {@code equals} of a different name.
     */
    static int indexOf(String[] names, int size, String name) {
      int hash = name.hashCode();
      for (int i = 0; i < size; i++) {
        String candidate = names[i];
        if (candidate == name || (candidate.hashCode() == hash && candidate.equals(name))) {
          return i;
        }
      }
      return -1;
    }

    /** The member named {@code name}, or {@code null}. */
    JsonValue get(String name) {
      int i = indexOf(name);
      return i < 0 ? null : values[i];
    }

    List<DuplicateKey> duplicates() {
      return duplicates;
    }

    @Override
    public int line() {
      return line;
    }

    @Override
    public int column() {
      return column;
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
