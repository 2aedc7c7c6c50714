package io.watchline.fusion.associate;

import static io.watchline.fusion.associate.TestTracks.toward;
import static io.watchline.fusion.associate.TestTracks.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.watchline.fusion.track.Measurement;
import io.watchline.fusion.track.Track;
import io.watchline.observation.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriangulatorTest {
  private static final long T = 1_000_000;
  private final Triangulator tri = new Triangulator(1500, 0.3, 12);
  // two cameras 2 km apart on the x axis, both looking north
  private static final double AX = 0, BX = 2000;

  @Test
  void twoBearingsCrossWhereTheTargetIs() {
    assertThat(tri.offer(toward("A", AX, 0, 800, 1500, 0, T, Double.NaN, 6000), List.of())).isNull();
    Measurement m = tri.offer(toward("B", BX, 0, 800, 1500, 0, T + 500, Double.NaN, 6000), List.of());
    assertThat(m).isNotNull();
    assertThat(m.x()).isCloseTo(800, within(1e-6));
    assertThat(m.y()).isCloseTo(1500, within(1e-6));
    assertThat(m.tMs()).isEqualTo(T + 500);
    assertThat(m.kind()).isEqualTo(Kind.THERMAL);
    assertThat(m.sources()).hasSize(2);
    // sigma = farther range x bearing sigma / sin(crossing angle), isotropic
    double r = Math.hypot(1200, 1500), sin = Math.sin(Math.atan2(800, 1500) + Math.atan2(1200, 1500));
    double sigma = r * Math.toRadians(0.3) / sin;
    assertThat(m.rxx()).isCloseTo(Math.max(5, sigma) * Math.max(5, sigma), within(1e-6));
    assertThat(m.rxy()).isZero();
    assertThat(tri.pending()).isZero();
    assertThat(tri.placed()).isEqualTo(1);
  }

  @Test
  void bearingsOfOneCameraArePairedWithNothing() {
    tri.offer(toward("A", AX, 0, 800, 1500, 0, T, Double.NaN, 6000), List.of());
    assertThat(tri.offer(toward("A", AX, 0, 900, 1500, 0, T + 100, Double.NaN, 6000), List.of())).isNull();
    assertThat(tri.pending()).isEqualTo(2);
  }

  @Test
  void bearingsCrossingFlatterThanTheMinimumAnglePlaceNothing() {
    tri.offer(toward("A", AX, 0, 800, 1500, 0, T, Double.NaN, 6000), List.of());
    double a = Math.atan2(800, 1500) - Math.toRadians(10); // 10 degrees off parallel
    double[] far = {BX + 5000 * Math.sin(a), 5000 * Math.cos(a)};
    assertThat(tri.offer(toward("B", BX, 0, far[0], far[1], 0, T + 100, Double.NaN, 20_000), List.of())).isNull();
    Triangulator wider = new Triangulator(1500, 0.3, 8);
    wider.offer(toward("A", AX, 0, 800, 1500, 0, T, Double.NaN, 20_000), List.of());
    assertThat(wider.offer(toward("B", BX, 0, far[0], far[1], 0, T + 100, Double.NaN, 20_000), List.of())).isNotNull();
  }

  @Test
  void crossingsBehindACameraOrBeyondItsRangePlaceNothing() {
    tri.offer(toward("A", AX, 0, 800, 1500, 0, T, Double.NaN, 6000), List.of());
    // B looks south-east: the lines cross behind it
    assertThat(tri.offer(toward("B", BX, 0, 3000, -1500, 0, T + 100, Double.NaN, 6000), List.of())).isNull();
    // B reaches 1500 m (+10 %), the crossing is 1921 m away
    assertThat(tri.offer(toward("B", BX, 0, 800, 1500, 0, T + 100, Double.NaN, 1500), List.of())).isNull();
    assertThat(tri.offer(toward("B", BX, 0, 800, 1500, 0, T + 100, Double.NaN, 1800), List.of())).isNotNull();
  }

  @Test
  void aBearingOlderThanThePairingWindowHasExpired() {
    tri.offer(toward("A", AX, 0, 800, 1500, 0, T, Double.NaN, 6000), List.of());
    assertThat(tri.offer(toward("B", BX, 0, 800, 1500, 0, T + 1600, Double.NaN, 6000), List.of())).isNull();
    assertThat(tri.pending()).isEqualTo(1); // only B's, waiting
  }

  /**
   * Two walkers seen by both cameras: camera A's bearings on both wait, camera B's bearing on walker
   * 1 crosses A's bearing on walker 2 in a ghost position. The newer pair in time is the ghost; a
   * live track at walker 1 makes the true pair win.
   */
  @Test
  void aCrossingNearALiveTrackBeatsTheGhost() {
    double[] w1 = {700, 1600}, w2 = {1300, 1500};
    Track onW1 = track(Kind.THERMAL, 4, w1[0], w1[1], 0, 0, T);

    Triangulator withTrack = new Triangulator(1500, 0.3, 12);
    withTrack.offer(toward("A", AX, 0, w1[0], w1[1], 0, T, Double.NaN, 6000), List.of(onW1));
    withTrack.offer(toward("A", AX, 0, w2[0], w2[1], 0, T + 600, Double.NaN, 6000), List.of(onW1));
    Measurement m = withTrack.offer(toward("B", BX, 0, w1[0], w1[1], 0, T + 700, Double.NaN, 6000), List.of(onW1));
    assertThat(m.x()).isCloseTo(w1[0], within(1e-6));
    assertThat(m.y()).isCloseTo(w1[1], within(1e-6));
    assertThat(withTrack.pending()).isEqualTo(1); // A's bearing on walker 2 still waits, used once

    Triangulator noTrack = new Triangulator(1500, 0.3, 12);
    noTrack.offer(toward("A", AX, 0, w1[0], w1[1], 0, T, Double.NaN, 6000), List.of());
    noTrack.offer(toward("A", AX, 0, w2[0], w2[1], 0, T + 600, Double.NaN, 6000), List.of());
    Measurement ghost = noTrack.offer(toward("B", BX, 0, w1[0], w1[1], 0, T + 700, Double.NaN, 6000), List.of());
    assertThat(Math.hypot(ghost.x() - w1[0], ghost.y() - w1[1])).isGreaterThan(200);
  }
}
