package io.watchline.cli;

import io.watchline.cli.io.InputFiles;
import io.watchline.cli.io.OutputTarget;
import io.watchline.cli.io.RejectReport;
import io.watchline.cli.io.SameFiles;
import io.watchline.cli.evidence.Manifests;
import io.watchline.evidence.FileHash;
import io.watchline.evidence.HashingInputStream;
import io.watchline.evidence.RunManifest;
import io.watchline.evidence.SourceHashes;
import io.watchline.export.CanonicalRecord;
import io.watchline.export.GeoJsonRecordWriter;
import io.watchline.export.TrackRecord;
import io.watchline.feed.FeedReader;
import io.watchline.fusion.FusionConfig;
import io.watchline.fusion.FusionPipeline;
import io.watchline.fusion.TrackSink;
import io.watchline.fusion.border.BorderView;
import io.watchline.incident.IncidentSink;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.ndjson.NdjsonWriter;
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
      "  watchline ingest feeds/* | watchline fuse - --border mne-alb.geojson --sites sites.yaml -f geojson -o incidents.geojson",
      "  watchline fuse night/*.ndjson --border b.geojson --sites sites.yaml --min-score 0.3 --tracks tracks.ndjson",
      "  watchline ingest --listen udp://239.1.2.3:4000 --sites sites.yaml | watchline fuse --follow - --max-delay 5s \\",
      "      --border b.geojson --sites sites.yaml | watchline export - -f cot --send udp://239.2.3.4:6969"
    })
