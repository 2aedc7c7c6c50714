package io.watchline.fusion.track;

import java.util.ArrayList;
import java.util.List;

/**
 * Global nearest neighbour: the assignment of minimum total gate distance (Hungarian, {@link
 * Hungarian}) over the gated sub-matrix. Greedy nearest neighbour swaps the identities of crossing
 * targets; the matrices are tiny, so the optimum costs nothing. Stateless and thread-safe.
 */
public final class GlobalNearestNeighbour implements Assigner {
  @Override
  public List<Pair> assign(GatedScan scan) {
    double[][] cost = scan.cost();
    int[] assign = onlyChoices(cost);
    if (assign == null) assign = Hungarian.solve(cost);
    List<Pair> pairs = new ArrayList<>(assign.length);
    for (int i = 0; i < assign.length; i++) {
      int j = assign[i];
      if (j >= 0 && cost[i][j] < GatedScan.NOT_ALLOWED) {
        pairs.add(new Pair(scan.tracks().get(scan.rows()[i]), scan.cols()[j]));
      }
    }
    return pairs;
  }

  /**
   * When every row has exactly one allowed column and no two rows share one (the usual scan: each
   * track near its own plot), those pairs are the only assignment of finite cost, so the optimum:
   * per row its column. Otherwise null.
   */
  static int[] onlyChoices(double[][] cost) {
    int n = cost.length;
    if (n == 0 || cost[0].length != n) return null;
    int[] out = new int[n];
    boolean[] taken = new boolean[n];
    for (int i = 0; i < n; i++) {
      double[] row = cost[i];
      int only = -1;
      for (int j = 0; j < n; j++) {
        if (row[j] < GatedScan.NOT_ALLOWED) {
          if (only >= 0 || taken[j]) return null;
          only = j;
        }
      }
      if (only < 0) return null;
      taken[only] = true;
      out[i] = only;
    }
    return out;
  }
}
