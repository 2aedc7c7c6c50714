package io.watchline.cli;

import io.watchline.cli.io.OutputTarget;
import io.watchline.fixtures.FixtureData;
import io.watchline.fixtures.sim.BorderLine;
import io.watchline.fixtures.sim.PatrolPlan;
import io.watchline.fixtures.sim.ScenarioConfig;
import io.watchline.fixtures.sim.Simulation;
import io.watchline.fixtures.sim.SimulationWriter;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchline simulate}: a synthetic night of sensor feeds with its ground truth. */
@Command(
    name = "simulate",
    header = "Write a synthetic night of sensor feeds and ground truth.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Writes a synthetic night of sensor feeds with its ground truth.",
      "",
      "The night has groups and vehicles crossing the border, others approaching and turning back,",
      "loiterers, two groups crossing close together, a crossing in a radar shadow, wildlife, radar",
      "clutter, patrols (whose own returns are in the feeds) and sensor dropouts. Without",
      "--border/--sites/--patrols it uses the bundled Montenegro-Albania demo data. The same options",
      "and seed give byte-identical files.",
      "",
      "Files in --output-dir: radar.ndjson, thermal.ndjson, patrol.ndjson (canonical observations, time",
      "order), truth.ndjson (crossings, approaches, loiters, paths, dropouts), truth-patrols.ndjson",
      "(true patrol positions), scenario.json (parameters and record counts), sites.yaml (the sites",
      "with the simulated sensors' detection figures: Pd, Doppler blind speed, scan period; fuse --sites",
      "it to track by them, docs/records.md).",
      "With --both-sides each country's feeds, sites.yaml and patrols.yaml go to --output-dir/<COUNTRY>/",
      "and border.geojson, the truth files and scenario.json to --output-dir (see docs/cooperation.md).",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  watchline simulate --seed 7 --output-dir /tmp/s7",
      "  watchline simulate --date 2026-11-20 --nights 7 --output-dir week/",
      "  watchline simulate --border my-border.geojson --sides ALB,MNE --sites sites.yaml --patrols none --output-dir s/",
      "  watchline simulate --scale 10000000 --output-dir /tmp/big      # benchmark input, flat memory",
      "  watchline simulate --demo --output-dir fixtures/data/demo/night # regenerate the committed demo night",
      "  watchline simulate --both-sides --seed 3 --output-dir /tmp/two   # /tmp/two/ALB/, /tmp/two/MNE/, truth at the top",
      "  watchline simulate --formats real --patrol-format cot --output-dir raw/ && watchline ingest --date 2026-11-27 --sites sites.yaml raw/*.ast raw/*.xml raw/*.cot"
    })
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin Verbosity log = new Verbosity();

  @Option(names = "--output-dir", required = true, paramLabel = "DIR", description = "Output folder (created).")
  Path out;

  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).", defaultValue = "1")
  long seed;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Date of the first evening (default: ${DEFAULT-VALUE}).",
      defaultValue = "2026-11-27", converter = DateConverter.class)
  LocalDate date;

  @Option(names = "--from", paramLabel = "HH:MM", description = "Night window start, UTC (default: ${DEFAULT-VALUE}).",
      defaultValue = "18:00", converter = TimeConverter.class)
  LocalTime from;

  @Option(names = "--to", paramLabel = "HH:MM", description = "Night window end, UTC; earlier than --from means next day (default: ${DEFAULT-VALUE}).",
      defaultValue = "06:00", converter = TimeConverter.class)
  LocalTime to;

  @Option(names = "--nights", paramLabel = "N", description = "Consecutive nights (default: ${DEFAULT-VALUE}).", defaultValue = "1")
  int nights;

  @Option(names = "--scale", paramLabel = "N",
      description = "Write exactly N observations (as many nights as it takes), streamed with flat memory; for benchmarks.")
  Long scale;

  @Option(names = "--border", paramLabel = "GEOJSON", description = "Border as a GeoJSON LineString (default: bundled Montenegro-Albania line).")
  Path border;

  @Option(names = "--sides", paramLabel = "LEFT,RIGHT",
      description = "Names of the countries left and right of the border line, walking from its first point (default: the file's side_left/side_right properties, else LEFT,RIGHT).")
  String sides;

  @Option(names = "--sites", paramLabel = "FILE", description = "Sensor sites (sites.yaml; default: bundled demo sites).")
  Path sites;

  @Option(names = "--patrols", paramLabel = "FILE|none", description = "Patrol plan YAML, or 'none' (default: bundled demo plan).")
  String patrols;

  @Option(names = "--crossings", paramLabel = "N", description = "Groups crossing per night (default: 10).")
  Integer crossings;

  @Option(names = "--vehicles", paramLabel = "N", description = "Vehicles crossing per night (default: 2).")
  Integer vehicles;

  @Option(names = "--approaches", paramLabel = "N", description = "Groups approaching and turning back per night (default: 4).")
  Integer approaches;

  @Option(names = "--loiterers", paramLabel = "N", description = "Loitering groups per night (default: 3).")
  Integer loiterers;

  @Option(names = "--animals", paramLabel = "N", description = "Wandering animals per night (default: 12).")
  Integer animals;

  @Option(names = "--clutter", paramLabel = "RATE", description = "Mean false radar plots per scan (default: 0.4).")
  Double clutter;

  /** Feed file formats. */
  enum Formats { CANONICAL, REAL }

  @Option(names = "--formats", paramLabel = "canonical|real", defaultValue = "canonical",
      description = "canonical (default): radar/thermal/patrol.ndjson. real: what the equipment writes, one file per sensor: "
          + "radar-<id>.ast (ASTERIX CAT048), thermal-<id>.xml (ONVIF metadata), patrol-<unit>.nmea|gpx|cot.")
  Formats formats;

  @Option(names = "--patrol-format", paramLabel = "nmea|gpx|cot", defaultValue = "NMEA",
      description = "Patrol GPS file format with --formats real (default: nmea).")
  io.watchline.feed.RealFormatWriter.PatrolFormat patrolFormat;

  @Option(names = "--both-sides",
      description = "Write the night as both countries record it: each side's own feeds, sites.yaml and patrols.yaml in "
          + "DIR/<COUNTRY>/ (the sensors and patrol units standing on its side), border.geojson and the common truth in DIR. "
          + "Without --sites/--patrols the bundled demo sites and patrols of both sides are used.")
  boolean bothSides;

  @Option(names = "--realism", paramLabel = "off|high|EFFECTS", defaultValue = "off",
      description = "Difficulties of a real night: 'high' turns all on, or name some (comma-separated): "
          + "doppler, cell-merge, false-plots, clutter-field, road-traffic, radar-dropouts, camera-split, "
          + "misclassification, camera-false, gps-loss, stops, split-crossings, returns, waits, vehicles, herds "
          + "(default: ${DEFAULT-VALUE}; docs/simulator.md).")
  String realism;

  @Option(names = "--welfare",
      description = "Also plant people in danger (a group abandoned after crossing, a person stuck at a river, a group resting"
          + " on a cold night) and look-alikes (a patrol resting at its post, animals bedding down, a pick-up wait on a warm"
          + " night), with truth; writes weather.csv, roads.geojson and water.geojson beside the feeds for fuse --weather,"
          + " --roads and --water.")
  boolean welfare;

  @Option(names = "--demo", description = "Use the committed demo night's settings (seed, window, counts); other options still apply on top.")
  boolean demo;

  @Option(names = "--planted-changes",
      description = {"Write --nights nights as nightly reports them (<date>/incidents.ndjson, sectors.csv) with planted",
          "changes (an emerging hotspot from week 6, a displacement from week 9) named in truth.json; for 'archive' and 'trends'."})
  boolean plantedChanges;

  @Override
  public Integer call() throws IOException {
    long started = System.nanoTime();
    ScenarioConfig cfg = config();
    Simulation sim = simulation(cfg);
    if (plantedChanges) {
      if (Files.exists(out) && !Files.isDirectory(out)) {
        throw new UserException("--output-dir " + out + " is a file, not a folder");
      }
      log.info(MonthsSimulate.run(sim.border(), seed, date.plusDays(1), nights, out));
      return ExitCode.OK;
    }
    if (welfare) {
      sim = sim.withWelfare();
    }
    List<OutputTarget> outputs = new ArrayList<>();
    SimulationWriter.Summary summary;
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UserException("--output-dir " + out + " is a file, not a folder; give a folder for the night's files");
    }
    SimulationWriter.Format format =
        formats == Formats.REAL ? SimulationWriter.Format.real(patrolFormat) : SimulationWriter.Format.CANONICAL;
    SimulationWriter.Opener opener = name -> {
      OutputTarget o = OutputTarget.open(out.resolve(name).toString());
      outputs.add(o);
      return o.stream();
    };
    try {
      Files.createDirectories(out);
      summary = bothSides
          ? SimulationWriter.writeBothSides(sim, inputs(), opener, format)
          : SimulationWriter.write(sim, inputs(), scale == null ? Long.MAX_VALUE : scale, opener, format);
      if (welfare) {
        sim.writeWelfareLayers(opener);
      }
      for (OutputTarget o : outputs) {
        o.commit();
      }
    } finally {
      for (OutputTarget o : outputs) {
        o.close();
      }
    }
    double s = (System.nanoTime() - started) / 1e9;
    log.info(String.format(Locale.ROOT, "simulate: %,d observations in %.1f s (%,.0f/s) -> %s", summary.observations(), s,
        summary.observations() / Math.max(s, 1e-9), out));
    for (Map.Entry<String, Long> e : summary.records().entrySet()) {
      log.detail(String.format(Locale.ROOT, "  %-22s %,12d records", e.getKey(), e.getValue()));
    }
    return ExitCode.OK;
  }

  ScenarioConfig config() {
    // --demo starts from the committed demo night's settings; explicit options still win.
    ScenarioConfig cfg = demo ? ScenarioConfig.demo() : ScenarioConfig.night(seed, date);
    if (!demo || option("--seed")) {
      cfg = cfg.withSeed(seed);
    }
    cfg = cfg.withWindow(
        demo && !option("--date") ? cfg.date() : date,
        demo && !option("--from") ? cfg.from() : from,
        demo && !option("--to") ? cfg.to() : to);
    if (cfg.from().equals(cfg.to())) {
      throw new UserException("--from and --to are the same time: the night window would be empty");
    }
    if (nights < 1) {
      throw new UserException("--nights must be at least 1");
    }
    if (scale != null && bothSides) {
      throw new UserException("--scale and --both-sides do not go together: --scale writes one benchmark feed");
    }
    if (scale != null && scale < 1) {
      throw new UserException("--scale must be at least 1");
    }
    cfg = cfg.withNights(scale != null ? ScenarioConfig.UNBOUNDED : nights);
    cfg = cfg.withCounts(
        nonNegative("--crossings", crossings, cfg.crossings()),
        nonNegative("--vehicles", vehicles, cfg.vehicleCrossings()),
        nonNegative("--approaches", approaches, cfg.approaches()),
        nonNegative("--loiterers", loiterers, cfg.loiterers()),
        nonNegative("--animals", animals, cfg.animals()));
    if (clutter != null) {
      if (!(clutter >= 0 && clutter <= 1000)) {
        throw new UserException("--clutter must be within 0..1000 plots per scan");
      }
      cfg = cfg.withClutter(clutter);
    }
    if (border != null) {
      cfg = cfg.withZones(List.of()); // the default zones are km marks of the bundled border
    }
    return cfg;
  }

  private boolean option(String name) {
    return spec.commandLine().getParseResult().hasMatchedOption(name);
  }

  private static int nonNegative(String name, Integer v, int dflt) {
    if (v == null) {
      return dflt;
    }
    if (v < 0) {
      throw new UserException(name + " must not be negative");
    }
    return v;
  }

  private SimulationWriter.Inputs inputs() {
    String partner = bothSides ? "+" + FixtureData.DEMO_PARTNER_SITES : "";
    String partnerPatrols = bothSides ? "+" + FixtureData.DEMO_PARTNER_PATROLS : "";
    return new SimulationWriter.Inputs(
        border == null ? "bundled:" + FixtureData.BORDER_MNE_ALB : border.toString(),
        sites == null ? "bundled:" + FixtureData.DEMO_SITES + partner : sites.toString(),
        patrols == null ? "bundled:" + FixtureData.DEMO_PATROLS + partnerPatrols : patrols);
  }

  private Simulation simulation(ScenarioConfig cfg) throws IOException {
    String left = border == null ? FixtureData.BORDER_LEFT_SIDE : null;
    String right = border == null ? FixtureData.BORDER_RIGHT_SIDE : null;
    if (sides != null) {
      String[] p = sides.split(",", -1);
      if (p.length != 2 || p[0].isBlank() || p[1].isBlank() || p[0].equals(p[1])) {
        throw new UserException("--sides takes two different names, LEFT,RIGHT, e.g. --sides ALB,MNE");
      }
      left = p[0].trim();
      right = p[1].trim();
    }
    BorderLine line;
    try (InputStream in = border == null ? FixtureData.open(FixtureData.BORDER_MNE_ALB) : open(border, "--border")) {
      line = BorderLine.read(in, border == null ? FixtureData.BORDER_MNE_ALB : border.toString(), left, right);
    }
    SiteRegistry registry;
    try (InputStream in = sites == null ? FixtureData.open(FixtureData.DEMO_SITES) : open(sites, "--sites")) {
      registry = SiteRegistry.load(in, sites == null ? FixtureData.DEMO_SITES : sites.toString());
    }
    if (bothSides && sites == null) {
      try (InputStream in = FixtureData.open(FixtureData.DEMO_PARTNER_SITES)) {
        List<io.watchline.sites.Site> all = new ArrayList<>(registry.all());
        all.addAll(SiteRegistry.load(in, FixtureData.DEMO_PARTNER_SITES).all());
        registry = new SiteRegistry(all);
      }
    }
    registry.requireNear(line.line(), border == null ? FixtureData.BORDER_MNE_ALB : border.toString(),
        sites == null ? FixtureData.DEMO_SITES : sites.toString());
    PatrolPlan plan;
    if ("none".equals(patrols)) {
      plan = PatrolPlan.none();
    } else {
      Path p = patrols == null ? null : Path.of(patrols);
      try (InputStream in = p == null ? FixtureData.open(FixtureData.DEMO_PATROLS) : open(p, "--patrols")) {
        plan = PatrolPlan.load(in, p == null ? FixtureData.DEMO_PATROLS : p.toString());
      }
      if (bothSides && p == null) {
        try (InputStream in = FixtureData.open(FixtureData.DEMO_PARTNER_PATROLS)) {
          List<PatrolPlan.Route> routes = new ArrayList<>(plan.routes());
          routes.addAll(PatrolPlan.load(in, FixtureData.DEMO_PARTNER_PATROLS).routes());
          plan = new PatrolPlan(List.copyOf(routes));
        }
      }
    }
    if (bothSides) {
      for (String side : List.of(line.left(), line.right())) {
        if (registry.all().stream().noneMatch(s -> line.sideOf(s.lon(), s.lat()).equals(side))) {
          throw new UserException("--both-sides: no sensor site stands on the " + side + " side of the border");
        }
      }
    }
    io.watchline.fixtures.sim.Realism real;
    try {
      real = io.watchline.fixtures.sim.Realism.parse(realism);
    } catch (IllegalArgumentException e) {
      throw new UserException("--realism: " + e.getMessage());
    }
    return new Simulation(cfg, line, registry, plan, real);
  }

  private static InputStream open(Path p, String option) throws IOException {
    if (!Files.isRegularFile(p)) {
      throw new UserException(option + ": no such file: " + p);
    }
    return Files.newInputStream(p);
  }

  /** Clock times as HH:MM, with a message that says so. */
  static final class TimeConverter implements picocli.CommandLine.ITypeConverter<LocalTime> {
    @Override
    public LocalTime convert(String s) {
      try {
        return LocalTime.parse(s);
      } catch (java.time.DateTimeException e) {
        throw new picocli.CommandLine.TypeConversionException("'" + s + "' is not a time of day (HH:MM, UTC)");
      }
    }
  }

  static final class DateConverter implements picocli.CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String s) {
      try {
        return LocalDate.parse(s);
      } catch (java.time.DateTimeException e) {
        throw new picocli.CommandLine.TypeConversionException("'" + s + "' is not a date (YYYY-MM-DD)");
      }
    }
  }
}
