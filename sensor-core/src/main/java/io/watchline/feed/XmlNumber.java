package io.watchline.feed;

/**
 * Numbers in XML attributes and text ({@code lat="42.100023070"}) as {@code
 * Double.parseDouble(s.trim())} reads them, NaN where that throws. Plain decimals of at most 15
 * digits take a short path: the digits are an exact long, ten to the number of decimals an exact
 * double, and one IEEE division rounds correctly, so the result is the same double. Anything else
 * (exponents, more digits, blanks, signs other than one leading '-') goes to the JDK.
 */
public final class XmlNumber {
  private XmlNumber() {}

  private static final double[] POWERS = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
  };

  /** The value of {@code s}, or NaN for null or what Java does not read as a number. */
  public static double parse(String s) {
    if (s == null) {
      return Double.NaN;
    }
    int n = s.length();
    int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
    long digits = 0;
    int count = 0;
    int point = -1;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = digits * 10 + (c - '0');
        count++;
      } else if (c == '.' && point < 0) {
        point = count;
      } else {
        return slow(s);
      }
    }
    if (count == 0 || count > 15) {
      return slow(s);
    }
    double v = point < 0 ? digits : digits / POWERS[count - point];
    return s.charAt(0) == '-' ? -v : v;
  }

  private static double slow(String s) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
