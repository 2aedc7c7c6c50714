package io.watchline.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * A UTC time window as options take it, {@code START/END}, end exclusive: ISO-8601 instants
 * ({@code 2026-11-20T18:00Z}, seconds optional) or dates ({@code 2026-11-20}, its midnight).
 *
 * @param startMs start, epoch milliseconds
 * @param endMs end, epoch milliseconds, after the start
 */
public record TimeWindow(long startMs, long endMs) {
  /** The picocli converter: a bad window is a usage error saying what a good one looks like. */
  public static final class Converter implements CommandLine.ITypeConverter<TimeWindow> {
    @Override
    public TimeWindow convert(String value) {
      return parse(value);
    }
  }

  /** @throws CommandLine.TypeConversionException when not START/END, or the end is not after the start */
  public static TimeWindow parse(String window) {
    String[] parts = window.split("/");
    if (parts.length != 2) {
      throw new CommandLine.TypeConversionException(
          "must be START/END, e.g. 2026-11-20T18:00Z/2026-11-21T06:00Z, got " + window);
    }
    long a = instant(parts[0]);
    long b = instant(parts[1]);
    if (b <= a) {
      throw new CommandLine.TypeConversionException("the window ends before it starts: " + window);
    }
    return new TimeWindow(a, b);
  }

  /** START/END as ISO-8601 instants, the form the option takes (run manifests record this). */
  @Override
  public String toString() {
    return Instant.ofEpochMilli(startMs) + "/" + Instant.ofEpochMilli(endMs);
  }

  static long instant(String s) {
    s = s.trim();
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      }
      String iso = s.matches(".*T\\d{2}:\\d{2}Z$") ? s.replace("Z", ":00Z") : s;
      return Instant.parse(iso).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException("not a UTC time: '" + s + "' (use 2026-11-20T18:00Z or 2026-11-20)");
    }
  }
}
