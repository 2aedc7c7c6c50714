package io.watchline.fusion.quality;

import java.util.Arrays;

/**
 * Where the radars keep seeing something all night: a wind farm, a town, a quarry. Radar plots
 * are counted per cell and time bin; a cell with enough plots in {@code clutterBins} bins in a
 * row is persistent clutter from then on. Learned as the night goes, so early tracks near a
 * clutter field are judged before the map knows it. Memory grows with the area the radars cover
 * (one small entry per cell that ever had a plot), not with time. Positions are metres in the
 * border's local plane. Not thread-safe.
 *
 * <p>Every radar plot passes through here, so the cells are kept in primitive arrays (open
 * addressing on a packed long cell key, linear probing) rather than a map of boxed keys.
 */
public final class ClutterMap {
  private static final long EMPTY = Long.MIN_VALUE;

  private final QualityConfig cfg;
  private final double cellM;
  private long[] keys;
  private long[] bins;
  private int[] plots;
  private int[] runs;
  private boolean[] clutter;
  private int size;
  private int clutterCells;

  public ClutterMap(QualityConfig cfg) {
    this.cfg = cfg;
    this.cellM = cfg.clutterCellM();
    allocate(1024);
  }

  /** Counts a radar plot at (x, y), time {@code tMs}. */
  public void plot(double x, double y, long tMs) {
    int i = slot(pack(cell(x), cell(y)), true);
    long bin = Math.floorDiv(tMs, cfg.clutterBinMs());
    if (bin != bins[i]) {
      runs[i] = plots[i] >= cfg.clutterMinPlots() && bin == bins[i] + 1 ? runs[i] : 0;
      bins[i] = bin;
      plots[i] = 0;
    }
    plots[i]++;
    if (plots[i] == cfg.clutterMinPlots()) {
      runs[i]++;
      if (runs[i] >= cfg.clutterBins() && !clutter[i]) {
        clutter[i] = true;
        clutterCells++;
      }
    }
  }

  /** Whether (x, y) lies in a persistent-clutter cell or next to one. */
  public boolean isClutter(double x, double y) {
    if (clutterCells == 0) {
      return false;
    }
    long cx = cell(x), cy = cell(y);
    for (long dx = -1; dx <= 1; dx++) {
      for (long dy = -1; dy <= 1; dy++) {
        int i = slot(pack(cx + dx, cy + dy), false);
        if (i >= 0 && clutter[i]) {
          return true;
        }
      }
    }
    return false;
  }

  /** Cells known to be clutter. */
  public int clutterCells() {
    return clutterCells;
  }

  private long cell(double v) {
    return (long) Math.floor(v / cellM);
  }

  /** Two cell indices in one key; never {@link #EMPTY} for cells within ±2^31 cells of the origin. */
  private static long pack(long cx, long cy) {
    return (cx << 32) ^ (cy & 0xffffffffL);
  }

  /** The slot of {@code key}; a new one when {@code add}, else -1 when absent. */
  private int slot(long key, boolean add) {
    int mask = keys.length - 1;
    int i = hash(key) & mask;
    while (keys[i] != EMPTY) {
      if (keys[i] == key) {
        return i;
      }
      i = (i + 1) & mask;
    }
    if (!add) {
      return -1;
    }
    if (2 * (size + 1) > keys.length) { // keep the table at most half full
      grow();
      return slot(key, true);
    }
    keys[i] = key;
    bins[i] = Long.MIN_VALUE;
    size++;
    return i;
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    bins = new long[capacity];
    plots = new int[capacity];
    runs = new int[capacity];
    clutter = new boolean[capacity];
  }

  private void grow() {
    long[] k = keys, b = bins;
    int[] p = plots, r = runs;
    boolean[] c = clutter;
    allocate(k.length * 2);
    for (int j = 0; j < k.length; j++) {
      if (k[j] == EMPTY) continue;
      int i = hash(k[j]) & (keys.length - 1);
      while (keys[i] != EMPTY) i = (i + 1) & (keys.length - 1);
      keys[i] = k[j];
      bins[i] = b[j];
      plots[i] = p[j];
      runs[i] = r[j];
      clutter[i] = c[j];
    }
  }
}
