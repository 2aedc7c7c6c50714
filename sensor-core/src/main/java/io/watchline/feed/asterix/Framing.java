package io.watchline.feed.asterix;

import io.watchline.geo.InvalidValueException;

/**
 * How ASTERIX data blocks are packed in a recording. Detected from the first bytes; see
 * docs/feeds.md.
 */
public enum Framing {
  /** Data blocks back to back (CAT, LEN, records). */
  RAW,
  /** libpcap capture of the UDP multicast (Ethernet, Linux SLL or raw IPv4 links). */
  PCAP,
  /** FINAL recording: 2-byte frame length, board, line, day, 3-byte time (10 ms), blocks, A5A5A5A5. */
  FINAL,
  /** "GPS" recording: a 0xCD-filled header, then each block followed by a 10-byte time trailer. */
  GPS;

  /** Categories a raw block may plausibly start with (those seen in surveillance recordings). */
  static boolean knownCategory(int cat) {
    return switch (cat) {
      case 1, 2, 4, 8, 10, 11, 17, 18, 19, 20, 21, 23, 25, 30, 31, 32, 34, 48, 62, 63, 65, 150, 205,
          240, 247, 252, 253, 255 -> true;
      default -> false;
    };
  }

  /** Parses the {@code --framing} value; null for {@code auto}. */
  public static Framing parse(String s) {
    String v = s.trim().toLowerCase(java.util.Locale.ROOT);
    if (v.equals("auto")) {
      return null;
    }
    for (Framing f : values()) {
      if (f.name().toLowerCase(java.util.Locale.ROOT).equals(v)) {
        return f;
      }
    }
    throw new InvalidValueException("--framing must be auto, raw, final, pcap or gps, not '" + s + "'");
  }

  /** The framing of a file starting with these bytes (more may follow), or null if not ASTERIX. */
  public static Framing detect(byte[] b, int n) {
    return detect(b, n, false);
  }

  /**
   * The framing of a file starting with these {@code n} bytes ({@code whole}: that is all of it),
   * or null if it is not ASTERIX at all. pcap and GPS have a signature; raw blocks and FINAL frames
   * do not, so each is walked over the bytes and the one that explains them consistently wins.
   * Whole raw blocks are never taken for FINAL: a one-block raw file often reads as a FINAL
   * header whose frame would run past the end of the file.
   */
  public static Framing detect(byte[] b, int n, boolean whole) {
    if (n >= 4) {
      int m = (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
      if (m == 0xa1b2c3d4 || m == 0xd4c3b2a1 || m == 0xa1b23c4d || m == 0x4d3cb2a1) {
        return PCAP;
      }
    }
    if (n >= 16) {
      boolean allCd = true;
      for (int i = 0; i < 16; i++) {
        allCd &= (b[i] & 0xff) == 0xcd;
      }
      if (allCd) {
        return GPS;
      }
    }
    Fit raw = rawFit(b, n, whole);
    Fit fin = finalFit(b, n, whole);
    if (raw.consistent && raw.units > 0 && (whole || raw.units >= fin.units)) {
      return RAW;
    }
    if (fin.consistent && fin.units > 0) {
      return FINAL;
    }
    if (raw.consistent) {
      return RAW; // the first block is longer than the bytes seen
    }
    if (fin.consistent) {
      return FINAL;
    }
    // A whole file whose last unit is cut: read it, the reader rejects the cut part.
    return raw.truncated ? RAW : fin.truncated ? FINAL : null;
  }

  /**
   * How well one framing explains the bytes: {@code units} complete blocks or frames; consistent
   * when they chain to the end of a whole file, or through the bytes seen when more follows;
   * truncated when they chain until one runs past the end of a whole file.
   */
  private record Fit(int units, boolean consistent, boolean truncated) {
    static final Fit NONE = new Fit(0, false, false);

    static Fit end(int units, int at, int n, boolean whole) {
      if (at == n) {
        return new Fit(units, units > 0, false);
      }
      return whole ? new Fit(units, false, true) : new Fit(units, true, false);
    }
  }

  /** Raw blocks back to back: a known category and a LEN of at least 4 each. */
  private static Fit rawFit(byte[] b, int n, boolean whole) {
    int units = 0;
    int i = 0;
    while (i < n) {
      if (i + 3 > n) {
        return Fit.end(units, i, n, whole);
      }
      int len = u16(b, i + 1);
      if (!knownCategory(b[i] & 0xff) || len < 4) {
        return Fit.NONE;
      }
      if (i + len > n) {
        return Fit.end(units, i, n, whole);
      }
      units++;
      i += len;
    }
    return Fit.end(units, i, n, whole);
  }

  /** FINAL frames: length >= 15, a known category at byte 8 whose block fits, A5A5A5A5 at the end. */
  private static Fit finalFit(byte[] b, int n, boolean whole) {
    int units = 0;
    int i = 0;
    while (i < n) {
      if (i + 11 > n) {
        return Fit.end(units, i, n, whole);
      }
      int len = u16(b, i);
      int blockLen = u16(b, i + 9);
      if (len < 15 || !knownCategory(b[i + 8] & 0xff) || blockLen < 3 || blockLen > len - 12) {
        return Fit.NONE;
      }
      if (i + len > n) {
        return Fit.end(units, i, n, whole);
      }
      int p = i + len - 4;
      if ((b[p] & 0xff) != 0xa5 || (b[p + 1] & 0xff) != 0xa5 || (b[p + 2] & 0xff) != 0xa5
          || (b[p + 3] & 0xff) != 0xa5) {
        return Fit.NONE;
      }
      units++;
      i += len;
    }
    return Fit.end(units, i, n, whole);
  }

  static int u16(byte[] b, int p) {
    return (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
  }
}
