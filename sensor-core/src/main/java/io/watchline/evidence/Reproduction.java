package io.watchline.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchline.feed.FeedReader;
import io.watchline.fusion.FusionConfig;
import io.watchline.fusion.FusionEngine;
import io.watchline.fusion.TrackSink;
import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.stream.TimeMerge;
import io.watchline.geo.geodesy.Geodesy;
import io.watchline.incident.Incident;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.observation.Observation;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs this version's fusion on a package's observations, with the run's border, sectors, sites
 * and settings, exactly as {@code watchline fuse} calls it, and looks for the packaged incident
 * among what comes out: same kind, sector and side, start and end within 1 s, position within 10 m.
 */
final class Reproduction {
  static final long TIME_TOLERANCE_MS = 1000;
  static final double POSITION_TOLERANCE_M = 10;
  static final long CLOCK_TICK_S = 60;
  static final long TICK_MS = 1000;

  /** The incident that came out closest to the expected one, and how far off it is (null: nothing came out). */
  record Outcome(boolean same, Incident closest, String difference, int incidents) {}

  private Reproduction() {}

  static Outcome run(Path pkgDir, JsonNode pkg) throws IOException {
    JsonNode f = pkg.path("fusion");
    if (!f.hasNonNull("border")) {
      throw new IOException("package.json names no border file: fusion cannot run");
    }
    Path border = pkgDir.resolve(f.get("border").asText());
    Path sectors = f.hasNonNull("sectors") ? pkgDir.resolve(f.get("sectors").asText()) : null;
    BorderView view = BorderView.load(border, sectors, f.path("sector_every_m").asDouble(10_000), f.path("band_m").asDouble(5_000));
    SiteRegistry sites = f.hasNonNull("sites") ? SiteRegistry.load(pkgDir.resolve(f.get("sites").asText())) : SiteRegistry.empty();
    List<Incident> out = new ArrayList<>();
    // every incident, whatever its score: the score is not what is being reproduced
    FusionEngine engine = new FusionEngine(view, sites, FusionConfig.defaults(), TrackSink.NONE, 0.0, out::add);
    List<FeedReader> readers = List.of(new NdjsonObservationReader(
        Files.newInputStream(pkgDir.resolve("observations.ndjson")), "observations.ndjson", r -> {}));
    try (TimeMerge merge = new TimeMerge(readers, r -> {}, f.path("reorder_window_ms").asLong(30_000), 1_000_000)) {
      JsonNode expected = pkg.path("expected");
      Instant last = null;
      for (Observation o; (o = merge.next()) != null; ) {
        last = ticksUntil(engine, last, o.t(), expected);
        engine.accept(o);
        last = o.t();
      }
      if (last != null) ticksUntil(engine, last, last.plusSeconds(CLOCK_TICK_S), expected);
      engine.finish();
    }
    JsonNode want = pkg.path("expected");
    Incident best = null;
    String bestDiff = null;
    int bestMisses = Integer.MAX_VALUE;
    for (Incident i : out) {
      List<String> diff = differences(want, i);
      if (diff.size() < bestMisses) {
        best = i;
        bestMisses = diff.size();
        bestDiff = String.join("; ", diff);
      }
    }
    return new Outcome(best != null && bestMisses == 0, best, bestDiff, out.size());
  }

  /**
   * In the run, the night's other records kept fusion's clock moving: housekeeping (track expiry,
   * folding duplicate tracks, patrol checks) ran about every second, and the night went on after
   * the incident's last record. The packaged records alone leave gaps, so the same clock is given
   * back by patrol fixes far from everything (half a degree north of the event, explaining no
   * track) once a second through every gap and for a minute after the last record.
   */
  private static Instant ticksUntil(FusionEngine engine, Instant last, Instant next, JsonNode expected) {
    if (last == null) return null;
    Instant t = last.plusMillis(TICK_MS);
    while (t.isBefore(next)) {
      engine.accept(Observation.builder(t, io.watchline.observation.Kind.PATROL).sensor("evidence-clock").unit("evidence-clock")
          .position(expected.path("lat").asDouble() + 0.5, expected.path("lon").asDouble()).build());
      t = t.plusMillis(TICK_MS);
    }
    return last;
  }

  static List<String> differences(JsonNode want, Incident got) {
    List<String> d = new ArrayList<>();
    if (!want.path("kind").asText().equals(got.kind().wireName())) d.add("kind " + got.kind().wireName() + " instead of " + want.path("kind").asText());
    if (!Objects.equals(text(want, "sector"), got.sector())) d.add("sector " + got.sector() + " instead of " + text(want, "sector"));
    if (!Objects.equals(text(want, "side"), got.side())) d.add("side " + got.side() + " instead of " + text(want, "side"));
    long ds = Math.abs(Instant.parse(want.path("start").asText()).toEpochMilli() - got.start().toEpochMilli());
    long de = Math.abs(Instant.parse(want.path("end").asText()).toEpochMilli() - got.end().toEpochMilli());
    if (ds > TIME_TOLERANCE_MS) d.add("start " + got.start() + " is " + ds + " ms off");
    if (de > TIME_TOLERANCE_MS) d.add("end " + got.end() + " is " + de + " ms off");
    double m = Geodesy.distance(want.path("lat").asDouble(), want.path("lon").asDouble(), got.lat(), got.lon());
    if (m > POSITION_TOLERANCE_M) d.add(String.format(java.util.Locale.ROOT, "position %.1f m off", m));
    return d;
  }

  private static String text(JsonNode n, String k) {
    return n.hasNonNull(k) ? n.get(k).asText() : null;
  }
}
