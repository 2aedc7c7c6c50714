package io.watchline.feed.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.FeedReader;
import io.watchline.feed.Feeds;
import io.watchline.feed.TestData;
import io.watchline.geo.geodesy.Geodesy;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.sites.Site;
import io.watchline.sites.SiteKind;
import io.watchline.sites.SiteRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportReaderTest {
  static final Site RDR = new Site("RDR-07", SiteKind.RADAR, 42.36, 19.60, 8, 0, 360, 50, 12000, -1, -1, -500);
  static final Site TC = new Site("TC-01", SiteKind.THERMAL, 42.05, 19.30, 12, 135, 40, 0, 3000, -1, -1, 0);
  static final SiteRegistry SITES = new SiteRegistry(List.of(RDR, TC));

  static FeedReader open(String text, TestData.Rejects rj) throws IOException {
    return Feeds.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "export", FeedFormat.AUTO,
        FeedOptions.defaults(), SITES, rj);
  }

  @Test
  void radarCsvIsPlacedWithItsSiteAndBadRowsAreRejectedInPlace() throws IOException {
    String csv = String.join("\n",
        "Timestamp,Sensor,Range_m,Bearing_deg,Track_ID,Speed,Heading,Extra",
        "2026-11-27T23:14:05.250Z,RDR-07,5230,131.2,4711,1.3,210,x",
        "2026-11-27T23:14:06.250Z,RDR-07,5231,131.3,4711,1.3",
        "2026-11-27 23:14:07.250,RDR-07,5232,131.4,\"47,11\",1.3,210,x",
        "yesterday,RDR-07,5233,131.5,4711,1.3,210,x",
        "1795821250250,RDR-07,5234,131.6,4711,1.3,210,x", "");
    TestData.Rejects rj = new TestData.Rejects();
    FeedReader r = open(csv, rj);
    List<Observation> obs = TestData.readAll(r);
    assertThat(r.stats().format()).isEqualTo("csv");
    assertThat(obs).hasSize(3);
    Observation a = obs.get(0);
    assertThat(a.kind()).isEqualTo(Kind.RADAR);
    assertThat(a.t()).isEqualTo(Instant.parse("2026-11-27T23:14:04.750Z")); // clock offset -500 ms
    assertThat(a.track()).isEqualTo("RDR-07/4711");
    Geodesy.LatLon ll = Geodesy.direct(42.36, 19.60, 131.2, 5230);
    assertThat(a.lat()).isCloseTo(ll.lat(), within(1e-12));
    assertThat(a.lon()).isCloseTo(ll.lon(), within(1e-12));
    assertThat(obs.get(1).track()).isEqualTo("RDR-07/47,11");
    assertThat(obs.get(1).t()).isEqualTo(Instant.parse("2026-11-27T23:14:06.750Z"));
    assertThat(obs.get(2).t()).isEqualTo(Instant.ofEpochMilli(1795821250250L - 500));
    assertThat(rj.reasons()).containsExactly("row has 6 columns, the header has 8",
        "time 'yesterday' is neither ISO-8601 nor epoch seconds/ms");
    assertThat(rj.all.get(0).src().line()).isEqualTo(3);
    assertThat(r.stats().read()).isEqualTo(6); // header + 5 rows
  }

  @Test
  void thermalSemicolonCsvTurnsBoxCentreIntoBearing() throws IOException {
    String csv = "time;camera;bbox_cx;class;confidence\n2026-11-27T23:00:00Z;TC-01;0.5;Human;87\n";
    TestData.Rejects rj = new TestData.Rejects();
    List<Observation> obs = TestData.readAll(open(csv, rj));
    assertThat(obs).singleElement().satisfies(o -> {
      assertThat(o.kind()).isEqualTo(Kind.THERMAL);
      // pinhole lens: 135 + atan(0.5 · tan(20°)); the linear form would say 145
      assertThat(o.bearingDeg()).isCloseTo(135 + Math.toDegrees(Math.atan(0.5 * Math.tan(Math.toRadians(20)))), within(1e-9));
      assertThat(o.cls()).isEqualTo("human");
      assertThat(o.conf()).isCloseTo(0.87, within(1e-12));
    });
  }

  @Test
  void patrolNdjsonExportWithItsOwnFieldNames() throws IOException {
    String nd = "{\"timestamp\":\"2026-11-27T22:00:00Z\",\"callsign\":\"PATROL-12\",\"latitude\":42.1,\"longitude\":19.5}\n"
        + "{\"timestamp\":\"2026-11-27T22:00:05Z\",\"callsign\":\"PATROL-12\"}\n"
        + "not json\n";
    TestData.Rejects rj = new TestData.Rejects();
    FeedReader r = open(nd, rj);
    List<Observation> obs = TestData.readAll(r);
    assertThat(r.stats().format()).isEqualTo("ndjson export");
    assertThat(obs).singleElement().satisfies(o -> {
      assertThat(o.kind()).isEqualTo(Kind.PATROL);
      assertThat(o.unit()).isEqualTo("PATROL-12");
      assertThat(o.lat()).isEqualTo(42.1);
    });
    assertThat(rj.reasons()).containsExactly("no position: neither lat/lon nor a bearing", "invalid JSON");
  }
}
