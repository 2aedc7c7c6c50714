package io.watchline.feed.asterix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimeAnchorTest {
  static final Instant MIDDLE = Instant.parse("2026-11-28T00:00:00Z"); // of a 17:00Z–07:00Z window

  static Instant at(TimeAnchor a, String tod, long contextMs) {
    long nanos = java.time.LocalTime.parse(tod).toNanoOfDay();
    return Instant.ofEpochSecond(0, a.anchorNanos(nanos, contextMs));
  }

  @Test
  void aFileStartingOnEitherSideOfMidnightLandsInTheWindow() {
    assertThat(at(new TimeAnchor(null, MIDDLE), "17:30", -1)).isEqualTo("2026-11-27T17:30:00Z");
    assertThat(at(new TimeAnchor(null, MIDDLE), "06:30", -1)).isEqualTo("2026-11-28T06:30:00Z");
    // one recording through midnight rolls over
    TimeAnchor a = new TimeAnchor(null, MIDDLE);
    assertThat(at(a, "23:59:59", -1)).isEqualTo("2026-11-27T23:59:59Z");
    assertThat(at(a, "00:00:01", -1)).isEqualTo("2026-11-28T00:00:01Z");
  }

  @Test
  void aGivenDateAndPcapTimesWinOverTheWindow() {
    assertThat(at(new TimeAnchor(LocalDate.parse("2026-11-20"), MIDDLE), "06:30", -1)).isEqualTo("2026-11-20T06:30:00Z");
    long pcap = Instant.parse("2026-10-01T06:30:02Z").toEpochMilli();
    assertThat(at(new TimeAnchor(null, MIDDLE), "06:30", pcap)).isEqualTo("2026-10-01T06:30:00Z");
  }
}
