package io.watchline.sites;

import io.watchline.geo.geodesy.Geodesy;

/**
 * One fixed sensor as described in {@code sites.yaml} (see docs/records.md for the fields).
 * Optional numbers are NaN when absent; {@code sac}/{@code sic} are -1 when the radar sends no
 * ASTERIX.
 */
public record Site(
    String id,
    SiteKind kind,
    double lat,
    double lon,
    double heightM,
    double azimuthDeg,
    double fovDeg,
    double rangeMinM,
    double rangeMaxM,
    int sac,
    int sic,
    long clockOffsetMs) {

  /** True when {@code bearingDeg} lies inside the horizontal field of view. */
  public boolean inFieldOfView(double bearingDeg) {
    if (Double.isNaN(fovDeg) || fovDeg >= 360) {
      return true;
    }
    double off = Math.abs(((bearingDeg - azimuthDeg) % 360 + 540) % 360 - 180);
    return off <= fovDeg / 2;
  }

  /** Position of a target at the given range and true bearing from the mast foot (geodesic). */
  public Geodesy.LatLon place(double rangeM, double bearingDeg) {
    return Geodesy.direct(lat, lon, bearingDeg, rangeM);
  }

  public boolean hasAsterixId() {
    return sac >= 0 && sic >= 0;
  }
}
