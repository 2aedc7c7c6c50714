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
 *
 * <p>And it ends the input at the first byte that cannot be XML text in UTF-8 (a broken UTF-8
 * sequence or a C0 control character): every byte before it is handed on, then the parser sees
 * the end of the file. The parser alone would report such a byte at a place that depends on how
 * far its decoder had read ahead, and could drop the records before it; this way it parses exactly
 * the same bytes however they arrive, and the reader points its reject at the bad byte.
 * Documents that declare another encoding are passed through unchecked. It reads its input in
 * whole 8 KB blocks (fewer only at the end), so that what it knows when the parser fails, and so
 * the reject, is the same however the bytes trickled in.
 */
public final class TrackedXmlInput extends FilterInputStream {
  static final int WINDOW = 1 << 16;
  public static final int MAX_TEXT_RUN = 1 << 20;

  private final long[] starts = new long[WINDOW]; // ring: start of line n at [(n - 1) % WINDOW]
  private long lines = 1; // line 1 starts at 0
  private long pos;
  private boolean afterCr;
  private long sinceMarkup;
  private int utf8Pending; // continuation bytes still expected
  private long badCharOffset = -1;
  private long badCharLine = -1;
  private long badCharColumn = -1;
  private long column = 1; // 1-based character column of the next byte on its line
  private boolean checkUtf8 = true;
  private boolean declarationDone;

  public TrackedXmlInput(InputStream in) {
    super(in);
  }

  // Checked bytes not yet handed on: [readyStart, readyEnd) of ready. A character's bytes are
  // handed on only once it is complete, so the parser never sees part of a broken sequence.
  private final byte[] ready = new byte[8192 + 4];
  private int readyStart, readyEnd;
  private final byte[] chunk = new byte[8192];
  private final byte[] partial = new byte[4]; // the unfinished character so far
  private int partialLen;
  private long leadPos, leadLine, leadColumn; // where the unfinished character began
  private boolean ended;

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
    // Whole blocks, however the bytes trickle in: what this stream knows (a bad byte ahead) when
    // the parser fails must not depend on how the input arrived, or neither will the verdict.
    int n = 0;
    while (n < chunk.length) {
      int r = in.read(chunk, n, chunk.length - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    if (n == 0) {
      ended = true;
      if (partialLen > 0 && checkUtf8) {
        badAtLead(); // the file ends inside a character
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      int c = chunk[i] & 0xff;
      if (!accept(c)) {
        ended = true; // hand on what came before the bad character, then end of file
        return;
      }
      see(chunk[i]);
      partial[partialLen++] = chunk[i];
      if (utf8Pending == 0 || !checkUtf8) {
        System.arraycopy(partial, 0, ready, readyEnd, partialLen);
        readyEnd += partialLen;
        partialLen = 0;
      }
    }
    checkTextRun();
  }

  /** False (and remembers where) for the first byte that cannot be UTF-8 XML text. */
  private boolean accept(int b) {
    if (!checkUtf8) {
      return true;
    }
    sniffEncoding(b);
    if (!checkUtf8) {
      return true;
    }
    if (utf8Pending == 0) {
      leadPos = pos;
      leadLine = lines;
      leadColumn = column;
    }
    if (validUtf8(b)) {
      return true;
    }
    if (partialLen > 0) {
      badAtLead(); // the character that began earlier is broken
    } else {
      badCharOffset = pos;
      badCharLine = lines;
      badCharColumn = column;
    }
    return false;
  }

  private void badAtLead() {
    badCharOffset = leadPos;
    badCharLine = leadLine;
    badCharColumn = leadColumn;
    partialLen = 0;
  }

  private final StringBuilder declaration = new StringBuilder();

  /** Reads the XML declaration as it passes; a non-UTF-8 encoding there turns the check off. */
  private void sniffEncoding(int b) {
    if (declarationDone || pos > 256) {
      return;
    }
    if (pos == 0 && (b == 0xFE || b == 0xFF || b == 0)) {
      checkUtf8 = false; // UTF-16 or UTF-32: the parser decodes it, we cannot check it byte-wise
      declarationDone = true;
      return;
    }
    declaration.append((char) b);
    int end = declaration.indexOf("?>");
    if (end >= 0 || pos == 256) {
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
    if ((c & 0xC0) != 0x80) {
      column++; // continuation bytes belong to the character before
    }
    sinceMarkup = c == '<' || c == '>' ? 0 : sinceMarkup + 1;
    // Line ends as XML counts them: LF, CR, or CR LF as one.
    if (c == '\r' || (c == '\n' && !afterCr)) {
      starts[(int) (lines % WINDOW)] = pos;
      lines++;
    } else if (c == '\n') {
      starts[(int) ((lines - 1) % WINDOW)] = pos; // CR LF: the line starts after the LF
    }
    if (c == '\r' || c == '\n') {
      column = 1;
    }
    afterCr = c == '\r';
  }

  private boolean validUtf8(int b) {
    if (b < 0x80) {
      boolean ok = utf8Pending == 0 && (b >= 0x20 || b == '\t' || b == '\n' || b == '\r');
      utf8Pending = 0;
      return ok;
    }
    if (b < 0xC0) { // continuation byte
      if (utf8Pending == 0) {
        return false;
      }
      utf8Pending--;
      return true;
    }
    if (utf8Pending != 0) {
      utf8Pending = 0;
      return false;
    }
    if (b >= 0xC2 && b <= 0xDF) {
      utf8Pending = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      utf8Pending = 2;
    } else if (b >= 0xF0 && b <= 0xF4) {
      utf8Pending = 3;
    } else {
      return false; // 0xC0, 0xC1, 0xF5..0xFF never occur in UTF-8
    }
    return true;
  }

  /** Byte offset of the first byte that is not valid UTF-8 XML text, or -1. */
  public long badCharOffset() {
    return badCharOffset;
  }

  /** The reject for a document cut at its first bad byte: where it is, and that the rest is lost. */
  public Reject badCharacterReject(String file) {
    return new Reject(io.watchline.observation.Source.atLine(file, badCharOffset, badCharLine),
        XmlErrors.INVALID_CHARACTER + " at byte " + badCharOffset + "; the rest of the document is not read",
        null);
  }

  /** 1-based line of {@link #badCharOffset()}, or -1. */
  public long badCharLine() {
    return badCharLine;
  }

  /**
   * True when the parser's error is the end of input this stream made at a bad byte (rather than
   * an earlier error of its own): the reject should then point at {@link #badCharOffset()}.
   */
  public boolean causedByBadCharacter(Throwable e) {
    if (badCharOffset < 0 || e == null) {
      return false;
    }
    String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (m.contains("premature end of file") || m.contains("start and end within the same entity")
        || m.contains("unexpected end") || m.contains("end of file")) {
      return true;
    }
    // Cut mid-token, the parser words the end of input as a syntax error where the bad byte was
    // (or, having read ahead, later); an error it reports before that place is its own.
    javax.xml.stream.Location loc =
        e instanceof javax.xml.stream.XMLStreamException x ? x.getLocation() : null;
    return loc != null && (loc.getLineNumber() > badCharLine
        || (loc.getLineNumber() == badCharLine && loc.getColumnNumber() >= badCharColumn));
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
