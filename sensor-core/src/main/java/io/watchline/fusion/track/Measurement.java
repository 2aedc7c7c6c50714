package io.watchline.fusion.track;

import io.watchline.observation.Kind;
import io.watchline.observation.Source;
import java.util.List;

/**
 * One position measurement in the local metric plane, with its error covariance and the
 * observations it was made from (two for a position crossed from two camera bearings).
 *
 * Immutable.
 *
 * @param tMs time, epoch milliseconds
 * @param x position east in the border's local plane, m
 * @param y position north, m
 * @param rxx error covariance, m² (with rxy and ryy positive definite)
 * @param rxy error covariance, m²
 * @param ryy error covariance, m²
 * @param kind the sensor kind (radar, or thermal for cameras)
 * @param sensor the sensor (site) id, or null
 * @param feedTrack the feed's own track id when it has one (kept, not re-associated), else null
 * @param cls the sensor's classification, or null
 * @param conf the sensor's confidence 0..1, or NaN
 * @param sources the observations it was made from (not null)
 * @param object the camera's own object id ("CAM-10/294") of a camera detection, else null: the
 *     camera's analytics tell its objects apart, so two ids in one frame are two objects (a
 *     measurement with one still goes through the gate, unlike a feed track)
 * @param classReliability how far {@code cls} is a recognition rather than a guess, 0..1 (a
 *     camera's call at long range, {@code Site.classReliability}); 1 when not known
 */
public record Measurement(
    long tMs,
    double x,
    double y,
    double rxx,
    double rxy,
    double ryy,
    Kind kind,
    String sensor,
    String feedTrack,
    String cls,
    double conf,
    List<Source> sources,
    String object,
    double classReliability) {

  /** A measurement whose class, if any, counts in full. */
  public Measurement(long tMs, double x, double y, double rxx, double rxy, double ryy, Kind kind, String sensor,
      String feedTrack, String cls, double conf, List<Source> sources, String object) {
    this(tMs, x, y, rxx, rxy, ryy, kind, sensor, feedTrack, cls, conf, sources, object, 1);
  }

  /** A measurement without a camera object id. */
  public Measurement(long tMs, double x, double y, double rxx, double rxy, double ryy, Kind kind, String sensor,
      String feedTrack, String cls, double conf, List<Source> sources) {
    this(tMs, x, y, rxx, rxy, ryy, kind, sensor, feedTrack, cls, conf, sources, null);
  }

  /** An isotropic measurement with standard deviation {@code sigmaM} metres. */
  public static Measurement isotropic(
      long tMs, double x, double y, double sigmaM, Kind kind, String sensor, List<Source> sources) {
    double v = sigmaM * sigmaM;
    return new Measurement(tMs, x, y, v, 0, v, kind, sensor, null, null, Double.NaN, sources);
  }

  /**
   * Covariance of a polar measurement (range sigma along the bearing, cross-range sigma = range x
   * bearing sigma across it), rotated into x (east) / y (north). Ranges below 1 m count as 1 m, so
   * the covariance stays positive definite at the site.
   *
   * @param rangeM measured range, m
   * @param bearingDeg bearing clockwise from north, degrees
   * @param sigmaRangeM range error (1 sigma), m
   * @param sigmaBearingDeg bearing error (1 sigma), degrees
   * @return {rxx, rxy, ryy} in m²
   */
  public static double[] polarCovariance(double rangeM, double bearingDeg, double sigmaRangeM, double sigmaBearingDeg) {
    double b = Math.toRadians(bearingDeg);
    double ux = Math.sin(b), uy = Math.cos(b); // along the bearing
    double vr = sigmaRangeM * sigmaRangeM;
    double ct = Math.max(rangeM, 1) * Math.toRadians(sigmaBearingDeg);
    double vc = ct * ct;
    // R = vr u u' + vc w w', w = (uy, -ux)
    double rxx = vr * ux * ux + vc * uy * uy;
    double ryy = vr * uy * uy + vc * ux * ux;
    double rxy = (vr - vc) * ux * uy;
    return new double[] {rxx, rxy, ryy};
  }
}
