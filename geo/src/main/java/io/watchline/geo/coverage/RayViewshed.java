package io.watchline.geo.coverage;

import io.watchline.geo.dem.ElevationGrid;

/**
 * The R2 viewshed (Franklin and Ray 1994): straight sight lines from the observer to every cell of
 * a square ring that encloses the range, each walked once outward while it keeps the steepest
 * terrain slope seen so far (the horizon). The terrain is interpolated at each crossing of the
 * ray's major axis with a row or column of cell centres, and earth curvature is applied at the
 * true distance, as in {@link Viewshed#exact}. A cell takes the horizons of the two rays on either
 * side of its centre, interpolated at its position, and is visible when the slope to a target
 * standing on it is at least that. Unlike the reference-plane sweep no error accumulates outward,
 * so on rough terrain it agrees with exact line of sight where the sweep is pessimistic.
 *
 * <p>Cost: 8R rays of at most R steps for a range of R cells, about 2.3 steps per cell in range,
 * each a two-cell interpolation and a comparison.
 */
final class RayViewshed {
  private RayViewshed() {}

  /** Voids neither block the view nor count as seen (as in {@link Viewshed}). */
  private static final float VOID_HEIGHT = -11_000f;

  static Visibility compute(ElevationGrid dem, int col, int row, ViewshedParams p) {
    Viewshed.Window win = Viewshed.Window.of(dem, col, row, p.maxDistanceM());
    Visibility out = new Visibility(win.x0(), win.y0(), win.width(), win.height());
    new Rays(dem, col, row, p, win, out.states()).run();
    return out;
  }

  /** One viewshed's rays over the terrain grid, writing into the window's states. */
  private static final class Rays {
    private final float[] z;
    private final int gw;
    private final int x0;
    private final int y0;
    private final int w;
    private final int h;
    private final int ox;
    private final int oy;
    private final double cx;
    private final double cy;
    private final double zo;
    private final double tz;
    private final double k;
    private final boolean limited;
    private final double md2;
    private final double reach;
    private final byte[] state;
    /** 1/s for the step counts a ray can take: a multiplication per step instead of a division. */
    private final double[] inverse;

    Rays(ElevationGrid dem, int col, int row, ViewshedParams p, Viewshed.Window win, byte[] state) {
      this.z = dem.values();
      this.gw = dem.width();
      this.x0 = win.x0();
      this.y0 = win.y0();
      this.w = win.width();
      this.h = win.height();
      this.ox = col - x0;
      this.oy = row - y0;
      this.cx = dem.cellX();
      this.cy = dem.cellY();
      this.k = Double.isFinite(p.earthDiameterM()) ? p.curvatureCoeff() / p.earthDiameterM() : 0;
      this.state = state;
      float o = z[row * gw + col];
      this.zo = (Float.isNaN(o) ? VOID_HEIGHT : o) + p.observerHeightM();
      this.tz = p.targetHeightM();
      this.limited = p.maxDistanceM() > 0;
      this.md2 = p.maxDistanceM() * p.maxDistanceM();
      // rays go one cell diagonal past the range: a cell in range may lie nearest a ray point beyond it
      this.reach = limited ? p.maxDistanceM() + Math.hypot(cx, cy) : Double.POSITIVE_INFINITY;
      this.inverse = new double[Math.max(w, h) + 1];
      for (int s = 1; s < inverse.length; s++) {
        inverse[s] = 1.0 / s;
      }
    }

    void run() {
      // the observer's cell and its eight neighbours are always seen (as in Viewshed.exact)
      for (int r = Math.max(0, oy - 1); r <= Math.min(h - 1, oy + 1); r++) {
        for (int c = Math.max(0, ox - 1); c <= Math.min(w - 1, ox + 1); c++) {
          if (!limited || sq((c - ox) * cx) + sq((r - oy) * cy) <= md2 || (r == oy && c == ox)) {
            state[r * w + c] = Visibility.VISIBLE;
          }
        }
      }
      int ring = Math.max(Math.max(ox, w - 1 - ox), Math.max(oy, h - 1 - oy));
      if (ring < 2) {
        return;
      }
      // x-major rays end on the left and right sides of the ring, y-major rays on the top and
      // bottom; neighbouring rays of a fan are 1/ring apart per step on the minor axis
      int zy = (y0 + oy) * gw + x0;
      fan(z, zy, oy * w, +1, gw, w, h - 1 - oy, ox, 1, 1, w - 1, cy, cx, ring);
      fan(z, zy, oy * w, -1, gw, w, oy, ox, 1, 1, w - 1, cy, cx, ring);
      // (a transposed copy for the x-major fans, whose rays walk down columns, measured slower)
      int zx = y0 * gw + x0 + ox;
      fan(z, zx, ox, +1, 1, 1, w - 1 - ox, oy, gw, w, h - 1, cx, cy, ring);
      fan(z, zx, ox, -1, 1, 1, ox, oy, gw, w, h - 1, cx, cy, ring);
    }

