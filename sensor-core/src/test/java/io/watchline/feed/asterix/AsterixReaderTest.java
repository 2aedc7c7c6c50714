package io.watchline.feed.asterix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.watchline.feed.FeedException;
import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.FeedOptions.Cat062Edition;
import io.watchline.feed.FeedReader;
import io.watchline.feed.Feeds;
import io.watchline.feed.TestData;
import io.watchline.geo.geodesy.Geodesy;
import io.watchline.geo.geodesy.PolarPlacer;
import io.watchline.observation.Observation;
import io.watchline.sites.Site;
import io.watchline.sites.SiteKind;
import io.watchline.sites.SiteRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.junit.jupiter.api.Test;

/** ASTERIX decoding checked against the CroatiaControl decoder's outputs in realdata/expected. */
class AsterixReaderTest {
  static final double NM = 1852.0;

  static FeedReader open(Path p, FeedOptions o, SiteRegistry sites, TestData.Rejects rj) throws IOException {
    return Feeds.open(p, FeedFormat.AUTO, o, sites, rj);
  }

  static FeedReader open(byte[] b, FeedOptions o, SiteRegistry sites, TestData.Rejects rj) throws IOException {
    return Feeds.open(new ByteArrayInputStream(b), "test.ast", FeedFormat.AUTO, o, sites, rj);
  }

  /** One CAT048 record of the reference decoder's text output. */
  record Expected048(int sic, double tod, double rhoNm, double thetaDeg, int track) {}

  /** CAT048 records of expected/cat_034_048.txt, duplicates (same bytes) dropped, in order. */
  static List<Expected048> expected048() throws IOException {
    Map<String, Expected048> out = new LinkedHashMap<>();
    String[] records = Files.readString(TestData.realdata("feeds/asterix/expected/cat_034_048.txt"))
        .split("Data Record ");
    for (String r : records) {
      if (!r.contains("Item 140 : Time Of Day")) {
        continue;
      }
      String hex = find(r, "HexData: (\\w+)");
      double rho = r.contains("RHO:") ? Double.parseDouble(find(r, "RHO: \\d+ \\(([\\d.]+) NM\\)")) : Double.NaN;
      double theta = r.contains("THETA:") ? Double.parseDouble(find(r, "THETA: \\d+ \\(([\\d.]+) deg\\)")) : Double.NaN;
      out.putIfAbsent(hex, new Expected048(Integer.parseInt(find(r, "System Identification Code: (\\d+)")),
          Double.parseDouble(find(r, "Time Of Day: \\d+ \\(([\\d.]+) s\\)")), rho, theta,
          Integer.parseInt(find(r, "Track Number: (\\d+)"))));
    }
    return new ArrayList<>(out.values());
  }

  static String find(String s, String regex) {
    Matcher m = Pattern.compile(regex).matcher(s);
    assertThat(m.find()).as("pattern %s", regex).isTrue();
    return m.group(1);
  }

