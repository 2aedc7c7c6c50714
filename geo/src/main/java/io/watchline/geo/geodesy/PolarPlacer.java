package io.watchline.geo.geodesy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Places polar plots (range, true bearing) around one origin at a few tens of nanoseconds, within
 * {@link #TOLERANCE_M} of GeographicLib's Direct.
 *
 * <p>The plane of (bearing, range) around the origin is cut into cells of 1.40625° by 32 km. The
 * first plot that falls in a cell fits two Chebyshev polynomials (degree 3 in bearing, 5 in range)
 * for the latitude and longitude offsets through Direct at the Chebyshev nodes, then checks the fit
 * against Direct on a grid that includes the cell's edges and corners. A cell whose fit misses by
 * more than a quarter of the tolerance (only near the poles, where longitude turns fast) and any
 * range beyond {@link #FAST_RANGE_M}, negative or not a number is placed by Direct itself.
 *
 * <p>A cell costs ~100 Direct calls once; a radar's plots spread over a few hundred cells, so the
 * table stays small enough for the processor's caches (a per-bearing table of geodesic lines did
 * not, and was slower than Direct). Safe to share between threads: a cell is published whole
 * (release/acquire) and never changed, and two threads that fit the same cell at once both store
 * the same numbers.
 */
public final class PolarPlacer {
  /** The horizontal error this class promises against Direct, metres. */
  public static final double TOLERANCE_M = 1e-3;
  static final int SECTORS = 256;
  static final double BAND_M = 32_000;
  static final int BANDS = 16;
  /** Plots farther than this (~276 NM) are placed by Direct. */
  public static final double FAST_RANGE_M = BANDS * BAND_M;
  private static final int NA = 4; // terms in bearing (degree 3)
  private static final int NS = 6; // terms in range (degree 5)
  private static final double[] EXACT = new double[0];
  private static final ConcurrentHashMap<Origin, PolarPlacer> BY_ORIGIN = new ConcurrentHashMap<>();
  private static volatile PolarPlacer last;
  private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(double[][].class);

  private final double lat;
  private final double lon;
  private final double[][] cells = new double[SECTORS * BANDS][];

  private PolarPlacer(double lat, double lon) {
    this.lat = lat;
    this.lon = lon;
  }

  /** The placer for an origin, shared by everyone placing around it. */
  public static PolarPlacer at(double lat, double lon) {
    PolarPlacer p = last;
    if (p != null && p.lat == lat && p.lon == lon) {
      return p;
    }
    if (BY_ORIGIN.size() > 4096) {
      BY_ORIGIN.clear(); // a long run through many origins: keep memory bounded
    }
    p = BY_ORIGIN.computeIfAbsent(new Origin(lat, lon), o -> new PolarPlacer(o.lat(), o.lon()));
    last = p;
    return p;
  }

  /** Where a plot at {@code rangeM} on true bearing {@code bearingDeg} lies. */
  public Geodesy.LatLon place(double rangeM, double bearingDeg) {
    if (!(rangeM >= 0 && rangeM < FAST_RANGE_M) || Double.isNaN(bearingDeg) || Double.isInfinite(bearingDeg)) {
      return Geodesy.direct(lat, lon, bearingDeg, rangeM);
    }
    double b = bearingDeg % 360;
    if (b < 0) {
      b += 360;
    }
    double a = b * (SECTORS / 360.0);
    int sector = Math.min((int) a, SECTORS - 1);
    double s = rangeM / BAND_M;
    int band = (int) s;
    int i = band * SECTORS + sector;
    double[] c = (double[]) CELL.getAcquire(cells, i);
    if (c == null) {
      c = fit(sector, band);
      CELL.setRelease(cells, i, c);
    }
    if (c == EXACT) {
      return Geodesy.direct(lat, lon, bearingDeg, rangeM);
    }
    double u = 2 * (a - sector) - 1;
    double v = 2 * (s - band) - 1;
    double outLon = lon + dLon(c, u, v);
    if (outLon > 180) {
      outLon -= 360;
    } else if (outLon < -180) {
      outLon += 360;
    }
    return new Geodesy.LatLon(lat + dLat(c, u, v), outLon);
  }

  /** The latitude offset of a cell's fit at (u, v) in -1..1, a sum of Chebyshev terms. */
  private static double dLat(double[] c, double u, double v) {
    return sum(c, 0, u, v);
  }

  private static double dLon(double[] c, double u, double v) {
    return sum(c, NA, u, v);
  }

  private static double sum(double[] c, int off, double u, double v) {
    double u2 = 2 * u * u - 1;
    double u3 = 2 * u * u2 - u;
    double v2 = 2 * v * v - 1;
    double v3 = 2 * v * v2 - v;
    double v4 = 2 * v * v3 - v2;
    double v5 = 2 * v * v4 - v3;
    int k = off;
    double r0 = c[k] + u * c[k + 1] + u2 * c[k + 2] + u3 * c[k + 3];
    k += 2 * NA;
    double r1 = c[k] + u * c[k + 1] + u2 * c[k + 2] + u3 * c[k + 3];
    k += 2 * NA;
    double r2 = c[k] + u * c[k + 1] + u2 * c[k + 2] + u3 * c[k + 3];
    k += 2 * NA;
    double r3 = c[k] + u * c[k + 1] + u2 * c[k + 2] + u3 * c[k + 3];
    k += 2 * NA;
    double r4 = c[k] + u * c[k + 1] + u2 * c[k + 2] + u3 * c[k + 3];
    k += 2 * NA;
    double r5 = c[k] + u * c[k + 1] + u2 * c[k + 2] + u3 * c[k + 3];
    return r0 + v * r1 + v2 * r2 + v3 * r3 + v4 * r4 + v5 * r5;
  }

  /** Cells fitted so far, and how many of them fell back to Direct (for tests). */
  int[] cellCounts() {
    int fitted = 0;
    int exact = 0;
    for (double[] c : cells) {
      fitted += c == null ? 0 : 1;
      exact += c == EXACT ? 1 : 0;
    }
    return new int[] {fitted, exact};
  }

  /** Chebyshev coefficients of one cell, or {@link #EXACT} when the fit misses the tolerance. */
  private double[] fit(int sector, int band) {
    double[][] fLat = new double[NA][NS];
    double[][] fLon = new double[NA][NS];
    for (int i = 0; i < NA; i++) {
      for (int j = 0; j < NS; j++) {
        Geodesy.LatLon p = exact(sector, band, node(i, NA), node(j, NS));
        fLat[i][j] = p.lat() - lat;
        fLon[i][j] = wrap(p.lon() - lon);
      }
    }
    double[] c = new double[NS * NA * 2];
    for (int k = 0; k < NA; k++) {
      for (int m = 0; m < NS; m++) {
        double sumLat = 0;
        double sumLon = 0;
        for (int i = 0; i < NA; i++) {
          for (int j = 0; j < NS; j++) {
            double w = Math.cos(k * Math.PI * (i + 0.5) / NA) * Math.cos(m * Math.PI * (j + 0.5) / NS);
            sumLat += w * fLat[i][j];
            sumLon += w * fLon[i][j];
          }
        }
        double scale = (k == 0 ? 1.0 : 2.0) / NA * (m == 0 ? 1.0 : 2.0) / NS;
        c[m * 2 * NA + k] = sumLat * scale;
        c[m * 2 * NA + NA + k] = sumLon * scale;
      }
    }
    return fits(c, sector, band) ? c : EXACT;
  }

  /** True when the fit is within a quarter of the tolerance on an 8 x 10 grid over the cell. */
  private boolean fits(double[] c, int sector, int band) {
    for (int i = 0; i < 8; i++) {
      for (int j = 0; j < 10; j++) {
        double u = -1 + 2.0 * i / 7;
        double v = -1 + 2.0 * j / 9;
        Geodesy.LatLon want = exact(sector, band, u, v);
        double north = (lat + dLat(c, u, v) - want.lat()) * 111_133;
        double east = wrap(lon + dLon(c, u, v) - want.lon()) * 111_320 * Math.cos(Math.toRadians(want.lat()));
        if (!(Math.hypot(north, east) <= TOLERANCE_M / 4)) {
          return false;
        }
      }
    }
    return true;
  }

  private Geodesy.LatLon exact(int sector, int band, double u, double v) {
    return Geodesy.direct(lat, lon, (sector + (u + 1) / 2) * 360.0 / SECTORS, (band + (v + 1) / 2) * BAND_M);
  }

  private static double node(int i, int n) {
    return Math.cos(Math.PI * (i + 0.5) / n);
  }

  private static double wrap(double deg) {
    return deg > 180 ? deg - 360 : deg < -180 ? deg + 360 : deg;
  }

  private record Origin(double lat, double lon) {}
}
