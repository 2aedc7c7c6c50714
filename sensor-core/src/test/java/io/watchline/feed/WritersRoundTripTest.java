package io.watchline.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.watchline.feed.asterix.Cat048Writer;
import io.watchline.feed.cot.CotWriter;
import io.watchline.feed.gpx.GpxWriter;
import io.watchline.feed.nmea.NmeaWriter;
import io.watchline.feed.onvif.OnvifWriter;
import io.watchline.geo.geodesy.Geodesy;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.sites.Site;
import io.watchline.sites.SiteKind;
import io.watchline.sites.SiteRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Observations -> real format -> reader gives them back: positions within 1 m (or the format's
 * own resolution where that is coarser: CAT048 range is 1/256 NM = 7.2 m), times within the
 * format's resolution. The night runs through midnight.
 */
class WritersRoundTripTest {
  static final Instant START = Instant.parse("2026-11-27T23:50:00Z");
  static final Site RADAR = new Site("RDR-01", SiteKind.RADAR, 42.3601, 19.6022, 8, 0, 360, 50, 12000, 25, 11, 1500);
  static final Site CAMERA = new Site("TC-01", SiteKind.THERMAL, 42.05, 19.30, 12, 135, 40, 0, 3000, -1, -1, -250);
  static final SiteRegistry SITES = new SiteRegistry(List.of(RADAR, CAMERA));

  static List<Observation> read(byte[] b, FeedOptions o) throws IOException {
    TestData.Rejects rj = new TestData.Rejects();
    List<Observation> out = TestData.readAll(Feeds.open(new ByteArrayInputStream(b), "rt", FeedFormat.AUTO, o, SITES, rj));
    assertThat(rj.all).isEmpty();
    return out;
  }

