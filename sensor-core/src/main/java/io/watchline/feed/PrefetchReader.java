package io.watchline.feed;

import io.watchline.observation.Observation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A feed decoded on its own thread, handed over in batches through a bounded queue (memory: a few
 * batches per input, whatever the file's size). What the caller sees is exactly what the reader
 * gives on one thread: the same observations in the same order, and every reject delivered to the
 * caller's {@link RejectSink}, on the caller's thread, at the same point of the stream (just
 * before the observation that followed it), so outputs are byte-identical to a one-thread run.
 * {@link #stats()} is final once {@link #next()} has returned null.
 */
public final class PrefetchReader implements FeedReader {
  private static final int BATCH = 512;
  private static final int BATCHES = 4;
  private static final Object END = new Object();

  /** Opens the underlying reader with the sink it must report rejects to. */
  @FunctionalInterface
  public interface Opener {
    FeedReader open(RejectSink rejects) throws IOException;
  }

  private record Failure(Throwable error) {}

  private final RejectSink sink;
  private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(BATCHES);
  private final FeedReader reader;
  private final Thread thread;
  private volatile boolean closed;
  /** Decode side: observations and rejects in stream order, not yet handed over. */
  private final List<Object> pending = new ArrayList<>(BATCH + 1);
  /** Caller side. */
  private Object[] batch = new Object[0];
  private int pos;
  private boolean done;

  private PrefetchReader(String name, Opener opener, RejectSink sink) throws IOException {
    this.sink = sink;
    this.reader = opener.open(this::capture);
    this.thread = new Thread(this::decode, "decode " + name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Opens the reader (on this thread: a feed that cannot be opened fails here) and starts decoding it. */
  public static PrefetchReader start(String name, Opener opener, RejectSink sink) throws IOException {
    return new PrefetchReader(name, opener, sink);
  }

  private void capture(Reject r) {
    pending.add(r);
    // rejects made while opening (on the caller's thread) wait for the first batch
    if (pending.size() >= BATCH && Thread.currentThread() == thread) {
      handOver();
    }
  }

  private void decode() {
    try {
      for (Observation o; (o = reader.next()) != null; ) {
        pending.add(o);
        if (pending.size() >= BATCH) {
          handOver();
        }
      }
      pending.add(END);
    } catch (Stop s) {
      return;
    } catch (Throwable e) {
      pending.add(new Failure(e));
    }
    try {
      handOver();
    } catch (Stop s) {
      // closed meanwhile: nobody waits for the end
    }
  }

  private void handOver() {
    Object[] b = pending.toArray();
    pending.clear();
    try {
      while (!closed && !queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
        // the caller is behind: wait (the queue bounds the memory)
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (closed) {
      throw new Stop();
    }
  }

  /** Unwinds the decode thread once the caller has closed the reader. */
  private static final class Stop extends RuntimeException {
    Stop() {
      super(null, null, false, false);
    }
  }

  @Override
  public Observation next() throws IOException {
    while (!done) {
      if (pos == batch.length) {
        try {
          batch = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted while waiting for the decoder");
        }
        pos = 0;
      }
      Object x = batch[pos++];
      if (x instanceof Observation o) {
        return o;
      } else if (x instanceof Reject r) {
        sink.reject(r);
      } else if (x == END) {
        done = true;
      } else if (x instanceof Failure f) {
        done = true;
        rethrow(f.error());
      }
    }
    return null;
  }

  private static void rethrow(Throwable e) throws IOException {
    if (e instanceof IOException io) {
      throw io;
    }
    if (e instanceof RuntimeException r) {
      throw r;
    }
    if (e instanceof Error err) {
      throw err;
    }
    throw new UncheckedIOException(new IOException(e));
  }

  @Override
  public ReadStats stats() {
    return reader.stats();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    queue.clear();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    reader.close();
  }
}
