package io.watchline.cli;

import io.watchline.cli.io.InputFiles;
import io.watchline.cli.io.OutputTarget;
import io.watchline.cli.io.SameFiles;
import com.fasterxml.jackson.core.JsonGenerator;
import io.watchline.evaluate.Causes;
import io.watchline.evaluate.Evaluator;
import io.watchline.evaluate.Observability;
import io.watchline.feed.RejectSink;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.sites.SiteRegistry;
import io.watchline.evaluate.Truth;
import io.watchline.fusion.border.BorderView;
import io.watchline.incident.Incident;
import io.watchline.ndjson.BadRecordException;
import io.watchline.ndjson.IncidentNdjsonReader;
import io.watchline.ndjson.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchline evaluate}: incidents against simulator ground truth. */
@Command(
    name = "evaluate",
    header = "Score incidents against a simulated night's truth.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Scores incident candidates against a simulated night's truth.ndjson: a true crossing (or",
      "approach, loiter) is found when an incident of the same kind lies within 500 m and 5 min of",
      "it, one incident per true event. Prints recall, precision and mean position error per kind,",
      "crossings per sector, and every false alarm with its likely cause (patrol, wildlife, …).",
      "Crossings by wildlife and patrols are not wanted incidents.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  watchline evaluate --incidents incidents.ndjson --truth night/truth.ndjson",
      "  watchline evaluate --incidents incidents.ndjson --truth night/truth.ndjson --border mne-alb.geojson --json",
      "  watchline evaluate --incidents incidents.ndjson --truth night/truth.ndjson --sites sites.yaml --observations night/radar.ndjson night/thermal.ndjson"
    })
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin Verbosity log = new Verbosity();

  @Option(names = "--incidents", required = true, paramLabel = "FILE", description = "Incidents NDJSON from 'watchline fuse' ('-' for standard input).")
  String incidents;

  @Option(names = "--truth", required = true, paramLabel = "FILE", description = "truth.ndjson from 'watchline simulate'.")
  Path truth;

  /** Optional here: the border only gives missed crossings a sector. */
  @Mixin BorderOptions borderOptions = new BorderOptions();

  @Option(names = "--observations", arity = "1..*", paramLabel = "OBS",
      description = "The night's observation NDJSON files: also report recall over the events some sensor saw (needs --sites).")
  List<Path> observations = new ArrayList<>();

  @Option(names = "--sites", paramLabel = "FILE", description = "Sensor registry, to aim camera bearings (with --observations).")
  Path sites;

  @Option(names = "--tracks", paramLabel = "FILE",
      description = "Fused tracks ('fuse --tracks'): also report the GOSPA and OSPA track metrics (Stone Soup's "
          + "definitions, cut-off 100 m, order 1, GOSPA alpha 2) against the true paths, every 10 s.")
  Path tracks;

  @Option(names = "--json", description = "Machine-readable JSON instead of the table.")
  boolean json;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-", description = "Output file; '-' (default) is standard output.")
  String output;

  private Observability seen;
  private List<Incident> list = List.of();
  private io.watchline.evaluate.TrackScore trackScore;

  @Override
  public Integer call() throws IOException {
    List<Object> read = new ArrayList<>(observations);
    read.addAll(java.util.Arrays.asList(incidents, truth, borderOptions.border, borderOptions.sectors, sites, tracks));
    SameFiles.check(read, SameFiles.outputs("-o", output));
    if (!Files.isRegularFile(truth)) {
      throw new UserException("truth file not found: " + truth);
    }
    List<Incident> list = readIncidents();
    Truth t;
    try (InputStream in = Files.newInputStream(truth)) {
      t = Truth.read(in, truth.toString());
    }
    BorderView view = null;
    if (borderOptions.border != null) {
      Path border = borderOptions.border;
      if (!Files.isRegularFile(border)) throw new UserException("border file not found: " + border);
      view = BorderView.load(border, borderOptions.sectors, borderOptions.everyM, borderOptions.bandM);
    }
    BorderView v = view;
    Observability seen = null;
    if (!observations.isEmpty()) {
      if (sites == null) throw new UserException("--observations needs --sites (camera bearings are aimed from their sites)");
      seen = new Observability(t, SiteRegistry.load(sites));
      for (Path p : observations) {
        if (!Files.isRegularFile(p)) throw new UserException("observations file not found: " + p);
        try (InputStream in = Files.newInputStream(p);
            NdjsonObservationReader r = new NdjsonObservationReader(in, p.toString(), RejectSink.DISCARD)) {
          for (io.watchline.observation.Observation o; (o = r.next()) != null; ) {
            seen.accept(o);
          }
        }
      }
    }
    Evaluator.Report r = Evaluator.evaluate(list, t, v == null ? null : (la, lo) -> v.sectorOf(la, lo), seen);
    this.seen = seen;
    this.list = list;
    if (tracks != null) {
      if (!Files.isRegularFile(tracks)) throw new UserException("tracks file not found: " + tracks);
      try (InputStream in = Files.newInputStream(tracks)) {
        trackScore = io.watchline.evaluate.TrackScore.of(t, in, tracks.toString(), 100, 1, 10_000);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
    }
    try (OutputTarget out = OutputTarget.open(output)) {
      if (json) {
        writeJson(r, out, seen, list, trackScore);
      } else {
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out.stream(), java.nio.charset.StandardCharsets.UTF_8));
        w.print(table(r, seen, list, trackScore));
        w.flush();
      }
      out.commit();
    }
    return ExitCode.OK;
  }

  private List<Incident> readIncidents() throws IOException {
    if (!"-".equals(incidents) && !Files.isRegularFile(Path.of(incidents))) {
      throw new UserException("incidents file not found: " + incidents);
    }
    List<Incident> list = new ArrayList<>();
    try (InputStream in = "-".equals(incidents) ? InputFiles.stdin() : Files.newInputStream(Path.of(incidents));
        IncidentNdjsonReader reader = new IncidentNdjsonReader(in, incidents)) {
      for (Incident i; (i = reader.next()) != null; ) {
        list.add(i);
      }
    } catch (BadRecordException e) {
      throw new UserException(e.getMessage());
    }
    return list;
  }

  static String table(Evaluator.Report r, Observability seen) {
    return table(r, seen, List.of(), null);
  }

  static String table(Evaluator.Report r, Observability seen, List<Incident> incidents, io.watchline.evaluate.TrackScore ts) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-9s %6s %6s %7s %10s %8s %10s %11s %6s %12s%n", "kind", "truth", "found", "recall", "incidents",
        "matched", "precision", "mean_err_m", "seen", "recall_seen"));
    for (Evaluator.KindScore k : r.kinds()) {
      sb.append(String.format(Locale.ROOT, "%-9s %6d %6d %7s %10d %8d %10s %11s %6s %12s%n", k.kind(), k.truth(), k.found(), num(k.recall(), 3),
          k.incidents(), k.matched(), num(k.precision(), 3), num(k.meanErrorM(), 1), k.observable() < 0 ? "-" : String.valueOf(k.observable()),
          num(k.recallObservable(), 3)));
    }
    sb.append(String.format(Locale.ROOT, "%npatrol false alarms: %d   wildlife alarms: %d   other false alarms: %d%n",
        r.patrolFalseAlarms(), r.wildlifeAlarms(), r.falseAlarms().size() - r.patrolFalseAlarms() - r.wildlifeAlarms()));
    sb.append(String.format(Locale.ROOT, "%ncrossings by sector%n%-8s %6s %6s %10s %8s%n", "sector", "truth", "found", "incidents", "matched"));
    for (Evaluator.SectorScore s : r.sectors()) {
      sb.append(String.format(Locale.ROOT, "%-8s %6d %6d %10d %8d%n", s.sector(), s.truth(), s.found(), s.incidents(), s.matched()));
    }
    if (!r.falseAlarms().isEmpty()) {
      sb.append(String.format(Locale.ROOT, "%nfalse alarms%n"));
      for (Evaluator.FalseAlarm f : r.falseAlarms()) {
        sb.append(String.format(Locale.ROOT, "%-18s %-9s %-22s %-8s %s%n", f.id(), f.kind(), f.cause(), Causes.of(f),
            f.group() == null ? "" : f.group() + " at " + num(f.distanceM(), 0) + " m"));
      }
    }
    if (!r.missed().isEmpty()) {
      sb.append(String.format(Locale.ROOT, "%nmissed%n"));
      for (io.watchline.evaluate.TruthEvent e : r.missed()) {
        sb.append(String.format(Locale.ROOT, "%-9s %-24s %-20s %-8s %s %.5f %.5f%s%n", e.kind(),
            io.watchline.ndjson.IsoTime.format(e.tMs()), e.role(), Causes.of(e, incidents, seen), e.group(), e.lat(), e.lon(),
            seen == null ? "" : seen.observable(e) ? "" : "  (no sensor saw it)"));
      }
    }
    java.util.Map<String, int[]> causes = causeCounts(r, incidents, seen);
    if (!causes.isEmpty()) {
      sb.append(String.format(Locale.ROOT, "%ncauses%n%-8s %12s %7s%n", "category", "false_alarms", "missed"));
      causes.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%-8s %12d %7d%n", k, v[0], v[1])));
    }
    if (ts != null) {
      sb.append(String.format(Locale.ROOT, "%ntrack metrics (every 10 s, cut-off %.0f m, order %.0f): GOSPA %.1f m "
          + "(localisation %.1f m, missed %.2f, false tracks %.2f per step), OSPA %.1f m%n", ts.cutoffM(), ts.order(),
          ts.gospa(), ts.localisation(), ts.missed(), ts.falseTracks(), ts.ospa()));
    }
    return sb.toString();
  }

  private static String num(double v, int decimals) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** False alarms and misses per cause category ({@link Causes}), in a fixed order. */
  private static java.util.Map<String, int[]> causeCounts(Evaluator.Report r, List<Incident> incidents, Observability seen) {
    java.util.Map<String, int[]> out = new java.util.TreeMap<>();
    for (Evaluator.FalseAlarm f : r.falseAlarms()) {
      out.computeIfAbsent(Causes.of(f), k -> new int[2])[0]++;
    }
    for (io.watchline.evaluate.TruthEvent e : r.missed()) {
      out.computeIfAbsent(Causes.of(e, incidents, seen), k -> new int[2])[1]++;
    }
    return out;
  }

  private static void writeJson(Evaluator.Report r, OutputTarget out, Observability seen, List<Incident> incidents,
      io.watchline.evaluate.TrackScore ts) throws IOException {
    JsonGenerator g = Json.FACTORY.createGenerator(out.stream());
    g.writeStartObject();
    g.writeArrayFieldStart("kinds");
    for (Evaluator.KindScore k : r.kinds()) {
      g.writeStartObject();
      g.writeStringField("kind", k.kind());
      g.writeNumberField("truth", k.truth());
      g.writeNumberField("found", k.found());
      number(g, "recall", k.recall());
      g.writeNumberField("incidents", k.incidents());
      g.writeNumberField("matched", k.matched());
      number(g, "precision", k.precision());
      number(g, "mean_error_m", k.meanErrorM());
      if (k.observable() >= 0) {
        g.writeNumberField("observable", k.observable());
        g.writeNumberField("found_observable", k.foundObservable());
        number(g, "recall_observable", k.recallObservable());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("patrol_false_alarms", r.patrolFalseAlarms());
    g.writeNumberField("wildlife_alarms", r.wildlifeAlarms());
    g.writeArrayFieldStart("sectors");
    for (Evaluator.SectorScore s : r.sectors()) {
      g.writeStartObject();
      g.writeStringField("sector", s.sector());
      g.writeNumberField("truth", s.truth());
      g.writeNumberField("found", s.found());
      g.writeNumberField("incidents", s.incidents());
      g.writeNumberField("matched", s.matched());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("false_alarms");
    for (Evaluator.FalseAlarm f : r.falseAlarms()) {
      g.writeStartObject();
      g.writeStringField("id", f.id());
      g.writeStringField("kind", f.kind());
      g.writeStringField("cause", f.cause());
      g.writeStringField("category", Causes.of(f));
      if (f.group() != null) {
        g.writeStringField("group", f.group());
        number(g, "distance_m", Math.round(f.distanceM()));
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("missed");
    for (io.watchline.evaluate.TruthEvent e : r.missed()) {
      g.writeStartObject();
      g.writeStringField("kind", e.kind());
      g.writeStringField("t", io.watchline.ndjson.IsoTime.format(e.tMs()));
      g.writeStringField("role", e.role());
      g.writeStringField("group", e.group());
      g.writeNumberField("lat", e.lat());
      g.writeNumberField("lon", e.lon());
      if (seen != null) g.writeBooleanField("observable", seen.observable(e));
      g.writeStringField("category", Causes.of(e, incidents, seen));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("causes");
    for (java.util.Map.Entry<String, int[]> c : causeCounts(r, incidents, seen).entrySet()) {
      g.writeObjectFieldStart(c.getKey());
      g.writeNumberField("false_alarms", c.getValue()[0]);
      g.writeNumberField("missed", c.getValue()[1]);
      g.writeEndObject();
    }
    g.writeEndObject();
    if (ts != null) {
      g.writeObjectFieldStart("track_metrics");
      g.writeNumberField("cutoff_m", ts.cutoffM());
      g.writeNumberField("order", ts.order());
      g.writeNumberField("steps", ts.steps());
      number(g, "gospa_m", ts.gospa());
      number(g, "gospa_localisation_m", ts.localisation());
      number(g, "gospa_missed", ts.missed());
      number(g, "gospa_false", ts.falseTracks());
      number(g, "ospa_m", ts.ospa());
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeRaw('\n');
    g.flush();
  }

  private static void number(JsonGenerator g, String f, double v) throws IOException {
    if (Double.isNaN(v)) g.writeNullField(f);
    else g.writeNumberField(f, Math.round(v * 1000) / 1000.0);
  }
}
