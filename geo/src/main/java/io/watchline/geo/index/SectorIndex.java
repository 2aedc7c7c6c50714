package io.watchline.geo.index;

import io.watchline.geo.InvalidValueException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Sector polygons (projected metres) indexed for "which sector holds this point".
 *
 * <p>A uniform grid over the sectors' extent. Each cell is either pure (wholly inside one sector,
 * or outside all: one array read answers) or a boundary cell, which keeps, per sector whose
 * outline passes through it, only the outline edges meeting the cell and whether the cell's
 * lower-left corner is inside. A point in a boundary cell is inside a sector when the corner's
 * status, flipped once per edge crossed on the path corner → (corner x, point y) → point, says so.
 * Both legs of the path are axis-parallel, so crossings are counted with the half-open rules of the
 * classic ray-crossing test and points on vertices count once. A point-in-polygon test thus touches
 * only the few edges in its cell. Overlapping sectors resolve to the lowest sector number.
 *
 * <p>Immutable; reads allocate nothing and are thread-safe.
 */
public final class SectorIndex {
  private static final int OUTSIDE = -1;
  private static final double EPS = 1e-6;

  private final int sectors;
  private final double gx0;
  private final double gy0;
  private final double cell;
  private final double inverseCell;
  private final int nx;
  private final int ny;
  /** Per cell: a sector number (pure inside), -1 (outside all), or -2 - k for boundary cell k. */
  private final int[] code;
  /** Per boundary cell: its entries [entryStart[k], entryStart[k + 1]). */
  private final int[] entryStart;
  /** Per entry: sector number in bits 0..29, bit 30 set when the sector covers the whole cell, bit 31 corner inside. */
  private final int[] entry;
  /** Per entry: its edges [edgeStart[e], edgeStart[e + 1]) in {@link #edges}. */
  private final int[] edgeStart;
  /** Edges as ax, ay, bx, by. */
  private final double[] edges;
  private final int edgeCount;

  private static final int WHOLE = 1 << 30;
  private static final int CORNER_IN = 1 << 31;
  private static final int SECTOR_MASK = WHOLE - 1;

