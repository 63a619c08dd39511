package io.podkit.validation;

import io.podkit.model.Container;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pod's identity: the id as Marathon's {@code PathId} reads it (V-01..V-05) and unique container
 * names (V-15). The character pattern of the raw id string belongs to {@link FieldConstraints};
 * these rules look at the id's segments, which is where Marathon finds reserved words and
 * {@code ..} escapes.
 */
final class PodRules implements RuleGroup {
  private static final PodPath ID = PodPath.of("id");
  private static final PodPath CONTAINERS = PodPath.of("containers");

  private static final Set<String> RESERVED = Set.of("restart", "tasks", "versions", ".", "..");

  @Override
  public void check(Pod pod, Findings findings) {
    checkId(pod.id(), findings);
    checkContainerNames(pod, findings);
  }

  private static void checkId(String id, Findings findings) {
    PathId path = PathId.parse(id);
    // V-01
    if (path.segments().isEmpty()) {
      findings.add(Rule.ID_NOT_EMPTY, ID);
    }
    // V-02
    if (!path.absolute()) {
      findings.add(Rule.ID_ABSOLUTE, ID);
    }
    // V-03
    if (!path.segments().stream().allMatch(PodIds::isSegment)) {
      findings.add(Rule.ID_SEGMENT, ID);
    }
    // V-04
    if (!path.segments().isEmpty() && RESERVED.contains(path.segments().get(path.segments().size() - 1))) {
      findings.add(Rule.ID_RESERVED, ID);
    }
    // V-05: resolving the id against its own parent must give that parent back; only an absolute
    // parent is checked (Marathon's PathId.childOf), and any '.' or '..' segment breaks it
    PathId parent = path.parent();
    if (parent.absolute() && !path.canonical().parent().equals(parent)) {
      findings.add(Rule.ID_NOT_CHILD, ID, parent);
    }
  }

  private static void checkContainerNames(Pod pod, Findings findings) {
    // V-15
    Set<String> seen = new HashSet<>();
    for (Container c : pod.containers()) {
      if (!seen.add(c.name())) {
        findings.add(Rule.CONTAINER_NAMES_UNIQUE, CONTAINERS);
        return;
      }
    }
  }

  /**
   * A pod id as Marathon's {@code PathId} sees it: leading and trailing slashes stripped, empty
   * segments dropped, absolute when the text starts with {@code /}.
   */
  private record PathId(List<String> segments, boolean absolute) {
    private static final PathId ROOT = new PathId(List.of(), true);

    static PathId parse(String text) {
      return new PathId(List.copyOf(Pod.idSegments(text)), text.startsWith("/"));
    }

    /** Marathon's parent: the root for zero or one segment (even for a relative id), else the prefix. */
    PathId parent() {
      if (segments.size() <= 1) {
        return ROOT;
      }
      return new PathId(segments.subList(0, segments.size() - 1), absolute);
    }

    /** The id with {@code .} and {@code ..} resolved, relative ids taken from the root. */
    PathId canonical() {
      List<String> out = new ArrayList<>();
      for (String s : segments) {
        if (s.equals(".")) {
          continue;
        }
        if (s.equals("..")) {
          if (!out.isEmpty()) {
            out.remove(out.size() - 1);
          }
          continue;
        }
        out.add(s);
      }
      return new PathId(List.copyOf(out), true);
    }

    @Override
    public String toString() {
      return absolute ? "/" + String.join("/", segments) : String.join("/", segments);
    }
  }
}
