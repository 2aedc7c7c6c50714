package io.watchline.cli;

import io.watchline.cli.io.StagedFolder;
import io.watchline.feed.FeedReader;
import io.watchline.feed.Feeds;
import io.watchline.feed.FeedFormat;
import io.watchline.cli.evidence.Manifests;
import io.watchline.evidence.RunManifest;
import io.watchline.feed.FeedOptions;
import io.watchline.geo.context.BorderContext;
import io.watchline.geo.coverage.CoverageAnalysis;
import io.watchline.geo.coverage.CoverageFiles;
import io.watchline.geo.coverage.CoverageOptions;
import io.watchline.geo.coverage.CoverageResult;
import io.watchline.geo.coverage.LineOfSight;
import io.watchline.geo.coverage.SensorSpec;
import io.watchline.geo.coverage.SensorUptime;
import io.watchline.geo.coverage.ViewshedParams;
import io.watchline.geo.render.CoverageMap;
import io.watchline.geo.render.HtmlMap;
import io.watchline.incident.Incident;
import io.watchline.ndjson.BadRecordException;
import io.watchline.ndjson.IncidentNdjsonReader;
import io.watchline.ndjson.NdjsonWriter;
import io.watchline.observation.Observation;
import io.watchline.sites.SensorSpecs;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchline coverage}: coverage-gap maps for a border, its sensors and its patrols. */
@Command(
    name = "coverage",
    header = "Map the border stretches no sensor sees, no patrol visits.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Finds the stretches of border that no sensor sees and no patrol visits",
      "often enough, per sector, and where extra sensors or patrols would close",
      "the most gap.",
      "",
      "A sensor sees a cell within its range and field of view that is in line",
      "of sight over the terrain (--dem), with earth curvature and refraction",
      "(coefficient 0.75 for radar, 0.85714 for cameras). Without --dem the",
      "earth is bare and flat apart from its curvature, and every output says",
      "so. A sensor covers only while it is alive: with --observations or",
      "--status, a silence longer than its timeout is an outage. Patrols cover a",
      "strip --sweep wide along their tracks. A border point is unwatched while",
      "no live sensor sees it and more than --revisit has passed since the last",
      "patrol. A gap is a run of border unwatched for some of the counted time,",
      "at least --min-gap long; it carries when it was unwatched.",
      "",
      "Writes into DIR: gaps.geojson, sectors.csv, suggestions.geojson and .csv,",
      "coverage.asc (0 none, 1 patrol, 2 sensor, 3 both) with its projection in",
      "coverage.prj (codes in coverage.txt), sensors.csv (up-time and outages",
      "per sensor), map.png, map.svg and map.html (interactive, offline).",
      "DIR is built under a temporary name and swapped in whole when complete;",
      "an existing DIR may hold only these files. A per-sector summary goes to",
      "standard error.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  watchline coverage --sites sites.yaml --border mne-alb.geojson --output-dir gaps/",
      "  watchline coverage --sites fixtures/data/demo/sites.yaml \\",
      "      --border fixtures/data/borders/mne-alb.geojson --dem N42E019.hgt \\",
      "      --patrols fixtures/data/demo/night/patrol.ndjson --revisit 1h \\",
      "      --window 2026-11-27T23:00Z/2026-11-28T00:30Z --suggest 3 --output-dir gaps/",
      "  watchline coverage --sites sites.yaml --border b.geojson --sectors s.geojson \\",
      "      --dem terrain.tif --patrols week/*.gpx --window 2026-11-20/2026-11-27 \\",
      "      --hours 18-06 --incidents incidents.ndjson --output-dir gaps/"
    })
public final class CoverageCommand implements Callable<Integer> {
  /** Every file coverage writes into --output-dir: an existing folder holding anything else is not replaced. */
  static final Set<String> OUTPUT_FILES = Set.of("gaps.geojson", "sectors.csv", "suggestions.csv", "suggestions.geojson",
      "coverage.asc", "coverage.prj", "coverage.txt", "sensors.csv", "map.png", "map.svg", "map.html", "patrol-rejects.ndjson",
      "observation-rejects.ndjson", "manifest.json", "manifest.json.sig");

  @Option(names = "--sites", required = true, paramLabel = "FILE", description = "Sensor registry (sites.yaml or JSON).")
  Path sites;

  @Mixin BorderOptions borderOptions = new BorderOptions();

