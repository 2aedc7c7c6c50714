package io.watchline.feed;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * What an XML feed reader puts between the file and its StAX parser.
 *
 * <p>It counts bytes and remembers where recent lines start, so that the reader can give the byte
 * offset of a record's line: the parser's character offsets are neither bytes (non-ASCII text)
 * nor stable (they move with how the input happened to arrive). It keeps the last {@value
 * #WINDOW} line starts: far more than a parser reads ahead, and fixed memory however long the
 * file.
 *
 * <p>It also ends the input with an {@link IOException} (which the parser reports as a
 * well-formedness error) once more than {@link #MAX_TEXT_RUN} bytes pass without a '&lt;' or
 * '&gt;': StAX buffers a whole text node or attribute, so a 2 GB element would otherwise exhaust
 * memory.
 */
public final class TrackedXmlInput extends FilterInputStream {
  static final int WINDOW = 1 << 16;
  public static final int MAX_TEXT_RUN = 1 << 20;

  private final long[] starts = new long[WINDOW]; // ring: start of line n at [(n - 1) % WINDOW]
  private long lines = 1; // line 1 starts at 0
  private long pos;
  private boolean afterCr;
  private long sinceMarkup;

  public TrackedXmlInput(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int c = in.read();
    if (c >= 0) {
      see((byte) c);
      checkTextRun();
    }
    return c;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    for (int i = 0; i < n; i++) {
      see(b[off + i]);
    }
    checkTextRun();
    return n;
  }

  private void checkTextRun() throws IOException {
    if (sinceMarkup > MAX_TEXT_RUN) {
      throw new IOException("more than " + MAX_TEXT_RUN + " bytes of text without markup (at byte " + pos + ")");
    }
  }

  private void see(byte c) {
    pos++;
    sinceMarkup = c == '<' || c == '>' ? 0 : sinceMarkup + 1;
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
