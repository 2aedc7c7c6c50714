package io.watchline.geo.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GreedyCoverTest {

  static double covered(List<BitSet> sets, int[] pick, double[] w) {
    BitSet u = new BitSet();
    for (int i : pick) u.or(sets.get(i));
    double s = 0;
    for (int j = u.nextSetBit(0); j >= 0; j = u.nextSetBit(j + 1)) s += w[j];
    return s;
  }

  static double bruteForceBest(List<BitSet> sets, double[] w, int k) {
    double best = 0;
    int n = sets.size();
    for (int mask = 0; mask < 1 << n; mask++) {
      if (Integer.bitCount(mask) != k) continue;
      int[] pick = new int[k];
      int m = 0;
      for (int i = 0; i < n; i++) if ((mask & 1 << i) != 0) pick[m++] = i;
      best = Math.max(best, covered(sets, pick, w));
    }
    return best;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void greedyIsWithinOneMinusOneOverEOfTheOptimum(long seed) {
    Random rnd = new Random(seed);
    int elements = 40;
    double[] w = new double[elements];
    for (int i = 0; i < elements; i++) w[i] = 1 + rnd.nextInt(5);
    List<BitSet> sets = new ArrayList<>();
    for (int s = 0; s < 12; s++) {
      BitSet b = new BitSet();
      int start = rnd.nextInt(elements);
      int len = 2 + rnd.nextInt(12);
      for (int j = 0; j < len; j++) b.set((start + j) % elements);
      sets.add(b);
    }
    int k = 3;
    List<GreedyCover.Pick> picks = GreedyCover.choose(sets, w, new BitSet(), k);
    double greedy = picks.stream().mapToDouble(GreedyCover.Pick::added).sum();
    assertThat(greedy).isEqualTo(covered(sets, picks.stream().mapToInt(GreedyCover.Pick::candidate).toArray(), w));
    assertThat(greedy).isGreaterThanOrEqualTo((1 - 1 / Math.E) * bruteForceBest(sets, w, k) - 1e-9);
  }

  @Test
  void greedyCanMissTheOptimumButNotByMoreThanTheBound() {
    // classic: {0..3} {4..7} are optimal for k=2 (8), greedy first takes the 5-element middle set
    List<BitSet> sets = List.of(bits(0, 1, 2, 3), bits(4, 5, 6, 7), bits(2, 3, 4, 5, 6));
    double[] w = {1, 1, 1, 1, 1, 1, 1, 1};
    List<GreedyCover.Pick> picks = GreedyCover.choose(sets, w, new BitSet(), 2);
    assertThat(picks.get(0).candidate()).isEqualTo(2);
    assertThat(picks.stream().mapToDouble(GreedyCover.Pick::added).sum()).isEqualTo(7.0);
    assertThat(7.0).isGreaterThanOrEqualTo((1 - 1 / Math.E) * 8);
  }

  @Test
  void alreadyCoveredElementsAddNothing() {
    List<BitSet> sets = List.of(bits(0, 1), bits(2));
    BitSet done = bits(0, 1);
    List<GreedyCover.Pick> picks = GreedyCover.choose(sets, new double[] {5, 5, 1}, done, 2);
    assertThat(picks).hasSize(1);
    assertThat(picks.get(0).candidate()).isEqualTo(1);
  }

  static BitSet bits(int... i) {
    BitSet b = new BitSet();
    for (int x : i) b.set(x);
    return b;
  }
}