  @Test
  void pcapWithDuplicatedMulticastMatchesReferenceDecoder() throws IOException {
    TestData.Rejects rj = new TestData.Rejects();
    FeedReader r = open(TestData.realdata("feeds/asterix/cat_034_048.pcap"), FeedOptions.defaults(),
        SiteRegistry.empty(), rj);
    List<Observation> obs = TestData.readAll(r);
    assertThat(r.stats().format()).isEqualTo("asterix/pcap");
    assertThat(r.stats().skippedByReason())
        .containsEntry("duplicate multicast copy", 50L)
        .containsEntry("asterix cat034 service message", 17L)
        // 64 distinct CAT048 reports: 63 plots and the track-end report of track 730 (SIC 13,
        // TYP 000 no detection, I048/170 TRE 1, no I048/040 or I048/042): accepted, not a reject.
        .containsEntry("cat048 track-end report (TRE, no position)", 1L);
    assertThat(obs).hasSize(63);
    assertThat(rj.all).isEmpty();
    List<Expected048> want = expected048().stream().filter(e -> !Double.isNaN(e.rhoNm)).toList();
    assertThat(want).hasSize(63);
    for (int i = 0; i < want.size(); i++) {
      Expected048 e = want.get(i);
      Observation o = obs.get(i);
      assertThat(o.sensor()).isEqualTo("ASTERIX-25-" + e.sic);
      assertThat(o.rangeM()).isCloseTo(e.rhoNm * NM, within(0.01));
      assertThat(o.bearingDeg()).isCloseTo(e.thetaDeg, within(1e-6));
      assertThat(o.track()).isEqualTo("ASTERIX-25-" + e.sic + "/" + e.track);
      // the capture is of 2016-05-05; time of day to the 1/128 s of the format
      long want_ns = Instant.parse("2016-05-05T00:00:00Z").getEpochSecond() * 1_000_000_000L
          + Math.round(e.tod * 1e9);
      assertThat(o.t().getEpochSecond() * 1_000_000_000L + o.t().getNano()).isEqualTo(want_ns);
      assertThat(o.hasPosition()).isFalse();
    }
    Observation first = obs.get(0);
    assertThat(first.t()).isEqualTo(Instant.parse("2016-05-05T07:35:54.6015625Z"));
    assertThat(first.src().offset()).isEqualTo(85); // pcap 24 + record 16 + Ethernet/IP/UDP 42 + block 3
    assertThat(r.stats().warningsByReason()).containsEntry(
        "radar SAC/SIC 25/201 not in the sites registry (no lat/lon)", 14L);
  }

  @Test
  void knownRadarGetsGeodesicPositionAndClockOffset() throws IOException {
    Site site = new Site("RDR-ZAG", SiteKind.RADAR, 45.74, 16.07, 30, 0, 360, 0, 500_000, 25, 201, 250);
    TestData.Rejects rj = new TestData.Rejects();
    List<Observation> obs = TestData.readAll(open(TestData.realdata("feeds/asterix/cat048.raw"),
        FeedOptions.defaults().withDate(LocalDate.of(2016, 5, 5)), new SiteRegistry(List.of(site)), rj));
    Observation o = obs.get(0);
    assertThat(o.sensor()).isEqualTo("RDR-ZAG");
    assertThat(o.track()).isEqualTo("RDR-ZAG/3563");
    assertThat(o.t()).isEqualTo(Instant.parse("2016-05-05T07:35:54.8515625Z"));
    Geodesy.LatLon want = Geodesy.direct(45.74, 16.07, 340.13671875, 197.68359375 * NM);
    assertThat(metresApart(o, want)).isLessThanOrEqualTo(PolarPlacer.TOLERANCE_M);
    // I048/200: ground speed 0x07B9 * 2^-14 NM/s, heading 0x582E * 360/2^16
    assertThat(o.speedMps()).isCloseTo(0x07B9 / 16384.0 * NM, within(1e-9));
    assertThat(o.courseDeg()).isCloseTo(0x582E * 360.0 / 65536, within(1e-9));
  }

  static double metresApart(Observation o, Geodesy.LatLon p) {
    return Geodesic.WGS84.Inverse(o.lat(), o.lon(), p.lat(), p.lon(), GeodesicMask.DISTANCE).s12;
  }

