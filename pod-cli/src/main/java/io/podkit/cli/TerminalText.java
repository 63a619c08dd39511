package io.podkit.cli;

/**
 * Text from a pod file made safe to print on one line of a terminal. A pod's keys and values may hold
 * anything JSON can spell: line breaks (which would split one problem over two lines of
 * {@code validate}'s output), escape sequences (which a terminal would obey) and bidirectional
 * overrides (which reorder what is shown). Those are printed as {@code \n}, {@code \r}, {@code \t}
 * and {@code \\u} with four hex digits; everything else, letters of every script included, is
 * printed as it is.
 */
final class TerminalText {
  private TerminalText() {}

  /** {@code text} with line breaks, control characters and bidirectional controls escaped. */
  static String escape(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = replacement(c);
      if (replacement == null) {
        if (sb != null) {
          sb.append(c);
        }
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      sb.append(replacement);
    }
    return sb == null ? text : sb.toString();
  }

  private static String replacement(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        break;
    }
    boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
    boolean lineSeparator = c == '\u2028' || c == '\u2029';
    boolean bidi = c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    return control || lineSeparator || bidi ? String.format("\\u%04x", (int) c) : null;
  }
}
