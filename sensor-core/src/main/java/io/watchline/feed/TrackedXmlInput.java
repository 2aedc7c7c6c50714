package io.watchline.feed;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What an XML feed reader puts between the file and its StAX parser.
 *
 * <p>It counts bytes and remembers where recent lines start, so that the reader can give the byte
 * offset of a record's line: the parser's character offsets are neither bytes (non-ASCII text)
 * nor stable (they move with how the input happened to arrive). It keeps the last {@value
 * #WINDOW} line starts: far more than a parser reads ahead, and fixed memory however long the
 * file. Offsets count from {@link FeedInput#originOf} (3 after a skipped UTF-8 BOM).
 *
 * <p>It also ends the input with an {@link IOException} (which the parser reports as a
 * well-formedness error) once more than {@link #MAX_TEXT_RUN} bytes pass without a '&lt;' or
 * '&gt;': StAX buffers a whole text node or attribute, so a 2 GB element would otherwise exhaust
 * memory.
 *
 * <p>And it repairs what is not UTF-8 XML text ({@link Utf8Repair}: a stray byte is read as
 * Latin-1, a control character becomes U+FFFD, each counted as a warning) instead of letting the
 * parser give up on the rest of the document. Characters are handed on only once complete, and
 * the input is read in whole 8 KB blocks (fewer only at the end), so the parser sees the same
 * characters however the bytes trickle in; a {@link LiveStream} is handed on as it arrives. Documents that declare another encoding (without a
 * BOM) are passed through unchecked.
 */
public final class TrackedXmlInput extends FilterInputStream {
  static final int WINDOW = 1 << 16;
  public static final int MAX_TEXT_RUN = 1 << 20;
  private final Utf8Repair repair;
  private final long[] starts = new long[WINDOW]; // ring: start of line n at [(n - 1) % WINDOW]
  private long lines = 1; // line 1 starts at the origin
  private long pos;
  private long seen; // bytes looked at, from 0 whatever the origin
  private boolean started;
  private boolean afterCr;
  private long sinceMarkup;
  private boolean checkUtf8 = true;
  private boolean declarationDone;

  // Checked characters not yet handed on: [readyStart, readyEnd) of ready. A character's bytes are
  // handed on only once it is complete, so the parser never sees part of a broken sequence.
  private final byte[] chunk = new byte[8192];
  private final byte[] ready = new byte[chunk.length * 3 + 8];
  private int readyStart, readyEnd;
  private boolean ended;

  private final boolean live;

  public TrackedXmlInput(InputStream in, ReadStats stats) {
    super(in);
    this.repair = new Utf8Repair(stats);
    this.live = FeedInput.isLive(in);
  }

  /**
   * A parser over this input. After a BOM the bytes are UTF-8 whatever the XML declaration says
   * (UTF-16 was re-encoded), so the parser is told so.
   */
  public XMLStreamReader parser() throws IOException, XMLStreamException {
    return parser(this);
  }

  /**
   * A parser over one document of this input, read through {@code document} (an {@link
   * XmlDocuments} over this input); as {@link #parser()} otherwise.
   */
  public XMLStreamReader parser(InputStream document) throws IOException, XMLStreamException {
    if (in instanceof FeedInput f) {
      f.sniff();
    }
    if (FeedInput.forcedUtf8(in)) {
      declarationDone = true;
      return SafeXml.inputFactory().createXMLStreamReader(document, "UTF-8");
    }
    return SafeXml.inputFactory().createXMLStreamReader(document);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n;
    while ((n = read(one, 0, 1)) == 0) {
      // a zero-length read cannot happen for len 1; loop for safety
    }
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (readyStart == readyEnd) {
      if (ended) {
        return -1;
      }
      fill();
    }
    int n = Math.min(len, readyEnd - readyStart);
    System.arraycopy(ready, readyStart, b, off, n);
    readyStart += n;
    return n;
  }

  /** Reads one chunk from the file, checks it byte by byte and moves complete characters to ready. */
  private void fill() throws IOException {
    readyStart = 0;
    readyEnd = 0;
    // Whole blocks, however the bytes trickle in: what the parser is handed must not depend on how
    // the input arrived.
    int n = 0;
    while (n < chunk.length) {
      int r = in.read(chunk, n, chunk.length - n);
      if (r < 0) {
        break;
      }
      n += r;
      if (live && n > 0 && in.available() <= 0) {
        break; // a live stream: hand on what has arrived, the next frame may be a second away
      }
    }
    if (!started) {
      started = true;
      pos = FeedInput.originOf(in);
      starts[0] = pos;
    }
    if (n == 0) {
      ended = true;
      readyEnd = repair.finish(ready, 0); // the file may end inside a character
      return;
    }
    for (int i = 0; i < n; ) {
      if (declarationDone && (!checkUtf8 || repair.idle())) {
        i = copyPlain(i, n);
        if (i == n) {
          break;
        }
      }
      int c = chunk[i] & 0xff;
      sniffEncoding(c);
      see(chunk[i]);
      if (checkUtf8) {
        readyEnd = repair.put(c, ready, readyEnd);
      } else {
        ready[readyEnd++] = chunk[i];
      }
      i++;
    }
    checkTextRun();
  }

  /**
   * Hands on the run of printable ASCII from chunk[i] at once (what {@link #see} and {@link
   * Utf8Repair#put} would do byte by byte: neither changes such bytes nor counts a line); returns
   * where the run ends.
   */
  private int copyPlain(int i, int n) {
    int from = i;
    byte[] c = chunk;
    while (i < n && c[i] >= 0x20) { // stops at a control character, line end or non-ASCII byte
      i++;
    }
    int lastMarkup = i - 1; // markup is dense: looking back for it is short
    while (lastMarkup >= from && c[lastMarkup] != '<' && c[lastMarkup] != '>') {
      lastMarkup--;
    }
    int k = i - from;
    if (k > 0) {
      System.arraycopy(c, from, ready, readyEnd, k);
      readyEnd += k;
      pos += k;
      seen += k;
      sinceMarkup = lastMarkup >= from ? i - 1 - lastMarkup : sinceMarkup + k;
      afterCr = false;
    }
    return i;
  }

  private final StringBuilder declaration = new StringBuilder();

  /** Reads the XML declaration as it passes; a non-UTF-8 encoding there turns the check off. */
  private void sniffEncoding(int b) {
    if (declarationDone || seen > 256) {
      return;
    }
    if (seen == 0 && (b == 0xFE || b == 0xFF || b == 0)) {
      checkUtf8 = false; // UTF-16 or UTF-32 not through a FeedInput: the parser decodes it
      declarationDone = true;
      return;
    }
    declaration.append((char) b);
    int end = declaration.indexOf("?>");
    if (end >= 0 || seen == 256) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("encoding\\s*=\\s*[\"']([^\"']+)").matcher(declaration);
      if (declaration.indexOf("<?xml") == 0 && m.find() && !m.group(1).equalsIgnoreCase("UTF-8")
          && !m.group(1).equalsIgnoreCase("UTF8") && !m.group(1).equalsIgnoreCase("US-ASCII")) {
        checkUtf8 = false;
      }
      declarationDone = true;
    }
  }

  private void checkTextRun() throws IOException {
    if (sinceMarkup > MAX_TEXT_RUN) {
      throw new IOException("more than " + MAX_TEXT_RUN + " bytes of text without markup (at byte " + pos + ")");
    }
  }

  private void see(byte c) {
    pos++;
    seen++;
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

  /** Bytes read so far (from the origin). */
  public long position() {
    return pos;
  }
}
