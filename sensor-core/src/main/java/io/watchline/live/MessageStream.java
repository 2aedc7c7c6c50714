package io.watchline.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream that hands each complete line to a {@link Sender} as one message: one CoT
 * event per UDP datagram, or per write on a TCP/TLS stream. A line longer than the sender takes
 * is not sent but counted ({@link #tooLarge()}), so one oversized record cannot end the run.
 */
public final class MessageStream extends OutputStream {
  private final Sender sender;
  private final boolean keepNewline;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
  private long tooLarge;

  /** @param keepNewline end each message with its newline (a stream); a datagram goes without */
  public MessageStream(Sender sender, boolean keepNewline) {
    this.sender = sender;
    this.keepNewline = keepNewline;
  }

  @Override
  public void write(int b) throws IOException {
    if (b == '\n') {
      if (keepNewline) line.write(b);
      byte[] m = line.toByteArray();
      line.reset();
      if (m.length > sender.maxMessage()) {
        tooLarge++;
      } else if (m.length > 0) {
        sender.send(m);
      }
      return;
    }
    line.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  /** Lines not sent because they exceed one message. */
  public long tooLarge() {
    return tooLarge;
  }

  @Override
  public void close() throws IOException {
    if (line.size() > 0) {
      write('\n');
    }
  }
}
