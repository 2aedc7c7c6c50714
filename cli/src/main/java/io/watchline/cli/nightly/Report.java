package io.watchline.cli.nightly;

import io.watchline.export.ExportFields;
import io.watchline.geo.io.GeoFeature;
import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.observation.Source;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The duty officer's summary of a night, as Markdown and as one self-contained HTML page (the map
 * is inlined, no scripts, no network). Built from the same {@link Section} list so the two say the
 * same thing. Nothing here reads the clock.
 */
final class Report {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final int EVIDENCE_SHOWN = 3;

  /** A titled table with an optional lead paragraph and id (for the HTML anchors and checks). */
  record Section(String id, String title, String lead, List<String> header, List<List<String>> rows) {}

  private final NightlyRun run;

  Report(NightlyRun run) {
    this.run = run;
  }

  String title() {
    return "Watchline nightly report " + run.window.date();
  }

  String summary() {
    Map<IncidentKind, Long> byKind = new java.util.EnumMap<>(IncidentKind.class);
    for (IncidentKind k : IncidentKind.values()) byKind.put(k, 0L);
    run.incidents.forEach(i -> byKind.merge(i.kind(), 1L, Long::sum));
    return String.format(Locale.ROOT,
        "Window %s (UTC %s to %s). %d incident candidates (%s%d crossing, %d approach, %d loiter) from %d observations"
            + " in %d sensor feeds; %d rejected records (rejects.ndjson); %d silent sensors.",
        run.window.local(), ExportFields.time(run.window.start()), ExportFields.time(run.window.end()),
        run.incidents.size(), byKind.get(IncidentKind.WELFARE) > 0 ? byKind.get(IncidentKind.WELFARE) + " welfare, " : "",
        byKind.get(IncidentKind.CROSSING), byKind.get(IncidentKind.APPROACH),
        byKind.get(IncidentKind.LOITER), run.observationCount, run.config.feeds().size(), run.rejectedTotal(),
        run.silentSensors.size());
  }

  /** Things to look at first: empty feeds, silent sensors, unreadable files, missing stages. */
  List<String> findings() {
    List<String> f = new ArrayList<>();
    long welfare = run.incidents.stream().filter(i -> i.kind() == IncidentKind.WELFARE).count();
    if (welfare > 0) {
      f.add(welfare + " welfare case" + (welfare == 1 ? "" : "s") + ": people may be in danger. See \"People at risk\" first;"
          + " each names the nearest patrol (last fix) and road.");
    }
    for (FeedQuality q : run.feeds) {
      if (q.files.isEmpty()) f.add("Feed " + q.name + ": no input file matched its globs.");
      else if (q.unusable()) f.add("F" + q.unusableReason().substring(1) + "; the run exits 1.");
      else if (q.empty()) f.add("Feed " + q.name + ": no records inside the window (empty feed or silent sensors).");
      for (String u : q.unreadable) f.add("Feed " + q.name + ": could not read " + u);
    }
    if (!run.silentSensors.isEmpty()) {
      f.add("Silent sensors (in sites, neither an observation nor a sign of life in the window): " + String.join(", ", run.silentSensors) + ".");
    }
    if (run.coverage != null && run.coverage.availability() != null) {
      List<String> down = new ArrayList<>();
      for (io.watchline.geo.coverage.SensorUptime.Availability a : run.coverage.availability()) {
        if (!a.alwaysUp() && a.upShare() > 0) {
          down.add(String.format(java.util.Locale.ROOT, "%s down %s (up %.0f %%)", a.sensor(),
              io.watchline.geo.coverage.Intervals.format(a.outages(), 4), 100 * a.upShare()));
        }
      }
      if (!down.isEmpty()) {
        f.add("Sensors down part of the night (no record or status line for longer than their timeout; their "
            + "stretches count as unwatched then): " + String.join("; ", down) + ".");
      }
    }
    f.addAll(run.notes);
    return f;
  }

