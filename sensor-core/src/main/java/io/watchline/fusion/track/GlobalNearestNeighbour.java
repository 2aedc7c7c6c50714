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
    int[] assign = Hungarian.solve(cost);
    List<Pair> pairs = new ArrayList<>(assign.length);
    for (int i = 0; i < assign.length; i++) {
      int j = assign[i];
      if (j >= 0 && cost[i][j] < GatedScan.NOT_ALLOWED) {
        pairs.add(new Pair(scan.tracks().get(scan.rows()[i]), scan.cols()[j]));
      }
    }
    return pairs;
  }
}
