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
   * Parses an ISO-8601 timestamp. The canonical {@code yyyy-MM-ddTHH:mm:ss.SSSZ} form takes a fast
   * path; anything else goes through java.time.
   *
   * @throws DateTimeParseException when the text is not an ISO-8601 instant
   */
  public static Instant parse(CharSequence s) {
    if (s.length() == 24 && s.charAt(23) == 'Z' && s.charAt(10) == 'T' && s.charAt(19) == '.') {
      int y = digits(s, 0, 4);
      int mo = digits(s, 5, 2);
      int d = digits(s, 8, 2);
      int h = digits(s, 11, 2);
      int mi = digits(s, 14, 2);
      int se = digits(s, 17, 2);
      int ms = digits(s, 20, 3);
      if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && h >= 0 && h < 24
          && mi >= 0 && mi < 60 && se >= 0 && se < 60 && ms >= 0
          && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(13) == ':' && s.charAt(16) == ':') {
        long days = daysFromCivil(y, mo, d);
        return Instant.ofEpochMilli(((days * 24 + h) * 60 + mi) * 60_000L + se * 1000L + ms);
      }
    }
    return java.time.OffsetDateTime.parse(s).toInstant();
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
