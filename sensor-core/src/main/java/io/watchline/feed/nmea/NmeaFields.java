package io.watchline.feed.nmea;

import io.watchline.feed.AsciiNumbers;
import java.nio.charset.StandardCharsets;

/**
 * The comma-separated fields of one sentence, read in place from the line's bytes: no String per
 * field. Each reading agrees with the String parsers of {@link NmeaReader} it replaces (plain
 * digits are read here; any other text goes to those parsers), so values and rejects are the same.
 * Valid until the next {@link #split}.
 */
final class NmeaFields {
  private byte[] b;
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private int count;

  /**
   * Cuts bytes {@code [from, to)} at every comma, as {@code split(",", -1)} would, and returns
   * their NMEA checksum (the XOR of all of them).
   */
  int split(byte[] bytes, int from, int to) {
    b = bytes;
    count = 0;
    int sum = 0;
    int s = from;
    for (int i = from; i < to; i++) {
      byte c = bytes[i];
      sum ^= c & 0xff;
      if (c == ',') {
        add(s, i);
        s = i + 1;
      }
    }
    add(s, to);
    return sum;
  }

  private void add(int start, int end) {
    if (count == starts.length) {
      starts = java.util.Arrays.copyOf(starts, count * 2);
      ends = java.util.Arrays.copyOf(ends, count * 2);
    }
    starts[count] = start;
    ends[count++] = end;
  }

  int count() {
    return count;
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }

  String text(int i) {
    return new String(b, starts[i], ends[i] - starts[i], StandardCharsets.US_ASCII);
  }

  boolean isEmpty(int i) {
    return starts[i] == ends[i];
  }

  /** True when field i is exactly the one character c. */
  boolean is(int i, char c) {
    return ends[i] - starts[i] == 1 && b[starts[i]] == c;
  }

  /** True when field i is exactly {@code s} (ASCII). */
  boolean equals(int i, String s) {
    if (ends[i] - starts[i] != s.length()) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (b[starts[i] + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** hhmmss[.sss] to milliseconds of the day, or -1 ({@link NmeaReader#parseTime}). */
  long time(int i) {
    int s = starts[i];
    int e = ends[i];
    if (e - s < 6) {
      return -1;
    }
    int h = AsciiNumbers.twoDigits(b, s);
    int m = AsciiNumbers.twoDigits(b, s + 2);
    if (h < 0 || m < 0) {
      return NmeaReader.parseTime(text(i));
    }
    double sec;
    try {
      sec = AsciiNumbers.parseDouble(b, s + 4, e);
    } catch (NumberFormatException ex) {
      return -1;
    }
    if (h > 23 || m > 59 || sec < 0 || sec >= 61) {
      return -1;
    }
    return (h * 3600L + m * 60L) * 1000L + Math.round(sec * 1000);
  }

  /** ddmmyy to epoch day, or -1 ({@link NmeaReader#parseDate}). */
  long date(int i) {
    int s = starts[i];
    if (ends[i] - s != 6) {
      return -1;
    }
    int d = AsciiNumbers.twoDigits(b, s);
    int m = AsciiNumbers.twoDigits(b, s + 2);
    int y = AsciiNumbers.twoDigits(b, s + 4);
    if (d < 0 || m < 0 || y < 0) {
      return NmeaReader.parseDate(text(i));
    }
    if (d < 1 || d > 31 || m < 1 || m > 12) {
      return -1;
    }
    return io.watchline.ndjson.IsoTime.daysFromCivil(y < 80 ? 2000 + y : 1900 + y, m, d);
  }

  /** Field v as (d)ddmm.mmmm with hemisphere field h, in signed degrees, or NaN ({@link NmeaReader#coord}). */
  double coord(int v, int h, char pos, char neg, int degDigits, double max) {
    int s = starts[v];
    int e = ends[v];
    if (e - s < degDigits + 2 || ends[h] - starts[h] != 1) {
      return Double.NaN;
    }
    int deg = 0;
    for (int k = s; k < s + degDigits; k++) {
      int c = b[k] - '0';
      if (c < 0 || c > 9) {
        return NmeaReader.coord(text(v), text(h), pos, neg, degDigits, max);
      }
      deg = deg * 10 + c;
    }
    double min;
    try {
      min = AsciiNumbers.parseDouble(b, s + degDigits, e);
    } catch (NumberFormatException ex) {
      return Double.NaN;
    }
    if (min < 0 || min >= 60) {
      return Double.NaN;
    }
    double d = deg + min / 60.0;
    byte hemi = b[starts[h]];
    if (hemi == neg) {
      d = -d;
    } else if (hemi != pos) {
      return Double.NaN;
    }
    return Math.abs(d) > max ? Double.NaN : d;
  }

  /** An optional decimal field: NaN when empty, -1 when malformed or outside [min, max]. */
  double optional(int i, double min, double max) {
    if (isEmpty(i)) {
      return Double.NaN;
    }
    try {
      double v = AsciiNumbers.parseDouble(b, starts[i], ends[i]);
      return v >= min && v <= max ? v : -1; // NaN and infinities fail too
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A field's text kept across sentences (the latest fix's time), compared without a String. */
  static final class Text {
    private byte[] bytes = new byte[16];
    private int length = -1; // none yet

    void set(NmeaFields f, int i) {
      int n = f.ends[i] - f.starts[i];
      if (n > bytes.length) {
        bytes = new byte[n];
      }
      System.arraycopy(f.b, f.starts[i], bytes, 0, n);
      length = n;
    }

    void set(String s) {
      byte[] a = s.getBytes(StandardCharsets.US_ASCII);
      bytes = a.length > bytes.length ? a : bytes;
      System.arraycopy(a, 0, bytes, 0, a.length);
      length = a.length;
    }

    boolean sameAs(NmeaFields f, int i) {
      int n = f.ends[i] - f.starts[i];
      if (n != length) {
        return false;
      }
      for (int k = 0; k < n; k++) {
        if (bytes[k] != f.b[f.starts[i] + k]) {
          return false;
        }
      }
      return true;
    }
  }
}
