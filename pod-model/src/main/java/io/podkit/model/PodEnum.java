package io.podkit.model;

import java.util.Locale;
import java.util.Optional;

/**
 * An enumerated value of the pod format. Marathon reads enum values case-insensitively and writes
 * them in one canonical spelling, which {@link #json()} gives.
 */
public interface PodEnum {

  /** The canonical spelling in pod JSON. */
  String json();

  /** Reads {@code text} case-insensitively; empty if it names no value of {@code type}. */
  static <E extends Enum<E> & PodEnum> Optional<E> fromJson(Class<E> type, String text) {
    for (E value : type.getEnumConstants()) {
      if (value.json().equalsIgnoreCase(text)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** The canonical spellings of all values of {@code type}, for error messages. */
  static <E extends Enum<E> & PodEnum> String spellings(Class<E> type) {
    StringBuilder sb = new StringBuilder();
    for (E value : type.getEnumConstants()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(value.json());
    }
    return sb.toString();
  }
}
