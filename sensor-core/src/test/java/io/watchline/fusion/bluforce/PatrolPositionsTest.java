package io.watchline.fusion.bluforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PatrolPositionsTest {
  private final PatrolPositions p = new PatrolPositions(600_000, 60_000);

  @Test
  void aPositionBetweenFixesIsInterpolatedInTime() {
    p.add("U1", 0, 0, 0);
    p.add("U1", 20_000, 100, -40);
    PatrolPositions.Fix f = p.positionAt("U1", 5_000);
    assertThat(f.x()).isCloseTo(25, within(1e-9));
    assertThat(f.y()).isCloseTo(-10, within(1e-9));
    assertThat(f.tMs()).isEqualTo(5_000);
    assertThat(p.positionAt("U1", 20_000).x()).isEqualTo(100);
    assertThat(p.positionAt("nobody", 5_000)).isNull();
  }

  @Test
  void theFirstAndLastFixAreHeldForTheMaximumGapOnly() {
    p.add("U1", 100_000, 10, 20);
    p.add("U1", 110_000, 30, 20);
    assertThat(p.positionAt("U1", 170_000).x()).isEqualTo(30);
    assertThat(p.positionAt("U1", 170_001)).isNull();
    assertThat(p.positionAt("U1", 40_000).x()).isEqualTo(10);
    assertThat(p.positionAt("U1", 39_999)).isNull();
  }

  @Test
  void acrossALongSilenceOnlyTheNearerFixIsHeld() {
    p.add("U1", 0, 0, 0);
    p.add("U1", 300_000, 1000, 0); // 5 min apart: more than twice the gap, no straight line between
    assertThat(p.positionAt("U1", 30_000).x()).isEqualTo(0);
    assertThat(p.positionAt("U1", 280_000).x()).isEqualTo(1000);
    assertThat(p.positionAt("U1", 150_000)).isNull();
    // within twice the gap the line is trusted
    PatrolPositions q = new PatrolPositions(600_000, 60_000);
    q.add("U1", 0, 0, 0);
    q.add("U1", 120_000, 1200, 0);
    assertThat(q.positionAt("U1", 60_000).x()).isCloseTo(600, within(1e-9));
  }

  @Test
  void theNearestUnitIsTheClosestOfThoseWithAPositionThen() {
    p.add("U1", 0, 0, 0);
    p.add("U2", 0, 500, 0);
    p.add("U3", 0, 90, 0);
    p.add("U3", 10_000, 90, 0);
    p.add("U1", 200_000, 0, 0); // U1 has no position at 100 s (held 60 s, silence too long)
    PatrolPositions.Nearest n = p.nearest(10_000, 10, 0);
    assertThat(n.unit()).isEqualTo("U1");
    assertThat(n.distanceM()).isCloseTo(10, within(1e-9));
    n = p.nearest(65_000, 10, 0); // U1 and U2 are held until 60 s only, U3 until 70 s
    assertThat(n.unit()).isEqualTo("U3");
    assertThat(n.distanceM()).isCloseTo(80, within(1e-9));
    assertThat(p.nearest(100_000, 10, 0)).isNull();
    assertThat(p.units()).isEqualTo(3);
  }

  @Test
  void olderFixesAreForgottenButOneIsKeptForInterpolation() {
    for (int k = 0; k <= 100; k++) {
      p.add("U1", k * 10_000L, k, 0);
    }
    p.add("U2", 0, 0, 0);
    p.prune(1_000_000);
    // fixes older than 600 s before 1000 s are gone: the first kept one is held, no farther back
    assertThat(p.positionAt("U1", 300_000)).isNull();
    assertThat(p.positionAt("U1", 395_000).x()).isEqualTo(40);
    assertThat(p.positionAt("U1", 405_000).x()).isCloseTo(40.5, within(1e-9));
    assertThat(p.positionAt("U1", 1_000_000).x()).isEqualTo(100);
    // a unit silent for longer than the horizon plus the gap is dropped
    assertThat(p.units()).isEqualTo(1);
  }

  @Test
  void anOlderFixArrivingLateIsIgnored() {
    p.add("U1", 10_000, 0, 0);
    p.add("U1", 5_000, 999, 999);
    assertThat(p.positionAt("U1", 5_000).x()).isZero();
  }
}
