package io.watchline.cli;

import io.watchline.evaluate.Evaluator;
import io.watchline.evaluate.Observability;
import io.watchline.evaluate.Truth;
import io.watchline.evaluate.TruthEvent;
import io.watchline.feed.RejectSink;
import io.watchline.geo.geodesy.Geodesy;
import io.watchline.incident.Incident;
import io.watchline.merge.SharedIncident;
import io.watchline.merge.SharedIncidentReader;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.observation.Observation;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Simulated two-sided nights run through the commands as an operator would: {@code simulate
 * --both-sides}, then per country {@code fuse} and {@code share --level internal}, then {@code
 * merge} both ways. Scores each side and the joint list against the common truth.
 */
final class TwoSidedNights {
  static final List<String> SIDES = List.of("ALB", "MNE");

  final Path dir;
  final Truth truth;

  TwoSidedNights(Path dir, long seed, int nights) throws IOException {
    this.dir = dir;
    run("simulate", "-q", "--both-sides", "--seed", Long.toString(seed), "--nights", Integer.toString(nights),
        "--from", "22:00", "--to", "01:00", "--output-dir", dir.toString());
    for (String c : SIDES) {
      Path side = dir.resolve(c);
      run("fuse", "-q", side.resolve("radar.ndjson").toString(), side.resolve("thermal.ndjson").toString(),
          side.resolve("patrol.ndjson").toString(), "--border", border().toString(), "--sites", side.resolve("sites.yaml").toString(),
          "-o", side.resolve("incidents.ndjson").toString());
      run("share", "-q", "--level", "internal", "--originator", c, side.resolve("incidents.ndjson").toString(),
          "-o", side.resolve("internal.ndjson").toString());
    }
    run("merge", "-q", internal("MNE").toString(), internal("ALB").toString(), "-o", dir.resolve("joint-mne-alb.ndjson").toString());
    run("merge", "-q", internal("ALB").toString(), internal("MNE").toString(), "-o", dir.resolve("joint-alb-mne.ndjson").toString());
    try (InputStream in = Files.newInputStream(dir.resolve("truth.ndjson"))) {
      truth = Truth.read(in, "truth.ndjson");
    }
  }

  static void run(String... args) {
    int rc = Main.run(args);
    if (rc != 0) {
      throw new IllegalStateException("watchline " + String.join(" ", args) + " exited " + rc);
    }
  }

  Path border() {
    return dir.resolve("border.geojson");
  }

  Path internal(String country) {
    return dir.resolve(country).resolve("internal.ndjson");
  }

  static List<Incident> incidents(Path file) throws IOException {
    List<Incident> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file);
        SharedIncidentReader r = new SharedIncidentReader(in, file.toString(), "-", RejectSink.DISCARD)) {
      for (SharedIncident s; (s = r.next()) != null; ) {
        out.add(s.incident());
      }
    }
    return out;
  }

  /** Which true events a country's sensors saw (its radar and camera feeds, its sites). */
  Observability seenBy(String country) throws IOException {
    Path side = dir.resolve(country);
    Observability seen = new Observability(truth, SiteRegistry.load(side.resolve("sites.yaml")));
    for (String f : List.of("radar.ndjson", "thermal.ndjson")) {
      try (InputStream in = Files.newInputStream(side.resolve(f));
          NdjsonObservationReader r = new NdjsonObservationReader(in, f, RejectSink.DISCARD)) {
        for (Observation o; (o = r.next()) != null; ) {
          seen.accept(o);
        }
      }
    }
    return seen;
  }

  /** The wanted true crossings. */
  List<TruthEvent> crossings() {
    return truth.events().stream().filter(e -> e.kind().equals("crossing") && e.wanted()).toList();
  }

  Evaluator.KindScore crossingScore(List<Incident> incidents) {
    return Evaluator.evaluate(incidents, truth, null).kind("crossing");
  }

  /**
   * Crossing incidents that the one-to-one matching left over although a true crossing lies
   * within the gates: a second report of a crossing already found.
   */
  int duplicates(List<Incident> incidents) {
    Evaluator.Report r = Evaluator.evaluate(incidents, truth, null);
    int n = 0;
    for (Evaluator.FalseAlarm a : r.falseAlarms()) {
      if (!a.kind().equals("crossing")) continue;
      Incident i = incidents.stream().filter(x -> x.id().equals(a.id())).findFirst().orElseThrow();
      long t = i.eventTime().toEpochMilli();
      for (TruthEvent e : crossings()) {
        if (Geodesy.distance(e.lat(), e.lon(), i.lat(), i.lon()) <= Evaluator.MAX_DISTANCE_M && Math.abs(e.tMs() - t) <= Evaluator.MAX_TIME_MS) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  /** Recall over the crossings some sensor of either country saw. */
  double recallOverSeen(List<Incident> incidents, Observability a, Observability b) {
    List<TruthEvent> seen = crossings().stream().filter(e -> a.observable(e) || b.observable(e)).toList();
    Truth onlySeen = new Truth(seen, truth.paths());
    Evaluator.KindScore k = Evaluator.evaluate(incidents, onlySeen, null).kind("crossing");
    return k.truth() == 0 ? Double.NaN : (double) k.found() / k.truth();
  }

  /** The figures, one line per list. */
  String report(Observability alb, Observability mne) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String name : List.of("ALB", "MNE", "joint")) {
      List<Incident> list = incidents(name.equals("joint") ? dir.resolve("joint-mne-alb.ndjson") : internal(name));
      Evaluator.KindScore k = crossingScore(list);
      sb.append(String.format(Locale.ROOT, "%-6s crossings %3d/%3d recall %.3f  recall over seen by either %.3f  precision %.3f  duplicates %d%n",
          name, k.found(), k.truth(), k.recall(), recallOverSeen(list, alb, mne), k.precision(), duplicates(list)));
    }
    return sb.toString();
  }
}
