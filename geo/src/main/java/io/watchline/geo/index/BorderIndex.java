package io.watchline.geo.index;

import io.watchline.geo.InvalidValueException;
import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/**
 * The projected border line, indexed for distance, side and crossing queries.
 *
 * <p>Two structures over the same flat vertex arrays: a uniform grid covering the border and a
 * margin around it ("fast zone"), and a packed Hilbert R-tree over the segments for everything else
 * (points beyond the margin, track crossings). Each grid cell is one {@code long}: a lower bound of
 * the distance from the cell to the line (a float, so "within D" queries beyond it end after one
 * read) and its candidate segments: those that can hold the nearest point of the line for some
 * point of the cell (within the smallest worst-case distance of any single segment, and projecting
 * onto the cell or having their end-vertex wedge meet it). Along a polyline the candidates are
 * consecutive segment numbers, so nearly every cell packs them as one run (first, count) in the word
 * itself; the rest point into a side array of runs. A cell whose one candidate is nearest at an
 * inner point everywhere is answered from that segment's line equation.
 *
 * <p>Immutable; reads are thread-safe. The single-point methods allocate nothing on the grid path.
 */
public final class BorderIndex {
  private static final int TILE_BITS = 2;
  private static final int TILE = 1 << TILE_BITS;
  private static final int TILE_MASK = TILE - 1;
  private static final int CELLS_PER_TILE = TILE * TILE;
  /** Cell code: no candidates (the cell is beyond the fast zone). */
  private static final int EMPTY = Integer.MIN_VALUE;
  /** A packed code is {@code first << COUNT_BITS | (count - 1)}. */
  private static final int COUNT_BITS = 10;
  private static final int COUNT_MASK = (1 << COUNT_BITS) - 1;
  /** Count field of a cell whose one segment is nearest, at an inner point, everywhere in the cell. */
  private static final int SPAN = COUNT_MASK;
  /** Row stride of the segment table. */
  private static final int SEG = 6;
  private static final int MAX_PACKED_FIRST = 1 << (31 - COUNT_BITS);
  /** Slack on the build-time bounds: covers rounding of cell corners and of point-to-cell mapping. */
  private static final double SLACK_REL = 1e-9;
  private static final double SLACK_ABS = 1e-6;

  private final double[] x;
  private final double[] y;
  private final int n;
  /** Per segment i at SEG * i: start x, start y, dx, dy, 1 / length², 1 / length (0 when the length is 0). */
  private final double[] seg;
  private final PackedRTree tree;

  private final double gx0;
  private final double gy0;
  private final double cell;
  private final double inverseCell;
  private final int nx;
  private final int ny;
  private final int tilesX;
  private final double marginM;
  /** Per tile: its block of cells; block 0 is shared by all tiles with no cell in the fast zone. */
  private final int[] tileBlock;
  /** Per cell of each block: lower bound (float bits) in the high half, candidate code in the low. */
  private final long[] cells;
  /** Candidate lists that do not pack into a cell: the number of runs, then (first, last) pairs. */
  private final int[] runs;

  private final ThreadLocal<PackedRTree.Scratch> scratch = ThreadLocal.withInitial(PackedRTree.Scratch::new);

