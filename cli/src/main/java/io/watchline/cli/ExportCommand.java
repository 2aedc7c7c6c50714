package io.watchline.cli;

import io.watchline.cli.io.InputFiles;
import io.watchline.cli.io.IoErrors;
import io.watchline.cli.io.OutputTarget;
import io.watchline.cli.io.RejectReport;
import io.watchline.cli.io.SameFiles;
import io.watchline.export.CotRecordWriter;
import io.watchline.export.CsvRecordWriter;
import io.watchline.export.EurosurRecordWriter;
import io.watchline.export.ExportFormat;
import io.watchline.export.Exporter;
import io.watchline.export.GeoJsonRecordWriter;
import io.watchline.export.GeoPackageRecordWriter;
import io.watchline.export.KmlRecordWriter;
import io.watchline.export.RecordWriter;
import io.watchline.feed.ReadStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code watchline export}: canonical NDJSON to GIS, spreadsheet and TAK formats. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Convert NDJSON records to GeoJSON, CSV, KML, GPKG, CoT or EUROSUR event reports.",
    description = {
      "Converts canonical NDJSON (observations and incident candidates, mixed freely) to GeoJSON,",
      "GeoJSON text sequences (RFC 8142), CSV, KML (Google Earth), GeoPackage (QGIS) or",
      "Cursor-on-Target XML (TAK), or EUROSUR event reports (incidents only; needs --originator).",
      "Streams: memory stays flat however long the input.",
      "Bad lines are rejected with their line number and reason; the rest is exported."
    },
    footer = {
      "",
      "Examples:",
      "  watchline export incidents.ndjson -f geojson -o incidents.geojson",
      "  watchline fuse --border b.geojson --sites sites.yaml obs.ndjson | watchline export - -f cot | nc tak 8087",
      "  watchline export incidents.ndjson -f gpkg -o night.gpkg      # open in QGIS",
      "  watchline export obs.ndjson -f csv --rejects bad.ndjson > obs.csv",
      "  watchline export incidents.ndjson -f eurosur --originator MNE -o events.ndjson",
      "",
      "GeoPackage needs a file (-o NAME.gpkg); every other format also streams to stdout.",
      "CoT types: a crossing scoring >= --hostile-score is a-h-G, other incidents a-u-G,",
      "patrol fixes a-f-G, radar/thermal detections a-u-G (see docs/cli.md)."
    })