  @Option(names = "--dem", arity = "1..*", paramLabel = "FILE",
      description = "Terrain: ESRI ASCII grid (.asc), SRTM .hgt or GeoTIFF; several tiles make a mosaic. "
          + "Cells outside every tile have no terrain data and are never counted as seen.")
  List<Path> dems = new ArrayList<>();

  @Option(names = "--bare-earth-outside-dem",
      description = "Compute cells outside every --dem tile on bare earth at sea level instead of leaving them unseen.")
  boolean bareEarthOutsideDem;

  @Option(names = "--patrols", arity = "1..*", paramLabel = "FILE",
      description = "Patrol GPS files (NMEA, GPX, CoT or canonical NDJSON; format from the content).")
  List<Path> patrols = new ArrayList<>();

  @Option(names = "--observations", arity = "1..*", paramLabel = "FILE",
      description = "The window's observations (any feed format, e.g. ingest's NDJSON): a sensor covers only while it "
          + "produced records (no silence over its timeout); patrol fixes among them count as patrols. "
          + "Without --observations or --status every sensor is assumed up.")
  List<Path> observations = new ArrayList<>();

  @Option(names = "--status", arity = "1..*", paramLabel = "FILE",
      description = "Sensor status NDJSON ({\"t\":…,\"sensor\":…} per scan or empty frame): signs of life that are not observations.")
  List<Path> status = new ArrayList<>();

  @Option(names = "--window", paramLabel = "START/END", converter = TimeWindow.Converter.class,
      description = "Time window, e.g. 2026-11-20T18:00Z/2026-11-21T06:00Z or 2026-11-20/2026-11-27 (end exclusive). "
          + "Required with --patrols; default without: 24 h from now.")
  TimeWindow window;

  @Option(names = "--hours", paramLabel = "HH-HH", description = "Count only these UTC hours each day, e.g. 18-06 for nights.")
  String hours;

  @Option(names = "--target-height", defaultValue = "1.7", paramLabel = "M",
      description = "Height of the target to see, metres (default ${DEFAULT-VALUE}, a person).")
  double targetHeight;

  @Option(names = "--vehicle", description = "Target is a vehicle (2.5 m) instead of a person.")
  boolean vehicle;

  @Option(names = "--sweep", defaultValue = "300m", converter = Distance.class, paramLabel = "DIST",
      description = "Width of the strip a patrol sees along its track (default ${DEFAULT-VALUE}).")
  double sweepM;

  @Option(names = "--revisit", defaultValue = "4h", paramLabel = "DURATION",
      description = "A point counts as patrolled when visited at least this often (default ${DEFAULT-VALUE}).")
  String revisit;

  @Option(names = "--min-gap", defaultValue = "200m", converter = Distance.class, paramLabel = "DIST",
      description = "Shortest uncovered run reported as a gap (default ${DEFAULT-VALUE}).")
  double minGapM;

  @Option(names = "--cell", defaultValue = "50m", converter = Distance.class, paramLabel = "DIST",
      description = "Coverage raster cell size (default ${DEFAULT-VALUE}).")
  double cellM;

  @Option(names = "--pd-at-max-range", defaultValue = "1.0", paramLabel = "P",
      description = "Detection probability at a sensor's maximum range, falling linearly from 1 (default ${DEFAULT-VALUE}: no fall-off).")
  double pdAtMax;

  @Option(names = "--min-pd", defaultValue = "0.5", paramLabel = "P",
      description = "Combined detection probability a cell needs to count as seen (default ${DEFAULT-VALUE}).")
  double minPd;

  @Option(names = "--suggest", defaultValue = "0", paramLabel = "K",
      description = "Suggest K extra sensor sites and K patrol routes (greedy max coverage).")
  int suggest;

  @Option(names = "--exact",
      description = "Same as --viewshed exact: exact line of sight to every cell (R3); slow, for small areas and checks.")
  boolean exact;

  @Option(names = "--viewshed", defaultValue = "r2", paramLabel = "ALGO",
      description = {"Line of sight: r2 (default; sight lines to the range ring, near exact), gdal (the",
          "gdal_viewshed sweep cell for cell; pessimistic on rough terrain) or exact (R3, slow)."})
  String viewshed;

  @Option(names = "--incidents", paramLabel = "FILE", description = "Incident NDJSON; counts incidents that fell inside gaps.")
  Path incidents;

  @Option(names = "--output-dir", required = true, paramLabel = "DIR", description = "Output folder, replaced whole when complete.")
  Path out;

  @Option(names = "--sign", paramLabel = "KEY", description = "Sign manifest.json with this Ed25519 key (PKCS#8 PEM, see 'watchline evidence keygen').")
  Path signKey;

