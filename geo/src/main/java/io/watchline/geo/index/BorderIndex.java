package io.watchline.geo.index;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/**
 * The projected border line as flat vertex arrays, answering signed distance and first crossing.
 * Immutable and thread-safe.
 */
public final class BorderIndex {
  private final double[] x;
  private final double[] y;
  private final int n;

  private BorderIndex(double[] x, double[] y) {
    this.x = x;
    this.y = y;
    this.n = x.length;
  }

  public static BorderIndex build(LineString lineXy) {
    Coordinate[] c = lineXy.getCoordinates();
    double[] x = new double[c.length];
    double[] y = new double[c.length];
    for (int i = 0; i < c.length; i++) {
      x[i] = c[i].x;
      y[i] = c[i].y;
    }
    return new BorderIndex(x, y);
  }

  public int segmentCount() {
    return n - 1;
  }

  /** Index of the segment nearest to (px, py); the lowest index on ties. */
  public int nearestSegment(double px, double py) {
    double best = Double.POSITIVE_INFINITY;
    int bestI = -1;
    for (int i = 0; i + 1 < n; i++) {
      double d = SegmentMath.distanceSq(px, py, x[i], y[i], x[i + 1], y[i + 1]);
      if (d < best) {
        best = d;
        bestI = i;
      }
    }
    return bestI;
  }

  /** Distance in metres to the line, positive on its left, negative on its right. */
  public double signedDistance(double px, double py) {
    int i = nearestSegment(px, py);
    double d = Math.sqrt(SegmentMath.distanceSq(px, py, x[i], y[i], x[i + 1], y[i + 1]));
    return SegmentMath.isLeft(px, py, x, y, n, i) ? d : -d;
  }

  /**
   * The first segment the track p1→p2 crosses, or -1. On a hit {@code out[0]} is the fraction along
   * the track and {@code out[1]} is positive when the track starts on the left.
   */
  public int firstCrossing(double p1x, double p1y, double p2x, double p2y, double[] out) {
    double best = Double.POSITIVE_INFINITY;
    int bestI = -1;
    for (int i = 0; i + 1 < n; i++) {
      double f = SegmentMath.crossingFraction(p1x, p1y, p2x, p2y, x[i], y[i], x[i + 1], y[i + 1]);
      if (f < best) {
        best = f;
        bestI = i;
      }
    }
    if (bestI >= 0) {
      out[0] = best;
      out[1] = SegmentMath.cross(x[bestI], y[bestI], x[bestI + 1], y[bestI + 1], p1x, p1y);
    }
    return bestI;
  }
}
