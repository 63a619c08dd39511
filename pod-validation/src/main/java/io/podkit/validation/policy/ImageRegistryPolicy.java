package io.podkit.validation.policy;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSet;
import io.podkit.model.Container;
import io.podkit.model.Pod;
import io.podkit.model.PodPath;
import io.podkit.validation.PodPolicy;
import io.podkit.validation.Rule;
import io.podkit.validation.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Allows container images only from listed registries. Reports {@link Rule#POLICY_IMAGE_REGISTRY} at
 * {@code /containers(i)/image/id}; containers without an image pass.
 *
 * <p>The registry of an image reference is found as Docker finds it: the part before the first
 * {@code /} if that part contains {@code .} or {@code :}, is {@code localhost}, or has an upper-case
 * letter (repository paths are lower case); otherwise the image is on Docker Hub, {@code docker.io}.
 * So {@code nginx} and {@code library/nginx} are {@code docker.io}, {@code quay.io/x/y:1} is
 * {@code quay.io}, {@code localhost:5000/x} is {@code localhost:5000}. Docker's legacy name
 * {@code index.docker.io} means {@code docker.io}. Registries compare ignoring case (host names do).
 * Instances are immutable and thread-safe.
 */
public final class ImageRegistryPolicy implements PodPolicy {
  /** Docker Hub, the registry of images that name none. */
  public static final String DOCKER_HUB = "docker.io";

  private static final String LEGACY_DOCKER_HUB = "index.docker.io";

  private final Set<String> allowed;

  private ImageRegistryPolicy(Set<String> allowed) {
    this.allowed = ImmutableSet.copyOf(allowed);
  }

  /**
   * A policy that allows images only from {@code registries}, e.g. {@code "docker.io"},
   * {@code "registry.example.com:443"} (none: every image is rejected).
   *
   * @throws IllegalArgumentException if a registry is empty or contains {@code /}
   */
  public static ImageRegistryPolicy allowOnly(Collection<String> registries) {
    Set<String> out = new LinkedHashSet<>();
    for (String registry : registries) {
      Objects.requireNonNull(registry, "registry");
      checkArgument(!registry.isEmpty() && registry.indexOf('/') < 0,
          "a registry is a host with an optional port, such as quay.io or localhost:5000, got '%s'", registry);
      out.add(canonical(registry));
    }
    return new ImageRegistryPolicy(out);
  }

  /** Same as {@link #allowOnly(Collection)}. */
  public static ImageRegistryPolicy allowOnly(String... registries) {
    return allowOnly(List.of(registries));
  }

  /** The allowed registries, lower case, in the order given. */
  public Set<String> allowedRegistries() {
    return allowed;
  }

  /** The registry an image reference pulls from, e.g. {@code docker.io} for {@code nginx:1.27}. */
  public static String registryOf(String imageId) {
    int slash = imageId.indexOf('/');
    if (slash < 0) {
      return DOCKER_HUB;
    }
    String first = imageId.substring(0, slash);
    boolean host = first.indexOf('.') >= 0 || first.indexOf(':') >= 0 || first.equals("localhost")
        || !first.toLowerCase(Locale.ROOT).equals(first);
    if (!host) {
      return DOCKER_HUB;
    }
    return first.equalsIgnoreCase(LEGACY_DOCKER_HUB) ? DOCKER_HUB : first;
  }

  @Override
  public List<Violation> check(Pod pod) {
    List<Violation> out = new ArrayList<>();
    for (int i = 0; i < pod.containers().size(); i++) {
      Container c = pod.containers().get(i);
      if (c.image().isEmpty()) {
        continue;
      }
      String id = c.image().get().id();
      String registry = registryOf(id);
      if (!allowed.contains(canonical(registry))) {
        out.add(Violation.of(Rule.POLICY_IMAGE_REGISTRY, PodPath.of("containers", i, "image", "id"),
            "image " + id + " comes from registry " + registry + ", which is not allowed (allowed: "
                + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ")"));
      }
    }
    return out;
  }

  private static String canonical(String registry) {
    String lower = registry.toLowerCase(Locale.ROOT);
    return lower.equals(LEGACY_DOCKER_HUB) ? DOCKER_HUB : lower;
  }

  @Override
  public String toString() {
    return "ImageRegistryPolicy[allow " + allowed + "]";
  }
}
