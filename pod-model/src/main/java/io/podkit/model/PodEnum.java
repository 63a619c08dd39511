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

  /**
   * Reads {@code text} ignoring ASCII case; empty if it names no value of {@code type}. Only ASCII
   * letters fold, so look-alikes such as the long s ({@code \u017f}) never match.
   */
  static <E extends Enum<E> & PodEnum> Optional<E> fromJson(Class<E> type, String text) {
    for (E value : type.getEnumConstants()) {
      if (equalsIgnoreAsciiCase(value.json(), text)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code a} and {@code b} are equal when ASCII letters are compared without case. */
  static boolean equalsIgnoreAsciiCase(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y && (x > 0x7f || y > 0x7f || Character.toLowerCase(x) != Character.toLowerCase(y))) {
        return false;
      }
    }
    return true;
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
