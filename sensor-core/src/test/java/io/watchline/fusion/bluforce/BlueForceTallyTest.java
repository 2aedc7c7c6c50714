package io.watchline.fusion.bluforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.watchline.fusion.track.Measurement;
import io.watchline.fusion.track.Track;
import io.watchline.fusion.track.Tracker;
import io.watchline.fusion.track.TrackerConfig;
import io.watchline.observation.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlueForceTallyTest {

  /** A walker going east at 1.5 m/s along y = 0 for {@code seconds}, one plot every 2 s. */
  private static Track walker(int seconds) {
    Tracker tracker = new Tracker(TrackerConfig.defaults(), new Tracker.Listener() {
      @Override public void updated(Track t, Measurement m) {}
      @Override public void closed(Track t) {}
    });
    for (int s = 0; s <= seconds; s += 2) {
      tracker.scan(List.of(Measurement.isotropic(s * 1000L, 1.5 * s, 0, 5, Kind.RADAR, "R", List.of())), s * 1000L);
    }
    return tracker.live().get(0);
  }

  /** A patrol unit's fixes every 10 s, {@code offsetM} north of the walker, from {@code fromS} to {@code toS}. */
  private static void patrol(PatrolPositions p, String unit, double offsetM, int fromS, int toS) {
    for (int s = fromS; s <= toS; s += 10) {
      p.add(unit, s * 1000L, 1.5 * s, offsetM);
    }
  }

  @Test
  void aTrackMovingWithAPatrolIsThatPatrol() {
    Track t = walker(600);
    PatrolPositions p = new PatrolPositions(3_600_000, 60_000);
    patrol(p, "P1", 30, 0, 600);
    patrol(p, "P2", 400, 0, 600);
    BlueForceTally tally = new BlueForceTally();
    tally.check(t, p, Long.MAX_VALUE, 100);
    assertThat(tally.checked()).isEqualTo(t.points());
    assertThat(tally.bestUnit()).isEqualTo("P1");
    assertThat(tally.share()).isEqualTo(1.0);
    assertThat(tally.meanDistanceM()).isCloseTo(30, within(1.0));
    assertThat(tally.isPatrol(0.5)).isTrue();
  }

  @Test
  void aTrackPassingAPatrolBrieflyStaysATarget() {
    Track t = walker(600);
    PatrolPositions p = new PatrolPositions(3_600_000, 60_000);
    patrol(p, "P1", 30, 200, 300); // alongside for 100 s of 600, then gone
    BlueForceTally tally = new BlueForceTally();
    tally.check(t, p, Long.MAX_VALUE, 100);
    assertThat(tally.bestUnit()).isEqualTo("P1");
    // held 60 s either side: explained from 140 s to 360 s of 600
    assertThat(tally.share()).isCloseTo(221.0 / 601, within(0.02));
    assertThat(tally.isPatrol(0.5)).isFalse();
  }

  @Test
  void pointsAreCheckedOnceEachUpToTheGivenTime() {
    Track t = walker(100);
    PatrolPositions p = new PatrolPositions(3_600_000, 60_000);
    patrol(p, "P1", 0, 0, 100);
    BlueForceTally tally = new BlueForceTally();
    tally.check(t, p, 40_000, 100);
    int first = tally.checked();
    assertThat(first).isBetween(20, 21);
    tally.check(t, p, 40_000, 100);
    assertThat(tally.checked()).isEqualTo(first);
    tally.check(t, p, Long.MAX_VALUE, 100);
    assertThat(tally.checked()).isEqualTo(t.points());
  }

  @Test
  void withoutPatrolsOrWithTooFewPointsNothingIsExplained() {
    Track t = walker(100);
    BlueForceTally none = new BlueForceTally();
    none.check(t, new PatrolPositions(600_000, 60_000), Long.MAX_VALUE, 100);
    assertThat(none.bestUnit()).isNull();
    assertThat(none.share()).isZero();
    assertThat(none.meanDistanceM()).isNaN();
    assertThat(none.isPatrol(0.5)).isFalse();

    PatrolPositions p = new PatrolPositions(600_000, 60_000);
    patrol(p, "P1", 0, 0, 100);
    BlueForceTally one = new BlueForceTally();
    one.check(t, p, 0, 100); // only the first point so far
    assertThat(one.share()).isEqualTo(1.0);
    assertThat(one.isPatrol(0.5)).isFalse(); // one point is not enough to call it a patrol
  }
}
