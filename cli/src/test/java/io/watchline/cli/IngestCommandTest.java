package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IngestCommandTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Path fixture(String rel) {
    return SampleFiles.fixture(rel);
  }

  @Test
  void ingestsSeveralFormatsInOrderAndReportsEachInput() throws IOException {
    Path bad = tmp.resolve("bad.nmea");
    Files.writeString(bad, "$GPRMC,093802,A,5213.1439,N,02100.6511,E,000.0,226.0,160305,004.2,E,D*16\n");
    Path out = tmp.resolve("obs.ndjson");
    Run r = run("ingest", fixture("nmea/garmin17n.log").toString(), tmp.resolve("missing.gpx").toString(),
        fixture("gpx/around-visnjan-with-car.gpx").toString(), bad.toString(), "-o", out.toString());
    assertThat(r.code).isEqualTo(ExitCode.FAILURE); // one input missing, the others processed
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(2 + 104);
    assertThat(lines.get(0)).contains("\"t\":\"2005-03-16T09:38:02.000Z\"").contains("\"kind\":\"patrol\"");
    assertThat(lines.get(2)).contains("2020-12-18T06:15:50.000Z");
    List<String> rejects = Files.readAllLines(tmp.resolve("obs.ndjson.rejects.ndjson"));
    assertThat(rejects).singleElement().asString().contains("bad checksum").contains("\"line\":1");
    assertThat(r.err).contains("garmin17n.log (nmea): read ")
        .contains("no such file: " + tmp.resolve("missing.gpx"))
        .contains("around-visnjan-with-car.gpx (gpx): read 104 = accepted 104 (observations 104) + rejected 0")
        .contains("bad.nmea (nmea): read 1 = accepted 0 (observations 0) + rejected 1");
  }

  @Test
  void radarServiceMessagesAndEmptyCameraFramesGoToTheStatusFile() throws IOException {
    // RDR-01 (SAC 25, SIC 11 in the demo sites): a north marker every 4 s for a minute, no plots
    java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
    for (int s = 0; s < 60; s += 4) {
      int tod = (3600 + s) * 128;
      raw.write(new byte[] {0x22, 0x00, 0x0A, (byte) 0xE0, 25, 11, 0x01, (byte) (tod >> 16), (byte) (tod >> 8), (byte) tod});
    }
    Path radar = Files.write(tmp.resolve("quiet-radar.ast"), raw.toByteArray());
    Path status = tmp.resolve("status.ndjson");
    Path out = tmp.resolve("obs.ndjson");
    Run r = run("ingest", "--date", "2026-11-27", "--sites", fixture("demo/sites.yaml").toString(), radar.toString(),
        "-o", out.toString(), "--status", status.toString());
    // service messages are accepted records (counted as skipped): a quiet night is not a failure
    assertThat(r.code).as(r.err).isEqualTo(ExitCode.OK);
    assertThat(Files.readAllLines(out)).isEmpty();
    List<String> lines = Files.readAllLines(status);
    assertThat(lines).hasSize(15);
    assertThat(lines.get(0)).isEqualTo("{\"t\":\"2026-11-27T01:00:00.000Z\",\"sensor\":\"RDR-01\","
        + "\"sign\":\"north marker\",\"src\":{\"file\":\"" + radar + "\",\"offset\":3}}");
    assertThat(r.err).contains("15 status lines (signs of life without observations) written to " + status);

    // without --status they are only counted, and the summary says how to keep them
    Run without = run("ingest", "--date", "2026-11-27", "--sites", fixture("demo/sites.yaml").toString(),
        radar.toString(), "-o", tmp.resolve("o2.ndjson").toString());
    assertThat(without.code).isEqualTo(ExitCode.OK);
    assertThat(without.err).contains("15 status lines (signs of life without observations) not kept: --status FILE");

    // the status file is what coverage --status reads: one line per sign, nothing rejected
    assertThat(io.watchline.cli.SensorActivity.readStatus(status,
        new io.watchline.geo.coverage.SensorUptime(0, Long.MAX_VALUE, java.util.Map.of()),
        io.watchline.feed.RejectSink.DISCARD).accepted()).isEqualTo(15);
  }

  @Test
  void maxBadExceededExitsThreeButWritesOutputs() throws IOException {
    Path out = tmp.resolve("o.ndjson");
    Run r = run("ingest", fixture("gpx/korita-zbevnica.gpx").toString(), "-o", out.toString(),
        "--rejects", tmp.resolve("r.ndjson").toString(), "--max-bad", "10");
    assertThat(r.code).isEqualTo(ExitCode.TOO_MANY_BAD);
    assertThat(Files.readAllLines(out)).hasSize(513);
    assertThat(Files.readAllLines(tmp.resolve("r.ndjson"))).hasSize(360);
    assertThat(r.err).contains("360 records rejected, more than --max-bad 10");
  }

  @Test
  void badDateIsAUsageError() {
    Run r = run("ingest", "--date", "27.11.2026", "x.pcap");
    assertThat(r.code).isEqualTo(ExitCode.USAGE);
    assertThat(r.err).contains("--date must be YYYY-MM-DD").doesNotContain("Exception");
  }

  @Test
  void validateReportsSpanAndFirstBadRecords() throws IOException {
    Path bad = tmp.resolve("mixed.nmea");
    Files.writeString(bad, String.join("\n",
        "$GPRMC,093802,A,5213.1439,N,02100.6511,E,000.0,226.0,160305,004.2,E,D*15",
        "$GPRMC,093803,A,5213.1439,N,02100.6511,E,000.0,226.0,160305,004.2,E,D*15",
        "$GPRMC,093804,A,5213.1439,N,02100.6511,E,000.0,226.0,160305,004.2,E,D*13", ""), StandardCharsets.US_ASCII);
    Run r = run("validate", bad.toString());
    assertThat(r.code).isZero();
    assertThat(r.out).contains("mixed.nmea (nmea): read 3 = accepted 2 (observations 2) + rejected 1")
        .contains("time span 2005-03-16T09:38:02.000Z .. 2005-03-16T09:38:04.000Z")
        .contains(":2 @73: bad checksum: computed 14, sentence says 15 | $GPRMC,093803");
    assertThat(run("validate", "--max-bad", "0", bad.toString()).code).isEqualTo(ExitCode.TOO_MANY_BAD);
  }

  static Path realdata(String rel) {
    return SampleFiles.restricted(rel);
  }

  @Test
  void asterixPcapWithSitesGetsPositionsAndRawFileNeedsADate() throws IOException {
    Path sites = tmp.resolve("sites.yaml");
    Files.writeString(sites, "sites:\n  - {id: RDR-201, kind: radar, lat: 45.74, lon: 16.07, sac: 25, sic: 201}\n");
    Path out = tmp.resolve("radar.ndjson");
    Run r = run("ingest", realdata("feeds/asterix/cat_034_048.pcap").toString(),
        realdata("feeds/asterix/cat048.raw").toString(), "--sites", sites.toString(), "-o", out.toString());
    assertThat(r.code).isEqualTo(ExitCode.FAILURE); // the raw file has no date
    assertThat(r.err).contains("cat048.raw: ASTERIX time of day needs a date: give --date YYYY-MM-DD")
        .contains("cat_034_048.pcap (asterix/pcap): read 131 = accepted 131 (observations 63,");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(63);
    assertThat(lines.get(0)).contains("\"sensor\":\"RDR-201\"").contains("\"lat\":")
        .contains("\"t\":\"2016-05-05T07:35:54.601Z\"").contains("\"track\":\"RDR-201/3563\"");
    Run ok = run("ingest", realdata("feeds/asterix/cat048.raw").toString(), "--date", "2016-05-05",
        "-o", tmp.resolve("one.ndjson").toString());
    assertThat(ok.code).isZero();
    assertThat(Files.readAllLines(tmp.resolve("one.ndjson"))).singleElement().asString()
        .contains("ASTERIX-25-201/3563");
  }

  @Test
  void readsStdinWhenGivenDash() throws IOException {
    byte[] nmea = Files.readAllBytes(fixture("nmea/garmin17n.log"));
    java.io.InputStream saved = System.in;
    Path out = tmp.resolve("stdin.ndjson");
    try {
      System.setIn(new java.io.ByteArrayInputStream(nmea));
      Run r = run("ingest", "-", "--sensor", "PATROL-3", "-o", out.toString());
      assertThat(r.code).isZero();
      assertThat(r.err).contains("- (nmea): read ");
    } finally {
      System.setIn(saved);
    }
    assertThat(Files.readAllLines(out)).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"unit\":\"PATROL-3\""));
  }
}
