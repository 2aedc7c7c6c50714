package io.watchline.ndjson;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 UTC timestamps with milliseconds, {@code 2026-11-27T23:14:05.250Z}, formatted and
 * parsed without {@code DateTimeFormatter} on the hot path (it dominates NDJSON throughput
 * otherwise). Other ISO-8601 forms (offsets, no fraction, micros) fall back to {@link
 * Instant#parse} via {@link java.time.OffsetDateTime}.
 */
public final class IsoTime {
  private IsoTime() {}

  /** Appends the timestamp, truncated to milliseconds, to {@code sb}. */
  public static void format(long epochMilli, StringBuilder sb) {
    long days = Math.floorDiv(epochMilli, 86_400_000L);
    int msOfDay = (int) Math.floorMod(epochMilli, 86_400_000L);
    // Civil-from-days (H. Hinnant), valid for the proleptic Gregorian calendar.
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) {
      y++;
    }
    if (y < 0 || y > 9999) {
      sb.append(Instant.ofEpochMilli(epochMilli));
      return;
    }
    pad(sb, (int) y, 4).append('-');
    pad(sb, (int) m, 2).append('-');
    pad(sb, (int) d, 2).append('T');
    pad(sb, msOfDay / 3_600_000, 2).append(':');
    pad(sb, msOfDay / 60_000 % 60, 2).append(':');
    pad(sb, msOfDay / 1000 % 60, 2).append('.');
    pad(sb, msOfDay % 1000, 3).append('Z');
  }

  public static String format(Instant t) {
    StringBuilder sb = new StringBuilder(24);
    format(t.toEpochMilli(), sb);
    return sb.toString();
  }

  public static String format(long epochMilli) {
    StringBuilder sb = new StringBuilder(24);
    format(epochMilli, sb);
    return sb.toString();
  }

  private static StringBuilder pad(StringBuilder sb, int v, int width) {
    int p = 1;
    for (int i = 1; i < width; i++) {
      p *= 10;
    }
    while (p > 1 && v < p) {
      sb.append('0');
      p /= 10;
    }
    return sb.append(v);
  }

  /**
   * Parses an ISO-8601 timestamp with a zone. {@code yyyy-MM-ddTHH:mm:ss[.f…f](Z|±HH:MM)} with 0–9
   * fraction digits takes a fast path (feed readers meet it once per record, and java.time's parser
   * would be most of their cost); anything else goes through {@link java.time.OffsetDateTime}, so
   * the two always agree.
   *
   * @throws DateTimeParseException when the text is not an ISO-8601 date-time with a zone
   */
  public static Instant parse(CharSequence s) {
    Instant fast = parseCommon(s);
    return fast != null ? fast : java.time.OffsetDateTime.parse(s).toInstant();
  }

  /** The common forms, or null to leave the text to java.time (which also words the error). */
  private static Instant parseCommon(CharSequence s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int y = digits(s, 0, 4);
    int mo = digits(s, 5, 2);
    int d = digits(s, 8, 2);
    int h = digits(s, 11, 2);
    int mi = digits(s, 14, 2);
    int se = digits(s, 17, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59
        || se < 0 || se > 59) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int scale = 100_000_000;
      i++;
      int first = i;
      for (; i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
        if (i - first >= 9) {
          return null;
        }
        nanos += (s.charAt(i) - '0') * scale;
        scale /= 10;
      }
      if (i == first) {
        return null;
      }
    }
    int offsetSeconds;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offsetSeconds = 0;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || oh > 18 || om < 0 || om > 59 || oh == 18 && om > 0) {
        return null;
      }
      offsetSeconds = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
    } else {
      return null;
    }
    long days = daysFromCivil(y, mo, d);
    return Instant.ofEpochSecond(((days * 24 + h) * 60 + mi) * 60L + se - offsetSeconds, nanos);
  }

  private static int daysIn(int y, int m) {
    return switch (m) {
      case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static int digits(CharSequence s, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date. */
  public static long daysFromCivil(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
