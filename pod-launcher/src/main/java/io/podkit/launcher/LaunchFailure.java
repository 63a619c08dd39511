package io.podkit.launcher;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Why an {@code ACCEPT} was not accepted. {@link #outcomeUnknown()} is the important bit: after a
 * time-out or a dropped connection the master may have received the call and launched the tasks, so
 * the framework must reconcile ({@code RECONCILE} with the task ids) before launching again. podkit
 * never retries an ACCEPT by itself: a retried ACCEPT can launch twice.
 */
public record LaunchFailure(Kind kind, OptionalInt httpStatus, String message) {
  /** The kinds of failure a launcher reports. */
  public enum Kind {
    /** 400: the master could not parse or rejected the call (its message says why). */
    BAD_REQUEST(false),
    /** 401/403: not authenticated, not subscribed, or not allowed. */
    FORBIDDEN(false),
    /** 409: conflict, e.g. the framework's state does not allow the call. */
    CONFLICT(false),
    /** 415: the content type is not one the master accepts. */
    UNSUPPORTED_MEDIA_TYPE(false),
    /** 307 without a usable location, or redirects that do not end. */
    NO_LEADER(false),
    /** 5xx: the master failed or has no leader yet. */
    SERVER_ERROR(false),
    /** Another status code the master is not documented to send. */
    UNEXPECTED_STATUS(false),
    /** The connection was refused: nothing was sent. */
    CONNECTION_REFUSED(false),
    /** No answer in time: the call may or may not have been received. */
    TIMEOUT(true),
    /** The connection failed while sending or waiting: the call may or may not have been received. */
    IO_ERROR(true),
    /** The v0 driver is not running (its status is not DRIVER_RUNNING). */
    DRIVER_NOT_RUNNING(false);

    private final boolean outcomeUnknown;

    Kind(boolean outcomeUnknown) {
      this.outcomeUnknown = outcomeUnknown;
    }

    public boolean outcomeUnknown() {
      return outcomeUnknown;
    }
  }

  public LaunchFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(httpStatus, "httpStatus");
    Objects.requireNonNull(message, "message");
  }

  /** Whether the master may have launched the tasks anyway: reconcile before trying again. */
  public boolean outcomeUnknown() {
    return kind.outcomeUnknown();
  }

  @Override
  public String toString() {
    return kind + (httpStatus.isPresent() ? " (HTTP " + httpStatus.getAsInt() + ")" : "") + ": " + message;
  }
}
