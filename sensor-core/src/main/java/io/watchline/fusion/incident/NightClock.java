package io.watchline.fusion.incident;

/**
 * Is it dark at a place and time? Sun elevation from the low-precision solar position of the
 * Astronomical Almanac (good to about 0.01 degree, plenty for a yes/no): night means the sun is
 * below civil twilight (-6 degrees).
 */
public final class NightClock {
  private NightClock() {}

  public static boolean isNight(long tMs, double lat, double lon) {
    return sunElevationDeg(tMs, lat, lon) < -6;
  }

  public static double sunElevationDeg(long tMs, double lat, double lon) {
    double d = tMs / 86_400_000.0 - 10_957.5; // days since J2000.0
    double g = Math.toRadians(357.529 + 0.98560028 * d);
    double q = 280.459 + 0.98564736 * d;
    double l = Math.toRadians(q + 1.915 * Math.sin(g) + 0.020 * Math.sin(2 * g));
    double e = Math.toRadians(23.439 - 0.00000036 * d);
    double ra = Math.atan2(Math.cos(e) * Math.sin(l), Math.cos(l));
    double dec = Math.asin(Math.sin(e) * Math.sin(l));
    double gmstDeg = (18.697374558 + 24.06570982441908 * d) * 15;
    double ha = Math.toRadians(gmstDeg + lon) - ra;
    double phi = Math.toRadians(lat);
    return Math.toDegrees(
        Math.asin(Math.sin(phi) * Math.sin(dec) + Math.cos(phi) * Math.cos(dec) * Math.cos(ha)));
  }
}
