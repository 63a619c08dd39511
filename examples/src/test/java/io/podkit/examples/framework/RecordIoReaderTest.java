package io.podkit.examples.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The RecordIO framing of the subscription stream, including the ways a stream can be broken. */
class RecordIoReaderTest {

  private static RecordIoReader reader(String text) {
    return new RecordIoReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
  }

  @Test
  void readsRecordsUntilACleanEnd() throws IOException {
    RecordIoReader reader = reader("5\nhello3\n\n\n!");
    assertThat(reader.next()).hasValueSatisfying(r -> assertThat(new String(r, StandardCharsets.US_ASCII)).isEqualTo("hello"));
    assertThat(reader.next()).hasValueSatisfying(r -> assertThat(r).containsExactly('\n', '\n', '!'));
    assertThat(reader.next()).isEmpty();
    assertThat(reader.recordsRead()).isEqualTo(2);
  }

  @Test
  void recordsMayHoldAnyByteAndArriveInPieces() throws IOException {
    byte[] binary = {0, '\n', (byte) 0xff, '7', '\n'};
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    wire.write(RecordIoReader.frame(binary));
    wire.write(RecordIoReader.frame(new byte[0]));
    // A stream that hands out one byte per read, as a slow chunked connection may.
    InputStream trickle = new ByteArrayInputStream(wire.toByteArray()) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
    RecordIoReader reader = new RecordIoReader(trickle);
    assertThat(reader.next()).hasValueSatisfying(r -> assertThat(r).containsExactly(binary));
    assertThat(reader.next()).hasValueSatisfying(r -> assertThat(r).isEmpty());
    assertThat(reader.next()).isEmpty();
  }

  @Test
  void aStreamEndingInsideARecordIsAnError() {
    assertThatThrownBy(() -> reader("10\nabc").next()).isInstanceOf(EOFException.class)
        .hasMessage("stream ended inside record 1 after 3 of its 10 bytes");
    assertThatThrownBy(() -> reader("12").next()).isInstanceOf(EOFException.class)
        .hasMessage("stream ended inside the length line of record 1");
  }

  @Test
  void aMalformedOrHugeLengthIsAnError() {
    assertThatThrownBy(() -> reader(" 5\nhello").next()).hasMessageContaining("byte 0x20");
    assertThatThrownBy(() -> reader("-1\n").next()).hasMessageContaining("byte 0x2d");
    assertThatThrownBy(() -> reader("\nx").next()).hasMessage("record 1 has an empty length line");
    assertThatThrownBy(() -> reader("12345678901234567890\n").next()).hasMessageContaining("more than 19 digits");
    assertThatThrownBy(() -> new RecordIoReader(new ByteArrayInputStream("11\nhello world".getBytes(
        StandardCharsets.US_ASCII)), 10).next()).hasMessage("record 1 is 11 bytes long, more than the 10 this reader accepts");
  }
}
