package io.watchline.fusion.track;

import java.util.Arrays;

/**
 * Minimum-cost assignment (Kuhn-Munkres with row/column potentials, O(n^2 m)). Commons Math has
 * none; a greedy nearest-neighbour assignment swaps identities when two targets cross, which is
 * exactly when it matters. Matrices here are small (live tracks near one scan's plots).
 */
public final class Hungarian {
  private Hungarian() {}

  /**
   * Assigns rows to columns minimising the total cost; {@code cost[r][c]} must be finite. Returns,
   * per row, the column assigned or -1 (when there are more rows than columns).
   */
  public static int[] solve(double[][] cost) {
    int rows = cost.length;
    if (rows == 0) {
      return new int[0];
    }
    int cols = cost[0].length;
    if (cols == 0) {
      int[] none = new int[rows];
      Arrays.fill(none, -1);
      return none;
    }
    if (rows > cols) {
      double[][] t = new double[cols][rows];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          t[c][r] = cost[r][c];
        }
      }
      int[] colToRow = solve(t);
      int[] out = new int[rows];
      Arrays.fill(out, -1);
      for (int c = 0; c < cols; c++) {
        if (colToRow[c] >= 0) {
          out[colToRow[c]] = c;
        }
      }
      return out;
    }
    // 1-based arrays; column 0 is a virtual start column
    int n = rows, m = cols;
    double[] u = new double[n + 1], v = new double[m + 1];
    int[] match = new int[m + 1]; // match[col] = row
    int[] way = new int[m + 1];
    for (int r = 1; r <= n; r++) {
      match[0] = r;
      int col0 = 0;
      double[] minv = new double[m + 1];
      Arrays.fill(minv, Double.POSITIVE_INFINITY);
      boolean[] used = new boolean[m + 1];
      do {
        used[col0] = true;
        int r0 = match[col0], col1 = 0;
        double delta = Double.POSITIVE_INFINITY;
        for (int c = 1; c <= m; c++) {
          if (!used[c]) {
            double cur = cost[r0 - 1][c - 1] - u[r0] - v[c];
            if (cur < minv[c]) {
              minv[c] = cur;
              way[c] = col0;
            }
            if (minv[c] < delta) {
              delta = minv[c];
              col1 = c;
            }
          }
        }
        for (int c = 0; c <= m; c++) {
          if (used[c]) {
            u[match[c]] += delta;
            v[c] -= delta;
          } else {
            minv[c] -= delta;
          }
        }
        col0 = col1;
      } while (match[col0] != 0);
      do {
        int col1 = way[col0];
        match[col0] = match[col1];
        col0 = col1;
      } while (col0 != 0);
    }
    int[] out = new int[n];
    Arrays.fill(out, -1);
    for (int c = 1; c <= m; c++) {
      if (match[c] != 0) {
        out[match[c] - 1] = c - 1;
      }
    }
    return out;
  }
}
