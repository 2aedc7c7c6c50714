package io.watchline.geo.index;

/**
 * The segments of a polyline as one flat table, laid out for the distance kernels of
 * {@link BorderIndex}: per segment its start, direction, 1 / length² and 1 / length, so a
 * distance needs no division and no branch.
 *
 * <p>Coordinates are planar (projected metres); nothing here knows about the grid or the tree.
 * Zero-length segments are allowed: their reciprocals are stored as 0, which makes the segment
 * behave as its start point. Immutable once built; all reads are thread-safe.
 */
final class SegmentTable {
  /** Row stride: start x, start y, dx, dy, 1 / length², 1 / length. */
  static final int ROW = 6;

  /** The polyline's vertices (x[i], y[i]), i in [0, vertexCount). */
  final double[] x;
  final double[] y;
  final int vertexCount;
  /** Segment i (from vertex i to vertex i + 1) at {@code ROW * i}. */
  final double[] rows;

  /**
   * @param x vertex x coordinates, taken as they are (not copied)
   * @param y vertex y coordinates, the same length, at least 2
   */
  SegmentTable(double[] x, double[] y) {
    this.x = x;
    this.y = y;
    this.vertexCount = x.length;
    int m = vertexCount - 1;
    rows = new double[ROW * m];
    for (int i = 0; i < m; i++) {
      double dx = x[i + 1] - x[i], dy = y[i + 1] - y[i];
      double len2 = dx * dx + dy * dy;
      int o = ROW * i;
      rows[o] = x[i];
      rows[o + 1] = y[i];
      rows[o + 2] = dx;
      rows[o + 3] = dy;
      rows[o + 4] = len2 == 0 ? 0 : 1 / len2;
      rows[o + 5] = len2 == 0 ? 0 : 1 / Math.sqrt(len2);
    }
  }

  int segmentCount() {
    return vertexCount - 1;
  }

  /** Length of segment i in metres. */
  double length(int i) {
    double dx = x[i + 1] - x[i], dy = y[i + 1] - y[i];
    return Math.sqrt(dx * dx + dy * dy);
  }

  /** Heap bytes of the vertex arrays and the table. */
  long bytes() {
    return 16L * vertexCount + 8L * rows.length;
  }

  /** Squared distance from (px, py) to segment i. */
  double distanceSq(double px, double py, int i) {
    double[] s = rows;
    int o = ROW * i;
    double ex = px - s[o], ey = py - s[o + 1], dx = s[o + 2], dy = s[o + 3];
    double t = Math.max(0.0, Math.min(1.0, (ex * dx + ey * dy) * s[o + 4]));
    double rx = ex - t * dx, ry = ey - t * dy;
    return rx * rx + ry * ry;
  }

  /** Where (px, py) projects on the line through segment i: 0 at its start, 1 at its end (unclamped). */
  double parameter(double px, double py, int i) {
    int o = ROW * i;
    return ((px - rows[o]) * rows[o + 2] + (py - rows[o + 1]) * rows[o + 3]) * rows[o + 4];
  }

  /**
   * Signed distance from the infinite line through segment i: positive on its left. Only the
   * answer for a point whose nearest point of the polyline is inside segment i (0 < t < 1).
   */
  double lineDistance(double px, double py, int i) {
    double[] s = rows;
    int o = ROW * i;
    return (s[o + 2] * (py - s[o + 1]) - s[o + 3] * (px - s[o])) * s[o + 5];
  }

  /**
   * The nearest of segments first..last (inclusive) if nearer than {@code best} (a squared
   * distance), else {@code bestI}. The lowest index wins a tie within the range.
   */
  int nearestInRange(double px, double py, int first, int last, double best, int bestI) {
    for (int i = first; i <= last; i++) {
      double d = distanceSq(px, py, i);
      if (d < best) {
        best = d;
        bestI = i;
      }
    }
    return bestI;
  }

  /**
   * {@link #signed} for the nearest of segments first..last (inclusive; the lowest index on ties),
   * which must hold the nearest point of the polyline: one pass that keeps the winner's projection
   * and cross product instead of measuring it again.
   */
  double signedNearestInRange(double px, double py, int first, int last, double maxM) {
    double[] s = rows;
    double best = Double.POSITIVE_INFINITY, bestT = 0, bestCross = 0;
    int bestI = first;
    for (int i = first; i <= last; i++) {
      int o = ROW * i;
      double ex = px - s[o], ey = py - s[o + 1], dx = s[o + 2], dy = s[o + 3];
      double t = (ex * dx + ey * dy) * s[o + 4];
      double tc = Math.max(0.0, Math.min(1.0, t));
      double rx = ex - tc * dx, ry = ey - tc * dy;
      double d2 = rx * rx + ry * ry;
      if (d2 < best) {
        best = d2;
        bestI = i;
        bestT = t;
        bestCross = dx * ey - dy * ex;
      }
    }
    if (!(best <= maxM * maxM)) {
      return Double.NaN;
    }
    double d = Math.sqrt(best);
    boolean left = bestCross >= 0;
    if (!(bestT > 0 && bestT < 1) && !neighboursAgree(px, py, bestI, left)) {
      left = SegmentMath.isLeft(px, py, x, y, vertexCount, bestI);
    }
    return left ? d : -d;
  }

  /**
   * Whether the segments before and after segment i (where they exist) put (px, py) on the same
   * side as {@code left}, the side by segment i's cross product. Then {@link SegmentMath#isLeft}
   * answers {@code left} whichever vertex of segment i is nearest (each of its rules combines
   * crosses that all agree), so the slower vertex rule can be skipped. The crosses are computed
   * exactly as {@link SegmentMath#cross} computes them.
   */
  private boolean neighboursAgree(double px, double py, int i, boolean left) {
    return (i == 0 || (cross(px, py, i - 1) >= 0) == left) && (i + 2 >= vertexCount || (cross(px, py, i + 1) >= 0) == left);
  }

  /** Cross product of segment i's direction and (p - its start): > 0 when p is on its left. */
  private double cross(double px, double py, int i) {
    double[] s = rows;
    int o = ROW * i;
    return s[o + 2] * (py - s[o + 1]) - s[o + 3] * (px - s[o]);
  }

  /**
   * Signed distance to segment i, which must be the nearest of the polyline, or NaN when it
   * exceeds {@code maxM}. Inside the segment's span the side is the sign of the cross product; at
   * a vertex both segments meeting there decide ({@link SegmentMath#isLeft}). Points on the line
   * get +0.
   */
  double signed(double px, double py, int i, double maxM) {
    return signedNearestInRange(px, py, i, i, maxM);
  }
}
