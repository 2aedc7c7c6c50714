package io.watchline.cli.nightly;

import io.watchline.export.CanonicalRecord;
import io.watchline.export.CsvRecordWriter;
import io.watchline.export.GeoJsonRecordWriter;
import io.watchline.export.RecordWriter;
import io.watchline.geo.io.GeoJson;
import io.watchline.geo.sector.Sector;
import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.ndjson.NdjsonWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The steps that write the report folder's files from what the earlier steps found. */
final class Outputs {
  private Outputs() {}

  /** incidents.ndjson (canonical), incidents.geojson (with tracks) and incidents.csv. */
  static final class WriteIncidents implements NightlyStep {
    @Override
    public String name() {
      return "incident files";
    }

    @Override
    public void run(NightlyRun run) throws IOException {
      try (OutputStream out = open(run.dir.resolve("incidents.ndjson"))) {
        NdjsonWriter w = new NdjsonWriter(out);
        for (Incident i : run.incidents) w.write(i, run.sources.of(i));
        w.close();
      }
      try (OutputStream out = open(run.dir.resolve("incidents.geojson"))) {
        write(new GeoJsonRecordWriter(out, false, true), welfareFirst(run.incidents));
      }
      try (OutputStream out = open(run.dir.resolve("incidents.csv"))) {
        write(new CsvRecordWriter(out), welfareFirst(run.incidents));
      }
    }

    private static void write(RecordWriter w, List<Incident> incidents) throws IOException {
      try (w) {
        for (Incident i : incidents) w.write(new CanonicalRecord.Inc(i));
        w.finish();
      }
    }
  }

  /** gaps.geojson when no coverage stage wrote it: an empty collection, with a note. */
  static final class WriteGaps implements NightlyStep {
    @Override
    public String name() {
      return "gaps";
    }

    @Override
    public void run(NightlyRun run) throws IOException {
      if (run.gapsWritten) {
        return;
      }
      if (run.gaps == null) {
        run.notes.add("coverage gaps were not computed: the coverage stage is not part of this run;"
            + " gaps.geojson is an empty collection");
      }
      try (OutputStream out = open(run.dir.resolve("gaps.geojson"))) {
        GeoJson.write(out, run.gaps == null ? List.of() : run.gaps);
      }
    }
  }

  /** sectors.csv: per sector, border length, incidents by kind and best score, plus coverage columns. */
  static final class WriteSectorTable implements NightlyStep {
    @Override
    public String name() {
      return "sector table";
    }

    @Override
    public void run(NightlyRun run) throws IOException {
      Set<String> extra = new LinkedHashSet<>();
      run.sectorColumns.values().forEach(m -> extra.addAll(m.keySet()));
      try (Writer w = new java.io.OutputStreamWriter(open(run.dir.resolve("sectors.csv")), StandardCharsets.UTF_8)) {
        List<String> header = new ArrayList<>(List.of("sector", "name", "sides", "border_km", "incidents", "crossing", "approach", "loiter", "max_score"));
        header.addAll(extra);
        w.write(String.join(",", header) + "\r\n");
        for (SectorCounts c : SectorCounts.of(run)) {
          List<String> row = new ArrayList<>(List.of(
              c.id, c.name == null ? "" : c.name, c.sides, String.format(Locale.ROOT, "%.2f", c.borderKm),
              Integer.toString(c.total), Integer.toString(c.byKind.get(IncidentKind.CROSSING)),
              Integer.toString(c.byKind.get(IncidentKind.APPROACH)), Integer.toString(c.byKind.get(IncidentKind.LOITER)),
              c.total == 0 ? "" : Double.toString(c.maxScore)));
          Map<String, String> more = run.sectorColumns.getOrDefault(c.id, Map.of());
          for (String col : extra) row.add(more.getOrDefault(col, ""));
          w.write(String.join(",", row.stream().map(Outputs::csv).toList()) + "\r\n");
        }
      }
    }
  }

