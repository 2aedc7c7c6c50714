package io.watchline.geo.coverage;

import io.watchline.geo.dem.ElevationGrid;

/**
 * Single-observer viewsheds on a metric terrain grid.
 *
 * <p>{@link #sweep} is the reference-plane method of Wang, Robinson and White (2000), "Generating
 * viewsheds without using sightlines", in the edge variant that {@code gdal_viewshed} (GDAL 3.x)
 * runs: rows are processed outward from the observer, and each cell's line-of-sight height comes
 * from the plane through the observer and the two already processed neighbours nearer to it
 * (whose heights have been raised to the sight line where they were hidden). One pass, O(cells).
 * Cell-for-cell choices follow GDAL so results can be checked against it: observer height is
 * added to the ground under the observer cell, distances are between cell centres, the curvature
 * term is {@code cc * d^2 / D}, a cell is visible when {@code ground + target >= sight line}.
 *
 * <p>{@link #exact} is the R3 method: a straight line from the observer to every cell, checked
 * against the terrain interpolated at each crossing of a row or column of cell centres. It costs
 * O(cells x radius) and is the exact reference for small areas and tests.
 */
public final class Viewshed {
  private Viewshed() {}

  /** Voids neither block the view nor count as seen. */
  private static final double VOID_HEIGHT = -11_000;

  public static Visibility sweep(ElevationGrid dem, int col, int row, ViewshedParams p) {
    checkObserver(dem, col, row);
    Window win = Window.of(dem, col, row, p.maxDistanceM());
    Visibility out = new Visibility(win.x0, win.y0, win.width(), win.height());
    Sweep s = new Sweep(dem, col, row, p, win, out);
    s.run();
    return out;
  }

  /**
   * Line of sight along rays to a ring around the range (R2, see {@link RayViewshed}): close to
   * {@link #exact} on rough terrain at a small multiple of the sweep's cost.
   */
  public static Visibility rays(ElevationGrid dem, int col, int row, ViewshedParams p) {
    checkObserver(dem, col, row);
    return RayViewshed.compute(dem, col, row, p);
  }

  /** Exact R3 line of sight to every cell within range (small areas and tests). */
  public static Visibility exact(ElevationGrid dem, int col, int row, ViewshedParams p) {
    checkObserver(dem, col, row);
    Window win = Window.of(dem, col, row, p.maxDistanceM());
    Visibility out = new Visibility(win.x0, win.y0, win.width(), win.height());
    double cx = dem.cellX();
    double cy = dem.cellY();
    double md2 = p.maxDistanceM() * p.maxDistanceM();
    double zo = height(dem, col, row) + p.observerHeightM();
    for (int r = win.y0; r < win.y1; r++) {
      for (int c = win.x0; c < win.x1; c++) {
        int dx = c - col;
        int dy = r - row;
        double d2 = sq(dx * cx) + sq(dy * cy);
        if (p.maxDistanceM() > 0 && d2 > md2) {
          continue;
        }
        if (Math.abs(dx) <= 1 && Math.abs(dy) <= 1) {
          out.set(c - win.x0, r - win.y0, Visibility.VISIBLE);
          continue;
        }
        double zt = height(dem, c, r) - p.curvatureDropM(Math.sqrt(d2)) + p.targetHeightM();
        boolean seen = Float.isNaN(dem.get(c, r)) ? false : clear(dem, col, row, dx, dy, zo, zt, p);
        out.set(c - win.x0, r - win.y0, seen ? Visibility.VISIBLE : Visibility.HIDDEN);
      }
    }
    return out;
  }

  /** True when the sight line from the observer to cell (col+dx, row+dy) clears the terrain. */
  private static boolean clear(ElevationGrid dem, int col, int row, int dx, int dy, double zo, double zt, ViewshedParams p) {
    double cx = dem.cellX();
    double cy = dem.cellY();
    double total = Math.hypot(dx * cx, dy * cy);
    int adx = Math.abs(dx);
    int ady = Math.abs(dy);
    // crossings of the columns of cell centres
    for (int s = 1; s < adx; s++) {
      double t = (double) s / adx;
      double fy = row + dy * t;
      int c = col + Integer.signum(dx) * s;
      int r0 = (int) Math.floor(fy);
      double w = fy - r0;
      double ground = w == 0 ? height(dem, c, r0) : (1 - w) * height(dem, c, r0) + w * height(dem, c, r0 + 1);
      if (ground - p.curvatureDropM(t * total) > zo + (zt - zo) * t) {
        return false;
      }
    }
    // crossings of the rows of cell centres
    for (int s = 1; s < ady; s++) {
      double t = (double) s / ady;
      double fx = col + dx * t;
      int r = row + Integer.signum(dy) * s;
      int c0 = (int) Math.floor(fx);
      double w = fx - c0;
      double ground = w == 0 ? height(dem, c0, r) : (1 - w) * height(dem, c0, r) + w * height(dem, c0 + 1, r);
      if (ground - p.curvatureDropM(t * total) > zo + (zt - zo) * t) {
        return false;
      }
    }
    return true;
  }

  private static double height(ElevationGrid dem, int c, int r) {
    float v = dem.get(c, r);
    return Float.isNaN(v) ? VOID_HEIGHT : v;
  }

  private static double sq(double v) {
    return v * v;
  }

  private static void checkObserver(ElevationGrid dem, int col, int row) {
    if (!dem.contains(col, row)) {
      throw new IllegalArgumentException("observer cell " + col + "," + row + " is outside the terrain grid " + dem.width() + "x" + dem.height());
    }
  }

  /** The rows and columns a range limit can reach, clipped to the grid (as GDAL sizes its output). */
  record Window(int x0, int y0, int x1, int y1) {
    int width() { return x1 - x0; }
    int height() { return y1 - y0; }

