package io.watchline.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.watchline.cli.evidence.Manifests;
import io.watchline.evidence.FileHash;
import io.watchline.evidence.HashingInputStream;
import io.watchline.evidence.RunManifest;
import io.watchline.evidence.SourceHashes;
import io.watchline.export.CanonicalRecord;
import io.watchline.export.GeoJsonRecordWriter;
import io.watchline.feed.FeedReader;
import io.watchline.feed.RejectSink;
import io.watchline.fusion.FusionConfig;
import io.watchline.fusion.FusionEngine;
import io.watchline.fusion.TrackSink;
import io.watchline.fusion.TrackSummary;
import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.stream.TimeMerge;
import io.watchline.incident.IncidentSink;
import io.watchline.incident.TrackPoint;
import io.watchline.ndjson.IsoTime;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.ndjson.NdjsonWriter;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code watchline fuse}: observations in, incident candidates out. */
@Command(
    name = "fuse",
    header = "Fuse observations into tracks and incident candidates.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Fuses canonical observations (radar plots and tracks, camera detections, patrol GPS fixes)",
      "against the border: builds tracks, corroborates them across sensors, suppresses tracks that",
      "move with a patrol whose GPS is in the feed, and writes scored incident candidates",
      "(crossing, approach, loiter) sorted by time, each with its evidence.",
      "Several input files are merged by time; each must be roughly time-sorted.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  watchline fuse radar.ndjson thermal.ndjson patrol.ndjson --border mne-alb.geojson --sites sites.yaml > incidents.ndjson",
      "  watchline ingest feeds/* | watchline fuse - --border mne-alb.geojson --sites sites.yaml --to geojson -o incidents.geojson",
      "  watchline fuse night/*.ndjson --border b.geojson --sites sites.yaml --min-score 0.3 --tracks tracks.ndjson"
    })