  private BorderIndex(double[] x, double[] y, double marginM, double cellM) {
    this.x = x;
    this.y = y;
    this.n = x.length;
    int m = n - 1;
    double[] ax = new double[m], ay = new double[m], bx = new double[m], by = new double[m];
    this.seg = new double[SEG * m];
    double total = 0;
    double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < m; i++) {
      ax[i] = Math.min(x[i], x[i + 1]);
      bx[i] = Math.max(x[i], x[i + 1]);
      ay[i] = Math.min(y[i], y[i + 1]);
      by[i] = Math.max(y[i], y[i + 1]);
      double dx = x[i + 1] - x[i], dy = y[i + 1] - y[i];
      double len2 = dx * dx + dy * dy;
      int o = SEG * i;
      seg[o] = x[i];
      seg[o + 1] = y[i];
      seg[o + 2] = dx;
      seg[o + 3] = dy;
      seg[o + 4] = len2 == 0 ? 0 : 1 / len2;
      seg[o + 5] = len2 == 0 ? 0 : 1 / Math.sqrt(len2);
      total += Math.sqrt(len2);
      minX = Math.min(minX, ax[i]);
      minY = Math.min(minY, ay[i]);
      maxX = Math.max(maxX, bx[i]);
      maxY = Math.max(maxY, by[i]);
    }
    this.tree = PackedRTree.build(ax, ay, bx, by, m);
    this.marginM = marginM;
    this.cell = cellM > 0 ? cellM : defaultCell(total / m);
    this.inverseCell = 1 / cell;
    this.gx0 = minX - marginM - cell;
    this.gy0 = minY - marginM - cell;
    this.nx = (int) Math.ceil((maxX + marginM + cell - gx0) / cell);
    this.ny = (int) Math.ceil((maxY + marginM + cell - gy0) / cell);
    this.tilesX = (nx + TILE - 1) >> TILE_BITS;
    int tilesY = (ny + TILE - 1) >> TILE_BITS;

