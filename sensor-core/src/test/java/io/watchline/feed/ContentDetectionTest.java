package io.watchline.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import io.watchline.sites.SiteRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What wraps a feed on disk (gzip, a UTF-8 BOM, UTF-16) changes nothing a reader gives: the same
 * observations and rejects as the plain file, with offsets documented in docs/feeds.md. Every
 * variant is made here from the real samples.
 */
class ContentDetectionTest {
  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  // --date as an operator would give it for a mixed ingest: it must not make text look like ASTERIX.
  static final FeedOptions OPTIONS = FeedOptions.defaults().withDate(LocalDate.of(2026, 11, 27));

  record Result(String format, List<Observation> obs, List<Reject> rejects, ReadStats stats) {}

  static Result read(byte[] bytes) throws IOException {
    return read(bytes, OPTIONS);
  }

  static Result read(byte[] bytes, FeedOptions options) throws IOException {
    TestData.Rejects rj = new TestData.Rejects();
    FeedReader r = Feeds.open(new ByteArrayInputStream(bytes), "sample", FeedFormat.AUTO, options,
        SiteRegistry.load(TestData.fixture("demo/sites.yaml")), rj);
    List<Observation> obs = TestData.readAll(r);
    return new Result(r.stats().format(), obs, rj.all, r.stats());
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(b);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** UTF-16 with its BOM, as Windows tools write it. */
  static byte[] utf16(byte[] utf8, Charset cs) {
    byte[] bom = cs == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE}
        : new byte[] {(byte) 0xFE, (byte) 0xFF};
    return concat(bom, new String(utf8, StandardCharsets.UTF_8).getBytes(cs));
  }

  /** The same record with its offset moved by {@code delta} when it points into this file. */
  static Source shifted(Source s, long delta) {
    return s == null || !"sample".equals(s.file()) ? s : new Source(s.file(), s.offset() + delta, s.line());
  }

  static Observation shifted(Observation o, long delta) {
    return new Observation(o.t(), o.kind(), o.sensor(), o.seq(), o.lat(), o.lon(), o.rangeM(), o.bearingDeg(),
        o.track(), o.speedMps(), o.courseDeg(), o.cls(), o.conf(), o.unit(), shifted(o.src(), delta));
  }

  static void assertSame(Result plain, Result variant, long delta, String wrapping) {
    assertThat(variant.format).isEqualTo(plain.format + ", " + wrapping);
    assertThat(variant.obs).isEqualTo(plain.obs.stream().map(o -> shifted(o, delta)).toList());
    assertThat(variant.rejects).isEqualTo(plain.rejects.stream()
        .map(r -> new Reject(shifted(r.src(), delta), r.reason(), r.excerpt())).toList());
    assertThat(variant.stats.skippedByReason()).isEqualTo(plain.stats.skippedByReason());
  }

  static byte[] cotLog() throws IOException {
    List<byte[]> events = new ArrayList<>();
    try (var files = Files.list(TestData.fixture("cot/a-f-G-1581185498052.xml").getParent())) {
      for (Path p : files.sorted().toList()) {
        events.add(Files.readAllBytes(p));
        events.add("\n".getBytes(StandardCharsets.US_ASCII));
      }
    }
    return concat(events.toArray(byte[][]::new));
  }

  /** ONVIF frames name a video source, not a site: the camera is given, as an operator would. */
  static FeedOptions options(String which) {
    return which.contains("onvif") ? OPTIONS.withSensor("CAM-01") : OPTIONS;
  }

