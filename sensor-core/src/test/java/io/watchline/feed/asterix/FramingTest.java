package io.watchline.feed.asterix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchline.feed.FeedException;
import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.FeedReader;
import io.watchline.feed.Feeds;
import io.watchline.feed.TestData;
import io.watchline.observation.Observation;
import io.watchline.sites.SiteRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Framing detection on small raw files (whose first bytes also read as a FINAL header), {@code
 * --framing}, and the CAT048 reports the standard defines without a position. The inputs are built
 * here byte by byte.
 */
class FramingTest {
  static final FeedOptions DATED = FeedOptions.defaults().withDate(LocalDate.of(2026, 11, 27));

  static byte[] bytes(int... v) {
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) v[i];
    }
    return b;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** A CAT010 block of {@code len} bytes (not decoded: only its framing matters). */
  static byte[] cat010(int len, int at8, int at9, int at10) {
    byte[] b = new byte[len];
    b[0] = 10;
    b[1] = (byte) (len >> 8);
    b[2] = (byte) len;
    b[8] = (byte) at8;
    b[9] = (byte) at9;
    b[10] = (byte) at10;
    return b;
  }

  /**
   * A CAT048 plot: I048/010 SAC 25 SIC 13, I048/140 ToD 32.375 s, I048/020 TYP 001 (PSR), I048/040
   * rho 10 NM theta 90°. Read as a FINAL header: length 0x3000, "category" 0x30 at byte 8, block
   * length 0x2050 that fits.
   */
  static final byte[] PLOT = bytes(0x30, 0x00, 0x0E, 0xF0, 25, 13, 0x00, 0x10, 0x30, 0x20, 0x0A, 0x00, 0x40, 0x00);

  /**
   * A CAT048 track-end report, as in the real recording cat_034_048.pcap (track 730): I048/010,
   * I048/140, I048/020 TYP 000 (no detection), I048/161 track 730, I048/170 with TRE set; no position.
   */
  static final byte[] TRACK_END = bytes(0x30, 0x00, 0x0F, 0xE1, 0x12, 25, 13, 0x00, 0x10, 0x40, 0x00,
      0x02, 0xDA, 0x41, 0x80);

  /** A plot that lost its position: TYP 001 (PSR), no I048/040, no I048/042, no TRE. */
  static final byte[] PLOT_WITHOUT_POSITION = bytes(0x30, 0x00, 0x0A, 0xE0, 25, 13, 0x00, 0x10, 0x50, 0x20);

  /** A no-detection report (TYP 000) without TRE and without a position. */
  static final byte[] NO_DETECTION = bytes(0x30, 0x00, 0x0A, 0xE0, 25, 13, 0x00, 0x10, 0x60, 0x00);

  static FeedReader open(byte[] b, FeedOptions o, TestData.Rejects rj) throws IOException {
    return Feeds.open(new ByteArrayInputStream(b), "small.bin", FeedFormat.AUTO, o, SiteRegistry.empty(), rj);
  }

  @Test
  void oneOrTwoRawBlocksAreNotTakenForAFinalFrame() throws IOException {
    // Like jASTERIX's cat010ed0.31.bin: 0A 00 .. reads as a FINAL frame of 2560 bytes with a
    // known category at byte 8 and a block that fits; the file is far shorter.
    byte[] one = cat010(45, 48, 0x00, 0x10);
    byte[] two = concat(one, cat010(32, 0, 0, 0));
    for (byte[] file : List.of(one, two)) {
      assertThat(Framing.detect(file, file.length, true)).isEqualTo(Framing.RAW);
      assertThat(Feeds.detect(file, file.length, true)).isEqualTo(FeedFormat.ASTERIX);
      TestData.Rejects rj = new TestData.Rejects();
      FeedReader r = open(file, DATED, rj);
      assertThat(TestData.readAll(r)).isEmpty();
      assertThat(rj.all).isEmpty();
      assertThat(r.stats().format()).isEqualTo("asterix/raw");
      assertThat(r.stats().skippedByReason())
          .containsExactlyEntriesOf(java.util.Map.of("asterix cat010 block (category not decoded)",
              (long) (file == one ? 1 : 2)));
    }
    byte[] cat048 = concat(PLOT, TRACK_END);
    assertThat(Framing.detect(cat048, cat048.length, true)).isEqualTo(Framing.RAW);
    assertThat(Framing.detect(PLOT, PLOT.length, true)).isEqualTo(Framing.RAW);
  }

  @Test
  void realRecordingsKeepTheirFraming() throws IOException {
    for (String rel : List.of("cat048.raw", "cat034.raw", "cat062cat065.raw", "cat21_re.ast", "goasterix/sample.ast",
        "jade/final_frame_cat062_one_packet.ff", "jade/final_frame_062_one_packet_sample2.FF",
        "jade/NATS_CAT048_119bytes_TCAS.ff", "jade/final_frame_062_30min_first1000KiB.ff")) {
      byte[] b = Files.readAllBytes(TestData.realdata("feeds/asterix/" + rel));
      int n = Math.min(b.length, 8192);
      assertThat(Framing.detect(b, n, n == b.length)).as(rel)
          .isEqualTo(rel.startsWith("jade/") ? Framing.FINAL : Framing.RAW);
    }
  }

  @Test
  void aTruncatedSmallRawFileIsStillReadAsRaw() {
    byte[] cut = java.util.Arrays.copyOf(concat(PLOT, TRACK_END), PLOT.length + 5);
    assertThat(Framing.detect(cut, cut.length, true)).isEqualTo(Framing.RAW);
  }

  @Test
  void framingOptionForcesTheFraming() throws IOException {
    byte[] two = concat(cat010(45, 48, 0x00, 0x10), cat010(32, 0, 0, 0));
    TestData.Rejects rj = new TestData.Rejects();
    FeedReader forced = open(two, DATED.withFraming(Framing.FINAL), rj);
    assertThat(TestData.readAll(forced)).isEmpty();
    assertThat(forced.stats().format()).isEqualTo("asterix/final");
    assertThat(rj.reasons()).containsExactly("FINAL frame length 2560 runs past end of file (77 bytes left)");
    // Bytes no detector takes for ASTERIX (an unknown category first) are read when told so.
    byte[] unknown = concat(bytes(0x07, 0x00, 0x05, 0x00, 0x00), PLOT);
    assertThatThrownBy(() -> open(unknown, DATED, new TestData.Rejects()))
        .isInstanceOf(FeedException.class).hasMessageContaining("cannot tell the feed format");
    TestData.Rejects rj2 = new TestData.Rejects();
    FeedReader raw = open(unknown, DATED.withFraming(Framing.RAW), rj2);
    assertThat(TestData.readAll(raw)).hasSize(1);
    assertThat(raw.stats().skippedByReason()).containsEntry("asterix cat007 block (category not decoded)", 1L);
    assertThat(Framing.parse("auto")).isNull();
    assertThat(Framing.parse("GPS")).isEqualTo(Framing.GPS);
    assertThatThrownBy(() -> Framing.parse("oradis")).hasMessageContaining("--framing must be auto, raw, final, pcap or gps");
  }

  @Test
  void cat048ReportsWithoutPositionByDesignAreSkippedNotRejected() throws IOException {
    byte[] file = concat(PLOT, TRACK_END, NO_DETECTION, PLOT_WITHOUT_POSITION);
    TestData.Rejects rj = new TestData.Rejects();
    FeedReader r = open(file, DATED, rj);
    List<Observation> obs = TestData.readAll(r);
    assertThat(obs).singleElement().satisfies(o -> {
      assertThat(o.rangeM()).isEqualTo(10 * 1852.0);
      assertThat(o.bearingDeg()).isEqualTo(90.0);
    });
    assertThat(r.stats().skippedByReason())
        .containsEntry("cat048 track-end report (TRE, no position)", 1L)
        .containsEntry("cat048 no-detection report (TYP 000, no position)", 1L);
    // A PSR plot without a position is still a broken record.
    assertThat(rj.reasons()).containsExactly("CAT048 record: no position (neither I048/040 nor I048/042)");
    assertThat(rj.all.get(0).src().offset()).isEqualTo(PLOT.length + TRACK_END.length + NO_DETECTION.length + 3);
    assertThat(r.stats().read()).isEqualTo(4);
    assertThat(r.stats().rejectedCount()).isEqualTo(1);
  }
}
