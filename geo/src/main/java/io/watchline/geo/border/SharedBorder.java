package io.watchline.geo.border;

import io.watchline.geo.InvalidValueException;
import io.watchline.geo.index.PackedRTree;
import io.watchline.geo.index.SegmentMath;
import io.watchline.geo.index.SegmentSet;
import io.watchline.geo.io.GeometryException;
import io.watchline.geo.proj.LocalProjection;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * Derives the border line shared by two country polygons, robust to datasets whose neighbours do
 * not share vertices (overlaps and gaps up to the snap tolerance).
 *
 * <p>Walking the second country's outline counter-clockwise, a stretch belongs to the shared border
 * when it stays within the tolerance of the first country's outline <em>and</em> its nearest point
 * on that outline moves along with it. The second condition cuts the tails a plain distance test
 * would add near a tripoint or a river mouth, where the outline runs away along a third country or
 * the coast while its nearest point stays stuck at the corner. The line is the midline between the
 * two outlines (exactly the shared edges when they coincide), oriented so the second country is on
 * the left and the first on the right.
 */
public final class SharedBorder {
  private SharedBorder() {}

  /** Snap tolerance suited to geoBoundaries-like data whose neighbours are 1–2 km apart. */
  public static final double DEFAULT_TOLERANCE_M = 2_500;

  /** Nearest points advancing less than this share of the step count as stuck at a corner. */
  private static final double MIN_TRACKING_RATIO = 0.5;

  /** Result: the lon/lat line, its length in metres, and stretches dropped as separate pieces. */
  public record Result(LineString lineLonLat, double lengthM, int piecesFound, double droppedM) {}

  /**
   * @param right the first country (ends up on the right of the line)
   * @param left the second country (ends up on the left)
   */
  public static Result between(Geometry right, Geometry left, double toleranceM) {
    if (!(right instanceof Polygonal) || !(left instanceof Polygonal)) {
      throw new GeometryException("both countries must be polygons (got " + right.getGeometryType() + " and " + left.getGeometryType() + ")");
    }
    if (!(toleranceM > 0)) {
      throw new InvalidValueException("snap tolerance must be positive, got " + toleranceM);
    }
    Envelope e = new Envelope(right.getEnvelopeInternal());
    e.expandToInclude(left.getEnvelopeInternal());
    LocalProjection proj = LocalProjection.centredOn((e.getMinY() + e.getMaxY()) / 2, (e.getMinX() + e.getMaxX()) / 2);
    Geometry rightXy = proj.forward(right);
    Geometry leftXy = proj.forward(left);
    Outline target = Outline.of(rightXy);
    double step = Math.max(10, Math.min(200, toleranceM / 10));

    // Datasets whose neighbours share their edge vertices give the exact shared edges; otherwise
    // the outlines are matched within the tolerance, judged over a window to ride out zigzags.
    List<List<Coordinate>> exact = runs(leftXy, target, EXACT_TOLERANCE_M, step, 0);
    List<List<Coordinate>> snapped = runs(leftXy, target, toleranceM, step, (int) Math.ceil(toleranceM / 4 / step));
    List<List<Coordinate>> runs = length(exact) >= 0.8 * length(snapped) ? exact : snapped;
    if (runs.isEmpty()) {
      throw new GeometryException(
          "the two countries share no border within " + Math.round(toleranceM) + " m; are they neighbours? (try a larger --snap)");
    }
    GeometryFactory gf = rightXy.getFactory();
    LineString best = null;
    double total = 0;
    for (List<Coordinate> run : runs) {
      LineString l = gf.createLineString(run.toArray(Coordinate[]::new));
      total += l.getLength();
      if (best == null || l.getLength() > best.getLength()) {
        best = l;
      }
    }
    LineString simplified = (LineString) DouglasPeuckerSimplifier.simplify(best, 0.05);
    LineString lonLat = (LineString) proj.inverse(simplified);
    return new Result(lonLat, simplified.getLength(), runs.size(), total - best.getLength());
  }

  /** Outlines closer than this (metres) are taken as the same edge. */
  private static final double EXACT_TOLERANCE_M = 1.0;

  private static List<List<Coordinate>> runs(Geometry leftXy, Outline target, double tol, double step, int window) {
    List<List<Coordinate>> runs = new ArrayList<>();
    for (int k = 0; k < leftXy.getNumGeometries(); k++) {
      LinearRing ring = ((Polygon) leftXy.getGeometryN(k)).getExteriorRing();
      Coordinate[] pts = densify(ccw(ring.getCoordinates()), step);
      runs.addAll(sharedRuns(pts, target, tol, window));
    }
    return runs;
  }

  private static double length(List<List<Coordinate>> runs) {
    double sum = 0;
    for (List<Coordinate> r : runs) {
      for (int i = 0; i + 1 < r.size(); i++) {
        sum += r.get(i).distance(r.get(i + 1));
      }
    }
    return sum;
  }