  private SectorIndex(List<Geometry> polygonsXy, double cellM) {
    this.sectors = polygonsXy.size();
    Envelope all = new Envelope();
    List<double[]> sectorEdges = new ArrayList<>();
    int totalEdges = 0;
    for (Geometry g : polygonsXy) {
      all.expandToInclude(g.getEnvelopeInternal());
      double[] e = edgesOf(g);
      sectorEdges.add(e);
      totalEdges += e.length / 4;
    }
    this.edgeCount = totalEdges;
    if (all.isNull()) {
      all = new Envelope(0, 1, 0, 1);
    }
    // About 32 cells per outline edge: boundary cells then hold a few edges each, and the cell
    // table costs ~128 bytes per edge.
    double area = Math.max(all.getArea(), 1);
    this.cell = cellM > 0 ? cellM : Math.max(25, Math.min(1000, Math.sqrt(area / (32.0 * Math.max(totalEdges, 1)))));
    this.inverseCell = 1 / cell;
    this.gx0 = all.getMinX() - cell;
    this.gy0 = all.getMinY() - cell;
    this.nx = (int) Math.ceil((all.getMaxX() + cell - gx0) / cell);
    this.ny = (int) Math.ceil((all.getMaxY() + cell - gy0) / cell);
    if ((long) nx * ny > 50_000_000L) {
      throw new InvalidValueException("sector grid too large: " + nx + " x " + ny + " cells of " + cell + " m");
    }

    // Entries in sector order: (cell, flags|sector, edge list) for every cell a sector touches.
    IntList eCell = new IntList(1 << 12);
    IntList eFlags = new IntList(1 << 12);
    IntList eEdgeFrom = new IntList(1 << 12);
    IntList eEdgeTo = new IntList(1 << 12);
    IntList cellEdges = new IntList(1 << 12); // global edge numbers per (cell, sector)
    double[] allEdges = new double[4 * totalEdges];
    int edgeBase = 0;
    for (int s = 0; s < sectors; s++) {
      double[] e = sectorEdges.get(s);
      System.arraycopy(e, 0, allEdges, 4 * edgeBase, e.length);
      int m = e.length / 4;
      if (m == 0) {
        continue;
      }
      // (cell, edge) pairs for every edge meeting a (slightly enlarged) cell.
      IntList pairCell = new IntList(4 * m);
      IntList pairEdge = new IntList(4 * m);
      for (int j = 0; j < m; j++) {
        double ax = e[4 * j], ay = e[4 * j + 1], bx = e[4 * j + 2], by = e[4 * j + 3];
        int c0 = cx(Math.min(ax, bx) - EPS), c1 = cx(Math.max(ax, bx) + EPS);
        int r0 = cy(Math.min(ay, by) - EPS), r1 = cy(Math.max(ay, by) + EPS);
        for (int r = r0; r <= r1; r++) {
          for (int c = c0; c <= c1; c++) {
            double x0 = gx0 + c * cell, y0 = gy0 + r * cell;
            if (SegmentMath.segmentMeetsBox(ax, ay, bx, by, x0 - EPS, y0 - EPS, x0 + cell + EPS, y0 + cell + EPS)) {
              pairCell.add(r * nx + c);
              pairEdge.add(edgeBase + j);
            }
          }
        }
      }
      long[] keys = new long[pairCell.size];
      for (int k = 0; k < keys.length; k++) {
        keys[k] = ((long) pairCell.data[k] << 32) | pairEdge.data[k];
      }
      Arrays.sort(keys);
      Envelope env = polygonsXy.get(s).getEnvelopeInternal();
      int rowFrom = cy(env.getMinY() - EPS), rowTo = cy(env.getMaxY() + EPS);
      int colFrom = cx(env.getMinX() - EPS), colTo = cx(env.getMaxX() + EPS);
      int kp = 0;
      double[] xsCentre = new double[m];
      double[] xsCorner = new double[m];
      for (int r = rowFrom; r <= rowTo; r++) {
        int nCentre = crossings(e, m, gy0 + (r + 0.5) * cell, xsCentre);
        int nCorner = crossings(e, m, gy0 + r * cell, xsCorner);
        // Walk the row left to right; crossings sorted, so "inside" is the parity of those to the right.
        int iCentre = 0, iCorner = 0;
        for (int c = colFrom; c <= colTo; c++) {
          int cellNo = r * nx + c;
          double xc = gx0 + (c + 0.5) * cell, x0 = gx0 + c * cell;
          while (iCentre < nCentre && xsCentre[iCentre] <= xc) {
            iCentre++;
          }
          while (iCorner < nCorner && xsCorner[iCorner] <= x0) {
            iCorner++;
          }
          while (kp < keys.length && (int) (keys[kp] >>> 32) < cellNo) {
            kp++;
          }
          if (kp < keys.length && (int) (keys[kp] >>> 32) == cellNo) {
            int from = cellEdges.size;
            while (kp < keys.length && (int) (keys[kp] >>> 32) == cellNo) {
              cellEdges.add((int) keys[kp]);
              kp++;
            }
            boolean cornerIn = ((nCorner - iCorner) & 1) == 1;
            eCell.add(cellNo);
            eFlags.add(s | (cornerIn ? CORNER_IN : 0));
            eEdgeFrom.add(from);
            eEdgeTo.add(cellEdges.size);
          } else if (((nCentre - iCentre) & 1) == 1) {
            eCell.add(cellNo);
            eFlags.add(s | WHOLE);
            eEdgeFrom.add(0);
            eEdgeTo.add(0);
          }
        }
      }
      edgeBase += m;
    }

    // Group the entries by cell (a counting sort keeps sector order within each cell).
    int cells = nx * ny;
    int[] perCell = new int[cells + 1];
    int[] order = eCell.indicesByValue(cells, perCell);
    this.code = new int[cells];
    IntList starts = new IntList(1 << 10);
    IntList entries = new IntList(1 << 10);
    IntList edgeStarts = new IntList(1 << 10);
    IntList edgeList = new IntList(1 << 12);
    for (int c = 0; c < cells; c++) {
      int from = perCell[c], to = perCell[c + 1];
      if (from == to) {
        code[c] = OUTSIDE;
        continue;
      }
      int first = order[from];
      if ((eFlags.data[first] & WHOLE) != 0) {
        code[c] = eFlags.data[first] & SECTOR_MASK;
        continue;
      }
      code[c] = -2 - starts.size;
      starts.add(entries.size);
      for (int k = from; k < to; k++) {
        int en = order[k];
        entries.add(eFlags.data[en]);
        edgeStarts.add(edgeList.size);
        for (int j = eEdgeFrom.data[en]; j < eEdgeTo.data[en]; j++) {
          edgeList.add(cellEdges.data[j]);
        }
        if ((eFlags.data[en] & WHOLE) != 0) {
          break; // a lower-numbered sector covering the whole cell hides the rest
        }
      }
    }
    starts.add(entries.size);
    edgeStarts.add(edgeList.size);
    this.entryStart = Arrays.copyOf(starts.data, starts.size);
    this.entry = Arrays.copyOf(entries.data, entries.size);
    this.edgeStart = Arrays.copyOf(edgeStarts.data, edgeStarts.size);
    // Copy each cell's edges next to each other so a query reads one contiguous run.
    this.edges = new double[4 * edgeList.size];
    for (int k = 0; k < edgeList.size; k++) {
      System.arraycopy(allEdges, 4 * edgeList.data[k], edges, 4 * k, 4);
    }
  }

