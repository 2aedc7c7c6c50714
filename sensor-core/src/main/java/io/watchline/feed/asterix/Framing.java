package io.watchline.feed.asterix;

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

  /** How many consecutive plausible raw blocks (known category, length >= 4) start the peek. */
  static int rawBlocksChained(byte[] b, int n) {
    int blocks = 0;
    int i = 0;
    while (i + 3 <= n && knownCategory(b[i] & 0xff)) {
      int len = u16(b, i + 1);
      if (len < 4) {
        break;
      }
      blocks++;
      i += len;
    }
    return blocks;
  }

  /** The framing of a file starting with these bytes, or null if it is not ASTERIX at all. */
  public static Framing detect(byte[] b, int n) {
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
    // Raw blocks that chain through the peek are raw, even when their first bytes also read as a
    // FINAL header whose padding lies beyond the peek (CAT048 from SAC 25 starts 30 00 0E F0 19 …).
    if (rawBlocksChained(b, n) >= 3) {
      return RAW;
    }
    if (n >= 12) {
      int len = u16(b, 0);
      int cat = b[8] & 0xff;
      int blockLen = u16(b, 9);
      if (len >= 15 && knownCategory(cat) && blockLen >= 3 && blockLen <= len - 12
          && (n < len || (b[len - 4] & 0xff) == 0xa5 && (b[len - 3] & 0xff) == 0xa5
              && (b[len - 2] & 0xff) == 0xa5 && (b[len - 1] & 0xff) == 0xa5)) {
        return FINAL;
      }
    }
    if (n >= 3 && knownCategory(b[0] & 0xff)) {
      int len = u16(b, 1);
      if (len >= 4 && (len == n || n < len
          || (n >= len + 3 && knownCategory(b[len] & 0xff) && u16(b, len + 1) >= 4))) {
        return RAW;
      }
    }
    return null;
  }

  static int u16(byte[] b, int p) {
    return (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
  }
}
