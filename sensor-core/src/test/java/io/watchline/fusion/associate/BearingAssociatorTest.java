package io.watchline.fusion.associate;

import static io.watchline.fusion.associate.TestTracks.toward;
import static io.watchline.fusion.associate.TestTracks.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.fusion.track.Track;
import io.watchline.observation.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class BearingAssociatorTest {
  private static final long T = 1_000_000;
  private final BearingAssociator associator = new BearingAssociator(1.5, 0.25);

  @Test
  void aBearingOnARadarTrackMatchesItWithinTheGateAndNotBeyond() {
    Track t = track(Kind.RADAR, 4, 0, 2000, 0, 0, T);
    associator.refresh(List.of(t));
    double x = t.filter().x(), y = t.filter().y();
    // at 2 km the gate is 1.5 deg + atan(40 m / 2000 m) = 2.65 deg
    assertThat(associator.match(toward("C", 0, 0, x, y, 0, T, Double.NaN, 6000))).isSameAs(t);
    assertThat(associator.match(toward("C", 0, 0, x, y, 2.5, T, Double.NaN, 6000))).isSameAs(t);
    assertThat(associator.match(toward("C", 0, 0, x, y, -2.5, T, Double.NaN, 6000))).isSameAs(t);
    assertThat(associator.match(toward("C", 0, 0, x, y, 2.8, T, Double.NaN, 6000))).isNull();
  }

  @Test
  void closeInTheGateIsWider() {
    Track t = track(Kind.RADAR, 4, 0, 100, 0, 0, T);
    associator.refresh(List.of(t));
    // at 100 m: 1.5 deg + atan(40 / 100) = 23.3 deg
    assertThat(associator.match(toward("C", 0, 0, t.filter().x(), t.filter().y(), 20, T, Double.NaN, 6000))).isSameAs(t);
    assertThat(associator.match(toward("C", 0, 0, t.filter().x(), t.filter().y(), 25, T, Double.NaN, 6000))).isNull();
  }

  @Test
  void aTrackBehindTheCameraOrBeyondItsRangeIsNotSeen() {
    Track t = track(Kind.RADAR, 4, 0, 2000, 0, 0, T);
    associator.refresh(List.of(t));
    // looking the other way: the line of sight through the track, but pointing away from it
    assertThat(associator.match(toward("C", 0, 0, t.filter().x(), t.filter().y(), 180, T, Double.NaN, 6000))).isNull();
    // range 1500 m (+10 % slack) does not reach 2 km
    assertThat(associator.match(toward("C", 0, 0, t.filter().x(), t.filter().y(), 0, T, Double.NaN, 1500))).isNull();
    assertThat(associator.match(toward("C", 0, 0, t.filter().x(), t.filter().y(), 0, T, Double.NaN, 1900))).isSameAs(t);
  }

  @Test
  void aMeasuredRangeMustAgree() {
    Track t = track(Kind.RADAR, 4, 0, 2000, 0, 0, T);
    associator.refresh(List.of(t));
    double x = t.filter().x(), y = t.filter().y();
    // within max(60 m, 25 %) of the measured range
    assertThat(associator.match(toward("C", 0, 0, x, y, 0, T, 1700, 6000))).isSameAs(t);
    assertThat(associator.match(toward("C", 0, 0, x, y, 1500, T, 1500, 6000))).isNull();
    assertThat(associator.match(toward("C", 0, 0, x, y, 0, T, 1000, 6000))).isNull();
  }

  @Test
  void theSmallestAngularOffsetWins() {
    Track a = track(Kind.RADAR, 4, -40, 2000, 0, 0, T);
    Track b = track(Kind.RADAR, 4, 30, 2000, 0, 0, T);
    associator.refresh(List.of(a, b));
    assertThat(associator.match(toward("C", 0, 0, 20, 2000, 0, T, Double.NaN, 6000))).isSameAs(b);
    assertThat(associator.match(toward("C", 0, 0, -20, 2000, 0, T, Double.NaN, 6000))).isSameAs(a);
  }

  @Test
  void onlyConfirmedRadarLedTracksOfTheLastSnapshotAreCandidates() {
    Track tentative = track(Kind.RADAR, 2, 0, 2000, 0, 0, T);
    Track cameraOnly = track(Kind.THERMAL, 4, 500, 2000, 0, 0, T);
    assertThat(tentative.confirmed()).isFalse();
    assertThat(cameraOnly.confirmed()).isTrue();
    associator.refresh(List.of(tentative, cameraOnly));
    assertThat(associator.match(toward("C", 0, 0, 0, 2000, 0, T, Double.NaN, 6000))).isNull();
    assertThat(associator.match(toward("C", 0, 0, 500, 2000, 0, T, Double.NaN, 6000))).isNull();
    // a track confirmed after the snapshot is not seen until the next refresh
    Track later = track(Kind.RADAR, 4, 0, 3000, 0, 0, T);
    assertThat(associator.match(toward("C", 0, 0, 0, 3000, 0, T, Double.NaN, 6000))).isNull();
    associator.refresh(List.of(later));
    assertThat(associator.match(toward("C", 0, 0, 0, 3000, 0, T, Double.NaN, 6000))).isSameAs(later);
  }

  @Test
  void aMovingTrackIsLookedForWhereItIsPredicted() {
    Track t = track(Kind.RADAR, 10, 0, 2000, 5, 0, T);
    associator.refresh(List.of(t));
    double[] at20s = {t.filter().x() + t.filter().vx() * 20, t.filter().y() + t.filter().vy() * 20};
    assertThat(t.filter().vx()).isGreaterThan(3);
    // 20 s later the track is ~100 m east: 2.9 deg off its snapshot position, outside the gate from there
    assertThat(associator.match(toward("C", 0, 0, at20s[0], at20s[1], 0, T + 20_000, Double.NaN, 6000))).isSameAs(t);
    assertThat(associator.match(toward("C", 0, 0, t.filter().x(), t.filter().y(), 0, T + 20_000, Double.NaN, 6000))).isNull();
  }
}
