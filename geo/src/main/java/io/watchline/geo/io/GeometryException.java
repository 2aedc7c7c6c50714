package io.watchline.geo.io;

/**
 * A geometry file that cannot be used: unreadable, empty, invalid, or of the wrong kind. The
 * message names the file and what is wrong, so it can be shown to the user as it is.
 */
public class GeometryException extends io.watchline.geo.InvalidValueException {
  private static final long serialVersionUID = 1L;

  public GeometryException(String message) {
    super(message);
  }

  public GeometryException(String message, Throwable cause) {
    super(message, cause);
  }
}