  @Spec CommandSpec spec;

  @Mixin Verbosity log;

  @Override
  public Integer call() throws Exception {
    borderOptions.require();
    Path border = borderOptions.border;
    List<Path> inputs = new ArrayList<>(patrols);
    inputs.addAll(dems);
    inputs.addAll(observations);
    inputs.addAll(status);
    inputs.addAll(java.util.Arrays.asList(sites, border, borderOptions.sectors, incidents));
    for (Path in : inputs) {
      if (in != null && in.toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize())) {
        throw new UserException("input " + in + " is inside --output-dir " + out + ", which is replaced whole; move it out first");
      }
    }
    StagedFolder.check(out, OUTPUT_FILES);
    long[] win = parseWindow();
    java.security.PrivateKey key = Manifests.signingKey(signKey);
    int[] hrs = parseHours(hours);
    double target = vehicle ? ViewshedParams.VEHICLE_HEIGHT_M : targetHeight;
    if (suggest < 0 || suggest > 50) {
      throw new UserException("--suggest must be 0..50");
    }
    CoverageOptions o = new CoverageOptions(win[0], win[1], hrs[0], hrs[1], target, cellM, Math.min(50, cellM), sweepM,
        parseDuration(revisit), minGapM, pdAtMax, minPd, suggest, 2000, 10, 6000, 8000);

    BorderContext ctx = borderOptions.load();
    SiteRegistry registry = SiteRegistry.load(sites);
    registry.requireNear(ctx.borderLonLat(), border.toString(), sites.toString());
    SensorUptime uptime = observations.isEmpty() && status.isEmpty() ? null : SensorActivity.uptime(registry, win[0], win[1]);
    List<SensorSpec> sensors = SensorSpecs.of(registry);
    if (sensors.isEmpty()) {
      log.warn("no sensors in " + sites + ": coverage comes from patrols only");
    }
    CoverageAssembly.Prepared prepared = CoverageAssembly.prepare(ctx, sensors, o, borderOptions.bandM, dems, bareEarthOutsideDem, lineOfSight());
    CoverageResult.GridFrame frame = prepared.frame();
    log.info(String.format(Locale.ROOT, "coverage raster %dx%d cells of %.0f m; %d sensors", frame.width(), frame.height(),
        cellM, sensors.size()));
    CoverageAnalysis analysis = prepared.analysis();

