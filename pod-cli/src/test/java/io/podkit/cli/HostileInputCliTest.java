package io.podkit.cli;

import static io.podkit.cli.Cli.podctl;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input audit, end to end through {@code podctl} (docs/invariants.md, I14; the README's
 * "Robustness" limits): sizes, depths, numbers, Unicode, duplicate keys, byte order marks, CRLF, very
 * many containers, endpoints and environment variables, special files. Whatever the file, podctl
 * answers with a documented exit code, never a stack trace (not even one logged by a library), and
 * its text output keeps one problem per line with no control characters a terminal would obey.
 */
class HostileInputCliTest {
  private static final Duration QUICKLY = Duration.ofSeconds(60);
  private static final String CONTAINER = "{\"name\": \"c%d\", \"resources\": {\"cpus\": 0.01, \"mem\": 1}%s}";

  @TempDir
  Path dir;

  /** Everything logged at WARNING or above while podctl runs (protobuf logs, and prints, a stack trace). */
  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler recorder = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        synchronized (logged) {
          logged.add(record);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void listen() {
    Logger.getLogger("").addHandler(recorder);
  }

  @AfterEach
  void noLibraryComplained() {
    Logger.getLogger("").removeHandler(recorder);
    assertThat(logged).extracting(r -> r.getLoggerName() + ": " + r.getMessage()).isEmpty();
  }

  private static String pod(String podMembers, String containerMembers) {
    return "{\"id\": \"/hostile\", " + podMembers + (podMembers.isEmpty() ? "" : ", ") + "\"containers\": ["
        + String.format(CONTAINER, 0, containerMembers.isEmpty() ? "" : ", " + containerMembers) + "]}";
  }

  private static String many(String format, int n, String separator) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : separator).append(String.format(format, i, ""));
    }
    return sb.toString();
  }

  /** Name, document, whether the pod is valid. */
  static Stream<Arguments> documents() {
    List<Arguments> docs = new ArrayList<>();
    docs.add(Arguments.of("a number past double (1e400)", pod("", "\"lifecycle\": {\"killGracePeriodSeconds\": 1e400}").getBytes(StandardCharsets.UTF_8), false));
    docs.add(Arguments.of("a host port of 2^63", pod("", "\"endpoints\": [{\"name\": \"e\", \"hostPort\": 9223372036854775808}]").getBytes(StandardCharsets.UTF_8), false));
    docs.add(Arguments.of("minus zero", pod("", "\"lifecycle\": {\"killGracePeriodSeconds\": -0}").getBytes(StandardCharsets.UTF_8), true));
    docs.add(Arguments.of("NaN as a string", pod("", "\"lifecycle\": {\"killGracePeriodSeconds\": \"NaN\"}").getBytes(StandardCharsets.UTF_8), false));
    docs.add(Arguments.of("a 65-digit number", pod("", "\"lifecycle\": {\"killGracePeriodSeconds\": " + "9".repeat(65) + "}").getBytes(StandardCharsets.UTF_8), false));
    docs.add(Arguments.of("a name with a combining mark", pod("", "").replace("\"c0\"", "\"e\u0301\"").getBytes(StandardCharsets.UTF_8), false));
    docs.add(Arguments.of("a right-to-left name", pod("", "").replace("\"c0\"", "\"\u05e9\u05dc\u05d5\u05dd\"").getBytes(StandardCharsets.UTF_8), false));
    docs.add(Arguments.of("a name with NUL", pod("", "").replace("\"c0\"", "\"c\\u0000\"").getBytes(StandardCharsets.UTF_8), false));
    docs.add(Arguments.of("an RTL override and NUL in values", pod("\"labels\": {\"a\": \"\u202e\\u0000x\"}", "\"environment\": {\"A\": \"\u202e\u05e9\\u0000\"}").getBytes(StandardCharsets.UTF_8), true));
    docs.add(Arguments.of("an unpaired surrogate", pod("", "\"environment\": {\"A\": \"\\ud800\"}").getBytes(StandardCharsets.UTF_8), false));
    docs.add(Arguments.of("escape sequences in keys", pod("", "\"environment\": {\"A\\nB\\u001b[2J\": \"x\", \"C\\u202e\": \"y\"}").getBytes(StandardCharsets.UTF_8), false));
    docs.add(Arguments.of("a duplicate key", pod("\"id\": \"/again\"", "").getBytes(StandardCharsets.UTF_8), false));
    docs.add(Arguments.of("a UTF-8 byte order mark", concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, pod("", "").getBytes(StandardCharsets.UTF_8)), true));
    docs.add(Arguments.of("CRLF line endings", pod("", "").replace(", ", ",\r\n").getBytes(StandardCharsets.UTF_8), true));
    docs.add(Arguments.of("UTF-16 with a byte order mark", ("\ufeff" + pod("", "")).getBytes(StandardCharsets.UTF_16LE), true));
    docs.add(Arguments.of("nesting 10,000 deep", pod("", "\"labels\": " + "[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8), false));
    docs.add(Arguments.of("a 2 MiB string", pod("", "\"labels\": {\"a\": \"" + "x".repeat(2 << 20) + "\"}").getBytes(StandardCharsets.UTF_8), false));
    docs.add(Arguments.of("a 5 MiB document", pod("", "\"labels\": {" + many("\"k%d\": \"%s" + "v".repeat(90) + "\"", 50_000, ", ") + "}").getBytes(StandardCharsets.UTF_8), false));
    docs.add(Arguments.of("binary", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe}, false));
    docs.add(Arguments.of("2,000 containers", ("{\"id\": \"/hostile\", \"containers\": [" + many(CONTAINER, 2_000, ", ") + "]}").getBytes(StandardCharsets.UTF_8), true));
    // Valid, but 5,000 dynamic host ports do not fit the built-in offer's 1,001: translate exits 3.
    docs.add(Arguments.of("5,000 endpoints", pod("", "\"endpoints\": [" + many("{\"name\": \"e%d\"%s}", 5_000, ", ") + "]").getBytes(StandardCharsets.UTF_8), true));
    docs.add(Arguments.of("20,000 environment variables", pod("", "\"environment\": {" + many("\"V%d\": \"x%s\"", 20_000, ", ") + "}").getBytes(StandardCharsets.UTF_8), true));
    return docs.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void validateAnswersWithAnExitCodeAndOneLinePerProblem(String what, byte[] document, boolean valid) throws IOException {
    Path file = Files.write(dir.resolve("pod.json"), document);

    Cli.Run text = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(QUICKLY,
        () -> podctl("validate", file.toString()));
    Cli.Run json = podctl("validate", "--output", "json", file.toString());

    assertThat(text.exit()).as("%s: %s", what, text.out()).isEqualTo(valid ? 0 : 1);
    assertThat(json.exit()).isEqualTo(text.exit());
    assertThat(text.err()).isEmpty();
    JsonObject report = JsonParser.parseString(json.out()).getAsJsonObject();
    int problems = report.getAsJsonArray("errors").size() + report.getAsJsonArray("warnings").size();
    assertThat(text.out().lines()).as("one line per problem, then the summary").hasSize(problems + 1);
    assertPrintable(text.out());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void translateAnswersWithAnExitCodeAndValidJson(String what, byte[] document, boolean valid) throws IOException {
    Path file = Files.write(dir.resolve("pod.json"), document);

    Cli.Run run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(QUICKLY,
        () -> podctl("translate", "--instance-uuid", Cli.UUID, file.toString()));

    // Valid, but 5,000 dynamic host ports do not fit the built-in offer's 1,001 ports: exit 3.
    boolean fits = !what.equals("5,000 endpoints");
    assertThat(run.exit()).as("%s: %s", what, run.err()).isEqualTo(!valid ? 1 : fits ? 0 : 3);
    if (run.exit() == 0) {
      assertThat(JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("operations")).hasSize(1);
    } else {
      assertThat(run.out()).isEmpty();
      assertPrintable(run.err());
    }
  }

  @Test
  void envPrintsEveryValueOnOneLineWithoutEscapeSequences() throws IOException {
    Path file = Files.writeString(dir.resolve("pod.json"),
        pod("", "\"environment\": {\"A\": \"line1\\nline2\\u001b[2J\\u009b\\u202e\", \"B\": \"\u05e9\u05dc\u05d5\u05dd\"}"));

    Cli.Run run = podctl("env", file.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("line1\\nline2\\u001b[2J\\u009b\\u202e").contains("\u05e9\u05dc\u05d5\u05dd");
    assertPrintable(run.out());
  }

  static Stream<Arguments> hostileOffers() {
    return Stream.of(
        Arguments.of("nested 10,000 deep", ("{\"a\":" .repeat(10_000) + "1" + "}".repeat(10_000)).getBytes(StandardCharsets.UTF_8)),
        Arguments.of("binary", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, (byte) 0xff}),
        Arguments.of("not an offer", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8)),
        Arguments.of("an unknown field", "{\"id\": {\"value\": \"o\"}, \"bogus\": 1}".getBytes(StandardCharsets.UTF_8)),
        Arguments.of("a 17 MiB offer", ("{\"hostname\": \"" + "h".repeat(17 << 20) + "\"}").getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileOffers")
  void aHostileOfferFileIsAUsageError(String what, byte[] offer) throws IOException {
    Path file = Files.write(dir.resolve("offer.json"), offer);

    Cli.Run run = podctl("translate", "--offer", file.toString(), Cli.WEB.toString());

    assertThat(run.exit()).as("%s: %s", what, run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void specialFilesAreReadNoFurtherThanTheLimits() {
    Path zero = Path.of("/dev/zero");
    Assumptions.assumeTrue(Files.isReadable(zero), "no /dev/zero here");

    Cli.Run pod = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(QUICKLY,
        () -> podctl("validate", zero.toString()));
    Cli.Run offer = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(QUICKLY,
        () -> podctl("translate", "--offer", zero.toString(), Cli.WEB.toString()));

    assertThat(pod.exit()).isEqualTo(1);
    assertThat(pod.out()).contains("larger than 4194304 bytes");
    assertThat(offer.exit()).isEqualTo(2);
    assertThat(offer.err()).contains("larger than");
  }

  /** No control character but the line breaks between lines, no bidirectional override. */
  private static void assertPrintable(String output) {
    for (String line : output.lines().toList()) {
      assertThat(line.chars().filter(c -> c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f
          || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x2028 || c == 0x2029))
          .as("control characters in %s", line.length() > 200 ? line.substring(0, 200) : line).isEmpty();
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
