package io.watchline.analytics.trends;

import java.util.Locale;

/** Small SVG charts written as text: fixed layout, no fonts beyond the browser's sans-serif, byte-stable. */
final class Charts {
  private Charts() {}

  static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Sector × week heat map of crossings per night; emerging cells outlined in black, with a legend. */
  static String heatMap(WeekGrid g, TrendAnalysis a) {
    int cell = Math.max(8, Math.min(28, 900 / Math.max(1, g.weeks)));
    int left = 120;
    int top = 30;
    int h = 20;
    int width = left + g.weeks * cell + 20;
    int height = top + g.sectors.size() * h + 60;
    double max = 0.1;
    for (int s = 0; s < g.sectors.size(); s++) {
      for (int w = 0; w < g.weeks; w++) {
        double r = g.crossingRate(s, w);
        if (!Double.isNaN(r)) max = Math.max(max, r);
      }
    }
    StringBuilder b = header(width, height, "Crossings per night, sector by week");
    b.append(text(left, 18, "Crossings per night by sector and week (outlined: emerging hotspot)", "start", 13, "bold"));
    for (int s = 0; s < g.sectors.size(); s++) {
      int y = top + s * h;
      b.append(text(left - 6, y + h - 6, label(g, s), "end", 11, "normal"));
      for (int w = 0; w < g.weeks; w++) {
        double r = g.crossingRate(s, w);
        String fill = Double.isNaN(r) ? "#eeeeee" : ramp(r / max);
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s week of %s: %s/night</title></rect>\n",
            left + w * cell, y, cell - 1, h - 1, fill, esc(g.sectors.get(s)), g.weekStart(w), Double.isNaN(r) ? "no nights" : f(r)));
      }
    }
    for (TrendAnalysis.Hotspot hs : a.hotspots) {
      if (!hs.emerging()) continue;
      int s = g.sectors.indexOf(hs.sector());
      b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/>\n",
          left + hs.week() * cell, top + s * h, cell - 1, h - 1));
    }
    int axisY = top + g.sectors.size() * h + 14;
    int step = Math.max(1, (int) Math.ceil(60.0 / cell));
    for (int w = 0; w < g.weeks; w += step) {
      b.append(text(left + w * cell, axisY, g.weekStart(w).toString().substring(5), "start", 10, "normal"));
    }
    int ly = axisY + 16;
    for (int i = 0; i <= 10; i++) {
      b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"20\" height=\"10\" fill=\"%s\"/>\n", left + i * 20, ly, ramp(i / 10.0)));
    }
    b.append(text(left + 226, ly + 9, "0 … " + f(max) + " crossings/night", "start", 10, "normal"));
    return b.append("</svg>\n").toString();
  }

  /** One small line per sector: crossings per night by week, with the trend verdict. */
  static String sparklines(WeekGrid g, TrendAnalysis a) {
    int w0 = 160;
    int sw = 300;
    int h = 26;
    int width = w0 + sw + 260;
    int height = 30 + g.sectors.size() * h;
    StringBuilder b = header(width, height, "Crossings per night by week, per sector");
    b.append(text(4, 18, "Crossings per night by week (Mann-Kendall trend, two-sided p)", "start", 13, "bold"));
    for (int s = 0; s < g.sectors.size(); s++) {
      int y = 30 + s * h;
      double max = 0.1;
      for (int w = 0; w < g.weeks; w++) if (!Double.isNaN(g.crossingRate(s, w))) max = Math.max(max, g.crossingRate(s, w));
      StringBuilder pts = new StringBuilder();
      for (int w = 0; w < g.weeks; w++) {
        double r = g.crossingRate(s, w);
        if (Double.isNaN(r)) continue;
        double x = w0 + (g.weeks == 1 ? 0 : (double) w * sw / (g.weeks - 1));
        pts.append(f(x)).append(',').append(f(y + h - 4 - (h - 8) * r / max)).append(' ');
      }
      TrendAnalysis.SectorTrend t = a.trends.get(s);
      String colour = t.direction().equals("rising") ? "#c0392b" : t.direction().equals("falling") ? "#2471a3" : "#555";
      b.append(text(w0 - 8, y + h - 8, label(g, s), "end", 11, "normal"));
      b.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"")
          .append(pts.toString().trim()).append("\"/>\n");
      b.append(text(w0 + sw + 10, y + h - 8, String.format(Locale.ROOT, "%s, p=%.3g, max %s/night", t.direction(), t.mk().p(), f(max)),
          "start", 11, "normal"));
    }
    return b.append("</svg>\n").toString();
  }

  /** Incidents by hour of the day (UTC), whole border. */
  static String hours(WeekGrid g) {
    int[] byHour = new int[24];
    for (int[] row : g.hours) for (int hr = 0; hr < 24; hr++) byHour[hr] += row[hr];
    // Night order: from 12:00 UTC round to 11:00, so a night is one block.
    int max = 1;
    for (int v : byHour) max = Math.max(max, v);
    int bw = 24;
    int left = 50;
    int height = 200;
    StringBuilder b = header(left + 24 * bw + 20, height + 50, "Incidents by hour of day (UTC)");
    b.append(text(left, 18, "Incidents by hour (UTC), whole border", "start", 13, "bold"));
    for (int i = 0; i < 24; i++) {
      int hr = (12 + i) % 24;
      int bh = (int) Math.round((double) byHour[hr] / max * (height - 40));
      b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#5d6d7e\"><title>%02d:00 %d incidents</title></rect>\n",
          left + i * bw, height - bh, bw - 2, bh, hr, byHour[hr]));
      if (i % 2 == 0) b.append(text(left + i * bw, height + 14, String.format(Locale.ROOT, "%02d", hr), "start", 10, "normal"));
    }
    b.append(text(left - 6, 40, Integer.toString(max), "end", 10, "normal"));
    b.append(text(left - 6, height, "0", "end", 10, "normal"));
    return b.append("</svg>\n").toString();
  }

  private static String label(WeekGrid g, int s) {
    String name = g.names.get(s);
    return esc(g.sectors.get(s) + (name == null || name.isEmpty() || name.equals(g.sectors.get(s)) ? "" : " " + name));
  }

  private static StringBuilder header(int w, int h, String title) {
    return new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">\n<title>%s</title>\n",
        w, h, w, h, esc(title)));
  }

  private static String text(int x, int y, String s, String anchor, int size, String weight) {
    return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"%d\" font-weight=\"%s\">%s</text>\n",
        x, y, anchor, size, weight, s);
  }

  /** White to dark red. */
  static String ramp(double v) {
    double t = Math.max(0, Math.min(1, v));
    int r = (int) Math.round(255 - t * (255 - 150));
    int gb = (int) Math.round(255 - t * 255);
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, gb, Math.max(0, gb - (int) (t * 10)));
  }
}