    try (StagedFolder staged = StagedFolder.create(out, OUTPUT_FILES)) {
      long rejected = readPatrols(analysis, staged.dir());
      if (uptime != null) {
        readActivity(analysis, uptime, registry, staged.dir());
      }
      List<CoverageAnalysis.IncidentPoint> incidentPoints = readIncidents();
      CoverageResult r = analysis.finish(incidentPoints, uptime);
      writeAll(r, staged.dir(), win, hrs);
      writeManifest(staged.dir(), key);
      staged.publish();
      summary(r, rejected);
    }
    return ExitCode.OK;
  }

  /** manifest.json in the output folder: every input and output by SHA-256, and the settings. */
  private void writeManifest(Path staging, java.security.PrivateKey key) throws IOException {
    RunManifest.Builder m = Manifests.start(spec).inputFile("border", borderOptions.border).inputFile("sectors", borderOptions.sectors)
        .inputFile("sites", sites).inputFile("incidents", incidents);
    for (Path p : dems) m.inputFile("dem", p);
    for (Path p : patrols) m.inputFile("patrol", p);
    for (Path p : observations) m.inputFile("observations", p);
    for (Path p : status) m.inputFile("status", p);
    Manifests.clockOffsets(m, SiteRegistry.load(sites));
    Manifests.writeForFolder(m, staging, key);
  }

  private LineOfSight lineOfSight() {
    LineOfSight l = LineOfSight.byId(viewshed);
    if (l == null) {
      throw new UserException("--viewshed must be r2, gdal or exact, not '" + viewshed + "'");
    }
    if (exact && l != LineOfSight.EXACT && !"r2".equals(viewshed)) {
      throw new UserException("--exact and --viewshed " + viewshed + " contradict each other");
    }
    return exact ? LineOfSight.EXACT : l;
  }

  private long readPatrols(CoverageAnalysis analysis, Path staging) throws IOException {
    if (patrols.isEmpty()) {
      return 0;
    }
    long rejected = 0;
    try (OutputStream rejOut = Files.newOutputStream(staging.resolve("patrol-rejects.ndjson"));
        NdjsonWriter rejects = new NdjsonWriter(rejOut)) {
      for (Path p : patrols) {
        try (FeedReader reader = Feeds.open(p, FeedFormat.AUTO, FeedOptions.defaults(), SiteRegistry.empty(), rejects)) {
          Observation ob;
          long used = 0;
          while ((ob = reader.next()) != null) {
            if (CoverageAssembly.add(analysis, null, ob)) {
              used++;
            }
          }
          rejected += reader.stats().rejectedCount();
          log.detail(String.format(Locale.ROOT, "%s: %d patrol fixes read, %d rejected", p, used, reader.stats().rejectedCount()));
        }
      }
    }
    return rejected;
  }

  /** Observations and status lines: who was alive when; patrol fixes among the observations count as patrols. */
  private void readActivity(CoverageAnalysis analysis, SensorUptime uptime, SiteRegistry registry, Path staging) throws IOException {
    long records = 0;
    long rejected = 0;
    try (OutputStream rejOut = Files.newOutputStream(staging.resolve("observation-rejects.ndjson"));
        NdjsonWriter rejects = new NdjsonWriter(rejOut)) {
      for (Path p : observations) {
        if (Files.isRegularFile(p) && Files.size(p) == 0) {
          log.warn(p + " is empty: no records from it");
          continue;
        }
        // raw radar and camera feeds also carry signs of life without observations (CAT034, empty frames)
        FeedOptions options = FeedOptions.defaults().withStatus(st -> uptime.heard(st.sensor(), st.t().toEpochMilli()));
        try (FeedReader reader = Feeds.open(p, FeedFormat.AUTO, options, registry, rejects)) {
          Observation ob;
          while ((ob = reader.next()) != null) {
            records++;
            CoverageAssembly.add(analysis, uptime, ob);
          }
          rejected += reader.stats().rejectedCount();
        }
      }
      for (Path p : status) {
        SensorActivity.StatusStats st = SensorActivity.readStatus(p, uptime, rejects);
        records += st.accepted();
        rejected += st.rejected();
      }
    }
    log.info(String.format(Locale.ROOT, "sensor availability from %d records (%s)", records,
        rejected == 0 ? "none rejected" : rejected + " rejected, see observation-rejects.ndjson"));
    if (uptime.heardCount() == 0) {
      log.warn("no sensor was heard in the window: every sensor counts as down");
    }
  }

  private List<CoverageAnalysis.IncidentPoint> readIncidents() throws IOException {
    List<CoverageAnalysis.IncidentPoint> list = new ArrayList<>();
    if (incidents == null) {
      return list;
    }
    // read as every command reads incident lists: strictly, a bad line is an error with its number
    try (IncidentNdjsonReader reader = new IncidentNdjsonReader(Files.newInputStream(incidents), incidents.toString())) {
      for (Incident i; (i = reader.next()) != null; ) {
        list.add(CoverageAssembly.point(i));
      }
    } catch (BadRecordException e) {
      throw new UserException(e.getMessage());
    }
    return list;
  }


  private void writeAll(CoverageResult r, Path dir, long[] win, int[] hrs) throws IOException {
    try (OutputStream os = Files.newOutputStream(dir.resolve("gaps.geojson"))) { CoverageFiles.writeGaps(r, os); }
    try (OutputStream os = Files.newOutputStream(dir.resolve("sectors.csv"))) { CoverageFiles.writeSectors(r, os); }
    try (OutputStream os = Files.newOutputStream(dir.resolve("sensors.csv"))) { CoverageFiles.writeSensors(r, os); }
    try (OutputStream os = Files.newOutputStream(dir.resolve("suggestions.csv"))) { CoverageFiles.writeSuggestionsCsv(r, os); }
    try (OutputStream os = Files.newOutputStream(dir.resolve("suggestions.geojson"))) { CoverageFiles.writeSuggestionsGeoJson(r, os); }
    try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve("coverage.asc")), 1 << 16)) {
      CoverageFiles.writeCoverageAsc(r, os);
    }
    // the .prj next to the grid is what GDAL and QGIS read to place it
    Files.writeString(dir.resolve("coverage.prj"), r.projection().esriWkt() + "\n");
    Files.writeString(dir.resolve("coverage.txt"), "coverage.asc codes: 0 none, 1 patrol only, 2 sensor, 3 sensor and patrol\n"
        + "coordinates: metres in the local projection " + r.projection().definition() + " (coverage.prj)\n"
        + String.join("\n", r.notes()) + "\n");
    String title = "Coverage gaps: " + borderOptions.border.getFileName();
    String subtitle = windowText(win, hrs) + String.format(Locale.ROOT, "  |  target %s m, sweep %s m, revisit %s, line of sight %s",
        trim(r.options().targetHeightM()), trim(sweepM), revisit, lineOfSight().id());
    CoverageMap map = new CoverageMap(r, title, subtitle);
    try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve("map.png")))) { map.writePng(os); }
    try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve("map.svg")))) { map.writeSvg(os); }
    try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve("map.html")))) {
      new HtmlMap(r, title, subtitle).write(os);
    }
  }

  private void summary(CoverageResult r, long rejected) {
    if (log.quiet()) {
      return;
    }
    for (String n : r.notes()) {
      log.err().println("note: " + n);
    }
    log.err().printf(Locale.ROOT, "%-8s %9s %9s %7s %9s %9s %9s%n", "sector", "border km", "gap km", "gap %", "sensor km",
        "unwatch h", "worst h");
    double total = 0, gap = 0;
    for (CoverageResult.SectorRow s : r.sectors()) {
      total += s.borderKm();
      gap += s.uncoveredKm();
      log.err().printf(Locale.ROOT, "%-8s %9.2f %9.2f %7.1f %9.2f %9.1f %9.1f%n", s.id(), s.borderKm(), s.uncoveredKm(),
          s.uncoveredPct(), s.sensorKm(), s.hoursUncovered(), s.worstRevisitHours());
    }
    log.err().printf(Locale.ROOT, "%d gaps, %.1f of %.1f km of border uncovered (%.1f %%)%n", r.gaps().size(), gap, total,
        total > 0 ? 100 * gap / total : 0);
    CoverageResult.PatrolStats ps = r.patrolStats();
    if (!patrols.isEmpty()) {
      log.err().printf(Locale.ROOT, "patrols: %d fixes from %d units, %d in the window, %d rejected (see patrol-rejects.ndjson)%n",
          ps.fixes(), ps.units(), ps.inWindow(), rejected);
    }
    for (CoverageResult.Suggestion s : r.suggestions()) {
      log.err().printf(Locale.ROOT, "suggestion %d: %s at %.5f,%.5f (%s) adds %.2f km%n", s.rank(), s.kind(), s.lat(), s.lon(),
          s.sector(), s.addedKm());
    }
    log.err().println("wrote " + out);
  }

  // ------------------------------------------------------------------ parsing

  private long[] parseWindow() {
    if (window == null) {
      if (!patrols.isEmpty() || !observations.isEmpty() || !status.isEmpty()) {
        throw new UserException("give --window START/END when --patrols, --observations or --status are used (e.g. 2026-11-20T18:00Z/2026-11-21T06:00Z)");
      }
      long now = System.currentTimeMillis();
      return new long[] {now, now + 86_400_000L};
    }
    return new long[] {window.startMs(), window.endMs()};
  }

  static int[] parseHours(String h) {
    if (h == null) {
      return new int[] {-1, -1};
    }
    Matcher m = Pattern.compile("(\\d{1,2})-(\\d{1,2})").matcher(h.trim());
    if (!m.matches() || Integer.parseInt(m.group(1)) > 23 || Integer.parseInt(m.group(2)) > 24) {
      throw new UserException("--hours must be HH-HH in UTC, e.g. 18-06, got " + h);
    }
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }

  static long parseDuration(String s) {
    if (s.trim().matches("[0-9.]+")) { // a revisit needs its unit: 4 alone is not 4 ms
      throw new UserException("not a duration: '" + s + "' (examples: 4h, 90min, 1d)");
    }
    long ms;
    try {
      ms = TimeSpan.parse(s).toMillis();
    } catch (picocli.CommandLine.TypeConversionException e) {
      throw new UserException("not a duration: '" + s + "' (examples: 4h, 90min, 1d)");
    }
    if (ms <= 0) {
      throw new UserException("duration must be positive: " + s);
    }
    return ms;
  }

  private static String windowText(long[] win, int[] hrs) {
    String a = Instant.ofEpochMilli(win[0]).toString().replace(":00Z", "Z").replace("T", " ");
    String b = Instant.ofEpochMilli(win[1]).toString().replace(":00Z", "Z").replace("T", " ");
    String h = hrs[0] < 0 ? "" : String.format(Locale.ROOT, " (hours %02d-%02d UTC)", hrs[0], hrs[1]);
    return "Window " + a + " to " + b + h;
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
