package io.watchline.feed;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts bytes and remembers where recent lines start, so that a reader working through a parser
 * that buffers ahead (StAX) can still give the byte offset of a record's line. The parser's
 * character offsets are neither bytes (non-ASCII text) nor stable (they move with how the input
 * happened to arrive). Keeps the last {@value #WINDOW} line starts: far more than a parser reads
 * ahead, and a fixed amount of memory however long the file.
 */
public final class LineOffsets extends FilterInputStream {
  static final int WINDOW = 1 << 16;

  private final long[] starts = new long[WINDOW]; // ring: start of line n at [(n - 1) % WINDOW]
  private long lines = 1; // line 1 starts at 0
  private long pos;
  private boolean afterCr;

  public LineOffsets(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int c = in.read();
    if (c >= 0) {
      see((byte) c);
    }
    return c;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    for (int i = 0; i < n; i++) {
      see(b[off + i]);
    }
    return n;
  }

  private void see(byte c) {
    pos++;
    // Line ends as XML counts them: LF, CR, or CR LF as one.
    if (c == '\r' || (c == '\n' && !afterCr)) {
      starts[(int) (lines % WINDOW)] = pos;
      lines++;
    } else if (c == '\n') {
      starts[(int) ((lines - 1) % WINDOW)] = pos; // CR LF: the line starts after the LF
    }
    afterCr = c == '\r';
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipping would lose count of lines; read through instead.
    byte[] buf = new byte[(int) Math.min(n, 8192)];
    int r = read(buf, 0, buf.length);
    return Math.max(r, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Byte offset of the first byte of 1-based {@code line}, or -1 when out of the window. */
  public long lineStart(long line) {
    if (line < 1 || line > lines || line <= lines - WINDOW) {
      return -1;
    }
    return starts[(int) ((line - 1) % WINDOW)];
  }

  /** Bytes read so far. */
  public long position() {
    return pos;
  }
}