  /**
   * Maximal runs of the ring where it tracks the other outline, as midline coordinates. A segment
   * tracks when, over {@code window} points either side, its nearest points on the other outline
   * advance along with it by at least half its own advance.
   */
  private static List<List<Coordinate>> sharedRuns(Coordinate[] p, Outline target, double tol, int window) {
    int n = p.length - 1; // closed ring: p[n] == p[0]
    double[] qx = new double[n + 1];
    double[] qy = new double[n + 1];
    boolean[] near = new boolean[n + 1];
    for (int i = 0; i <= n; i++) {
      double d = target.nearest(p[i].x, p[i].y, qx, qy, i);
      near[i] = d <= tol;
    }
    boolean[] keep = new boolean[n]; // segment i: p[i]..p[i+1]
    int kept = 0;
    for (int i = 0; i < n; i++) {
      int lo = Math.floorMod(i - window, n);
      int hi = Math.floorMod(i + 1 + window, n);
      double dpx = p[hi].x - p[lo].x;
      double dpy = p[hi].y - p[lo].y;
      double advance = dpx * (qx[hi] - qx[lo]) + dpy * (qy[hi] - qy[lo]);
      double dp2 = dpx * dpx + dpy * dpy;
      keep[i] = near[i] && near[i + 1] && dp2 > 0 && advance >= MIN_TRACKING_RATIO * dp2;
      kept += keep[i] ? 1 : 0;
    }
    List<List<Coordinate>> runs = new ArrayList<>();
    if (kept == 0) {
      return runs;
    }
    if (window > 0 && kept < n) {
      bridgeShortGaps(p, near, keep, 2 * tol);
    }
    // Start just after a dropped segment so no run wraps around the ring's first vertex.
    int start = 0;
    if (kept < n) {
      while (keep[start]) {
        start++;
      }
      start = (start + 1) % n;
    }
    List<Coordinate> run = null;
    for (int j = 0; j < n; j++) {
      int i = (start + j) % n;
      if (keep[i]) {
        if (run == null) {
          run = new ArrayList<>();
          run.add(mid(p[i], qx[i], qy[i]));
        }
        int e = i + 1;
        run.add(mid(p[e], qx[e], qy[e]));
      } else if (run != null) {
        runs.add(run);
        run = null;
      }
    }
    if (run != null) {
      runs.add(run);
    }
    return runs;
  }

  /**
   * Keeps short stretches between two kept ones when they stay near the other outline: a bay or a
   * spike of one dataset should not split the border in two.
   */
  private static void bridgeShortGaps(Coordinate[] p, boolean[] near, boolean[] keep, double maxGapM) {
    int n = keep.length;
    int first = 0;
    while (!keep[first]) {
      first++;
    }
    // Walk once around the ring from a kept segment, measuring each dropped stretch.
    int j = 0;
    while (j < n) {
      int i = (first + j) % n;
      if (keep[i]) {
        j++;
        continue;
      }
      int len = 0;
      double gap = 0;
      boolean allNear = true;
      while (j + len < n && !keep[(first + j + len) % n]) {
        int s = (first + j + len) % n;
        gap += p[s].distance(p[s + 1]);
        allNear &= near[s] && near[s + 1];
        len++;
      }
      if (allNear && gap <= maxGapM) {
        for (int k = 0; k < len; k++) {
          keep[(first + j + k) % n] = true;
        }
      }
      j += len;
    }
  }

  private static Coordinate mid(Coordinate p, double qx, double qy) {
    return new Coordinate((p.x + qx) / 2, (p.y + qy) / 2);
  }

  private static Coordinate[] ccw(Coordinate[] ring) {
    if (Orientation.isCCW(ring)) {
      return ring;
    }
    Coordinate[] r = ring.clone();
    java.util.Collections.reverse(java.util.Arrays.asList(r));
    return r;
  }

  private static Coordinate[] densify(Coordinate[] ring, double step) {
    List<Coordinate> out = new ArrayList<>();
    for (int i = 0; i + 1 < ring.length; i++) {
      Coordinate a = ring[i];
      Coordinate b = ring[i + 1];
      int parts = Math.max(1, (int) Math.ceil(a.distance(b) / step));
      for (int k = 0; k < parts; k++) {
        double t = (double) k / parts;
        out.add(new Coordinate(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)));
      }
    }
    out.add(new Coordinate(ring[ring.length - 1]));
    return out.toArray(Coordinate[]::new);
  }

  /** All outline segments of the other country, indexed for nearest-point queries. */
  private static final class Outline {
    private final SegmentSet segments;
    private final PackedRTree.Scratch scratch = new PackedRTree.Scratch();

    private Outline(SegmentSet segments) {
      this.segments = segments;
    }

    static Outline of(Geometry polygonal) {
      List<double[]> segs = new ArrayList<>();
      for (int k = 0; k < polygonal.getNumGeometries(); k++) {
        Polygon poly = (Polygon) polygonal.getGeometryN(k);
        for (int r = -1; r < poly.getNumInteriorRing(); r++) {
          Coordinate[] c = (r < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(r)).getCoordinates();
          for (int i = 0; i + 1 < c.length; i++) {
            segs.add(new double[] {c[i].x, c[i].y, c[i + 1].x, c[i + 1].y});
          }
        }
      }
      int m = segs.size();
      double[] ax = new double[m], ay = new double[m], bx = new double[m], by = new double[m];
      for (int i = 0; i < m; i++) {
        double[] s = segs.get(i);
        ax[i] = s[0];
        ay[i] = s[1];
        bx[i] = s[2];
        by[i] = s[3];
      }
      return new Outline(new SegmentSet(ax, ay, bx, by));
    }

    /** Distance to the outline; the nearest point goes to qx[at], qy[at]. */
    double nearest(double px, double py, double[] qx, double[] qy, int at) {
      int i = segments.nearest(px, py, scratch);
      double ax = segments.ax(i), ay = segments.ay(i), bx = segments.bx(i), by = segments.by(i);
      double t = SegmentMath.nearestParameter(px, py, ax, ay, bx, by);
      qx[at] = ax + t * (bx - ax);
      qy[at] = ay + t * (by - ay);
      return Math.sqrt(SegmentMath.distanceSq(px, py, ax, ay, bx, by));
    }
  }
}
