package io.watchline.geo.dem;

/** A terrain file that cannot be read as a DEM; the message names the file and what is wrong. */
public class DemFormatException extends io.watchline.geo.InvalidValueException {
  private static final long serialVersionUID = 1L;

  public DemFormatException(String message) {
    super(message);
  }

  public DemFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
