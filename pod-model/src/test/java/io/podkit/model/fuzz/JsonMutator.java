package io.podkit.model.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One random mutation of a JSON document, for fuzzing the reader and everything after it: a document
 * "one mutation away" from a valid pod. Structural mutations work on a small JSON tree that, unlike
 * Jackson's, can hold duplicate keys (delete a key, change a value's type, duplicate a key, swap or
 * repeat array items, tweak a value keeping its type, insert a huge or hostile value, rename a key to
 * a known or unsupported field, add a known field); byte mutations work on the encoded document
 * (truncate, flip bytes, insert bytes, re-encode with a byte order mark, CRLF or UTF-16/32). A
 * document that no longer parses as JSON gets a byte mutation.
 *
 * <p>Everything is drawn from the {@link SplittableRandom} given, so a seed replays a mutation
 * exactly. Used by the near-valid generators and by the fixture fuzzer of pod-launcher.
 */
public final class JsonMutator {

  /** The kinds of mutation. */
  public enum Kind {
    DELETE_KEY, CHANGE_TYPE, DUPLICATE_KEY, SWAP_ARRAY_ITEMS, REPEAT_ARRAY_ITEM, TWEAK_VALUE, INSERT_HUGE,
    RENAME_KEY, ADD_KNOWN_FIELD, TRUNCATE, FLIP_BYTES, INSERT_BYTES, RE_ENCODE;

    boolean structural() {
      return ordinal() <= ADD_KNOWN_FIELD.ordinal();
    }
  }

  /** A mutated document and what was done to it, for failure reports. */
  public record Mutated(byte[] bytes, String description) {}

  /** Field names of the pod format (every shape), and fields pods do not support. */
  public static final List<String> KNOWN_FIELDS = List.of(
      "id", "labels", "version", "user", "environment", "containers", "secrets", "volumes", "networks", "scaling",
      "scheduling", "executorResources", "role", "linuxInfo", "legacySharedCgroups", "name", "exec", "resources",
      "resourceLimits", "endpoints", "image", "healthCheck", "check", "volumeMounts", "artifacts", "lifecycle", "tty",
      "command", "overrideEntrypoint", "shell", "argv", "cpus", "mem", "disk", "gpus", "containerPort", "hostPort",
      "protocol", "networkNames", "seccomp", "ipcInfo", "profileName", "unconfined", "mode", "shmSize", "kind",
      "pullConfig", "forcePull", "secret", "http", "tcp", "gracePeriodSeconds", "intervalSeconds",
      "maxConsecutiveFailures", "timeoutSeconds", "delaySeconds", "endpoint", "path", "scheme", "mountPath",
      "readOnly", "uri", "extract", "executable", "cache", "destPath", "killGracePeriodSeconds", "source",
      "persistent", "host", "type", "size", "maxSize", "constraints", "instances", "backoff", "upgrade",
      "placement", "killSelection", "unreachableStrategy", "backoffFactor", "maxLaunchDelay",
      "minimumHealthCapacity", "maximumOverCapacity", "acceptedResourceRoles", "fieldName", "operator", "value",
      "inactiveAfterSeconds", "expungeAfterSeconds",
      // unsupported by pods: limitation errors
      "readinessChecks", "dependencies", "storeUrls", "ports", "portDefinitions", "portMappings", "requirePorts",
      "servicePort", "healthChecks", "container", "containerPath", "external", "portIndex");

  /** Strings a value may be tweaked to: empty, spaces, case, paths, Unicode of every kind. */
  private static final List<String> STRINGS = List.of(
      "", " ", "a", "A", "web", "Web", "-web", "web-", "a.b", "a_b", "/", "/a", "//a", "/a/../b", "./a", "a/b",
      "*", "dev", "slave_public", "HOST", "CONTAINER", "container/bridge", "BRIDGE", "DOCKER", "APPC", "HTTP", "HTTPS",
      "tcp", "udp", "tcp,udp", "fixed", "FIXED", "disabled", "YOUNGEST_FIRST", "LIKE", "UNLIKE", "UNIQUE",
      "MAX_PER", "CLUSTER", "GROUP_BY", "IS", "hostname", "rack_id", "root", "mount", "path", "PRIVATE",
      "SHARE_PARENT", "unlimited", "2017-01-03T18:21:19.31Z", "not-a-date", "PORT0", "$PORT0", "ENDPOINT_HTTP",
      "rack-[1-3]", "(.*a){12}b", "[", "\\", "\"", "e\u0301", "\u05e9\u05dc\u05d5\u05dd", "\u202eevil", "a\u0000b",
      "\u0000", "\ud83d\ude00", "\u00e9t\u00e9", "\u2028", "\r\n", "\t", "x".repeat(64), "x".repeat(300),
      "a-b.".repeat(60) + "c", "NaN", "Infinity", "1e400", "-0", "null", "true", "0", "8080", "31000");

