package io.watchline.ndjson;

import java.io.IOException;

/** A record that is well-framed but not acceptable; its message is the reject reason. */
public class BadRecordException extends IOException {
  private static final long serialVersionUID = 1L;

  public BadRecordException(String reason) {
    super(reason);
  }
}
