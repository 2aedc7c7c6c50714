package io.watchline.feed;

import java.util.Locale;

/**
 * Reject reasons for XML parse errors that do not depend on how the bytes happened to arrive: the
 * JDK parser words an invalid byte differently depending on where its decoder's buffer ends.
 */
public final class XmlErrors {
  private XmlErrors() {}

  public static final String INVALID_CHARACTER = "invalid character (not UTF-8 or not allowed in XML)";

  public static String describe(String parserMessage) {
    if (parserMessage == null) {
      return "";
    }
    String s = parserMessage.strip();
    int i = s.lastIndexOf("Message: ");
    if (i >= 0) {
      s = s.substring(i + 9);
    }
    s = s.lines().findFirst().orElse("");
    String l = s.toLowerCase(Locale.ROOT);
    if (l.contains("utf-8") || l.contains("invalid xml character") || l.contains("invalid byte")) {
      return INVALID_CHARACTER;
    }
    return s;
  }
}
