package io.podkit.model.arbitrary;

import io.podkit.model.fuzz.JsonMutator;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of arbitrary JSON text, for the reader's properties: any value (objects, arrays,
 * strings, numbers, literals, a few levels deep), with keys that are mostly the pod format's own
 * field names so that the reader goes deep instead of stopping at the first unknown field, numbers
 * at every edge ({@code 1e400}, {@code -0}, {@code 2^63}, 65 digits), and strings of every kind,
 * unpaired surrogates included. Always well-formed JSON; see {@link #documents()} for malformed too.
 */
public final class JsonArbitraries {
  private JsonArbitraries() {}

  /** JSON number literals, ordinary and hostile. */
  public static Arbitrary<String> numbers() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(-70_000, 70_000).map(Object::toString)),
        Tuple.of(2, PodArbitraries.doubles().map(JsonArbitraries::number)),
        Tuple.of(2, Arbitraries.of("0", "-0", "-0.0", "1e400", "-1e400", "1e-400", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "2147483648", "1E+2", "0.1e1", "3.0",
            "1".repeat(64), "1".repeat(65), "4.9e-324", "1.7976931348623157e308")),
        Tuple.of(1, Arbitraries.longs().map(Object::toString)));
  }

  /** Strings as JSON text: quoted and escaped; sometimes with an unpaired surrogate escape. */
  public static Arbitrary<String> strings() {
    return Arbitraries.frequencyOf(
        Tuple.of(10, PodArbitraries.strings().map(JsonArbitraries::quote)),
        Tuple.of(1, Arbitraries.of("\"\\ud800\"", "\"a\\udc00\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"")));
  }

  /** Object keys: mostly pod field names (and unsupported ones), sometimes anything. */
  public static Arbitrary<String> keys() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(JsonMutator.KNOWN_FIELDS)),
        Tuple.of(1, PodArbitraries.strings())).map(JsonArbitraries::quote);
  }

  /** Any JSON value up to {@code depth} levels of objects and arrays. */
  public static Arbitrary<String> values(int depth) {
    Arbitrary<String> scalars = Arbitraries.frequencyOf(
        Tuple.of(3, strings()), Tuple.of(3, numbers()), Tuple.of(1, Arbitraries.of("true", "false", "null")));
    if (depth <= 0) {
      return scalars;
    }
    Arbitrary<String> inner = Arbitraries.lazy(() -> values(depth - 1));
    Arbitrary<String> arrays = inner.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
    Arbitrary<String> objects = Combinators.combine(keys(), inner).as((k, v) -> k + ":" + v)
        .list().ofMaxSize(6).map(members -> "{" + String.join(",", members) + "}");
    return Arbitraries.frequencyOf(Tuple.of(3, scalars), Tuple.of(1, arrays), Tuple.of(3, objects));
  }

  /**
   * Documents: mostly objects shaped like pods (pod field names at every level), sometimes any
   * JSON value at the top; always well-formed.
   */
  public static Arbitrary<String> documents() {
    Arbitrary<String> podLike = Combinators.combine(keys(), values(4)).as((k, v) -> k + ":" + v)
        .list().ofMaxSize(8).map(members -> "{" + String.join(",", members) + "}");
    return Arbitraries.frequencyOf(Tuple.of(4, podLike), Tuple.of(1, values(3)));
  }

  /** {@link #documents()} as UTF-8 bytes. */
  public static Arbitrary<byte[]> documentBytes() {
    return documents().map(s -> s.getBytes(StandardCharsets.UTF_8));
  }

  private static String number(double d) {
    String s = Double.toString(d);
    return s.equals("NaN") || s.contains("Infinity") ? "0" : s;
  }

  /** {@code s} as a JSON string; unpaired surrogates escaped, so the text always has a UTF-8 form. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
