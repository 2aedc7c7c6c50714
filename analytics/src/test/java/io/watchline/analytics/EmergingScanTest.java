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
  void aRiseThatLastsIsFoundOverTheWindowAndItsPIsAdjustedForTheWindowsTried() {
    int[] nights = {7, 7, 7, 7, 7, 7, 7};
    int[][] crossings = {
        {14, 14, 14, 14, 20, 20, 20}, // a modest rise lasting 3 weeks
        {14, 14, 14, 14, 14, 14, 14}, // stationary
    };
    EmergingScan.Cell[][] c = EmergingScan.scan(crossings, nights, 3, 3, false, 0.05);
    assertThat(c[0][0]).isNull(); // no 3-week baseline yet
    assertThat(c[0][2]).isNull();
    EmergingScan.Cell last = c[0][6];
    assertThat(last.windowWeeks()).isEqualTo(3);
    // Oracle: 60 crossings in 21 nights against 56 in 28; given 116, binomial(116, 21/49); 3 windows tried.
    double raw = 1 - new BinomialDistribution(116, 21.0 / 49).cumulativeProbability(59);
    assertThat(last.p()).isCloseTo(Math.min(1, 3 * raw), within(1e-12));
    assertThat(last.p()).isLessThan(c[0][4].p()); // three raised weeks say more than one
    assertThat(c[1][6].p()).isGreaterThan(0.5);
    assertThat(last.q()).isGreaterThanOrEqualTo(last.p());
    assertThat(last.baselinePerNight()).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void aNeighbourZoneCountsOnlyWhenTheSectorsOwnCountRose() {
    int[] nights = {7, 7, 7, 7, 7};
    int[][] crossings = {
        {10, 10, 10, 10, 10}, // unchanged, next to a surge
        {10, 10, 10, 10, 40},
    };
    EmergingScan.Cell[][] c = EmergingScan.scan(crossings, nights, 1, 3, true, 0.05);
    assertThat(c[0][4].p()).isGreaterThan(0.3);
    assertThat(c[1][4].p()).isLessThan(1e-6);
    assertThat(c[1][4].zoneFrom()).isEqualTo(1);
  }
}