  /** map.png. */
  static final class DrawMap implements NightlyStep {
    @Override
    public String name() {
      return "map";
    }

    @Override
    public void run(NightlyRun run) throws IOException {
      List<NightMap.SiteMark> sites = new ArrayList<>();
      for (io.watchline.sites.Site s : run.sites.all()) {
        io.watchline.geo.coverage.SensorUptime.Availability a = run.coverage == null ? null : run.coverage.availabilityOf(s.id());
        String down = a == null || a.alwaysUp() ? null
            : a.upShare() == 0 ? "down all night" : "down " + io.watchline.geo.coverage.Intervals.format(a.outages(), 2);
        sites.add(new NightMap.SiteMark(s.id(), s.lat(), s.lon(), s.kind() == io.watchline.sites.SiteKind.RADAR,
            s.azimuthDeg(), s.fovDeg(), Double.isNaN(s.rangeMaxM()) ? 0 : s.rangeMaxM(), down));
      }
      byte[] png = NightMap.png(run.border.borderLonLat(), run.border.sectors(), run.gaps, run.incidents, sites,
          "Incidents " + run.window.local());
      Files.write(run.dir.resolve("map.png"), png);
    }
  }

  /** report.md and report.html. */
  static final class WriteReport implements NightlyStep {
    @Override
    public String name() {
      return "report";
    }

    @Override
    public void run(NightlyRun run) throws IOException {
      Report r = new Report(run);
      Files.writeString(run.dir.resolve("report.md"), r.markdown(), StandardCharsets.UTF_8);
      Files.writeString(run.dir.resolve("report.html"), r.html(Files.readAllBytes(run.dir.resolve("map.png"))), StandardCharsets.UTF_8);
    }
  }

  /** Counts per sector (sectors in file order, then "outside" for incidents in none). */
  static final class SectorCounts {
    final String id;
    final String name;
    final String sides;
    final double borderKm;
    final Map<IncidentKind, Integer> byKind = new LinkedHashMap<>();
    int total;
    double maxScore = Double.NEGATIVE_INFINITY;

    SectorCounts(String id, String name, String sides, double borderKm) {
      this.id = id;
      this.name = name;
      this.sides = sides;
      this.borderKm = borderKm;
      for (IncidentKind k : IncidentKind.values()) byKind.put(k, 0);
    }

    static List<SectorCounts> of(NightlyRun run) {
      Map<String, SectorCounts> m = new LinkedHashMap<>();
      List<Sector> sectors = run.border.sectors();
      for (int k = 0; k < sectors.size(); k++) {
        Sector s = sectors.get(k);
        // the border line in the sector: the same figure coverage's parts add up to
        m.put(s.id(), new SectorCounts(s.id(), s.name(), s.sides(), run.border.sectorBorderM(k) / 1000));
      }
      for (Incident i : run.incidents) {
        String id = i.sector() != null ? i.sector() : run.border.sectorOf(i.lat(), i.lon());
        SectorCounts c = m.computeIfAbsent(id == null ? "outside" : id, k -> new SectorCounts(k, null, "", 0));
        c.total++;
        c.byKind.merge(i.kind(), 1, Integer::sum);
        if (!Double.isNaN(i.score())) c.maxScore = Math.max(c.maxScore, i.score());
      }
      return new ArrayList<>(m.values());
    }
  }

  static OutputStream open(Path p) throws IOException {
    return new BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
  }

  static String csv(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
    return '"' + v.replace("\"", "\"\"") + '"';
  }

  /** The incidents with welfare cases first (as `watchline export` writes them), otherwise in their order. */
  static java.util.List<Incident> welfareFirst(java.util.List<Incident> incidents) {
    java.util.List<Incident> out = new java.util.ArrayList<>(incidents);
    out.sort(java.util.Comparator.comparing((Incident i) -> i.kind() != io.watchline.incident.IncidentKind.WELFARE));
    return out;
  }
}
