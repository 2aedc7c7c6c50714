package io.watchline.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Hashes the bytes as a reader consumes them, so a command that reads an input anyway gets its
 * SHA-256 without a second pass. {@link #hash()} covers what was read so far.
 */
public final class HashingInputStream extends FilterInputStream {
  private final MessageDigest digest = FileHash.digest();
  private long size;

  public HashingInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      digest.update((byte) b);
      size++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      digest.update(b, off, n);
      size += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes must be hashed too: read them.
    byte[] buf = new byte[8192];
    long done = 0;
    while (done < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - done));
      if (r < 0) break;
      done += r;
    }
    return done;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {}

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported while hashing");
  }

  /** SHA-256 and size of the bytes read so far. */
  public FileHash hash() {
    try {
      MessageDigest copy = (MessageDigest) digest.clone();
      return new FileHash(FileHash.hex(copy.digest()), size);
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests are cloneable", e);
    }
  }
}
