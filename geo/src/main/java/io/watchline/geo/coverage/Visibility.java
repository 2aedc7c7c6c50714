package io.watchline.geo.coverage;

/**
 * Result of one viewshed: a window of the terrain grid (columns {@code col0..col0+width-1}, rows
 * {@code row0..row0+height-1}) with one state per cell.
 */
public final class Visibility {
  public static final byte OUT_OF_RANGE = 0;
  public static final byte HIDDEN = 1;
  public static final byte VISIBLE = 2;

  private final int col0;
  private final int row0;
  private final int width;
  private final int height;
  private final byte[] state;

  Visibility(int col0, int row0, int width, int height) {
    this.col0 = col0;
    this.row0 = row0;
    this.width = width;
    this.height = height;
    this.state = new byte[width * height];
  }

  public int col0() { return col0; }
  public int row0() { return row0; }
  public int width() { return width; }
  public int height() { return height; }

  /** State at a terrain-grid cell; cells outside the window are out of range. */
  public byte state(int col, int row) {
    int c = col - col0;
    int r = row - row0;
    if (c < 0 || r < 0 || c >= width || r >= height) {
      return OUT_OF_RANGE;
    }
    return state[r * width + c];
  }

  public boolean visible(int col, int row) {
    return state(col, row) == VISIBLE;
  }

  void set(int localCol, int localRow, byte s) {
    state[localRow * width + localCol] = s;
  }

  /** The states, row-major over the window, for the viewshed methods that fill them in bulk. */
  byte[] states() {
    return state;
  }

  /** Number of visible cells in the window. */
  public int visibleCount() {
    int n = 0;
    for (byte b : state) {
      if (b == VISIBLE) {
        n++;
      }
    }
    return n;
  }
}
