package io.podkit.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.podkit.model.PodPath;
import io.podkit.model.json.JsonValue.JArray;
import io.podkit.model.json.JsonValue.JBoolean;
import io.podkit.model.json.JsonValue.JNull;
import io.podkit.model.json.JsonValue.JNumber;
import io.podkit.model.json.JsonValue.JObject;
import io.podkit.model.json.JsonValue.JString;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a document with Jackson's streaming parser into a {@link JsonValue} tree that keeps line
 * and column of every value. Jackson's own tree forgets locations, and podkit reports them.
 *
 * <p>Syntax errors and limit violations become {@link ReadProblem}s with podkit's own wording; no
 * Jackson message or exception reaches the caller. Duplicate keys keep the last value (as Marathon
 * does) and are recorded on their object for the reader to report.
 */
final class LocatedTreeBuilder {
  private final ReadLimits limits;
  private final Problems problems;

  private LocatedTreeBuilder(ReadLimits limits, Problems problems) {
    this.limits = limits;
    this.problems = problems;
  }

  /** A factory enforcing {@code limits}; Jackson's own depth limit sits just above ours as a backstop. */
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
    LocatedTreeBuilder builder = new LocatedTreeBuilder(limits, problems);
    try (JsonParser parser = factory.createParser(bytes)) {
      return builder.document(parser);
    } catch (IOException e) {
      builder.reportFailure(e, bytes);
      return null;
    } catch (DepthExceeded e) {
      builder.reportDepth(e);
      return null;
    }
  }

  /** As {@link #parse(JsonFactory, ReadLimits, byte[], Problems)}, for text already decoded. */
  static JObject parse(JsonFactory factory, ReadLimits limits, String text, Problems problems) {
    if (text.length() > limits.maxDocumentBytes()) {
      problems.error(ReadRule.LIMIT, PodPath.root(), 1, 1, "the document is " + text.length()
          + " characters; the limit is " + limits.maxDocumentBytes());
      return null;
    }
    LocatedTreeBuilder builder = new LocatedTreeBuilder(limits, problems);
    try (JsonParser parser = factory.createParser(text)) {
      return builder.document(parser);
    } catch (IOException e) {
      builder.reportFailure(e, null);
      return null;
    } catch (DepthExceeded e) {
      builder.reportDepth(e);
      return null;
    }
  }

  private JObject document(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      problems.error(ReadRule.EMPTY, PodPath.root(), 1, 1,
          "the document is empty; a pod definition is a JSON object");
      return null;
    }
    JsonValue root = value(parser, first, 1);
    if (!(root instanceof JObject object)) {
      problems.error(ReadRule.ROOT, PodPath.root(), root.line(), root.column(),
          "a pod definition is a JSON object, but the document is " + root.typeName());
      return null;
    }
    JsonToken after;
    try {
      after = parser.nextToken();
    } catch (JsonProcessingException e) {
      after = JsonToken.NOT_AVAILABLE;
    }
    if (after != null) {
      JsonLocation at = parser.currentTokenLocation();
      problems.error(ReadRule.TRAILING, PodPath.root(), at.getLineNr(), at.getColumnNr(),
          "unexpected content after the end of the pod object");
      return null;
    }
    return object;
  }

  private JsonValue value(JsonParser parser, JsonToken token, int depth) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth > limits.maxDepth()) {
      throw new DepthExceeded(line, column);
    }
    switch (token) {
      case START_OBJECT:
        return object(parser, depth, line, column);
      case START_ARRAY: {
        List<JsonValue> items = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
          items.add(value(parser, t, depth + 1));
        }
        return new JArray(items, line, column);
      }
      case VALUE_STRING:
        return new JString(parser.getText(), line, column);
      case VALUE_NUMBER_INT:
        return new JNumber(parser.getText(), true, line, column);
      case VALUE_NUMBER_FLOAT:
        return new JNumber(parser.getText(), false, line, column);
      case VALUE_TRUE:
        return new JBoolean(true, line, column);
      case VALUE_FALSE:
        return new JBoolean(false, line, column);
      case VALUE_NULL:
        return new JNull(line, column);
      default:
        throw new IllegalStateException("unexpected token " + token);
    }
  }

  private JObject object(JsonParser parser, int depth, int line, int column) throws IOException {
    List<String> names = new ArrayList<>();
    List<JsonValue.KeyLocation> keys = new ArrayList<>();
    List<JsonValue> values = new ArrayList<>();
    List<JsonValue.DuplicateKey> duplicates = List.of();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonLocation keyAt = parser.currentTokenLocation();
      JsonValue member = value(parser, parser.nextToken(), depth + 1);
      int previous = names.indexOf(name);
      if (previous < 0) {
        names.add(name);
        keys.add(new JsonValue.KeyLocation(keyAt.getLineNr(), keyAt.getColumnNr()));
        values.add(member);
        continue;
      }
      // Marathon keeps the last value silently; the reader reports it, knowing the path.
      if (duplicates.isEmpty()) {
        duplicates = new ArrayList<>();
      }
      duplicates.add(new JsonValue.DuplicateKey(
          name, keyAt.getLineNr(), keyAt.getColumnNr(), values.get(previous).line()));
      values.set(previous, member);
    }
    return new JObject(names, keys, values, duplicates, line, column);
  }

  /** Turns a parse failure into one problem in podkit's words. */
  private void reportDepth(DepthExceeded d) {
    problems.error(ReadRule.LIMIT, PodPath.root(), d.line, d.column,
        "the document nests deeper than " + limits.maxDepth() + " levels");
  }

  private void reportFailure(IOException e, byte[] bytes) {
    int line = 0;
    int column = 0;
    if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
      line = jpe.getLocation().getLineNr();
      column = jpe.getLocation().getColumnNr();
    }
    if (bytes != null) {
      String binary = binaryReason(bytes);
      if (binary != null) {
        problems.error(ReadRule.ENCODING, PodPath.root(), line, column, binary);
        return;
      }
    }
    if (e instanceof CharConversionException) {
      problems.error(ReadRule.ENCODING, PodPath.root(), line, column,
          "the document is not valid UTF-8 text");
    } else if (e instanceof StreamConstraintsException) {
      problems.error(ReadRule.LIMIT, PodPath.root(), line, column, limitMessage(e.getMessage()));
    } else if (e instanceof JsonEOFException) {
      problems.error(ReadRule.SYNTAX, PodPath.root(), line, column,
          "the document ends before the JSON is complete (truncated?)");
    } else if (e instanceof JsonProcessingException jpe) {
      problems.error(ReadRule.SYNTAX, PodPath.root(), line, column, "malformed JSON: " + syntaxDetail(jpe));
    } else {
      problems.error(ReadRule.SYNTAX, PodPath.root(), line, column,
          "the document could not be read: " + e.getClass().getSimpleName());
    }
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
      return "the document is longer than " + limits.maxDocumentBytes() + " bytes";
    }
    return "the document exceeds a reader limit";
  }

  /**
   * Jackson's description of a syntax error, without its source excerpt and character codes: the
   * part a person can act on ("Unexpected character ('}'): was expecting double-quote...").
   */
  private static String syntaxDetail(JsonProcessingException e) {
    String original = e.getOriginalMessage();
    if (original == null || original.isBlank()) {
      return "unexpected input";
    }
    String firstLine = original.lines().findFirst().orElse(original);
    String cleaned = firstLine.replaceAll(" \\(code -?\\d+\\)", "").replaceAll("\\s*\\(for .*\\)$", "");
    return Character.toLowerCase(cleaned.charAt(0)) + cleaned.substring(1);
  }

  /** Why {@code bytes} look binary rather than text, or {@code null} if they look like text. */
  private static String binaryReason(byte[] bytes) {
    boolean utf16or32 = bytes.length >= 2 && (bytes[0] == 0 || bytes[1] == 0 || (bytes[0] & 0xff) >= 0xfe);
    if (utf16or32) {
      return null;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return "the document is binary, not JSON text (NUL byte at offset " + i + ")";
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
      return null;
    } catch (CharacterCodingException e) {
      return "the document is not valid UTF-8 text (binary file?)";
    }
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
