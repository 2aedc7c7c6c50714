package io.watchline.geo.index;

import java.util.Arrays;

/**
 * A static packed R-tree over boxes (a flatbush-style layout): items sorted along a Hilbert curve,
 * grouped 16 to a node, every level stored in the same flat arrays. Position {@code p} has the box
 * {@code boxes[4p..4p+3]} (minX, minY, maxX, maxY); leaf positions {@code 0..size-1} map to item
 * ids through {@code ids}, and a node's {@code ids} entry is the position of its first child. No
 * object per item; immutable once built, so reads are thread-safe.
 */
public final class PackedRTree {
  static final int NODE_SIZE = 16;

  final int size;
  final double[] boxes;
  final int[] ids;
  /** levelEnd[l] is one past the last position of level l (level 0 = leaves). */
  final int[] levelEnd;
  final int root;

  private PackedRTree(int size, double[] boxes, int[] ids, int[] levelEnd) {
    this.size = size;
    this.boxes = boxes;
    this.ids = ids;
    this.levelEnd = levelEnd;
    this.root = levelEnd[levelEnd.length - 1] - 1;
  }

  /** Builds the tree over {@code n} boxes given as parallel arrays. */
  public static PackedRTree build(double[] minX, double[] minY, double[] maxX, double[] maxY, int n) {
    if (n == 0) {
      throw new IllegalArgumentException("cannot index zero items");
    }
    double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      x0 = Math.min(x0, minX[i]);
      y0 = Math.min(y0, minY[i]);
      x1 = Math.max(x1, maxX[i]);
      y1 = Math.max(y1, maxY[i]);
    }
    // One scale for both axes: stretching a long thin extent to a square would group items that
    // share a y far apart in x (a border running east-west would get kilometre-wide leaves).
    double extent = Math.max(x1 - x0, y1 - y0);
    double sx = extent > 0 ? (HILBERT_SIDE - 1) / extent : 0;
    double sy = sx;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      int hx = (int) ((0.5 * (minX[i] + maxX[i]) - x0) * sx);
      int hy = (int) ((0.5 * (minY[i] + maxY[i]) - y0) * sy);
      keys[i] = ((long) hilbert(hx, hy) << 32) | i;
    }
    Arrays.sort(keys);

    // Count positions level by level.
    int levels = 1;
    int total = n;
    for (int m = n; m > 1; ) {
      m = (m + NODE_SIZE - 1) / NODE_SIZE;
      total += m;
      levels++;
    }
    int[] levelEnd = new int[levels];
    double[] boxes = new double[4 * total];
    int[] ids = new int[total];
    for (int p = 0; p < n; p++) {
      int item = (int) keys[p];
      ids[p] = item;
      boxes[4 * p] = minX[item];
      boxes[4 * p + 1] = minY[item];
      boxes[4 * p + 2] = maxX[item];
      boxes[4 * p + 3] = maxY[item];
    }
    levelEnd[0] = n;
    int start = 0;
    int pos = n;
    for (int l = 1; l < levels; l++) {
      int end = levelEnd[l - 1];
      for (int c = start; c < end; c += NODE_SIZE) {
        double a = Double.POSITIVE_INFINITY, b = Double.POSITIVE_INFINITY;
        double e = Double.NEGATIVE_INFINITY, f = Double.NEGATIVE_INFINITY;
        for (int k = c; k < Math.min(c + NODE_SIZE, end); k++) {
          a = Math.min(a, boxes[4 * k]);
          b = Math.min(b, boxes[4 * k + 1]);
          e = Math.max(e, boxes[4 * k + 2]);
          f = Math.max(f, boxes[4 * k + 3]);
        }
        boxes[4 * pos] = a;
        boxes[4 * pos + 1] = b;
        boxes[4 * pos + 2] = e;
        boxes[4 * pos + 3] = f;
        ids[pos] = c;
        pos++;
      }
      levelEnd[l] = pos;
      start = end;
    }
    return new PackedRTree(n, boxes, ids, levelEnd);
  }

  public int size() {
    return size;
  }

  /** Heap bytes of the arrays (for the benchmark's bytes-per-item figure). */
  public long bytes() {
    return 8L * boxes.length + 4L * ids.length + 4L * levelEnd.length;
  }

  /** One past the last child position of a node at position {@code pos}. */
  int childEnd(int pos) {
    int level = levelOf(pos);
    return Math.min(ids[pos] + NODE_SIZE, levelEnd[level - 1]);
  }

  int levelOf(int pos) {
    int l = 0;
    while (pos >= levelEnd[l]) {
      l++;
    }
    return l;
  }

  int levels() {
    return levelEnd.length;
  }

  /** Squared distance from a point to the box at {@code pos} (0 inside). */
  double boxDistanceSq(int pos, double px, double py) {
    double dx = Math.max(Math.max(boxes[4 * pos] - px, px - boxes[4 * pos + 2]), 0);
    double dy = Math.max(Math.max(boxes[4 * pos + 1] - py, py - boxes[4 * pos + 3]), 0);
    return dx * dx + dy * dy;
  }

  /**
   * The item nearest to (px, py) by branch and bound, nearer boxes first: the lowest id on ties,
   * -1 when no item is at a comparable distance (a NaN coordinate).
   *
   * @param items the exact squared distance from the point to an item
   * @param s the calling thread's scratch
   */
  public int nearest(double px, double py, Scratch s, ItemDistance items) {
    int[] stack = s.stack(levels() * NODE_SIZE + 1);
    double[] lb = s.lb;
    int top = 0;
    stack[top] = root;
    lb[top++] = 0;
    double best = Double.POSITIVE_INFINITY;
    int bestI = -1;
    while (top > 0) {
      top--;
      int pos = stack[top];
      if (lb[top] > best) {
        continue;
      }
      if (pos < size) {
        int i = ids[pos];
        double d = items.distanceSq(i, px, py);
        if (d < best || (d == best && i < bestI)) {
          best = d;
          bestI = i;
        }
        continue;
      }
      top = pushChildren(pos, px, py, best, stack, lb, top);
    }
    return bestI;
  }

  /**
   * Pushes the children of node {@code pos} whose boxes are within squared distance {@code maxSq}
   * of the point onto the stack, with their distances in {@code lb}; insertion keeps them sorted
   * far to near, so the nearest pops first. Returns the new stack size.
   */
  int pushChildren(int pos, double px, double py, double maxSq, int[] stack, double[] lb, int top) {
    int first = top;
    for (int c = ids[pos], end = childEnd(pos); c < end; c++) {
      double d = boxDistanceSq(c, px, py);
      if (d <= maxSq) {
        int j = top++;
        while (j > first && lb[j - 1] < d) {
          stack[j] = stack[j - 1];
          lb[j] = lb[j - 1];
          j--;
        }
        stack[j] = c;
        lb[j] = d;
      }
    }
    return top;
  }

  /** Exact squared distance from a query point to an item, for {@link #nearest}. */
  @FunctionalInterface
  public interface ItemDistance {
    double distanceSq(int item, double px, double py);
  }

  /** Calls {@code visitor} with each item id whose box intersects the query box; stops when it returns false. */
  public void search(double minX, double minY, double maxX, double maxY, Scratch scratch, ItemVisitor visitor) {
    int[] stack = scratch.stack(levels() * NODE_SIZE);
    int top = 0;
    stack[top++] = root;
    while (top > 0) {
      int pos = stack[--top];
      if (boxes[4 * pos] > maxX || boxes[4 * pos + 1] > maxY || boxes[4 * pos + 2] < minX || boxes[4 * pos + 3] < minY) {
        continue;
      }
      if (pos < size) {
        if (!visitor.visit(ids[pos])) {
          return;
        }
      } else {
        int end = childEnd(pos);
        for (int c = end - 1; c >= ids[pos]; c--) {
          stack[top++] = c;
        }
      }
    }
  }

  /** Receives item ids from a search. */
  @FunctionalInterface
  public interface ItemVisitor {
    boolean visit(int item);
  }

  /** Per-thread working memory for searches, so queries allocate nothing. Not thread-safe. */
  public static final class Scratch {
    private int[] stack = new int[256];
    double[] lb = new double[256];

    int[] stack(int needed) {
      if (stack.length < needed) {
        stack = new int[needed];
        lb = new double[needed];
      }
      return stack;
    }
  }

  private static final int HILBERT_SIDE = 1 << 15;

  /** Position along a 32768 x 32768 Hilbert curve (fits in 30 bits). */
  static int hilbert(int x, int y) {
    int d = 0;
    for (int s = HILBERT_SIDE / 2; s > 0; s >>= 1) {
      int rx = (x & s) > 0 ? 1 : 0;
      int ry = (y & s) > 0 ? 1 : 0;
      d += s * s * ((3 * rx) ^ ry);
      if (ry == 0) {
        if (rx == 1) {
          x = HILBERT_SIDE - 1 - x;
          y = HILBERT_SIDE - 1 - y;
        }
        int t = x;
        x = y;
        y = t;
      }
    }
    return d;
  }
}
