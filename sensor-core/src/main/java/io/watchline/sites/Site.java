package io.watchline.sites;

import io.watchline.geo.geodesy.Geodesy;
import io.watchline.geo.geodesy.PolarPlacer;

/**
 * One fixed sensor as described in {@code sites.yaml} (see docs/records.md for the fields).
 * Optional numbers are NaN when absent; {@code sac}/{@code sic} are -1 when the radar sends no
 * ASTERIX; {@code detection} is {@link Detection#UNKNOWN} when the file gives no detection figures.
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
    double bearingSigmaDeg,
    double recognitionRangeM,
    Detection detection) {

  /** A site whose sheet gives no detection figures ({@link Detection#UNKNOWN}). */
  public Site(String id, SiteKind kind, double lat, double lon, double heightM, double azimuthDeg,
      double fovDeg, double rangeMinM, double rangeMaxM, int sac, int sic, long clockOffsetMs, Lens lens,
      double rangeSigmaM, double bearingSigmaDeg, double recognitionRangeM) {
    this(id, kind, lat, lon, heightM, azimuthDeg, fovDeg, rangeMinM, rangeMaxM, sac, sic, clockOffsetMs, lens,
        rangeSigmaM, bearingSigmaDeg, recognitionRangeM, Detection.UNKNOWN);
  }

  /** A site with per-sensor sigmas and no recognition range of its own (see {@link #classReliability}). */
  public Site(String id, SiteKind kind, double lat, double lon, double heightM, double azimuthDeg,
      double fovDeg, double rangeMinM, double rangeMaxM, int sac, int sic, long clockOffsetMs, Lens lens,
      double rangeSigmaM, double bearingSigmaDeg) {
    this(id, kind, lat, lon, heightM, azimuthDeg, fovDeg, rangeMinM, rangeMaxM, sac, sic, clockOffsetMs, lens,
        rangeSigmaM, bearingSigmaDeg, Double.NaN);
  }

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
   * How far a class this camera reports at {@code rangeM} is a recognition rather than a guess,
   * 0..1: Johnson's target transfer probability function, P = q^E / (1 + q^E) with q = R50 / range
   * and E = 2.7 + 0.7 q, where R50 is the range at which the camera recognises half the time
   * ({@code recognition_range_m} from its spec sheet; half of {@code range_max_m} when absent, the
   * detection range being about twice the recognition range on thermal cameras' DRI sheets). At
   * half R50 it is 0.95, at R50 0.5, at 1.7 R50 0.16: a thermal camera's analytics at the edge of
   * its range call people "animal" and deer "human" about as often as not, and such calls must not
   * outvote the few made close in. 1 for radars and for sites with neither range.
   */
  public double classReliability(double rangeM) {
    double r50 = !Double.isNaN(recognitionRangeM) ? recognitionRangeM
        : kind == SiteKind.THERMAL && !Double.isNaN(rangeMaxM) ? rangeMaxM / 2 : Double.NaN;
    if (Double.isNaN(r50) || Double.isNaN(rangeM)) {
      return 1;
    }
    double q = r50 / Math.max(rangeM, 1);
    double qe = Math.pow(q, 2.7 + 0.7 * q);
    return Double.isInfinite(qe) ? 1 : qe / (1 + qe);
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