public final class FuseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin Verbosity log = new Verbosity();

  @Parameters(paramLabel = "OBS", description = "Canonical observation NDJSON files; '-' (default) is standard input.")
  List<String> inputs = new ArrayList<>();

  @Mixin BorderOptions borderOptions = new BorderOptions();

  @Option(names = "--sites", required = true, paramLabel = "FILE", description = "Sensor registry (sites.yaml).")
  Path sites;

  @Option(names = "--min-score", paramLabel = "S", defaultValue = "0.5", description = "Drop incidents scoring below S (0..1, default ${DEFAULT-VALUE}).")
  double minScore;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "ndjson", description = "Output format: ndjson (default) or geojson.")
  String to;

  @Option(names = "--tracks", paramLabel = "FILE", description = "Also write every confirmed track (NDJSON), with its patrol label.")
  String tracksFile;

  @Option(names = "--reorder-window", paramLabel = "DURATION", defaultValue = "30s", converter = TimeSpan.Millis.class,
      description = "How far back in time a record may come in its file and still be merged, e.g. 2s, 500ms (default ${DEFAULT-VALUE}).")
  long reorderWindowMs;

  @Mixin OutputOptions outputs = new OutputOptions();

  @Option(names = "--manifest", paramLabel = "FILE",
      description = "Run manifest (inputs, settings, outputs by SHA-256); default: manifest.json beside -o FILE, none for standard output.")
  String manifestFile;

  @Option(names = "--weather", paramLabel = "FILE",
      description = "Hourly weather (CSV or JSON: time, lat, lon, temperature_c, wind_kmh, precipitation_mm) for the"
          + " welfare exposure check (wind chill).")
  Path weatherFile;

  @Option(names = "--roads", paramLabel = "FILE",
      description = "Road lines (GeoJSON, GeoPackage, KML, WKT): welfare cases name the nearest road point; a long stay"
          + " near a road is a pick-up, not an abandonment.")
  Path roadsFile;

  @Option(names = "--water", paramLabel = "FILE", description = "Rivers and lakes as polygons (GeoJSON, GeoPackage, KML, WKT):"
      + " a track ending slowly at water is a welfare case.")
  Path waterFile;

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "embedded",
      description = "embedded (default): fuse in this process; flink: run the Flink job (flink/target/watchline-flink-job.jar,"
          + " docs/scale.md) in a local environment with the same arguments.")
  String engine;

  @Option(names = "--parallelism", paramLabel = "N", defaultValue = "2",
      description = "With --engine flink: task slots, and fusion regions along the border (default ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(names = "--threads", paramLabel = "N",
      description = "Fusion threads (default 1: not yet measured faster on a quiet machine, docs/performance.md). With 2 or more the border is cut into"
          + " N fusion regions fused side by side, inputs decoded on their own threads; the same incidents as --threads 1"
          + " (one engine, one thread), track ids numbered per region (docs/scale.md). --follow fuses on one thread.")
  Integer threads;

  /** More regions than this cost more in halo copies than they gain (docs/scale.md). */

  @Option(names = "--sign", paramLabel = "KEY", description = "Sign the manifest with this Ed25519 key (PKCS#8 PEM, see 'watchline evidence keygen').")
  Path signKey;

  @Option(names = "--follow",
      description = "Live: read the inputs as they grow (a file like tail -F, stdin or a pipe as it comes), write each"
          + " incident as soon as it is formed, again when it changes (same id, rev + 1) and last with \"final\": true,"
          + " each line flushed; ends at the end of a pipe or on SIGINT/SIGTERM (docs/live.md).")
  boolean follow;

  @Option(names = "--max-delay", paramLabel = "DURATION", defaultValue = "5s", converter = TimeSpan.Millis.class,
      description = "With --follow: how long after newer records a record may still arrive and be fused (the watermark,"
          + " default ${DEFAULT-VALUE}); later ones are counted and written to the rejects as late, never dropped silently.")
  long maxDelayMs;

  @Override
  public Integer call() throws IOException {
    if (follow && !"ndjson".equals(to)) {
      throw new UserException("--follow writes NDJSON incidents as they become final; --format geojson needs the whole list");
    }
    if (follow && !"-".equals(outputs.output) && (Files.isRegularFile(Path.of(outputs.output)) || !Files.exists(Path.of(outputs.output)))) {
      throw new UserException("with --follow write to standard output or a pipe: a file is written whole at the end");
    }
    if (!"ndjson".equals(to) && !"geojson".equals(to)) {
      throw new UserException("--format must be ndjson or geojson, not '" + to + "'");
    }
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new UserException("--min-score must be between 0 and 1");
    }
    borderOptions.require();
    Path border = borderOptions.border;
    Path sectors = borderOptions.sectors;
    if (!Files.isRegularFile(border)) {
      throw new UserException("border file not found: " + border);
    }
    if (sectors != null && !Files.isRegularFile(sectors)) {
      throw new UserException("sectors file not found: " + sectors);
    }
    List<String> files = inputs.isEmpty() ? List.of("-") : inputs;
    FeedInputOptions.checkStdinOnce(files);
    String rejectsPath = RejectReport.fileFor(outputs.rejectsFile, outputs.output);
    List<Object> read = new ArrayList<>(files);
    read.addAll(java.util.Arrays.asList(border, sectors, sites, weatherFile, roadsFile, waterFile));
    SameFiles.check(read, SameFiles.outputs("-o", outputs.output, "--tracks", tracksFile, "--rejects", rejectsPath,
        "--manifest", manifestFile));
    for (String f : files) {
      // Named pipes and /dev/fd/N (bash's <(watchline ingest ...)) are inputs too: only a
      // missing path, a directory or an unreadable file is a mistake.
      InputFiles.check(f);
    }
    if (!"embedded".equals(engine)) {
      return flink(files);
    }
    PrintWriter err = spec.commandLine().getErr();
    BorderView view;
    try {
      view = BorderView.load(border, sectors, borderOptions.everyM, borderOptions.bandM);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage().startsWith(border.toString()) ? e.getMessage() : border + ": " + e.getMessage());
    }
    SiteRegistry registry = SiteRegistry.load(sites);
    registry.requireNear(view.context().borderLonLat(), border.toString(), sites.toString());
    FusionPipeline.Welfare welfare = WelfareInputs.load(view, weatherFile, roadsFile, waterFile);
    if (signKey != null && manifestFile == null && "-".equals(outputs.output)) {
      throw new UserException("--sign signs the run manifest; with output to standard output give --manifest FILE");
    }
    java.security.PrivateKey key = Manifests.signingKey(signKey);
    RunManifest.Builder manifest = Manifests.start(spec);
    SourceHashes sourceHashes = new SourceHashes(Path.of(""));
    List<HashingInputStream> hashed = new ArrayList<>();

    if (threads != null && threads < 1) {
      throw new UserException("--threads must be at least 1");
    }
    int fusionThreads = follow || threads == null ? 1 : threads;
    long accepted = 0;
    io.watchline.cli.live.FollowedInputs followed = follow ? new io.watchline.cli.live.FollowedInputs() : null;
    try (OutputTarget out = OutputTarget.open(outputs.output);
        OutputTarget tracksOut = tracksFile == null ? null : OutputTarget.open(tracksFile);
        RejectReport rejects = RejectReport.open(rejectsPath, "fuse", err);
        // a signal stops the inputs, then waits until the incidents are out and the outputs closed
        io.watchline.cli.live.Shutdown signals = follow ? new io.watchline.cli.live.Shutdown(followed::stop) : null) {
      NdjsonWriter trackWriter = tracksOut == null ? null : new NdjsonWriter(tracksOut.stream());
      TrackSink sink = trackWriter == null ? TrackSink.NONE : t -> {
        TrackRecord.write(t, trackWriter.generator());
        trackWriter.endLine();
      };
      List<FeedReader> readers = new ArrayList<>();
      for (String f : files) {
        HashingInputStream in = new HashingInputStream(follow ? followed.open(f)
            : "-".equals(f) ? InputFiles.stdin() : Files.newInputStream(Path.of(f)));
        hashed.add(in);
        if (!"-".equals(f)) sourceHashes.known(f, Path.of(f));
        String name = "-".equals(f) ? "-" : f;
        readers.add(fusionThreads > 1
            ? io.watchline.feed.PrefetchReader.start(name, s -> new NdjsonObservationReader(in, name, s), rejects)
            : new NdjsonObservationReader(in, name, rejects));
      }
      // Incidents are written as they become final, so memory does not grow with the night.
      IncidentSink incidents;
      GeoJsonRecordWriter geojson = null;
      NdjsonWriter ndjson = null;
      if ("geojson".equals(to)) {
        // The same RFC 7946 features as `watchline export -f geojson`: one writer for both.
        GeoJsonRecordWriter w = new GeoJsonRecordWriter(out.stream(), false, true);
        geojson = w;
        incidents = i -> w.write(new CanonicalRecord.Inc(i));
      } else {
        NdjsonWriter w = new NdjsonWriter(out.stream());
        ndjson = w;
        incidents = follow ? new io.watchline.cli.live.RevisionWriter(w, sourceHashes)
            : i -> w.write(i, sourceHashes.of(i));
      }
      FusionPipeline.Result result = new FusionPipeline(view, registry).minScore(minScore).reorderWindowMs(follow ? maxDelayMs : reorderWindowMs)
          .releaseWhenFinal(follow).welfare(welfare).threads(fusionThreads)
          .tracks(sink).run(readers, follow ? new io.watchline.cli.live.MaxDelayRejects(rejects, maxDelayMs) : rejects, incidents);
      for (FeedReader r : readers) {
        accepted += r.stats().accepted();
        if (!log.quiet() || r.stats().rejectedCount() > 0) err.println("fuse: " + r.stats().summary());
      }
      if (result.late() > 0) {
        err.println("fuse: rejected " + result.late() + " late records (beyond the " + (follow ? "--max-delay "
            + io.watchline.cli.live.MaxDelayRejects.duration(maxDelayMs) + " watermark; raise it to keep them" : "reorder window") + "), kept in the rejects with their reason");
      }
      if (!log.quiet()) {
        err.println("fuse: " + result.stats().summary());
        err.println("fuse: " + result.stats().incidents + " incidents at --min-score " + minScore);
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
      out.commit();
      rejects.commit();
      rejects.printCounts();
      err.flush();
    }
    if (accepted == 0) {
      err.println("watchline: nothing usable was read: no observation was accepted from " + String.join(", ", files));
      err.flush();
      return ExitCode.NOTHING_USABLE;
    }
    if (!follow) { // a followed input has no final version to hash
      writeManifest(manifest, files, hashed, sourceHashes, registry, key);
    }
    return ExitCode.OK;
  }

  /**
   * {@code --engine flink}: the same arguments to the job jar in a child JVM, which also writes the
   * run manifest (unsigned) where fuse would.
   */
  private int flink(List<String> files) throws IOException {
    if (!"flink".equals(engine)) {
      throw new UserException("--engine must be embedded or flink, not '" + engine + "'");
    }
    if (signKey != null || parallelism < 1 || follow) {
      throw new UserException("--engine flink takes --parallelism of at least 1, and neither --sign nor --follow");
    }
    if (weatherFile != null || roadsFile != null || waterFile != null) {
      throw new UserException("--engine flink does not raise welfare incidents yet: no --weather, --roads or --water");
    }
    List<String> args = new ArrayList<>(files);
    args.addAll(List.of("--border", borderOptions.border.toString(), "--sites", sites.toString(), "--sector-every", borderOptions.everyM + "",
        "--band", borderOptions.bandM + "", "--min-score", minScore + "", "--reorder-window", reorderWindowMs + "", "--to", to,
        "-o", outputs.output, "--parallelism", parallelism + ""));
    if (borderOptions.sectors != null) args.addAll(List.of("--sectors", borderOptions.sectors.toString()));
    if (tracksFile != null) args.addAll(List.of("--tracks", tracksFile));
    if (outputs.rejectsFile != null) args.addAll(List.of("--rejects", outputs.rejectsFile));
    // fuse's default place: manifest.json beside the output file
    String manifest = manifestFile != null ? manifestFile
        : "-".equals(outputs.output) ? null : Path.of(outputs.output).toAbsolutePath().resolveSibling(Manifests.FILE).toString();
    if (manifest != null) args.addAll(List.of("--manifest", manifest));
    if (log.quiet()) args.add("-q");
    return FlinkEngine.run(args);
  }

  /** The run manifest (docs/evidence.md): inputs hashed as they were read, settings, outputs. */
  private void writeManifest(RunManifest.Builder m, List<String> files, List<HashingInputStream> hashed,
      SourceHashes sources, SiteRegistry registry, java.security.PrivateKey key) throws IOException {
    Path file = Manifests.location(manifestFile, outputs.output);
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
    m.inputFile("border", borderOptions.border).inputFile("sectors", borderOptions.sectors).inputFile("sites", sites)
        .inputFile("weather", weatherFile).inputFile("roads", roadsFile).inputFile("water", waterFile);
    // files the evidence names that fuse did not read itself (the raw feeds behind an ingest)
    sources.resolvedFiles().forEach((name, h) -> {
      if (!files.contains(name)) m.input("source", name, sources.pathOf(name), h);
    });
    Manifests.clockOffsets(m, registry);
    m.parameter("fusion.sector_every_m", borderOptions.everyM).parameter("fusion.band_m", borderOptions.bandM)
        .parameter("fusion.min_score", minScore).parameter("fusion.reorder_window_ms", reorderWindowMs)
        .parameters("fusion.config", FusionConfig.defaults())
        .parameters("fusion.welfare", io.watchline.fusion.welfare.WelfareConfig.defaults());
    // "incidents" is the NDJSON list evidence packages are cut from
    if (!"-".equals(outputs.output)) m.output("geojson".equals(to) ? "incidents-geojson" : "incidents", Path.of(outputs.output));
    if (tracksFile != null && !"-".equals(tracksFile)) m.output("tracks", Path.of(tracksFile));
    String rejectsPath = RejectReport.fileFor(outputs.rejectsFile, outputs.output);
    if (rejectsPath != null && Files.isRegularFile(Path.of(rejectsPath))) m.output("rejects", Path.of(rejectsPath));
    Manifests.write(m, file, key);
  }

}