    // Tiles within the margin of some segment get blocks of cells, the others share block 0.
    this.tileBlock = new int[tilesX * tilesY + 1];
    int blocks = 1;
    double tileM = cell * TILE;
    for (int i = 0; i < m; i++) {
      int c0 = cellX(ax[i] - marginM) >> TILE_BITS, c1 = cellX(bx[i] + marginM) >> TILE_BITS;
      int r0 = cellY(ay[i] - marginM) >> TILE_BITS, r1 = cellY(by[i] + marginM) >> TILE_BITS;
      for (int ty = r0; ty <= r1; ty++) {
        for (int tx = c0; tx <= c1; tx++) {
          if (tileBlock[ty * tilesX + tx] == 0
              && boxSegmentDistance(gx0 + tx * tileM, gy0 + ty * tileM, gx0 + (tx + 1) * tileM, gy0 + (ty + 1) * tileM,
                  x[i], y[i], x[i + 1], y[i + 1]) <= marginM + 1) {
            tileBlock[ty * tilesX + tx] = blocks++;
          }
        }
      }
    }
    GridBuild b = new GridBuild(blocks * CELLS_PER_TILE, ax, ay, bx, by);
    b.sweep();
    IntList out = new IntList(1 << 10);
    this.cells = b.encode(out);
    this.runs = Arrays.copyOf(out.data, out.size);
  }

  /**
   * Cells of 250 m (100 m for lines of very short segments). Smaller cells mean fewer candidates per
   * cell and more cells answered by their bound alone, at a memory cost that grows with the square:
   * on the real border (2 km segments) 500 m cells were ~20 % slower and 125 m under 10 % faster
   * for 4x the memory.
   */
  private static double defaultCell(double meanSegmentM) {
    return Math.max(100, Math.min(250, 5 * meanSegmentM));
  }

  /**
   * Builds the per-cell candidate lists by sweeping each segment over the cells it can be nearest
   * to, instead of searching per cell.
   *
   * <p>The nearest point of the line from p is inside segment i only where p projects into it
   * (0 <= t <= 1 on i: its slab), and is i's end vertex only in the wedge beyond it (t >= 1 on i
   * and t <= 0 on i + 1). A vertex is equally near through both its segments, so it is kept
   * through the one before it (the line's first vertex through segment 0: t <= 0 on it). t is
   * linear, so in each row of cells within reach (the margin plus a cell diagonal) these regions
   * meet an interval of columns, computed directly; far from the line that is the handful of
   * segments the cell projects onto rather than every segment within the distance bound.
   *
   * <p>One pass records, for each such (cell, segment) pair, the distance from the segment to the
   * cell, and gives each cell the smallest worst-case (farthest-corner) distance of its segments;
   * a pair is kept when its distance is within that bound. Segments are swept in order, so every
   * cell's list comes out sorted.
   */
  private final class GridBuild {
    final double[] ax, ay, bx, by;
    /** Per block cell: squared smallest worst-case distance, then (after the sweep) that distance with slack. */
    final double[] bound;
    /** Per block cell: the smallest distance from the cell to a kept segment, slack taken off. */
    final double[] lower;
    final IntList pairCell = new IntList(1 << 12);
    final IntList pairSeg = new IntList(1 << 12);
    double[] pairDistance = new double[1 << 12];
    final double reach = marginM + cell * Math.sqrt(2);
    final int[] tileOfBlock;

    GridBuild(int cellCount, double[] ax, double[] ay, double[] bx, double[] by) {
      tileOfBlock = new int[cellCount / CELLS_PER_TILE];
      for (int t = 0; t < tileBlock.length; t++) {
        tileOfBlock[tileBlock[t]] = t;
      }
      this.ax = ax;
      this.ay = ay;
      this.bx = bx;
      this.by = by;
      bound = new double[cellCount];
      lower = new double[cellCount];
      Arrays.fill(bound, Double.POSITIVE_INFINITY);
      Arrays.fill(lower, Double.POSITIVE_INFINITY);
    }

    /** Block cell of grid cell (cx, cy), or -1 when its tile has no block. */
    int blockCell(int cx, int cy) {
      int b = tileBlock[(cy >> TILE_BITS) * tilesX + (cx >> TILE_BITS)];
      return b == 0 ? -1 : (b << (2 * TILE_BITS)) | ((cy & TILE_MASK) << TILE_BITS) | (cx & TILE_MASK);
    }

    void sweep() {
      int m = ax.length;
      for (int i = 0; i < m; i++) {
        int c0 = cellX(ax[i] - reach), c1 = cellX(bx[i] + reach);
        int r0 = cellY(ay[i] - reach), r1 = cellY(by[i] + reach);
        double sx = x[i], sy = y[i], ex = x[i + 1], ey = y[i + 1];
        for (int r = r0; r <= r1; r++) {
          double y0 = gy0 + r * cell, y1 = gy0 + (r + 1) * cell;
          // Columns of this row that meet the slab (0 <= t <= 1) or the end-vertex wedge.
          long slab = columns(i, r, c0, c1, 0, 1);
          long wedge = i + 1 == m
              ? columns(i, r, c0, c1, 1, Double.POSITIVE_INFINITY)
              : intersect(columns(i, r, c0, c1, 1, Double.POSITIVE_INFINITY),
                  columns(i + 1, r, c0, c1, Double.NEGATIVE_INFINITY, 0));
          if (i == 0) {
            slab = hull(slab, columns(0, r, c0, c1, Double.NEGATIVE_INFINITY, 0));
          }
          long span = hull(slab, wedge);
          for (int c = (int) (span >> 32), last = (int) span; c <= last; c++) {
            int k = blockCell(c, r);
            double x0 = gx0 + c * cell, x1 = gx0 + (c + 1) * cell;
            if (k < 0) {
              continue;
            }
            double d00 = distanceSq(x0, y0, i), d10 = distanceSq(x1, y0, i);
            double d01 = distanceSq(x0, y1, i), d11 = distanceSq(x1, y1, i);
            bound[k] = Math.min(bound[k], Math.max(Math.max(d00, d10), Math.max(d01, d11)));
            double d = 0;
            boolean boxesMeet = ax[i] <= x1 && bx[i] >= x0 && ay[i] <= y1 && by[i] >= y0;
            if (!boxesMeet || !SegmentMath.segmentMeetsBox(sx, sy, ex, ey, x0, y0, x1, y1)) {
              // Apart, the nearest pair has a cell corner or a segment end in it.
              double d2 = Math.min(Math.min(d00, d10), Math.min(d01, d11));
              d2 = Math.min(d2, Math.min(boxDistanceSq(sx, sy, x0, y0, x1, y1), boxDistanceSq(ex, ey, x0, y0, x1, y1)));
              d = Math.max(0, Math.sqrt(d2) * (1 - SLACK_REL) - SLACK_ABS);
            }
            if (d <= reach) {
              if (pairDistance.length == pairCell.size) {
                pairDistance = Arrays.copyOf(pairDistance, 2 * pairDistance.length);
              }
              pairDistance[pairCell.size] = d;
              pairCell.add(k);
              pairSeg.add(i);
            }
          }
        }
      }
      for (int k = 0; k < bound.length; k++) {
        bound[k] = Math.sqrt(bound[k]) * (1 + SLACK_REL) + SLACK_ABS;
      }
      // Keep the pairs within their cell's bound (in place, order kept).
      int kept = 0;
      for (int p = 0; p < pairCell.size; p++) {
        int k = pairCell.data[p];
        double d = pairDistance[p];
        if (d <= bound[k]) {
          pairCell.data[kept] = k;
          pairSeg.data[kept] = pairSeg.data[p];
          kept++;
          lower[k] = Math.min(lower[k], d);
        }
      }
      pairCell.size = kept;
      pairSeg.size = kept;
    }

    /**
     * Columns c0..c1 of row r whose cells may meet the region lo <= t <= hi of segment j, as
     * (first << 32 | last), empty when first > last. t is linear in x along the row, so they form
     * one interval: that of the cell starts x0 for which the cell's t range meets [lo, hi].
     */
    long columns(int j, int r, int c0, int c1, double lo, double hi) {
      int o = SEG * j;
      double a = seg[o + 2] * seg[o + 4], b = seg[o + 3] * seg[o + 4];
      double base = -(seg[o] * a + seg[o + 1] * b);
      double by0 = b * (gy0 + r * cell), by1 = b * (gy0 + (r + 1) * cell);
      double tyLo = base + Math.min(by0, by1), tyHi = base + Math.max(by0, by1);
      double from, to; // the range of cell starts x0 that qualify
      if (a > 0) {
        // a * x0 + tyLo <= hi and a * (x0 + cell) + tyHi >= lo
        from = (lo - tyHi) / a - cell;
        to = (hi - tyLo) / a;
      } else if (a < 0) {
        // a * (x0 + cell) + tyLo <= hi and a * x0 + tyHi >= lo
        from = (hi - tyLo) / a - cell;
        to = (lo - tyHi) / a;
      } else {
        return tyLo <= hi + 1e-9 && tyHi >= lo - 1e-9 ? (long) c0 << 32 | (c1 & 0xffffffffL) : EMPTY_RANGE;
      }
      // A millimetre of slack covers the rounding of the bounds; the exact test comes after.
      double f = Math.ceil((from - 1e-3 - gx0) * inverseCell), t = Math.floor((to + 1e-3 - gx0) * inverseCell);
      int first = (int) Math.max(c0, Math.min(c1 + 1, f));
      int last = (int) Math.min(c1, Math.max(c0 - 1, t));
      return (long) first << 32 | (last & 0xffffffffL);
    }

    static final long EMPTY_RANGE = 1L << 32; // first 1, last 0

    long intersect(long p, long q) {
      return (long) Math.max((int) (p >> 32), (int) (q >> 32)) << 32 | (Math.min((int) p, (int) q) & 0xffffffffL);
    }

    long hull(long p, long q) {
      if ((int) (p >> 32) > (int) p) {
        return q;
      }
      if ((int) (q >> 32) > (int) q) {
        return p;
      }
      return (long) Math.min((int) (p >> 32), (int) (q >> 32)) << 32 | (Math.max((int) p, (int) q) & 0xffffffffL);
    }

    /**
     * Whether every point of block cell k projects strictly inside segment i: then, i being the
     * only candidate, the signed distance is the cross product over the length.
     */
    boolean withinSpan(int i, int k) {
      int t = tileOfBlock[k >> (2 * TILE_BITS)];
      int c = ((t % tilesX) << TILE_BITS) | (k & TILE_MASK);
      int r = ((t / tilesX) << TILE_BITS) | ((k >> TILE_BITS) & TILE_MASK);
      int o = SEG * i;
      double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
      for (int corner = 0; corner < 4; corner++) {
        double cx = gx0 + (c + (corner & 1)) * cell, cy = gy0 + (r + (corner >> 1)) * cell;
        double t01 = ((cx - seg[o]) * seg[o + 2] + (cy - seg[o + 1]) * seg[o + 3]) * seg[o + 4];
        lo = Math.min(lo, t01);
        hi = Math.max(hi, t01);
      }
      return lo > 1e-6 && hi < 1 - 1e-6;
    }

    /** Sorts the (cell, segment) pairs by cell and packs each cell's list into its word. */
    long[] encode(IntList out) {
      int cellCount = bound.length;
      int[] start = new int[cellCount + 1];
      int[] byCell = pairCell.indicesByValue(cellCount, start);
      int[] sorted = new int[byCell.length];
      for (int i = 0; i < byCell.length; i++) {
        sorted[i] = pairSeg.data[byCell[i]];
      }
      long[] words = new long[cellCount];
      long emptyWord = word(marginM, EMPTY);
      IntList cellRuns = new IntList(16);
      for (int k = 0; k < cellCount; k++) {
        if (start[k] == start[k + 1] || lower[k] > marginM) {
          words[k] = emptyWord;
          continue;
        }
        // Compress the sorted segment numbers into runs; bridging a gap of one to three segments
        // costs less than a second run and does not change any answer.
        cellRuns.size = 0;
        int first = sorted[start[k]], last = first;
        for (int j = start[k] + 1; j < start[k + 1]; j++) {
          int v = sorted[j];
          if (v > last + 4) {
            cellRuns.add(first);
            cellRuns.add(last);
            first = v;
          }
          last = v;
        }
        cellRuns.add(first);
        cellRuns.add(last);
        int code;
        if (start[k + 1] - start[k] == 1 && first < MAX_PACKED_FIRST && withinSpan(first, k)) {
          code = first << COUNT_BITS | SPAN;
        } else if (cellRuns.size == 2 && first < MAX_PACKED_FIRST && last - first < SPAN) {
          code = first << COUNT_BITS | (last - first);
        } else {
          code = -(out.size + 1);
          out.add(cellRuns.size / 2);
          for (int j = 0; j < cellRuns.size; j++) {
            out.add(cellRuns.data[j]);
          }
        }
        words[k] = word(lower[k], code);
      }
      Arrays.fill(words, 0, CELLS_PER_TILE, emptyWord); // block 0: tiles away from the line
      return words;
    }
  }

  /** A cell word: the lower bound rounded down to a float, and the code. */
  private static long word(double lowerBound, int code) {
    float f = (float) lowerBound;
    if (f > lowerBound) {
      f = Math.nextDown(f);
    }
    return ((long) Float.floatToIntBits(f) << 32) | (code & 0xffffffffL);
  }

  /** Default width of the fast zone: covers "within 2 km" queries with room to spare. */
  public static final double DEFAULT_MARGIN_M = 3_000;

  /** Builds the index with the default fast zone and a cell size suited to the segment lengths. */
  public static BorderIndex build(LineString lineXy) {
    return build(lineXy, DEFAULT_MARGIN_M, 0);
  }

  /**
   * @param marginM width of the fast zone around the line (queries farther away use the R-tree)
   * @param cellM grid cell size in metres, or 0 to derive it from the segment lengths
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

  public static BorderIndex build(double[] x, double[] y, double marginM, double cellM) {
    if (x.length < 2 || x.length != y.length) {
      throw new InvalidValueException("a border line needs at least two vertices");
    }
    return new BorderIndex(x.clone(), y.clone(), marginM, cellM);
  }

  /** Distance between the box [x0, x1] x [y0, y1] and segment a–b (0 when they meet). */
  private static double boxSegmentDistance(double x0, double y0, double x1, double y1, double ax, double ay, double bx, double by) {
    if (SegmentMath.segmentMeetsBox(ax, ay, bx, by, x0, y0, x1, y1)) {
      return 0;
    }
    double d2 = Math.min(
        Math.min(SegmentMath.distanceSq(x0, y0, ax, ay, bx, by), SegmentMath.distanceSq(x1, y0, ax, ay, bx, by)),
        Math.min(SegmentMath.distanceSq(x0, y1, ax, ay, bx, by), SegmentMath.distanceSq(x1, y1, ax, ay, bx, by)));
    d2 = Math.min(d2, Math.min(boxDistanceSq(ax, ay, x0, y0, x1, y1), boxDistanceSq(bx, by, x0, y0, x1, y1)));
    return Math.sqrt(d2);
  }

  private static double boxDistanceSq(double px, double py, double x0, double y0, double x1, double y1) {
    double dx = Math.max(Math.max(x0 - px, px - x1), 0);
    double dy = Math.max(Math.max(y0 - py, py - y1), 0);
    return dx * dx + dy * dy;
  }

  private int cellX(double px) {
    return Math.max(0, Math.min(nx - 1, (int) Math.floor((px - gx0) * inverseCell)));
  }

  private int cellY(double py) {
    return Math.max(0, Math.min(ny - 1, (int) Math.floor((py - gy0) * inverseCell)));
  }

  public int segmentCount() {
    return n - 1;
  }

  public double cellSizeM() {
    return cell;
  }

  /** Heap bytes of the index arrays (vertices, segment table, grid and tree). */
  public long bytes() {
    return 16L * n + 8L * seg.length + 4L * tileBlock.length + 8L * cells.length + 4L * runs.length + tree.bytes();
  }

  /** The word of the cell holding the point; points off the grid get the word of an empty cell. */
  private long cellWord(double px, double py) {
    double fx = (px - gx0) * inverseCell;
    double fy = (py - gy0) * inverseCell;
    int cx = 0, cy = 0;
    int t = tileBlock.length - 1; // off the grid: the extra tile, always block 0 (empty)
    if (fx >= 0 & fy >= 0 & fx < nx & fy < ny) {
      cx = (int) fx;
      cy = (int) fy;
      t = (cy >> TILE_BITS) * tilesX + (cx >> TILE_BITS);
    }
    int b = tileBlock[t];
    return cells[(b << (2 * TILE_BITS)) | ((cy & TILE_MASK) << TILE_BITS) | (cx & TILE_MASK)];
  }

  /** Nearest segment among the cell's candidates (code not EMPTY); the lowest index on ties. */
  private int nearestInCell(double px, double py, int code) {
    if (code >= 0) {
      int first = code >>> COUNT_BITS;
      int last = first + ((code & COUNT_MASK) == SPAN ? 0 : code & COUNT_MASK);
      return nearestInRun(px, py, first, last, Double.POSITIVE_INFINITY, -1);
    }
    int r = -(code + 1);
    int end = r + 1 + 2 * runs[r];
    double best = Double.POSITIVE_INFINITY;
    int bestI = -1;
    for (int j = r + 1; j < end; j += 2) {
      int i = nearestInRun(px, py, runs[j], runs[j + 1], best, bestI);
      if (i != bestI) {
        bestI = i;
        best = distanceSq(px, py, i);
      }
    }
    return bestI;
  }

  /** The nearest of segments first..last, or bestI when none is nearer than best. */
  private int nearestInRun(double px, double py, int first, int last, double best, int bestI) {
    for (int i = first; i <= last; i++) {
      double d = distanceSq(px, py, i);
      if (d < best) {
        best = d;
        bestI = i;
      }
    }
    return bestI;
  }

  /** Squared distance to segment i from its table row: no division, no branch. */
  private double distanceSq(double px, double py, int i) {
    double[] s = seg;
    int o = SEG * i;
    double ex = px - s[o], ey = py - s[o + 1], dx = s[o + 2], dy = s[o + 3];
    double t = Math.max(0.0, Math.min(1.0, (ex * dx + ey * dy) * s[o + 4]));
    double rx = ex - t * dx, ry = ey - t * dy;
    return rx * rx + ry * ry;
  }

  /** Index of the segment nearest to (px, py); the lowest index on ties. */
  public int nearestSegment(double px, double py) {
    int code = (int) cellWord(px, py);
    return code != EMPTY ? nearestInCell(px, py, code) : nearestByTree(px, py, scratch.get());
  }

  /** Branch-and-bound nearest segment over the R-tree, nearer boxes first. */
  int nearestByTree(double px, double py, PackedRTree.Scratch s) {
    int[] stack = s.stack(tree.levels() * PackedRTree.NODE_SIZE + 1);
    double[] lb = s.lb;
    double[] boxes = tree.boxes;
    int top = 0;
    stack[top] = tree.root;
    lb[top++] = 0;
    double best = Double.POSITIVE_INFINITY;
    int bestI = -1;
    while (top > 0) {
      top--;
      int pos = stack[top];
      if (lb[top] > best) {
        continue;
      }
      if (pos < tree.size) {
        int i = tree.ids[pos];
        double d = distanceSq(px, py, i);
        if (d < best || (d == best && i < bestI)) {
          best = d;
          bestI = i;
        }
        continue;
      }
      int first = top;
      for (int c = tree.ids[pos], end = tree.childEnd(pos); c < end; c++) {
        double dx = Math.max(Math.max(boxes[4 * c] - px, px - boxes[4 * c + 2]), 0);
        double dy = Math.max(Math.max(boxes[4 * c + 1] - py, py - boxes[4 * c + 3]), 0);
        double d = dx * dx + dy * dy;
        if (d <= best) {
          // Insertion keeps this node's children sorted far to near, so the nearest pops first.
          int j = top++;
          while (j > first && lb[j - 1] < d) {
            stack[j] = stack[j - 1];
            lb[j] = lb[j - 1];
            j--;
          }
          stack[j] = c;
          lb[j] = d;
        }
      }
    }
    return bestI;
  }

  /** Distance in metres to the line, positive on its left, negative on its right. */
  public double signedDistance(double px, double py) {
    long w = cellWord(px, py);
    return (int) w != EMPTY
        ? withinCell(px, py, w, Double.POSITIVE_INFINITY)
        : signed(px, py, nearestByTree(px, py, scratch.get()), Double.POSITIVE_INFINITY);
  }

  /**
   * Signed distance when the point is within {@code maxM} of the line, else NaN. With {@code maxM}
   * no larger than the fast zone this never leaves the grid; cells wholly beyond {@code maxM} end
   * after reading their word.
   */
  public double signedDistanceWithin(double px, double py, double maxM) {
    long w = cellWord(px, py);
    if (Float.intBitsToFloat((int) (w >>> 32)) > maxM) {
      return Double.NaN;
    }
    return withinCell(px, py, w, maxM);
  }

  /** {@link #signedDistanceWithin} for a point whose cell word w does not rule it out. */
  private double withinCell(double px, double py, long w, double maxM) {
    int code = (int) w;
    int i;
    if ((code & COUNT_MASK) == SPAN && code >= 0) {
      // One segment, nearest at an inner point everywhere in the cell: distance from its line.
      int o = SEG * (code >>> COUNT_BITS);
      double[] s = seg;
      double d = (s[o + 2] * (py - s[o + 1]) - s[o + 3] * (px - s[o])) * s[o + 5];
      return Math.abs(d) <= maxM ? d : Double.NaN;
    }
    if (code != EMPTY) {
      i = nearestInCell(px, py, code);
    } else if (maxM <= marginM) {
      return Double.NaN; // empty cells and the area off the grid lie beyond the margin
    } else {
      i = nearestByTree(px, py, scratch.get());
    }
    return signed(px, py, i, maxM);
  }

  /**
   * Signed distance to segment i, the nearest, or NaN beyond maxM. Inside the segment's span the
   * side is the sign of the cross product; at a vertex both segments meeting there decide.
   */
  private double signed(double px, double py, int i, double maxM) {
    double[] s = seg;
    int o = SEG * i;
    double ex = px - s[o], ey = py - s[o + 1], dx = s[o + 2], dy = s[o + 3];
    double t = (ex * dx + ey * dy) * s[o + 4];
    double tc = Math.max(0.0, Math.min(1.0, t));
    double rx = ex - tc * dx, ry = ey - tc * dy;
    double d2 = rx * rx + ry * ry;
    if (d2 > maxM * maxM) {
      return Double.NaN;
    }
    double d = Math.sqrt(d2);
    boolean left = t > 0 && t < 1 ? dx * ey - dy * ex >= 0 : SegmentMath.isLeft(px, py, x, y, n, i);
    return left ? d : -d;
  }

  /** Batch {@link #signedDistance}: {@code out[k]} for points k in [0, count). */
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
   */
  public void signedDistancesWithin(double[] px, double[] py, double maxM, double[] out, int count) {
    BatchScratch b = batchScratch.get();
    int[] pending = b.pending;
    long[] words = b.words;
    for (int from = 0; from < count; from += BATCH) {
      int to = Math.min(count, from + BATCH);
      int size = 0;
      for (int k = from; k < to; k++) {
        long w = cellWord(px[k], py[k]);
        out[k] = Double.NaN;
        pending[size] = k;
        words[size] = w;
        // 1 unless the lower bound exceeds maxM (maxM - lower < 0)
        size += (int) (Double.doubleToRawLongBits(maxM - Float.intBitsToFloat((int) (w >>> 32))) >>> 63) ^ 1;
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

  private final ThreadLocal<BatchScratch> batchScratch = ThreadLocal.withInitial(BatchScratch::new);

  /**
   * The first segment the track p1→p2 crosses, or -1. On a hit {@code out[0]} is the fraction along
   * the track and {@code out[1]} is positive when the track starts on the left.
   */
  public int firstCrossing(double p1x, double p1y, double p2x, double p2y, double[] out) {
    double qx0 = Math.min(p1x, p2x), qy0 = Math.min(p1y, p2y);
    double qx1 = Math.max(p1x, p2x), qy1 = Math.max(p1y, p2y);
    int[] stack = scratch.get().stack(tree.levels() * PackedRTree.NODE_SIZE);
    double[] boxes = tree.boxes;
    int top = 0;
    stack[top++] = tree.root;
    double best = Double.POSITIVE_INFINITY;
    int bestI = -1;
    while (top > 0) {
      int pos = stack[--top];
      if (boxes[4 * pos] > qx1 || boxes[4 * pos + 1] > qy1 || boxes[4 * pos + 2] < qx0 || boxes[4 * pos + 3] < qy0) {
        continue;
      }
      if (pos < tree.size) {
        int i = tree.ids[pos];
        double f = SegmentMath.crossingFraction(p1x, p1y, p2x, p2y, x[i], y[i], x[i + 1], y[i + 1]);
        if (f < best || (f == best && i < bestI)) {
          best = f;
          bestI = i;
        }
      } else {
        for (int c = tree.childEnd(pos) - 1; c >= tree.ids[pos]; c--) {
          stack[top++] = c;
        }
      }
    }
    if (bestI >= 0) {
      out[0] = best;
      out[1] = SegmentMath.cross(x[bestI], y[bestI], x[bestI + 1], y[bestI + 1], p1x, p1y);
    }
    return bestI;
  }

  /** A growable int array for building. */
  static final class IntList {
    int[] data;
    int size;

    IntList(int capacity) {
      data = new int[capacity];
    }

    void add(int v) {
      if (size == data.length) {
        data = Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }

    /**
     * A stable counting sort of the positions 0..size-1 by the value held there (a key below
     * {@code keyCount}): returns the positions in key order and fills {@code start} (keyCount + 1
     * long) so that key k's positions are at [start[k], start[k + 1]).
     */
    int[] indicesByValue(int keyCount, int[] start) {
      for (int p = 0; p < size; p++) {
        start[data[p] + 1]++;
      }
      for (int k = 0; k < keyCount; k++) {
        start[k + 1] += start[k];
      }
      int[] order = new int[size];
      int[] fill = Arrays.copyOf(start, keyCount);
      for (int p = 0; p < size; p++) {
        order[fill[data[p]]++] = p;
      }
      return order;
    }
  }
}
