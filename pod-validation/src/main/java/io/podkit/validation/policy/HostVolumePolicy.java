package io.podkit.validation.policy;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import io.podkit.model.Volume;
import io.podkit.validation.PodPolicy;
import io.podkit.validation.Rule;
import io.podkit.validation.Violation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Keeps pods away from the agent's file system: forbids host volumes, or allows only those under
 * listed path prefixes. Reports {@link Rule#POLICY_HOST_VOLUME} at {@code /volumes(i)/host}.
 *
 * <p>Prefixes match whole path segments: {@code /data} allows {@code /data} and {@code /data/x} but
 * not {@code /database}. Paths and prefixes are compared after lexical normalization (repeated and
 * trailing {@code /}, {@code .} and {@code ..} resolved), so {@code /data/../etc} is {@code /etc}.
 * Relative host paths (inside the executor sandbox) match only relative prefixes. Symbolic links on
 * the agent cannot be seen here. Instances are immutable and thread-safe.
 */
public final class HostVolumePolicy implements PodPolicy {
  private final List<HostPath> allowed;

  private HostVolumePolicy(List<HostPath> allowed) {
    this.allowed = ImmutableList.copyOf(allowed);
  }

  /** A policy that rejects every host volume. */
  public static HostVolumePolicy forbidAll() {
    return new HostVolumePolicy(List.of());
  }

  /**
   * A policy that allows host volumes only under {@code prefixes} (none: every host volume is
   * rejected).
   *
   * @throws IllegalArgumentException if a prefix is empty
   */
  public static HostVolumePolicy allowOnly(Collection<String> prefixes) {
    List<HostPath> out = new ArrayList<>(prefixes.size());
    for (String prefix : prefixes) {
      Objects.requireNonNull(prefix, "prefix");
      checkArgument(!prefix.isEmpty(), "a host path prefix must not be empty (use \"/\" to allow all absolute paths)");
      out.add(HostPath.parse(prefix));
    }
    return new HostVolumePolicy(out);
  }

  /** Same as {@link #allowOnly(Collection)}. */
  public static HostVolumePolicy allowOnly(String... prefixes) {
    return allowOnly(List.of(prefixes));
  }

  /** The allowed prefixes, normalized; empty when all host volumes are forbidden. */
  public List<String> allowedPrefixes() {
    return allowed.stream().map(HostPath::toString).toList();
  }

  @Override
  public List<Violation> check(Pod pod) {
    List<Violation> out = new ArrayList<>();
    for (int i = 0; i < pod.volumes().size(); i++) {
      if (pod.volumes().get(i) instanceof Volume.Host host && !isAllowed(host.host())) {
        out.add(Violation.of(Rule.POLICY_HOST_VOLUME, PodPath.of("volumes", i, "host"), message(host.host())));
      }
    }
    return out;
  }

  /** Whether this policy allows a host volume at {@code hostPath}. */
  public boolean isAllowed(String hostPath) {
    HostPath path = HostPath.parse(hostPath);
    return allowed.stream().anyMatch(path::isUnder);
  }

  private String message(String hostPath) {
    if (allowed.isEmpty()) {
      return "host volume " + hostPath + " is not allowed: this framework's policy forbids host volumes";
    }
    return "host volume " + hostPath + " is not under an allowed path prefix ("
        + allowed.stream().map(HostPath::toString).collect(Collectors.joining(", ")) + ")";
  }

  @Override
  public String toString() {
    return allowed.isEmpty() ? "HostVolumePolicy[forbid all]" : "HostVolumePolicy[allow " + allowedPrefixes() + "]";
  }

  /** A host path as its segments after lexical normalization. */
  private record HostPath(boolean absolute, List<String> segments) {
    static HostPath parse(String path) {
      boolean absolute = path.startsWith("/");
      Deque<String> out = new ArrayDeque<>();
      for (String segment : path.split("/")) {
        if (segment.isEmpty() || segment.equals(".")) {
          continue;
        }
        if (segment.equals("..")) {
          if (!out.isEmpty() && !out.peekLast().equals("..")) {
            out.removeLast();
          } else if (!absolute) {
            // A relative path may climb out of the sandbox; keep that visible. At the root, /.. is /.
            out.addLast(segment);
          }
          continue;
        }
        out.addLast(segment);
      }
      return new HostPath(absolute, List.copyOf(out));
    }

    boolean isUnder(HostPath prefix) {
      return absolute == prefix.absolute
          && segments.size() >= prefix.segments.size()
          && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    @Override
    public String toString() {
      String joined = String.join("/", segments);
      if (absolute) {
        return "/" + joined;
      }
      return joined.isEmpty() ? "." : joined;
    }
  }
}
