package io.watchline.geo.index;

import static io.watchline.geo.index.BorderGrid.CELLS_PER_TILE;
import static io.watchline.geo.index.BorderGrid.COUNT_BITS;
import static io.watchline.geo.index.BorderGrid.EMPTY;
import static io.watchline.geo.index.BorderGrid.MAX_PACKED_FIRST;
import static io.watchline.geo.index.BorderGrid.SPAN;
import static io.watchline.geo.index.BorderGrid.TILE;
import static io.watchline.geo.index.BorderGrid.TILE_BITS;
import static io.watchline.geo.index.BorderGrid.TILE_MASK;
import static io.watchline.geo.index.SegmentTable.ROW;

import java.util.Arrays;

/**
 * Builds a {@link BorderGrid}: which tiles get cells, and each cell's lower bound and candidate
 * segments, found by sweeping each segment over the cells it can be nearest to rather than by a
 * search per cell.
 *
 * <p>The nearest point of the line from p is inside segment i only where p projects into it
 * (0 <= t <= 1 on i: its slab), and is i's end vertex only in the wedge beyond it (t >= 1 on i and
 * t <= 0 on i + 1). A vertex is equally near through both its segments, so it is kept through the
 * one before it (the line's first vertex through segment 0: t <= 0 on it). t is linear, so in each
 * row of cells within reach (the margin plus a cell diagonal) these regions meet an interval of
 * columns, computed directly; far from the line that is the handful of segments the cell projects
 * onto rather than every segment within the distance bound.
 *
 * <p>One pass records, for each such (cell, segment) pair, the distance from the segment to the
 * cell, and gives each cell the smallest worst-case (farthest-corner) distance of its segments; a
 * pair is kept when its distance is within that bound. Segments are swept in order, so every
 * cell's list comes out sorted. Bounds carry a relative and an absolute slack so that rounding of
 * cell corners and of the point-to-cell mapping never drops the true nearest segment.
 *
 * <p>Single use, not thread-safe: {@link #build} once.
 */
final class BorderGridBuilder {
  /** Slack on the build-time bounds: covers rounding of cell corners and of point-to-cell mapping. */
  private static final double SLACK_REL = 1e-9;
  private static final double SLACK_ABS = 1e-6;
  /** Columns interval with first > last. */
  private static final long EMPTY_RANGE = 1L << 32;

  private final SegmentTable segments;
  private final double[] x;
  private final double[] y;
  private final double[] seg;
  private final int m;
  private final double[] ax, ay, bx, by;
  private final double marginM;
  private final double cell;
  private final double inverseCell;
  private final double gx0;
  private final double gy0;
  private final int nx;
  private final int ny;
  private final int tilesX;
  private final int[] tileBlock;
  private final double reach;

  /** Per block cell: squared smallest worst-case distance, then (after the sweep) that distance with slack. */
  private double[] bound;
  /** Per block cell: the smallest distance from the cell to a kept segment, slack taken off. */
  private double[] lower;
  private int[] tileOfBlock;
  private final IntList pairCell = new IntList(1 << 12);
  private final IntList pairSeg = new IntList(1 << 12);
  private double[] pairDistance = new double[1 << 12];

