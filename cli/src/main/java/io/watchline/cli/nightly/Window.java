package io.watchline.cli.nightly;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The time window of a nightly run, [start, end) in UTC, and the date that names its folder: the
 * local date of the window's end (the morning the report is read).
 */
public record Window(Instant start, Instant end, LocalDate date, ZoneId zone) {

  public Window {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("the window must end after it starts: " + start + "/" + end);
    }
  }

  /** The night before {@code date}: {@code date-1 startTime} to {@code date endTime}, local time. */
  public static Window night(LocalDate date, LocalTime startTime, LocalTime endTime, ZoneId zone) {
    LocalDate startDate = endTime.isAfter(startTime) ? date : date.minusDays(1);
    Instant s = startDate.atTime(startTime).atZone(zone).toInstant();
    Instant e = date.atTime(endTime).atZone(zone).toInstant();
    return new Window(s, e, date, zone);
  }

  /**
   * Parses {@code START/END}; each end is an ISO-8601 instant with offset or Z, or a local
   * date-time in {@code zone}.
   */
  public static Window parse(String text, ZoneId zone) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("--window must be START/END, e.g. 2026-11-27T18:00/2026-11-28T08:00");
    }
    Instant s = instant(text.substring(0, slash).trim(), zone);
    Instant e = instant(text.substring(slash + 1).trim(), zone);
    return new Window(s, e, e.atZone(zone).toLocalDate(), zone);
  }

  private static Instant instant(String s, ZoneId zone) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s).atZone(zone).toInstant();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException(
            "--window: '" + s + "' is not a time like 2026-11-27T18:00 (local) or 2026-11-27T17:00Z");
      }
    }
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }

  /** Human form in the local zone, e.g. {@code 2026-11-27 18:00 – 2026-11-28 08:00 Europe/Podgorica}. */
  public String local() {
    var f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    return start.atZone(zone).format(f) + " – " + end.atZone(zone).format(f) + " " + zone.getId();
  }
}
