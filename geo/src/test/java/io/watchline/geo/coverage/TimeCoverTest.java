package io.watchline.geo.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeCoverTest {
  static final long H = 3_600_000L;
  static final long T0 = Instant.parse("2026-11-20T00:00:00Z").toEpochMilli();

  static CoverageOptions opts(int from, int to) {
    CoverageOptions d = CoverageOptions.defaults(T0, T0 + 48 * H);
    return new CoverageOptions(d.windowStartMillis(), d.windowEndMillis(), from, to, d.targetHeightM(), d.cellM(),
        d.sampleM(), d.sweepM(), 4 * H, d.minGapM(), d.pdAtMaxRange(), d.minPd(), 0, 2000, 10, 6000, 8000);
  }

  @Test
  void nightHoursWrapPastMidnight() {
    TimeCover t = new TimeCover(opts(18, 6));
    assertThat(t.countedMillis()).isEqualTo(24 * H);
    assertThat(t.counted(T0 + 3 * H)).isTrue();
    assertThat(t.counted(T0 + 12 * H)).isFalse();
    assertThat(t.counted(T0 + 20 * H)).isTrue();
  }

  @Test
  void neverVisitedIsUnwatchedAllTheCountedTime() {
    TimeCover t = new TimeCover(opts(-1, -1));
    assertThat(t.unwatchedMillis(new long[0], 0)).isEqualTo(48 * H);
    TimeCover nights = new TimeCover(opts(18, 6));
    // counted: 00-06, 18-24, 00-06, 18-24
    assertThat(nights.unwatchedMillis(new long[0], 0)).isEqualTo(24 * H);
  }

  @Test
  void visitsEveryFewHoursLeaveOnlyTheExcessOverTheRevisitTime() {
    TimeCover t = new TimeCover(opts(-1, -1));
    long[] visits = {T0 + 3 * H, T0 + 10 * H, T0 + 13 * H};
    // unwatched 0-3 (3h), watched to 7h, unwatched 7-10 (3h), watched to 17h, unwatched 17-48 (31h)
    assertThat(t.unwatchedMillis(visits, 3)).isEqualTo(37 * H);
    assertThat(t.worstGapMillis(visits, 3)).isEqualTo(35 * H);
  }

  @Test
  void worstGapCountsOnlyCountedHours() {
    TimeCover nights = new TimeCover(opts(18, 6));
    long[] visits = {T0 + 2 * H, T0 + 20 * H};
    // 02->20: 4 h + 2 h; 20->end: 4 + 6 + 6 = 16 h
    assertThat(nights.worstGapMillis(visits, 2)).isEqualTo(16 * H);
  }
}