  /**
   * Every real CAT048 plot, placed from sites at several latitudes, lands within 1 mm of
   * GeographicLib's Direct (the exact placement used before); prints the largest difference.
   */
  @Test
  void realPlotsLandWithinAMillimetreOfTheExactGeodesic() throws IOException {
    String[] files = {"cat_034_048.pcap", "cat048.raw", "parsegps.gps", "jade/NATS_CAT048_119bytes_TCAS.ff",
        "goasterix/sample.ast"};
    double worst = 0;
    int placed = 0;
    for (double lat : new double[] {45.74, -33.9, 61.5, 78.2, 85}) {
      List<Site> radars = new ArrayList<>();
      int[][] ids = {{25, 201}, {25, 13}, {52, 156}, {0, 1}, {8, 2}, {1, 2}};
      for (int[] id : ids) {
        radars.add(new Site("R" + id[0] + "-" + id[1], SiteKind.RADAR, lat, 16.07, 30, 0, 360, 0, 500_000, id[0], id[1], 0));
      }
      SiteRegistry registry = new SiteRegistry(radars);
      for (String f : files) {
        FeedOptions o = FeedOptions.defaults().withDate(LocalDate.of(2016, 5, 5));
        for (Observation obs : TestData.readAll(open(TestData.realdata("feeds/asterix/" + f), o, registry,
            new TestData.Rejects()))) {
          if (Double.isNaN(obs.rangeM()) || !obs.hasPosition()) {
            continue;
          }
          Site s = registry.byId(obs.sensor());
          worst = Math.max(worst, metresApart(obs, Geodesy.direct(s.lat(), s.lon(), obs.bearingDeg(), obs.rangeM())));
          placed++;
        }
      }
    }
    System.out.printf("real CAT048 plots: %d placed, largest difference from Direct %.3g m%n", placed, worst);
    assertThat(placed).isGreaterThan(100);
    assertThat(worst).isLessThanOrEqualTo(PolarPlacer.TOLERANCE_M);
  }

  @Test
  void rawFilesWithoutDateAreRefused() {
    Path raw = TestData.realdata("feeds/asterix/cat048.raw");
    assertThatThrownBy(() -> open(raw, FeedOptions.defaults(),
        SiteRegistry.empty(), new TestData.Rejects()))
        .isInstanceOf(FeedException.class).hasMessageContaining("give --date YYYY-MM-DD");
  }

  @Test
  void finalExcerptHas187TracksAndMatchesFirst200Records() throws IOException {
    TestData.Rejects rj = new TestData.Rejects();
    FeedReader r = open(TestData.realdata("feeds/asterix/jade/final_frame_062_30min_first1000KiB.ff"),
        FeedOptions.defaults().withDate(LocalDate.of(2017, 1, 1)), SiteRegistry.empty(), rj);
    List<Observation> obs = TestData.readAll(r);
    assertThat(r.stats().format()).isEqualTo("asterix/final, cat062 1.18 (detected)");
    assertThat(rj.all).isEmpty();
    assertThat(obs).hasSize(13157);
    assertThat(obs.stream().map(Observation::track).distinct().count()).isEqualTo(187);
    assertThat(obs).allSatisfy(o -> {
      assertThat(o.lat()).isBetween(51.19, 59.24);
      assertThat(o.lon()).isBetween(15.15, 31.08);
      assertThat(o.sensor()).isEqualTo("ASTERIX-70-16");
    });
    assertThat(obs.get(0).t()).isEqualTo(Instant.parse("2017-01-01T14:44:41.8203125Z"));
    assertThat(obs.get(obs.size() - 1).t().toString()).startsWith("2017-01-01T14:56:31.");

    List<String> lines = Files.readAllLines(
        TestData.realdata("feeds/asterix/expected/final_frame_062_30min_first200records.GENERATED.jsonl"),
        StandardCharsets.ISO_8859_1);
    assertThat(lines).hasSize(200);
    for (int i = 0; i < 200; i++) {
      String l = lines.get(i);
      Observation o = obs.get(i);
      assertThat(o.lat()).isCloseTo(Double.parseDouble(find(l, "\"Lat\":(-?[\\d.]+)")), within(5e-8));
      assertThat(o.lon()).isCloseTo(Double.parseDouble(find(l, "\"Lon\":(-?[\\d.]+)")), within(5e-8));
      assertThat(o.track()).isEqualTo("ASTERIX-70-16/" + find(l, "\"TrkN\":(\\d+)"));
      double tot = Double.parseDouble(find(l, "\"ToT\":([\\d.]+)"));
      assertThat((o.t().toEpochMilli() % 86_400_000L) / 1000.0).isCloseTo(tot, within(0.001));
      double vx = Double.parseDouble(find(l, "\"Vx\":(-?[\\d.]+)"));
      double vy = Double.parseDouble(find(l, "\"Vy\":(-?[\\d.]+)"));
      assertThat(o.speedMps()).isCloseTo(Math.hypot(vx, vy), within(1e-9));
    }
  }

