package io.podkit.model.json;

import io.podkit.model.PodPath;
import io.podkit.model.json.JsonValue.JArray;
import io.podkit.model.json.JsonValue.JObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Where each part of a read document is, so that problems found later (by the validator, say) can
 * be reported with a line and column like the reader's own. A path that does not exist in the
 * document (a missing member) is placed at its nearest enclosing value that does.
 */
public final class SourceMap {
  /** A map that knows no positions: for pods that did not come from a document. */
  public static final SourceMap EMPTY = new SourceMap(null);

  private final JObject root;

  SourceMap(JObject root) {
    this.root = root;
  }

  /** A 1-based line and column in the document. */
  public record Position(int line, int column) {}

  /**
   * The position of {@code path}: of its member's key when it names an object member, else of its
   * value; for a path absent from the document, the position of its nearest present ancestor.
   */
  public Optional<Position> positionOf(PodPath path) {
    if (root == null) {
      return Optional.empty();
    }
    Deque<PodPath> segments = new ArrayDeque<>();
    for (PodPath p = path; !p.isRoot(); p = p.parent()) {
      segments.addFirst(p);
    }
    JsonValue current = root;
    Position position = new Position(root.line(), root.column());
    for (PodPath segment : segments) {
      String field = segment.lastField();
      if (field != null && current instanceof JObject o) {
        int i = o.indexOf(field);
        if (i < 0) {
          break;
        }
        JsonValue.KeyLocation key = o.key(i);
        position = new Position(key.line(), key.column());
        current = o.value(i);
      } else if (field == null && current instanceof JArray a) {
        int index = indexOf(segment);
        if (index < 0 || index >= a.items().size()) {
          break;
        }
        current = a.items().get(index);
        position = new Position(current.line(), current.column());
      } else {
        break;
      }
    }
    return Optional.of(position);
  }

  /** The array index a path segment names, read from its pointer's last token. */
  private static int indexOf(PodPath segment) {
    String pointer = segment.pointer();
    try {
      return Integer.parseInt(pointer.substring(pointer.lastIndexOf('/') + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
