package io.watchline.fusion.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.incident.TrackPoint;
import io.watchline.observation.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpillTest {
  @Test
  void pointsAndSourcesComeBackExactly() throws Exception {
    List<TrackPoint> points = new ArrayList<>();
    List<Source> sources = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      points.add(new TrackPoint(19.0 + i * 1e-7, 42.0 - i * 3e-8, Instant.ofEpochSecond(1_795_000_000L + i, i * 1001)));
      sources.add(i % 7 == 0 ? Source.atOffset(null, i) : Source.atLine(i % 2 == 0 ? "radar.ndjson" : "thermal.xml", i * 97L, i));
    }
    try (Spill spill = Spill.temporary()) {
      List<TrackPoint> p = spill.points(points);
      List<Source> s = spill.sources(sources);
      List<Source> none = spill.sources(List.of());
      assertThat(p).hasSize(5000).isEqualTo(points);
      assertThat(s).hasSize(5000).isEqualTo(sources);
      assertThat(none).isEmpty();
    }
  }

  @Test
  void unionKeepsFirstSeenOrderWithoutDuplicates() {
    Source a = Source.atLine("f", 0, 1), b = Source.atLine("f", 10, 2), c = Source.atLine("g", 0, 1);
    List<Source> u = Spill.union(List.of(List.of(a, b), List.of(b, c, a), List.of()));
    assertThat(u).containsExactly(a, b, c);
  }
}
