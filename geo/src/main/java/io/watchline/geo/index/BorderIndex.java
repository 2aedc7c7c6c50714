package io.watchline.geo.index;

import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/**
 * The projected border line, indexed for distance, side and crossing queries.
 *
 * <p>Two structures over the same flat vertex arrays: a uniform grid covering the border and a
 * margin around it ("fast zone"), where each cell lists, as runs of consecutive segment numbers,
 * every segment that can be nearest to some point of the cell; and a packed Hilbert R-tree over the
 * segments for everything else (points beyond the margin, track crossings). A cell's list holds the
 * segments whose distance to the cell is at most the smallest worst-case distance of any single
 * segment, so the nearest segment of any point in the cell is always on it. Along a polyline those
 * segments come in a few consecutive runs, which keeps the lists small and the scans sequential.
 *
 * <p>Immutable; reads are thread-safe. The single-point methods allocate nothing on the grid path.
 */
public final class BorderIndex {
  private static final int TILE_BITS = 4;
  private static final int TILE = 1 << TILE_BITS;

  private final double[] x;
  private final double[] y;
  private final int n;
  private final PackedRTree tree;

  private final double gx0;
  private final double gy0;
  private final double cell;
  private final double inverseCell;
  private final int nx;
  private final int ny;
  private final int tilesX;
  private final double marginM;
  /** Per tile: its block number, or -1 when no cell of it is within the margin. */
  private final int[] tileBlock;
  /** Per cell of each block (TILE x TILE cells): start of its runs in {@link #runs}; one extra at the end. */
  private final int[] cellStart;
  /** Runs of segment numbers as (first, last inclusive) pairs. */
  private final int[] runs;

  private final ThreadLocal<PackedRTree.Scratch> scratch = ThreadLocal.withInitial(PackedRTree.Scratch::new);

  private BorderIndex(double[] x, double[] y, double marginM, double cellM) {
    this.x = x;
    this.y = y;
    this.n = x.length;
    int m = n - 1;
    double[] ax = new double[m], ay = new double[m], bx = new double[m], by = new double[m];
    double total = 0;
    double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < m; i++) {
      ax[i] = Math.min(x[i], x[i + 1]);
      bx[i] = Math.max(x[i], x[i + 1]);
      ay[i] = Math.min(y[i], y[i + 1]);
      by[i] = Math.max(y[i], y[i + 1]);
      total += Math.hypot(x[i + 1] - x[i], y[i + 1] - y[i]);
      minX = Math.min(minX, ax[i]);
      minY = Math.min(minY, ay[i]);
      maxX = Math.max(maxX, bx[i]);
      maxY = Math.max(maxY, by[i]);
    }
    this.tree = PackedRTree.build(ax, ay, bx, by, m);
    this.marginM = marginM;
    // Cells of about five segment lengths (100 m to 1 km): a cell then lists about one run of a
    // few dozen segments. Smaller cells for short lines cost memory without a measured gain.
    this.cell = cellM > 0 ? cellM : Math.max(100, Math.min(1000, 5 * total / m));
    this.inverseCell = 1 / cell;
    this.gx0 = minX - marginM - cell;
    this.gy0 = minY - marginM - cell;
    this.nx = (int) Math.ceil((maxX + marginM + cell - gx0) / cell);
    this.ny = (int) Math.ceil((maxY + marginM + cell - gy0) / cell);
    this.tilesX = (nx + TILE - 1) >> TILE_BITS;
    int tilesY = (ny + TILE - 1) >> TILE_BITS;