  @Test
  void oldEditionPcapIsDetectedAndMatchesReference() throws IOException {
    TestData.Rejects rj = new TestData.Rejects();
    FeedReader r = open(TestData.realdata("feeds/asterix/asterix.pcap"), FeedOptions.defaults(),
        SiteRegistry.empty(), rj);
    List<Observation> obs = TestData.readAll(r);
    assertThat(r.stats().format()).isEqualTo("asterix/pcap, cat062 0.17 (detected)");
    assertThat(obs).hasSize(100);
    assertThat(rj.all).isEmpty();
    String json = Files.readString(
        TestData.realdata("feeds/asterix/expected/asterix_pcap.GENERATED_cat062v0.17.json"));
    List<Double> lat = all(json, "\"Lat\":(-?[\\d.]+)");
    List<Double> lon = all(json, "\"Lon\":(-?[\\d.]+)");
    List<Double> tot = all(json, "\"time_of_track\":([\\d.]+)");
    List<Double> tn = all(json, "\"TrackN\":(\\d+)");
    List<Double> speedKt = all(json, "\"Speed\":([\\d.]+)");
    assertThat(lat).hasSize(100);
    for (int i = 0; i < 100; i++) {
      Observation o = obs.get(i);
      assertThat(o.lat()).isCloseTo(lat.get(i), within(5e-8));
      assertThat(o.lon()).isCloseTo(lon.get(i), within(5e-8));
      assertThat(o.track()).isEqualTo("ASTERIX-25-100/" + tn.get(i).intValue());
      assertThat((o.t().toEpochMilli() % 86_400_000L) / 1000.0).isCloseTo(tot.get(i), within(0.001));
      // the reference uses 0.22 kt for the LSB; the spec's exact LSB is 2^-14 NM/s = 0.2197 kt
      assertThat(o.speedMps() / (1852.0 / 3600)).isCloseTo(speedKt.get(i), within(speedKt.get(i) * 0.002));
    }
    assertThat(obs.get(0).t().toString()).startsWith("2008-05-15T12:47:45.757");
    assertThat(obs.stream().map(Observation::track).distinct().count()).isEqualTo(56);
  }

  @Test
  void forcingTheWrongEditionRejectsWithAHint() throws IOException {
    TestData.Rejects rj = new TestData.Rejects();
    FeedReader r = open(TestData.realdata("feeds/asterix/asterix.pcap"),
        FeedOptions.defaults().withCat062Edition(Cat062Edition.V1_18), SiteRegistry.empty(), rj);
    List<Observation> obs = TestData.readAll(r);
    // With the wrong item lengths the record boundaries are wrong too: rejects, and no record decodes
    // to the positions the right edition gives (43-44N 18E).
    assertThat(rj.all).isNotEmpty();
    assertThat(obs).noneSatisfy(o -> {
      assertThat(o.lat()).isBetween(42.0, 45.0);
      assertThat(o.lon()).isBetween(17.0, 20.0);
    });
  }

  @Test
  void cat062WithCat065() throws IOException {
    TestData.Rejects rj = new TestData.Rejects();
    FeedReader r = open(TestData.realdata("feeds/asterix/cat_062_065.pcap"), FeedOptions.defaults(),
        SiteRegistry.empty(), rj);
    List<Observation> obs = TestData.readAll(r);
    assertThat(obs).hasSize(2);
    assertThat(obs.get(0).lat()).isCloseTo(41.1671233, within(5e-8));
    assertThat(obs.get(0).lon()).isCloseTo(15.7088667, within(5e-8));
    assertThat(obs.get(0).track()).isEqualTo("ASTERIX-25-100/4713");
    assertThat(obs.get(1).lat()).isCloseTo(41.4169389, within(5e-8));
    assertThat(obs.get(1).track()).isEqualTo("ASTERIX-25-100/6831");
    assertThat(r.stats().skippedByReason()).containsEntry("asterix cat065 block (category not decoded)", 1L);
  }

  /** One CAT034 record of the reference decoder's text output. */
  record Expected034(int sic, int type, double tod) {}

