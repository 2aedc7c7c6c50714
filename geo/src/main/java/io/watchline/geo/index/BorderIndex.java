package io.watchline.geo.index;

import io.watchline.geo.InvalidValueException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/**
 * The projected border line, indexed for distance, side and crossing queries.
 *
 * <p>All coordinates are planar metres (a {@link io.watchline.geo.proj.LocalProjection} of the
 * border and of the query points); distances are Euclidean in that plane. Signed distances are
 * positive on the left of the line (walking from its first vertex to its last) and negative on
 * its right; a point exactly on the line gets +0. Where the nearest point of the line is a vertex,
 * both segments meeting there decide the side ({@link SegmentMath#isLeft}).
 *
 * <p>Three parts over one flat {@link SegmentTable}: a {@link BorderGrid} covering the line and a
 * fast zone around it (default {@value #DEFAULT_MARGIN_M} m), where a query reads one cell word
 * and scans the one to three candidate segments it names; a {@link SegmentRTree} for points
 * beyond the zone and for track crossings. Every answer is that of a scan of all segments up to
 * rounding (the lowest segment index on exact ties; distances within 1e-6 m of JTS's, sides as
 * JTS's nearest segment decides them), which the oracle and property tests check.
 *
 * <p>Degenerate lines are accepted: repeated vertices (zero-length segments, which act as points),
 * a line folding back on itself, a line of two identical points (its side is "left" everywhere).
 * Query coordinates must be finite; a NaN coordinate gives NaN (and -1 from
 * {@link #nearestSegment}). Immutable after {@link #build}; all queries are thread-safe and
 * lock-free. The single-point queries allocate nothing on the grid
 * path; the R-tree path and the batch queries use per-thread scratch arrays.
 */
public final class BorderIndex {
  /** Default width of the fast zone: covers "within 2 km" queries with room to spare. */
  public static final double DEFAULT_MARGIN_M = 3_000;

  private final SegmentTable segments;
  private final BorderGrid grid;
  private final SegmentRTree tree;
  private final ThreadLocal<PackedRTree.Scratch> scratch = ThreadLocal.withInitial(PackedRTree.Scratch::new);
  private final ThreadLocal<BatchScratch> batchScratch = ThreadLocal.withInitial(BatchScratch::new);

  private BorderIndex(SegmentTable segments, double marginM, double cellM) {
    this.segments = segments;
    this.tree = new SegmentRTree(segments);
    double cell = cellM > 0 ? cellM : BorderGridBuilder.defaultCell(segments);
    this.grid = new BorderGridBuilder(segments, marginM, cell).build();
  }

  /**
   * Builds the index with the default fast zone and a cell size suited to the segment lengths.
   *
   * @param lineXy the border in projected metres, at least two vertices
   * @throws InvalidValueException when the line has fewer than two vertices
   */
  public static BorderIndex build(LineString lineXy) {
    return build(lineXy, DEFAULT_MARGIN_M, 0);
  }

  /**
   * @param lineXy the border in projected metres, at least two vertices
   * @param marginM width of the fast zone around the line, metres (> 0); queries farther away use
   *     the R-tree, and memory grows with the zone's area
   * @param cellM grid cell size in metres, or 0 to derive it from the segment lengths (250 m, 100 m
   *     for lines of very short segments)
   * @throws InvalidValueException when the line has fewer than two vertices
   */
  public static BorderIndex build(LineString lineXy, double marginM, double cellM) {
    Coordinate[] c = lineXy.getCoordinates();
    double[] x = new double[c.length];
    double[] y = new double[c.length];
    for (int i = 0; i < c.length; i++) {
      x[i] = c[i].x;
      y[i] = c[i].y;
    }
    return build(x, y, marginM, cellM);
  }

  /**
   * The same from vertex arrays (copied).
   *
   * @throws InvalidValueException when there are fewer than two vertices or the arrays differ in length
   */
  public static BorderIndex build(double[] x, double[] y, double marginM, double cellM) {
    if (x.length < 2 || x.length != y.length) {
      throw new InvalidValueException("a border line needs at least two vertices");
    }
    return new BorderIndex(new SegmentTable(x.clone(), y.clone()), marginM, cellM);
  }

  /** Number of segments (vertices - 1). */
  public int segmentCount() {
    return segments.segmentCount();
  }

  /** Grid cell size in metres. */
  public double cellSizeM() {
    return grid.cell;
  }

  /** Heap bytes of the index arrays (vertices, segment table, grid and tree). */
  public long bytes() {
    return segments.bytes() + grid.bytes() + tree.bytes();
  }

