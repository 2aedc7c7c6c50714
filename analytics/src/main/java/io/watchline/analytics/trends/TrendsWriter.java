package io.watchline.analytics.trends;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the trends folder: a CSV of every figure, hotspots.csv, the charts as SVG, summary.txt
 * and report.html (self-contained, charts inlined). Only data goes into the files, never the
 * clock, so the same archive gives the same bytes.
 */
public final class TrendsWriter {
  public static final List<String> FILES = List.of("sector_weeks.csv", "kinds.csv", "directions.csv", "hours.csv",
      "trends.csv", "hotspots.csv", "displacement.csv", "impact.csv", "heatmap.svg", "sparklines.svg", "hours.svg",
      "summary.txt", "report.html");

  private TrendsWriter() {}

  public static void write(TrendAnalysis a, Path dir) throws IOException {
    WeekGrid g = a.grid;
    Files.createDirectories(dir);
    List<String> rows = new ArrayList<>();
    rows.add("sector,week,week_start,nights,incidents,crossing,crossings_per_night,mean_group_size,in_gaps_share,"
        + "sensor_km,patrol_km,uncovered_km,scan_z,scan_p,scan_q,emerging");
    int k = 0;
    for (int s = 0; s < g.sectors.size(); s++) {
      for (int w = 0; w < g.weeks; w++) {
        TrendAnalysis.Hotspot h = g.nights[w] == 0 ? null : a.hotspots.get(k++);
        rows.add(String.join(",", csv(g.sectors.get(s)), Integer.toString(w + 1), g.weekStart(w).toString(),
            Integer.toString(g.nights[w]), Integer.toString(g.incidents[s][w]), Integer.toString(g.crossings[s][w]),
            num(g.crossingRate(s, w), 3),
            num(g.groupSizeCount[s][w] == 0 ? Double.NaN : (double) g.groupSizeSum[s][w] / g.groupSizeCount[s][w], 2),
            num(g.incidents[s][w] == 0 ? Double.NaN : (double) g.inGaps[s][w] / g.incidents[s][w], 3),
            num(g.mean(g.sensorKm, s, w), 2), num(g.mean(g.patrolKm, s, w), 2), num(g.mean(g.uncoveredKm, s, w), 2),
            h == null ? "" : num(h.z(), 3), h == null ? "" : pval(h.p()), h == null ? "" : pval(h.q()),
            h == null ? "" : Boolean.toString(h.emerging())));
      }
    }
    lines(dir.resolve("sector_weeks.csv"), rows);
    lines(dir.resolve("kinds.csv"), longTable("kind", g.byKind, g));
    lines(dir.resolve("directions.csv"), longTable("side", g.bySide, g));
    rows = new ArrayList<>(List.of("sector,hour_utc,incidents"));
    for (int s = 0; s < g.sectors.size(); s++) {
      for (int hr = 0; hr < 24; hr++) {
        if (g.hours[s][hr] > 0) rows.add(csv(g.sectors.get(s)) + "," + hr + "," + g.hours[s][hr]);
      }
    }
    lines(dir.resolve("hours.csv"), rows);
    rows = new ArrayList<>(List.of("sector,weeks,crossings_per_night,mk_s,mk_z,mk_p,sen_slope_per_week,trend"));
    for (TrendAnalysis.SectorTrend t : a.trends) {
      rows.add(String.join(",", csv(t.sector()), Integer.toString(t.mk().n()), num(t.perNight(), 3), Long.toString(t.mk().s()),
          num(t.mk().z(), 3), pval(t.mk().p()), num(t.mk().senSlope(), 4), t.direction()));
    }
    lines(dir.resolve("trends.csv"), rows);
    rows = new ArrayList<>(List.of("sector,week,week_start,statistic,p_value,q_value,emerging,crossings,crossings_per_night,"
        + "window_weeks,window_per_night,baseline_per_night"));
    for (TrendAnalysis.Hotspot h : a.hotspots) {
      rows.add(String.join(",", csv(h.sector()), Integer.toString(h.week() + 1), h.weekStart().toString(), num(h.z(), 3),
          pval(h.p()), pval(h.q()), Boolean.toString(h.emerging()), Integer.toString(h.crossings()), num(h.perNight(), 3),
          h.windowWeeks() == 0 ? "" : Integer.toString(h.windowWeeks()), num(h.windowPerNight(), 3),
          num(h.baselinePerNight(), 3)));
    }
    lines(dir.resolve("hotspots.csv"), rows);
    rows = new ArrayList<>(List.of("sector,to,from_week,week_start,watched_km_before,watched_km_after,watch_p,"
        + "crossings_per_night_before,crossings_per_night_after,fall_p,to_per_night_before,to_per_night_after,rise_p"));
    for (TrendAnalysis.Displacement d : a.displacements) {
      rows.add(String.join(",", csv(d.sector()), csv(d.to()), Integer.toString(d.week() + 1), d.weekStart().toString(),
          num(d.watchedKmBefore(), 2), num(d.watchedKmAfter(), 2), pval(d.watchP()), num(d.perNightBefore(), 3),
          num(d.perNightAfter(), 3), pval(d.fallP()), num(d.toBefore(), 3), num(d.toAfter(), 3), pval(d.riseP())));
    }
    lines(dir.resolve("displacement.csv"), rows);
    rows = new ArrayList<>(List.of("sector,level,points,recent_crossings_per_night_10km,rate_vs_median,uncovered_share,"
        + "patrol_share,explanation"));
    for (TrendAnalysis.Impact i : a.impacts) {
      rows.add(String.join(",", csv(i.sector()), i.level(), Integer.toString(i.points()), num(i.recentPerNight10km(), 3),
          num(i.rateRatio(), 2), num(i.uncoveredShare(), 3), num(i.patrolShare(), 3), csv(i.explanation())));
    }
    lines(dir.resolve("impact.csv"), rows);
    String heat = Charts.heatMap(g, a);
    String spark = Charts.sparklines(g, a);
    String hours = Charts.hours(g);
    Files.writeString(dir.resolve("heatmap.svg"), heat, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("sparklines.svg"), spark, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("hours.svg"), hours, StandardCharsets.UTF_8);
    String summary = Summary.text(a);
    Files.writeString(dir.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("report.html"), ReportPage.html(a, summary, heat, spark, hours), StandardCharsets.UTF_8);
  }

  private static List<String> longTable(String what, Map<String, int[][]> m, WeekGrid g) {
    List<String> rows = new ArrayList<>(List.of("sector,week,week_start," + what + ",incidents"));
    for (int s = 0; s < g.sectors.size(); s++) {
      for (int w = 0; w < g.weeks; w++) {
        for (Map.Entry<String, int[][]> e : m.entrySet()) {
          int n = e.getValue()[s][w];
          if (n > 0) rows.add(String.join(",", csv(g.sectors.get(s)), Integer.toString(w + 1), g.weekStart(w).toString(),
              csv(e.getKey()), Integer.toString(n)));
        }
      }
    }
    return rows;
  }

  static String num(double v, int decimals) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  static String pval(double p) {
    return Double.isNaN(p) ? "" : String.format(Locale.ROOT, "%.3g", p);
  }

  static String csv(String v) {
    if (v == null) return "";
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0) return v;
    return '"' + v.replace("\"", "\"\"") + '"';
  }

  private static void lines(Path file, List<String> rows) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String r : rows) w.write(r + "\n");
    }
  }
}
