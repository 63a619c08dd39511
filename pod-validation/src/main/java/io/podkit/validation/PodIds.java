package io.podkit.validation;

/**
 * Marathon's pod-id syntax, written out as plain code: its regular expressions have nested groups
 * that overflow the stack on ids of a few thousand characters.
 */
final class PodIds {
  private PodIds() {}

  /**
   * Whether {@code id} matches Marathon's {@code PathId} pattern (pod-schema.md §0): {@code /}-separated
   * parts, each empty, {@code ..}, or dot-separated labels of lower-case letters, digits and inner
   * {@code -}. Written out rather than run as that regex, whose nested groups overflow the stack
   * on ids of a few thousand characters. {@code ""} matches; R-01's minLength 1 is a separate check.
   */
  static boolean isPathId(String id) {
    int start = 0;
    while (true) {
      int slash = id.indexOf('/', start);
      int end = slash < 0 ? id.length() : slash;
      if (!isPathIdPart(id, start, end)) {
        return false;
      }
      if (slash < 0) {
        return true;
      }
      start = slash + 1;
    }
  }

  private static boolean isPathIdPart(String s, int from, int to) {
    if (from == to || (to - from == 2 && s.charAt(from) == '.' && s.charAt(from + 1) == '.')) {
      return true;
    }
    int labelStart = from;
    for (int i = from; i <= to; i++) {
      if (i == to || s.charAt(i) == '.') {
        if (!isLabel(s, labelStart, i)) {
          return false;
        }
        labelStart = i + 1;
      }
    }
    return true;
  }

  private static boolean isLabel(String s, int from, int to) {
    if (from == to || !isLowerAlnum(s.charAt(from)) || !isLowerAlnum(s.charAt(to - 1))) {
      return false;
    }
    for (int i = from + 1; i < to - 1; i++) {
      char c = s.charAt(i);
      if (!isLowerAlnum(c) && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /**
   * Whether {@code segment} fully matches Marathon's {@code PathId.ID_PATH_SEGMENT_PATTERN}:
   * dot-separated labels, or {@code .} or {@code ..} (V-03).
   */
  static boolean isSegment(String segment) {
    return segment.equals(".") || (!segment.isEmpty() && isPathIdPart(segment, 0, segment.length()));
  }
}
