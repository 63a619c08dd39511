package io.podkit.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads pod definitions in Marathon's JSON format.
 *
 * <p>{@link #strict()} (the default for pods people write) rejects unknown fields, naming the closest
 * known one ("did you mean \"containers\"?"); {@link #lenient()} ignores them with a warning, for
 * documents a Marathon server returns. In both modes fields pods do not support (readiness checks,
 * service ports, ...) are errors that name the limitation, {@code null} means absent, enum values are
 * matched case-insensitively, and there are no silent fallbacks: a value of the wrong type or a
 * union with bad contents is an error, never a default.
 *
 * <p>Every error the document has is reported at once, each with path, line and column; only a
 * syntax error stops reading early. Hostile input is bounded by {@link ReadLimits}. No exception
 * escapes {@code read} for any input bytes; only I/O failures of a file or stream are thrown.
 *
 * <p>Instances are immutable and thread-safe; share them.
 */
public final class PodReader {
  private static final PodReader STRICT = new PodReader(true, ReadLimits.DEFAULT);
  private static final PodReader LENIENT = new PodReader(false, ReadLimits.DEFAULT);

  private final boolean strict;
  private final ReadLimits limits;
  private final JsonFactory factory;

  private PodReader(boolean strict, ReadLimits limits) {
    this.strict = strict;
    this.limits = limits;
    this.factory = LocatedTreeBuilder.factory(limits);
  }

  /** Unknown fields are errors. */
  public static PodReader strict() {
    return STRICT;
  }

  /** Unknown fields are ignored and reported as warnings (Marathon's behaviour, made visible). */
  public static PodReader lenient() {
    return LENIENT;
  }

  /** This reader with other limits. */
  public PodReader withLimits(ReadLimits newLimits) {
    return new PodReader(strict, Objects.requireNonNull(newLimits, "limits"));
  }

  public boolean isStrict() {
    return strict;
  }

  public ReadLimits limits() {
    return limits;
  }

  /** Reads a document given as text. */
  public ReadResult read(String json) {
    Objects.requireNonNull(json, "json");
    Problems problems = new Problems(limits.maxProblems());
    return finish(LocatedTreeBuilder.parse(factory, limits, json, problems), problems);
  }

  /** Reads a document given as bytes (UTF-8, or UTF-16/32 detected from the bytes). */
  public ReadResult read(byte[] json) {
    Objects.requireNonNull(json, "json");
    Problems problems = new Problems(limits.maxProblems());
    return finish(LocatedTreeBuilder.parse(factory, limits, json, problems), problems);
  }

  /**
   * Reads a file. A file over the size limit is reported without being read; a file whose size is
   * not known in advance ({@code /dev/zero}, a pipe) is read no further than the limit plus one byte,
   * as a stream is.
   *
   * @throws IOException if the file cannot be read
   */
  public ReadResult read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > limits.maxDocumentBytes()) {
      return tooLarge(size);
    }
    // Not Files.readAllBytes: special files report size 0 and would be read without end.
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /**
   * Reads a stream to its end, but never more than the size limit plus one byte.
   *
   * @throws IOException if the stream fails
   */
  public ReadResult read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(limits.maxDocumentBytes() + 1);
    if (bytes.length > limits.maxDocumentBytes()) {
      return tooLarge(bytes.length);
    }
    return read(bytes);
  }

  /** Reads {@code json} or throws a {@link PodReadException} listing every error. */
  public Pod readOrThrow(String json) {
    return read(json).orElseThrow();
  }

  private ReadResult tooLarge(long size) {
    Problems problems = new Problems(1);
    problems.error(ReadRule.LIMIT, PodPath.root(), 1, 1, "the document is " + (size > limits.maxDocumentBytes()
        ? "larger than " + limits.maxDocumentBytes() + " bytes, the limit" : size + " bytes"));
    return new ReadResult(Optional.empty(), problems.errors(), problems.warnings());
  }

  private ReadResult finish(JsonValue.JObject root, Problems problems) {
    Pod pod = null;
    if (root != null) {
      pod = new PodTreeReader(problems, strict).pod(root, PodPath.root());
    }
    if (problems.errorCount() > 0) {
      pod = null;
    }
    return new ReadResult(Optional.ofNullable(pod), problems.errors(), problems.warnings(),
        root == null ? SourceMap.EMPTY : new SourceMap(root));
  }
}