public final class FuseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin Verbosity log = new Verbosity();

  @Parameters(paramLabel = "OBS", description = "Canonical observation NDJSON files; '-' (default) is standard input.")
  List<String> inputs = new ArrayList<>();

  @Option(names = {"--border", "--borders"}, required = true, paramLabel = "FILE",
      description = "Border line (GeoJSON LineString with side_left/side_right properties).")
  Path border;

  @Option(names = "--sectors", paramLabel = "FILE", description = "Sector polygons; default: cut every --sector-every metres.")
  Path sectors;

  @Option(names = {"--sector-every", "--every"}, paramLabel = "DIST", defaultValue = "10km", converter = Distance.class,
      description = "Sector length when cutting sectors (default ${DEFAULT-VALUE}, as for 'watchline sectors').")
  double sectorEveryM;

  @Option(names = "--band", paramLabel = "DIST", defaultValue = "5km", converter = Distance.class,
      description = "Sector band width on each side (default ${DEFAULT-VALUE}, as for 'watchline sectors').")
  double bandM;

  @Option(names = "--sites", required = true, paramLabel = "FILE", description = "Sensor registry (sites.yaml).")
  Path sites;

  @Option(names = "--min-score", paramLabel = "S", defaultValue = "0.5", description = "Drop incidents scoring below S (0..1, default ${DEFAULT-VALUE}).")
  double minScore;

  @Option(names = "--to", paramLabel = "FORMAT", defaultValue = "ndjson", description = "Output format: ndjson (default) or geojson.")
  String to;

  @Option(names = "--tracks", paramLabel = "FILE", description = "Also write every confirmed track (NDJSON), with its patrol label.")
  String tracksFile;

  @Option(names = "--rejects", paramLabel = "FILE", description = "Write rejected input records (NDJSON with reason and offset).")
  String rejectsFile;

  @Option(names = "--reorder-window", paramLabel = "MS", defaultValue = "30000",
      description = "How far back in time a record may come in its file and still be merged (default ${DEFAULT-VALUE} ms).")
  long reorderWindowMs;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-", description = "Output file; '-' (default) is standard output.")
  String output;

  @Option(names = "--manifest", paramLabel = "FILE",
      description = "Run manifest (inputs, settings, outputs by SHA-256); default: manifest.json beside -o FILE, none for standard output.")
  String manifestFile;

  @Option(names = "--sign", paramLabel = "KEY", description = "Sign the manifest with this Ed25519 key (PKCS#8 PEM, see 'watchline evidence keygen').")
  Path signKey;

  @Override
  public Integer call() throws IOException {
    if (!"ndjson".equals(to) && !"geojson".equals(to)) {
      throw new UserException("--to must be ndjson or geojson, not '" + to + "'");
    }
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new UserException("--min-score must be between 0 and 1");
    }
    if (!Files.isRegularFile(border)) {
      throw new UserException("border file not found: " + border);
    }
    if (sectors != null && !Files.isRegularFile(sectors)) {
      throw new UserException("sectors file not found: " + sectors);
    }
    List<String> files = inputs.isEmpty() ? List.of("-") : inputs;
    long stdin = files.stream().filter("-"::equals).count();
    if (stdin > 1) {
      throw new UserException("'-' (standard input) may be given only once");
    }
    for (String f : files) {
      // Named pipes and /dev/fd/N (bash's <(watchline ingest ...)) are inputs too: only a
      // missing path or a directory is a mistake.
      if (!"-".equals(f) && (!Files.exists(Path.of(f)) || Files.isDirectory(Path.of(f)))) {
        throw new UserException("no such input file: " + f);
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    BorderView view;
    try {
      view = BorderView.load(border, sectors, sectorEveryM, bandM);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage().startsWith(border.toString()) ? e.getMessage() : border + ": " + e.getMessage());
    }
    SiteRegistry registry = SiteRegistry.load(sites);
    if (signKey != null && manifestFile == null && "-".equals(output)) {
      throw new UserException("--sign signs the run manifest; with output to standard output give --manifest FILE");
    }
    java.security.PrivateKey key = Manifests.signingKey(signKey);
    RunManifest.Builder manifest = Manifests.start(spec);
    SourceHashes sourceHashes = new SourceHashes(Path.of(""));
    List<HashingInputStream> hashed = new ArrayList<>();

    try (AtomicOutput out = AtomicOutput.open(output);
        AtomicOutput tracksOut = tracksFile == null ? null : AtomicOutput.open(tracksFile);
        AtomicOutput rejectsOut = rejectsFile == null ? null : AtomicOutput.open(rejectsFile)) {
      NdjsonWriter rejectWriter = rejectsOut == null ? null : new NdjsonWriter(rejectsOut.stream());
      long[] rejected = {0};
      RejectSink rejects = r -> {
        rejected[0]++;
        if (rejectWriter != null) rejectWriter.reject(r);
      };
      NdjsonWriter trackWriter = tracksOut == null ? null : new NdjsonWriter(tracksOut.stream());
      TrackSink sink = trackWriter == null ? TrackSink.NONE : t -> writeTrack(t, trackWriter);
      List<FeedReader> readers = new ArrayList<>();
      for (String f : files) {
        HashingInputStream in = new HashingInputStream("-".equals(f) ? System.in : Files.newInputStream(Path.of(f)));
        hashed.add(in);
        if (!"-".equals(f)) sourceHashes.known(f, Path.of(f));
        readers.add(new NdjsonObservationReader(in, "-".equals(f) ? "-" : f, rejects));
      }
      // Incidents are written as they become final, so memory does not grow with the night.
      IncidentSink incidents;
      GeoJsonRecordWriter geojson = null;
      NdjsonWriter ndjson = null;
      if ("geojson".equals(to)) {
        // The same RFC 7946 features as `watchline export --to geojson`: one writer for both.
        GeoJsonRecordWriter w = new GeoJsonRecordWriter(out.stream(), false, true);
        geojson = w;
        incidents = i -> w.write(new CanonicalRecord.Inc(i));
      } else {
        NdjsonWriter w = new NdjsonWriter(out.stream());
        ndjson = w;
        incidents = i -> w.write(i, sourceHashes.of(i));
      }
      FusionEngine engine = new FusionEngine(view, registry, FusionConfig.defaults(), sink, minScore, incidents);
      try (TimeMerge merge = new TimeMerge(readers, rejects, reorderWindowMs, 1_000_000)) {
        Observation o;
        while ((o = merge.next()) != null) {
          engine.accept(o);
        }
        engine.finish();
        for (FeedReader r : readers) {
          if (!log.quiet()) err.println("fuse: " + r.stats().summary());
        }
        if (merge.late() > 0) {
          err.println("fuse: rejected " + merge.late() + " late records (beyond the reorder window)");
        }
      }
      if (!log.quiet()) {
        err.println("fuse: " + engine.stats().summary());
        err.println("fuse: " + engine.stats().incidents + " incidents at --min-score " + minScore);
      }
      if (geojson != null) {
        geojson.finish();
      } else {
        ndjson.flush();
      }
      if (trackWriter != null) {
        trackWriter.flush();
        tracksOut.commit();
      }
      if (rejectWriter != null) {
        rejectWriter.flush();
        rejectsOut.commit();
      }
      out.commit();
      err.flush();
    }
    writeManifest(manifest, files, hashed, sourceHashes, registry, key);
    return ExitCode.OK;
  }

  /** The run manifest (docs/evidence.md): inputs hashed as they were read, settings, outputs. */
  private void writeManifest(RunManifest.Builder m, List<String> files, List<HashingInputStream> hashed,
      SourceHashes sources, SiteRegistry registry, java.security.PrivateKey key) throws IOException {
    Path file = Manifests.location(manifestFile, output);
    if (file == null) return;
    for (int k = 0; k < files.size(); k++) {
      FileHash h = hashed.get(k).hash();
      FileHash again = sources.resolvedFiles().get(files.get(k));
      if (again != null && !again.equals(h)) {
        throw new UserException(files.get(k) + " changed while fuse read it (sha256 " + h.sha256() + " read, "
            + again.sha256() + " now); the incidents cannot be tied to one version of it", ExitCode.FAILURE);
      }
      m.input("observations", files.get(k), h);
    }
    m.inputFile("border", border).inputFile("sectors", sectors).inputFile("sites", sites);
    // files the evidence names that fuse did not read itself (the raw feeds behind an ingest)
    sources.resolvedFiles().forEach((name, h) -> {
      if (!files.contains(name)) m.input("source", name, sources.pathOf(name), h);
    });
    Manifests.clockOffsets(m, registry);
    m.parameter("fusion.sector_every_m", sectorEveryM).parameter("fusion.band_m", bandM)
        .parameter("fusion.min_score", minScore).parameter("fusion.reorder_window_ms", reorderWindowMs)
        .parameters("fusion.config", FusionConfig.defaults());
    // "incidents" is the NDJSON list evidence packages are cut from
    if (!"-".equals(output)) m.output("geojson".equals(to) ? "incidents-geojson" : "incidents", Path.of(output));
    if (tracksFile != null && !"-".equals(tracksFile)) m.output("tracks", Path.of(tracksFile));
    if (rejectsFile != null && !"-".equals(rejectsFile)) m.output("rejects", Path.of(rejectsFile));
    Manifests.write(m, file, key);
  }

  private static void writeTrack(TrackSummary t, NdjsonWriter w) throws IOException {
    JsonGenerator g = w.generator();
    g.writeStartObject();
    g.writeNumberField("track", t.id());
    g.writeStringField("label", t.label());
    if (t.patrolUnit() != null) {
      g.writeStringField("patrol_unit", t.patrolUnit());
      g.writeNumberField("patrol_distance_m", Math.round(t.patrolDistanceM() * 10) / 10.0);
      g.writeNumberField("patrol_share", Math.round(t.patrolShare() * 100) / 100.0);
    }
    g.writeStringField("cls", t.cls());
    g.writeNumberField("radar_hits", t.radarHits());
    g.writeNumberField("thermal_hits", t.thermalHits());
    g.writeNumberField("speed_mps", Math.round(t.speedMps() * 10) / 10.0);
    g.writeNumberField("evidence", t.evidence());
    g.writeArrayFieldStart("points");
    for (TrackPoint p : t.points()) {
      g.writeStartArray();
      g.writeNumber(p.lon());
      g.writeNumber(p.lat());
      g.writeString(IsoTime.format(p.t()));
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
    w.endLine();
  }

}
