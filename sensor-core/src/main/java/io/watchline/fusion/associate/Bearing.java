package io.watchline.fusion.associate;

import io.watchline.observation.Observation;

/**
 * A camera line of sight in the border's local plane: origin (the site), unit direction, time and
 * the observation it came from. Immutable.
 *
 * @param site the camera's site id
 * @param ox site x, m
 * @param oy site y, m
 * @param dx unit direction, east component (dx² + dy² = 1)
 * @param dy unit direction, north component
 * @param tMs time, epoch ms
 * @param rangeM measured range when the camera gave one, else NaN, m
 * @param maxRangeM the site's maximum range (NaN when unknown), m
 * @param obs the observation (its source, class and confidence travel with a crossed position)
 */
public record Bearing(String site, double ox, double oy, double dx, double dy, long tMs, double rangeM, double maxRangeM, Observation obs) {

  /** Angle in degrees (0..180) between this line of sight and the direction from the site to (x, y); 0 at the site itself. */
  public double offAxisDeg(double x, double y) {
    double ex = x - ox, ey = y - oy;
    double n = Math.sqrt(ex * ex + ey * ey);
    if (n == 0) return 0;
    double cos = (ex * dx + ey * dy) / n;
    double sin = (dx * ey - dy * ex) / n;
    return Math.toDegrees(Math.abs(Math.atan2(sin, cos)));
  }

  /** Distance from the site to (x, y), m. */
  public double distanceTo(double x, double y) {
    double dx = x - ox, dy = y - oy;
    return Math.sqrt(dx * dx + dy * dy);
  }
}
