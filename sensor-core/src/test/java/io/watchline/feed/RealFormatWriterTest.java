package io.watchline.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RealFormatWriterTest {
  @Test
  void mixedNightGoesToOneFilePerSensorAndReadsBack() throws IOException {
    Map<String, ByteArrayOutputStream> files = new HashMap<>();
    Random rnd = new Random(11);
    Instant t0 = Instant.parse("2026-11-27T23:30:00Z");
    int radar = 0;
    int thermal = 0;
    int patrol = 0;
    try (RealFormatWriter w = new RealFormatWriter(WritersRoundTripTest.SITES, RealFormatWriter.PatrolFormat.GPX,
        name -> files.computeIfAbsent(name, n -> new ByteArrayOutputStream()))) {
      for (int i = 0; i < 900; i++) {
        Instant t = t0.plusSeconds(i * 4L);
        Observation o = switch (i % 3) {
          case 0 -> Observation.builder(t, Kind.RADAR).sensor("RDR-01").polar(2000 + i, i % 360).build();
          case 1 -> Observation.builder(t, Kind.THERMAL).sensor("TC-01").polar(Double.NaN, 120 + rnd.nextDouble() * 30)
              .cls("human").conf(0.9).build();
          default -> Observation.builder(t, Kind.PATROL).unit(i % 2 == 0 ? "P-1" : "P-2")
              .position(42.1 + i * 1e-5, 19.4).build();
        };
        assertThat(w.write(o)).isTrue();
        switch (o.kind()) {
          case RADAR -> radar++;
          case THERMAL -> thermal++;
          default -> patrol++;
        }
      }
      // not representable: a radar that sends no ASTERIX id, a camera bearing behind the camera
      assertThat(w.write(Observation.builder(t0, Kind.RADAR).sensor("NOPE").polar(1, 1).build())).isFalse();
      assertThat(w.write(Observation.builder(t0, Kind.THERMAL).sensor("TC-01").polar(Double.NaN, 300).build())).isFalse();
      assertThat(w.skipped()).isEqualTo(2);
      assertThat(w.files()).containsExactly("radar-RDR-01.ast", "thermal-TC-01.xml", "patrol-P-1.gpx", "patrol-P-2.gpx");
    }
    Map<Kind, Integer> back = new HashMap<>();
    for (Map.Entry<String, ByteArrayOutputStream> f : files.entrySet()) {
      TestData.Rejects rj = new TestData.Rejects();
      List<Observation> obs = TestData.readAll(Feeds.open(new ByteArrayInputStream(f.getValue().toByteArray()),
          f.getKey(), FeedFormat.AUTO, FeedOptions.defaults().withDate(LocalDate.of(2026, 11, 27)),
          WritersRoundTripTest.SITES, rj));
      assertThat(rj.all).as(f.getKey()).isEmpty();
      obs.forEach(o -> back.merge(o.kind(), 1, Integer::sum));
    }
    assertThat(back).containsEntry(Kind.RADAR, radar).containsEntry(Kind.THERMAL, thermal).containsEntry(Kind.PATROL, patrol);
  }
}
