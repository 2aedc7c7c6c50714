package io.watchline.feed;

/**
 * Turns bytes that should be UTF-8 XML text into UTF-8 XML text, so that one stray byte costs a
 * warning and not the rest of a document: a byte that is not part of a valid UTF-8 sequence is
 * read as the Latin-1 character it would be (a stray 'é' from a Windows tool), a character XML
 * forbids (a C0 control, U+FFFE, U+FFFF) becomes U+FFFD. Each is counted as a warning in the
 * reader's {@link ReadStats}. Overlong forms, surrogates and code points past U+10FFFF are not
 * valid UTF-8. A character is written only once complete, so a sequence split over two reads
 * comes out the same. Writes at most 3 bytes per byte put.
 */
public final class Utf8Repair {
  public static final String LATIN1 = "bytes not valid UTF-8, read as Latin-1";
  public static final String REPLACED = "characters not allowed in XML, replaced by U+FFFD";

  private final ReadStats stats;
  private final int[] partial = new int[4]; // the unfinished sequence so far
  private int partialLen;
  private int pending; // continuation bytes still expected

  public Utf8Repair(ReadStats stats) {
    this.stats = stats;
  }

  /** Writes what byte {@code b} completes into {@code out} at {@code at}; returns the new end. */
  public int put(int b, byte[] out, int at) {
    if (pending > 0) {
      if (continues(b)) {
        partial[partialLen++] = b;
        if (--pending > 0) {
          return at;
        }
        int n = partialLen;
        partialLen = 0;
        if (n == 3 && partial[0] == 0xEF && partial[1] == 0xBF && (partial[2] == 0xBE || partial[2] == 0xBF)) {
          return replacement(out, at);
        }
        for (int i = 0; i < n; i++) {
          out[at++] = (byte) partial[i];
        }
        return at;
      }
      at = finish(out, at); // the sequence so far is broken; b starts afresh
    }
    if (b < 0x80) {
      if (b >= 0x20 || b == '\t' || b == '\n' || b == '\r') {
        out[at++] = (byte) b;
        return at;
      }
      return replacement(out, at);
    }
    if (b >= 0xC2 && b <= 0xF4) {
      partial[0] = b;
      partialLen = 1;
      pending = b <= 0xDF ? 1 : b <= 0xEF ? 2 : 3;
      return at;
    }
    return latin1(b, out, at); // a stray continuation byte, or one that never occurs in UTF-8
  }

  /** True when no sequence is under way: an ASCII byte put now comes out as itself (or U+FFFD). */
  public boolean idle() {
    return pending == 0;
  }

  /** Ends the input: an unfinished sequence is read as Latin-1. Returns the new end. */
  public int finish(byte[] out, int at) {
    for (int i = 0; i < partialLen; i++) {
      at = latin1(partial[i], out, at);
    }
    partialLen = 0;
    pending = 0;
    return at;
  }

  /** True when b may follow the pending bytes (no overlongs, surrogates or > U+10FFFF). */
  private boolean continues(int b) {
    if (b < 0x80 || b > 0xBF) {
      return false;
    }
    if (partialLen != 1) {
      return true;
    }
    return switch (partial[0]) {
      case 0xE0 -> b >= 0xA0;
      case 0xED -> b <= 0x9F;
      case 0xF0 -> b >= 0x90;
      case 0xF4 -> b <= 0x8F;
      default -> true;
    };
  }

  private int latin1(int b, byte[] out, int at) {
    out[at++] = (byte) (0xC0 | b >> 6);
    out[at++] = (byte) (0x80 | b & 0x3F);
    stats.warn(LATIN1);
    return at;
  }

  private int replacement(byte[] out, int at) {
    out[at++] = (byte) 0xEF;
    out[at++] = (byte) 0xBF;
    out[at++] = (byte) 0xBD;
    stats.warn(REPLACED);
    return at;
  }
}
