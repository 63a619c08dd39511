package io.podkit.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podkit.model.Pod;
import io.podkit.model.arbitrary.JsonArbitraries;
import io.podkit.model.arbitrary.NearValidDocuments;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The reader's contract over generated input (docs/invariants.md, I1-I3): whatever the bytes, each
 * of {@code read(String)}, {@code read(byte[])}, {@code read(InputStream)} and {@code read(Path)}
 * returns a pod or a report, and the four agree; the only exceptions that escape are the documented
 * ones (an I/O failure of the stream or file, a null argument). Where the strict reader reads a pod,
 * the lenient reader reads the same pod without warnings, and any pod read survives write → read.
 */
class ReaderContractPropertiesTest {
  private static Path dir;

  @BeforeContainer
  static void createDirectory() throws IOException {
    dir = Files.createTempDirectory("reader-contract");
  }

  @AfterContainer
  static void deleteDirectory() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  @Provide
  Arbitrary<byte[]> json() {
    return JsonArbitraries.documentBytes();
  }

  @Provide
  Arbitrary<NearValidDocuments.Document> nearValid() {
    return NearValidDocuments.documents();
  }

  @Property(tries = 200)
  void anyJsonDocumentGivesAPodOrAReportThroughEveryEntryPoint(@ForAll("json") byte[] document,
      @ForAll boolean strict) {
    allEntryPointsAgree(strict ? PodReader.strict() : PodReader.lenient(), document);
  }

  @Property(tries = 200)
  void anyDocumentOneMutationFromAPodGivesAPodOrAReportThroughEveryEntryPoint(
      @ForAll("nearValid") NearValidDocuments.Document document, @ForAll boolean strict) {
    allEntryPointsAgree(strict ? PodReader.strict() : PodReader.lenient(), document.bytes());
  }

  @Property(tries = 300)
  void whereStrictReadsAPodLenientReadsTheSamePodWithoutWarnings(
      @ForAll("nearValid") NearValidDocuments.Document document) {
    ReadResult strict = PodReader.strict().read(document.bytes());
    ReadResult lenient = PodReader.lenient().read(document.bytes());

    if (strict.ok()) {
      assertThat(lenient.pod()).isEqualTo(strict.pod());
      assertThat(lenient.warnings()).isEmpty();
      assertThat(lenient.errors()).isEmpty();
    }
    // Strict mode only adds errors, for unknown fields and duplicate keys (lenient's warnings).
    if (lenient.ok() && !strict.ok()) {
      assertThat(strict.errors()).extracting(ReadProblem::rule)
          .allMatch(r -> r == ReadRule.UNKNOWN_FIELD || r == ReadRule.DUPLICATE_KEY || r == ReadRule.TOO_MANY_PROBLEMS);
    }
  }

  @Property(tries = 300)
  void anyPodReadFromAnyDocumentSurvivesWriteThenRead(@ForAll("nearValid") NearValidDocuments.Document document) {
    Optional<Pod> pod = PodReader.lenient().read(document.bytes()).pod();

    pod.ifPresent(p -> assertThat(PodReader.strict().read(PodWriter.compact().write(p)).pod()).contains(p));
  }

  // ----------------------------------------------------------------- the documented exceptions

  @org.junit.jupiter.api.Test
  void aStreamThatFailsThrowsItsOwnIOExceptionUnwrapped() {
    IOException broken = new IOException("disk on fire");
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw broken;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        throw broken;
      }
    };

    assertThatThrownBy(() -> PodReader.strict().read(failing)).isSameAs(broken);
  }

  @org.junit.jupiter.api.Test
  void aMissingFileThrowsAnIOException(@org.junit.jupiter.api.io.TempDir Path tmp) {
    assertThatThrownBy(() -> PodReader.strict().read(tmp.resolve("no-such-pod.json")))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
  }

  @org.junit.jupiter.api.Test
  void nullArgumentsThrowNullPointerException() {
    assertThatThrownBy(() -> PodReader.strict().read((String) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> PodReader.strict().read((byte[]) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> PodReader.strict().read((InputStream) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> PodReader.strict().read((Path) null)).isInstanceOf(NullPointerException.class);
  }

  // ----------------------------------------------------------------- helpers

  /**
   * Reads {@code document} through the four entry points: none throws, each result is consistent,
   * and all agree (read(String) gets the UTF-8 text, when the bytes are UTF-8).
   */
  private static void allEntryPointsAgree(PodReader reader, byte[] document) {
    ReadResult bytes = reader.read(document);
    ReadResult stream;
    ReadResult file;
    try {
      stream = reader.read(new ByteArrayInputStream(document));
      Path p = Files.createTempFile(dir, "doc", ".json");
      Files.write(p, document);
      file = reader.read(p);
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (ReadResult r : List.of(bytes, stream, file)) {
      assertThat(r.ok()).isEqualTo(r.errors().isEmpty());
      assertThat(r.errors()).hasSizeLessThanOrEqualTo(reader.limits().maxProblems() + 1);
    }
    for (ReadResult other : List.of(stream, file)) {
      assertThat(other.pod()).isEqualTo(bytes.pod());
      assertThat(other.errors()).isEqualTo(bytes.errors());
      assertThat(other.warnings()).isEqualTo(bytes.warnings());
    }
    String text = new String(document, StandardCharsets.UTF_8);
    if (java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), document)) {
      ReadResult string = reader.read(text);
      assertThat(string.pod()).isEqualTo(bytes.pod());
      assertThat(string.errors()).extracting(ReadProblem::rule)
          .containsExactlyElementsOf(bytes.errors().stream().map(ReadProblem::rule).toList());
    }
  }
}
