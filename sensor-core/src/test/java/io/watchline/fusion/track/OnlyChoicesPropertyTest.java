package io.watchline.fusion.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The assignment's shortcut for scans where each track has its own plot, against the full solver. */
class OnlyChoicesPropertyTest {
  @Test
  void whereTheShortcutAnswersItIsTheHungarianAnswer() {
    Random rnd = new Random(3);
    int answered = 0, declined = 0;
    for (int round = 0; round < 50_000; round++) {
      int rows = 1 + rnd.nextInt(6), cols = rows + (rnd.nextInt(4) == 0 ? rnd.nextInt(3) - 1 : 0);
      cols = Math.max(1, cols);
      double[][] cost = new double[rows][cols];
      for (double[] row : cost) Arrays.fill(row, GatedScan.NOT_ALLOWED);
      // mostly one allowed plot per track, sometimes shared or several, as gating gives
      int[] perm = shuffled(Math.max(rows, cols), rnd);
      for (int r = 0; r < rows; r++) {
        int c = perm[r] % cols;
        cost[r][c] = rnd.nextDouble() * 14 + (rnd.nextBoolean() ? 0 : 2);
        if (rnd.nextInt(8) == 0) cost[r][rnd.nextInt(cols)] = rnd.nextDouble() * 14;
        if (rnd.nextInt(30) == 0) cost[r][c] = GatedScan.NOT_ALLOWED;
      }
      int[] fast = GlobalNearestNeighbour.onlyChoices(cost);
      if (fast == null) {
        declined++;
        continue;
      }
      answered++;
      assertThat(fast).as(Arrays.deepToString(cost)).containsExactly(Hungarian.solve(cost));
    }
    assertThat(answered).isGreaterThan(20_000);
    assertThat(declined).isGreaterThan(5_000);
  }

  private static int[] shuffled(int n, Random rnd) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1), t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }
}
