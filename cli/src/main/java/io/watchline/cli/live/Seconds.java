package io.watchline.cli.live;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration option in milliseconds: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h} or ISO-8601 {@code PT5S}. */
public final class Seconds implements ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("pt") || v.startsWith("p")) {
        return Duration.parse(value.trim().toUpperCase(Locale.ROOT)).toMillis();
      }
      long ms;
      if (v.endsWith("ms")) {
        ms = (long) Double.parseDouble(v.substring(0, v.length() - 2));
      } else if (v.endsWith("s")) {
        ms = (long) (Double.parseDouble(v.substring(0, v.length() - 1)) * 1000);
      } else if (v.endsWith("m")) {
        ms = (long) (Double.parseDouble(v.substring(0, v.length() - 1)) * 60_000);
      } else if (v.endsWith("h")) {
        ms = (long) (Double.parseDouble(v.substring(0, v.length() - 1)) * 3_600_000);
      } else {
        throw new NumberFormatException();
      }
      if (ms < 0) throw new NumberFormatException();
      return ms;
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new TypeConversionException("'" + value + "' is not a duration like 500ms, 5s, 2m or PT5S");
    }
  }
}
