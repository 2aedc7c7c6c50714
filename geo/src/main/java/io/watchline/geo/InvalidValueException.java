package io.watchline.geo;

/**
 * A value the caller passed on from its user (an option, a field of a settings or input file) that
 * cannot be used; the message says which value and why, so it can be shown as it is. Any other
 * {@link IllegalArgumentException} is a programming error: the command line reports this one as a
 * usage error (exit 2) and the others as internal errors (exit 1).
 */
public class InvalidValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidValueException(String message) {
    super(message);
  }

  public InvalidValueException(String message, Throwable cause) {
    super(message, cause);
  }
}
