package io.watchline.geo.index;

/**
 * A {@link PackedRTree} over the segments of a {@link SegmentTable}: the nearest segment to any
 * point (branch and bound) and the first segment a track crosses. {@link BorderIndex} answers from
 * its grid where it can and comes here for points beyond the grid's fast zone and for crossings.
 *
 * <p>Immutable; thread-safe as long as each thread passes its own {@link PackedRTree.Scratch}.
 */
final class SegmentRTree {
  private final SegmentTable segments;
  private final PackedRTree tree;
  private final PackedRTree.ItemDistance distance;

  SegmentRTree(SegmentTable segments) {
    this.segments = segments;
    int m = segments.segmentCount();
    double[] x = segments.x, y = segments.y;
    double[] ax = new double[m], ay = new double[m], bx = new double[m], by = new double[m];
    for (int i = 0; i < m; i++) {
      ax[i] = Math.min(x[i], x[i + 1]);
      bx[i] = Math.max(x[i], x[i + 1]);
      ay[i] = Math.min(y[i], y[i + 1]);
      by[i] = Math.max(y[i], y[i + 1]);
    }
    this.tree = PackedRTree.build(ax, ay, bx, by, m);
    this.distance = (i, px, py) -> segments.distanceSq(px, py, i);
  }

  long bytes() {
    return tree.bytes();
  }

  /**
   * Index of the segment nearest to (px, py); the lowest index on ties, -1 for a NaN coordinate.
   * Allocates nothing once {@code s} has grown to the tree's depth.
   */
  int nearest(double px, double py, PackedRTree.Scratch s) {
    return tree.nearest(px, py, s, distance);
  }

  /**
   * The first segment the track p1→p2 crosses ({@link SegmentMath#crossingFraction}), or -1. On a
   * hit {@code out[0]} is the fraction along the track in [0, 1] and {@code out[1]} is positive
   * when the track starts on the segment's left; the lowest index wins a tie.
   */
  int firstCrossing(double p1x, double p1y, double p2x, double p2y, double[] out, PackedRTree.Scratch s) {
    double qx0 = Math.min(p1x, p2x), qy0 = Math.min(p1y, p2y);
    double qx1 = Math.max(p1x, p2x), qy1 = Math.max(p1y, p2y);
    PackedRTree t = tree;
    double[] x = segments.x, y = segments.y;
    int[] stack = s.stack(t.levels() * PackedRTree.NODE_SIZE);
    double[] boxes = t.boxes;
    int top = 0;
    stack[top++] = t.root;
    double best = Double.POSITIVE_INFINITY;
    int bestI = -1;
    while (top > 0) {
      int pos = stack[--top];
      if (boxes[4 * pos] > qx1 || boxes[4 * pos + 1] > qy1 || boxes[4 * pos + 2] < qx0 || boxes[4 * pos + 3] < qy0) {
        continue;
      }
      if (pos < t.size) {
        int i = t.ids[pos];
        double f = SegmentMath.crossingFraction(p1x, p1y, p2x, p2y, x[i], y[i], x[i + 1], y[i + 1]);
        if (f < best || (f == best && i < bestI)) {
          best = f;
          bestI = i;
        }
      } else {
        for (int c = t.childEnd(pos) - 1; c >= t.ids[pos]; c--) {
          stack[top++] = c;
        }
      }
    }
    if (bestI >= 0) {
      out[0] = best;
      out[1] = SegmentMath.cross(x[bestI], y[bestI], x[bestI + 1], y[bestI + 1], p1x, p1y);
    }
    return bestI;
  }
}
