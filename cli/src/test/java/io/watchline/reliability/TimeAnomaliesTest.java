package io.watchline.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.FeedReader;
import io.watchline.feed.Feeds;
import io.watchline.feed.Reject;
import io.watchline.feed.asterix.Cat048Writer;
import io.watchline.fusion.stream.TimeMerge;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.ndjson.NdjsonWriter;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clocks in the field: records around midnight, out of order within a tolerance, clock offsets
 * per sensor. Checked through the real readers and the fuse stage's time merge.
 */
class TimeAnomaliesTest {
  static List<Observation> readAll(FeedReader r) throws Exception {
    List<Observation> out = new ArrayList<>();
    for (Observation o; (o = r.next()) != null; ) {
      out.add(o);
    }
    return out;
  }

  static String nmea(String body) {
    int sum = 0;
    for (char c : body.toCharArray()) {
      sum ^= c;
    }
    return "$" + body + String.format("*%02X\n", sum);
  }

  @Test
  void nmeaGgaAfterMidnightTakesTheNextDay() throws Exception {
    String log = nmea("GPRMC,235959.00,A,4212.000,N,01924.000,E,0.0,0.0,311226,,,A")
        + nmea("GPGGA,235959.00,4212.000,N,01924.000,E,1,08,1.0,10.0,M,40.0,M,,")
        + nmea("GPGGA,000001.00,4212.001,N,01924.001,E,1,08,1.0,10.0,M,40.0,M,,")
        + nmea("GPGGA,000003.00,4212.002,N,01924.002,E,1,08,1.0,10.0,M,40.0,M,,");
    FeedReader r = Feeds.open(new ByteArrayInputStream(log.getBytes(StandardCharsets.US_ASCII)), "p.nmea",
        FeedFormat.NMEA, FeedOptions.defaults(), Targets.SITES, x -> {});
    List<Observation> obs = readAll(r);
    assertThat(obs).extracting(Observation::t).containsExactly(
        Instant.parse("2026-12-31T23:59:59Z"), Instant.parse("2027-01-01T00:00:01Z"),
        Instant.parse("2027-01-01T00:00:03Z"));
  }

  @Test
  void asterixTimeOfDayRollsOverAtMidnightAndTakesTheSiteClockOffset() throws Exception {
    // RDR-07 in the test registry has SAC/SIC 25/201 and clock_offset_ms -500.
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (Cat048Writer w = new Cat048Writer(raw, 25, 201, 0)) {
      w.write(Instant.parse("2026-11-27T23:59:58.000Z"), 5000, 90, 1, Double.NaN, Double.NaN);
      w.write(Instant.parse("2026-11-27T23:59:59.500Z"), 5010, 90, 1, Double.NaN, Double.NaN);
      w.write(Instant.parse("2026-11-28T00:00:01.000Z"), 5020, 90, 1, Double.NaN, Double.NaN);
      w.write(Instant.parse("2026-11-27T23:59:59.750Z"), 5030, 90, 1, Double.NaN, Double.NaN); // late
    }
    FeedReader r = Feeds.open(new ByteArrayInputStream(raw.toByteArray()), "r.ast", FeedFormat.ASTERIX,
        FeedOptions.defaults().withDate(LocalDate.of(2026, 11, 27)), Targets.SITES, x -> {});
    assertThat(readAll(r)).extracting(Observation::t).containsExactly(
        Instant.parse("2026-11-27T23:59:57.500Z"), Instant.parse("2026-11-27T23:59:59.000Z"),
        Instant.parse("2026-11-28T00:00:00.500Z"), Instant.parse("2026-11-27T23:59:59.250Z"));
  }

  static Observation at(String sensor, long ms) {
    return Observation.builder(Instant.ofEpochMilli(ms), Kind.RADAR).sensor(sensor)
        .polar(1000, 90).src(Source.atOffset(sensor, ms)).build();
  }

  static FeedReader feed(List<Observation> obs) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (NdjsonWriter w = new NdjsonWriter(b)) {
      for (Observation o : obs) {
        w.write(o);
      }
    }
    return new NdjsonObservationReader(new ByteArrayInputStream(b.toByteArray()), "f", x -> {});
  }

  @Test
  void outOfOrderWithinTheWindowIsReorderedBeyondItRejectedAndMemoryStaysBounded() throws Exception {
    long t0 = Instant.parse("2026-11-27T23:00:00Z").toEpochMilli();
    List<Observation> a = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      a.add(at("A", t0 + i * 100L));
    }
    a.add(10_000, at("A", t0 + 9_990 * 100L + 50)); // 1 s late: within a 5 s window
    a.add(40_000, at("A", t0 + 30_000 * 100L)); // 1000 s late: beyond it
    List<Observation> b = List.of(at("B", t0 + 50), at("B", t0 + 2_000_050));
    List<Reject> rejects = new ArrayList<>();
    List<Observation> merged = new ArrayList<>();
    try (TimeMerge m = new TimeMerge(List.of(feed(a), feed(b)), rejects::add, 5_000, 1_000)) {
      for (Observation o; (o = m.next()) != null; ) {
        merged.add(o);
      }
      assertThat(m.late()).isEqualTo(1);
    }
    assertThat(merged).hasSize(50_000 + 1 + 2);
    for (int i = 1; i < merged.size(); i++) {
      assertThat(merged.get(i).t()).isAfterOrEqualTo(merged.get(i - 1).t());
    }
    assertThat(rejects).singleElement().satisfies(r -> {
      assertThat(r.reason()).isNotBlank();
      assertThat(r.src().offset()).isEqualTo(t0 + 30_000 * 100L);
    });
  }
}
