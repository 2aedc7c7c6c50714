package io.watchline.geo.index;

/**
 * The planar kernels every border query shares, on flat vertex arrays: distance to a segment,
 * which side of the line a point is on, and segment crossing. Kept in one place so the indexed
 * paths and the brute-force paths agree bit for bit.
 */
public final class SegmentMath {
  private SegmentMath() {}

  /** Squared distance from (px, py) to segment (ax, ay)-(bx, by). */
  public static double distanceSq(double px, double py, double ax, double ay, double bx, double by) {
    double dx = bx - ax;
    double dy = by - ay;
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
    if (t <= 0) {
      double ex = px - ax;
      double ey = py - ay;
      return ex * ex + ey * ey;
    }
    if (t >= 1) {
      double ex = px - bx;
      double ey = py - by;
      return ex * ex + ey * ey;
    }
    double ex = px - (ax + t * dx);
    double ey = py - (ay + t * dy);
    return ex * ex + ey * ey;
  }

  /** Where along the segment the nearest point lies: 0 at a, 1 at b, clamped. */
  public static double nearestParameter(double px, double py, double ax, double ay, double bx, double by) {
    double dx = bx - ax;
    double dy = by - ay;
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
    return t <= 0 ? 0 : t >= 1 ? 1 : t;
  }

  /** Twice the signed area of (a, b, p): > 0 when p is left of a→b. */
  public static double cross(double ax, double ay, double bx, double by, double px, double py) {
    return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
  }

  /**
   * Whether p lies on the left of the polyline, given that its nearest point is on segment
   * {@code i} of the line with vertices (x, y) of length n. When the nearest point is a shared
   * vertex the two segments meeting there decide together: beside a left turn a point is on the
   * left only when it is left of both, beside a right turn when it is left of either. Points
   * exactly on the line count as left.
   */
  public static boolean isLeft(double px, double py, double[] x, double[] y, int n, int i) {
    double t = nearestParameter(px, py, x[i], y[i], x[i + 1], y[i + 1]);
    int v = -1;
    if (t <= 0 && i > 0) {
      v = i;
    } else if (t >= 1 && i + 2 < n) {
      v = i + 1;
    }
    if (v < 0) {
      return cross(x[i], y[i], x[i + 1], y[i + 1], px, py) >= 0;
    }
    double c1 = cross(x[v - 1], y[v - 1], x[v], y[v], px, py);
    double c2 = cross(x[v], y[v], x[v + 1], y[v + 1], px, py);
    double turn = cross(x[v - 1], y[v - 1], x[v], y[v], x[v + 1], y[v + 1]);
    if (turn > 0) {
      return c1 >= 0 && c2 >= 0;
    }
    if (turn < 0) {
      return c1 >= 0 || c2 >= 0;
    }
    return c1 >= 0;
  }

  /**
   * Where the track p1→p2 properly crosses segment a→b, as a fraction of the track in [0, 1], or
   * NaN. The track must start off the line (so a track passing through a vertex of the border or
   * continuing from a point on it is counted once); touching the line at p2 counts.
   */
  public static double crossingFraction(
      double p1x, double p1y, double p2x, double p2y, double ax, double ay, double bx, double by) {
    double d1 = cross(ax, ay, bx, by, p1x, p1y);
    double d2 = cross(ax, ay, bx, by, p2x, p2y);
    if (d1 == 0 || (d1 > 0 && d2 > 0) || (d1 < 0 && d2 < 0)) {
      return Double.NaN;
    }
    double d3 = cross(p1x, p1y, p2x, p2y, ax, ay);
    double d4 = cross(p1x, p1y, p2x, p2y, bx, by);
    if ((d3 > 0 && d4 > 0) || (d3 < 0 && d4 < 0) || (d3 == 0 && d4 == 0)) {
      return Double.NaN;
    }
    return d1 / (d1 - d2);
  }

  /** Whether segment a–b meets the closed box [x0, x1] x [y0, y1]. */
  public static boolean segmentMeetsBox(double ax, double ay, double bx, double by, double x0, double y0, double x1, double y1) {
    if (Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1 || Math.max(ay, by) < y0 || Math.min(ay, by) > y1) {
      return false;
    }
    if ((ax >= x0 && ax <= x1 && ay >= y0 && ay <= y1) || (bx >= x0 && bx <= x1 && by >= y0 && by <= y1)) {
      return true;
    }
    // Otherwise the segment meets the box only if the box corners are not all strictly on one side.
    double c1 = cross(ax, ay, bx, by, x0, y0);
    double c2 = cross(ax, ay, bx, by, x1, y0);
    double c3 = cross(ax, ay, bx, by, x0, y1);
    double c4 = cross(ax, ay, bx, by, x1, y1);
    return !((c1 > 0 && c2 > 0 && c3 > 0 && c4 > 0) || (c1 < 0 && c2 < 0 && c3 < 0 && c4 < 0));
  }
}
