package io.watchline.cli;

import io.watchline.cli.io.InputFiles;
import io.watchline.cli.io.OutputTarget;
import io.watchline.cli.io.RejectReport;
import io.watchline.cli.io.SameFiles;
import java.io.PrintWriter;

import io.watchline.export.CanonicalRecord;
import io.watchline.export.CanonicalRecordReader;
import io.watchline.feed.Reject;
import io.watchline.fusion.border.BorderView;
import io.watchline.ndjson.NdjsonWriter;
import io.watchline.share.EvidenceSensors;
import io.watchline.share.PartnerKey;
import io.watchline.share.PositionPolicy;
import io.watchline.share.ShareLevel;
import io.watchline.share.Sharer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code watchline share}: an incident list cut down to what a partner may see. */
@Command(
    name = "share",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Cut an incident list down to what a partner may see, with marking metadata.",
    description = {
      "Writes an incident list at one sharing level (docs/cooperation.md has the table):",
      "  internal    everything, for our own staff",
      "  neighbour   for a neighbouring border police: sensor ids as keyed pseudonyms (HMAC-SHA-256",
      "              with the partner's key, stable over nights), no patrol units or positions,",
      "              evidence as keyed references, positions exact only within --band of the border",
      "              and snapped to a --grid elsewhere",
      "  eurosur     EUROSUR event reports (Annex 2 fields) of crossings and attempted crossings",
      "  statistics  counts per night, sector, kind and direction; no positions",
      "Every record carries a 'marking': level, classification, TLP, confidence (credibility, source",
      "reliability, validation), originator and validity.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  head -c 32 /dev/urandom > keys/alb.key     # one key per partner, exchanged once",
      "  watchline share --level neighbour --originator MNE --partner-key keys/alb.key --border b.geojson incidents.ndjson -o for-alb.ndjson",
      "  watchline share --level statistics --originator MNE incidents.ndjson > stats.ndjson"
    })
