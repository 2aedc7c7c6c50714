package io.watchline.fusion.associate;

import io.watchline.observation.Observation;

/**
 * A camera line of sight in the local plane: origin (the site), unit direction, time and the
 * observation it came from.
 *
 * @param rangeM measured range when the camera gave one, else NaN
 * @param maxRangeM the site's maximum range (NaN when unknown)
 */
public record Bearing(String site, double ox, double oy, double dx, double dy, long tMs, double rangeM, double maxRangeM, Observation obs) {

  /** Angle in degrees between this line of sight and the direction from the site to (x, y). */
  public double offAxisDeg(double x, double y) {
    double ex = x - ox, ey = y - oy;
    double n = Math.sqrt(ex * ex + ey * ey);
    if (n == 0) return 0;
    double cos = (ex * dx + ey * dy) / n;
    double sin = (dx * ey - dy * ex) / n;
    return Math.toDegrees(Math.abs(Math.atan2(sin, cos)));
  }

  public double distanceTo(double x, double y) {
    double dx = x - ox, dy = y - oy;
    return Math.sqrt(dx * dx + dy * dy);
  }
}