    static Window of(ElevationGrid dem, int col, int row, double maxDistance) {
      if (maxDistance <= 0) {
        return new Window(0, 0, dem.width(), dem.height());
      }
      double rx = maxDistance / dem.cellX();
      double ry = maxDistance / dem.cellY();
      return new Window(
          Math.max(0, (int) Math.floor(col - rx)),
          Math.max(0, (int) Math.floor(row - ry)),
          Math.min(dem.width(), (int) Math.ceil(col + rx) + 1),
          Math.min(dem.height(), (int) Math.ceil(row + ry) + 1));
    }
  }

  /** State of one sweep: the current and previous rows of effective heights. */
  private static final class Sweep {
    private final ElevationGrid dem;
    private final int row;
    private final Window win;
    private final Visibility out;
    private final int ox;
    private final int w;
    private final double cx;
    private final double cy;
    private final double md2;
    private final boolean limited;
    private final double k;
    private final double zo;
    private final double tz;

    Sweep(ElevationGrid dem, int col, int row, ViewshedParams p, Window win, Visibility out) {
      this.dem = dem;
      this.row = row;
      this.win = win;
      this.out = out;
      this.ox = col - win.x0;
      this.w = win.width();
      this.cx = dem.cellX();
      this.cy = dem.cellY();
      this.limited = p.maxDistanceM() > 0;
      this.md2 = p.maxDistanceM() * p.maxDistanceM();
      this.k = Double.isFinite(p.earthDiameterM()) ? p.curvatureCoeff() / p.earthDiameterM() : 0;
      this.zo = height(dem, col, row) + p.observerHeightM();
      this.tz = p.targetHeightM();
    }

    void run() {
      double[] first = new double[w];
      read(row, first);
      firstRow(first);
      double[] last = new double[w];
      double[] cur = new double[w];
      System.arraycopy(first, 0, last, 0, w);
      for (int r = row - 1; r >= win.y0; r--) {
        read(r, cur);
        otherRow(r, row - r, cur, last);
        double[] t = last;
        last = cur;
        cur = t;
      }
      System.arraycopy(first, 0, last, 0, w);
      for (int r = row + 1; r < win.y1; r++) {
        read(r, cur);
        otherRow(r, r - row, cur, last);
        double[] t = last;
        last = cur;
        cur = t;
      }
    }

    private void read(int r, double[] line) {
      float[] z = dem.values();
      int base = r * dem.width() + win.x0;
      for (int i = 0; i < w; i++) {
        float v = z[base + i];
        line[i] = Float.isNaN(v) ? VOID_HEIGHT : v;
      }
    }

    private void firstRow(double[] line) {
      int lr = row - win.y0;
      out.set(ox, lr, Visibility.VISIBLE);
      if (ox > 0) {
        line[ox - 1] -= k * cx * cx;
        out.set(ox - 1, lr, Visibility.VISIBLE);
      }
      if (ox < w - 1) {
        line[ox + 1] -= k * cx * cx;
        out.set(ox + 1, lr, Visibility.VISIBLE);
      }
      for (int i = ox - 2; i >= 0; i--) {
        int dx = ox - i;
        double d2 = sq(dx * cx);
        if (limited && d2 > md2) {
          break;
        }
        line[i] -= k * d2;
        decide(i, lr, line, alongLine(dx, line[i + 1]));
      }
      for (int i = ox + 2; i < w; i++) {
        int dx = i - ox;
        double d2 = sq(dx * cx);
        if (limited && d2 > md2) {
          break;
        }
        line[i] -= k * d2;
        decide(i, lr, line, alongLine(dx, line[i - 1]));
      }
    }

    private void otherRow(int r, int dy, double[] cur, double[] last) {
      int lr = r - win.y0;
      double dy2 = sq(dy * cy);
      if (!limited || dy2 <= md2) {
        cur[ox] -= k * dy2;
        decide(ox, lr, cur, alongLine(dy, last[ox]));
      }
      for (int i = ox - 1; i >= 0; i--) {
        int dx = ox - i;
        double d2 = sq(dx * cx) + dy2;
        if (limited && d2 > md2) {
          break;
        }
        cur[i] -= k * d2;
        double sight = dx >= dy
            ? edge(dy, dx, last[i + 1], cur[i + 1])
            : edge(dx, dy, last[i + 1], last[i]);
        decide(i, lr, cur, sight);
      }
      for (int i = ox + 1; i < w; i++) {
        int dx = i - ox;
        double d2 = sq(dx * cx) + dy2;
        if (limited && d2 > md2) {
          break;
        }
        cur[i] -= k * d2;
        double sight = dx >= dy
            ? edge(dy, dx, last[i - 1], cur[i - 1])
            : edge(dx, dy, last[i - 1], last[i]);
        decide(i, lr, cur, sight);
      }
    }

    /**
     * Marks the cell, then raises its effective height to the sight line when the ground is
     * below it (even when a tall target still shows): farther cells must clear the line, not the
     * ground.
     */
    private void decide(int i, int lr, double[] line, double sight) {
      out.set(i, lr, line[i] + tz < sight ? Visibility.HIDDEN : Visibility.VISIBLE);
      if (line[i] < sight) {
        line[i] = sight;
      }
    }

    /** Sight-line height n cells out along a row or column, from the cell before it. */
    private double alongLine(int n, double za) {
      return n == 1 ? za : (za - zo) / (n - 1) + za;
    }

    /** Plane through the observer and the two nearer neighbours (i <= j offsets). */
    private double edge(int i, int j, double za, double zb) {
      if (i == j) {
        return alongLine(i, za);
      }
      return ((za - zo) * i + (zb - zo) * (j - i)) / (j - 1) + zo;
    }
  }
}
