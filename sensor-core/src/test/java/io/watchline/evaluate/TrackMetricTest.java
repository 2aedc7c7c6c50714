package io.watchline.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** GOSPA (alpha 2) and OSPA on sets small enough to work out by hand. */
class TrackMetricTest {
  private static double[] p(double x, double y) {
    return new double[] {x, y};
  }

  @Test
  void oneTrackFiveMetresOffCostsFiveEitherWay() {
    TrackMetric.Gospa g = TrackMetric.gospa(List.of(p(0, 0)), List.of(p(3, 4)), 100, 1);
    assertThat(g.value()).isCloseTo(5, within(1e-9));
    assertThat(g.localisation()).isCloseTo(5, within(1e-9));
    assertThat(g.missed()).isZero();
    assertThat(TrackMetric.ospa(List.of(p(0, 0)), List.of(p(3, 4)), 100, 1)).isCloseTo(5, within(1e-9));
  }

  @Test
  void aMissedTargetCostsHalfTheCutOffInGospaAndIsAveragedInOspa() {
    List<double[]> truth = List.of(p(0, 0), p(1000, 0));
    List<double[]> tracks = List.of(p(0, 0));
    TrackMetric.Gospa g = TrackMetric.gospa(truth, tracks, 100, 1);
    assertThat(g.value()).isCloseTo(50, within(1e-9)); // c^p / 2 for the one missed
    assertThat(g.missed()).isEqualTo(1);
    assertThat(g.falseTracks()).isZero();
    assertThat(TrackMetric.ospa(truth, tracks, 100, 1)).isCloseTo(50, within(1e-9)); // (0 + 100) / 2
  }

  @Test
  void aPairBeyondTheCutOffIsOneMissAndOneFalseTrack() {
    TrackMetric.Gospa g = TrackMetric.gospa(List.of(p(0, 0)), List.of(p(300, 0)), 100, 2);
    assertThat(g.value()).isCloseTo(100, within(1e-9)); // sqrt(c^2/2 * 2)
    assertThat(g.missed()).isEqualTo(1);
    assertThat(g.falseTracks()).isEqualTo(1);
    assertThat(TrackMetric.ospa(List.of(p(0, 0)), List.of(p(300, 0)), 100, 2)).isCloseTo(100, within(1e-9));
  }

  @Test
  void emptySetsAndTheOptimalAssignment() {
    assertThat(TrackMetric.ospa(List.of(), List.of(), 100, 1)).isZero();
    assertThat(TrackMetric.ospa(List.of(), List.of(p(0, 0)), 100, 1)).isEqualTo(100);
    assertThat(TrackMetric.gospa(List.of(), List.of(p(0, 0), p(5, 5)), 100, 1).value()).isCloseTo(100, within(1e-9));
    // greedy would pair (0,0)-(9,0) first and leave (20,0)-(-1,0) at 21: total 30; optimal is 1 + 11 = 12
    TrackMetric.Gospa g = TrackMetric.gospa(List.of(p(0, 0), p(20, 0)), List.of(p(-1, 0), p(9, 0)), 100, 1);
    assertThat(g.value()).isCloseTo(12, within(1e-9));
  }
}
