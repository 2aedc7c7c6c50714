package io.watchline.feed;

import java.nio.charset.StandardCharsets;

/**
 * Decimal fields read in place from a line's bytes or chars, with exactly the result of
 * {@link Double#parseDouble} but without a String per field. The plain form {@code [+-]digits[.digits]}
 * with at most 18 digits is one division of two exact doubles (the digits below 2^53, the power of
 * ten at most 10^22), which IEEE rounds once, as parseDouble does; any other text is handed to
 * parseDouble itself, so exponents, "NaN", blanks and errors behave as before.
 */
public final class AsciiNumbers {
  private static final double[] POW10 = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
      1e19, 1e20, 1e21, 1e22};
  private static final long EXACT = 1L << 53;

  private AsciiNumbers() {}

  /** {@code Double.parseDouble} of bytes {@code [from, to)}; throws NumberFormatException as it does. */
  public static double parseDouble(byte[] b, int from, int to) {
    boolean neg = false;
    int i = from;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      neg = b[i] == '-';
      i++;
    }
    long m = 0;
    int digits = 0;
    int fraction = -1;
    for (; i < to; i++) {
      int c = b[i] - '0';
      if (c >= 0 && c <= 9) {
        m = m * 10 + c;
        digits++;
      } else if (b[i] == '.' && fraction < 0) {
        fraction = digits;
      } else {
        break;
      }
    }
    if (i == to && digits > 0 && digits <= 18 && m < EXACT) {
      return exact(neg, m, fraction < 0 ? 0 : digits - fraction);
    }
    return Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
  }

  /** {@code Double.parseDouble} of chars {@code [from, to)} of {@code s}. */
  public static double parseDouble(CharSequence s, int from, int to) {
    boolean neg = false;
    int i = from;
    if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      neg = s.charAt(i) == '-';
      i++;
    }
    long m = 0;
    int digits = 0;
    int fraction = -1;
    for (; i < to; i++) {
      char ch = s.charAt(i);
      if (ch >= '0' && ch <= '9') {
        m = m * 10 + (ch - '0');
        digits++;
      } else if (ch == '.' && fraction < 0) {
        fraction = digits;
      } else {
        break;
      }
    }
    if (i == to && digits > 0 && digits <= 18 && m < EXACT) {
      return exact(neg, m, fraction < 0 ? 0 : digits - fraction);
    }
    return Double.parseDouble(s.subSequence(from, to).toString());
  }

  private static double exact(boolean neg, long m, int decimals) {
    double v = decimals == 0 ? (double) m : m / POW10[decimals];
    return neg ? -v : v;
  }

  /** The value of two ASCII digits at {@code i}, or -1 when either is not a digit. */
  public static int twoDigits(byte[] b, int i) {
    int hi = b[i] - '0';
    int lo = b[i + 1] - '0';
    return hi >= 0 && hi <= 9 && lo >= 0 && lo <= 9 ? hi * 10 + lo : -1;
  }
}