  List<Section> sections() {
    List<Section> s = new ArrayList<>();
    Section welfare = WelfareSection.of(run.incidents, run.window.zone());
    if (!welfare.rows().isEmpty()) s.add(welfare); // a night without one reads as before
    List<List<String>> sectorRows = new ArrayList<>();
    for (Outputs.SectorCounts c : Outputs.SectorCounts.of(run)) {
      sectorRows.add(List.of(c.id, c.sides, String.format(Locale.ROOT, "%.1f", c.borderKm), Integer.toString(c.total),
          Integer.toString(c.byKind.get(IncidentKind.CROSSING)), Integer.toString(c.byKind.get(IncidentKind.APPROACH)),
          Integer.toString(c.byKind.get(IncidentKind.LOITER)), c.total == 0 ? "" : fmt(c.maxScore)));
    }
    s.add(new Section("sectors", "Incidents per sector and kind", null,
        List.of("sector", "sides", "border km", "incidents", "crossing", "approach", "loiter", "best score"), sectorRows));

    List<Incident> top = new ArrayList<>();
    for (Incident i : run.incidents) {
      if (Double.isNaN(i.score()) || i.score() >= run.config.minScore() || i.kind() == IncidentKind.WELFARE) top.add(i);
    }
    // welfare first whatever the score: lives before crossings
    top.sort(Comparator.comparing((Incident i) -> i.kind() != IncidentKind.WELFARE)
        .thenComparing(Comparator.comparingDouble((Incident i) -> Double.isNaN(i.score()) ? -1 : i.score()).reversed())
        .thenComparing(Incident::start).thenComparing(Incident::id));
    int shown = Math.min(top.size(), run.config.topIncidents());
    List<List<String>> incRows = new ArrayList<>();
    for (int n = 0; n < shown; n++) {
      Incident i = top.get(n);
      incRows.add(List.of(Integer.toString(n + 1), i.id(), i.kind().wireName(), nz(sector(i)), nz(i.side()),
          local(i.start()), local(i.end()), fmt(i.score()), evidence(i.evidence())));
    }
    s.add(new Section("incidents", "Top incidents",
        top.isEmpty() ? "No incident candidates in the window."
            : "The " + shown + " highest-scoring of " + top.size() + " candidates"
                + (run.config.minScore() > 0 ? " scoring at least " + fmt(run.config.minScore()) : "")
                + "; all are in incidents.csv / incidents.geojson. Evidence is file:line@byte-offset.",
        List.of("#", "id", "kind", "sector", "side", "start (" + run.window.zone().getId() + ")", "end", "score", "evidence"),
        incRows));

    List<List<String>> gapRows = new ArrayList<>();
    if (run.gaps != null) {
      for (GeoFeature g : run.gaps) {
        Map<String, Object> p = g.properties();
        gapRows.add(List.of(String.valueOf(p.get("gap")), String.valueOf(p.get("sectors")), String.valueOf(p.get("length_km")),
            String.valueOf(p.get("mean_unwatched_h")), String.valueOf(p.get("incidents"))));
      }
    }
    s.add(new Section("gaps", "Coverage gaps",
        run.gaps == null ? "Not computed: the coverage stage is not part of this run."
            : run.gaps.isEmpty() ? "No gap: every stretch of border was seen or patrolled."
            : run.gaps.size() + " stretches of border no sensor saw and no patrol visited often enough (gaps.geojson; per sector in sectors.csv).",
        List.of("gap", "sectors", "length km", "mean unwatched h", "incidents"), gapRows));

    List<List<String>> q = new ArrayList<>();
    for (FeedQuality f : run.feeds) {
      String status = f.files.isEmpty() ? "NO FILES" : !f.unreadable.isEmpty() ? "UNREADABLE FILES" : f.empty() ? "EMPTY" : "ok";
      q.add(List.of(f.name, Integer.toString(f.files.size()), String.join(" ", f.formats), Long.toString(f.read),
          Long.toString(f.rejected), Long.toString(f.inWindow), Long.toString(f.outsideWindow),
          f.first == null ? "" : local(f.first) + " – " + local(f.last), String.join(" ", f.sensors), status));
    }
    s.add(new Section("quality", "Data quality per feed",
        "Records read = accepted + rejected. In window: records kept for this night."
            + (run.silentSensors.isEmpty() ? " No silent sensor." : " Silent sensors: " + String.join(", ", run.silentSensors) + "."),
        List.of("feed", "files", "format", "records", "rejected", "in window", "outside", "time span", "sensors", "status"), q));
    return s;
  }

  String markdown() {
    StringBuilder m = new StringBuilder();
    m.append("# ").append(title()).append("\n\n").append(summary()).append("\n\n");
    List<Section> sections = sections();
    // people at risk before everything else, even the other findings
    sections.stream().filter(s -> s.id().equals(WelfareSection.ID)).forEach(s -> mdSection(m, s));
    List<String> findings = findings();
    if (!findings.isEmpty()) {
      m.append("## Look first\n\n");
      findings.forEach(f -> m.append("- ").append(f).append('\n'));
      m.append('\n');
    }
    m.append("![map of the night](map.png)\n\n");
    sections.stream().filter(s -> !s.id().equals(WelfareSection.ID)).forEach(s -> mdSection(m, s));
    if (!run.methodNotes.isEmpty()) {
      m.append("## How this was computed\n\n");
      run.methodNotes.forEach(n -> m.append("- ").append(n).append('\n'));
      m.append('\n');
    }
    return m.toString();
  }

