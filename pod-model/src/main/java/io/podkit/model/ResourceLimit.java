package io.podkit.model;

/**
 * A container's burst limit for cpus or mem: a number, or {@code "unlimited"} (read ignoring case, like
 * the format's enums). Any other string is an error (Marathon accepted any string here and rejected
 * it later).
 */
public sealed interface ResourceLimit permits ResourceLimit.Limited, ResourceLimit.Unlimited {

  static Limited of(double value) {
    return new Limited(value);
  }

  static Unlimited unlimited() {
    return Unlimited.INSTANCE;
  }

  /** The limit as a number, with {@code unlimited} as positive infinity (Marathon's reading). */
  double asDouble();

  /** A numeric limit. */
  record Limited(double value) implements ResourceLimit {
    @Override
    public double asDouble() {
      return value;
    }
  }

  /** No limit: {@code "unlimited"} in JSON. */
  record Unlimited() implements ResourceLimit {
    /** The JSON spelling. */
    public static final String JSON = "unlimited";
    static final Unlimited INSTANCE = new Unlimited();

    @Override
    public double asDouble() {
      return Double.POSITIVE_INFINITY;
    }
  }
}
