package io.watchline.sites;

/**
 * How a camera turns a horizontal image coordinate x (normalised, -1 left edge .. 1 right edge)
 * into an angle off its optical axis, half field of view h.
 */
public enum Lens {
  /** A rectilinear lens: x is proportional to tan(angle), so angle = atan(x · tan h). */
  PINHOLE,
  /** The older approximation, exact only at the axis and the edges: angle = x · h. */
  LINEAR;

  /** Degrees off the axis (positive clockwise) of image x for a field of view of {@code fovDeg}. */
  public double angleOff(double x, double fovDeg) {
    double half = fovDeg / 2;
    return this == LINEAR ? x * half : Math.toDegrees(Math.atan(x * Math.tan(Math.toRadians(half))));
  }

  /** The inverse of {@link #angleOff}: image x of an angle {@code offDeg} off the axis. */
  public double imageX(double offDeg, double fovDeg) {
    double half = fovDeg / 2;
    return this == LINEAR ? offDeg / half : Math.tan(Math.toRadians(offDeg)) / Math.tan(Math.toRadians(half));
  }
}
