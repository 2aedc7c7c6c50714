package io.watchline.geo.index;

/**
 * Any set of segments (polygon outlines, several lines) in a packed R-tree, answering the nearest
 * segment to a point. For the single border line use {@link BorderIndex}, which is faster.
 */
public final class SegmentSet {
  private final double[] ax;
  private final double[] ay;
  private final double[] bx;
  private final double[] by;
  private final PackedRTree tree;
  /** Built once, so a query allocates nothing. */
  private final PackedRTree.ItemDistance distance = (i, x, y) -> SegmentMath.distanceSq(x, y, ax(i), ay(i), bx(i), by(i));

  public SegmentSet(double[] ax, double[] ay, double[] bx, double[] by) {
    int m = ax.length;
    this.ax = ax.clone();
    this.ay = ay.clone();
    this.bx = bx.clone();
    this.by = by.clone();
    double[] x0 = new double[m], y0 = new double[m], x1 = new double[m], y1 = new double[m];
    for (int i = 0; i < m; i++) {
      x0[i] = Math.min(ax[i], bx[i]);
      x1[i] = Math.max(ax[i], bx[i]);
      y0[i] = Math.min(ay[i], by[i]);
      y1[i] = Math.max(ay[i], by[i]);
    }
    this.tree = PackedRTree.build(x0, y0, x1, y1, m);
  }

  public double ax(int i) {
    return ax[i];
  }

  public double ay(int i) {
    return ay[i];
  }

  public double bx(int i) {
    return bx[i];
  }

  public double by(int i) {
    return by[i];
  }

  /** The nearest segment to (px, py), lowest number on ties; {@code s} is the caller's scratch. */
  public int nearest(double px, double py, PackedRTree.Scratch s) {
    return tree.nearest(px, py, s, distance);
  }
}
