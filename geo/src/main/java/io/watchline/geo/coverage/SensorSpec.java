package io.watchline.geo.coverage;

import io.watchline.geo.InvalidValueException;

/**
 * A fixed sensor as the coverage maths sees it (the CLI maps sites.yaml entries to these).
 *
 * @param id sensor id
 * @param lat WGS84 latitude of the mast foot
 * @param lon WGS84 longitude of the mast foot
 * @param heightM sensor height above ground
 * @param azimuthDeg boresight, clockwise from north
 * @param fovDeg horizontal field of view, 360 (or NaN) for all round
 * @param rangeMinM closest detection range
 * @param rangeMaxM farthest detection range
 * @param curvatureCoeff {@link ViewshedParams#RADAR_CURVATURE} or {@link ViewshedParams#OPTICAL_CURVATURE}
 */
public record SensorSpec(
    String id, double lat, double lon, double heightM, double azimuthDeg, double fovDeg,
    double rangeMinM, double rangeMaxM, double curvatureCoeff) {

  public SensorSpec {
    if (!(rangeMaxM > 0)) {
      throw new InvalidValueException("sensor " + id + ": range_max_m must be > 0");
    }
  }

  public boolean allRound() {
    return Double.isNaN(fovDeg) || fovDeg >= 360;
  }

  /** True when a true bearing (degrees) lies in the field of view. */
  public boolean inFieldOfView(double bearingDeg) {
    if (allRound()) {
      return true;
    }
    double off = Math.abs(((bearingDeg - azimuthDeg) % 360 + 540) % 360 - 180);
    return off <= fovDeg / 2;
  }
}
