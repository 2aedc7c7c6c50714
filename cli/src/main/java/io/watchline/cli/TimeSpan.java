package io.watchline.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Parses durations the way every option takes them: a number with a unit ({@code 500ms},
 * {@code 2s}, {@code 90min} or {@code 90m}, {@code 4h}, {@code 1.5d}), or ISO-8601 ({@code PT5M},
 * {@code P7D}). A bare number is milliseconds: the old spelling of {@code --reorder-window}, kept
 * for one release.
 */
public final class TimeSpan implements CommandLine.ITypeConverter<Duration> {
  private static final Pattern FORMAT = Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*(ms|min|m|s|h|d)?\\s*");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /** The same, as milliseconds, for options held as a {@code long}. */
  public static final class Millis implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return parse(value).toMillis();
    }
  }

  /**
   * @throws CommandLine.TypeConversionException when {@code value} is none of the forms above, or
   *     negative
   */
  public static Duration parse(String value) {
    String v = value.trim();
    if (v.startsWith("P") || v.startsWith("p")) {
      try {
        Duration d = Duration.parse(v);
        if (d.isNegative()) {
          throw new CommandLine.TypeConversionException("'" + value + "' is negative; a duration must not be");
        }
        return d;
      } catch (DateTimeParseException e) {
        throw notADuration(value);
      }
    }
    Matcher m = FORMAT.matcher(v.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw notADuration(value);
    }
    double n = Double.parseDouble(m.group(1));
    double unitMs = switch (m.group(2) == null ? "ms" : m.group(2)) {
      case "d" -> 86_400_000d;
      case "h" -> 3_600_000d;
      case "min", "m" -> 60_000d;
      case "s" -> 1000d;
      default -> 1d;
    };
    return Duration.ofMillis(Math.round(n * unitMs));
  }

  private static CommandLine.TypeConversionException notADuration(String value) {
    return new CommandLine.TypeConversionException(
        "'" + value + "' is not a duration (examples: 2s, 500ms, 90min, 4h, 1d, PT5M)");
  }
}
