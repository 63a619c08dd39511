package io.podkit.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.podkit.model.PodPath;
import io.podkit.model.json.JsonValue.JArray;
import io.podkit.model.json.JsonValue.JBoolean;
import io.podkit.model.json.JsonValue.JNull;
import io.podkit.model.json.JsonValue.JNumber;
import io.podkit.model.json.JsonValue.JObject;
import io.podkit.model.json.JsonValue.JString;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a document with Jackson's streaming parser into a {@link JsonValue} tree that keeps line
 * and column of every value. Jackson's own tree forgets locations, and podkit reports them.
 *
 * <p>The tree is built with an explicit stack, not recursion, so no nesting depth can overflow the
 * thread's stack; depth is still limited by {@link ReadLimits#maxDepth()}. Bytes are decoded to
 * text first ({@link TextDecoding}) so that columns count characters. Syntax errors and limit
 * violations become {@link ReadProblem}s in podkit's own words: no Jackson message or exception
 * reaches the caller. Duplicate keys keep the last value (as Marathon does) and are recorded on
 * their object for the reader to report, since only the reader knows the path.
 */
final class LocatedTreeBuilder {
  /** Objects with more keys than this find duplicates through a hash index instead of a scan. */
  private static final int INDEX_THRESHOLD = 8;

  private final ReadLimits limits;
  private final Problems problems;
  /** The document as text; for the ASCII fast path made only when a problem needs it. */
  private final java.util.function.Supplier<String> text;
  /**
   * False for ASCII bytes without a backslash: their strings are the bytes themselves, so none can
   * hold a surrogate and {@link #checkUnicode} has nothing to find.
   */
  private final boolean mayHoldSurrogates;

  private LocatedTreeBuilder(ReadLimits limits, Problems problems, java.util.function.Supplier<String> text,
      boolean mayHoldSurrogates) {
    this.limits = limits;
    this.problems = problems;
    this.text = text;
    this.mayHoldSurrogates = mayHoldSurrogates;
  }

