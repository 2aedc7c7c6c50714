package io.watchline.geo.coverage;

import io.watchline.geo.dem.DemFormatException;
import io.watchline.geo.dem.ElevationGrid;
import io.watchline.geo.dem.GridCrs;
import io.watchline.geo.proj.LocalProjection;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The terrain of the analysis area as a north-up grid in the local metric projection: one or more
 * DEM tiles resampled (bilinear) into it, or bare earth at sea level when no DEM is given. Voids
 * inside a tile take the height of the nearest valid cell; cells outside every tile have no terrain
 * data (see {@link #fromDems}). Both shares are reported.
 */
public final class Terrain {
  /** Lattice spacing (cells) at which positions are projected exactly; interpolated between. */
  private static final int LATTICE = 16;

  private final ElevationGrid grid;
  private final boolean flat;
  private final double filledFraction;
  private final String source;
  private java.util.BitSet noData;
  private double outsideFraction;
  private boolean bareEarthOutside;

  private Terrain(ElevationGrid grid, boolean flat, double filledFraction, String source) {
    this.grid = grid;
    this.flat = flat;
    this.filledFraction = filledFraction;
    this.source = source;
  }

  /** True where no DEM reaches: no terrain data, never counted as seen (see docs/coverage.md). */
  public boolean noData(int col, int row) {
    return noData != null && noData.get(row * grid.width() + col);
  }

  /** {@link #noData} that answers false outside the grid. */
  public boolean noDataAt(int col, int row) {
    return grid.contains(col, row) && noData(col, row);
  }

  public ElevationGrid grid() { return grid; }
  public boolean flat() { return flat; }
  public double filledFraction() { return filledFraction; }
  public String source() { return source; }

  public static Terrain bareEarth(double west, double north, int width, int height, double cell) {
    return new Terrain(ElevationGrid.flat(width, height, west, north, cell, 0f, GridCrs.UNKNOWN_METRIC), true, 0,
        "no DEM: bare earth at sea level (earth curvature only, no terrain masking)");
  }

  public static Terrain fromDem(ElevationGrid dem, String name, LocalProjection proj, double west, double north,
      int width, int height, double cell) {
    return fromDems(java.util.List.of(dem), java.util.List.of(name), proj, west, north, width, height, cell, false);
  }

  /**
   * Several DEM tiles as one mosaic (the first tile holding a value wins). Voids inside a tile are
   * filled from the nearest valid cell; cells outside every tile have no terrain data: they are
   * never counted as seen, and sight lines over them assume the nearest known height, unless
   * {@code bareEarthOutside}, when they are bare earth at sea level and count like any other cell.
   */
  public static Terrain fromDems(java.util.List<ElevationGrid> dems, java.util.List<String> names, LocalProjection proj,
      double west, double north, int width, int height, double cell, boolean bareEarthOutside) {
    float[] z = new float[width * height];
    java.util.Arrays.fill(z, Float.NaN);
    java.util.BitSet outside = new java.util.BitSet(z.length);
    outside.set(0, z.length);
    int lw = width / LATTICE + 2;
    int lh = height / LATTICE + 2;
    double[] lx = new double[lw * lh];
    double[] ly = new double[lw * lh];
    double[] tmp = new double[2];
    for (ElevationGrid dem : dems) {
      ToDem toDem = toDemCoordinates(dem, proj);
      for (int j = 0; j < lh; j++) {
        for (int i = 0; i < lw; i++) {
          toDem.apply(west + (i * LATTICE + 0.5) * cell, north - (j * LATTICE + 0.5) * cell, tmp);
          lx[j * lw + i] = tmp[0];
          ly[j * lw + i] = tmp[1];
        }
      }
      for (int r = 0; r < height; r++) {
        int j = r / LATTICE;
        double ty = (r % LATTICE) / (double) LATTICE;
        for (int c = 0; c < width; c++) {
          int idx = r * width + c;
          if (!Float.isNaN(z[idx])) {
            continue;
          }
          int i = c / LATTICE;
          double tx = (c % LATTICE) / (double) LATTICE;
          int k = j * lw + i;
          double x = bilerp(lx[k], lx[k + 1], lx[k + lw], lx[k + lw + 1], tx, ty);
          double y = bilerp(ly[k], ly[k + 1], ly[k + lw], ly[k + lw + 1], tx, ty);
          if (x >= dem.west() && x <= dem.east() && y >= dem.south() && y <= dem.north()) {
            outside.clear(idx);
            z[idx] = (float) dem.sample(x, y);
          }
        }
      }
    }
    int voids = 0;
    for (int i = 0; i < z.length; i++) {
      if (Float.isNaN(z[i]) && !outside.get(i)) voids++;
    }
    if (voids == z.length - outside.cardinality()) { // no valid cell over the area, or none of it covered
      ElevationGrid dem = dems.get(0);
      throw new DemFormatException(String.format(java.util.Locale.ROOT,
          "%s: the DEM has no valid cells over the analysis area (the DEM spans %s %.4f..%.4f, %.4f..%.4f in %s)",
          String.join(", ", names), dem.crs().geographic() ? "lon, lat" : "x, y", dem.west(), dem.east(), dem.south(),
          dem.north(), dem.crs().name()));
    }
    if (bareEarthOutside) {
      for (int i = outside.nextSetBit(0); i >= 0; i = outside.nextSetBit(i + 1)) {
        z[i] = 0f;
      }
    }
    fillFromNearest(z, width, height);
    ElevationGrid g = new ElevationGrid(width, height, west, north, cell, cell, z, GridCrs.UNKNOWN_METRIC);
    StringBuilder src = new StringBuilder();
    for (int k = 0; k < dems.size(); k++) {
      if (k > 0) src.append(" + ");
      src.append(names.get(k)).append(" (").append(dems.get(k).crs().name()).append(", ").append(dems.get(k).width())
          .append('x').append(dems.get(k).height()).append(')');
    }
    Terrain t = new Terrain(g, false, (double) voids / z.length, src.toString());
    t.outsideFraction = (double) outside.cardinality() / z.length;
    t.bareEarthOutside = bareEarthOutside;
    if (!bareEarthOutside) {
      t.noData = outside;
    }
    return t;
  }

  /** Share of the area outside every DEM tile. */
  public double outsideFraction() {
    return outsideFraction;
  }

  public boolean bareEarthOutside() {
    return bareEarthOutside;
  }

  private static double bilerp(double a, double b, double c, double d, double tx, double ty) {
    return (a * (1 - tx) + b * tx) * (1 - ty) + (c * (1 - tx) + d * tx) * ty;
  }

  interface ToDem {
    void apply(double x, double y, double[] out);
  }

  private static ToDem toDemCoordinates(ElevationGrid dem, LocalProjection proj) {
    GridCrs crs = dem.crs();
    if (crs.geographic()) {
      return (x, y, out) -> {
        LocalProjection.LatLonPoint p = proj.inverse(x, y);
        out[0] = p.lon();
        out[1] = p.lat();
      };
    }
    int epsg = crs.epsg();
    if (epsg > 32600 && epsg <= 32660 || epsg > 32700 && epsg <= 32760) {
      CRSFactory f = new CRSFactory();
      CoordinateReferenceSystem wgs = f.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");
      CoordinateReferenceSystem utm = f.createFromParameters("UTM", "+proj=utm +zone=" + (epsg % 100)
          + (epsg > 32700 ? " +south" : "") + " +datum=WGS84 +units=m +no_defs");
      BasicCoordinateTransform t = new BasicCoordinateTransform(wgs, utm);
      return (x, y, out) -> {
        LocalProjection.LatLonPoint p = proj.inverse(x, y);
        ProjCoordinate dst = t.transform(new ProjCoordinate(p.lon(), p.lat()), new ProjCoordinate());
        out[0] = dst.x;
        out[1] = dst.y;
      };
    }
    throw new DemFormatException("DEM in " + crs.name() + ": only geographic (WGS84) or UTM/WGS84 DEMs can be placed; "
        + "add a .prj or warp it to EPSG:4326");
  }

  /** Replaces NaN cells with the nearest valid cell (breadth-first); returns the filled share. */
  static double fillFromNearest(float[] z, int width, int height) {
    int[] queue = new int[z.length];
    int head = 0;
    int tail = 0;
    int missing = 0;
    for (int i = 0; i < z.length; i++) {
      if (Float.isNaN(z[i])) {
        missing++;
      } else {
        queue[tail++] = i;
      }
    }
    if (missing == 0) {
      return 0;
    }
    if (tail == 0) {
      return 1;
    }
    while (head < tail) {
      int i = queue[head++];
      int r = i / width;
      int c = i % width;
      if (c > 0 && Float.isNaN(z[i - 1])) { z[i - 1] = z[i]; queue[tail++] = i - 1; }
      if (c < width - 1 && Float.isNaN(z[i + 1])) { z[i + 1] = z[i]; queue[tail++] = i + 1; }
      if (r > 0 && Float.isNaN(z[i - width])) { z[i - width] = z[i]; queue[tail++] = i - width; }
      if (r < height - 1 && Float.isNaN(z[i + width])) { z[i + width] = z[i]; queue[tail++] = i + width; }
    }
    return (double) missing / z.length;
  }
}
