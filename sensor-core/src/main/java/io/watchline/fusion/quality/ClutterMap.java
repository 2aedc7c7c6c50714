package io.watchline.fusion.quality;

import java.util.HashMap;
import java.util.Map;

/**
 * Where the radars keep seeing something all night: a wind farm, a town, a quarry. Radar plots
 * are counted per cell and time bin; a cell with enough plots in {@code clutterBins} bins in a
 * row is persistent clutter from then on. Learned as the night goes, so early tracks near a
 * clutter field are judged before the map knows it. Memory grows with the area the radars cover
 * (one small entry per cell that ever had a plot), not with time. Positions are metres in the
 * border's local plane. Not thread-safe.
 */
public final class ClutterMap {
  private final QualityConfig cfg;
  private final Map<Long, Cell> cells = new HashMap<>();

  private static final class Cell {
    long bin = Long.MIN_VALUE;
    int plots;
    int run;
    boolean clutter;
  }

  public ClutterMap(QualityConfig cfg) {
    this.cfg = cfg;
  }

  /** Counts a radar plot at (x, y), time {@code tMs}. */
  public void plot(double x, double y, long tMs) {
    Cell c = cells.computeIfAbsent(key(x, y), k -> new Cell());
    long bin = Math.floorDiv(tMs, cfg.clutterBinMs());
    if (bin != c.bin) {
      c.run = c.plots >= cfg.clutterMinPlots() && bin == c.bin + 1 ? c.run : 0;
      c.bin = bin;
      c.plots = 0;
    }
    c.plots++;
    if (c.plots == cfg.clutterMinPlots()) {
      c.run++;
      if (c.run >= cfg.clutterBins()) {
        c.clutter = true;
      }
    }
  }

  /** Whether (x, y) lies in a persistent-clutter cell or next to one. */
  public boolean isClutter(double x, double y) {
    long cx = cell(x), cy = cell(y);
    for (long dx = -1; dx <= 1; dx++) {
      for (long dy = -1; dy <= 1; dy++) {
        Cell c = cells.get(pack(cx + dx, cy + dy));
        if (c != null && c.clutter) {
          return true;
        }
      }
    }
    return false;
  }

  /** Cells known to be clutter. */
  public int clutterCells() {
    int n = 0;
    for (Cell c : cells.values()) {
      if (c.clutter) n++;
    }
    return n;
  }

  private long key(double x, double y) {
    return pack(cell(x), cell(y));
  }

  private long cell(double v) {
    return (long) Math.floor(v / cfg.clutterCellM());
  }

  private static long pack(long cx, long cy) {
    return (cx << 32) ^ (cy & 0xffffffffL);
  }
}