  /** CAT034 records of expected/cat_034_048.txt, duplicates (same bytes) dropped, in order. */
  static List<Expected034> expected034() throws IOException {
    Map<String, Expected034> out = new LinkedHashMap<>();
    for (String r : Files.readString(TestData.realdata("feeds/asterix/expected/cat_034_048.txt")).split("Data Record ")) {
      if (r.contains("Item 000 : Message Type")) {
        out.putIfAbsent(find(r, "HexData: (\\w+)"), new Expected034(
            Integer.parseInt(find(r, "System Identification Code: (\\d+)")),
            Integer.parseInt(find(r, "Message Type: (\\d+)")),
            Double.parseDouble(find(r, "Time of day: \\d+ \\(([\\d.]+) s\\)"))));
      }
    }
    return new ArrayList<>(out.values());
  }

  @Test
  void serviceMessagesBecomeSignsOfLifeMatchingTheReferenceDecoder() throws IOException {
    List<io.watchline.feed.SensorStatus> seen = new ArrayList<>();
    TestData.Rejects rj = new TestData.Rejects();
    FeedReader r = open(TestData.realdata("feeds/asterix/cat_034_048.pcap"),
        FeedOptions.defaults().withStatus(seen::add), SiteRegistry.empty(), rj);
    assertThat(TestData.readAll(r)).hasSize(63); // observations unchanged
    List<Expected034> want = expected034();
    assertThat(want).isNotEmpty();
    assertThat(seen).hasSize(want.size());
    assertThat(r.stats().skippedByReason()).containsEntry("asterix cat034 service message", (long) want.size());
    for (int i = 0; i < want.size(); i++) {
      Expected034 e = want.get(i);
      io.watchline.feed.SensorStatus st = seen.get(i);
      assertThat(st.sensor()).isEqualTo("ASTERIX-25-" + e.sic);
      assertThat(st.sign()).isEqualTo(e.type == 1 ? "north marker" : e.type == 2 ? "sector crossing"
          : "cat034 message type " + e.type);
      assertThat(st.t()).isEqualTo(Instant.ofEpochSecond(Instant.parse("2016-05-05T00:00:00Z").getEpochSecond(),
          Math.round(e.tod * 1e9)));
      assertThat(st.src().hasOffset()).isTrue();
    }
  }

  @Test
  void aServiceMessageOfAKnownRadarNamesTheSiteAndCarriesItsClockOffset() throws IOException {
    Site radar = new Site("RDR-01", SiteKind.RADAR, 42.36, 19.60, 8, 0, 360, 50, 12000, 25, 13, 1500);
    // CAT034, LEN 10, FSPEC 010+000+030, SAC 25 SIC 13, north marker, time of day 3600 s (460800/128)
    byte[] block = {0x22, 0x00, 0x0A, (byte) 0xE0, 25, 13, 0x01, 0x07, 0x08, 0x00};
    List<io.watchline.feed.SensorStatus> seen = new ArrayList<>();
    FeedReader r = open(block, FeedOptions.defaults().withDate(LocalDate.of(2026, 11, 27)).withStatus(seen::add),
        new SiteRegistry(List.of(radar)), new TestData.Rejects());
    assertThat(TestData.readAll(r)).isEmpty();
    assertThat(seen).singleElement().satisfies(st -> {
      assertThat(st.sensor()).isEqualTo("RDR-01");
      assertThat(st.sign()).isEqualTo("north marker");
      assertThat(st.t()).isEqualTo(Instant.parse("2026-11-27T01:00:01.500Z"));
      assertThat(st.src().offset()).isEqualTo(3); // the record, after the block header (CAT, LEN)
    });
  }