    /**
     * The rays of one octant pair, in order across the minor axis. The major coordinate advances
     * one cell per step from the observer's; the minor coordinate starts at {@code q0} (window
     * coordinates, at most {@code qMax}) and moves {@code e / ring} per step. Indexes: terrain
     * {@code zOrigin + s * dir * zMajor + q * zMinor}, states likewise with the {@code s}
     * strides ({@code zOrigin}, {@code sOrigin}: the observer's major position on minor line 0).
     * A cell between two neighbouring rays takes their horizons interpolated at its position.
     */
    private void fan(float[] z, int zOrigin, int sOrigin, int dir, int zMajor, int sMajor, int majorRoom, int q0, int zMinor,
        int sMinor, int qMax, double cellMajor, double cellMinor, int ring) {
      float[] previous = new float[majorRoom + 2];
      float[] current = new float[majorRoom + 2];
      java.util.Arrays.fill(previous, Float.NaN);
      int zStride = dir * zMajor;
      int sStride = dir * sMajor;
      double invRing = 1.0 / ring;
      for (int e = -ring; e <= ring; e++) {
        double step = Math.hypot(cellMajor, e * invRing * cellMinor);
        int steps = (int) Math.min(majorRoom, Math.floor(reach / step));
        double kStep2 = k * step * step;
        double invStep = 1 / step;
        double horizon = Double.NEGATIVE_INFINITY;
        // minor position q = qf + rem / ring, kept exact in integers; it leaves the window after
        // step `within`
        int qf = q0;
        int rem = 0;
        int within = e > 0 ? (int) Math.min(steps, (long) (qMax - q0) * ring / e)
            : e < 0 ? (int) Math.min(steps, (long) q0 * ring / -e) : steps;
        int s = 1;
        for (; s <= within; s++) {
          rem += e;
          if (rem >= ring) {
            rem -= ring;
            qf++;
          } else if (rem < 0) {
            rem += ring;
            qf--;
          }
          current[s] = (float) horizon;
          // the one cell centre, if any, in (previous ray, this ray] on this minor line; the
          // previous ray was s / ring cells before this one
          int gap = s - rem;
          if (gap > 0 && s >= 2) {
            double before = previous[s];
            double hz = before != before ? horizon : before + (horizon - before) * gap * inverse[s];
            mark(z, zOrigin + s * zStride, sOrigin + s * sStride, s * cellMajor, qf, q0, zMinor, sMinor, cellMinor, hz);
          }
          int i0 = zOrigin + s * zStride + qf * zMinor;
          double ground = rem == 0 ? z[i0] : z[i0] + rem * invRing * (z[i0 + zMinor] - z[i0]);
          // a void (NaN) compares false: it never blocks
          double slope = (ground - kStep2 * s * s - zo) * invStep * inverse[s];
          horizon = slope > horizon ? slope : horizon;
        }
        // outside the window: cells between the previous ray (still inside) and the edge
        for (; s <= steps; s++) {
          rem += e;
          if (rem >= ring) {
            rem -= ring;
            qf++;
          } else if (rem < 0) {
            rem += ring;
            qf--;
          }
          current[s] = Float.NaN;
          double before = previous[s];
          if (before != before) {
            break;
          }
          int qi = Math.min(qf, qMax);
          int gap = (qi - qf) * ring - rem + s;
          if (gap > 0 && qi >= 0 && s >= 2) {
            mark(z, zOrigin + s * zStride, sOrigin + s * sStride, s * cellMajor, qi, q0, zMinor, sMinor, cellMinor, before);
          }
        }
        for (; s < current.length; s++) {
          current[s] = Float.NaN;
        }
        float[] t = previous;
        previous = current;
        current = t;
      }
    }

    /**
     * Marks cell qi on the minor line at {@code zLine}/{@code sLine} (major distance {@code
     * major} metres): seen when the target's rise over its distance is at least the horizon slope.
     */
    private void mark(float[] z, int zLine, int sLine, double major, int qi, int q0, int zMinor, int sMinor, double cellMinor,
        double horizon) {
      double d2 = major * major + sq((qi - q0) * cellMinor);
      if (limited && d2 > md2) {
        return;
      }
      // a void (NaN) compares false: never seen
      double rise = z[zLine + qi * zMinor] + tz - k * d2 - zo;
      state[sLine + qi * sMinor] = rise >= horizon * Math.sqrt(d2) ? Visibility.VISIBLE : Visibility.HIDDEN;
    }

    private static double sq(double v) {
      return v * v;
    }
  }
}
