package io.watchline.feed.asterix;

/** A record that cannot be decoded; the message is the reject reason. */
final class AsterixFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  AsterixFormatException(String message) {
    super(message, null, false, false);
  }
}
