package io.podkit.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A named port of a container. {@code containerPort} is required on container networks and
 * forbidden on the host network; {@code hostPort} 0 asks for a dynamic port. Pods have no service
 * ports. The container sees its port as {@code ENDPOINT_<NAME>}.
 */
public record Endpoint(
    String name,
    Optional<Integer> containerPort,
    Optional<Integer> hostPort,
    List<String> protocol,
    Map<String, String> labels,
    List<String> networkNames) {

  public Endpoint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(containerPort, "containerPort");
    Objects.requireNonNull(hostPort, "hostPort");
    protocol = ImmutableList.copyOf(protocol);
    labels = ImmutableMap.copyOf(labels);
    networkNames = ImmutableList.copyOf(networkNames);
  }

  /**
   * The port a health check or check of this endpoint probes (translation-rules C.5): with host
   * networking, the endpoint's host port; otherwise its container port, else its host port. Empty
   * if neither is there.
   *
   * @param hostNetworking {@link Network#isHostNetworking} of the pod's networks
   * @param hostPort the endpoint's host port: the one allocated from the offer, or the one it asks for
   */
  public Optional<Integer> probedPort(boolean hostNetworking, Optional<Integer> hostPort) {
    return hostNetworking ? hostPort : containerPort.or(() -> hostPort);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * The {@code NAME} of the {@code ENDPOINT_<NAME>}, {@code EP_HOST_<NAME>} and {@code
   * EP_CONTAINER_<NAME>} variables (translation-rules C.3.6): the name in upper case, each run of
   * characters other than {@code A-Z}, {@code 0-9} and {@code _} then replaced by one {@code _}.
   */
  public String variableName() {
    return variableName(name);
  }

  /** {@link #variableName()} of an endpoint named {@code name}. */
  public static String variableName(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(upper.length());
    boolean inRun = false;
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
        out.append(c);
        inRun = false;
      } else if (!inRun) {
        out.append('_');
        inRun = true;
      }
    }
    return out.toString();
  }

  /** A builder starting from this endpoint. */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.containerPort = containerPort;
    b.hostPort = hostPort;
    b.protocol.addAll(protocol);
    b.labels.putAll(labels);
    b.networkNames.addAll(networkNames);
    return b;
  }

  /** Builds an {@link Endpoint}; unset members stay absent. */
  public static final class Builder {
    private final String name;
    private Optional<Integer> containerPort = Optional.empty();
    private Optional<Integer> hostPort = Optional.empty();
    private final List<String> protocol = new java.util.ArrayList<>();
    private final Map<String, String> labels = new java.util.LinkedHashMap<>();
    private final List<String> networkNames = new java.util.ArrayList<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder containerPort(int port) {
      this.containerPort = Optional.of(port);
      return this;
    }

    public Builder hostPort(int port) {
      this.hostPort = Optional.of(port);
      return this;
    }

    public Builder protocol(String... protocols) {
      this.protocol.addAll(List.of(protocols));
      return this;
    }

    public Builder label(String key, String value) {
      this.labels.put(key, value);
      return this;
    }

    public Builder networkName(String networkName) {
      this.networkNames.add(networkName);
      return this;
    }

    public Endpoint build() {
      return new Endpoint(name, containerPort, hostPort, protocol, labels, networkNames);
    }
  }
}
