package io.watchline.live;

import java.io.IOException;
import java.io.InputStream;

/**
 * A blocking input (standard input, a pipe) that can be ended from another thread: a daemon thread
 * copies it into a {@link MessagePipe}, and {@link #stop()} ends the stream after what was already
 * copied. Reading a pipe cannot otherwise be interrupted, and a signal must still let the command
 * finish its work and close its outputs.
 */
public final class StoppableInput extends InputStream {
  private final MessagePipe pipe = new MessagePipe(16L << 20);

  public StoppableInput(InputStream in, String name) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[1 << 16];
      try {
        for (int n; (n = in.read(buf)) >= 0; ) {
          byte[] m = java.util.Arrays.copyOf(buf, n);
          while (!pipe.offer(m)) { // full: wait for the reader rather than drop
            if (pipe.isClosed()) return;
            Thread.sleep(5);
          }
        }
      } catch (IOException | InterruptedException e) {
        // the end of the input either way; the reader sees what came before
      } finally {
        pipe.close();
      }
    }, "input-" + name);
    t.setDaemon(true);
    t.start();
  }

  /** Ends the stream after what has been read so far. */
  public void stop() {
    pipe.close();
  }

  @Override
  public int read() throws IOException {
    return pipe.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return pipe.read(b, off, len);
  }

  @Override
  public int available() {
    return pipe.available();
  }

  @Override
  public void close() {
    pipe.close();
  }
}