  /**
   * @param marginM width of the fast zone, metres (> 0)
   * @param cellM cell size, metres (> 0)
   */
  BorderGridBuilder(SegmentTable segments, double marginM, double cellM) {
    this.segments = segments;
    this.x = segments.x;
    this.y = segments.y;
    this.seg = segments.rows;
    this.m = segments.segmentCount();
    this.marginM = marginM;
    this.cell = cellM;
    this.inverseCell = 1 / cellM;
    ax = new double[m];
    ay = new double[m];
    bx = new double[m];
    by = new double[m];
    double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < m; i++) {
      ax[i] = Math.min(x[i], x[i + 1]);
      bx[i] = Math.max(x[i], x[i + 1]);
      ay[i] = Math.min(y[i], y[i + 1]);
      by[i] = Math.max(y[i], y[i + 1]);
      minX = Math.min(minX, ax[i]);
      minY = Math.min(minY, ay[i]);
      maxX = Math.max(maxX, bx[i]);
      maxY = Math.max(maxY, by[i]);
    }
    gx0 = minX - marginM - cell;
    gy0 = minY - marginM - cell;
    nx = (int) Math.ceil((maxX + marginM + cell - gx0) / cell);
    ny = (int) Math.ceil((maxY + marginM + cell - gy0) / cell);
    tilesX = BorderGrid.tilesAcross(nx);
    tileBlock = new int[tilesX * BorderGrid.tilesAcross(ny) + 1];
    reach = marginM + cell * Math.sqrt(2);
  }

  /**
   * Cells of 250 m (100 m for lines of very short segments). Smaller cells mean fewer candidates per
   * cell and more cells answered by their bound alone, at a memory cost that grows with the square:
   * on the real border (2 km segments) 500 m cells were ~20 % slower and 125 m under 10 % faster
   * for 4x the memory.
   */
  static double defaultCell(SegmentTable segments) {
    double total = 0;
    for (int i = 0; i < segments.segmentCount(); i++) {
      total += segments.length(i);
    }
    return Math.max(100, Math.min(250, 5 * total / segments.segmentCount()));
  }

  BorderGrid build() {
    int blocks = assignBlocks();
    int cellCount = blocks * CELLS_PER_TILE;
    tileOfBlock = new int[blocks];
    for (int t = 0; t < tileBlock.length; t++) {
      tileOfBlock[tileBlock[t]] = t;
    }
    bound = new double[cellCount];
    lower = new double[cellCount];
    Arrays.fill(bound, Double.POSITIVE_INFINITY);
    Arrays.fill(lower, Double.POSITIVE_INFINITY);
    sweep();
    IntList runs = new IntList(1 << 10);
    long[] words = encode(runs);
    return new BorderGrid(gx0, gy0, cell, nx, ny, marginM, tileBlock, words, Arrays.copyOf(runs.data, runs.size));
  }

  /** Gives the tiles within the margin of some segment blocks 1, 2, …; the others keep block 0. */
  private int assignBlocks() {
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
    return blocks;
  }

  private int cellX(double px) {
    return Math.max(0, Math.min(nx - 1, (int) Math.floor((px - gx0) * inverseCell)));
  }

  private int cellY(double py) {
    return Math.max(0, Math.min(ny - 1, (int) Math.floor((py - gy0) * inverseCell)));
  }

  /** Block cell of grid cell (cx, cy), or -1 when its tile has no block. */
  private int blockCell(int cx, int cy) {
    int b = tileBlock[(cy >> TILE_BITS) * tilesX + (cx >> TILE_BITS)];
    return b == 0 ? -1 : (b << (2 * TILE_BITS)) | ((cy & TILE_MASK) << TILE_BITS) | (cx & TILE_MASK);
  }

  /** Records the (cell, segment) pairs and each cell's bounds, then drops the pairs beyond them. */
  private void sweep() {
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
          double d00 = segments.distanceSq(x0, y0, i), d10 = segments.distanceSq(x1, y0, i);
          double d01 = segments.distanceSq(x0, y1, i), d11 = segments.distanceSq(x1, y1, i);
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
  private long columns(int j, int r, int c0, int c1, double lo, double hi) {
    int o = ROW * j;
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

  private static long intersect(long p, long q) {
    return (long) Math.max((int) (p >> 32), (int) (q >> 32)) << 32 | (Math.min((int) p, (int) q) & 0xffffffffL);
  }

  private static long hull(long p, long q) {
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
  private boolean withinSpan(int i, int k) {
    int t = tileOfBlock[k >> (2 * TILE_BITS)];
    int c = ((t % tilesX) << TILE_BITS) | (k & TILE_MASK);
    int r = ((t / tilesX) << TILE_BITS) | ((k >> TILE_BITS) & TILE_MASK);
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (int corner = 0; corner < 4; corner++) {
      double cx = gx0 + (c + (corner & 1)) * cell, cy = gy0 + (r + (corner >> 1)) * cell;
      double t01 = segments.parameter(cx, cy, i);
      lo = Math.min(lo, t01);
      hi = Math.max(hi, t01);
    }
    return lo > 1e-6 && hi < 1 - 1e-6;
  }

  /** Sorts the (cell, segment) pairs by cell and packs each cell's list into its word. */
  private long[] encode(IntList out) {
    int cellCount = bound.length;
    int[] start = new int[cellCount + 1];
    int[] byCell = pairCell.indicesByValue(cellCount, start);
    int[] sorted = new int[byCell.length];
    for (int i = 0; i < byCell.length; i++) {
      sorted[i] = pairSeg.data[byCell[i]];
    }
    long[] words = new long[cellCount];
    long emptyWord = BorderGrid.word(marginM, EMPTY);
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
      words[k] = BorderGrid.word(lower[k], code);
    }
    Arrays.fill(words, 0, CELLS_PER_TILE, emptyWord); // block 0: tiles away from the line
    return words;
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
}
