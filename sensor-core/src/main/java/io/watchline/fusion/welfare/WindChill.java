package io.watchline.fusion.welfare;

/**
 * Wind chill by the formula Environment Canada and the US National Weather Service adopted in 2001
 * (the JAG/TI index): {@code 13.12 + 0.6215 T - 11.37 V^0.16 + 0.3965 T V^0.16}, T air temperature
 * in °C, V wind speed in km/h at 10 m. It is defined for T ≤ 10 °C and V ≥ 4.8 km/h; outside that
 * range the air temperature is returned, as both agencies do.
 */
public final class WindChill {
  /** Warmest air temperature the index is defined for, °C. */
  public static final double MAX_TEMPERATURE_C = 10;
  /** Slowest wind the index is defined for, km/h. */
  public static final double MIN_WIND_KMH = 4.8;

  private WindChill() {}

  /** Wind chill in °C; NaN when the temperature is unknown; the temperature when the wind is unknown. */
  public static double celsius(double temperatureC, double windKmh) {
    if (Double.isNaN(temperatureC)) return Double.NaN;
    if (Double.isNaN(windKmh) || temperatureC > MAX_TEMPERATURE_C || windKmh < MIN_WIND_KMH) {
      return temperatureC;
    }
    double v = Math.pow(windKmh, 0.16);
    return 13.12 + 0.6215 * temperatureC - 11.37 * v + 0.3965 * temperatureC * v;
  }
}