  /** A factory enforcing {@code limits}; Jackson's own depth limit sits above ours as a backstop. */
  static JsonFactory factory(ReadLimits limits) {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxDocumentLength(limits.maxDocumentBytes())
            .maxNestingDepth(limits.maxDepth() + 1)
            .maxStringLength(limits.maxStringLength())
            .maxNameLength(limits.maxNameLength())
            .maxNumberLength(limits.maxNumberLength())
            .build())
        .build();
  }

  /** The root object, or {@code null} after reporting why there is none. */
  static JObject parse(JsonFactory factory, ReadLimits limits, byte[] bytes, Problems problems) {
    if (bytes.length > limits.maxDocumentBytes()) {
      problems.error(ReadRule.LIMIT, PodPath.root(), 1, 1, "the document is " + bytes.length
          + " bytes; the limit is " + limits.maxDocumentBytes() + " bytes");
      return null;
    }
    int ascii = plainAscii(bytes);
    if (ascii != NOT_ASCII) {
      // Pure ASCII (the usual pod): byte columns are character columns, so Jackson's fast byte
      // parser can read it directly, without decoding to a String first. Only an escape (\\ud800)
      // can then put a surrogate in a string.
      LocatedTreeBuilder builder = new LocatedTreeBuilder(limits, problems,
          () -> new String(bytes, java.nio.charset.StandardCharsets.US_ASCII), ascii == ASCII_WITH_ESCAPES);
      return builder.run(() -> factory.createParser(bytes));
    }
    Object decoded = TextDecoding.decode(bytes);
    if (decoded instanceof TextDecoding.NotText notText) {
      problems.error(ReadRule.ENCODING, PodPath.root(), 1, 1, notText.reason());
      return null;
    }
    return parse(factory, limits, ((TextDecoding.Decoded) decoded).text(), problems);
  }

  /** As {@link #parse(JsonFactory, ReadLimits, byte[], Problems)}, for text already decoded. */
  static JObject parse(JsonFactory factory, ReadLimits limits, String document, Problems problems) {
    // A byte order mark that survived decoding elsewhere is not part of the JSON text.
    String text = document.startsWith("\uFEFF") ? document.substring(1) : document;
    if (text.length() > limits.maxDocumentBytes()) {
      problems.error(ReadRule.LIMIT, PodPath.root(), 1, 1, "the document is " + text.length()
          + " characters; the limit is " + limits.maxDocumentBytes());
      return null;
    }
    int nul = text.indexOf('\u0000');
    if (nul >= 0) {
      problems.error(ReadRule.ENCODING, PodPath.root(), 1, 1,
          "the document is binary, not JSON text (NUL character at offset " + nul + ")");
      return null;
    }
    return new LocatedTreeBuilder(limits, problems, () -> text, true).run(() -> factory.createParser(text));
  }

  /** The character offset of {@code at}; the byte offset for the ASCII byte parser, which is the same. */
  private static long offsetOf(JsonLocation at) {
    return at.getCharOffset() >= 0 ? at.getCharOffset() : at.getByteOffset();
  }

  private static final int NOT_ASCII = 0;
  private static final int ASCII = 1;
  private static final int ASCII_WITH_ESCAPES = 2;

  /**
   * {@link #NOT_ASCII} unless every byte is a non-NUL ASCII character; then {@link
   * #ASCII_WITH_ESCAPES} if a backslash occurs, else {@link #ASCII}.
   */
  private static int plainAscii(byte[] bytes) {
    boolean backslash = false;
    for (byte b : bytes) {
      if (b <= 0) {
        return NOT_ASCII;
      }
      backslash |= b == '\\';
    }
    return backslash ? ASCII_WITH_ESCAPES : ASCII;
  }

  /** Opens a parser on the document. */
  @FunctionalInterface
  private interface ParserSource {
    JsonParser open() throws IOException;
  }

  private JObject run(ParserSource source) {
    JsonParser parser = null;
    try {
      parser = source.open();
      return document(parser);
    } catch (DepthExceeded e) {
      problems.error(ReadRule.LIMIT, PodPath.root(), e.line, e.column,
          "the document nests deeper than " + limits.maxDepth() + " levels");
      return null;
    } catch (IOException e) {
      reportFailure(e, parser == null ? null : parser.currentLocation());
      return null;
    } finally {
      close(parser);
    }
  }

  private static void close(JsonParser parser) {
    if (parser == null) {
      return;
    }
    try {
      parser.close();
    } catch (IOException e) {
      // Parsing a String holds no resource that can fail to close.
      throw new java.io.UncheckedIOException(e);
    }
  }

  private JObject document(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      problems.error(ReadRule.EMPTY, PodPath.root(), 1, 1,
          "the document is empty; a pod definition is a JSON object");
      return null;
    }
    JsonValue root = value(parser, first);
    if (!(root instanceof JObject object)) {
      problems.error(ReadRule.ROOT, PodPath.root(), root.line(), root.column(),
          "a pod definition is a JSON object, but the document is " + root.typeName());
      return null;
    }
    long end = offsetOf(parser.currentLocation());
    JsonToken after;
    try {
      after = parser.nextToken();
    } catch (JsonProcessingException e) {
      after = JsonToken.NOT_AVAILABLE;
    }
    if (after != null) {
      int[] at = firstContentAfter((int) end);
      problems.error(ReadRule.TRAILING, PodPath.root(), at[0], at[1],
          "unexpected content after the end of the pod object");
      return null;
    }
    return object;
  }

  /** Line and column (1-based) of the first non-whitespace character at or after {@code offset}. */
  private int[] firstContentAfter(int offset) {
    String text = this.text.get();
    int i = Math.max(0, Math.min(offset, text.length()));
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    int line = 1;
    int lineStart = 0;
    for (int j = 0; j < i; j++) {
      char c = text.charAt(j);
      if (c == '\n' || (c == '\r' && (j + 1 >= text.length() || text.charAt(j + 1) != '\n'))) {
        line++;
        lineStart = j + 1;
      }
    }
    return new int[] {line, i - lineStart + 1};
  }

  /** An object or array under construction; members grow in parallel arrays. */
  private static final class Frame {
    final boolean object;
    final int line;
    final int column;
    String[] names;
    int[] keyLines;
    int[] keyColumns;
    JsonValue[] values = new JsonValue[4];
    int size;
    List<JsonValue> items;
    List<JsonValue.DuplicateKey> duplicates = List.of();
    Map<String, Integer> index;
    String pendingName;
    int pendingKeyLine;
    int pendingKeyColumn;

    Frame(boolean object, int line, int column) {
      this.object = object;
      this.line = line;
      this.column = column;
      if (object) {
        names = new String[4];
        keyLines = new int[4];
        keyColumns = new int[4];
      } else {
        items = new ArrayList<>();
      }
    }

    void add(JsonValue value) {
      if (!object) {
        items.add(value);
        return;
      }
      int previous = indexOf(pendingName);
      if (previous >= 0) {
        if (duplicates.isEmpty()) {
          duplicates = new ArrayList<>();
        }
        duplicates.add(new JsonValue.DuplicateKey(pendingName, pendingKeyLine, pendingKeyColumn, keyLines[previous]));
        values[previous] = value;
        return;
      }
      if (size == names.length) {
        int capacity = size * 2;
        names = Arrays.copyOf(names, capacity);
        keyLines = Arrays.copyOf(keyLines, capacity);
        keyColumns = Arrays.copyOf(keyColumns, capacity);
        values = Arrays.copyOf(values, capacity);
      }
      if (index != null) {
        index.put(pendingName, size);
      }
      names[size] = pendingName;
      keyLines[size] = pendingKeyLine;
      keyColumns[size] = pendingKeyColumn;
      values[size] = value;
      size++;
      if (index == null && size > INDEX_THRESHOLD) {
        index = new HashMap<>();
        for (int i = 0; i < size; i++) {
          index.put(names[i], i);
        }
      }
    }

    private int indexOf(String name) {
      if (index != null) {
        return index.getOrDefault(name, -1);
      }
      return JObject.indexOf(names, size, name);
    }

    JsonValue build() {
      return object
          ? new JObject(names, keyLines, keyColumns, values, size, duplicates, line, column)
          : new JArray(items, line, column);
    }
  }

  /** Reads the value starting at {@code first}, with an explicit stack for nesting. */
  private JsonValue value(JsonParser parser, JsonToken first) throws IOException {
    // Jackson's parsers extend ParserBase, whose token line and column cost no allocation, where
    // currentTokenLocation() builds an object per token. For values (not field names) Jackson 2.18's
    // ParserBase column is one past currentTokenLocation()'s; the location tests pin this.
    ParserBase base = parser instanceof ParserBase b ? b : null;
    Deque<Frame> stack = new ArrayDeque<>();
    JsonToken token = first;
    while (true) {
      int line;
      int column;
      if (base != null && token != JsonToken.FIELD_NAME) {
        line = base.getTokenLineNr();
        column = base.getTokenColumnNr() - 1;
      } else {
        JsonLocation at = parser.currentTokenLocation();
        line = at.getLineNr();
        column = at.getColumnNr();
      }
      JsonValue complete;
      switch (token) {
        case START_OBJECT, START_ARRAY -> {
          if (stack.size() + 1 > limits.maxDepth()) {
            throw new DepthExceeded(line, column);
          }
          stack.push(new Frame(token == JsonToken.START_OBJECT, line, column));
          token = parser.nextToken();
          continue;
        }
        case FIELD_NAME -> {
          Frame top = stack.peek();
          top.pendingName = parser.currentName();
          checkUnicode(top.pendingName, "an object key", line, column);
          top.pendingKeyLine = line;
          top.pendingKeyColumn = column;
          token = parser.nextToken();
          continue;
        }
        case END_OBJECT, END_ARRAY -> complete = stack.pop().build();
        case VALUE_STRING -> {
          String value = parser.getText();
          checkUnicode(value, "a string", line, column);
          complete = new JString(value, line, column);
        }
        case VALUE_NUMBER_INT -> complete = new JNumber(parser.getText(), true, line, column);
        case VALUE_NUMBER_FLOAT -> complete = new JNumber(parser.getText(), false, line, column);
        case VALUE_TRUE -> complete = new JBoolean(true, line, column);
        case VALUE_FALSE -> complete = new JBoolean(false, line, column);
        case VALUE_NULL -> complete = new JNull(line, column);
        default -> throw new IllegalStateException("unexpected token " + token);
      }
      if (stack.isEmpty()) {
        return complete;
      }
      stack.peek().add(complete);
      token = parser.nextToken();
    }
  }

  /**
   * Reports {@code text} if it holds an unpaired UTF-16 surrogate. JSON lets a document spell one as an
   * escape ({@code "\\ud800"}), and {@link #parse(JsonFactory, ReadLimits, String, Problems) text} can
   * hold one raw, but it is not Unicode: it has no UTF-8 form, so Mesos' protobufs (and any UTF-8
   * output) would silently turn it into {@code ?}. Reading goes on, so every such string is reported.
   */
  private void checkUnicode(String text, String what, int line, int column) {
    if (!mayHoldSurrogates) {
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < Character.MIN_SURROGATE) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        problems.error(ReadRule.ENCODING, PodPath.root(), line, column, what + " holds an unpaired UTF-16 "
            + String.format("surrogate (U+%04X at character %d), which is not Unicode text", (int) c, i + 1));
        return;
      }
    }
  }

  /** Turns a parse failure into one problem in podkit's words. */
  private void reportFailure(IOException e, JsonLocation parserLocation) {
    JsonLocation at = e instanceof JsonProcessingException jpe && jpe.getLocation() != null
        ? jpe.getLocation() : parserLocation;
    int line = at == null ? 0 : Math.max(0, at.getLineNr());
    int column = at == null ? 0 : Math.max(0, at.getColumnNr());
    long offset = at == null ? -1 : offsetOf(at);
    if (e instanceof StreamConstraintsException) {
      problems.error(ReadRule.LIMIT, PodPath.root(), line, column, limitMessage(e.getMessage()));
    } else if (isEndOfInput(e) || (offset >= 0 && offset + 1 >= text.get().stripTrailing().length())) {
      // The error is at the last character: the document stops in the middle of a value.
      problems.error(ReadRule.SYNTAX, PodPath.root(), line, column,
          "the document ends before the JSON is complete (truncated?)");
    } else if (e instanceof JsonProcessingException jpe) {
      problems.error(ReadRule.SYNTAX, PodPath.root(), line, column, "malformed JSON: " + syntaxDetail(jpe));
    } else {
      problems.error(ReadRule.SYNTAX, PodPath.root(), line, column, "the document could not be read");
    }
  }

  private static boolean isEndOfInput(IOException e) {
    String m = e.getMessage();
    return e instanceof com.fasterxml.jackson.core.io.JsonEOFException
        || (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("end-of-input"));
  }

  private String limitMessage(String jacksonMessage) {
    String m = jacksonMessage == null ? "" : jacksonMessage;
    if (m.contains("Number value length")) {
      return "a number is longer than " + limits.maxNumberLength() + " characters";
    }
    if (m.contains("String value length")) {
      return "a string is longer than " + limits.maxStringLength() + " characters";
    }
    if (m.contains("Name length")) {
      return "an object key is longer than " + limits.maxNameLength() + " characters";
    }
    if (m.contains("nesting depth")) {
      return "the document nests deeper than " + limits.maxDepth() + " levels";
    }
    if (m.contains("Document length")) {
      return "the document is longer than " + limits.maxDocumentBytes() + " characters";
    }
    return "the document exceeds a reader limit";
  }

  /**
   * What went wrong, in terms a pod author can act on. Jackson's wording is kept only for the plain
   * cases ("unexpected character 'x': was expecting comma..."), without character codes, source
   * excerpts or advice to enable parser features the user cannot reach.
   */
  private static String syntaxDetail(JsonProcessingException e) {
    String original = e.getOriginalMessage();
    if (original == null || original.isBlank()) {
      return "unexpected input";
    }
    String first = original.lines().findFirst().orElse(original);
    java.util.regex.Matcher nonStandard =
        java.util.regex.Pattern.compile("Non-standard token '([^']*)'").matcher(first);
    if (nonStandard.find()) {
      return "'" + nonStandard.group(1) + "' is not a JSON value (JSON has no NaN or Infinity)";
    }
    if (first.contains("Leading plus") || first.contains("leading plus")) {
      return "a number may not start with '+'";
    }
    if (first.contains("Leading zeroes") || first.contains("Invalid numeric value: Leading zeroes")) {
      return "a number may not have leading zeroes";
    }
    String cleaned = first
        .replaceAll("\\s*\\(code [^)]*\\)", "")
        .replaceAll("[;:,]?\\s*(?:enable|set) `?[A-Za-z_.]*Feature[^ ]*`?.*$", "")
        .replaceAll("\\s*\\(for [^)]*\\)", "")
        .replaceAll("\\s*\\([^)]*Feature[^)]*\\)", "")
        .replaceAll("\\s*\\(JSON String, Number, Array, Object or token 'null', 'true' or 'false'\\)",
            " (a string, number, array, object, true, false or null)")
        .replaceAll("\\\\u([0-9a-fA-F]{4})", "U+$1");
    if (cleaned.isBlank()) {
      return "unexpected input";
    }
    return Character.toLowerCase(cleaned.charAt(0)) + cleaned.substring(1);
  }

  /** Our own depth limit, checked before Jackson's, so the message and location are ours. */
  private static final class DepthExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    DepthExceeded(int line, int column) {
      super("depth", null, false, false);
      this.line = line;
      this.column = column;
    }
  }
}