  /** Builds the index with a cell size suited to the number of outline edges and their extent. */
  public static SectorIndex build(List<Geometry> polygonsXy) {
    return new SectorIndex(polygonsXy, 0);
  }

  public static SectorIndex build(List<Geometry> polygonsXy, double cellM) {
    return new SectorIndex(polygonsXy, cellM);
  }

  /** x of every crossing of the horizontal line at y by an edge (half-open in y), sorted. */
  private static int crossings(double[] e, int m, double y, double[] out) {
    int n = 0;
    for (int j = 0; j < m; j++) {
      double ay = e[4 * j + 1], by = e[4 * j + 3];
      if ((ay > y) != (by > y)) {
        double ax = e[4 * j], bx = e[4 * j + 2];
        out[n++] = ax + (y - ay) * (bx - ax) / (by - ay);
      }
    }
    Arrays.sort(out, 0, n);
    return n;
  }

  private static double[] edgesOf(Geometry g) {
    List<Coordinate[]> rings = new ArrayList<>();
    for (int k = 0; k < g.getNumGeometries(); k++) {
      if (!(g.getGeometryN(k) instanceof Polygon p) || p.isEmpty()) {
        continue;
      }
      rings.add(p.getExteriorRing().getCoordinates());
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        rings.add(p.getInteriorRingN(h).getCoordinates());
      }
    }
    int m = 0;
    for (Coordinate[] r : rings) {
      m += r.length - 1;
    }
    double[] e = new double[4 * m];
    int j = 0;
    for (Coordinate[] r : rings) {
      for (int i = 0; i + 1 < r.length; i++) {
        e[j++] = r[i].x;
        e[j++] = r[i].y;
        e[j++] = r[i + 1].x;
        e[j++] = r[i + 1].y;
      }
    }
    return e;
  }

  private int cx(double x) {
    return Math.max(0, Math.min(nx - 1, (int) Math.floor((x - gx0) * inverseCell)));
  }

  private int cy(double y) {
    return Math.max(0, Math.min(ny - 1, (int) Math.floor((y - gy0) * inverseCell)));
  }

  public int size() {
    return sectors;
  }

  public int edgeCount() {
    return edgeCount;
  }

  public double cellSizeM() {
    return cell;
  }

  /** Heap bytes of the index arrays. */
  public long bytes() {
    return 4L * code.length + 4L * entryStart.length + 4L * entry.length + 4L * edgeStart.length + 8L * edges.length;
  }

  /** Number of the first sector containing the point, or -1. Boundary points may go either way. */
  public int sectorOf(double px, double py) {
    double fx = (px - gx0) * inverseCell;
    double fy = (py - gy0) * inverseCell;
    if (!(fx >= 0 && fy >= 0 && fx < nx && fy < ny)) {
      return OUTSIDE;
    }
    int cx = (int) fx, cy = (int) fy;
    int v = code[cy * nx + cx];
    if (v >= OUTSIDE) {
      return v;
    }
    int k = -2 - v;
    double x0 = gx0 + cx * cell, y0 = gy0 + cy * cell;
    double[] ed = edges;
    for (int en = entryStart[k], end = entryStart[k + 1]; en < end; en++) {
      int flags = entry[en];
      if ((flags & WHOLE) != 0) {
        return flags & SECTOR_MASK;
      }
      boolean inside = (flags & CORNER_IN) != 0;
      for (int j = edgeStart[en], je = edgeStart[en + 1]; j < je; j++) {
        double ax = ed[4 * j], ay = ed[4 * j + 1], bx = ed[4 * j + 2], by = ed[4 * j + 3];
        // Up the cell's left side from the corner to the point's height...
        if ((ax > x0) != (bx > x0)) {
          double yi = ay + (x0 - ax) * (by - ay) / (bx - ax);
          inside ^= (yi > y0) != (yi > py);
        }
        // ...then across to the point.
        if ((ay > py) != (by > py)) {
          double xi = ax + (py - ay) * (bx - ax) / (by - ay);
          inside ^= (xi > x0) != (xi > px);
        }
      }
      if (inside) {
        return flags & SECTOR_MASK;
      }
    }
    return OUTSIDE;
  }

  /** Batch {@link #sectorOf}: {@code out[k]} for points k in [0, count). */
  public void sectorsOf(double[] px, double[] py, int[] out, int count) {
    for (int k = 0; k < count; k++) {
      out[k] = sectorOf(px[k], py[k]);
    }
  }
}
