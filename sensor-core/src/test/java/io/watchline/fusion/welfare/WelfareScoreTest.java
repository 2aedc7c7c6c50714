package io.watchline.fusion.welfare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WelfareScoreTest {
  static double score(long stayMin, boolean crossed, double roadM, boolean water, double chill, String cls) {
    return WelfareScore.score(new WelfareScore.Factors(stayMin * 60_000, crossed, roadM, 300, water, chill, Double.NaN, cls, 0.8))
        .value();
  }

  @Test
  void everyTermIsMonotone() {
    double base = score(30, false, 1000, false, 5, "unknown");
    assertThat(score(60, false, 1000, false, 5, "unknown")).isGreaterThan(base);
    assertThat(score(30, true, 1000, false, 5, "unknown")).isGreaterThan(base);
    assertThat(score(30, false, 100, false, 5, "unknown")).isLessThan(base);
    assertThat(score(30, false, 1000, true, 5, "unknown")).isGreaterThan(base);
    assertThat(score(30, false, 1000, false, -10, "unknown")).isGreaterThan(base);
    assertThat(score(30, false, 1000, false, -20, "unknown")).isGreaterThanOrEqualTo(score(30, false, 1000, false, -10, "unknown"));
    assertThat(score(30, false, 1000, false, 5, "child")).isGreaterThan(score(30, false, 1000, false, 5, "human"));
    assertThat(score(30, false, 1000, false, 5, "human")).isGreaterThan(base);
  }

  @Test
  void explainsEveryTermAndRanks() {
    io.watchline.fusion.incident.Scorer.Score s = WelfareScore.score(new WelfareScore.Factors(75 * 60_000, true, Double.NaN, 300, false, -16, 1.0,
        "human", 0.9));
    assertThat(s.explain()).isEqualTo(
        "bias -1.00, stationary 75 min +2.00, after crossing +1.00, wind chill -16 °C +3.00, wet +0.50, class human +0.45");
    double z = -1 + 2 + 1 + 3 + 0.5 + 0.45;
    assertThat(s.value()).isCloseTo(1 / (1 + Math.exp(-z)), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(WelfareScore.priority(s.value())).isEqualTo(1);
    assertThat(WelfareScore.priority(WelfareScore.score(new WelfareScore.Factors(30 * 60_000, false, 1000, 300, false,
        Double.NaN, Double.NaN, "unknown", 0)).value())).isEqualTo(3);
  }
}
