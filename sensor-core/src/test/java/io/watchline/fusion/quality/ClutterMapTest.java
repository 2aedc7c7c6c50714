package io.watchline.fusion.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClutterMapTest {
  private static final long BIN = 10 * 60_000L;

  private static void echo(ClutterMap m, double x, double y, long fromMs, long toMs) {
    for (long t = fromMs; t < toMs; t += 4_000) m.plot(x, y, t); // a turbine's echo every other 2 s scan
  }

  @Test
  void anEchoAllNightBecomesClutterAfterEightBinsAndALoiterDoesNot() {
    ClutterMap m = new ClutterMap(QualityConfig.defaults());
    echo(m, 1000, 1000, 0, 7 * BIN);
    assertThat(m.isClutter(1000, 1000)).isFalse(); // 70 min: could be a group staying
    echo(m, 1000, 1000, 7 * BIN, 8 * BIN);
    assertThat(m.isClutter(1000, 1000)).isTrue();
    assertThat(m.isClutter(1200, 1100)).isTrue(); // the next cell: echoes jitter over the border of cells
    assertThat(m.isClutter(2000, 1000)).isFalse();
    assertThat(m.clutterCells()).isEqualTo(1);
  }

  @Test
  void aLoiterersStayWithItsWalkInAndOutIsNotClutterWhateverBinsItTouches() {
    // seed 23: plots every 2 s scan for 43 min from minute 9, the walk in and out in the same cell
    // for 3 min each: seven bins touched, six of them with 20+ plots
    ClutterMap m = new ClutterMap(QualityConfig.defaults());
    for (long t = 6 * 60_000L; t < 55 * 60_000L; t += 2_000) m.plot(500, 500, t);
    assertThat(m.isClutter(500, 500)).isFalse();
  }

  @Test
  void aQuietBinStartsTheCountAgain() {
    ClutterMap m = new ClutterMap(QualityConfig.defaults());
    echo(m, 0, 0, 0, 3 * BIN);
    echo(m, 0, 0, 4 * BIN, 9 * BIN); // one bin without plots in between
    assertThat(m.isClutter(0, 0)).isFalse();
    echo(m, 0, 0, 9 * BIN, 12 * BIN);
    assertThat(m.isClutter(0, 0)).isTrue();
  }

  @Test
  void theMapKeepsItsCellsWhenItGrowsAndCellsOnBothSidesOfTheOriginAreApart() {
    ClutterMap m = new ClutterMap(QualityConfig.defaults());
    echo(m, -1000, -1000, 0, 8 * BIN);
    for (int i = 0; i < 20_000; i++) m.plot(5000 + 300.0 * (i % 200), 5000 + 300.0 * (i / 200), 8 * BIN); // 20 000 cells
    assertThat(m.isClutter(-1000, -1000)).isTrue();
    assertThat(m.isClutter(1000, 1000)).isFalse();
    assertThat(m.isClutter(-1000, 1000)).isFalse();
    assertThat(m.clutterCells()).isEqualTo(1);
  }
}
