package io.watchline.geo.dem;

import io.watchline.geo.InvalidValueException;
import java.util.Objects;

/**
 * A north-up elevation raster: row 0 is the northern edge, cells are {@code cellX} by {@code
 * cellY} coordinate units, heights in metres as floats with {@code NaN} for no data (SRTM voids,
 * ASCII grid NODATA). Coordinates are those of {@link #crs()}: degrees for geographic grids,
 * metres for projected ones. Values are read-only after construction.
 */
public final class ElevationGrid {
  private final int width;
  private final int height;
  private final double west;
  private final double north;
  private final double cellX;
  private final double cellY;
  private final float[] z;
  private final GridCrs crs;

  public ElevationGrid(
      int width, int height, double west, double north, double cellX, double cellY, float[] z, GridCrs crs) {
    if (width <= 0 || height <= 0) {
      throw new InvalidValueException("empty grid " + width + "x" + height);
    }
    if (!(cellX > 0) || !(cellY > 0)) {
      throw new InvalidValueException("cell size must be positive: " + cellX + " x " + cellY);
    }
    if (z.length != (long) width * height) {
      throw new IllegalArgumentException("expected " + (long) width * height + " heights, got " + z.length);
    }
    this.width = width;
    this.height = height;
    this.west = west;
    this.north = north;
    this.cellX = cellX;
    this.cellY = cellY;
    this.z = z;
    this.crs = Objects.requireNonNull(crs, "crs");
  }

  /** A flat grid of the given height (the no-DEM default). */
  public static ElevationGrid flat(int width, int height, double west, double north, double cell, float h, GridCrs crs) {
    float[] z = new float[width * height];
    java.util.Arrays.fill(z, h);
    return new ElevationGrid(width, height, west, north, cell, cell, z, crs);
  }

  public int width() { return width; }
  public int height() { return height; }
  public double west() { return west; }
  public double north() { return north; }
  public double east() { return west + width * cellX; }
  public double south() { return north - height * cellY; }
  public double cellX() { return cellX; }
  public double cellY() { return cellY; }
  public GridCrs crs() { return crs; }

  /** The backing array, row-major from the north-west corner; callers must not modify it. */
  public float[] values() { return z; }

  public float get(int col, int row) {
    return z[row * width + col];
  }

  public boolean contains(int col, int row) {
    return col >= 0 && row >= 0 && col < width && row < height;
  }

  public double centerX(int col) { return west + (col + 0.5) * cellX; }
  public double centerY(int row) { return north - (row + 0.5) * cellY; }

  /** Column holding x (may be outside 0..width-1). */
  public int colOf(double x) { return (int) Math.floor((x - west) / cellX); }

  /** Row holding y (may be outside 0..height-1). */
  public int rowOf(double y) { return (int) Math.floor((north - y) / cellY); }

  /** Fraction of cells that hold no data. */
  public double voidFraction() {
    long n = 0;
    for (float v : z) {
      if (Float.isNaN(v)) {
        n++;
      }
    }
    return (double) n / z.length;
  }

  /**
   * Bilinear height at (x, y) between cell centres; near voids the valid corners are averaged
   * with their weights, and NaN comes back only when all four are void or (x, y) is off the grid.
   */
  public double sample(double x, double y) {
    double fx = (x - west) / cellX - 0.5;
    double fy = (north - y) / cellY - 0.5;
    if (fx < -0.5 || fy < -0.5 || fx > width - 0.5 || fy > height - 0.5) {
      return Double.NaN;
    }
    int c0 = (int) Math.floor(fx);
    int r0 = (int) Math.floor(fy);
    double tx = fx - c0;
    double ty = fy - r0;
    double sum = 0;
    double wsum = 0;
    for (int dr = 0; dr <= 1; dr++) {
      int r = clamp(r0 + dr, height);
      double wy = dr == 0 ? 1 - ty : ty;
      for (int dc = 0; dc <= 1; dc++) {
        int c = clamp(c0 + dc, width);
        double w = wy * (dc == 0 ? 1 - tx : tx);
        float v = z[r * width + c];
        if (w > 0 && !Float.isNaN(v)) {
          sum += w * v;
          wsum += w;
        }
      }
    }
    return wsum > 0 ? sum / wsum : Double.NaN;
  }

  private static int clamp(int i, int n) {
    return i < 0 ? 0 : (i >= n ? n - 1 : i);
  }

  @Override
  public String toString() {
    return "ElevationGrid[" + width + "x" + height + " cells of " + cellX + "x" + cellY + " "
        + crs.name() + ", west=" + west + ", north=" + north + "]";
  }
}
