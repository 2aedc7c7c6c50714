package io.watchline.live;

import java.io.Closeable;
import java.io.IOException;

/** Sends whole messages to one {@link Endpoint}: a UDP datagram each, or bytes on a stream. */
public interface Sender extends Closeable {
  /** Sends one message (a datagram, or bytes written and flushed on a stream). */
  void send(byte[] message) throws IOException;

  /** Largest message {@link #send} takes. */
  int maxMessage();

  /** Messages and bytes sent so far. */
  long messages();

  long bytes();
}
