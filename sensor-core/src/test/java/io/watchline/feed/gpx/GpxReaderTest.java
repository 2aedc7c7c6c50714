package io.watchline.feed.gpx;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.FeedReader;
import io.watchline.feed.Feeds;
import io.watchline.feed.TestData;
import io.watchline.observation.Observation;
import io.watchline.sites.SiteRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpxReaderTest {

  static FeedReader open(String fixture, TestData.Rejects rejects) throws IOException {
    return Feeds.open(TestData.fixture(fixture), FeedFormat.AUTO, FeedOptions.defaults(),
        SiteRegistry.empty(), rejects);
  }

  @Test
  void gpx11GarminTrackOnOneLine() throws IOException {
    TestData.Rejects rejects = new TestData.Rejects();
    FeedReader r = open("gpx/around-visnjan-with-car.gpx", rejects);
    List<Observation> pts = TestData.readAll(r);
    assertThat(r.stats().format()).isEqualTo("gpx");
    assertThat(pts).hasSize(104);
    assertThat(rejects.all).isEmpty();
    Observation first = pts.get(0);
    assertThat(first.t()).isEqualTo(Instant.parse("2020-12-18T06:15:50Z"));
    assertThat(first.lat()).isEqualTo(45.2735188510);
    assertThat(first.lon()).isEqualTo(13.7142099626);
    assertThat(first.unit()).isEqualTo("around-visnjan-with-car");
    assertThat(first.src().line()).isEqualTo(1);
    assertThat(pts).isSortedAccordingTo(java.util.Comparator.comparing(Observation::t));
  }

  @Test
  void gpx10PointsWithoutTimeAreRejected() throws IOException {
    TestData.Rejects rejects = new TestData.Rejects();
    FeedReader r = open("gpx/korita-zbevnica.gpx", rejects);
    List<Observation> pts = TestData.readAll(r);
    assertThat(pts).hasSize(513);
    assertThat(rejects.all).hasSize(360);
    assertThat(rejects.reasons()).containsOnly("trkpt without time", "wpt without time");
    assertThat(rejects.reasons()).filteredOn("wpt without time"::equals).hasSize(2);
    assertThat(pts.get(0).t()).isEqualTo(Instant.parse("2010-10-03T09:36:30Z"));
    assertThat(pts.get(0).lat()).isEqualTo(45.452595614);
    assertThat(pts.get(0).src().line()).isEqualTo(1113);
    assertThat(pts.get(512).t()).isEqualTo(Instant.parse("2010-10-03T13:19:31Z"));
    assertThat(r.stats().read()).isEqualTo(873);
  }

  @Test
  void allFieldsFileReadsWaypointsAndZonelessTimeAsUtc() throws IOException {
    TestData.Rejects rejects = new TestData.Rejects();
    List<Observation> pts = TestData.readAll(open("gpx/gpx1.1_with_all_fields.gpx", rejects));
    assertThat(pts).extracting(o -> o.t().toString())
        .containsExactly("2013-01-02T02:03:00Z", "2013-01-01T12:00:04Z");
    assertThat(pts.get(1).lat()).isEqualTo(10.1);
    assertThat(pts.get(1).lon()).isEqualTo(-20.2);
    assertThat(rejects.reasons()).containsExactly("wpt without time");
    assertThat(rejects.all.get(0).src().line()).isEqualTo(58);
  }

  @Test
  void documentCutInTheMiddleKeepsEveryPointBeforeTheCut() throws IOException {
    byte[] whole = Files.readAllBytes(TestData.fixture("gpx/around-visnjan-with-car.gpx"));
    String text = new String(whole, StandardCharsets.UTF_8);
    int cut = text.indexOf("<trkpt", text.indexOf("<trkpt") + 1 + 60 * 100) + 30;
    TestData.Rejects rejects = new TestData.Rejects();
    FeedReader r = Feeds.open(new ByteArrayInputStream(whole, 0, cut), "cut.gpx", FeedFormat.AUTO,
        FeedOptions.defaults(), SiteRegistry.empty(), rejects);
    List<Observation> pts = TestData.readAll(r);
    long before = text.substring(0, cut).split("<trkpt", -1).length - 2; // the last one is cut
    assertThat(pts).hasSize((int) before);
    assertThat(rejects.all).singleElement().satisfies(
        rj -> assertThat(rj.reason()).startsWith("malformed or truncated XML at line 1"));
    assertThat(r.stats().read()).isEqualTo(before + 1);
  }

  @Test
  void dtdAndExternalEntitiesAreNotFollowed() throws IOException {
    String evil = "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<gpx version=\"1.1\"><wpt lat=\"1\" lon=\"2\"><time>2020-01-01T00:00:00Z</time><name>&x;</name></wpt></gpx>";
    TestData.Rejects rejects = new TestData.Rejects();
    FeedReader r = Feeds.open(new ByteArrayInputStream(evil.getBytes(StandardCharsets.UTF_8)), "evil.gpx",
        FeedFormat.AUTO, FeedOptions.defaults(), SiteRegistry.empty(), rejects);
    List<Observation> pts = TestData.readAll(r);
    assertThat(pts).isEmpty();
    assertThat(rejects.all).singleElement().satisfies(rj -> assertThat(rj.reason()).contains("XML"));
  }
}