  static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  @Test
  void cat048() throws IOException {
    Random rnd = new Random(48);
    List<Observation> in = new ArrayList<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Cat048Writer w = Cat048Writer.forSite(bytes, RADAR)) {
      for (int i = 0; i < 500; i++) {
        Observation o = Observation.builder(START.plusMillis(i * 2400L + rnd.nextInt(1000)), Kind.RADAR)
            .sensor("RDR-01").polar(50 + rnd.nextDouble() * 11_950, rnd.nextDouble() * 360)
            .track("RDR-01/" + rnd.nextInt(4096)).velocity(rnd.nextDouble() * 30, rnd.nextDouble() * 360).build();
        in.add(o);
        w.write(o, RADAR);
      }
    }
    List<Observation> out = read(bytes.toByteArray(), FeedOptions.defaults().withDate(LocalDate.of(2026, 11, 27)));
    assertThat(out).hasSize(in.size());
    assertThat(out.get(out.size() - 1).t()).isAfter(Instant.parse("2026-11-28T00:00:00Z"));
    for (int i = 0; i < in.size(); i++) {
      Observation a = in.get(i);
      Observation b = out.get(i);
      assertThat(Math.abs(nanos(b.t()) - nanos(a.t()))).isLessThanOrEqualTo(3_906_250L); // 1/256 s
      assertThat(b.rangeM()).isCloseTo(a.rangeM(), within(1852.0 / 512 + 1e-9));
      double db = Math.abs(((b.bearingDeg() - a.bearingDeg()) % 360 + 540) % 360 - 180);
      assertThat(db).isLessThanOrEqualTo(360.0 / 131072 + 1e-9);
      assertThat(b.track()).isEqualTo(a.track());
      assertThat(b.sensor()).isEqualTo("RDR-01");
      Geodesy.LatLon ll = RADAR.place(a.rangeM(), a.bearingDeg());
      // half a range step plus half a bearing step at 12 km
      assertThat(Geodesy.distance(ll.lat(), ll.lon(), b.lat(), b.lon())).isLessThan(3.7 + 0.6);
      assertThat(b.speedMps()).isCloseTo(a.speedMps(), within(1852.0 / 32768 + 1e-9));
    }
  }

  static List<Observation> patrol(long seed) {
    Random rnd = new Random(seed);
    List<Observation> in = new ArrayList<>();
    double lat = 42.1;
    double lon = 19.4;
    for (int i = 0; i < 400; i++) {
      lat += (rnd.nextDouble() - 0.5) * 1e-4;
      lon += (rnd.nextDouble() - 0.5) * 1e-4;
      in.add(Observation.builder(START.plusMillis(i * 3010L + rnd.nextInt(3)), Kind.PATROL)
          .unit("PATROL-12").sensor("PATROL-12").position(lat, lon).velocity(rnd.nextDouble() * 2, rnd.nextDouble() * 360)
          .build());
    }
    return in;
  }

  @Test
  void nmea() throws IOException {
    List<Observation> in = patrol(1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (NmeaWriter w = new NmeaWriter(bytes)) {
      for (Observation o : in) {
        w.write(o);
      }
    }
    List<Observation> out = read(bytes.toByteArray(), FeedOptions.defaults().withSensor("PATROL-12"));
    assertThat(out).hasSize(in.size());
    for (int i = 0; i < in.size(); i++) {
      assertThat(Math.abs(out.get(i).t().toEpochMilli() - in.get(i).t().toEpochMilli())).isLessThanOrEqualTo(5);
      assertThat(Geodesy.distance(in.get(i).lat(), in.get(i).lon(), out.get(i).lat(), out.get(i).lon())).isLessThan(0.01);
      assertThat(out.get(i).unit()).isEqualTo("PATROL-12");
    }
  }

  @Test
  void gpxAndCot() throws IOException {
    List<Observation> in = patrol(2);
    ByteArrayOutputStream gpx = new ByteArrayOutputStream();
    ByteArrayOutputStream cot = new ByteArrayOutputStream();
    try (GpxWriter g = new GpxWriter(gpx, "PATROL-12"); CotWriter c = new CotWriter(cot)) {
      for (Observation o : in) {
        g.write(o);
        c.write(o);
      }
    }
    for (byte[] b : List.of(gpx.toByteArray(), cot.toByteArray())) {
      List<Observation> out = read(b, FeedOptions.defaults().withSensor("PATROL-12"));
      assertThat(out).hasSize(in.size());
      for (int i = 0; i < in.size(); i++) {
        assertThat(out.get(i).t()).isEqualTo(in.get(i).t());
        assertThat(Geodesy.distance(in.get(i).lat(), in.get(i).lon(), out.get(i).lat(), out.get(i).lon())).isLessThan(0.001);
        assertThat(out.get(i).unit()).isEqualTo("PATROL-12");
      }
    }
  }

  @Test
  void onvif() throws IOException {
    Random rnd = new Random(3);
    List<Observation> in = new ArrayList<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OnvifWriter w = new OnvifWriter(bytes, CAMERA)) {
      for (int i = 0; i < 300; i++) {
        Observation o = Observation.builder(START.plusMillis(i / 2 * 500L), Kind.THERMAL).sensor("TC-01")
            .polar(Double.NaN, 115 + rnd.nextDouble() * 40).track("TC-01/" + (i % 7))
            .cls(rnd.nextBoolean() ? "human" : "vehicle").conf(Math.round(rnd.nextDouble() * 1e4) / 1e4).build();
        in.add(o);
        w.write(o);
      }
    }
    List<Observation> out = read(bytes.toByteArray(), FeedOptions.defaults());
    assertThat(out).hasSize(in.size());
    for (int i = 0; i < in.size(); i++) {
      Observation a = in.get(i);
      Observation b = out.get(i);
      assertThat(b.t()).isEqualTo(a.t());
      assertThat(b.bearingDeg()).isCloseTo(a.bearingDeg(), within(1e-6));
      assertThat(b.cls()).isEqualTo(a.cls());
      assertThat(b.conf()).isEqualTo(a.conf());
      assertThat(b.track()).isEqualTo(a.track());
    }
  }
}