  static byte[] sample(String which) throws IOException {
    if (which.startsWith("realdata:")) {
      return Files.readAllBytes(TestData.realdata(which.substring("realdata:".length())));
    }
    return which.equals("cot") ? cotLog() : Files.readAllBytes(TestData.fixture(which));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpx/korita-zbevnica.gpx", "gpx/around-visnjan-with-car.gpx",
      "gpx/gpx1.1_with_all_fields.gpx", "onvif/thermal-TC-01-candidates.xml",
      "onvif/thermal-TC-02-types.xml", "realdata:feeds/onvif/analytics_spec_example_frame_human.xml", "cot",
      "nmea/neo-m8n.log", "nmea/ais-nmea.log", "nmea/nmea-rtk.log", "fuzz-seeds/csv/radar-export.csv",
      "fuzz-seeds/csv/patrol-export.tsv", "fuzz-seeds/ndjson/observations.ndjson",
      "demo/night/patrol.ndjson"})
  void bomAndGzipGiveTheSameObservationsAsThePlainFile(String which) throws IOException {
    byte[] plain = sample(which);
    FeedOptions o = options(which);
    Result p = read(plain, o);
    assertThat(p.obs).isNotEmpty();
    assertThat(p.format).doesNotStartWith("asterix");
    // A skipped UTF-8 BOM keeps offsets into the file on disk: 3 more than in the plain file.
    assertSame(p, read(concat(BOM, plain), o), 3, "utf-8 bom");
    // gzip: offsets into the inflated bytes, the same as the plain file's.
    assertSame(p, read(gzip(plain), o), 0, "gzip");
    assertSame(p, read(gzip(concat(BOM, plain)), o), 3, "gzip, utf-8 bom");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpx/korita-zbevnica.gpx", "gpx/around-visnjan-with-car.gpx",
      "gpx/gpx1.1_with_all_fields.gpx", "onvif/thermal-TC-01-candidates.xml", "onvif/thermal-TC-02-types.xml",
      "realdata:feeds/onvif/analytics_spec_example_frame_human.xml", "cot"})
  void utf16XmlGivesTheSameObservationsAsUtf8(String which) throws IOException {
    byte[] plain = sample(which);
    FeedOptions o = options(which);
    Result p = read(plain, o);
    assertThat(p.obs).isNotEmpty();
    // Offsets are into the UTF-8 text the file decodes to, which is the plain file; lines are the file's.
    assertSame(p, read(utf16(plain, StandardCharsets.UTF_16LE), o), 0, "utf-16le");
    assertSame(p, read(utf16(plain, StandardCharsets.UTF_16BE), o), 0, "utf-16be");
    assertSame(p, read(gzip(utf16(plain, StandardCharsets.UTF_16LE)), o), 0, "gzip, utf-16le");
  }

  @Test
  void gzippedAsterixIsInflatedNotGuessed() throws IOException {
    byte[] pcap = Files.readAllBytes(TestData.realdata("feeds/asterix/cat_034_048.pcap"));
    Result p = read(pcap);
    assertThat(p.obs).hasSize(63);
    assertSame(p, read(gzip(pcap)), 0, "gzip");
    // CAT062 edition 0.17, detected while reading: the format says both.
    byte[] old = Files.readAllBytes(TestData.realdata("feeds/asterix/asterix.pcap"));
    Result oldPlain = read(old);
    assertThat(oldPlain.format).isEqualTo("asterix/pcap, cat062 0.17 (detected)");
    assertSame(oldPlain, read(gzip(old)), 0, "gzip");
    for (String rel : List.of("cat048.raw", "jade/final_frame_cat062_one_packet.ff", "parsegps.gps")) {
      byte[] b = Files.readAllBytes(TestData.realdata("feeds/asterix/" + rel));
      Result plain = read(b);
      assertThat(plain.obs).as(rel).isNotEmpty();
      assertSame(plain, read(gzip(b)), 0, "gzip");
    }
  }

  @Test
  void fuseAndExportReadersUnwrapToo() throws IOException {
    // fuse and export open their NDJSON readers directly, not through Feeds.
    byte[] plain = sample("demo/night/patrol.ndjson");
    List<List<Observation>> got = new ArrayList<>();
    List<Integer> records = new ArrayList<>();
    for (byte[] b : List.of(plain, concat(BOM, plain), gzip(plain), gzip(concat(BOM, plain)))) {
      TestData.Rejects rj = new TestData.Rejects();
      got.add(TestData.readAll(new io.watchline.ndjson.NdjsonObservationReader(new ByteArrayInputStream(b), "x", rj)));
      var canonical = new io.watchline.export.CanonicalRecordReader(new ByteArrayInputStream(b), "x", rj);
      int n = 0;
      while (canonical.next() != null) {
        n++;
      }
      records.add(n);
      assertThat(rj.all).isEmpty();
    }
    assertThat(got.get(0)).isNotEmpty();
    assertThat(got).allSatisfy(g -> assertThat(g).isEqualTo(got.get(0)));
    assertThat(records).containsOnly(got.get(0).size());
  }

  @Test
  void concatenatedGzipMembersAreAllRead() throws IOException {
    byte[] nmea = sample("nmea/neo-m8n.log");
    int cut = new String(nmea, StandardCharsets.US_ASCII).indexOf('\n', nmea.length / 2) + 1;
    byte[] twoMembers = concat(gzip(java.util.Arrays.copyOf(nmea, cut)),
        gzip(java.util.Arrays.copyOfRange(nmea, cut, nmea.length)));
    assertSame(read(nmea), read(twoMembers), 0, "gzip");
  }

  @Test
  void emptyFilesSayTheyAreEmpty() {
    assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(FeedException.class)
        .hasMessage("sample: file is empty");
    assertThatThrownBy(() -> read(BOM)).hasMessage("sample: file is empty");
    assertThatThrownBy(() -> read(gzip(new byte[0]))).hasMessage("sample: file is empty (after gunzip)");
    assertThatThrownBy(() -> read(new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2}))
        .isInstanceOf(FeedException.class).hasMessageStartingWith("sample: starts like gzip but cannot be inflated");
  }

  /** The sample with the byte after its first {@code marker} replaced by a Latin-1 'é' (0xE9, not UTF-8). */
  static byte[] withLatin1(byte[] plain, String marker) {
    int at = new String(plain, StandardCharsets.ISO_8859_1).indexOf(marker);
    assertThat(at).as("marker %s", marker).isPositive();
    byte[] b = plain.clone();
    b[at + marker.length()] = (byte) 0xE9;
    return b;
  }

  @Test
  void oneLatin1ByteNearTheStartCostsAWarningNotTheDocument() throws IOException {
    // korita-zbevnica.gpx: 513 points and 360 rejects (points without time); the byte sits in
    // the creator attribute of the root element, before every point ("GPSBabel" -> "GPSBébel").
    byte[] gpx = sample("gpx/korita-zbevnica.gpx");
    Result plain = read(gpx);
    assertThat(plain.obs).hasSize(513);
    Result latin = read(withLatin1(gpx, "GPSB"));
    assertThat(latin.obs).isEqualTo(plain.obs);
    assertThat(latin.rejects).isEqualTo(plain.rejects);
    assertThat(latin.stats.warningsByReason()).containsEntry(Utf8Repair.LATIN1, 1L);

    byte[] onvif = sample("onvif/thermal-TC-01-candidates.xml");
    Result op = read(onvif, options("onvif"));
    assertThat(op.obs).isNotEmpty();
    Result ol = read(withLatin1(onvif, "Source=\""), options("onvif"));
    assertThat(ol.obs).isEqualTo(op.obs);
    assertThat(ol.rejects).isEqualTo(op.rejects);
    assertThat(ol.stats.warningsByReason()).containsEntry(Utf8Repair.LATIN1, 1L);

    byte[] cot = cotLog();
    Result cp = read(cot);
    Result cl = read(withLatin1(cot, "callsign='"));
    assertThat(cl.obs).isEqualTo(cp.obs); // the callsign is not part of a fix
    assertThat(cl.rejects).isEqualTo(cp.rejects);
    assertThat(cl.stats.warningsByReason()).containsEntry(Utf8Repair.LATIN1, 1L);
  }

  @Test
  void brokenSequencesAndControlCharactersAreRepairedNotFatal() throws IOException {
    String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\"><trk><trkseg>\n";
    String pt = "<trkpt lat=\"42.1\" lon=\"19.2\"><time>2026-11-27T23:00:0%dZ</time><name>%s</name></trkpt>\n";
    ByteArrayOutputStream doc = new ByteArrayOutputStream();
    doc.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    // a lead byte without its continuation, an overlong '/', a surrogate, a NUL, then a clean
    // 'é' as UTF-8 and a lone continuation byte
    byte[][] names = {{(byte) 0xC3, 'x'}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {'a', 0, 'b'}, "é".getBytes(StandardCharsets.UTF_8), {(byte) 0x80}};
    for (int i = 0; i < names.length; i++) {
      String[] parts = String.format(pt, i, "\u0001").split("\u0001");
      doc.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
      doc.writeBytes(names[i]);
      doc.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
    }
    doc.writeBytes("</trkseg></trk></gpx>\n".getBytes(StandardCharsets.UTF_8));
    Result r = read(doc.toByteArray());
    assertThat(r.obs).hasSize(6);
    assertThat(r.rejects).isEmpty();
    assertThat(r.stats.warningsByReason())
        .containsEntry(Utf8Repair.LATIN1, 1L + 2 + 3 + 1)
        .containsEntry(Utf8Repair.REPLACED, 1L);
  }
}
