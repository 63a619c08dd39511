package io.podkit.model.json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a JSON document's bytes to text before parsing, so that every column podkit reports counts
 * characters (Jackson's byte parser counts bytes). The encoding is found as RFC 4627 says: a byte
 * order mark, else the pattern of zero bytes in the first four; UTF-8 otherwise.
 */
final class TextDecoding {
  private TextDecoding() {}

  /** The decoded text, without byte order mark. */
  record Decoded(String text) {}

  /** Why the bytes are not text. */
  record NotText(String reason) {}

  /** Either {@link Decoded} or {@link NotText}. */
  static Object decode(byte[] b) {
    int bomLength = 0;
    Charset charset = StandardCharsets.UTF_8;
    if (starts(b, 0xEF, 0xBB, 0xBF)) {
      bomLength = 3;
    } else if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
      charset = Charset.forName("UTF-32BE");
      bomLength = 4;
    } else if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
      charset = Charset.forName("UTF-32LE");
      bomLength = 4;
    } else if (starts(b, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      bomLength = 2;
    } else if (starts(b, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      bomLength = 2;
    } else if (b.length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
      charset = Charset.forName("UTF-32BE");
    } else if (b.length >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
      charset = Charset.forName("UTF-32LE");
    } else if (b.length >= 2 && b[0] == 0 && b[1] != 0) {
      charset = StandardCharsets.UTF_16BE;
    } else if (b.length >= 2 && b[0] != 0 && b[1] == 0) {
      charset = StandardCharsets.UTF_16LE;
    }
    if (charset == StandardCharsets.UTF_8) {
      for (int i = bomLength; i < b.length; i++) {
        if (b[i] == 0) {
          return new NotText("the document is binary, not JSON text (NUL byte at offset " + i + ")");
        }
      }
    }
    try {
      String text = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, bomLength, b.length - bomLength))
          .toString();
      return new Decoded(text);
    } catch (CharacterCodingException e) {
      return new NotText("the document is not valid " + charset.name() + " text (a binary file?)");
    }
  }

  private static boolean starts(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
