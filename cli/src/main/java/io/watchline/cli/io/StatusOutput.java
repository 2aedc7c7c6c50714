package io.watchline.cli.io;

import io.watchline.feed.SensorStatus;
import io.watchline.feed.StatusSink;
import io.watchline.ndjson.NdjsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Where a command puts the sensors' signs of life ({@code --status FILE}): written through the
 * output policy (atomic, never over an input), or only counted when no file was asked for.
 * Readers decoding on their own threads call {@link #alive} concurrently, hence the lock.
 */
public final class StatusOutput implements StatusSink, AutoCloseable {
  private final OutputTarget target;
  private final NdjsonWriter writer;
  private long count;

  private StatusOutput(OutputTarget target) {
    this.target = target;
    this.writer = target == null ? null : new NdjsonWriter(target.stream());
  }

  /** @param file the status file, or null to count only */
  public static StatusOutput open(String file) throws IOException {
    return new StatusOutput(file == null ? null : OutputTarget.open(file));
  }

  @Override
  public synchronized void alive(SensorStatus status) {
    count++;
    if (writer != null) {
      try {
        writer.write(status);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public synchronized long count() {
    return count;
  }

  /** Publishes the file (if any); without this, closing discards it. */
  public synchronized void commit() throws IOException {
    if (target != null) {
      writer.close();
      target.commit();
    }
  }

  @Override
  public void close() throws IOException {
    if (target != null) {
      target.close();
    }
  }
}
