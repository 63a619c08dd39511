package io.podkit.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link HealthCheck} or {@link Check} probes: an HTTP endpoint, a TCP endpoint, or a command.
 * In JSON exactly one of {@code http}, {@code tcp}, {@code exec} is present. Endpoints are named,
 * and must belong to the same container.
 */
public sealed interface CheckKind permits CheckKind.Http, CheckKind.Tcp, CheckKind.Exec {

  static Http http(String endpoint, String path) {
    return new Http(endpoint, Optional.of(path), Optional.empty());
  }

  static Tcp tcp(String endpoint) {
    return new Tcp(endpoint);
  }

  static Exec exec(Command command) {
    return new Exec(command);
  }

  /** An HTTP(S) GET of {@code path} on the named endpoint; 2xx/3xx is healthy. */
  record Http(String endpoint, Optional<String> path, Optional<HttpScheme> scheme) implements CheckKind {
    public static final HttpScheme DEFAULT_SCHEME = HttpScheme.HTTP;

    public Http {
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(scheme, "scheme");
    }

    public HttpScheme schemeOrDefault() {
      return scheme.orElse(DEFAULT_SCHEME);
    }
  }

  /** A TCP connect to the named endpoint. */
  record Tcp(String endpoint) implements CheckKind {
    public Tcp {
      Objects.requireNonNull(endpoint, "endpoint");
    }
  }

  /** A command run in the container; exit code 0 is healthy. */
  record Exec(Command command) implements CheckKind {
    public Exec {
      Objects.requireNonNull(command, "command");
    }
  }
}