    // Mark the tiles holding cells within the margin of some segment (by bounding boxes).
    this.tileBlock = new int[tilesX * tilesY];
    Arrays.fill(tileBlock, -1);
    int blocks = 0;
    for (int i = 0; i < m; i++) {
      int c0 = cellX(ax[i] - marginM) >> TILE_BITS, c1 = cellX(bx[i] + marginM) >> TILE_BITS;
      int r0 = cellY(ay[i] - marginM) >> TILE_BITS, r1 = cellY(by[i] + marginM) >> TILE_BITS;
      for (int ty = r0; ty <= r1; ty++) {
        for (int tx = c0; tx <= c1; tx++) {
          if (tileBlock[ty * tilesX + tx] < 0) {
            tileBlock[ty * tilesX + tx] = blocks++;
          }
        }
      }
    }
    // For each cell of a marked tile within the margin: its candidate runs.
    int[] start = new int[blocks * TILE * TILE + 1];
    IntList out = new IntList(1 << 12);
    IntList cand = new IntList(256);
    PackedRTree.Scratch s = new PackedRTree.Scratch();
    int[] tileOfBlock = new int[blocks];
    for (int t = 0; t < tileBlock.length; t++) {
      if (tileBlock[t] >= 0) {
        tileOfBlock[tileBlock[t]] = t;
      }
    }
    for (int b = 0; b < blocks; b++) {
      int t = tileOfBlock[b];
      int tx = t % tilesX, ty = t / tilesX;
      for (int k = 0; k < TILE * TILE; k++) {
        start[b * TILE * TILE + k] = out.size;
        int cx = (tx << TILE_BITS) + (k & (TILE - 1));
        int cy = (ty << TILE_BITS) + (k >> TILE_BITS);
        if (cx >= nx || cy >= ny) {
          continue;
        }
        double x0 = gx0 + cx * cell, y0 = gy0 + cy * cell;
        candidates(x0, y0, x0 + cell, y0 + cell, s, cand);
        if (cand.size == 0) {
          continue;
        }
        // Compress the sorted segment numbers into runs; bridging a gap of one or two segments
        // costs fewer bytes than a new run and does not change any answer.
        int first = cand.data[0], last = first;
        for (int j = 1; j < cand.size; j++) {
          int v = cand.data[j];
          if (v <= last + 3) {
            last = v;
          } else {
            out.add(first);
            out.add(last);
            first = last = v;
          }
        }
        out.add(first);
        out.add(last);
      }
    }
    start[blocks * TILE * TILE] = out.size;
    this.cellStart = start;
    this.runs = Arrays.copyOf(out.data, out.size);
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
      throw new IllegalArgumentException("a border line needs at least two vertices");
    }
    return new BorderIndex(x.clone(), y.clone(), marginM, cellM);
  }

  /** Segments whose distance to the cell is at most the least worst-case distance of any segment. */
  private void candidates(double x0, double y0, double x1, double y1, PackedRTree.Scratch s, IntList cand) {
    cand.size = 0;
    double cxm = 0.5 * (x0 + x1), cym = 0.5 * (y0 + y1);
    int s0 = nearestByTree(cxm, cym, s);
    if (SegmentMath.distanceSq(cxm, cym, x[s0], y[s0], x[s0 + 1], y[s0 + 1]) > sq(marginM + cell)) {
      return; // beyond the fast zone: leave the cell to the tree
    }
    double bound = worstDistance(s0, x0, y0, x1, y1);
    int[] stack = s.stack(tree.levels() * PackedRTree.NODE_SIZE);
    int top = 0;
    stack[top++] = tree.root;
    double[] boxes = tree.boxes;
    while (top > 0) {
      int pos = stack[--top];
      if (boxes[4 * pos] > x1 + bound || boxes[4 * pos + 1] > y1 + bound
          || boxes[4 * pos + 2] < x0 - bound || boxes[4 * pos + 3] < y0 - bound) {
        continue;
      }
      if (pos < tree.size) {
        int seg = tree.ids[pos];
        // The box gap is a cheap lower bound of the exact cell-to-segment distance.
        double gx = Math.max(Math.max(boxes[4 * pos] - x1, x0 - boxes[4 * pos + 2]), 0);
        double gy = Math.max(Math.max(boxes[4 * pos + 1] - y1, y0 - boxes[4 * pos + 3]), 0);
        if (gx * gx + gy * gy <= bound * bound && cellDistance(seg, x0, y0, x1, y1) <= bound) {
          cand.add(seg);
          bound = Math.min(bound, worstDistance(seg, x0, y0, x1, y1));
        }
      } else {
        for (int c = tree.childEnd(pos) - 1; c >= tree.ids[pos]; c--) {
          stack[top++] = c;
        }
      }
    }
    // The bound only shrank while searching: drop what the final bound excludes.
    int k = 0;
    for (int j = 0; j < cand.size; j++) {
      if (cellDistance(cand.data[j], x0, y0, x1, y1) <= bound) {
        cand.data[k++] = cand.data[j];
      }
    }
    cand.size = k;
    Arrays.sort(cand.data, 0, k);
  }

  /** Largest distance from any point of the cell to segment i (reached at a corner: distance is convex). */
  private double worstDistance(int i, double x0, double y0, double x1, double y1) {
    double ax = x[i], ay = y[i], bx = x[i + 1], by = y[i + 1];
    double d = Math.max(
        Math.max(SegmentMath.distanceSq(x0, y0, ax, ay, bx, by), SegmentMath.distanceSq(x1, y0, ax, ay, bx, by)),
        Math.max(SegmentMath.distanceSq(x0, y1, ax, ay, bx, by), SegmentMath.distanceSq(x1, y1, ax, ay, bx, by)));
    return Math.sqrt(d) * (1 + 1e-12) + 1e-9;
  }

  /** Smallest distance between the cell and segment i (0 when they meet), rounded down a hair. */
  private double cellDistance(int i, double x0, double y0, double x1, double y1) {
    double ax = x[i], ay = y[i], bx = x[i + 1], by = y[i + 1];
    if (SegmentMath.segmentMeetsBox(ax, ay, bx, by, x0, y0, x1, y1)) {
      return 0;
    }
    double d = Math.min(
        Math.min(boxDistanceSq(ax, ay, x0, y0, x1, y1), boxDistanceSq(bx, by, x0, y0, x1, y1)),
        Math.min(
            Math.min(SegmentMath.distanceSq(x0, y0, ax, ay, bx, by), SegmentMath.distanceSq(x1, y0, ax, ay, bx, by)),
            Math.min(SegmentMath.distanceSq(x0, y1, ax, ay, bx, by), SegmentMath.distanceSq(x1, y1, ax, ay, bx, by))));
    return Math.sqrt(d) * (1 - 1e-12) - 1e-9;
  }

  private static double boxDistanceSq(double px, double py, double x0, double y0, double x1, double y1) {
    double dx = Math.max(Math.max(x0 - px, px - x1), 0);
    double dy = Math.max(Math.max(y0 - py, py - y1), 0);
    return dx * dx + dy * dy;
  }

  private static double sq(double v) {
    return v * v;
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

  /** Heap bytes of the index arrays (vertices, grid and tree). */
  public long bytes() {
    return 16L * n + 4L * tileBlock.length + 4L * cellStart.length + 4L * runs.length + tree.bytes();
  }

  /** Index of the segment nearest to (px, py); the lowest index on ties. */
  public int nearestSegment(double px, double py) {
    int c = cellOf(px, py);
    if (c >= 0) {
      return nearestInRuns(px, py, cellStart[c], cellStart[c + 1]);
    }
    return nearestByTree(px, py, scratch.get());
  }

  /** The grid cell holding the point when it has candidates, or -1 (outside the fast zone). */
  private int cellOf(double px, double py) {
    double fx = (px - gx0) * inverseCell;
    double fy = (py - gy0) * inverseCell;
    if (!(fx >= 0 && fy >= 0 && fx < nx && fy < ny)) {
      return -1;
    }
    int cx = (int) fx, cy = (int) fy;
    int b = tileBlock[(cy >> TILE_BITS) * tilesX + (cx >> TILE_BITS)];
    if (b < 0) {
      return -1;
    }
    int c = (b << (2 * TILE_BITS)) + ((cy & (TILE - 1)) << TILE_BITS) + (cx & (TILE - 1));
    return cellStart[c + 1] > cellStart[c] ? c : -1;
  }

  private int nearestInRuns(double px, double py, int from, int to) {
    double best = Double.POSITIVE_INFINITY;
    int bestI = -1;
    double[] x = this.x, y = this.y;
    for (int r = from; r < to; r += 2) {
      int last = runs[r + 1];
      for (int i = runs[r]; i <= last; i++) {
        double d = SegmentMath.distanceSq(px, py, x[i], y[i], x[i + 1], y[i + 1]);
        if (d < best) {
          best = d;
          bestI = i;
        }
      }
    }
    return bestI;
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
        double d = SegmentMath.distanceSq(px, py, x[i], y[i], x[i + 1], y[i + 1]);
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
    int i = nearestSegment(px, py);
    double d = Math.sqrt(SegmentMath.distanceSq(px, py, x[i], y[i], x[i + 1], y[i + 1]));
    return SegmentMath.isLeft(px, py, x, y, n, i) ? d : -d;
  }

  /**
   * Signed distance when the point is within {@code maxM} of the line, else NaN. With {@code maxM}
   * no larger than the fast zone this never leaves the grid.
   */
  public double signedDistanceWithin(double px, double py, double maxM) {
    int c = cellOf(px, py);
    int i;
    if (c >= 0) {
      i = nearestInRuns(px, py, cellStart[c], cellStart[c + 1]);
    } else if (maxM <= marginM) {
      return Double.NaN;
    } else {
      i = nearestByTree(px, py, scratch.get());
    }
    double d2 = SegmentMath.distanceSq(px, py, x[i], y[i], x[i + 1], y[i + 1]);
    if (d2 > maxM * maxM) {
      return Double.NaN;
    }
    double d = Math.sqrt(d2);
    return SegmentMath.isLeft(px, py, x, y, n, i) ? d : -d;
  }

  /** Batch {@link #signedDistance}: {@code out[k]} for points k in [0, count). */
  public void signedDistances(double[] px, double[] py, double[] out, int count) {
    for (int k = 0; k < count; k++) {
      out[k] = signedDistance(px[k], py[k]);
    }
  }

  /** Batch {@link #signedDistanceWithin}. */
  public void signedDistancesWithin(double[] px, double[] py, double maxM, double[] out, int count) {
    for (int k = 0; k < count; k++) {
      out[k] = signedDistanceWithin(px[k], py[k], maxM);
    }
  }

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
  }
}