  private static void mdSection(StringBuilder m, Section s) {
    m.append("## ").append(s.title()).append("\n\n");
    if (s.lead() != null) m.append(s.lead()).append("\n\n");
    if (s.rows().isEmpty()) return;
    m.append("| ").append(String.join(" | ", s.header())).append(" |\n|");
    s.header().forEach(h -> m.append(" --- |"));
    m.append('\n');
    for (List<String> row : s.rows()) {
      m.append("| ").append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList())).append(" |\n");
    }
    m.append('\n');
  }

  String html(byte[] mapPng) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(title())).append("</title>\n<style>\n")
        .append("body{font:14px/1.4 system-ui,sans-serif;margin:1.5em auto;max-width:1250px;color:#222;padding:0 1em}\n")
        .append("h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}\n")
        .append("table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}\n")
        .append("table#incidents td:nth-child(2){white-space:nowrap}th{background:#eef}tr:nth-child(even) td{background:#fafafa}td.num{text-align:right}\n")
        .append(".look{background:#fff4e0;border-left:4px solid #e69500;padding:.4em 1em}\n")
        .append("img#map{max-width:100%;border:1px solid #ccc}\n.kind-crossing{color:#c00;font-weight:bold}.kind-approach{color:#d77000}.kind-loiter{color:#9a7d00}.kind-welfare{color:#0040d0;font-weight:bold}\n")
        .append("table#welfare{border:3px solid #0055ff}table#welfare th{background:#dde6ff}h2#h-welfare{color:#0040d0}\n")
        .append("@media print{body{max-width:none}}\n</style>\n</head>\n<body>\n");
    h.append("<h1>").append(esc(title())).append("</h1>\n<p id=\"summary\">").append(esc(summary())).append("</p>\n");
    // people at risk before everything else, even the other findings
    for (Section s : sections()) {
      if (s.id().equals(WelfareSection.ID)) section(h, s);
    }
    List<String> findings = findings();
    if (!findings.isEmpty()) {
      h.append("<div class=\"look\" id=\"findings\"><strong>Look first</strong>\n<ul>\n");
      findings.forEach(f -> h.append("<li>").append(esc(f)).append("</li>\n"));
      h.append("</ul></div>\n");
    }
    h.append("<h2>Map</h2>\n<img id=\"map\" width=\"1200\" alt=\"map of the night: sectors, border, incidents by kind\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(mapPng)).append("\">\n");
    for (Section s : sections()) {
      if (!s.id().equals(WelfareSection.ID)) section(h, s);
    }
    if (!run.methodNotes.isEmpty()) {
      h.append("<h2 id=\"h-method\">How this was computed</h2>\n<ul id=\"method\">\n");
      run.methodNotes.forEach(n -> h.append("<li>").append(esc(n)).append("</li>\n"));
      h.append("</ul>\n");
    }
    h.append("<p><small>Files: incidents.ndjson, incidents.geojson, incidents.csv, gaps.geojson, sectors.csv,")
        .append(run.coverage == null ? "" : " sensors.csv,")
        .append(" rejects.ndjson, map.png. Written by watchline nightly.</small></p>\n</body>\n</html>\n");
    return h.toString();
  }

  /** One section as a heading, its lead and its table. */
  private static void section(StringBuilder h, Section s) {
    h.append("<h2 id=\"h-").append(s.id()).append("\">").append(esc(s.title())).append("</h2>\n");
    if (s.lead() != null) h.append("<p>").append(esc(s.lead())).append("</p>\n");
    if (s.rows().isEmpty() && s.lead() != null) return;
    h.append("<table id=\"").append(s.id()).append("\">\n<thead><tr>");
    s.header().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
    h.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : s.rows()) {
      h.append("<tr>");
      for (int c = 0; c < row.size(); c++) {
        String v = row.get(c);
        String cls = s.id().equals("incidents") && c == 2 ? " class=\"kind-" + esc(v) + "\""
            : v.matches("-?[0-9.]+") ? " class=\"num\"" : "";
        h.append("<td").append(cls).append('>').append(esc(v)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n");
    }

  /** The incident's own sector, else the sector its position falls in (as in the sector table). */
  private String sector(Incident i) {
    return i.sector() != null ? i.sector() : run.border.sectorOf(i.lat(), i.lon());
  }

  private String local(Instant t) {
    return t.atZone(run.window.zone()).format(LOCAL);
  }

  private static String evidence(List<Source> ev) {
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < Math.min(EVIDENCE_SHOWN, ev.size()); k++) parts.add(ExportFields.source(ev.get(k)));
    String s = String.join("; ", parts);
    return ev.size() > EVIDENCE_SHOWN ? s + " (+" + (ev.size() - EVIDENCE_SHOWN) + " more)" : s;
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
