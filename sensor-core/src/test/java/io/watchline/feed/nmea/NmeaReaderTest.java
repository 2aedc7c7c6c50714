package io.watchline.feed.nmea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.FeedReader;
import io.watchline.feed.Feeds;
import io.watchline.feed.TestData;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.sites.SiteRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NmeaReaderTest {

  static FeedReader open(Path p, TestData.Rejects rejects) throws IOException {
    return Feeds.open(p, FeedFormat.AUTO, FeedOptions.defaults(), SiteRegistry.empty(), rejects);
  }

  /**
   * gpsd's expected output: time of day (ms) -> [lat, lon] of every 2D/3D TPV report. Keyed by time
   * of day because gpsd moves some two-digit-year dates by its GPS week rollover guess (neo-m8n
   * comes out in 2034); the dates are checked separately.
   */
  static Map<Long, double[]> gpsdFixes(Path chk) throws IOException {
    ObjectMapper m = new ObjectMapper();
    Map<Long, double[]> out = new TreeMap<>();
    for (String line : Files.readAllLines(chk)) {
      if (!line.startsWith("{")) {
        continue;
      }
      JsonNode n = m.readTree(line);
      if ("TPV".equals(n.path("class").asText()) && n.has("time") && n.has("lat")
          && n.path("mode").asInt() >= 2) {
        out.put(Instant.parse(n.get("time").asText()).toEpochMilli() % 86_400_000L,
            new double[] {n.get("lat").asDouble(), n.get("lon").asDouble()});
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"garmin17n", "bu353s4", "hab-gpspi", "neo-m8n", "rx210", "ublox-f9p-hpnmea",
      "nmea-rtk", "haicom-305N", "bt451", "nmea-fuzzy-cases"})
  void everyFixAgreesWithGpsd(String name) throws IOException {
    TestData.Rejects rejects = new TestData.Rejects();
    FeedReader r = open(TestData.fixture("nmea/" + name + ".log"), rejects);
    assertThat(r.stats().format()).isEqualTo("nmea");
    List<Observation> fixes = TestData.readAll(r);
    Map<Long, double[]> gpsd = gpsdFixes(TestData.fixture("nmea/" + name + ".log.chk"));
    assertThat(fixes).isNotEmpty();
    List<Long> ours = fixes.stream().map(o -> o.t().toEpochMilli() % 86_400_000L).toList();
    // Every epoch gpsd reports is ours. gpsd holds back the last cycle of a session (it never sees
    // the cycle end), so ours may hold up to two more: bt451 has two sessions; haicom-305N has a
    // valid RMC whose GGA of the same epoch used 0 satellites.
    assertThat(ours).as("epochs of %s", name).doesNotHaveDuplicates().containsAll(gpsd.keySet());
    assertThat(ours.size() - gpsd.size()).as("extra epochs of %s", name).isBetween(0, 2);
    for (Observation o : fixes) {
      double[] want = gpsd.get(o.t().toEpochMilli() % 86_400_000L);
      if (want == null) {
        continue;
      }
      assertThat(o.lat()).isCloseTo(want[0], within(1e-8));
      assertThat(o.lon()).isCloseTo(want[1], within(1e-8));
      assertThat(o.kind()).isEqualTo(Kind.PATROL);
      assertThat(o.unit()).isEqualTo(name);
    }
    assertThat(r.stats().skippedByReason()).containsKey("comment line");
    assertThat(r.stats().rejectedCount()).isEqualTo(rejects.all.size());
  }

  @Test
  void garminFirstFixConcreteValues() throws IOException {
    TestData.Rejects rejects = new TestData.Rejects();
    FeedReader r = open(TestData.fixture("nmea/garmin17n.log"), rejects);
    List<Observation> fixes = TestData.readAll(r);
    Observation first = fixes.get(0);
    // $GPRMC,093802,A,5213.1439,N,02100.6511,E,000.0,226.0,160305,...
    assertThat(first.t()).isEqualTo(Instant.parse("2005-03-16T09:38:02Z"));
    assertThat(first.lat()).isCloseTo(52.219065, within(1e-9));
    assertThat(first.lon()).isCloseTo(21.010851667, within(1e-9));
    assertThat(first.courseDeg()).isEqualTo(226.0);
    assertThat(first.src().line()).isEqualTo(10);
    assertThat(r.stats().skippedByReason()).containsEntry("comment line", 9L)
        .containsEntry("nmea sentence not used (GSA)", 2L);
  }

  @Test
  void rx210StartsWithoutFixAndRejectsThoseSentences() throws IOException {
    TestData.Rejects rejects = new TestData.Rejects();
    List<Observation> fixes = TestData.readAll(open(TestData.fixture("nmea/rx210.log"), rejects));
    assertThat(rejects.reasons()).contains("invalid fix (RMC status V)");
    assertThat(rejects.reasons()).allMatch(s -> s.startsWith("invalid fix"));
    assertThat(fixes).hasSizeGreaterThan(20);
  }

  @Test
  void aisLinesAreSkippedNotRejected() throws IOException {
    TestData.Rejects rejects = new TestData.Rejects();
    FeedReader r = open(TestData.fixture("nmea/ais-nmea.log"), rejects);
    List<Observation> fixes = TestData.readAll(r);
    assertThat(r.stats().skippedByReason()).containsEntry("ais sentence (!)", 183L);
    assertThat(fixes).hasSize(164);
    assertThat(rejects.all).isEmpty();
  }

  @Test
  void badChecksumIsRejectedAndNeighboursKept() throws IOException {
    String text = String.join("\n",
        "$GPRMC,093802,A,5213.1439,N,02100.6511,E,000.0,226.0,160305,004.2,E,D*15",
        "$GPRMC,093803,A,5213.1439,N,02100.6511,E,000.0,226.0,160305,004.2,E,D*15",
        "$GPRMC,093804,A,5213.1439,N,02100.6511,E,000.0,226.0,160305,004.2,E,D*13",
        "garbage line",
        "$GPGGA,093805,5213.1439,N,02100.6511,E,2,10,0.9,137.2,M,36.2,M,,*44",
        "");
    TestData.Rejects rejects = new TestData.Rejects();
    FeedReader r = Feeds.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "t.nmea",
        FeedFormat.NMEA, FeedOptions.defaults(), SiteRegistry.empty(), rejects);
    List<Observation> fixes = TestData.readAll(r);
    assertThat(fixes).extracting(o -> o.t().toString())
        .containsExactly("2005-03-16T09:38:02Z", "2005-03-16T09:38:04Z", "2005-03-16T09:38:05Z");
    assertThat(rejects.all).hasSize(2);
    assertThat(rejects.all.get(0).reason()).isEqualTo("bad checksum: computed 14, sentence says 15");
    assertThat(rejects.all.get(0).src().line()).isEqualTo(2);
    assertThat(rejects.all.get(0).src().offset()).isEqualTo(text.indexOf("$GPRMC,093803"));
    assertThat(rejects.all.get(1).reason()).startsWith("not an NMEA sentence");
    assertThat(r.stats().read()).isEqualTo(5);
  }

  @Test
  void ggaBeforeAnyRmcWaitsForItsDateAndRollsOverMidnight() throws IOException {
    String text = NmeaWriterTestSupport.withChecksums(
        "GPGGA,235959.50,4200.0000,N,01900.0000,E,1,08,0.9,100.0,M,30.0,M,,",
        "GPRMC,000000.50,A,4200.0010,N,01900.0000,E,1.0,90.0,281126,,,A");
    TestData.Rejects rejects = new TestData.Rejects();
    FeedReader r = Feeds.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "t.nmea",
        FeedFormat.NMEA, FeedOptions.defaults(), SiteRegistry.empty(), rejects);
    List<Observation> fixes = TestData.readAll(r);
    assertThat(fixes).extracting(o -> o.t().toString())
        .containsExactly("2026-11-27T23:59:59.500Z", "2026-11-28T00:00:00.500Z");
    assertThat(rejects.all).isEmpty();
  }

  @Test
  void ggaWithoutAnyDateIsRejectedUnlessDateGiven() throws IOException {
    String text = NmeaWriterTestSupport.withChecksums(
        "GPGGA,120000,4200.0000,N,01900.0000,E,1,08,0.9,100.0,M,30.0,M,,");
    TestData.Rejects rejects = new TestData.Rejects();
    List<Observation> none = TestData.readAll(Feeds.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)),
        "t.nmea", FeedFormat.NMEA, FeedOptions.defaults(), SiteRegistry.empty(), rejects));
    assertThat(none).isEmpty();
    assertThat(rejects.reasons()).singleElement().asString().contains("give --date");
    List<Observation> one = TestData.readAll(Feeds.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)),
        "t.nmea", FeedFormat.NMEA, FeedOptions.defaults().withDate(LocalDate.of(2026, 11, 27)),
        SiteRegistry.empty(), rejects));
    assertThat(one).singleElement().extracting(o -> o.t().toString()).isEqualTo("2026-11-27T12:00:00Z");
  }
}
