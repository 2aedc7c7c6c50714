package io.watchline.geo.index;

/**
 * The uniform grid of {@link BorderIndex}: for every cell within the fast zone of the line, a
 * lower bound of its distance to the line and the segments that can be nearest to some point of
 * it. Built by {@link BorderGridBuilder}; this class only reads.
 *
 * <p>Layout: the grid is cut into tiles of 4 x 4 cells; tiles within the margin of some segment
 * own a block of 16 cell words, all others share block 0, whose words are empty. Each cell word is
 * one {@code long}: the lower bound as float bits (rounded down) in the high half and the
 * candidate code in the low half:
 *
 * <ul>
 *   <li>{@link #EMPTY}: no candidates; the cell lies beyond the fast zone.
 *   <li>{@code first << COUNT_BITS | (count - 1)} (non-negative): the run of segments first..first + count - 1.
 *   <li>{@code first << COUNT_BITS | SPAN}: segment {@code first} alone, and every point of the
 *       cell projects strictly inside it, so the answer is the distance from its line.
 *   <li>{@code -(r + 1)}: several runs, stored from {@code runs[r]}: their number, then
 *       (first, last) pairs.
 * </ul>
 *
 * <p>Coordinates are planar metres. Immutable; reads are thread-safe and allocate nothing.
 */
final class BorderGrid {
  static final int TILE_BITS = 2;
  static final int TILE = 1 << TILE_BITS;
  static final int TILE_MASK = TILE - 1;
  static final int CELLS_PER_TILE = TILE * TILE;
  /** Cell code: no candidates (the cell is beyond the fast zone). */
  static final int EMPTY = Integer.MIN_VALUE;
  static final int COUNT_BITS = 10;
  static final int COUNT_MASK = (1 << COUNT_BITS) - 1;
  /** Count field of a cell whose one segment is nearest, at an inner point, everywhere in the cell. */
  static final int SPAN = COUNT_MASK;
  /** Segments from this number on cannot be packed into a word and go to the run array. */
  static final int MAX_PACKED_FIRST = 1 << (31 - COUNT_BITS);

  /** Grid origin (lower left corner of cell (0, 0)) and cell size, metres. */
  final double gx0;
  final double gy0;
  final double cell;
  final double inverseCell;
  final int nx;
  final int ny;
  final int tilesX;
  /** Width of the fast zone around the line, metres; every empty cell is at least this far away. */
  final double marginM;
  /** Per tile (row-major), its block; one extra last entry (block 0) for points off the grid. */
  final int[] tileBlock;
  /** Per cell of each block: lower bound (float bits) in the high half, candidate code in the low. */
  final long[] cells;
  /** Candidate lists that do not pack into a word: the number of runs, then (first, last) pairs. */
  final int[] runs;

  BorderGrid(double gx0, double gy0, double cell, int nx, int ny, double marginM, int[] tileBlock, long[] cells, int[] runs) {
    this.gx0 = gx0;
    this.gy0 = gy0;
    this.cell = cell;
    this.inverseCell = 1 / cell;
    this.nx = nx;
    this.ny = ny;
    this.tilesX = tilesAcross(nx);
    this.marginM = marginM;
    this.tileBlock = tileBlock;
    this.cells = cells;
    this.runs = runs;
  }

  static int tilesAcross(int cellsAcross) {
    return (cellsAcross + TILE - 1) >> TILE_BITS;
  }

  /** Heap bytes of the grid arrays. */
  long bytes() {
    return 4L * tileBlock.length + 8L * cells.length + 4L * runs.length;
  }

  /** The word of the cell holding the point; points off the grid (and NaN) get an empty word. */
  long cellWord(double px, double py) {
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

  /** The lower bound of a cell word, metres. */
  static float lowerBound(long word) {
    return Float.intBitsToFloat((int) (word >>> 32));
  }

  /** A cell word: the lower bound rounded down to a float, and the code. */
  static long word(double lowerBound, int code) {
    float f = (float) lowerBound;
    if (f > lowerBound) {
      f = Math.nextDown(f);
    }
    return ((long) Float.floatToIntBits(f) << 32) | (code & 0xffffffffL);
  }

  /** Whether the code is a single segment nearest at an inner point everywhere in its cell. */
  static boolean isSpan(int code) {
    return code >= 0 && (code & COUNT_MASK) == SPAN;
  }

  /** The segment of a packed code. */
  static int firstSegment(int code) {
    return code >>> COUNT_BITS;
  }

  /** Nearest segment among the candidates of a code other than EMPTY; the lowest index on ties. */
  int nearestInCell(double px, double py, int code, SegmentTable segments) {
    if (code >= 0) {
      int first = code >>> COUNT_BITS;
      int last = first + ((code & COUNT_MASK) == SPAN ? 0 : code & COUNT_MASK);
      return segments.nearestInRange(px, py, first, last, Double.POSITIVE_INFINITY, -1);
    }
    int r = -(code + 1);
    int end = r + 1 + 2 * runs[r];
    double best = Double.POSITIVE_INFINITY;
    int bestI = -1;
    for (int j = r + 1; j < end; j += 2) {
      int i = segments.nearestInRange(px, py, runs[j], runs[j + 1], best, bestI);
      if (i != bestI) {
        bestI = i;
        best = segments.distanceSq(px, py, i);
      }
    }
    return bestI;
  }
}
