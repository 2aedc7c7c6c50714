package io.watchline.live;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file read as it grows, like {@code tail -F}: at its end the stream waits for more instead of
 * ending. When the name is given to a new file (log rotation: the old file renamed, a new one
 * created) the rest of the old file is read first, then the new file from its start; a file
 * truncated in place is read again from its start. The stream ends only after {@link #stop()}
 * (what was written until then is still read). Waits for the file to appear.
 */
public final class FollowInputStream extends InputStream {
  private final Path path;
  private final long pollMs;
  private FileChannel channel;
  private Object key;
  private long rotations;
  private volatile boolean stopped;

  public FollowInputStream(Path path, long pollMs) {
    this.path = path;
    this.pollMs = pollMs;
  }

  /** Times the file was replaced or truncated while followed. */
  public long rotations() {
    return rotations;
  }

  /** Ends the stream once what is in the file now has been read. */
  public void stop() {
    stopped = true;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (true) {
      boolean last = stopped; // read once more after stop, then end
      if (channel == null && !open()) {
        if (last) return -1;
        pause();
        continue;
      }
      int n = channel.read(ByteBuffer.wrap(b, off, len));
      if (n > 0) {
        return n;
      }
      // at the end of what is there: rotated, truncated, or just waiting for more?
      if (replaced()) {
        channel.close();
        channel = null;
        rotations++;
        continue;
      }
      if (channel.size() < channel.position()) {
        channel.position(0);
        rotations++;
        continue;
      }
      if (last) {
        return -1;
      }
      pause();
    }
  }

  private boolean open() throws IOException {
    try {
      channel = FileChannel.open(path, StandardOpenOption.READ);
      key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
      return true;
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  private boolean replaced() throws IOException {
    try {
      Object now = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
      return now != null && !now.equals(key);
    } catch (NoSuchFileException e) {
      return false; // renamed away, the new one not created yet: keep the old one
    }
  }

  private void pause() throws IOException {
    try {
      Thread.sleep(pollMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while following " + path);
    }
  }

  @Override
  public int available() throws IOException {
    return channel == null ? 0 : (int) Math.max(0, Math.min(Integer.MAX_VALUE, channel.size() - channel.position()));
  }

  @Override
  public void close() throws IOException {
    stopped = true;
    if (channel != null) {
      channel.close();
    }
  }
}
