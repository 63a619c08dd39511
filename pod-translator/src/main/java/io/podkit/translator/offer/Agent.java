package io.podkit.translator.offer;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Objects;

/**
 * An agent as placement constraints see it: its hostname and its attributes as text (scalars in
 * Mesos' decimal form). Used for the offered agent and for the agents of the pod's running
 * instances ({@code UNIQUE}, {@code MAX_PER}, {@code GROUP_BY} count those).
 */
public record Agent(String hostname, Map<String, String> attributes) {
  public Agent {
    Objects.requireNonNull(hostname, "hostname");
    attributes = ImmutableMap.copyOf(attributes);
  }
}