  @Test
  void finalFrameWithTcasAndGpsFramingAndMixedCategories() throws IOException {
    TestData.Rejects rj = new TestData.Rejects();
    FeedOptions o = FeedOptions.defaults().withDate(LocalDate.of(2010, 1, 1));
    List<Observation> nats = TestData.readAll(open(TestData.realdata("feeds/asterix/jade/NATS_CAT048_119bytes_TCAS.ff"),
        o, SiteRegistry.empty(), rj));
    assertThat(nats).hasSize(2);
    assertThat(nats.get(0).sensor()).isEqualTo("ASTERIX-52-156");
    assertThat(nats.get(0).rangeM()).isCloseTo(17.7929688 * NM, within(0.01));
    assertThat(nats.get(0).bearingDeg()).isCloseTo(335.0390625, within(1e-7));
    assertThat(nats.get(0).t()).isEqualTo(Instant.parse("2010-01-01T09:32:36.1875Z"));

    FeedReader gps = open(TestData.realdata("feeds/asterix/parsegps.gps"), o, SiteRegistry.empty(), rj);
    List<Observation> g = TestData.readAll(gps);
    assertThat(gps.stats().format()).isEqualTo("asterix/gps");
    assertThat(gps.stats().read()).isEqualTo(18);
    assertThat(g).hasSize(14);
    assertThat(gps.stats().skippedByReason()).containsEntry("asterix cat034 service message", 3L);
    assertThat(g.get(0).rangeM()).isCloseTo(61.3906250 * NM, within(0.01));
    assertThat(g.get(0).bearingDeg()).isCloseTo(237.4584961, within(1e-6));

    FeedReader mixed = open(TestData.realdata("feeds/asterix/goasterix/sample.ast"), o, SiteRegistry.empty(), rj);
    assertThat(TestData.readAll(mixed)).hasSize(11);
    assertThat(mixed.stats().skippedByReason()).containsKeys(
        "asterix cat001 block (category not decoded)", "asterix cat030 block (category not decoded)");
  }

  @Test
  void truncatedFileKeepsEveryBlockBeforeTheCut() throws IOException {
    byte[] all = Files.readAllBytes(TestData.realdata("feeds/asterix/goasterix/sample.ast"));
    FeedOptions o = FeedOptions.defaults().withDate(LocalDate.of(2010, 1, 1));
    TestData.Rejects rj = new TestData.Rejects();
    // Cut inside the 389-byte CAT048 block (the first block): nothing before, everything lost after
    // is only what the cut removed; the reject says LEN runs past the end.
    byte[] cut = java.util.Arrays.copyOf(all, 200);
    FeedReader r = open(cut, o, SiteRegistry.empty(), rj);
    assertThat(TestData.readAll(r)).isEmpty();
    assertThat(rj.reasons()).containsExactly("block LEN 389 runs past end of file (200 bytes left)");
    // Cut inside the last block: all blocks before it are read.
    rj.all.clear();
    byte[] cut2 = java.util.Arrays.copyOf(all, all.length - 5);
    FeedReader r2 = open(cut2, o, SiteRegistry.empty(), rj);
    assertThat(TestData.readAll(r2)).hasSize(11);
    assertThat(rj.all).singleElement().satisfies(x -> assertThat(x.reason()).contains("runs past end of file"));
    assertThat(r2.stats().read()).isEqualTo(17 - 1 + 1);
  }

