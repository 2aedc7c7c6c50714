package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated night in the formats the equipment writes (ASTERIX without dates, ONVIF, NMEA),
 * across UTC midnight, through {@code nightly}: date-less feeds take their date from the window,
 * and a feed that gives nothing readable fails the run after publishing.
 */
class NightlyRealFormatsTest {
  @TempDir static Path dir;
  static final String NIGHT = "--seed 5 --from 23:00 --to 01:00 --crossings 2 --vehicles 0 --approaches 0 --loiterers 0"
      + " --animals 1 --clutter 0.05";

  @BeforeAll
  static void simulate() throws Exception {
    for (String formats : List.of("real", "canonical")) {
      String args = "simulate -q " + NIGHT + " --formats " + formats + " --output-dir " + dir.resolve(formats);
      assertThat(Main.run(args.split(" "))).isZero();
    }
    Files.copy(Path.of("../fixtures/data/borders/mne-alb.geojson"), dir.resolve("border.geojson"));
    Files.copy(Path.of("../fixtures/data/demo/sites.yaml"), dir.resolve("sites.yaml"));
  }

  static String[] nightly(String feeds) throws Exception {
    Path config = dir.resolve("nightly.yaml");
    Files.writeString(config, "feeds:\n" + feeds + "border: border.geojson\nsites: sites.yaml\noutput_root: out\n"
        + "timezone: UTC\nwindow: {start: \"23:00\", end: \"01:00\"}\ncoverage_cell_m: 1000\n");
    var saved = System.err;
    var buf = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
    var cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    try {
      int code = cl.execute("nightly", "-q", "--config", config.toString(), "--date", "2026-11-28");
      return new String[] {String.valueOf(code), err + buf.toString(java.nio.charset.StandardCharsets.UTF_8)};
    } finally {
      System.setErr(saved);
    }
  }

  /** Canonical observations of a sensor kind inside the window, from the simulator's own NDJSON. */
  static long canonicalInWindow(String file) throws Exception {
    try (Stream<String> lines = Files.lines(dir.resolve("canonical").resolve(file))) {
      return lines.map(l -> l.replaceFirst("^.*?\"t\":\"([^\"]+)\".*$", "$1"))
          .filter(t -> t.compareTo("2026-11-27T23:00") >= 0 && t.compareTo("2026-11-28T01:00") < 0).count();
    }
  }

  @Test
  void rawAsterixTakesItsDateFromTheWindowAcrossMidnight() throws Exception {
    String[] r = nightly("  radar: [\"real/radar-*.ast\"]\n  thermal: {files: [\"real/thermal-*.xml\"]}\n"
        + "  patrol: [\"real/patrol-*.nmea\"]\n");
    assertThat(r[0]).as(r[1]).isEqualTo("0");
    String md = Files.readString(dir.resolve("out/2026-11-28/report.md"));
    long radar = canonicalInWindow("radar.ndjson");
    long thermal = canonicalInWindow("thermal.ndjson");
    assertThat(radar).isGreaterThan(100);
    // every radar plot of the window, on both sides of midnight, as the simulator wrote it
    long radarAll = Files.readAllLines(dir.resolve("canonical/radar.ndjson")).size();
    assertThat(md).containsPattern("\\| radar \\| 4 \\| asterix/raw \\| " + radarAll + " \\| 0 \\| " + radar
        + " \\| " + (radarAll - radar) + " \\| 2026-11-27 23:\\d\\d:\\d\\d – 2026-11-28 00:\\d\\d:\\d\\d \\| RDR-01 RDR-02 RDR-03 RDR-04 \\| ok \\|");
    assertThat(md).contains("| thermal | 12 | onvif | " + thermal + " | 0 | " + thermal + " |");
    assertThat(md).containsPattern("\\| patrol \\| 4 \\| nmea \\| \\d+ \\| 0 \\| " + canonicalInWindow("patrol.ndjson") + " \\|");
  }

