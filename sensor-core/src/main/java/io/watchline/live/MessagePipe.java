package io.watchline.live;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An input stream fed whole messages by other threads (received datagrams): a reader blocks until
 * the next message arrives and sees end of stream after {@link #close()} once the queue is drained.
 * Memory is bounded by a byte budget; a message that does not fit is refused (the caller counts it).
 */
final class MessagePipe extends InputStream {
  private static final byte[] END = new byte[0];

  private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
  private final AtomicLong queued = new AtomicLong();
  private final long budget;
  private byte[] cur = new byte[0];
  private int pos;
  private boolean ended;
  private volatile boolean closed;

  MessagePipe(long budget) {
    this.budget = budget;
  }

  /** Queues a message; false when the budget is spent or the pipe closed. */
  boolean offer(byte[] m) {
    if (closed || queued.addAndGet(m.length) > budget) {
      queued.addAndGet(-m.length);
      return false;
    }
    queue.add(m);
    return true;
  }

  boolean isClosed() {
    return closed;
  }

  private boolean fill() throws IOException {
    while (pos >= cur.length) {
      if (ended) {
        return false;
      }
      byte[] m;
      try {
        m = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while waiting for data");
      }
      if (m == END) {
        ended = true;
        return false;
      }
      queued.addAndGet(-m.length);
      cur = m;
      pos = 0;
    }
    return true;
  }

  @Override
  public int read() throws IOException {
    return fill() ? cur[pos++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, cur.length - pos);
    System.arraycopy(cur, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public int available() {
    return cur.length - pos;
  }

  /** No more messages: the reader sees the end once it has read what is queued. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      queue.add(END);
    }
  }
}