  /**
   * A raw recording several times the read-ahead buffer, fed whole and in reads of 1 to 700 bytes:
   * the same plots and rejects at the same offsets (blocks that straddle a refill are found).
   */
  @Test
  void rawRecordingLargerThanTheBufferReadsTheSameInAnyPieces() throws IOException {
    byte[] one = Files.readAllBytes(TestData.realdata("feeds/asterix/goasterix/sample.ast"));
    int copies = 3 * 65_536 / one.length + 1;
    byte[] all = new byte[one.length * copies + 2];
    for (int k = 0; k < copies; k++) {
      System.arraycopy(one, 0, all, k * one.length, one.length);
    }
    all[all.length - 2] = 48; // a truncated block header at the end
    FeedOptions o = FeedOptions.defaults().withDate(LocalDate.of(2010, 1, 1));
    TestData.Rejects whole = new TestData.Rejects();
    List<Observation> want = TestData.readAll(open(all, o, SiteRegistry.empty(), whole));
    assertThat(want).hasSize(11 * copies);
    assertThat(want.get(11 * (copies - 1)).src().offset() - want.get(0).src().offset())
        .isEqualTo((long) one.length * (copies - 1));
    assertThat(whole.reasons()).containsExactly("truncated block header at end of file (2 bytes)");
    java.util.Random rnd = new java.util.Random(5);
    InputStream trickle = new ByteArrayInputStream(all) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + rnd.nextInt(700)));
      }
    };
    TestData.Rejects pieces = new TestData.Rejects();
    List<Observation> got = TestData.readAll(Feeds.open(trickle, "test.ast", FeedFormat.AUTO, o,
        SiteRegistry.empty(), pieces));
    assertThat(got.stream().map(Observation::toString).toList())
        .isEqualTo(want.stream().map(Observation::toString).toList());
    assertThat(pieces.all).isEqualTo(whole.all);
  }

  @Test
  void corruptedLenInOnePacketLosesOnlyThatPayload() throws IOException {
    byte[] pcap = Files.readAllBytes(TestData.realdata("feeds/asterix/cat_034_048.pcap"));
    // First packet's payload starts at 24 + 16 + 42 = 82: 0x30, LEN 0x0030. Make LEN point past it.
    assertThat(pcap[82]).isEqualTo((byte) 0x30);
    pcap[84] = (byte) 0xF0;
    TestData.Rejects rj = new TestData.Rejects();
    FeedReader r = open(pcap, FeedOptions.defaults(), SiteRegistry.empty(), rj);
    List<Observation> obs = TestData.readAll(r);
    // The B-group copy of that payload is intact and now no longer a duplicate: nothing is lost.
    assertThat(obs).hasSize(63);
    assertThat(rj.reasons()).contains(
        "data block CAT048 LEN 240 runs past the end of its UDP payload (48 bytes left)");
    assertThat(rj.all.get(0).src().offset()).isEqualTo(82);
    assertThat(r.stats().skippedByReason()).containsEntry("duplicate multicast copy", 49L);
  }

  @Test
  void detectsFramingsFromContent() throws IOException {
    assertThat(detect("cat_034_048.pcap")).isEqualTo(Framing.PCAP);
    assertThat(detect("cat048.raw")).isEqualTo(Framing.RAW);
    assertThat(detect("jade/final_frame_cat062_one_packet.ff")).isEqualTo(Framing.FINAL);
    assertThat(detect("parsegps.gps")).isEqualTo(Framing.GPS);
    byte[] text = "t,lat,lon\n2026-01-01T00:00:00Z,1,2\n".getBytes(StandardCharsets.UTF_8);
    assertThat(Feeds.detect(text, text.length)).isEqualTo(FeedFormat.CSV);
  }

  @Test
  void rawCat048FromSac25IsNotTakenForAFinalFrame() {
    // 30 00 0E F0 19 0B ...: as a FINAL header, length 0x3000 and "category" 4 at byte 8, with the
    // padding beyond the peek; as raw blocks it chains cleanly.
    byte[] block = {0x30, 0x00, 0x0E, (byte) 0xF0, 0x19, 0x0B, (byte) 0xA1, (byte) 0xB9, 0x04, 0x20, 0x00,
        (byte) 0xBE, 0x40, (byte) 0xC6};
    byte[] peek = new byte[block.length * 50];
    for (int i = 0; i < 50; i++) {
      System.arraycopy(block, 0, peek, i * block.length, block.length);
    }
    assertThat(Framing.detect(peek, peek.length)).isEqualTo(Framing.RAW);
  }

  static Framing detect(String rel) throws IOException {
    byte[] b = Files.readAllBytes(TestData.realdata("feeds/asterix/" + rel));
    assertThat(Feeds.detect(b, Math.min(b.length, 8192))).isEqualTo(FeedFormat.ASTERIX);
    return Framing.detect(b, Math.min(b.length, 8192));
  }

  static List<Double> all(String s, String regex) {
    List<Double> out = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(s);
    while (m.find()) {
      out.add(Double.parseDouble(m.group(1)));
    }
    return out;
  }
}
