package io.podkit.examples.framework;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads Mesos' RecordIO framing from a stream: {@code <decimal length>\n<length bytes>}, repeated.
 * The subscription stream of the v1 scheduler API ({@code SUBSCRIBE}) carries one {@code Event} per
 * record (mesos-rules.md §3b, Mesos {@code docs/recordio.md}).
 *
 * <p>Why a framework needs this and cannot read the body line by line: records are binary protobuf
 * (with {@code application/x-protobuf}) and may contain any byte, including {@code \n}; only the
 * length prefix says where a record ends. HTTP chunk boundaries carry no meaning either: a record
 * may span several chunks and a chunk may hold several records, so the reader works on the
 * de-chunked byte stream the JDK client hands over.
 *
 * <p>The reader is strict about the framing, because a framing error means the rest of the stream
 * cannot be trusted: the length must be ASCII digits followed by {@code \n} (no sign, no spaces, at
 * most 19 digits), no larger than {@code maxRecordBytes}, and the stream must not end inside a
 * record. A stream that ends exactly between records is a normal end ({@link #next()} is empty).
 * A zero length, which Mesos never sends, is read as an empty record rather than an error.
 *
 * <p>Not thread-safe: one thread reads the stream.
 */
public final class RecordIoReader {
  /** Largest record read by default: large clusters send big OFFERS events, but not this big. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;
  /** Digits of the largest 64-bit unsigned length (Mesos writes a {@code size_t}). */
  private static final int MAX_LENGTH_DIGITS = 19;

  private final InputStream in;
  private final int maxRecordBytes;
  private long recordsRead;

  /** A reader of {@code in} that accepts records up to {@link #DEFAULT_MAX_RECORD_BYTES}. */
  public RecordIoReader(InputStream in) {
    this(in, DEFAULT_MAX_RECORD_BYTES);
  }

  /** A reader of {@code in} that refuses records longer than {@code maxRecordBytes}. */
  public RecordIoReader(InputStream in, int maxRecordBytes) {
    this.in = Objects.requireNonNull(in, "in");
    if (maxRecordBytes < 1) {
      throw new IllegalArgumentException("maxRecordBytes must be at least 1, not " + maxRecordBytes);
    }
    this.maxRecordBytes = maxRecordBytes;
  }

  /**
   * The next record, blocking until it has arrived whole; empty when the stream ended cleanly
   * between two records.
   *
   * @throws IOException if reading fails, the length line is malformed or too large, or the stream
   *     ends inside a record (the message says which record and where)
   */
  public Optional<byte[]> next() throws IOException {
    long length = 0;
    int digits = 0;
    while (true) {
      int b = in.read();
      if (b == -1) {
        if (digits == 0) {
          return Optional.empty();
        }
        throw new EOFException("stream ended inside the length line of record " + (recordsRead + 1));
      }
      if (b == '\n') {
        if (digits == 0) {
          throw new IOException("record " + (recordsRead + 1) + " has an empty length line");
        }
        break;
      }
      if (b < '0' || b > '9') {
        throw new IOException("record " + (recordsRead + 1) + " has a length line with byte 0x"
            + String.format("%02x", b) + " where a decimal digit or '\\n' belongs");
      }
      if (++digits > MAX_LENGTH_DIGITS) {
        throw new IOException("record " + (recordsRead + 1) + " has a length of more than "
            + MAX_LENGTH_DIGITS + " digits");
      }
      length = length * 10 + (b - '0');
    }
    if (length > maxRecordBytes) {
      throw new IOException("record " + (recordsRead + 1) + " is " + length + " bytes long, more than the "
          + maxRecordBytes + " this reader accepts");
    }
    byte[] record = in.readNBytes((int) length);
    if (record.length < length) {
      throw new EOFException("stream ended inside record " + (recordsRead + 1) + " after " + record.length
          + " of its " + length + " bytes");
    }
    recordsRead++;
    return Optional.of(record);
  }

  /** How many whole records {@link #next()} has returned. */
  public long recordsRead() {
    return recordsRead;
  }

  /**
   * {@code record} framed as RecordIO: its length in decimal, {@code \n}, then its bytes. The
   * inverse of {@link #next()}; a fake master in a test writes its events with it.
   */
  public static byte[] frame(byte[] record) {
    byte[] prefix = (record.length + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] framed = new byte[prefix.length + record.length];
    System.arraycopy(prefix, 0, framed, 0, prefix.length);
    System.arraycopy(record, 0, framed, prefix.length, record.length);
    return framed;
  }
}
