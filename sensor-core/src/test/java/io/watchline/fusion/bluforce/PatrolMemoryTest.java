package io.watchline.fusion.bluforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Blue force survives a GPS dropout: the last fix is remembered, with a gate that widens as it ages. */
class PatrolMemoryTest {
  @Test
  void aSilentUnitIsStillNearItsLastFixForAWhile() {
    PatrolPositions plain = new PatrolPositions(600_000, 60_000);
    PatrolPositions memory = new PatrolPositions(600_000, 60_000, 900_000, 1.5);
    for (long t = 0; t <= 120_000; t += 10_000) {
      plain.add("P-1", t, t / 1000.0, 0);
      memory.add("P-1", t, t / 1000.0, 0);
    }
    // 4 min after the last fix (3 min beyond the 60 s hold), 400 m from it
    long t = 120_000 + 240_000;
    assertThat(plain.nearest(t, 520, 0)).isNull();
    PatrolPositions.Nearest n = memory.nearest(t, 520, 0);
    assertThat(n.unit()).isEqualTo("P-1");
    assertThat(n.distanceM()).isCloseTo(400 - 1.5 * 180, within(1e-6));
    // within the hold nothing changes
    assertThat(memory.nearest(150_000, 120, 0).distanceM()).isCloseTo(plain.nearest(150_000, 120, 0).distanceM(), within(1e-9));
    // after the memory the unit is gone
    assertThat(memory.nearest(120_000 + 901_000, 120, 0)).isNull();
  }
}
