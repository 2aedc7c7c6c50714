package io.watchline.feed;

import java.io.IOException;

/**
 * A whole feed cannot be read as asked (unknown format, missing date for ASTERIX time of day). The
 * message names the file and says what to do; single bad records are rejects, not this.
 */
public class FeedException extends IOException {
  private static final long serialVersionUID = 1L;

  public FeedException(String message) {
    super(message);
  }
}