public final class ExportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "IN", defaultValue = "-", description = "Canonical NDJSON file, or - for stdin (default).")
  String input;

  @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES}.")
  ExportFormat format;

  @Mixin OutputOptions outputs = new OutputOptions();

  @Option(names = "--max-bad", paramLabel = "N", defaultValue = "-1",
      description = "Exit with code 3 when more than N lines are rejected (default: no limit). The good records are still written.")
  long maxBad;

  @Option(names = "--no-tracks", negatable = false,
      description = "GeoJSON: do not add a LineString feature for each incident's track.")
  boolean noTracks;

  @Option(names = "--hostile-score", paramLabel = "S", defaultValue = "0.8",
      description = "CoT: a crossing scoring at least S is typed hostile (a-h-G); default ${DEFAULT-VALUE}.")
  double hostileScore;

  @Option(names = "--stale-after", paramLabel = "DURATION", defaultValue = "PT1H", converter = TimeSpan.class,
      description = "CoT: stale time after the last observation, e.g. 1h or PT1H; default ${DEFAULT-VALUE}.")
  Duration staleAfter;

  @Option(names = "--originator", paramLabel = "NAME",
      description = "EUROSUR: the reporting country, e.g. MNE (a crossing into it is an entry, out of it an exit).")
  String originator;

  @Option(names = "--valid-for", paramLabel = "DURATION", defaultValue = "P7D", converter = TimeSpan.class,
      description = "EUROSUR: how long after an incident its report stays valid, e.g. 7d or P7D; default ${DEFAULT-VALUE}.")
  Duration validFor;

  @Option(names = "--send", paramLabel = "URL",
      description = "CoT: send each event as it is read to udp://HOST:PORT (one datagram each), tcp://HOST:PORT or"
          + " tls://HOST:PORT (a TAK server's streaming port) instead of writing a file (docs/live.md).")
  String send;

  @Option(names = "--cert", paramLabel = "FILE", description = "tls://: client certificate and key, PKCS#12.")
  Path cert;

  @Option(names = "--trust", paramLabel = "FILE", description = "tls://: trusted server certificates, PKCS#12 (default: the JDK's CAs).")
  Path trust;

  @Option(names = "--cert-password-env", paramLabel = "VAR", defaultValue = "WATCHLINE_CERT_PASSWORD",
      description = "tls://: environment variable holding the PKCS#12 password (default ${DEFAULT-VALUE}).")
  String certPasswordEnv;

  @Mixin Verbosity log;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (format == ExportFormat.EUROSUR && (originator == null || originator.isBlank())) {
      throw new UserException("--format eurosur needs --originator NAME: the reporting country, e.g. --originator MNE");
    }
    if (validFor.isNegative()) {
      throw new UserException("--valid-for must not be negative, e.g. P7D");
    }
    if (!(hostileScore >= 0)) {
      throw new UserException("--hostile-score must be 0..1 (above 1 never marks a crossing hostile)");
    }
    if (staleAfter.isNegative()) {
      throw new UserException("--stale-after must not be negative, e.g. PT1H");
    }
    String output = outputs.output;
    if (format == ExportFormat.GPKG && "-".equals(output)) {
      throw new UserException("a GeoPackage is a database file and cannot go to stdout: add -o NAME.gpkg");
    }
    if (format == ExportFormat.GPKG && !output.endsWith(".gpkg")) {
      throw new UserException("GeoPackage file names must end in .gpkg: use -o " + output + ".gpkg");
    }
    if (send != null) {
      return sendLive();
    }
    String rejectsPath = outputs.rejectsPath();
    PrintWriter err = spec.commandLine().getErr();
    SameFiles.check(java.util.List.of(input), SameFiles.outputs("-o", output, "--rejects", rejectsPath));
    String problem = InputFiles.problem(input);
    if (problem != null) {
      throw new UserException(problem + (problem.startsWith("no such file") ? " (give a canonical NDJSON file, or - for stdin)" : ""));
    }
    String name = "-".equals(input) ? "stdin" : Path.of(input).getFileName().toString();
    long size = "-".equals(input) || !Files.isRegularFile(Path.of(input)) ? -1 : Files.size(Path.of(input));

    ReadStats stats;
    long notRepresentable;
    // welfare incidents go first: a file is read twice (a pipe is spooled to a temporary file for that)
    Path spooled = null;
    if ("-".equals(input) || !Files.isRegularFile(Path.of(input))) {
      spooled = Files.createTempFile("watchline-export", ".ndjson");
      spooled.toFile().deleteOnExit();
      try (InputStream src = "-".equals(input) ? InputFiles.stdin() : Files.newInputStream(Path.of(input))) {
        Files.copy(src, spooled, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path source = spooled != null ? spooled : Path.of(input);
    try (RejectReport rejects = RejectReport.open(rejectsPath, "export", err);
        Progress progress = log.progress("export", size)) {
      if (format == ExportFormat.GPKG) {
        try (OutputTarget out = OutputTarget.openPath(output, ".gpkg")) {
          try (GeoPackageRecordWriter w = new GeoPackageRecordWriter(out.tempPath())) {
            stats = Exporter.exportWelfareFirst(source, name, w, rejects, progress::update);
            notRepresentable = 0;
          } catch (IOException | RuntimeException e) {
            if (IoErrors.noSpace(e)) { // SQLite says "database or disk is full" mid-statement
              throw new OutputTarget.WriteFailedException("cannot write " + output + ": no space left on device", e);
            }
            throw e;
          }
          out.commit();
        }
      } else {
        try (OutputTarget out = OutputTarget.open(output)) {
          try (RecordWriter w = format == ExportFormat.EUROSUR
              ? new EurosurRecordWriter(out.stream(), originator, validFor)
              : writer(format, out.stream(), name, !noTracks, hostileScore, staleAfter)) {
            stats = Exporter.exportWelfareFirst(source, name, w, rejects, progress::update);
            notRepresentable = w.notRepresentable();
          }
          out.commit();
        }
      }
      rejects.commit();
      rejects.printCounts();
    } finally {
      if (spooled != null) Files.deleteIfExists(spooled);
    }
    log.info(
        "export " + format.wireName() + ": read " + stats.read() + " = accepted " + stats.accepted()
            + " + rejected " + stats.rejectedCount()
            + (notRepresentable > 0 ? "; " + notRepresentable + (format == ExportFormat.EUROSUR
                ? " records are not border-crossing events (loiters, observations, tracks) and were left out"
                : " observations without a position cannot be shown in " + format.wireName()) : ""));
    if (stats.read() > 0 && stats.accepted() == 0) {
      err.println("watchline: nothing usable was read: all " + stats.read() + " lines of " + input + " were rejected");
      err.flush();
      return ExitCode.NOTHING_USABLE;
    }
    if (maxBad >= 0 && stats.rejectedCount() > maxBad) {
      log.warn(stats.rejectedCount() + " rejected lines exceed --max-bad " + maxBad
          + (rejectsPath == null ? "" : "; see " + rejectsPath));
      return ExitCode.TOO_MANY_BAD;
    }
    return ExitCode.OK;
  }

  /** {@code --send}: events to the network as they are read. */
  private int sendLive() throws IOException {
    if (format != ExportFormat.COT) {
      throw new UserException("--send sends Cursor-on-Target events: use -f cot");
    }
    if (!"-".equals(outputs.output)) {
      throw new UserException("--send and -o exclude each other: the events go to the network");
    }
    String problem = InputFiles.problem(input);
    if (problem != null) {
      throw new UserException(problem);
    }
    String env = System.getenv(certPasswordEnv);
    char[] password = env == null ? new char[0] : env.toCharArray();
    var tls = new io.watchline.live.Senders.Tls(cert, password, trust, password);
    PrintWriter err = spec.commandLine().getErr();
    io.watchline.cli.live.LiveExportRun.Result r;
    try (RejectReport rejects = RejectReport.open(outputs.rejectsFile, "export", err)) {
      r = io.watchline.cli.live.LiveExportRun.run(input, send, tls, hostileScore, staleAfter, rejects, err);
      rejects.printCounts();
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    log.info("export cot: read " + r.stats().read() + " = accepted " + r.stats().accepted() + " + rejected "
        + r.stats().rejectedCount() + "; sent " + r.sent() + " events to " + send
        + (r.notRepresentable() > 0 ? "; " + r.notRepresentable() + " observations without a position not sent" : ""));
    if (r.tooLarge() > 0) {
      log.warn(r.tooLarge() + " events larger than one datagram were not sent");
    }
    err.flush();
    if (r.stats().read() > 0 && r.stats().accepted() == 0) {
      return ExitCode.NOTHING_USABLE;
    }
    return r.tooLarge() > 0 ? ExitCode.FAILURE : ExitCode.OK;
  }

  /** The streaming writer of a format; GeoPackage is handled apart because it needs a file. */
  static RecordWriter writer(
      ExportFormat format, OutputStream out, String name, boolean tracks, double hostileScore, Duration staleAfter)
      throws IOException {
    return switch (format) {
      case GEOJSON -> new GeoJsonRecordWriter(out, false, tracks);
      case GEOJSONSEQ -> new GeoJsonRecordWriter(out, true, tracks);
      case CSV -> new CsvRecordWriter(out);
      case KML -> new KmlRecordWriter(out, name);
      case COT -> new CotRecordWriter(out, hostileScore, staleAfter);
      case GPKG -> throw new IllegalStateException("GeoPackage needs a file");
      case EUROSUR -> throw new IllegalStateException("EUROSUR reports need the originator");
    };
  }
}
