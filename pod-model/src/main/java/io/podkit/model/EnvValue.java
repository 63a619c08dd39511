package io.podkit.model;

import java.util.Objects;

/**
 * The value of an environment variable: a literal string, or a reference to one of the pod's
 * {@linkplain Pod#secrets() secrets} ({@code {"secret": "name"}}).
 */
public sealed interface EnvValue permits EnvValue.Literal, EnvValue.SecretRef {

  static Literal of(String value) {
    return new Literal(value);
  }

  static SecretRef secret(String secretName) {
    return new SecretRef(secretName);
  }

  /** A plain string value. */
  record Literal(String value) implements EnvValue {
    public Literal {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The value of the pod secret named {@code secret}. */
  record SecretRef(String secret) implements EnvValue {
    public SecretRef {
      Objects.requireNonNull(secret, "secret");
    }
  }
}
