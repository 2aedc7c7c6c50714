package io.watchline.analytics.trends;

import java.util.Locale;

/** report.html: one page, no script, no network; the SVG charts inlined. */
final class ReportPage {
  private ReportPage() {}

  static String html(TrendAnalysis a, String summary, String heat, String spark, String hours) {
    WeekGrid g = a.grid;
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Border trends ").append(g.from)
        .append(" to ").append(g.to).append("</title>\n<style>body{font-family:sans-serif;margin:20px;max-width:1300px}"
            + "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}"
            + "th{background:#f2f2f2}.high{background:#f5b7b1}.medium{background:#fdebd0}.low{background:#d5f5e3}"
            + "pre{background:#f8f8f8;padding:10px;white-space:pre-wrap}</style></head><body>\n");
    b.append("<h1>Border trends ").append(g.from).append(" to ").append(g.to).append("</h1>\n");
    b.append("<h2>Summary</h2>\n<pre>").append(Charts.esc(summary)).append("</pre>\n");
    b.append("<h2>Suggested impact level per sector</h2>\n<table><tr><th>sector</th><th>level</th><th>points</th><th>why</th></tr>\n");
    for (TrendAnalysis.Impact i : a.impacts) {
      b.append("<tr class=\"").append(i.level()).append("\"><td>").append(Charts.esc(i.sector())).append("</td><td>")
          .append(i.level()).append("</td><td>").append(i.points()).append("</td><td>").append(Charts.esc(i.explanation()))
          .append("</td></tr>\n");
    }
    b.append("</table>\n<h2>Sector by week</h2>\n").append(strip(heat));
    b.append("<h2>Per sector</h2>\n").append(strip(spark));
    if (!a.displacements.isEmpty()) {
      b.append("<h2>Displacement</h2>\n<table><tr><th>from</th><th>to</th><th>since week of</th><th>watched km/night</th>"
          + "<th>crossings/night (from)</th><th>crossings/night (to)</th></tr>\n");
      for (TrendAnalysis.Displacement d : a.displacements) {
        b.append(String.format(Locale.ROOT,
            "<tr><td>%s</td><td>%s</td><td>%s</td><td>%.1f → %.1f (p=%.3g)</td><td>%.2f → %.2f (p=%.3g)</td><td>%.2f → %.2f (p=%.3g)</td></tr>%n",
            Charts.esc(d.sector()), Charts.esc(d.to()), d.weekStart(), d.watchedKmBefore(), d.watchedKmAfter(), d.watchP(),
            d.perNightBefore(), d.perNightAfter(), d.fallP(), d.toBefore(), d.toAfter(), d.riseP()));
      }
      b.append("</table>\n");
    }
    b.append("<h2>Hour of the night</h2>\n").append(strip(hours));
    b.append("<p>Every figure is in the CSV files beside this page (sector_weeks.csv, hotspots.csv, trends.csv, "
        + "displacement.csv, impact.csv, kinds.csv, directions.csv, hours.csv).</p>\n</body></html>\n");
    return b.toString();
  }

  /** Inline SVG does not need the XML declaration or namespace line twice; the svg element is kept as is. */
  private static String strip(String svg) {
    return "<div>" + svg + "</div>\n";
  }
}
