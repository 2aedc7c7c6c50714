package io.watchline.geo.index;

/**
 * Points (sensor sites, in projected metres) in a packed Hilbert R-tree, answering the k nearest
 * to a position. Immutable; reads are thread-safe (each call uses a per-thread scratch).
 */
public final class PointIndex {
  private final double[] x;
  private final double[] y;
  private final PackedRTree tree;
  private final ThreadLocal<PackedRTree.Scratch> scratch = ThreadLocal.withInitial(PackedRTree.Scratch::new);

  private PointIndex(double[] x, double[] y) {
    this.x = x;
    this.y = y;
    this.tree = PackedRTree.build(x, y, x, y, x.length);
  }

  /** Indexes points; their numbers are their positions in the arrays. */
  public static PointIndex build(double[] x, double[] y) {
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException("need at least one point, with as many x as y");
    }
    return new PointIndex(x.clone(), y.clone());
  }

  public int size() {
    return x.length;
  }

  /** Number of the point nearest to (px, py); the lowest number on ties. */
  public int nearest(double px, double py) {
    int[] out = new int[1];
    nearest(px, py, 1, out, new double[1]);
    return out[0];
  }

  /**
   * The {@code k} nearest points, nearest first, into {@code out} (their squared distances into
   * {@code distSq}); returns how many were found (less than k only when there are fewer points).
   */
  public int nearest(double px, double py, int k, int[] out, double[] distSq) {
    if (k <= 0) {
      return 0;
    }
    PackedRTree.Scratch s = scratch.get();
    int[] stack = s.stack(tree.levels() * PackedRTree.NODE_SIZE + 1);
    double[] lb = s.lb;
    int found = 0;
    int top = 0;
    stack[top] = tree.root;
    lb[top++] = 0;
    while (top > 0) {
      top--;
      int pos = stack[top];
      double worst = found < k ? Double.POSITIVE_INFINITY : distSq[k - 1];
      if (lb[top] > worst) {
        continue;
      }
      if (pos < tree.size) {
        int id = tree.ids[pos];
        double dx = x[id] - px, dy = y[id] - py;
        double d = dx * dx + dy * dy;
        if (found < k || d < worst || (d == worst && id < out[k - 1])) {
          // Insert into the sorted result list (by distance, then number).
          int j = Math.min(found, k - 1);
          while (j > 0 && (distSq[j - 1] > d || (distSq[j - 1] == d && out[j - 1] > id))) {
            distSq[j] = distSq[j - 1];
            out[j] = out[j - 1];
            j--;
          }
          distSq[j] = d;
          out[j] = id;
          found = Math.min(found + 1, k);
        }
        continue;
      }
      top = tree.pushChildren(pos, px, py, worst, stack, lb, top);
    }
    return found;
  }
}