  @Test
  void aQuietRadarThatOnlySendsNorthMarkersCountsAsUp() throws Exception {
    // RDR-01 (SAC 25, SIC 11): a north marker every 4 s from 23:00 to 00:00, not one plot
    java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
    for (int s = 23 * 3600; s < 24 * 3600; s += 4) {
      int tod = s * 128;
      raw.write(new byte[] {0x22, 0x00, 0x0A, (byte) 0xE0, 25, 11, 0x01, (byte) (tod >> 16), (byte) (tod >> 8), (byte) tod});
    }
    Files.write(dir.resolve("quiet-RDR-01.ast"), raw.toByteArray());
    String[] r = nightly("  radar: [quiet-RDR-01.ast]\n");
    assertThat(r[0]).as(r[1]).isEqualTo("0");
    String md = Files.readString(dir.resolve("out/2026-11-28/report.md"));
    // up for the first of the window's two hours (and the 12 s timeout after the last marker), then down
    assertThat(md).contains("RDR-01 down 00:00–01:00 (up 50 %)")
        .doesNotContainPattern("Silent sensors[^\\n]*RDR-01");
    assertThat(md).containsPattern("Silent sensors[^\\n]*RDR-02");
    // how the map was made is told after the tables, not among the things to look at first
    String lookFirst = md.substring(md.indexOf("## Look first"), md.indexOf("![map of the night]"));
    assertThat(lookFirst).doesNotContain("line of sight");
    assertThat(md.substring(md.indexOf("## How this was computed"))).contains("- line of sight: r2");
  }

  @Test
  void aFeedThatGivesNothingReadableFailsTheRunButTheReportIsPublished() throws Exception {
    // the simulator's scenario.json is no feed at all
    String[] r = nightly("  radar: [\"real/radar-*.ast\"]\n  junk: [real/scenario.json]\n");
    assertThat(r[0]).isEqualTo("1");
    long lines = Files.readAllLines(dir.resolve("real/scenario.json")).size();
    assertThat(r[1]).contains("feed junk: not one record could be read from its file (" + lines + " read, " + lines
            + " rejected; see rejects.ndjson)")
        .contains("failing because a feed gave nothing readable");
    assertThat(Files.readString(dir.resolve("out/2026-11-28/report.md")))
        .contains("Feed junk: not one record could be read from its file").contains("the run exits 1");
    // a file given the wrong reader
    r = nightly("  radar: [\"real/radar-*.ast\"]\n  junk: {files: [real/radar-RDR-01.ast], format: gpx}\n");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains("feed junk: not one record could be read from its file");
    // a file that cannot be opened as a feed at all: named with the reader's reason
    Files.write(dir.resolve("empty.ast"), new byte[0]);
    r = nightly("  radar: [\"real/radar-*.ast\"]\n  junk: [empty.ast]\n");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains("feed junk: nothing could be read from its file (empty.ast: ");
  }

  @Test
  void anExplicitDateIsUsedAsGivenAndBadFeedKeysAreConfigErrors() throws Exception {
    // a wrong date puts every plot a week early: readable, but outside the window (not a failure)
    String[] r = nightly("  radar: {files: [\"real/radar-*.ast\"], date: 2026-11-20}\n");
    assertThat(r[0]).as(r[1]).isEqualTo("0");
    assertThat(r[1]).contains("feed radar has no records in the window");
    r = nightly("  radar: {files: [\"real/radar-*.ast\"], dates: 2026-11-20}\n");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).contains("feed 'radar': unknown key 'dates'; known keys: files, date, format, framing");
    r = nightly("  radar: {files: [\"real/radar-*.ast\"], framing: raw}\n");
    assertThat(r[0]).as(r[1]).isEqualTo("0");
    r = nightly("  radar: {files: [\"real/radar-*.ast\"], framing: stream}\n");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).contains("framing must be one of auto, raw, final, pcap, gps, not 'stream'");
  }
}
