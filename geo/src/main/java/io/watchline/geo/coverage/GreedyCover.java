package io.watchline.geo.coverage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Greedy maximum coverage: repeatedly take the candidate that adds the most not-yet-covered
 * weight. Coverage is monotone and submodular, so k greedy picks cover at least (1 - 1/e), about
 * 63 %, of what the best possible set of k candidates covers (Nemhauser, Wolsey and Fisher, 1978).
 */
public final class GreedyCover {
  private GreedyCover() {}

  /** One pick: the candidate index and the weight it added. */
  public record Pick(int candidate, double added) {}

  public static List<Pick> choose(List<BitSet> covers, double[] weight, BitSet alreadyCovered, int k) {
    BitSet covered = (BitSet) alreadyCovered.clone();
    List<Pick> picks = new ArrayList<>();
    boolean[] used = new boolean[covers.size()];
    for (int round = 0; round < k; round++) {
      int best = -1;
      double bestGain = 0;
      for (int i = 0; i < covers.size(); i++) {
        if (used[i]) {
          continue;
        }
        double gain = 0;
        BitSet s = covers.get(i);
        for (int j = s.nextSetBit(0); j >= 0; j = s.nextSetBit(j + 1)) {
          if (!covered.get(j)) {
            gain += weight[j];
          }
        }
        if (gain > bestGain + 1e-9) {
          bestGain = gain;
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      used[best] = true;
      covered.or(covers.get(best));
      picks.add(new Pick(best, bestGain));
    }
    return picks;
  }
}