  /**
   * Index of the segment nearest to (px, py), in [0, segmentCount()); the lowest index on ties; -1
   * when a coordinate is NaN.
   */
  public int nearestSegment(double px, double py) {
    int code = (int) grid.cellWord(px, py);
    return code != BorderGrid.EMPTY ? grid.nearestInCell(px, py, code, segments) : tree.nearest(px, py, scratch.get());
  }

  /** Distance in metres from (px, py) to the line, positive on its left, negative on its right. */
  public double signedDistance(double px, double py) {
    long w = grid.cellWord(px, py);
    return withinCell(px, py, w, Double.POSITIVE_INFINITY);
  }

  /**
   * {@link #signedDistance} when the point is within {@code maxM} metres of the line (inclusive),
   * else NaN. With {@code maxM} no larger than the fast zone this never leaves the grid; cells
   * wholly beyond {@code maxM} end after reading their word.
   */
  public double signedDistanceWithin(double px, double py, double maxM) {
    long w = grid.cellWord(px, py);
    if (BorderGrid.lowerBound(w) > maxM) {
      return Double.NaN;
    }
    return withinCell(px, py, w, maxM);
  }

  /** {@link #signedDistanceWithin} for a point whose cell word w does not rule it out. */
  private double withinCell(double px, double py, long w, double maxM) {
    int code = (int) w;
    int i;
    if (BorderGrid.isSpan(code)) {
      // One segment, nearest at an inner point everywhere in the cell: distance from its line.
      double d = segments.lineDistance(px, py, BorderGrid.firstSegment(code));
      return Math.abs(d) <= maxM ? d : Double.NaN;
    }
    if (code >= 0) {
      // One run of consecutive segments (a code other than EMPTY and SPAN).
      int first = code >>> BorderGrid.COUNT_BITS;
      return segments.signedNearestInRange(px, py, first, first + (code & BorderGrid.COUNT_MASK), maxM);
    }
    if (code != BorderGrid.EMPTY) {
      i = grid.nearestInCell(px, py, code, segments);
    } else if (maxM <= grid.marginM) {
      return Double.NaN; // empty cells and the area off the grid lie beyond the margin
    } else {
      i = tree.nearest(px, py, scratch.get());
      if (i < 0) {
        return Double.NaN; // a NaN coordinate: no segment is at any distance
      }
    }
    return segments.signed(px, py, i, maxM);
  }

  /**
   * Batch {@link #signedDistance}: {@code out[k]} for points k in [0, count).
   *
   * @throws ArrayIndexOutOfBoundsException when an array is shorter than {@code count}
   */
  public void signedDistances(double[] px, double[] py, double[] out, int count) {
    for (int k = 0; k < count; k++) {
      out[k] = signedDistance(px[k], py[k]);
    }
  }

  /**
   * Batch {@link #signedDistanceWithin}, same answers. Works through the points in blocks: a first
   * pass reads every point's cell and lists, without a branch, those its cell's lower bound does
   * not rule out; a second pass computes only those. On scattered points this saves the
   * mispredicted early-out branch of the one-point method.
   *
   * @throws ArrayIndexOutOfBoundsException when an array is shorter than {@code count}
   */
  public void signedDistancesWithin(double[] px, double[] py, double maxM, double[] out, int count) {
    BatchScratch b = batchScratch.get();
    int[] pending = b.pending;
    long[] words = b.words;
    for (int from = 0; from < count; from += BATCH) {
      int to = Math.min(count, from + BATCH);
      int size = 0;
      for (int k = from; k < to; k++) {
        long w = grid.cellWord(px[k], py[k]);
        out[k] = Double.NaN;
        pending[size] = k;
        words[size] = w;
        // 1 unless the lower bound exceeds maxM (maxM - lower < 0)
        size += (int) (Double.doubleToRawLongBits(maxM - BorderGrid.lowerBound(w)) >>> 63) ^ 1;
      }
      for (int j = 0; j < size; j++) {
        int k = pending[j];
        out[k] = withinCell(px[k], py[k], words[j], maxM);
      }
    }
  }

  private static final int BATCH = 512;

  private static final class BatchScratch {
    final int[] pending = new int[BATCH];
    final long[] words = new long[BATCH];
  }

  /**
   * The first segment the track p1→p2 crosses, or -1. On a hit {@code out[0]} is the fraction
   * along the track in [0, 1] and {@code out[1]} is positive when the track starts on the left. A
   * track starting exactly on the line does not cross it there; one ending on it does.
   *
   * @param out at least two elements; untouched when nothing is crossed
   */
  public int firstCrossing(double p1x, double p1y, double p2x, double p2y, double[] out) {
    return tree.firstCrossing(p1x, p1y, p2x, p2y, out, scratch.get());
  }
}
