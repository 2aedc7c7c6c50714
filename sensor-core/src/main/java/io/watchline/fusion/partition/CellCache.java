package io.watchline.fusion.partition;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers kept per square cell of the local plane, for questions whose answer is the same at every
 * point of most cells ({@link RegionPartitioner#regionsNear}: only cells near a halo's edge differ
 * within). A cell is decided once, by a function that returns the answer when it holds throughout
 * the cell and null otherwise; undecided cells are remembered as such and left to the exact
 * computation. Thread-safe; memory bounded by {@link #MAX_CELLS}, beyond which new cells are
 * decided but not kept.
 */
final class CellCache {
  /** Side of a cell, m: small against a 5 km halo, so few cells straddle a halo's edge. */
  static final double CELL_M = 500;
  /** Margin for rounding in the distances, m. */
  static final double SLACK_M = 1e-3;
  /** Cells kept at most (a night's observations cover a few thousand). */
  static final int MAX_CELLS = 1 << 18;
  /** Cell indices must fit 32 bits each in the key. */
  private static final double MAX_COORDINATE_M = 1e12;
  private static final int[] UNDECIDED = new int[0];
  private static final double HALF_DIAGONAL = CELL_M * Math.sqrt(2) / 2;

  /** Decides a cell: the answer at every point within {@code half} of (x, y), or null. */
  @FunctionalInterface
  interface Decider {
    int[] sameWithin(double x, double y, double half);
  }

  private final ConcurrentHashMap<Long, int[]> cells = new ConcurrentHashMap<>();

  /** The answer for every point of the cell holding (x, y), or null when it must be computed for the point. */
  int[] regions(double x, double y, Decider decider) {
    if (!(Math.abs(x) < MAX_COORDINATE_M && Math.abs(y) < MAX_COORDINATE_M)) {
      return null; // NaN, or too far out for a cell key
    }
    long ix = (long) Math.floor(x / CELL_M), iy = (long) Math.floor(y / CELL_M);
    Long key = (ix << 32) ^ (iy & 0xffffffffL);
    int[] known = cells.get(key);
    if (known == null) {
      known = decider.sameWithin((ix + 0.5) * CELL_M, (iy + 0.5) * CELL_M, HALF_DIAGONAL);
      if (known == null) {
        known = UNDECIDED;
      }
      if (cells.size() < MAX_CELLS) {
        cells.putIfAbsent(key, known);
      }
    }
    return known == UNDECIDED ? null : known;
  }
}
