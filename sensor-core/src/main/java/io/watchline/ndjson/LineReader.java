package io.watchline.ndjson;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads newline-terminated lines as bytes, tracking each line's number and the byte offset of its
 * first byte. A line longer than the limit is not buffered: its first bytes are kept for an
 * excerpt, the rest is skipped, and {@link #overlong()} is set, so a hostile 2 GB "line" costs no
 * memory. CR before LF is stripped.
 */
public final class LineReader implements Closeable {
  public static final int DEFAULT_MAX_LINE = 1 << 20;

  private final InputStream in;
  private final int maxLine;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int lim;
  private long bufStart; // file offset of buf[0]
  private boolean started;

  private byte[] line = new byte[256];
  private int len;
  private long lineOffset;
  private long lineNo;
  private long lineBytes;
  private boolean overlong;

  public LineReader(InputStream in) {
    this(in, DEFAULT_MAX_LINE);
  }

  public LineReader(InputStream in, int maxLine) {
    this.in = in;
    this.maxLine = maxLine;
  }

  /** Advances to the next line; false at end of input. */
  public boolean next() throws IOException {
    len = 0;
    overlong = false;
    lineBytes = 0;
    if (!fill()) {
      return false;
    }
    lineOffset = bufStart + pos;
    lineNo++;
    while (true) {
      int start = pos;
      while (pos < lim && buf[pos] != '\n') {
        pos++;
      }
      append(start, pos - start);
      if (pos < lim) { // found newline
        pos++;
        lineBytes++;
        break;
      }
      if (!fill()) {
        break;
      }
    }
    if (len > 0 && line[len - 1] == '\r' && !overlong) {
      len--;
    }
    return true;
  }

  private void append(int start, int n) {
    lineBytes += n;
    if (overlong) {
      return;
    }
    if (len + n > maxLine) {
      int keep = Math.max(0, Math.min(n, 200 - len));
      ensure(len + keep);
      System.arraycopy(buf, start, line, len, keep);
      len += keep;
      overlong = true;
      return;
    }
    ensure(len + n);
    System.arraycopy(buf, start, line, len, n);
    len += n;
  }

  private void ensure(int cap) {
    if (cap > line.length) {
      byte[] bigger = new byte[Math.max(cap, line.length * 2)];
      System.arraycopy(line, 0, bigger, 0, len);
      line = bigger;
    }
  }

  private boolean fill() throws IOException {
    if (pos < lim) {
      return true;
    }
    bufStart += lim;
    pos = 0;
    lim = 0;
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    if (!started) {
      started = true;
      bufStart = io.watchline.feed.FeedInput.originOf(in); // after a skipped BOM: file offsets
    }
    if (n < 0) {
      return false;
    }
    lim = n;
    return true;
  }

  /** The current line's bytes, valid until the next call to {@link #next()}. */
  public byte[] bytes() {
    return line;
  }

  public int length() {
    return len;
  }

  public String text() {
    return new String(line, 0, len, StandardCharsets.UTF_8);
  }

  /** 1-based number of the current line. */
  public long lineNumber() {
    return lineNo;
  }

  /** Byte offset of the current line's first byte. */
  public long offset() {
    return lineOffset;
  }

  /** True when the current line exceeded the limit; {@link #bytes()} then holds only its start. */
  public boolean overlong() {
    return overlong;
  }

  /** Bytes of the current line including its terminator, even when overlong. */
  public long lineBytes() {
    return lineBytes;
  }

  public int maxLine() {
    return maxLine;
  }

  /** Total bytes consumed so far. */
  public long position() {
    return bufStart + pos;
  }

  /** True when the current line is blank or only white space. */
  public boolean blank() {
    for (int i = 0; i < len; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** A printable excerpt of the current line for reject records. */
  public String excerpt() {
    int n = Math.min(len, 200);
    String s = new String(line, 0, n, StandardCharsets.UTF_8);
    return (overlong || len > n) ? s + "…" : s;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
