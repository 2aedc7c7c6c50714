package io.watchline.sites;

import io.watchline.geo.geodesy.Geodesy;
import io.watchline.geo.geodesy.PolarPlacer;

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
    long clockOffsetMs,
    Lens lens,
    double rangeSigmaM,
    double bearingSigmaDeg) {

  /** A site with a pinhole lens (the default when sites.yaml names none) and fusion's accuracy. */
  public Site(String id, SiteKind kind, double lat, double lon, double heightM, double azimuthDeg,
      double fovDeg, double rangeMinM, double rangeMaxM, int sac, int sic, long clockOffsetMs) {
    this(id, kind, lat, lon, heightM, azimuthDeg, fovDeg, rangeMinM, rangeMaxM, sac, sic, clockOffsetMs, Lens.PINHOLE);
  }

  /** A site with the given lens and fusion's accuracy for its kind (no per-sensor sigmas). */
  public Site(String id, SiteKind kind, double lat, double lon, double heightM, double azimuthDeg,
      double fovDeg, double rangeMinM, double rangeMaxM, int sac, int sic, long clockOffsetMs, Lens lens) {
    this(id, kind, lat, lon, heightM, azimuthDeg, fovDeg, rangeMinM, rangeMaxM, sac, sic, clockOffsetMs, lens,
        Double.NaN, Double.NaN);
  }

  /** This sensor's range error (1 sigma, m) if sites.yaml gives one, else {@code fallback}. */
  public double rangeSigmaOr(double fallback) {
    return Double.isNaN(rangeSigmaM) ? fallback : rangeSigmaM;
  }

  /** This sensor's bearing error (1 sigma, degrees) if sites.yaml gives one, else {@code fallback}. */
  public double bearingSigmaOr(double fallback) {
    return Double.isNaN(bearingSigmaDeg) ? fallback : bearingSigmaDeg;
  }

  /**
   * True bearing of a horizontal image coordinate x (-1 left edge .. 1 right edge) by this
   * camera's lens model, 0..360.
   */
  public double bearingOfImageX(double x) {
    return ((azimuthDeg + lens.angleOff(x, fovDeg)) % 360 + 360) % 360;
  }

  /** Image x of a true bearing (the inverse of {@link #bearingOfImageX}); outside -1..1 off the image. */
  public double imageXOfBearing(double bearingDeg) {
    double off = ((bearingDeg - azimuthDeg) % 360 + 540) % 360 - 180;
    return lens.imageX(off, fovDeg);
  }

  /** True when {@code bearingDeg} lies inside the horizontal field of view. */
  public boolean inFieldOfView(double bearingDeg) {
    if (Double.isNaN(fovDeg) || fovDeg >= 360) {
      return true;
    }
    double off = Math.abs(((bearingDeg - azimuthDeg) % 360 + 540) % 360 - 180);
    return off <= fovDeg / 2;
  }

  /**
   * Position of a target at the given range and true bearing from the mast foot: the geodesic
   * endpoint within 1 mm ({@link PolarPlacer}, docs/feeds.md "Placing polar plots").
   */
  public Geodesy.LatLon place(double rangeM, double bearingDeg) {
    return PolarPlacer.at(lat, lon).place(rangeM, bearingDeg);
  }

  public boolean hasAsterixId() {
    return sac >= 0 && sic >= 0;
  }
}
