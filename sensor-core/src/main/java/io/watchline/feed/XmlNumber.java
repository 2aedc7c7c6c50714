package io.watchline.feed;

/**
 * Numbers in XML attributes and text ({@code lat="42.100023070"}) as {@code
 * Double.parseDouble(s.trim())} reads them (parseDouble ignores surrounding blanks itself), NaN
 * where that throws; plain decimals take {@link AsciiNumbers}' short path, without a copy.
 */
public final class XmlNumber {
  private XmlNumber() {}

  /** The value of {@code s}, or NaN for null or what Java does not read as a number. */
  public static double parse(String s) {
    if (s == null) {
      return Double.NaN;
    }
    try {
      return AsciiNumbers.parseDouble(s, 0, s.length());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
