package io.watchline.feed;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * The bytes of a feed as its reader wants them, whatever wraps them on disk: a gzip file (magic
 * {@code 1f 8b}, several members allowed) is inflated, a UTF-8 byte-order mark is skipped, and
 * UTF-16 text (with its BOM, either byte order) is re-encoded as UTF-8. It decides on the first
 * read (or {@link #sniff()}), so building one never fails.
 *
 * <p>Offsets: readers count from {@link #origin()}. Without gzip, a skipped UTF-8 BOM makes the
 * origin 3, so provenance offsets stay those of the file on disk. With gzip they are offsets in
 * the inflated stream. For UTF-16 they are offsets in the UTF-8 text the file decodes to (line
 * numbers are the file's own). See docs/feeds.md.
 */
public final class FeedInput extends InputStream {
  private final InputStream raw;
  private BufferedInputStream src; // null until sniffed
  private boolean gzip;
  private String bom; // null, "UTF-8", "UTF-16LE" or "UTF-16BE"
  private long origin;
  private boolean empty;

  private FeedInput(InputStream raw) {
    this.raw = raw;
  }

  /** Wraps {@code in}, unless it is already a FeedInput. */
  public static FeedInput of(InputStream in) {
    return in instanceof FeedInput f ? f : new FeedInput(in);
  }

  /** True when {@code in}, or the stream a FeedInput wraps, is a {@link LiveStream}. */
  public static boolean isLive(java.io.InputStream in) {
    return in instanceof LiveStream || in instanceof FeedInput f && f.raw instanceof LiveStream;
  }

  /** The offset readers count from: {@link #origin()} of a FeedInput, else 0. */
  public static long originOf(InputStream in) {
    return in instanceof FeedInput f ? f.origin : 0;
  }

  /**
   * True when the bytes are UTF-8 whatever an XML declaration in them says: a BOM was found (and
   * UTF-16 re-encoded), and a BOM overrides the declared encoding.
   */
  public static boolean forcedUtf8(InputStream in) {
    return in instanceof FeedInput f && f.bom != null;
  }

  /** Looks at the first bytes and sets up the decoding; idempotent. */
  public FeedInput sniff() throws IOException {
    if (src != null) {
      return this;
    }
    PushbackInputStream p = new PushbackInputStream(raw, 4);
    byte[] m = peek(p);
    if (m.length >= 2 && (m[0] & 0xff) == 0x1f && (m[1] & 0xff) == 0x8b) {
      gzip = true;
      p = new PushbackInputStream(new GZIPInputStream(p, 1 << 16), 4);
      m = peek(p);
    }
    InputStream s = p;
    if (m.length >= 3 && (m[0] & 0xff) == 0xEF && (m[1] & 0xff) == 0xBB && (m[2] & 0xff) == 0xBF) {
      bom = "UTF-8";
      origin = 3;
      p.skipNBytes(3);
    } else if (m.length >= 2 && ((m[0] & 0xff) == 0xFF && (m[1] & 0xff) == 0xFE
        || (m[0] & 0xff) == 0xFE && (m[1] & 0xff) == 0xFF)) {
      bom = (m[0] & 0xff) == 0xFF ? "UTF-16LE" : "UTF-16BE";
      p.skipNBytes(2);
      s = new Utf8Encoding(new InputStreamReader(p,
          bom.equals("UTF-16LE") ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE));
    }
    src = new BufferedInputStream(s, 1 << 16);
    src.mark(1);
    empty = src.read() < 0;
    src.reset();
    return this;
  }

  private static byte[] peek(PushbackInputStream p) throws IOException {
    byte[] m = p.readNBytes(4);
    p.unread(m);
    return m;
  }

  /** Offset of the first byte a reader sees, in the coordinates provenance uses. */
  public long origin() {
    return origin;
  }

  public boolean gzip() {
    return gzip;
  }

  /** The byte-order mark found ({@code UTF-8}, {@code UTF-16LE}, {@code UTF-16BE}) or null. */
  public String bom() {
    return bom;
  }

  /** True when nothing is left after inflating and skipping the BOM. */
  public boolean empty() throws IOException {
    sniff();
    return empty;
  }

  /** What was unwrapped, for a format name: "gzip, utf-16le" or "" when nothing. */
  public String wrapping() {
    String b = bom == null ? "" : bom.equals("UTF-8") ? "utf-8 bom" : bom.toLowerCase(java.util.Locale.ROOT);
    return gzip ? (b.isEmpty() ? "gzip" : "gzip, " + b) : b;
  }

  @Override
  public int read() throws IOException {
    return sniff().src.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return sniff().src.read(b, off, len);
  }

  @Override
  public int available() throws IOException {
    return sniff().src.available();
  }

  @Override
  public boolean markSupported() {
    return true;
  }

  @Override
  public synchronized void mark(int limit) {
    try {
      sniff().src.mark(limit);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void reset() throws IOException {
    sniff().src.reset();
  }

  @Override
  public void close() throws IOException {
    raw.close();
  }

  /** Characters re-encoded as UTF-8 bytes (the decoder has already replaced broken surrogates). */
  private static final class Utf8Encoding extends InputStream {
    private final Reader in;
    private final char[] chars = new char[4096];
    private final byte[] out = new byte[4096 * 3 + 4];
    private int outPos;
    private int outLen;
    private int pendingHigh = -1; // a high surrogate whose low half is in the next read

    Utf8Encoding(Reader in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (outPos == outLen) {
        if (!fill()) {
          return -1;
        }
      }
      int n = Math.min(len, outLen - outPos);
      System.arraycopy(out, outPos, b, off, n);
      outPos += n;
      return n;
    }

    private boolean fill() throws IOException {
      int n = in.read(chars, 0, chars.length);
      outPos = 0;
      outLen = 0;
      if (n < 0) {
        if (pendingHigh >= 0) {
          put(0xFFFD);
          pendingHigh = -1;
          return true;
        }
        return false;
      }
      for (int i = 0; i < n; i++) {
        char c = chars[i];
        if (pendingHigh >= 0) {
          put(Character.isLowSurrogate(c) ? Character.toCodePoint((char) pendingHigh, c) : 0xFFFD);
          boolean consumed = Character.isLowSurrogate(c);
          pendingHigh = -1;
          if (consumed) {
            continue;
          }
        }
        if (Character.isHighSurrogate(c)) {
          pendingHigh = c;
        } else {
          put(Character.isLowSurrogate(c) ? 0xFFFD : c);
        }
      }
      return true;
    }

    private void put(int cp) {
      if (cp < 0x80) {
        out[outLen++] = (byte) cp;
      } else if (cp < 0x800) {
        out[outLen++] = (byte) (0xC0 | cp >> 6);
        out[outLen++] = (byte) (0x80 | cp & 0x3F);
      } else if (cp < 0x10000) {
        out[outLen++] = (byte) (0xE0 | cp >> 12);
        out[outLen++] = (byte) (0x80 | cp >> 6 & 0x3F);
        out[outLen++] = (byte) (0x80 | cp & 0x3F);
      } else {
        out[outLen++] = (byte) (0xF0 | cp >> 18);
        out[outLen++] = (byte) (0x80 | cp >> 12 & 0x3F);
        out[outLen++] = (byte) (0x80 | cp >> 6 & 0x3F);
        out[outLen++] = (byte) (0x80 | cp & 0x3F);
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
