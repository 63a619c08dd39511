package io.podkit.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * A location inside a pod definition, printed two ways: in Marathon's syntax
 * ({@code /containers(0)/endpoints(1)/name}), which users of Marathon know from its error reports,
 * and as an RFC 6901 JSON pointer ({@code /containers/0/endpoints/1/name}), which tools understand.
 *
 * <p>Paths are immutable and share their parents, so descending costs one small object.
 */
public final class PodPath {
  private static final PodPath ROOT = new PodPath(null, null, -1);

  private final PodPath parent;
  private final String field;
  private final int index;

  private PodPath(PodPath parent, String field, int index) {
    this.parent = parent;
    this.field = field;
    this.index = index;
  }

  /** The path of the whole document. */
  public static PodPath root() {
    return ROOT;
  }

  /** Builds a path from field names and indexes, e.g. {@code of("containers", 0, "name")}. */
  public static PodPath of(Object... segments) {
    PodPath path = ROOT;
    for (Object segment : segments) {
      if (segment instanceof Integer i) {
        path = path.index(i);
      } else if (segment instanceof String s) {
        path = path.field(s);
      } else {
        throw new IllegalArgumentException("segments are field names or indexes, got " + segment);
      }
    }
    return path;
  }

  /** The path of a member of the object at this path. */
  public PodPath field(String name) {
    return new PodPath(this, Objects.requireNonNull(name, "name"), -1);
  }

  /** The path of an element of the array at this path. */
  public PodPath index(int i) {
    if (i < 0) {
      throw new IllegalArgumentException("index must be >= 0: " + i);
    }
    return new PodPath(this, null, i);
  }

  /** The enclosing path, or the root itself for the root. */
  public PodPath parent() {
    return parent == null ? this : parent;
  }

  public boolean isRoot() {
    return parent == null;
  }

  /** The last field name of this path, or {@code null} if the path ends in an index or is the root. */
  public String lastField() {
    return field;
  }

  /** Marathon's syntax: fields separated by {@code /}, array indexes in parentheses; the root is {@code /}. */
  public String marathon() {
    if (isRoot()) {
      return "/";
    }
    StringBuilder sb = new StringBuilder();
    for (PodPath p : segments()) {
      if (p.field != null) {
        sb.append('/').append(p.field);
      } else {
        sb.append('(').append(p.index).append(')');
      }
    }
    return sb.toString();
  }

  /** RFC 6901 JSON pointer; the root is the empty string. */
  public String pointer() {
    StringBuilder sb = new StringBuilder();
    for (PodPath p : segments()) {
      sb.append('/');
      if (p.field != null) {
        sb.append(p.field.replace("~", "~0").replace("/", "~1"));
      } else {
        sb.append(p.index);
      }
    }
    return sb.toString();
  }

  private Deque<PodPath> segments() {
    Deque<PodPath> out = new ArrayDeque<>();
    for (PodPath p = this; p.parent != null; p = p.parent) {
      out.addFirst(p);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PodPath other)) {
      return false;
    }
    return index == other.index && Objects.equals(field, other.field) && Objects.equals(parent, other.parent);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parent, field, index);
  }

  /** Marathon's syntax. */
  @Override
  public String toString() {
    return marathon();
  }
}