public final class ShareCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "IN", defaultValue = "-", description = "Incident NDJSON (fuse output), or - for stdin (default).")
  String input;

  @Option(names = "--level", required = true, paramLabel = "LEVEL", converter = LevelConverter.class,
      description = "internal, neighbour, eurosur or statistics.")
  ShareLevel level;

  @Option(names = "--originator", required = true, paramLabel = "NAME", description = "Who shares: our country or agency code, e.g. MNE.")
  String originator;

  @Option(names = "--partner-key", paramLabel = "FILE", description = "The key agreed with this partner (>= 16 bytes); needed at the neighbour level.")
  Path partnerKey;

  @Option(names = "--border", paramLabel = "GEOJSON", description = "Border line; needed at the neighbour level, optional at eurosur (positions then exact).")
  Path border;

  @Option(names = "--band", paramLabel = "DIST", defaultValue = "1km", converter = Distance.class,
      description = "Positions within this distance of the border stay exact (default ${DEFAULT-VALUE}).")
  double bandM;

  @Option(names = "--grid", paramLabel = "DIST", defaultValue = "1km", converter = Distance.class,
      description = "Positions farther out are snapped to a grid this coarse (default ${DEFAULT-VALUE}).")
  double gridM;

  @Option(names = "--classification", paramLabel = "TEXT", description = "Security classification (default: RESTRICTED, statistics UNCLASSIFIED).")
  String classification;

  @Option(names = "--valid-for", paramLabel = "DURATION", defaultValue = "P7D", converter = TimeSpan.class,
      description = "How long after an incident the record stays valid, e.g. 7d or P7D (default ${DEFAULT-VALUE}).")
  Duration validFor;

  @Option(names = "--evidence-root", paramLabel = "DIR",
      description = "Folder the evidence files are relative to, to tell each record's sensor (default: the input's folder).")
  Path evidenceRoot;

  @Mixin OutputOptions outputs = new OutputOptions();

  @Mixin Verbosity log;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (originator.isBlank()) {
      throw new UserException("--originator must name who shares, e.g. --originator MNE");
    }
    if (validFor.isNegative()) {
      throw new UserException("--valid-for must not be negative, e.g. P7D");
    }
    String rejectsPath = outputs.rejectsPath();
    PrintWriter err = spec.commandLine().getErr();
    SameFiles.check(java.util.Arrays.asList(input, partnerKey, border), SameFiles.outputs("-o", outputs.output, "--rejects", rejectsPath));
    String problem = InputFiles.problem(input);
    if (problem != null) {
      throw new UserException(problem + (problem.startsWith("no such file") ? " (give an incident NDJSON file, or - for stdin)" : ""));
    }
    PartnerKey key = null;
    if (level == ShareLevel.NEIGHBOUR) {
      if (partnerKey == null || border == null) {
        throw new UserException("--level neighbour needs --partner-key FILE and --border GEOJSON");
      }
    }
    if (partnerKey != null) {
      if (!Files.isRegularFile(partnerKey)) {
        throw new UserException("--partner-key: no such file: " + partnerKey);
      }
      try {
        key = PartnerKey.load(partnerKey);
      } catch (IllegalArgumentException e) {
        throw new UserException(partnerKey + ": " + e.getMessage());
      }
    }
    PositionPolicy policy = null;
    if (border != null) {
      if (!Files.isRegularFile(border)) {
        throw new UserException("--border: no such file: " + border);
      }
      BorderView view;
      try {
        view = BorderView.load(border, null, 10_000, 5_000);
      } catch (IllegalArgumentException e) {
        throw new UserException(border + ": " + e.getMessage());
      }
      if (!(gridM > 0)) {
        throw new UserException("--grid must be more than 0 m");
      }
      policy = new PositionPolicy(view::signedDistanceM, bandM, gridM);
    }
    Path root = evidenceRoot != null ? evidenceRoot
        : "-".equals(input) ? null : Path.of(input).toAbsolutePath().getParent();
    String name = "-".equals(input) ? "stdin" : Path.of(input).getFileName().toString();
    long notIncidents = 0;
    long incidents = 0;
    Sharer sharer;
    CanonicalRecordReader reader;
    try (InputStream in = "-".equals(input) ? InputFiles.stdin() : Files.newInputStream(Path.of(input));
        RejectReport rejects = RejectReport.open(rejectsPath, "share", err);
        EvidenceSensors sensors = new EvidenceSensors(root);
        OutputTarget out = OutputTarget.open(outputs.output)) {
      NdjsonWriter w = new NdjsonWriter(out.stream());
      sharer = new Sharer(new Sharer.Options(level, originator, classification, validFor, key, policy, sensors), w);
      reader = new CanonicalRecordReader(in, name, rejects);
      CanonicalRecord r;
      while ((r = reader.next()) != null) {
        if (r instanceof CanonicalRecord.Inc inc) {
          sharer.accept(inc.incident());
          incidents++;
        } else {
          // Observations and tracks are not shared by this command: counted and named, not dropped silently.
          notIncidents++;
          rejects.reject(new Reject(r instanceof CanonicalRecord.Obs o ? o.observation().src() : null,
              "not an incident: share takes incident lists (fuse output)", ""));
        }
      }
      sharer.finish();
      out.commit();
      rejects.commit();
      rejects.printCounts();
    }
    log.info("share " + level + ": read " + reader.stats().read() + " = incidents " + incidents + " + other records "
        + notIncidents + " + rejected " + reader.stats().rejectedCount() + "; wrote " + sharer.written() + " records"
        + (sharer.withheld() > 0 ? "; " + sharer.withheld() + " loiters are not border-crossing events and were left out" : "")
        + (key != null ? "; partner key " + key.fingerprint() : ""));
    if (incidents == 0 && reader.stats().read() > 0) {
      err.println("watchline: nothing usable was read: no incident could be read from " + name);
      err.flush();
      return ExitCode.NOTHING_USABLE;
    }
    return ExitCode.OK;
  }

  static final class LevelConverter implements picocli.CommandLine.ITypeConverter<ShareLevel> {
    @Override
    public ShareLevel convert(String s) {
      try {
        return ShareLevel.fromWire(s);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