  /** Numbers a value may be tweaked to, as JSON literals: edges of every numeric field. */
  private static final List<String> NUMBERS = List.of(
      "0", "-0", "-0.0", "0.0", "1", "-1", "2", "0.001", "0.0001", "0.0005", "0.01", "0.1", "0.5", "1.5", "3.0",
      "10", "31", "32", "128", "1000", "30000", "31000", "32000", "65535", "65536", "-65536", "2147483647",
      "2147483648", "-2147483648", "-2147483649", "4294967296", "9223372036854775807", "9223372036854775808",
      "-9223372036854775808", "-9223372036854775809", "1e308", "1.7976931348623157e308", "1e400", "-1e400",
      "1e-400", "4.9e-324", "1e21", "1E+2", "1e-7", "0.1e1", "12345678901234567890123456789", "3.14159");

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(100_000).maxStringLength(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE)
          .maxNameLength(Integer.MAX_VALUE).maxDocumentLength(-1).build())
      .build();

  private JsonMutator() {}

  /** One mutation of a random kind. */
  public static Mutated mutate(byte[] document, SplittableRandom random) {
    Kind[] kinds = Kind.values();
    // Structural mutations are the interesting ones; byte mutations mostly end in the parser.
    Kind kind = random.nextInt(4) == 0
        ? kinds[Kind.TRUNCATE.ordinal() + random.nextInt(kinds.length - Kind.TRUNCATE.ordinal())]
        : kinds[random.nextInt(Kind.TRUNCATE.ordinal())];
    return mutate(document, kind, random);
  }

  /** One mutation of {@code kind}; a structural one on a document that is not JSON becomes a byte mutation. */
  public static Mutated mutate(byte[] document, Kind kind, SplittableRandom random) {
    if (kind.structural()) {
      Node root = parse(document);
      if (root == null) {
        return mutate(document, Kind.FLIP_BYTES, random);
      }
      String what = structural(root, kind, random);
      // Nothing of the kind to mutate (no array to swap...): the other structural kinds in turn.
      for (int k = 0; what == null && k <= Kind.ADD_KNOWN_FIELD.ordinal(); k++) {
        what = structural(root, Kind.values()[k], random);
      }
      if (what != null) {
        boolean pretty = random.nextBoolean();
        return new Mutated(write(root, pretty).getBytes(StandardCharsets.UTF_8), what);
      }
      return mutate(document, Kind.FLIP_BYTES, random); // a lone scalar: nothing to restructure
    }
    return bytes(document, kind, random);
  }

  /** {@code n} mutations in a row; the descriptions joined. */
  public static Mutated mutate(byte[] document, int n, SplittableRandom random) {
    byte[] bytes = document;
    List<String> what = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Mutated m = mutate(bytes, random);
      bytes = m.bytes();
      what.add(m.description());
    }
    return new Mutated(bytes, String.join("; then ", what));
  }

  // ---------------------------------------------------------------- the tree

  /** A JSON value: an object (members in order, duplicates allowed), an array, or a scalar's raw text. */
  abstract static sealed class Node permits Obj, Arr, Str, Raw {}

  static final class Obj extends Node {
    final List<String> keys = new ArrayList<>();
    final List<Node> values = new ArrayList<>();
  }

  static final class Arr extends Node {
    final List<Node> items = new ArrayList<>();
  }

  static final class Str extends Node {
    final String value;

    Str(String value) {
      this.value = value;
    }
  }

  /** A number, {@code true}, {@code false} or {@code null}, as written. */
  static final class Raw extends Node {
    final String text;

    Raw(String text) {
      this.text = text;
    }

    boolean isNumber() {
      return !text.equals("true") && !text.equals("false") && !text.equals("null");
    }
  }

  /** The document as a tree, or {@code null} if it is not one JSON value in UTF-8 (or UTF-16/32). */
  static Node parse(byte[] document) {
    try (JsonParser p = FACTORY.createParser(document)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return null;
      }
      Node root = read(p, first);
      return p.nextToken() == null ? root : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Node read(JsonParser p, JsonToken first) throws IOException {
    // Documents here nest a few levels (a mutation may add a hundred): recursion is fine.
    switch (first) {
      case START_OBJECT: {
        Obj o = new Obj();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          o.keys.add(p.currentName());
          o.values.add(read(p, p.nextToken()));
        }
        return o;
      }
      case START_ARRAY: {
        Arr a = new Arr();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          a.items.add(read(p, t));
        }
        return a;
      }
      case VALUE_STRING:
        return new Str(p.getText());
      default:
        return new Raw(p.getText());
    }
  }

  /** The tree as JSON text; unpaired surrogates escaped, so the text always has a UTF-8 form. */
  static String write(Node node, boolean pretty) {
    StringBuilder sb = new StringBuilder();
    write(node, pretty, 0, sb);
    return sb.append(pretty ? "\n" : "").toString();
  }

  private static void write(Node node, boolean pretty, int depth, StringBuilder sb) {
    if (node instanceof Str s) {
      quote(s.value, sb);
    } else if (node instanceof Raw r) {
      sb.append(r.text);
    } else if (node instanceof Arr a) {
      sb.append('[');
      for (int i = 0; i < a.items.size(); i++) {
        sb.append(i == 0 ? "" : ",");
        newline(pretty, depth + 1, sb);
        write(a.items.get(i), pretty, depth + 1, sb);
      }
      if (!a.items.isEmpty()) {
        newline(pretty, depth, sb);
      }
      sb.append(']');
    } else {
      Obj o = (Obj) node;
      sb.append('{');
      for (int i = 0; i < o.keys.size(); i++) {
        sb.append(i == 0 ? "" : ",");
        newline(pretty, depth + 1, sb);
        quote(o.keys.get(i), sb);
        sb.append(pretty ? ": " : ":");
        write(o.values.get(i), pretty, depth + 1, sb);
      }
      if (!o.keys.isEmpty()) {
        newline(pretty, depth, sb);
      }
      sb.append('}');
    }
  }

  private static void newline(boolean pretty, int depth, StringBuilder sb) {
    if (pretty && depth < 40) {
      sb.append('\n').append("  ".repeat(depth));
    }
  }

  private static void quote(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c) && !pairedAt(s, i)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }

  private static boolean pairedAt(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  // ---------------------------------------------------------------- structural mutations

  /** Where a value sits: in an object (member index) or an array (item index). */
  private record Slot(Node parent, int index) {
    Node get() {
      return parent instanceof Obj o ? o.values.get(index) : ((Arr) parent).items.get(index);
    }

    void set(Node value) {
      if (parent instanceof Obj o) {
        o.values.set(index, value);
      } else {
        ((Arr) parent).items.set(index, value);
      }
    }

    String describe() {
      return parent instanceof Obj o ? "member \"" + shorten(o.keys.get(index)) + "\"" : "array item " + index;
    }
  }

  private static void collect(Node node, List<Slot> slots, List<Obj> objects, List<Arr> arrays) {
    if (node instanceof Obj o) {
      objects.add(o);
      for (int i = 0; i < o.values.size(); i++) {
        slots.add(new Slot(o, i));
        collect(o.values.get(i), slots, objects, arrays);
      }
    } else if (node instanceof Arr a) {
      arrays.add(a);
      for (int i = 0; i < a.items.size(); i++) {
        slots.add(new Slot(a, i));
        collect(a.items.get(i), slots, objects, arrays);
      }
    }
  }

  /** Applies {@code kind} to the tree; {@code null} if it has nothing that kind applies to. */
  private static String structural(Node root, Kind kind, SplittableRandom random) {
    List<Slot> slots = new ArrayList<>();
    List<Obj> objects = new ArrayList<>();
    List<Arr> arrays = new ArrayList<>();
    collect(root, slots, objects, arrays);
    List<Slot> members = slots.stream().filter(s -> s.parent() instanceof Obj).toList();
    switch (kind) {
      case DELETE_KEY: {
        if (members.isEmpty()) {
          return null;
        }
        Slot s = pick(members, random);
        Obj o = (Obj) s.parent();
        String what = "deleted " + s.describe();
        o.keys.remove(s.index());
        o.values.remove(s.index());
        return what;
      }
      case CHANGE_TYPE: {
        if (slots.isEmpty()) {
          return null;
        }
        Slot s = pick(slots, random);
        Node old = s.get();
        Node replacement = otherType(old, random);
        s.set(replacement);
        return "changed the type of " + s.describe() + " to " + write(replacement, false).trim();
      }
      case DUPLICATE_KEY: {
        if (members.isEmpty()) {
          return null;
        }
        Slot s = pick(members, random);
        Obj o = (Obj) s.parent();
        Node value = random.nextBoolean() ? copy(o.values.get(s.index())) : randomValue(random, 2);
        int at = random.nextBoolean() ? s.index() + 1 : o.keys.size();
        o.keys.add(at, o.keys.get(s.index()));
        o.values.add(at, value);
        return "duplicated key \"" + shorten(o.keys.get(s.index())) + "\"";
      }
      case SWAP_ARRAY_ITEMS: {
        List<Arr> swappable = arrays.stream().filter(a -> a.items.size() >= 2).toList();
        if (swappable.isEmpty()) {
          return null;
        }
        Arr a = pick(swappable, random);
        int i = random.nextInt(a.items.size());
        int j = random.nextInt(a.items.size());
        Node t = a.items.get(i);
        a.items.set(i, a.items.get(j));
        a.items.set(j, t);
        return "swapped array items " + i + " and " + j;
      }
      case REPEAT_ARRAY_ITEM: {
        List<Arr> nonEmpty = arrays.stream().filter(a -> !a.items.isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
          return null;
        }
        Arr a = pick(nonEmpty, random);
        int i = random.nextInt(a.items.size());
        // Mostly once (a duplicate name...); sometimes many times (very many containers, endpoints).
        int times = random.nextInt(8) == 0 ? 1 + random.nextInt(random.nextInt(20) == 0 ? 2_000 : 100) : 1;
        for (int k = 0; k < times; k++) {
          a.items.add(i + 1, copy(a.items.get(i)));
        }
        return "repeated array item " + i + " " + times + " time(s)";
      }
      case TWEAK_VALUE: {
        List<Slot> scalars = slots.stream().filter(s -> s.get() instanceof Str || s.get() instanceof Raw).toList();
        if (scalars.isEmpty()) {
          return null;
        }
        Slot s = pick(scalars, random);
        Node replacement = tweak(s.get(), scalars, random);
        s.set(replacement);
        return "set " + s.describe() + " to " + shorten(write(replacement, false).trim());
      }
      case INSERT_HUGE: {
        if (slots.isEmpty()) {
          return null;
        }
        Slot s = pick(slots, random);
        Node huge = huge(random);
        s.set(huge);
        return "set " + s.describe() + " to a huge or hostile value: " + shorten(write(huge, false).trim());
      }
      case RENAME_KEY: {
        if (members.isEmpty()) {
          return null;
        }
        Slot s = pick(members, random);
        Obj o = (Obj) s.parent();
        String old = o.keys.get(s.index());
        String renamed = rename(old, random);
        o.keys.set(s.index(), renamed);
        return "renamed key \"" + shorten(old) + "\" to \"" + shorten(renamed) + "\"";
      }
      case ADD_KNOWN_FIELD: {
        if (objects.isEmpty()) {
          return null;
        }
        Obj o = pick(objects, random);
        String field = pick(KNOWN_FIELDS, random);
        Node value = randomValue(random, 3);
        int at = random.nextInt(o.keys.size() + 1);
        o.keys.add(at, field);
        o.values.add(at, value);
        return "added field \"" + field + "\": " + shorten(write(value, false).trim());
      }
      default:
        throw new IllegalArgumentException("not structural: " + kind);
    }
  }

  private static Node otherType(Node old, SplittableRandom random) {
    while (true) {
      Node n = switch (random.nextInt(7)) {
        case 0 -> new Str(pick(STRINGS, random));
        case 1 -> new Raw(pick(NUMBERS, random));
        case 2 -> new Raw(random.nextBoolean() ? "true" : "false");
        case 3 -> new Raw("null");
        case 4 -> new Obj();
        case 5 -> new Arr();
        default -> {
          // The old value wrapped: [x] or {"x": x}, a common mistake.
          if (random.nextBoolean()) {
            Arr a = new Arr();
            a.items.add(copy(old));
            yield a;
          }
          Obj o = new Obj();
          o.keys.add(pick(KNOWN_FIELDS, random));
          o.values.add(copy(old));
          yield o;
        }
      };
      if (!sameType(old, n)) {
        return n;
      }
    }
  }

  private static boolean sameType(Node a, Node b) {
    if (a instanceof Raw x && b instanceof Raw y) {
      return x.isNumber() == y.isNumber() && (x.isNumber() || x.text.equals("null") == y.text.equals("null"));
    }
    return a.getClass() == b.getClass();
  }

  /** A value of the same JSON type: another string (often one from elsewhere in the document), number, boolean. */
  private static Node tweak(Node old, List<Slot> scalars, SplittableRandom random) {
    if (old instanceof Str s) {
      int choice = random.nextInt(6);
      if (choice == 0) {
        // Another string of the document: names cross-reference each other (endpoints, volumes, secrets).
        List<Slot> strings = scalars.stream().filter(x -> x.get() instanceof Str).toList();
        return new Str(((Str) pick(strings, random).get()).value);
      }
      if (choice == 1) {
        return new Str(s.value.toUpperCase(Locale.ROOT));
      }
      if (choice == 2) {
        return new Str(s.value + pick(List.of("-x", "x", " ", "/", ".", "\u0301", "\u0000", "-"), random));
      }
      if (choice == 3 && !s.value.isEmpty()) {
        return new Str(s.value.substring(0, random.nextInt(s.value.length())));
      }
      return new Str(pick(STRINGS, random));
    }
    Raw r = (Raw) old;
    if (r.isNumber()) {
      return random.nextInt(4) == 0 ? new Raw(Long.toString(random.nextLong(-100_000, 100_000)))
          : new Raw(pick(NUMBERS, random));
    }
    return switch (r.text) {
      case "true" -> new Raw("false");
      case "false" -> new Raw("true");
      default -> random.nextBoolean() ? new Raw("true") : new Str(pick(STRINGS, random));
    };
  }

  /** A huge or hostile value: past or near the reader's limits, or text of the awkward kinds. */
  private static Node huge(SplittableRandom random) {
    return switch (random.nextInt(14)) {
      case 0 -> new Str("x".repeat(100_000));
      case 1 -> new Str("y".repeat(1024 * 1024 + 1)); // one past the string limit
      case 2 -> new Raw("1".repeat(65)); // one past the number limit
      case 3 -> new Raw("9".repeat(20) + "." + "9".repeat(20));
      case 4 -> nested(50 + random.nextInt(30)); // around the depth limit of 64
      case 5 -> {
        Arr a = new Arr();
        for (int i = 0; i < 10_000; i++) {
          a.items.add(new Raw(Integer.toString(i)));
        }
        yield a;
      }
      case 6 -> {
        Obj o = new Obj();
        for (int i = 0; i < 5_000; i++) {
          o.keys.add("K" + i);
          o.values.add(new Str("v"));
        }
        yield o;
      }
      case 7 -> new Str("\ud800"); // an unpaired surrogate, written as an escape
      case 8 -> new Str("a\u0000b\u001b[2J\u202e");
      case 9 -> new Str("e\u0301".repeat(1_000));
      case 10 -> new Raw(pick(List.of("1e400", "-1e400", "1e-400", "9223372036854775808", "-0"), random));
      case 11 -> new Str("NaN");
      case 12 -> {
        Obj o = new Obj();
        o.keys.add("k".repeat(1_025)); // one past the key limit
        o.values.add(new Raw("1"));
        yield o;
      }
      default -> new Str("(.*a){20}b");
    };
  }

  private static Node nested(int depth) {
    Node n = new Raw("1");
    for (int i = 0; i < depth; i++) {
      Arr a = new Arr();
      a.items.add(n);
      n = a;
    }
    return n;
  }

  private static String rename(String old, SplittableRandom random) {
    return switch (random.nextInt(5)) {
      case 0, 1 -> pick(KNOWN_FIELDS, random);
      case 2 -> old.isEmpty() ? "x" : old.substring(0, old.length() - 1); // a typo: last letter dropped
      case 3 -> old.toUpperCase(Locale.ROOT);
      default -> old + pick(List.of("s", "_", " ", "\u0000", "\ud800"), random);
    };
  }

  /** A random JSON value up to {@code depth} levels, shaped like pod parts now and then. */
  static Node randomValue(SplittableRandom random, int depth) {
    int choice = random.nextInt(depth <= 0 ? 4 : 7);
    switch (choice) {
      case 0:
        return new Str(pick(STRINGS, random));
      case 1:
        return new Raw(pick(NUMBERS, random));
      case 2:
        return new Raw(pick(List.of("true", "false", "null"), random));
      case 3:
        return new Raw(Integer.toString(random.nextInt(70_000)));
      case 4: {
        Arr a = new Arr();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          a.items.add(randomValue(random, depth - 1));
        }
        return a;
      }
      default: {
        Obj o = new Obj();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          o.keys.add(pick(KNOWN_FIELDS, random));
          o.values.add(randomValue(random, depth - 1));
        }
        return o;
      }
    }
  }

  private static Node copy(Node n) {
    if (n instanceof Obj o) {
      Obj c = new Obj();
      c.keys.addAll(o.keys);
      o.values.forEach(v -> c.values.add(copy(v)));
      return c;
    }
    if (n instanceof Arr a) {
      Arr c = new Arr();
      a.items.forEach(v -> c.items.add(copy(v)));
      return c;
    }
    return n; // scalars are immutable
  }

  // ---------------------------------------------------------------- byte mutations

  private static Mutated bytes(byte[] doc, Kind kind, SplittableRandom random) {
    switch (kind) {
      case TRUNCATE: {
        int at = doc.length == 0 ? 0 : random.nextInt(doc.length);
        return new Mutated(java.util.Arrays.copyOf(doc, at), "truncated at byte " + at);
      }
      case FLIP_BYTES: {
        byte[] out = doc.clone();
        int n = 1 + random.nextInt(4);
        StringBuilder what = new StringBuilder("flipped bytes at");
        for (int i = 0; i < n && out.length > 0; i++) {
          int at = random.nextInt(out.length);
          out[at] = random.nextBoolean() ? (byte) (out[at] ^ (1 << random.nextInt(8))) : (byte) random.nextInt(256);
          what.append(' ').append(at);
        }
        return new Mutated(out, what.toString());
      }
      case INSERT_BYTES: {
        String[] pieces = {"{", "}", "[", "]", ",", ":", "\"", "\\", " ", "\n", "\u0000", "\ufeff", "null", "1e400",
            "/* c */", "//", "NaN", "'", "\u00e9", "\ud83d\ude00"};
        byte[] insert;
        if (random.nextInt(4) == 0) {
          insert = new byte[1 + random.nextInt(8)];
          for (int i = 0; i < insert.length; i++) {
            insert[i] = (byte) random.nextInt(256);
          }
        } else {
          insert = pick(List.of(pieces), random).getBytes(StandardCharsets.UTF_8);
        }
        int at = random.nextInt(doc.length + 1);
        byte[] out = new byte[doc.length + insert.length];
        System.arraycopy(doc, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(doc, at, out, at + insert.length, doc.length - at);
        return new Mutated(out, "inserted " + insert.length + " byte(s) at " + at);
      }
      case RE_ENCODE: {
        String text = new String(doc, StandardCharsets.UTF_8);
        return switch (random.nextInt(6)) {
          case 0 -> new Mutated(concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, doc), "UTF-8 byte order mark");
          case 1 -> new Mutated(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), "CRLF line endings");
          case 2 -> new Mutated(text.replace("\n", "\r").getBytes(StandardCharsets.UTF_8), "CR line endings");
          case 3 -> new Mutated(("\ufeff" + text).getBytes(StandardCharsets.UTF_16LE), "UTF-16LE with byte order mark");
          case 4 -> new Mutated(text.getBytes(StandardCharsets.UTF_16BE), "UTF-16BE");
          default -> new Mutated(text.getBytes(Charset.forName("UTF-32LE")), "UTF-32LE");
        };
      }
      default:
        throw new IllegalArgumentException("not a byte mutation: " + kind);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static <T> T pick(List<T> list, SplittableRandom random) {
    return list.get(random.nextInt(list.size()));
  }

  private static String shorten(String s) {
    String shown = s.length() > 60 ? s.substring(0, 57) + "..." : s;
    StringBuilder sb = new StringBuilder();
    for (char c : shown.toCharArray()) {
      sb.append(c < 0x20 || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return sb.toString();
  }
}
