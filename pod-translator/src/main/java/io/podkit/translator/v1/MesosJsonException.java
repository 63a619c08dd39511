package io.podkit.translator.v1;

import io.podkit.translator.PodTranslationException;

/**
 * JSON that does not read as the Mesos message asked for: not JSON, a field the message does not
 * have, a value of the wrong type, or a required field missing. The message says what was being
 * read and why, in one line a command-line tool can print as is; the parser's own exception, if
 * any, is kept as the cause for debugging.
 */
public class MesosJsonException extends PodTranslationException {
  private static final long serialVersionUID = 1L;

  public MesosJsonException(String message) {
    super(message);
  }

  MesosJsonException(String message, Throwable cause) {
    super(message);
    initCause(cause);
  }
}
