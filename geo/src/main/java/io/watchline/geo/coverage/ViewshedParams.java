package io.watchline.geo.coverage;

import io.watchline.geo.InvalidValueException;

/**
 * What one viewshed computation needs besides the terrain.
 *
 * @param observerHeightM sensor height above the ground under it (mast height)
 * @param targetHeightM height above ground of what must be seen (1.7 m person, 2.5 m vehicle)
 * @param curvatureCoeff {@code gdal_viewshed -cc}: fraction of the earth-curvature drop that
 *     remains after refraction; heights fall by {@code cc * d^2 / D} with D the earth's diameter.
 *     0.85714 for light (k = 1/7), 0.75 for radar (4/3 earth), 1 for no refraction, 0 for none.
 * @param maxDistanceM range limit in metres, 0 for the whole grid
 * @param earthDiameterM earth diameter used in the curvature term (twice the semi-major axis)
 */
public record ViewshedParams(
    double observerHeightM, double targetHeightM, double curvatureCoeff, double maxDistanceM, double earthDiameterM) {

  public static final double OPTICAL_CURVATURE = 0.85714;
  public static final double RADAR_CURVATURE = 0.75;
  public static final double PERSON_HEIGHT_M = 1.7;
  public static final double VEHICLE_HEIGHT_M = 2.5;
  public static final double WGS84_DIAMETER_M = 2 * 6_378_137.0;

  public ViewshedParams {
    if (!(observerHeightM >= 0) || !(targetHeightM >= 0)) {
      throw new InvalidValueException("observer and target heights must be >= 0 m");
    }
    if (!(curvatureCoeff >= 0) || curvatureCoeff > 1.5) {
      throw new InvalidValueException("curvature coefficient must be in 0..1.5, got " + curvatureCoeff);
    }
    if (!(maxDistanceM >= 0)) {
      throw new InvalidValueException("max distance must be >= 0 m");
    }
  }

  public static ViewshedParams of(double observerHeightM, double targetHeightM, double curvatureCoeff, double maxDistanceM) {
    return new ViewshedParams(observerHeightM, targetHeightM, curvatureCoeff, maxDistanceM, WGS84_DIAMETER_M);
  }

  /** Height lost to earth curvature (less refraction) at ground distance d. */
  public double curvatureDropM(double distanceM) {
    return curvatureCoeff * distanceM * distanceM / earthDiameterM;
  }
}
