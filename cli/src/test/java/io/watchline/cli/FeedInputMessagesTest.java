package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How ingest/validate/fuse/export name what is wrong with their inputs, and the input options. */
class FeedInputMessagesTest {
  @TempDir Path tmp;

  static IngestCommandTest.Run run(String... args) {
    return IngestCommandTest.run(args);
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(b);
    }
    return out.toByteArray();
  }

  @Test
  void emptyFileSaysSo() throws IOException {
    Path empty = Files.createFile(tmp.resolve("empty.nmea"));
    IngestCommandTest.Run r = run("validate", empty.toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains(empty + ": file is empty").doesNotContain("cannot tell the feed format");
  }

  @Test
  void stdinMayBeGivenOnlyOnce() {
    String border = IngestCommandTest.fixture("borders/mne-alb.geojson").toString();
    String sites = IngestCommandTest.fixture("demo/sites.yaml").toString();
    for (String[] args : new String[][] {{"ingest", "-", "-"}, {"validate", "-", "-"},
        {"fuse", "-", "-", "--border", border, "--sites", sites}}) {
      String cmd = args[0];
      IngestCommandTest.Run r = run(args);
      assertThat(r.code()).as(cmd).isEqualTo(ExitCode.USAGE);
      assertThat(r.err()).as(cmd).contains("'-' (stdin) may be given only once").doesNotContain("unknown format");
    }
  }

  @Test
  void doubleDashEndsOptionsSoFileNamesMayStartWithADash() {
    for (String cmd : new String[] {"ingest", "validate"}) {
      var sub = Main.commandLine().parseArgs(cmd, "--date", "2026-11-27", "--", "-dash.ndjson", "--date").subcommand();
      assertThat(sub.matchedPositionalValue(0, (Object) null)).as(cmd).isEqualTo(java.util.List.of("-dash.ndjson", "--date"));
    }
    // Without '--' the message says what to do.
    IngestCommandTest.Run without = run("ingest", "-dash.ndjson");
    assertThat(without.code()).isEqualTo(ExitCode.USAGE);
    assertThat(without.err()).contains("'-dash.ndjson' is not an option; put file names that start with '-'"
        + " after '--': watchline ingest ... -- -dash.ndjson");
    // Run for real: the dash file is read, not taken for an option.
    IngestCommandTest.Run r = run("validate", "--", "-dash-does-not-exist.nmea");
    assertThat(r.err()).contains("-dash-does-not-exist.nmea").doesNotContain("Unknown option")
        .doesNotContain("Missing required parameter");
  }

  @Test
  void gzippedStdinIsReadByIngestAndFuse() throws IOException {
    byte[] nmea = Files.readAllBytes(IngestCommandTest.fixture("nmea/garmin17n.log"));
    InputStream saved = System.in;
    Path obs = tmp.resolve("obs.ndjson");
    try {
      System.setIn(new ByteArrayInputStream(gzip(nmea)));
      IngestCommandTest.Run r = run("ingest", "-", "-o", obs.toString(), "--rejects", tmp.resolve("r.ndjson").toString());
      assertThat(r.code()).isZero();
      assertThat(r.err()).contains("- (nmea, gzip): read ");
      System.setIn(new ByteArrayInputStream(gzip(Files.readAllBytes(obs))));
      Path csv = tmp.resolve("obs.csv");
      IngestCommandTest.Run e = run("export", "-", "-f", "csv", "-o", csv.toString());
      assertThat(e.code()).isZero();
      assertThat(Files.readAllLines(csv)).hasSize(1 + 2);
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void cat048TrackEndIsNoRejectAndDoesNotCountAgainstMaxBad() {
    // The real capture holds one CAT048 track-end report (TRE, no position) among 64 reports.
    IngestCommandTest.Run r = run("validate", "--max-bad", "0",
        IngestCommandTest.realdata("feeds/asterix/cat_034_048.pcap").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("cat048 track-end report (TRE, no position) 1").contains("+ rejected 0");
  }

  @Test
  void framingOptionIsCheckedAndForcesRaw() throws IOException {
    IngestCommandTest.Run bad = run("validate", "--framing", "oradis", "x.ast");
    assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err()).contains("--framing must be auto, raw, final, pcap or gps, not 'oradis'");
    // One CAT007 block (a category no detector takes for ASTERIX) then a CAT048 plot.
    byte[] b = {0x07, 0x00, 0x05, 0x00, 0x00, 0x30, 0x00, 0x0E, (byte) 0xF0, 25, 13, 0x00, 0x10, 0x30, 0x20,
        0x0A, 0x00, 0x40, 0x00};
    Path f = Files.write(tmp.resolve("odd.bin"), b);
    assertThat(run("validate", "--date", "2026-11-27", f.toString()).err()).contains("cannot tell the feed format");
    IngestCommandTest.Run ok = run("validate", "--date", "2026-11-27", "--framing", "raw", f.toString());
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).contains("odd.bin (asterix/raw): read 2 = accepted 2 (observations 1,");
  }
}
