package io.watchline.cli.nightly;

import io.watchline.cli.CoverageAssembly;
import io.watchline.cli.SensorActivity;
import io.watchline.geo.coverage.Intervals;
import io.watchline.geo.coverage.SensorUptime;
import io.watchline.geo.coverage.CoverageAnalysis;
import io.watchline.geo.coverage.CoverageFiles;
import io.watchline.geo.coverage.CoverageOptions;
import io.watchline.geo.coverage.CoverageResult;
import io.watchline.geo.coverage.SensorSpec;
import io.watchline.geo.io.GeoFeature;
import io.watchline.incident.Incident;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.observation.Observation;
import io.watchline.sites.SensorSpecs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The coverage stage ({@code io.watchline.geo.coverage}): sensor viewsheds over the DEM (bare earth
 * without one) and the window's patrol fixes give the border's gaps; writes gaps.geojson and
 * sensors.csv (each sensor's up-time in the window, which the night archive keeps), adds the
 * per-sector coverage columns to sectors.csv and the gap lines to the map.
 */
final class CoverageStep implements NightlyStep {
  @Override
  public String name() {
    return "coverage";
  }

  @Override
  public void run(NightlyRun run) throws IOException {
    NightlyConfig c = run.config;
    List<SensorSpec> sensors = SensorSpecs.of(run.sites);
    long start = run.window.start().toEpochMilli();
    long end = run.window.end().toEpochMilli();
    CoverageOptions o = CoverageOptions.defaults(start, end)
        .withCell(c.coverageCellM(), Math.min(50, c.coverageCellM()))
        .withPatrols(c.coverageSweepM(), c.coverageRevisitMs());
    // the night's own records (and status lines, if configured) say which sensor was alive when
    SensorUptime uptime = SensorActivity.uptime(run.sites, start, end);
    if (c.dem() == null) {
      run.notes.add("coverage on bare earth: no DEM configured (dem:)");
    } else {
      Steps.requireFile(c.dem(), "dem");
    }
    CoverageAnalysis analysis = CoverageAssembly.prepare(run.border, sensors, o, c.sectorBandKm() * 1000,
        c.dem() == null ? List.of() : List.of(c.dem()), false, io.watchline.geo.coverage.LineOfSight.DEFAULT).analysis();
    for (Path f : run.observationFiles) {
      try (NdjsonObservationReader r = new NdjsonObservationReader(Files.newInputStream(f), f.toString(), run.rejects)) {
        for (Observation ob; (ob = r.next()) != null; ) {
          CoverageAssembly.add(analysis, uptime, ob);
        }
      }
    }
    if (run.statusFile != null && Files.isRegularFile(run.statusFile)) {
      SensorActivity.readStatus(run.statusFile, uptime, run.rejects);
    }
    for (String glob : c.sensorStatus()) {
      for (Path f : Globs.expand(c.base(), glob)) {
        SensorActivity.readStatus(f, uptime, run.rejects);
      }
    }
    List<CoverageAnalysis.IncidentPoint> points = new ArrayList<>();
    for (Incident i : run.incidents) {
      points.add(CoverageAssembly.point(i));
    }
    CoverageResult r = analysis.finish(points, uptime);
    run.coverage = r;
    try (OutputStream out = Outputs.open(run.dir.resolve("gaps.geojson"))) {
      CoverageFiles.writeGaps(r, out);
    }
    run.gapsWritten = true;
    try (OutputStream out = Outputs.open(run.dir.resolve("sensors.csv"))) {
      CoverageFiles.writeSensors(r, out);
    }
    List<GeoFeature> gaps = new ArrayList<>();
    for (CoverageResult.Gap g : r.gaps()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("gap", g.id());
      p.put("sectors", String.join(" ", g.sectors()));
      p.put("length_km", String.format(Locale.ROOT, "%.2f", g.lengthM() / 1000));
      p.put("mean_unwatched_h", String.format(Locale.ROOT, "%.1f", g.meanUnwatchedHours()));
      p.put("incidents", g.incidents());
      p.put("unwatched_utc", Intervals.format(g.unwatched(), 6));
      gaps.add(new GeoFeature(g.lineLonLat(), p));
    }
    run.gaps = gaps;
    for (CoverageResult.SectorRow s : r.sectors()) {
      Map<String, String> cols = new LinkedHashMap<>();
      cols.put("uncovered_km", String.format(Locale.ROOT, "%.2f", s.uncoveredKm()));
      cols.put("uncovered_pct", String.format(Locale.ROOT, "%.1f", s.uncoveredPct()));
      cols.put("sensor_km", String.format(Locale.ROOT, "%.2f", s.sensorKm()));
      cols.put("patrol_km", String.format(Locale.ROOT, "%.2f", s.patrolKm()));
      cols.put("hours_uncovered", String.format(Locale.ROOT, "%.1f", s.hoursUncovered()));
      cols.put("worst_revisit_h", String.format(Locale.ROOT, "%.1f", s.worstRevisitHours()));
      cols.put("unwatched_km_h", String.format(Locale.ROOT, "%.2f", s.unwatchedKmH()));
      cols.put("unwatched_utc", Intervals.format(s.unwatched(), 6));
      cols.put("no_terrain_km", String.format(Locale.ROOT, "%.2f", s.noTerrainKm()));
      cols.put("gaps", Integer.toString(s.gaps()));
      cols.put("incidents_in_gaps", Integer.toString(s.incidentsInGaps()));
      run.sectorColumns.put(s.id(), cols);
    }
    for (String note : r.notes()) {
      // which algorithm and which DEM tiles were used is how the map was made, not something to look
      // at first (a missing DEM stays a finding)
      boolean method = note.startsWith("line of sight: ") || note.startsWith("terrain: ");
      (method ? run.methodNotes : run.notes).add(note);
    }
  }
}
