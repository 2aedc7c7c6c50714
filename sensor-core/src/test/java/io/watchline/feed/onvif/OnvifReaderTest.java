package io.watchline.feed.onvif;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnvifReaderTest {
  static final Site TC01 = new Site("TC-01", SiteKind.THERMAL, 42.05, 19.30, 12, 135, 40, 0, 3000, -1, -1, 0);
  static final Site TC02 = new Site("TC-02", SiteKind.THERMAL, 42.10, 19.40, 12, 200, 60, 0, 3000, -1, -1, 100);
  static final Site CAMA = new Site("CAM-A", SiteKind.THERMAL, 42.0, 19.0, 10, 90, 60, 0, 2000, -1, -1, 0);
  static final SiteRegistry SITES = new SiteRegistry(List.of(TC01, TC02, CAMA));

  /** The pinhole model's bearing, written out here as the expectation: az + atan(x · tan(fov/2)). */
  static double pinhole(double azimuthDeg, double fovDeg, double x) {
    return azimuthDeg + Math.toDegrees(Math.atan(x * Math.tan(Math.toRadians(fovDeg / 2))));
  }

  static FeedReader open(Path p, FeedOptions o, SiteRegistry s, TestData.Rejects rj) throws IOException {
    return Feeds.open(p, FeedFormat.AUTO, o, s, rj);
  }

  @Test
  void specExampleGivesBearingFromTransformedBoxCentre() throws IOException {
    TestData.Rejects rj = new TestData.Rejects();
    FeedReader r = open(TestData.realdata("feeds/onvif/analytics_spec_example_frame_human.xml"),
        FeedOptions.defaults().withSensor("CAM-A"), SITES, rj);
    List<Observation> obs = TestData.readAll(r);
    assertThat(r.stats().format()).isEqualTo("onvif");
    assertThat(obs).singleElement().satisfies(o -> {
      assertThat(o.kind()).isEqualTo(Kind.THERMAL);
      assertThat(o.t()).isEqualTo(Instant.parse("2021-10-05T15:13:27.321Z"));
      assertThat(o.sensor()).isEqualTo("CAM-A");
      assertThat(o.track()).isEqualTo("CAM-A/15");
      assertThat(o.cls()).isEqualTo("human");
      assertThat(o.conf()).isEqualTo(0.8);
      // box centre x = 60 px; x * 0.003125 - 1 = -0.8125; pinhole lens (the default):
      // 90 + atan(-0.8125 * tan(30°)) = 64.86°, not the linear 90 + (-0.8125) * 30 = 65.625
      double pinhole = 90 + Math.toDegrees(Math.atan(-0.8125 * Math.tan(Math.toRadians(30))));
      assertThat(o.bearingDeg()).isCloseTo(pinhole, within(1e-9));
      assertThat(o.rangeM()).isNaN();
      assertThat(o.src().line()).isEqualTo(12);
    });
  }

  @Test
  void candidateFormWithTransformationEmptyFrameAndGeoLocation() throws IOException {
    TestData.Rejects rj = new TestData.Rejects();
    FeedReader r = open(TestData.fixture("onvif/thermal-TC-01-candidates.xml"), FeedOptions.defaults(), SITES, rj);
    List<Observation> obs = TestData.readAll(r);
    assertThat(rj.all).isEmpty();
    assertThat(obs).hasSize(3);
    assertThat(r.stats().skippedByReason()).containsEntry("onvif frame without objects", 1L);
    Observation a = obs.get(0);
    assertThat(a.t()).isEqualTo(Instant.parse("2026-11-27T23:14:05.250Z"));
    assertThat(a.track()).isEqualTo("TC-01/7");
    assertThat(a.cls()).isEqualTo("human");
    assertThat(a.conf()).isEqualTo(0.7);
    assertThat(a.bearingDeg()).isCloseTo(pinhole(135, 40, 0.125), within(1e-9)); // box centre 360 px; linear: 137.5
    assertThat(obs.get(1).cls()).isEqualTo("vehicle");
    assertThat(obs.get(1).bearingDeg()).isCloseTo(pinhole(135, 40, -0.9375), within(1e-9)); // 20 px; linear: 116.25
    Observation g = obs.get(2);
    assertThat(g.lat()).isEqualTo(42.0712);
    assertThat(g.lon()).isEqualTo(19.3311);
    assertThat(g.rangeM()).isCloseTo(Geodesy.distance(42.05, 19.30, 42.0712, 19.3311), within(1e-6));
    assertThat(g.bearingDeg()).isCloseTo(Geodesy.bearing(42.05, 19.30, 42.0712, 19.3311), within(1e-9));
  }

  @Test
  void aFrameWithoutObjectsIsTheCamerasSignOfLife() throws IOException {
    List<io.watchline.feed.SensorStatus> seen = new java.util.ArrayList<>();
    FeedReader r = open(TestData.fixture("onvif/thermal-TC-01-candidates.xml"),
        FeedOptions.defaults().withStatus(seen::add), SITES, new TestData.Rejects());
    assertThat(TestData.readAll(r)).hasSize(3); // observations unchanged
    // the second of three frames (line 45) has nothing in it: the camera was up, and says so
    assertThat(seen).singleElement().satisfies(st -> {
      assertThat(st.sensor()).isEqualTo("TC-01");
      assertThat(st.sign()).isEqualTo("empty analytics frame");
      assertThat(st.t()).isEqualTo(Instant.parse("2026-11-27T23:14:05.750Z"));
      assertThat(st.src().line()).isEqualTo(45);
    });
  }

  @Test
  void typeFormZonelessTimeAndSensorOptionWithClockOffset() throws IOException {
    TestData.Rejects rj = new TestData.Rejects();
    List<Observation> obs = TestData.readAll(open(TestData.fixture("onvif/thermal-TC-02-types.xml"),
        FeedOptions.defaults().withSensor("TC-02"), SITES, rj));
    assertThat(obs).hasSize(2);
    assertThat(obs.get(0).t()).isEqualTo(Instant.parse("2026-11-28T02:00:00.100Z"));
    assertThat(obs.get(0).cls()).isEqualTo("vehicle");
    assertThat(obs.get(0).conf()).isEqualTo(0.91);
    assertThat(obs.get(0).bearingDeg()).isCloseTo(pinhole(200, 60, -0.5), within(1e-9)); // linear: 185
    assertThat(obs.get(1).bearingDeg()).isCloseTo(pinhole(200, 60, 0.9), within(1e-9)); // linear: 227
  }

  @Test
  void withoutASiteObjectsAreRejectedWithAReason() throws IOException {
    TestData.Rejects rj = new TestData.Rejects();
    FeedReader r = open(TestData.fixture("onvif/thermal-TC-02-types.xml"), FeedOptions.defaults(), SITES, rj);
    assertThat(TestData.readAll(r)).isEmpty();
    assertThat(rj.reasons()).hasSize(2).allMatch(s -> s.startsWith(
        "no camera site for source 'VideoSourceToken_2' (give --sensor SITE"));
  }

  @Test
  void documentCutInTheMiddleKeepsObjectsBefore() throws IOException {
    byte[] all = Files.readAllBytes(TestData.fixture("onvif/thermal-TC-01-candidates.xml"));
    String s = new String(all, java.nio.charset.StandardCharsets.UTF_8);
    int cut = s.indexOf("<tt:Object ObjectId=\"8\">") + 60;
    TestData.Rejects rj = new TestData.Rejects();
    FeedReader r = Feeds.open(new ByteArrayInputStream(all, 0, cut), "cut.xml", FeedFormat.AUTO,
        FeedOptions.defaults(), SITES, rj);
    List<Observation> obs = TestData.readAll(r);
    assertThat(obs).hasSize(1);
    assertThat(rj.all).singleElement().satisfies(x -> {
      assertThat(x.reason()).startsWith("malformed or truncated XML");
      assertThat(x.src().line()).isEqualTo(31); // the cut object's start tag
    });
    assertThat(r.stats().read()).isEqualTo(2);
  }

  /** One document read alone: its observations and rejects, for the stream test to compare with. */
  private record Read(List<Observation> obs, List<io.watchline.feed.Reject> rejects, long read) {}

  private static Read read(byte[] bytes) throws IOException {
    TestData.Rejects rj = new TestData.Rejects();
    FeedReader r = Feeds.open(new ByteArrayInputStream(bytes), "s.xml", FeedFormat.AUTO,
        FeedOptions.defaults(), SITES, rj);
    List<Observation> obs = TestData.readAll(r);
    return new Read(obs, rj.all, r.stats().read());
  }

  private static long lines(byte[] b) {
    long n = 0;
    for (byte c : b) {
      n += c == '\n' ? 1 : 0;
    }
    return n;
  }

  @Test
  void aRecordedStreamOfDocumentsIsReadWholeAndABrokenOneCostsOnlyItself() throws IOException {
    byte[] a = Files.readAllBytes(TestData.fixture("onvif/thermal-TC-01-candidates.xml"));
    byte[] b = Files.readAllBytes(TestData.fixture("onvif/thermal-TC-02-types.xml"));
    byte[] broken = ("<?xml version=\"1.0\"?>\n<tt:MetadataStream xmlns:tt=\"http://www.onvif.org/ver10/schema\">\n"
        + "<tt:VideoAnalytics><tt:Frame UtcTime=\"2026-11-27T23:15:00Z\" Source=\"TC-01\">\n"
        + "<tt:Object ObjectId=\"9\"></tt:Frame></tt:MetadataStream>\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    // The last document without its XML declaration: cut after the previous root's closing tag.
    String aText = new String(a, java.nio.charset.StandardCharsets.UTF_8);
    byte[] bare = aText.substring(aText.indexOf('\n') + 1).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[][] docs = {a, b, broken, bare};
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    for (byte[] d : docs) {
      all.write(d);
    }
    Read whole = read(all.toByteArray());

    List<Observation> expected = new java.util.ArrayList<>();
    List<Long> expectedLines = new java.util.ArrayList<>();
    List<Long> expectedOffsets = new java.util.ArrayList<>();
    List<Long> expectedRejectLines = new java.util.ArrayList<>();
    long read = 0;
    long byteBase = 0;
    long lineBase = 0;
    for (byte[] d : docs) {
      if (d != broken) {
        Read alone = read(d);
        read += alone.read();
        for (Observation o : alone.obs()) {
          expected.add(o);
          expectedLines.add(o.src().line() + lineBase);
          expectedOffsets.add(o.src().offset() + byteBase);
        }
        for (io.watchline.feed.Reject x : alone.rejects()) {
          expectedRejectLines.add(x.src().line() + lineBase);
        }
      } else {
        read += 1; // the broken object
        expectedRejectLines.add(lineBase + 4); // where the mismatched end tag is found
      }
      byteBase += d.length;
      lineBase += lines(d);
    }
    assertThat(whole.obs()).hasSize(expected.size()).hasSizeGreaterThan(4);
    assertThat(whole.obs()).extracting(Observation::t).containsExactlyElementsOf(expected.stream().map(Observation::t).toList());
    assertThat(whole.obs()).extracting(Observation::bearingDeg)
        .containsExactlyElementsOf(expected.stream().map(Observation::bearingDeg).toList());
    assertThat(whole.obs()).extracting(o -> o.src().line()).containsExactlyElementsOf(expectedLines);
    assertThat(whole.obs()).extracting(o -> o.src().offset()).containsExactlyElementsOf(expectedOffsets);
    assertThat(whole.rejects()).extracting(x -> x.src().line()).containsExactlyElementsOf(expectedRejectLines);
    assertThat(whole.rejects()).filteredOn(x -> x.reason().startsWith("malformed or truncated XML")).hasSize(1);
    assertThat(whole.read()).isEqualTo(read); // objects, rejects and empty frames of every document
  }
}
