package io.watchline.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.watchline.analytics.trends.EmergingScan;
import io.watchline.analytics.trends.Stats;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

class EmergingScanTest {
  @Test
  void benjaminiHochbergMatchesTheStepUpRuleByHand() {
    // Sorted p: 0.01, 0.02, 0.03, 0.5 (m = 4): raw p·m/rank = 0.04, 0.04, 0.04, 0.5, then the running minimum from the top.
    double[] q = Stats.benjaminiHochberg(new double[] {0.03, Double.NaN, 0.5, 0.01, 0.02});
    assertThat(q[0]).isCloseTo(0.04, within(1e-12));
    assertThat(q[1]).isNaN();
    assertThat(q[2]).isCloseTo(0.5, within(1e-12));
    assertThat(q[3]).isCloseTo(0.04, within(1e-12));
    assertThat(q[4]).isCloseTo(0.04, within(1e-12));
    // A large p never pulls a smaller one's q up; q is never below p.
    double[] q2 = Stats.benjaminiHochberg(new double[] {0.001, 0.9, 0.04});
    assertThat(q2[0]).isCloseTo(0.003, within(1e-12));
    assertThat(q2[2]).isCloseTo(0.06, within(1e-12));
    assertThat(q2[1]).isCloseTo(0.9, within(1e-12));
  }

  @Test
  void aRiseThatLastsIsFoundOverTheWindowAndItsPIsExactOverTheWindowsTried() {
    int[] nights = {7, 7, 7, 7, 7, 7, 7};
    int[][] crossings = {
        {14, 14, 14, 14, 20, 20, 20}, // a modest rise lasting 3 weeks
        {14, 14, 14, 14, 14, 14, 14}, // stationary
    };
    EmergingScan.Cell[][] c = EmergingScan.scan(crossings, nights, 3, 3);
    assertThat(c[0][0]).isNull(); // no 3-week baseline yet
    assertThat(c[0][2]).isNull();
    EmergingScan.Cell last = c[0][6];
    assertThat(last.windowWeeks()).isEqualTo(3);
    assertThat(last.windowsTried()).isEqualTo(3);
    // Oracle: 60 crossings in 21 nights against 56 in 28; given 116, binomial(116, 21/49).
    double raw = 1 - new BinomialDistribution(116, 21.0 / 49).cumulativeProbability(59);
    assertThat(last.windowP()).isCloseTo(raw, within(1e-12));
    // The windows overlap, so the chance that any of them looks this extreme is below their sum.
    assertThat(last.p()).isGreaterThan(raw).isLessThan(3 * raw);
    assertThat(last.p()).isCloseTo(bruteForce(crossings[0], nights, 6, 3, raw), within(1e-9));
    assertThat(last.p()).isLessThan(c[0][4].p()); // three raised weeks say more than one
    assertThat(c[1][6].p()).isGreaterThan(0.5);
    assertThat(last.q()).isGreaterThanOrEqualTo(last.p());
    assertThat(last.baselinePerNight()).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void thePOverWindowsMatchesEveryWayTheCrossingsCouldFallWithUnevenNights() {
    int[] nights = {7, 5, 7, 6, 7, 4, 7};
    int[] sector = {3, 2, 4, 3, 2, 5, 6};
    EmergingScan.Cell c = EmergingScan.scan(new int[][] {sector}, nights, 3, 3)[0][6];
    assertThat(c.windowsTried()).isEqualTo(3);
    assertThat(c.p()).isCloseTo(bruteForce(sector, nights, 6, 3, c.windowP()), within(1e-9));
  }

  @Test
  void aCellsPUsesNoLaterWeek() {
    int[] nights = {7, 7, 7, 7, 7, 7, 7, 7};
    int[] sector = {12, 15, 11, 14, 25, 22, 9, 30};
    EmergingScan.Cell[] all = EmergingScan.scan(new int[][] {sector}, nights, 3, 3)[0];
    for (int w = 3; w < nights.length; w++) {
      EmergingScan.Cell upToW = EmergingScan.scan(new int[][] {java.util.Arrays.copyOf(sector, w + 1)},
          java.util.Arrays.copyOf(nights, w + 1), 3, 3)[0][w];
      assertThat(upToW.p()).isEqualTo(all[w].p());
    }
  }

  @Test
  void stationaryPoissonSectorsAreFlaggedAtAboutTheChosenLevel() {
    java.util.Random r = new java.util.Random(7);
    int sectors = 400;
    int weeks = 16;
    int[] nights = new int[weeks];
    java.util.Arrays.fill(nights, 7);
    int[][] crossings = new int[sectors][weeks];
    for (int s = 0; s < sectors; s++) {
      double mean = 7 * (1.5 + 1.5 * r.nextDouble());
      for (int w = 0; w < weeks; w++) crossings[s][w] = new org.apache.commons.math3.distribution.PoissonDistribution(
          new org.apache.commons.math3.random.JDKRandomGenerator(r.nextInt()), mean, 1e-12, 10_000).sample();
    }
    EmergingScan.Cell[][] c = EmergingScan.scan(crossings, nights, 3, 3);
    int scanned = 0;
    int flagged = 0;
    for (EmergingScan.Cell[] row : c) {
      for (EmergingScan.Cell cell : row) {
        if (cell == null) continue;
        scanned++;
        if (cell.p() < 0.01) flagged++;
      }
    }
    // The p is exact but discrete, so the share is at most the level (and not far below it).
    assertThat((double) flagged / scanned).isBetween(0.004, 0.012);
  }

  /**
   * The chance, for a sector whose rate never changed, that some window of the last 1 … {@code
   * windows} weeks ending at {@code w} has a rise p ≤ t: every way the crossings up to w can fall
   * into the last three weeks and the rest, multinomial by nights.
   */
  private static double bruteForce(int[] sector, int[] nights, int w, int windows, double t) {
    int total = 0;
    int allNights = 0;
    for (int i = 0; i <= w; i++) {
      total += sector[i];
      allNights += nights[i];
    }
    double[] pi = new double[windows + 1];
    for (int d = 0; d < windows; d++) pi[d] = (double) nights[w - d] / allNights;
    pi[windows] = 1 - java.util.Arrays.stream(pi, 0, windows).sum();
    double logFactTotal = org.apache.commons.math3.special.Gamma.logGamma(total + 1);
    double hit = 0;
    for (int a = 0; a <= total; a++) {
      for (int b = 0; a + b <= total; b++) {
        for (int e = 0; a + b + e <= total; e++) {
          int rest = total - a - b - e;
          int[] k = {a, b, e, rest};
          double log = logFactTotal;
          for (int i = 0; i <= windows; i++) {
            log += k[i] * Math.log(pi[i]) - org.apache.commons.math3.special.Gamma.logGamma(k[i] + 1);
          }
          int inWindow = 0;
          int windowNights = 0;
          boolean any = false;
          for (int d = 0; d < windows; d++) {
            inWindow += k[d];
            windowNights += nights[w - d];
            any |= Stats.poissonRiseP(inWindow, windowNights, total - inWindow, allNights - windowNights) <= t;
          }
          if (any) hit += Math.exp(log);
        }
      }
    }
    return hit;
  }
}
