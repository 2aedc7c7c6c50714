package io.watchline.fusion.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class HungarianTest {
  @Test
  void greedyWouldBeWrongHereButTheOptimumIsFound() {
    // greedy takes (0,0)=1 first and then must pay 100 for (1,1); the optimum is 2 + 3
    double[][] c = {{1, 2}, {3, 100}};
    assertThat(Hungarian.solve(c)).containsExactly(1, 0);
  }

  @Test
  void moreRowsThanColumnsLeavesRowsUnassigned() {
    double[][] c = {{5}, {1}, {3}};
    assertThat(Hungarian.solve(c)).containsExactly(-1, 0, -1);
  }

  @RepeatedTest(20)
  void matchesBruteForceOnRandomMatrices(org.junit.jupiter.api.RepetitionInfo info) {
    Random rnd = new Random(info.getCurrentRepetition());
    int n = 1 + rnd.nextInt(6), m = 1 + rnd.nextInt(6);
    double[][] c = new double[n][m];
    for (double[] row : c) for (int j = 0; j < m; j++) row[j] = rnd.nextInt(50);
    int[] a = Hungarian.solve(c);
    assertThat(cost(c, a)).isEqualTo(best(c, 0, new boolean[m], Math.min(n, m)));
    assertThat(java.util.Arrays.stream(a).filter(x -> x >= 0).count()).isEqualTo(Math.min(n, m));
  }

  private static double cost(double[][] c, int[] a) {
    double s = 0;
    for (int r = 0; r < a.length; r++) if (a[r] >= 0) s += c[r][a[r]];
    return s;
  }

  /** Cheapest way to assign {@code need} more rows from {@code r} on to distinct free columns. */
  private static double best(double[][] c, int r, boolean[] used, int need) {
    if (need == 0) return 0;
    if (c.length - r < need) return Double.POSITIVE_INFINITY;
    double b = best(c, r + 1, used, need); // skip this row
    for (int j = 0; j < used.length; j++) {
      if (!used[j]) {
        used[j] = true;
        b = Math.min(b, c[r][j] + best(c, r + 1, used, need - 1));
        used[j] = false;
      }
    }
    return b;
  }
}
