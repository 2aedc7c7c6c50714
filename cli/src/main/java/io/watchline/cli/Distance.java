package io.watchline.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Parses distances such as {@code 10km}, {@code 500m}, {@code 2.5 km} or a bare number of metres. */
public final class Distance implements CommandLine.ITypeConverter<Double> {
  private static final Pattern FORMAT = Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*(km|m)?\\s*");

  @Override
  public Double convert(String value) {
    return metres(value);
  }

  public static double metres(String value) {
    Matcher m = FORMAT.matcher(value.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a distance (examples: 10km, 500m, 2.5km)");
    }
    double v = Double.parseDouble(m.group(1));
    return "km".equals(m.group(2)) ? v * 1000 : v;
  }
}
