package io.watchline.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A stream of XML documents written back to back (as RTSP recorders store an ONVIF metadata
 * stream: {@code <?xml …?><tt:MetadataStream>…</tt:MetadataStream><?xml …?>…}), handed to a parser
 * one document at a time: reading returns end of input at the end of the current document, and
 * {@link #nextDocument()} moves on to the next one (skipping what a failed parse left unread).
 *
 * <p>A document ends where the next XML declaration ({@code <?xml} and a blank) begins, or just
 * after a closing tag of the root element named at construction (any namespace prefix), so
 * documents without declarations are cut too. The cut is made on the bytes, not on parsed XML: a
 * declaration or a root closing tag inside a comment or CDATA section would also cut, which no
 * camera writes. {@link #firstLine()} says on which line of the whole input the current document
 * begins, so that a parser's line numbers (counted per document) become the file's.
 */
public final class XmlDocuments extends InputStream {
  private static final byte[] DECLARATION = "<?xml".getBytes(StandardCharsets.US_ASCII);
  private static final int LOOKAHEAD = 128; // longest root closing tag looked for at once

  private final InputStream in;
  private final byte[] rootName;
  private final byte[] buf = new byte[1 << 15];
  private int start;
  private int end;
  private boolean eof;

  private boolean inDocument;
  private boolean documentHasContent;
  private int cutAfter = -1; // the current document ends before buf[cutAfter] (a found root end)
  private long lineBreaks; // line ends passed so far, as XML counts them
  private boolean afterCr;
  private long firstLine = 1;
  private final byte[] one = new byte[1];

  /** Documents from {@code in}; {@code rootName} is the local name of the root element. */
  public XmlDocuments(InputStream in, String rootName) {
    this.in = in;
    this.rootName = rootName.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Skips the rest of the current document and the blanks after it; false at end of input. The
   * first call opens the first document.
   */
  public boolean nextDocument() throws IOException {
    byte[] rest = new byte[4096];
    while (inDocument) {
      read(rest, 0, rest.length); // -1 at the document's end clears inDocument
    }
    while (true) {
      if (start == end && !fill()) {
        return false;
      }
      int c = buf[start] & 0xff;
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        break;
      }
      count(buf[start++]);
    }
    inDocument = true;
    documentHasContent = false;
    cutAfter = -1;
    firstLine = lineBreaks + 1;
    return true;
  }

  /** The 1-based line of the whole input on which the current document begins. */
  public long firstLine() {
    return firstLine;
  }

  @Override
  public int read() throws IOException {
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (!inDocument) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (n < len) {
      if (start == end && (n > 0 || !fill())) {
        break; // hand on what there is before waiting for more
      }
      if (start == cutAfter) {
        break;
      }
      if (buf[start] != '<') {
        n += copyText(b, off + n, len - n);
        continue;
      }
      if (end - start < LOOKAHEAD && !decidable()) {
        if (n > 0 || (!fill() && !eof)) {
          break;
        }
        continue; // more bytes, or the end of input: decidable now
      }
      if (cutsHere()) {
        break;
      }
      byte c = buf[start++];
      if (!isBlank(c)) {
        documentHasContent = true;
      }
      count(c);
      b[off + n++] = c;
    }
    if (n == 0) {
      inDocument = false; // the document is over: end of input for its parser
      return -1;
    }
    return n;
  }

  /**
   * Copies the bytes from {@code start} up to the next '<' (or the end of what is buffered, of
   * the document, or of {@code b}), counting lines as {@link #count} does; returns how many.
   */
  private int copyText(byte[] b, int off, int room) {
    int limit = Math.min(end, start + room);
    if (cutAfter >= start) {
      limit = Math.min(limit, cutAfter);
    }
    byte[] in = buf;
    int p = start;
    long breaks = lineBreaks;
    boolean cr = afterCr;
    boolean content = documentHasContent;
    while (p < limit) {
      byte c = in[p];
      if (c == '<') {
        break;
      }
      if (content && c > '\r') { // after the first non-blank only '<' and line ends matter
        cr = false;
        p++;
        continue;
      }
      if (c == '\r') {
        breaks++;
        cr = true;
      } else {
        if (c == '\n') {
          if (!cr) {
            breaks++;
          }
        } else if (c != ' ' && c != '\t') {
          content = true;
        }
        cr = false;
      }
      p++;
    }
    int k = p - start;
    System.arraycopy(in, start, b, off, k);
    start = p;
    lineBreaks = breaks;
    afterCr = cr;
    documentHasContent = content;
    return k;
  }

  /**
   * At a '<': a declaration after the document has begun ends the document here; a root closing
   * tag ends it after its '>'.
   */
  private boolean cutsHere() {
    if (start + 1 < end && buf[start + 1] != '?' && buf[start + 1] != '/') {
      return false; // a start tag, comment or the like: most of them
    }
    if (documentHasContent && matches(start, DECLARATION) && start + DECLARATION.length < end
        && isBlank(buf[start + DECLARATION.length])) {
      return true;
    }
    if (cutAfter < 0 && start + 1 < end && buf[start + 1] == '/') {
      int p = start + 2;
      int nameStart = p;
      while (p < end && p - start < LOOKAHEAD && buf[p] != '>' && !isBlank(buf[p])) {
        if (buf[p] == ':') {
          nameStart = p + 1;
        }
        p++;
      }
      if (p - nameStart == rootName.length && matches(nameStart, rootName)) {
        while (p < end && isBlank(buf[p])) {
          p++;
        }
        if (p < end && buf[p] == '>') {
          cutAfter = p + 1;
        }
      }
    }
    return false;
  }

  private boolean matches(int at, byte[] what) {
    if (at + what.length > end) {
      return false;
    }
    for (int i = 0; i < what.length; i++) {
      if (buf[at + i] != what[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(byte c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /** Line ends as XML counts them: LF, CR, or CR LF as one. */
  private void count(byte c) {
    if (c == '\r' || (c == '\n' && !afterCr)) {
      lineBreaks++;
    }
    afterCr = c == '\r';
  }

  /** Whether the tag starting at {@code start} can be told apart yet (its '>' has arrived). */
  private boolean decidable() {
    if (eof || end - start >= LOOKAHEAD) {
      return true;
    }
    for (int p = start; p < end; p++) {
      if (buf[p] == '>') {
        return true;
      }
    }
    return false;
  }

  /** Moves what is left to the front and reads once more; false when nothing new came. */
  private boolean fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      if (cutAfter >= 0) {
        cutAfter -= start;
      }
      start = 0;
    }
    while (!eof && end < buf.length) {
      int r = in.read(buf, end, buf.length - end);
      if (r < 0) {
        eof = true;
      } else if (r > 0) {
        end += r;
        return true;
      }
    }
    return false;
  }

  /** Leaves the input open: a parser closes its document, the reader closes the input. */
  @Override
  public void close() {
  }
}
