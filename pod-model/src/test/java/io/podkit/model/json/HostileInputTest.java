package io.podkit.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input (DESIGN.md section 2, "Limits against hostile input"): whatever the bytes, {@link PodReader}
 * answers with a {@link ReadResult} whose problems carry a reader rule, a message in podkit's words and a
 * location where one is meaningful. No {@link StackOverflowError}, no {@link OutOfMemoryError}, no exception
 * escaping {@code read}, and no raw Jackson text ({@code [Source:}, {@code (code }, class names...).
 *
 * <p>Each case runs through every entry point that makes sense: {@code read(String)}, {@code read(byte[])},
 * {@code read(InputStream)} and {@code read(Path)}.
 */
class HostileInputTest {

  /** A small valid pod; ASCII, one member per line so that locations are easy to state. */
  static final String POD = String.join("\n",
      "{",                                                   // 1
      "  \"id\": \"/web\",",                                 // 2
      "  \"containers\": [",                                 // 3
      "    {",                                               // 4
      "      \"name\": \"app\",",                            // 5
      "      \"tty\": true,",                                // 6
      "      \"resources\": {\"cpus\": 0.5, \"mem\": 64},",  // 7
      "      \"exec\": {\"command\": {\"shell\": \"sleep 100\"}}", // 8
      "    }",                                               // 9
      "  ],",                                                // 10
      "  \"labels\": {\"team\": \"x\"}",                     // 11
      "}",                                                   // 12
      "");

  /** The hostile-input rules: what a document that is not a readable pod object is reported as. */
  private static final List<ReadRule> HOSTILE_RULES = List.of(
      ReadRule.SYNTAX, ReadRule.ENCODING, ReadRule.EMPTY, ReadRule.LIMIT, ReadRule.ROOT, ReadRule.TRAILING);

  /** Fragments that only Jackson (never podkit) writes. */
  private static final String[] JACKSON_TEXT = {
      "[Source:", "(code ", "StreamReadConstraints", "com.fasterxml", "JsonParseException", "JsonEOFException",
      "StreamConstraintsException", "JsonProcessingException"};

  /** A Java class name: qualified ({@code java.io.IOException}), UpperCamelCase, or an exception/error type. */
  private static final Pattern JAVA_CLASS_NAME = Pattern.compile(
      "\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_]*\\b"
          + "|\\b[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+\\b"
          + "|\\b[A-Za-z]*(?:Exception|Error)\\b");

  private static final int MIB = 1024 * 1024;

  @TempDir
  Path tmp;

  /** The entry points of {@link PodReader}. */
  enum Via { STRING, BYTES, STREAM, PATH }

  // =============================================================== size and length limits

  @ParameterizedTest
  @EnumSource(Via.class)
  void aFiftyMegabyteStringIsRejectedForTheDocumentSizeLimit(Via via) {
    String doc = POD.replace("sleep 100", "x".repeat(50_000_000));

    ReadProblem problem = onlyError(read(via, PodReader.strict(), doc), ReadRule.LIMIT);

    assertThat(problem.message()).contains("limit").contains(String.valueOf(ReadLimits.DEFAULT.maxDocumentBytes()));
    assertThat(problem.line()).isEqualTo(1);
    assertThat(problem.column()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Via.class)
  void aTwoMegabyteStringUnderTheDocumentLimitIsRejectedForTheStringLengthLimit(Via via) {
    String doc = POD.replace("sleep 100", "x".repeat(2 * 1_000_000));
    assertThat(doc.length()).isLessThan(ReadLimits.DEFAULT.maxDocumentBytes());

    ReadProblem problem = onlyError(read(via, PodReader.strict(), doc), ReadRule.LIMIT);

    assertThat(problem.message()).contains("string").contains(String.valueOf(ReadLimits.DEFAULT.maxStringLength()));
  }

  @ParameterizedTest
  @EnumSource(Via.class)
  void aCustomStringLengthLimitIsEnforcedExactly(Via via) {
    // The longest string value of POD is "sleep 100": 9 characters.
    PodReader nine = PodReader.strict().withLimits(ReadLimits.DEFAULT.withMaxStringLength(9));
    PodReader eight = PodReader.strict().withLimits(ReadLimits.DEFAULT.withMaxStringLength(8));

    assertThat(read(via, nine, POD).errors()).isEmpty();
    ReadProblem problem = onlyError(read(via, eight, POD), ReadRule.LIMIT);
    assertThat(problem.message()).contains("string").contains("8 characters");
  }

  @ParameterizedTest
  @EnumSource(Via.class)
  void aLongObjectKeyIsRejectedForTheNameLengthLimit(Via via) {
    String doc = POD.replace("\"team\"", "\"" + "k".repeat(5_000) + "\"");

    ReadProblem problem = onlyError(read(via, PodReader.strict(), doc), ReadRule.LIMIT);

    assertThat(problem.message()).contains("key").contains(String.valueOf(ReadLimits.DEFAULT.maxNameLength()));
  }

  @ParameterizedTest
  @EnumSource(Via.class)
  void aCustomNameLengthLimitIsEnforced(Via via) {
    ReadLimits d = ReadLimits.DEFAULT;
    PodReader reader = PodReader.strict().withLimits(
        new ReadLimits(d.maxDocumentBytes(), d.maxDepth(), d.maxStringLength(), 9, d.maxNumberLength(), d.maxProblems()));

    ReadProblem problem = onlyError(read(via, reader, POD), ReadRule.LIMIT); // "containers" has 10 characters

    assertThat(problem.message()).contains("key").contains("9 characters");
  }

  static Stream<Arguments> longNumbers() {
    String digits = "1".repeat(10_000);
    return Stream.of(digits, "-" + digits, "0." + digits, "1." + digits + "e5", "1".repeat(65))
        .flatMap(n -> Arrays.stream(Via.values()).map(v -> Arguments.of(v, n)));
  }

  @ParameterizedTest
  @MethodSource("longNumbers")
  void aTenThousandDigitNumberIsRejectedForTheNumberLengthLimit(Via via, String number) {
    String doc = POD.replace("0.5", number);

    ReadProblem problem = onlyError(read(via, PodReader.strict(), doc), ReadRule.LIMIT);

    assertThat(problem.message()).contains("number").contains(String.valueOf(ReadLimits.DEFAULT.maxNumberLength()));
  }

  @Test
  void aSixtyFourCharacterNumberIsWithinTheLimit() {
    String doc = POD.replace("0.5", "0." + "5".repeat(62));

    assertThat(PodReader.strict().read(doc).errors()).isEmpty();
  }

  // =============================================================== nesting depth

  static Stream<Arguments> deepDocuments() {
    int n = 10_000;
    int limit = ReadLimits.DEFAULT.maxDepth();
    int column = limit + 1; // the first bracket past the limit
    int objectColumn = limit * "{\"a\":".length() + 1;
    List<Arguments> cases = new ArrayList<>();
    for (Via via : Via.values()) {
      cases.add(Arguments.of(via, "[".repeat(n), 1, column));
      cases.add(Arguments.of(via, "[".repeat(n) + "]".repeat(n), 1, column));
      cases.add(Arguments.of(via, "{\"a\":".repeat(n), 1, objectColumn));
      cases.add(Arguments.of(via, "{\"a\":".repeat(n) + "1" + "}".repeat(n), 1, objectColumn));
      // The same inside an otherwise valid pod, as the value of a label (which starts at depth 3).
      String inPod = POD.replace("\"x\"", "[".repeat(n) + "]".repeat(n));
      int labelColumn = inPod.lines().toList().get(10).indexOf('[') + 1;
      cases.add(Arguments.of(via, inPod, 11, labelColumn + limit - 2));
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("deepDocuments")
  void nestingTenThousandDeepIsALimitErrorEvenOnASmallStack(Via via, String doc, int line, int column)
      throws Exception {
    ReadResult result = onSmallStack(() -> read(via, PodReader.strict(), doc));

    ReadProblem problem = onlyError(result, ReadRule.LIMIT);
    assertThat(problem.message()).contains("deeper than " + ReadLimits.DEFAULT.maxDepth() + " levels");
    assertThat(problem.line()).isEqualTo(line);
    assertThat(problem.column()).isEqualTo(column);
  }

  @ParameterizedTest
  @EnumSource(Via.class)
  void aCustomDepthLimitIsEnforced(Via via) throws Exception {
    // root object 1, containers array 2, container object 3, resources and exec objects 4, command object 5
    PodReader five = PodReader.strict().withLimits(ReadLimits.DEFAULT.withMaxDepth(5));
    PodReader four = PodReader.strict().withLimits(ReadLimits.DEFAULT.withMaxDepth(4));
    PodReader three = PodReader.strict().withLimits(ReadLimits.DEFAULT.withMaxDepth(3));

    assertThat(onSmallStack(() -> read(via, five, POD)).errors()).isEmpty();

    ReadProblem problem = onlyError(onSmallStack(() -> read(via, four, POD)), ReadRule.LIMIT);
    assertThat(problem.message()).contains("deeper than 4 levels");
    assertThat(problem.line()).isEqualTo(8);
    assertThat(problem.column()).isEqualTo(columnOf(POD, "{\"shell\""));

    problem = onlyError(onSmallStack(() -> read(via, three, POD)), ReadRule.LIMIT);
    assertThat(problem.message()).contains("deeper than 3 levels");
    assertThat(problem.line()).isEqualTo(7);
    assertThat(problem.column()).isEqualTo(columnOf(POD, "{\"cpus\""));
  }

  @Test
  void aRaisedDepthLimitStillDoesNotRecursePerLevel() throws Exception {
    PodReader deep = PodReader.strict().withLimits(ReadLimits.DEFAULT.withMaxDepth(100_000));
    String doc = "{\"id\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";

    ReadResult result = onSmallStack(() -> deep.read(doc));

    assertThat(result.ok()).isFalse();
  }

  // =============================================================== truncation

  /** POD cut at assorted points, in half among them; {@link #everyCutOfAValidPodSaysItEndsEarly} sweeps every cut. */
  static Stream<Arguments> truncations() {
    List<String> cuts = new ArrayList<>();
    cuts.add(POD.substring(0, 1));                                       // "{"
    cuts.add(POD.substring(0, POD.indexOf("\"id\"") + 2));               // inside a key
    cuts.add(POD.substring(0, POD.indexOf("\"/web\"")));                 // after a colon
    cuts.add(POD.substring(0, POD.indexOf("/web") + 2));                 // inside a string value
    cuts.add(POD.substring(0, POD.indexOf("[") + 1));                    // after "["
    cuts.add(POD.substring(0, POD.length() / 2));                        // cut in half
    cuts.add(POD.substring(0, POD.indexOf("sleep") + 3));                // deep inside
    cuts.add(POD.substring(0, POD.indexOf("\"team\"")));                 // inside the last object
    cuts.add(POD.substring(0, POD.indexOf("\"x\"") + 2));                // inside the last string
    return cuts.stream().flatMap(c -> Arrays.stream(Via.values()).map(v -> Arguments.of(v, c)));
  }

  @ParameterizedTest
  @MethodSource("truncations")
  void aTruncatedPodSaysItEndsBeforeTheJsonIsComplete(Via via, String cut) {
    ReadProblem problem = onlyError(read(via, PodReader.strict(), cut), ReadRule.SYNTAX);

    assertThat(problem.message()).contains("ends before");
    assertThat(problem.line()).isEqualTo(lineAtEnd(cut));
    assertThat(problem.column()).isPositive();
  }

  @Test
  void everyCutOfAValidPodSaysItEndsEarly() {
    List<String> wrong = new ArrayList<>();
    for (int end = 1; end < POD.stripTrailing().length(); end++) {
      String cut = POD.substring(0, end);
      ReadResult result = PodReader.strict().read(cut);
      ReadProblem p = result.errors().isEmpty() ? null : result.errors().get(0);
      if (p == null || p.rule() != ReadRule.SYNTAX || !p.message().contains("ends before")
          || p.line() != lineAtEnd(cut)) {
        wrong.add(end + ": " + p);
      }
    }
    assertThat(wrong).isEmpty();
  }

  // =============================================================== binary and encodings

  static Stream<Arguments> binaryFiles() {
    List<Arguments> files = new ArrayList<>();
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0, 0x5c, 0x72, (byte) 0xa8, 0x66};
    files.add(Arguments.of("png header", png));
    byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3};
    files.add(Arguments.of("gzip header", gzip));
    byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0};
    files.add(Arguments.of("elf header", elf));
    // Random bytes. Seeds whose first byte could start a JSON value (the reader then reports what it found
    // first, a ROOT or SYNTAX problem) or whose first bytes look like UTF-16/32 are skipped.
    int taken = 0;
    for (int seed = 0; taken < 8; seed++) {
      byte[] bytes = new byte[4096];
      new Random(seed).nextBytes(bytes);
      int b0 = bytes[0] & 0xff;
      if (b0 >= 0xfe || bytes[1] == 0 || b0 == 0 || "{[\"-0123456789tfn \t\r\n".indexOf(b0) >= 0) {
        continue;
      }
      bytes[100] = 0; // certainly a NUL
      files.add(Arguments.of("random bytes, seed " + seed, bytes));
      taken++;
    }
    files.add(Arguments.of("Latin-1 text", "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3".getBytes(StandardCharsets.ISO_8859_1)));
    return files.stream();
  }

  /** A valid pod with invalid UTF-8 bytes that Jackson itself rejects. */
  static Stream<Arguments> invalidUtf8InAPod() {
    List<Arguments> files = new ArrayList<>();
    byte[] pod = POD.getBytes(StandardCharsets.UTF_8);
    files.add(Arguments.of("0xFF in a string value", replace(pod, "/web", new byte[] {'/', (byte) 0xff, 'b'})));
    files.add(Arguments.of("lone continuation byte", replace(pod, "/web", new byte[] {'/', (byte) 0x80, 'b'})));
    files.add(Arguments.of("cut multi-byte char", replace(pod, "/web", new byte[] {'/', (byte) 0xe2, (byte) 0x82})));
    files.add(Arguments.of("Latin-1 key", replace(pod, "team", new byte[] {'t', (byte) 0xe9, 'a', 'm'})));
    files.add(Arguments.of("Latin-1 value", replace(pod, "/web", new byte[] {'/', (byte) 0xe9, 'b'})));
    files.add(Arguments.of("invalid start of document", new byte[] {(byte) 0xc0, (byte) 0x80, '{', '}'}));
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("binaryFiles")
  void aBinaryFileIsAnEncodingError(String what, byte[] bytes) {
    for (Via via : List.of(Via.BYTES, Via.STREAM, Via.PATH)) {
      ReadProblem problem = onlyError(readBytes(via, PodReader.strict(), bytes), ReadRule.ENCODING);
      assertThat(problem.message()).as(via.name()).containsAnyOf("binary", "UTF-8");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUtf8InAPod")
  void invalidUtf8InAPodIsAnEncodingError(String what, byte[] bytes) {
    for (Via via : List.of(Via.BYTES, Via.STREAM, Via.PATH)) {
      ReadProblem problem = onlyError(readBytes(via, PodReader.strict(), bytes), ReadRule.ENCODING);
      assertThat(problem.message()).as(via.name()).contains("UTF-8");
    }
  }

  @Test
  void invalidUtf8ThatJacksonDecodesLenientlyIsStillAnEncodingError() {
    byte[] pod = POD.getBytes(StandardCharsets.UTF_8);
    for (byte[] bad : List.of(new byte[] {'/', (byte) 0xc0, (byte) 0x80}, new byte[] {'/', 'w', (byte) 0xc0, (byte) 0xaf, 'b'},
        new byte[] {'/', (byte) 0xe0, (byte) 0x80, (byte) 0xaf}, new byte[] {'/', (byte) 0xed, (byte) 0xa0, (byte) 0x80},
        new byte[] {'/', (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80})) {
      onlyError(PodReader.strict().read(replace(pod, "/web", bad)), ReadRule.ENCODING);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("binaryFiles")
  void aBinaryFileDecodedAsTextIsACleanProblem(String what, byte[] bytes) {
    // read(String) cannot see bytes; text decoded from a binary file must still give a clean problem.
    ReadResult result = PodReader.strict().read(new String(bytes, StandardCharsets.ISO_8859_1));

    assertThat(result.ok()).isFalse();
    assertHostileProblems(result);
  }

  @Test
  void zeroFilledAndFfFfFilesAreBinary() {
    byte[] ffff = new byte[64];
    Arrays.fill(ffff, (byte) 0xff);
    byte[] ffffThenPod = concat(new byte[] {(byte) 0xff, (byte) 0xff}, POD.getBytes(StandardCharsets.UTF_8));
    for (byte[] bytes : List.of(new byte[4096], new byte[2], ffff, ffffThenPod)) {
      onlyError(PodReader.strict().read(bytes), ReadRule.ENCODING);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Via.class, names = {"BYTES", "STREAM", "PATH"})
  void aUtf8ByteOrderMarkBeforeAValidPodIsSkipped(Via via) {
    byte[] bytes = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, POD.getBytes(StandardCharsets.UTF_8));

    ReadResult result = readBytes(via, PodReader.strict(), bytes);

    assertThat(result.errors()).isEmpty();
    assertThat(result.pod()).isEqualTo(PodReader.strict().read(POD).pod());
  }

  @Test
  void aByteOrderMarkCharacterBeforeAValidPodTextIsSkipped() {
    // What Files.readString gives for a file saved with a UTF-8 BOM.
    ReadResult result = PodReader.strict().read("\uFEFF" + POD);

    assertThat(result.errors()).isEmpty();
    assertThat(result.pod()).isEqualTo(PodReader.strict().read(POD).pod());
  }

  @ParameterizedTest
  @EnumSource(Via.class)
  void crlfAndCrLineEndingsReadFineAndCountLines(Via via) {
    for (String eol : List.of("\r\n", "\r")) {
      String doc = POD.replace("\n", eol);
      assertThat(read(via, PodReader.strict(), doc).pod()).as(eol.length() + " char EOL")
          .isEqualTo(PodReader.strict().read(POD).pod());

      String typo = doc.replace("\"labels\"", "\"labelz\"");
      ReadResult result = read(via, PodReader.strict(), typo);
      assertThat(result.errors()).hasSize(1);
      ReadProblem problem = result.errors().get(0);
      assertThat(problem.rule()).isEqualTo(ReadRule.UNKNOWN_FIELD);
      assertThat(problem.line()).as("line with %s line endings", eol.length() == 2 ? "CRLF" : "CR").isEqualTo(11);
      assertThat(problem.column()).isEqualTo(3);

      String broken = doc.replace("\"x\"}", "\"x\",}");
      ReadProblem syntax = onlyError(read(via, PodReader.strict(), broken), ReadRule.SYNTAX);
      assertThat(syntax.line()).isEqualTo(11);
    }
  }

  static Stream<Arguments> wideEncodings() {
    return Stream.of(
        Arguments.of("UTF-16BE with BOM", ("\uFEFF" + POD).getBytes(StandardCharsets.UTF_16BE)),
        Arguments.of("UTF-16LE with BOM", ("\uFEFF" + POD).getBytes(StandardCharsets.UTF_16LE)),
        Arguments.of("UTF-16 (Java, BOM)", POD.getBytes(StandardCharsets.UTF_16)),
        Arguments.of("UTF-16LE without BOM", POD.getBytes(StandardCharsets.UTF_16LE)),
        Arguments.of("UTF-32BE", POD.getBytes(Charset.forName("UTF-32BE"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wideEncodings")
  void aUtf16EncodedValidPodReadsFine(String what, byte[] bytes) {
    for (Via via : List.of(Via.BYTES, Via.STREAM, Via.PATH)) {
      ReadResult result = readBytes(via, PodReader.strict(), bytes);
      assertThat(result.errors()).as(via.name()).isEmpty();
      assertThat(result.pod()).as(via.name()).isEqualTo(PodReader.strict().read(POD).pod());
    }
  }

  @Test
  void aUtf16PodWithATypoReportsTheRightLine() {
    byte[] bytes = ("\uFEFF" + POD.replace("\"labels\"", "\"labelz\"")).getBytes(StandardCharsets.UTF_16LE);

    ReadResult result = PodReader.strict().read(bytes);

    assertThat(result.errors()).extracting(ReadProblem::rule).containsExactly(ReadRule.UNKNOWN_FIELD);
    assertThat(result.errors().get(0).line()).isEqualTo(11);
  }

  // =============================================================== empty, root, trailing

  @ParameterizedTest
  @EnumSource(Via.class)
  void anEmptyOrWhitespaceOnlyDocumentIsEmpty(Via via) {
    for (String doc : List.of("", " ", "\n", "\r\n\t  \r\n", " ".repeat(10_000))) {
      ReadProblem problem = onlyError(read(via, PodReader.strict(), doc), ReadRule.EMPTY);
      assertThat(problem.message()).contains("empty");
    }
  }

  @ParameterizedTest
  @EnumSource(value = Via.class, names = {"BYTES", "STREAM", "PATH"})
  void aByteOrderMarkFollowedByWhitespaceIsEmpty(Via via) {
    byte[] bytes = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, ' ', '\n'};

    onlyError(readBytes(via, PodReader.strict(), bytes), ReadRule.EMPTY);
  }

  @Test
  void aByteOrderMarkAloneIsEmpty() {
    for (byte[] bom : List.of(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, new byte[] {(byte) 0xfe, (byte) 0xff},
        new byte[] {(byte) 0xff, (byte) 0xfe})) {
      onlyError(PodReader.strict().read(bom), ReadRule.EMPTY);
    }
  }

  static Stream<Arguments> nonObjectRoots() {
    List<Arguments> roots = new ArrayList<>();
    for (Via via : Via.values()) {
      roots.add(Arguments.of(via, "[" + POD + "]", "an array", 1, 1));
      roots.add(Arguments.of(via, "[]", "an array", 1, 1));
      roots.add(Arguments.of(via, "\"{}\"", "a string", 1, 1));
      roots.add(Arguments.of(via, "42", "a number", 1, 1));
      roots.add(Arguments.of(via, "-1.5e3", "a number", 1, 1));
      roots.add(Arguments.of(via, "null", "null", 1, 1));
      roots.add(Arguments.of(via, "true", "a boolean", 1, 1));
      roots.add(Arguments.of(via, "false", "a boolean", 1, 1));
      roots.add(Arguments.of(via, "\n\n   true  ", "a boolean", 3, 4));
    }
    return roots.stream();
  }

  @ParameterizedTest
  @MethodSource("nonObjectRoots")
  void aNonObjectAtTopLevelIsARootErrorNamingTheTypeFound(Via via, String doc, String type, int line, int column) {
    ReadProblem problem = onlyError(read(via, PodReader.strict(), doc), ReadRule.ROOT);

    assertThat(problem.message()).contains("object").endsWith(" " + type);
    assertThat(problem.line()).isEqualTo(line);
    assertThat(problem.column()).isEqualTo(column);
  }

  /** Where POD's closing brace ends: line 12, column 2. */
  private static final int[] POD_END = {12, 2};

  static Stream<Arguments> trailingGarbage() {
    List<Arguments> docs = new ArrayList<>();
    for (Via via : Via.values()) {
      docs.add(Arguments.of(via, POD + " x", 13, 2));
      docs.add(Arguments.of(via, POD + POD, 13, 1));
      docs.add(Arguments.of(via, POD.stripTrailing() + "{}", 12, 2));
      docs.add(Arguments.of(via, POD + "]", 13, 1));
      docs.add(Arguments.of(via, POD + "}", 13, 1));
      docs.add(Arguments.of(via, POD + ",", 13, 1));
      docs.add(Arguments.of(via, POD + "\n\n  42", 15, 3));
      docs.add(Arguments.of(via, POD + "\"more\"", 13, 1));
    }
    return docs.stream();
  }

  @ParameterizedTest
  @MethodSource("trailingGarbage")
  void contentAfterTheValidPodIsTrailing(Via via, String doc, int line, int column) {
    ReadProblem problem = onlyError(read(via, PodReader.strict(), doc), ReadRule.TRAILING);

    assertThat(problem.message()).contains("after the end of the pod");
    // Between the end of the pod object and the first character of the garbage (both are useful).
    int[] at = {problem.line(), problem.column()};
    assertThat(compare(at, POD_END)).as("%s not before the end of the pod", problem).isNotNegative();
    assertThat(compare(at, new int[] {line, column})).as("%s not after the garbage", problem).isNotPositive();
  }

  // =============================================================== malformed JSON

  static Stream<Arguments> malformed() {
    List<Arguments> docs = new ArrayList<>();
    for (Via via : Via.values()) {
      docs.add(Arguments.of(via, "missing comma", POD.replace("\"app\",", "\"app\""), "\"tty\""));
      docs.add(Arguments.of(via, "single-quoted value", POD.replace("\"/web\"", "'/web'"), "'/web'"));
      docs.add(Arguments.of(via, "single-quoted key", POD.replace("\"id\"", "'id'"), "'id'"));
      docs.add(Arguments.of(via, "block comment", POD.replace("\"labels\"", "/* c */ \"labels\""), "/*"));
      docs.add(Arguments.of(via, "line comment", POD.replace("\"labels\"", "// c\n  \"labels\""), "//"));
      docs.add(Arguments.of(via, "hash comment", POD.replace("\"labels\"", "# c\n  \"labels\""), "#"));
      docs.add(Arguments.of(via, "trailing comma in object", POD.replace("\"x\"}", "\"x\",}"), "}\n}"));
      docs.add(Arguments.of(via, "trailing comma in array", POD.replace("}\n  ],", "},\n  ],"), "],"));
      docs.add(Arguments.of(via, "unquoted key", POD.replace("\"id\"", "id"), "id:"));
      docs.add(Arguments.of(via, "missing colon", POD.replace("\"id\":", "\"id\""), "\"/web\""));
      docs.add(Arguments.of(via, "mismatched bracket", POD.replace("  ],", "  },"), "},\n  \"labels"));
      docs.add(Arguments.of(via, "leading zero", POD.replace("64", "064"), "64"));
      docs.add(Arguments.of(via, "bad escape", POD.replace("sleep 100", "sleep\\x100"), null));
      docs.add(Arguments.of(via, "control character in string", POD.replace("sleep 100", "sleep\t100"), null));
      docs.add(Arguments.of(via, "bare word", POD.replace("true", "yes"), null));
    }
    return docs.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("malformed")
  void malformedJsonIsASyntaxErrorWithLineAndColumn(Via via, String what, String doc, String at) {
    ReadProblem problem = onlyError(read(via, PodReader.strict(), doc), ReadRule.SYNTAX);

    assertThat(problem.message()).startsWith("malformed JSON");
    if (at != null) {
      assertThat(problem.line()).isEqualTo(lineOf(doc, at));
      assertThat(problem.column()).isEqualTo(columnOf(doc, at));
    } else {
      assertThat(problem.line()).isBetween(1, 12);
      assertThat(problem.column()).isPositive();
    }
  }

  static Stream<Arguments> nonStandardNumbers() {
    return Stream.of("NaN", "Infinity", "-Infinity", "+1")
        .flatMap(n -> Arrays.stream(Via.values()).map(v -> Arguments.of(v, n)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("nonStandardNumbers")
  void nonStandardNumberTokensAreSyntaxErrorsWithLineAndColumn(Via via, String token) {
    String doc = POD.replace("0.5", token);

    ReadResult result = read(via, PodReader.strict(), doc);

    assertThat(result.ok()).isFalse();
    assertThat(result.errors()).hasSize(1);
    ReadProblem problem = result.errors().get(0);
    assertThat(problem.rule()).isEqualTo(ReadRule.SYNTAX);
    assertThat(problem.line()).isEqualTo(7);
    assertThat(problem.column()).isBetween(columnOf(doc, token), columnOf(doc, token) + token.length());
    assertThat(problem.message()).doesNotContain(JACKSON_TEXT);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("nonStandardNumbers")
  void nonStandardNumberTokensAreReportedInPodkitsWords(Via via, String token) {
    onlyError(read(via, PodReader.strict(), POD.replace("0.5", token)), ReadRule.SYNTAX);
  }

  @Test
  void unexpectedNonLatin1CharactersAreReportedWithoutJacksonCharacterCodes() {
    for (String doc : List.of("{\"a\":1 \u20ac}", POD.replace("\"app\",", "\"app\" \u2028"),
        "{\"a\": 1 \uD83D\uDE00}")) {
      onlyError(PodReader.strict().read(doc), ReadRule.SYNTAX);
    }
  }

  // =============================================================== many problems

  private static String podWithUnknownFields(int n) {
    StringBuilder sb = new StringBuilder(POD.stripTrailing());
    sb.setLength(sb.length() - 1); // drop the closing brace
    for (int i = 0; i < n; i++) {
      sb.append(",\n  \"u").append(i).append("\": 0");
    }
    return sb.append("\n}\n").toString();
  }

  @ParameterizedTest
  @EnumSource(value = Via.class, names = {"STRING", "BYTES"})
  void tenThousandUnknownFieldsAreCappedAtMaxProblems(Via via) {
    String doc = podWithUnknownFields(10_000);
    int max = ReadLimits.DEFAULT.maxProblems();

    ReadResult strict = read(via, PodReader.strict(), doc);

    assertThat(strict.ok()).isFalse();
    assertThat(strict.errors()).hasSize(max + 1);
    assertThat(strict.errors().subList(0, max)).extracting(ReadProblem::rule).containsOnly(ReadRule.UNKNOWN_FIELD);
    ReadProblem last = strict.errors().get(max);
    assertThat(last.rule()).isEqualTo(ReadRule.TOO_MANY_PROBLEMS);
    assertThat(last.message()).contains(String.valueOf(max));
    assertThat(strict.errors().get(0).line()).isEqualTo(13);

    ReadResult lenient = read(via, PodReader.lenient(), doc);
    assertThat(lenient.errors()).isEmpty();
    assertThat(lenient.warnings()).hasSize(max);
  }

  @Test
  void aCustomProblemCapIsHonoured() {
    ReadLimits d = ReadLimits.DEFAULT;
    PodReader reader = PodReader.strict().withLimits(
        new ReadLimits(d.maxDocumentBytes(), d.maxDepth(), d.maxStringLength(), d.maxNameLength(), d.maxNumberLength(), 3));

    ReadResult result = reader.read(podWithUnknownFields(1_000));

    assertThat(result.errors()).extracting(ReadProblem::rule).containsExactly(
        ReadRule.UNKNOWN_FIELD, ReadRule.UNKNOWN_FIELD, ReadRule.UNKNOWN_FIELD, ReadRule.TOO_MANY_PROBLEMS);
  }

  @Test
  void oneHundredThousandUnknownFieldsAreCappedAndFinish() {
    String doc = podWithUnknownFields(100_000);
    assertThat(doc.length()).isLessThan(ReadLimits.DEFAULT.maxDocumentBytes());
    int max = ReadLimits.DEFAULT.maxProblems();

    ReadResult strict = PodReader.strict().read(doc);

    assertThat(strict.ok()).isFalse();
    assertThat(strict.errors()).hasSize(max + 1);
    assertThat(strict.errors().subList(0, max)).extracting(ReadProblem::rule).containsOnly(ReadRule.UNKNOWN_FIELD);
    assertThat(strict.errors().get(max).rule()).isEqualTo(ReadRule.TOO_MANY_PROBLEMS);

    ReadResult lenient = PodReader.lenient().read(doc);
    assertThat(lenient.ok()).isTrue();
    assertThat(lenient.warnings()).hasSize(max);
  }

  // =============================================================== streams and files

  @Test
  void anEndlessStreamIsNotReadPastTheLimitPlusOneByte() throws IOException {
    CountingInputStream endless = new CountingInputStream(null);

    ReadResult result = PodReader.strict().read(endless);

    ReadProblem problem = onlyError(result, ReadRule.LIMIT);
    assertThat(problem.message()).contains(String.valueOf(ReadLimits.DEFAULT.maxDocumentBytes()));
    assertThat(endless.count).isLessThanOrEqualTo(ReadLimits.DEFAULT.maxDocumentBytes() + 1L);
  }

  @Test
  void aStreamIsReadUpToExactlyASmallLimit() throws IOException {
    int limit = 1_000;
    PodReader reader = PodReader.strict().withLimits(ReadLimits.DEFAULT.withMaxDocumentBytes(limit));
    byte[] exact = (POD + " ".repeat(limit - POD.length())).getBytes(StandardCharsets.UTF_8);
    assertThat(exact).hasSize(limit);

    assertThat(reader.read(new ByteArrayInputStream(exact)).errors()).isEmpty();

    CountingInputStream over = new CountingInputStream(concat(exact, new byte[] {' '}));
    onlyError(reader.read(over), ReadRule.LIMIT);
    assertThat(over.count).isLessThanOrEqualTo(limit + 1L);

    CountingInputStream endless = new CountingInputStream(null);
    onlyError(reader.read(endless), ReadRule.LIMIT);
    assertThat(endless.count).isLessThanOrEqualTo(limit + 1L);
  }

  @Test
  void aFileOverTheLimitIsALimitError() throws IOException {
    PodReader reader = PodReader.strict().withLimits(ReadLimits.DEFAULT.withMaxDocumentBytes(100));
    Path file = Files.write(tmp.resolve("big.json"), POD.getBytes(StandardCharsets.UTF_8));

    ReadProblem problem = onlyError(reader.read(file), ReadRule.LIMIT);

    assertThat(problem.message()).contains("100");
  }

  @Test
  void theLargestDocumentLimitStillReadsStreams() throws IOException {
    // maxDocumentBytes + 1 must not overflow when read(InputStream) asks for one byte more than the limit.
    PodReader reader = PodReader.strict().withLimits(ReadLimits.DEFAULT.withMaxDocumentBytes(ReadLimits.MAX_DOCUMENT_BYTES));

    ReadResult result = reader.read(new ByteArrayInputStream(POD.getBytes(StandardCharsets.UTF_8)));

    assertThat(result.errors()).isEmpty();
  }

  // =============================================================== properties

  @Property(tries = 2000)
  void anyBytesGiveAPodOrProblems(@ForAll byte[] bytes, @ForAll boolean strict) {
    ReadResult result = (strict ? PodReader.strict() : PodReader.lenient()).read(bytes);

    assertThat(result.ok()).isEqualTo(result.errors().isEmpty());
    assertThat(result.errors()).hasSizeLessThanOrEqualTo(ReadLimits.DEFAULT.maxProblems() + 1);
  }

  @Property(tries = 2000)
  void anyStringGivesAPodOrProblems(@ForAll String json, @ForAll boolean strict) {
    ReadResult result = (strict ? PodReader.strict() : PodReader.lenient()).read(json);

    assertThat(result.ok()).isEqualTo(result.errors().isEmpty());
  }

  @Property(tries = 2000)
  void anyEditOfAValidPodGivesAPodOrProblems(
      @ForAll @IntRange(min = 0, max = 400) int at, @ForAll @IntRange(min = 0, max = 8) int delete,
      @ForAll String insert, @ForAll boolean asBytes) {
    int from = at % (POD.length() + 1);
    int to = Math.min(POD.length(), from + delete);
    String doc = POD.substring(0, from) + insert + POD.substring(to);

    ReadResult result = asBytes
        ? PodReader.strict().read(doc.getBytes(StandardCharsets.UTF_8))
        : PodReader.strict().read(doc);

    assertThat(result.ok()).isEqualTo(result.errors().isEmpty());
  }

  // =============================================================== helpers

  /** The single error of a failed read: the expected rule, in podkit's words. */
  private static ReadProblem onlyError(ReadResult result, ReadRule rule) {
    assertThat(result.ok()).as("ok, errors %s", result.errors()).isFalse();
    assertThat(result.pod()).isEmpty();
    assertThat(result.errors()).as("errors").hasSize(1);
    ReadProblem problem = result.errors().get(0);
    assertThat(problem.rule()).as("rule of %s", problem).isEqualTo(rule);
    assertHostileProblems(result);
    return problem;
  }

  /** Every error is a hostile-input problem, in podkit's words, located unless it is about size. */
  private static void assertHostileProblems(ReadResult result) {
    for (ReadProblem problem : result.errors()) {
      assertThat(problem.rule()).as("rule of %s", problem).isIn(HOSTILE_RULES);
      assertPodkitWords(problem.message());
      assertThat(problem.line()).as("line of %s", problem).isNotNegative();
      assertThat(problem.column()).as("column of %s", problem).isNotNegative();
      if (problem.rule() != ReadRule.LIMIT && problem.rule() != ReadRule.ENCODING) {
        assertThat(problem.line()).as("line of %s", problem).isPositive();
        assertThat(problem.column()).as("column of %s", problem).isPositive();
      }
    }
  }

  private static void assertPodkitWords(String message) {
    assertThat(message).as("message").isNotBlank().doesNotContain(JACKSON_TEXT);
    assertThat(JAVA_CLASS_NAME.matcher(message).find()).as("Java class name in \"%s\"", message).isFalse();
  }

  private ReadResult read(Via via, PodReader reader, String doc) {
    if (via == Via.STRING) {
      return reader.read(doc);
    }
    return readBytes(via, reader, doc.getBytes(StandardCharsets.UTF_8));
  }

  private ReadResult readBytes(Via via, PodReader reader, byte[] bytes) {
    try {
      switch (via) {
        case BYTES:
          return reader.read(bytes);
        case STREAM: {
          CountingInputStream in = new CountingInputStream(bytes);
          ReadResult result = reader.read(in);
          assertThat(in.count).as("bytes read from the stream")
              .isLessThanOrEqualTo(reader.limits().maxDocumentBytes() + 1L);
          return result;
        }
        case PATH: {
          Path file = Files.createTempFile(tmp, "pod", ".json");
          Files.write(file, bytes);
          return reader.read(file);
        }
        default:
          throw new IllegalArgumentException("read(String) needs text: " + via);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code body} on a thread with a 256 KiB stack, failing if anything (a StackOverflowError above all)
   * escapes.
   */
  private static <T> T onSmallStack(Callable<T> body) throws InterruptedException {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread thread = new Thread(null, () -> {
      try {
        result.set(body.call());
      } catch (Throwable t) {
        thrown.set(t);
      }
    }, "small-stack", 256 * 1024);
    thread.start();
    thread.join(60_000);
    assertThat(thread.isAlive()).as("still running").isFalse();
    assertThat(thrown.get()).as("thrown on a 256 KiB stack").isNull();
    return result.get();
  }

  /** The 1-based line at which a parser runs out of input {@code cut}. */
  private static int lineAtEnd(String cut) {
    return (int) cut.chars().filter(c -> c == '\n').count() + 1;
  }

  private static int lineOf(String doc, String marker) {
    int at = doc.indexOf(marker);
    assertThat(at).as("%s in document", marker).isNotNegative();
    return (int) doc.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  private static int columnOf(String doc, String marker) {
    int at = doc.indexOf(marker);
    assertThat(at).as("%s in document", marker).isNotNegative();
    return at - doc.lastIndexOf('\n', at - 1);
  }

  /** Orders (line, column) pairs. */
  private static int compare(int[] a, int[] b) {
    return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** {@code bytes} with the first occurrence of the ASCII text {@code what} replaced by {@code with}. */
  private static byte[] replace(byte[] bytes, String what, byte[] with) {
    String s = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = s.indexOf(what);
    byte[] out = new byte[bytes.length - what.length() + with.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(with, 0, out, at, with.length);
    System.arraycopy(bytes, at + what.length(), out, at + with.length, bytes.length - at - what.length());
    return out;
  }

  /** A stream over {@code bytes} (or endless spaces when {@code null}) that counts what is read from it. */
  private static final class CountingInputStream extends InputStream {
    private final byte[] bytes;
    long count;

    CountingInputStream(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      if (bytes != null && count >= bytes.length) {
        return -1;
      }
      int b = bytes == null ? ' ' : bytes[(int) count] & 0xff;
      count++;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (bytes == null) {
        Arrays.fill(b, off, off + len, (byte) ' ');
        count += len;
        return len;
      }
      if (count >= bytes.length) {
        return -1;
      }
      int n = (int) Math.min(len, bytes.length - count);
      System.arraycopy(bytes, (int) count, b, off, n);
      count += n;
      return n;
    }
  }
}
