package io.watchline.geo.render;

import static io.watchline.geo.render.CoverageStyle.CAMERA;
import static io.watchline.geo.render.CoverageStyle.DOWN;
import static io.watchline.geo.render.CoverageStyle.GAP;
import static io.watchline.geo.render.CoverageStyle.OPEN_BAND;
import static io.watchline.geo.render.CoverageStyle.PATROLLED;
import static io.watchline.geo.render.CoverageStyle.RADAR;
import static io.watchline.geo.render.CoverageStyle.SEEN;
import static io.watchline.geo.render.CoverageStyle.SUGGEST;
import static io.watchline.geo.render.CoverageStyle.TRACK;
import static io.watchline.geo.render.CoverageStyle.fmt;
import static io.watchline.geo.render.CoverageStyle.triangle;

import io.watchline.geo.coverage.CoverageResult;
import io.watchline.geo.coverage.CoverageResult.SectorRow;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The panel right of the static map: the legend (only the entries the map uses), the sector table
 * (the sectors with most gap first when they do not all fit) and the totals.
 */
final class MapLegendPanel {
  static final int WIDTH = 380;

  private final CoverageResult r;

  MapLegendPanel(CoverageResult r) {
    this.r = r;
  }

  /** Draws the panel at (x, y), {@code height} tall. */
  void paint(Graphics2D g, int x, int y, int height) {
    g.setColor(new Color(248, 248, 248));
    g.fillRect(x, y, WIDTH, height);
    g.setColor(Color.GRAY);
    g.drawRect(x, y, WIDTH, height);
    int tx = x + 14;
    int ty = legend(g, tx, y + 28);
    sectorTable(g, tx, ty + 18, y, height);
  }

  private int legend(Graphics2D g, int tx, int ty) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString("Legend", tx, ty);
    ty += 12;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    ty = box(g, tx, ty, swatch(SEEN), "Seen by a sensor (target " + fmt(r.options().targetHeightM()) + " m)");
    ty = box(g, tx, ty, swatch(PATROLLED), "Patrolled in window (sweep " + fmt(r.options().sweepM()) + " m)");
    ty = box(g, tx, ty, swatch(OPEN_BAND), "Border band not covered");
    if (r.terrain().outsideFraction() > 0 && !r.terrain().bareEarthOutside()) {
      ty = hatch(g, tx, ty, "No terrain data (outside the DEM): not seen");
    }
    ty = line(g, tx, ty, GAP, new BasicStroke(6f), "Gap >= " + fmt(r.options().minGapM()) + " m");
    ty = line(g, tx, ty, Color.BLACK, new BasicStroke(2.2f), "Border");
    ty = line(g, tx, ty, new Color(90, 90, 90), CoverageStyle.dashed(1f, 5f, 4f), "Sector boundary");
    ty = line(g, tx, ty, TRACK, new BasicStroke(1.6f), "Patrol track");
    ty = symbol(g, tx, ty, triangle(tx + 14, ty + 10, 8), RADAR, "Radar site and coverage fan");
    ty = symbol(g, tx, ty, new Rectangle2D.Double(tx + 8, ty + 4, 12, 12), CAMERA, "Camera site and coverage fan");
    if (r.sensors().stream().anyMatch(s -> CoverageStyle.downText(r, s) != null)) {
      ty = symbol(g, tx, ty, triangle(tx + 14, ty + 10, 8), DOWN, "Sensor down part of the window (UTC)");
    }
    return symbol(g, tx, ty, new Ellipse2D.Double(tx + 5, ty + 1, 18, 18), SUGGEST, "Suggested sensor (S) / patrol (P)");
  }

  private void sectorTable(Graphics2D g, int tx, int ty, int top, int height) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString("Sectors", tx, ty);
    ty += 20;
    g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 12));
    g.drawString(String.format(Locale.ROOT, "%-8s %7s %7s %6s %6s", "sector", "border", "gap km", "gap %", "worst"), tx, ty);
    g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
    double totalKm = 0;
    double gapKm = 0;
    List<SectorRow> rows = new ArrayList<>(r.sectors());
    for (SectorRow s : rows) {
      totalKm += s.borderKm();
      gapKm += s.uncoveredKm();
    }
    int maxRows = (height - (ty - top) - 110) / 16;
    if (rows.size() > maxRows) {
      rows.sort(Comparator.comparingDouble(SectorRow::uncoveredKm).reversed());
      rows = rows.subList(0, Math.max(0, maxRows - 1));
    }
    for (SectorRow s : rows) {
      ty += 16;
      g.setColor(s.uncoveredPct() >= 50 ? GAP : Color.BLACK);
      g.drawString(String.format(Locale.ROOT, "%-8s %7.1f %7.1f %6.1f %5.1fh", clip(s.id(), 8), s.borderKm(),
          s.uncoveredKm(), s.uncoveredPct(), s.worstRevisitHours()), tx, ty);
    }
    if (rows.size() < r.sectors().size()) {
      ty += 16;
      g.setColor(Color.GRAY);
      g.drawString("(" + (r.sectors().size() - rows.size()) + " more in sectors.csv)", tx, ty);
    }
    ty += 26;
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(String.format(Locale.ROOT, "Border %.1f km, in gaps %.1f km (%.1f %%)", totalKm, gapKm,
        totalKm > 0 ? 100 * gapKm / totalKm : 0), tx, ty);
    ty += 18;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.drawString(r.gaps().size() + " gaps, " + r.sensors().size() + " sensors, " + r.tracks().size() + " patrol units", tx, ty);
    ty += 17;
    g.drawString("Revisit " + fmt(r.options().revisitMillis() / 3_600_000.0) + " h; worst = longest wait", tx, ty);
  }

  /** A legend swatch: the tint over the map's plain-land gray. */
  private static Color swatch(Color c) {
    return new Color(CoverageStyle.blend(235, c));
  }

  private static int box(Graphics2D g, int x, int y, Color c, String text) {
    y += 8;
    g.setColor(c);
    g.fillRect(x, y, 28, 18);
    g.setColor(Color.DARK_GRAY);
    g.drawRect(x, y, 28, 18);
    return caption(g, x, y, text);
  }

  private static int hatch(Graphics2D g, int x, int y, String text) {
    y += 8;
    g.setColor(new Color(0xebebeb));
    g.fillRect(x, y, 28, 18);
    g.setColor(new Color(0x8c8c8c));
    g.setStroke(new BasicStroke(1.5f));
    Shape old = g.getClip();
    g.clip(new Rectangle2D.Double(x, y, 28, 18));
    for (int k = -18; k < 28; k += 6) {
      g.draw(new Line2D.Double(x + k, y + 18, x + k + 18, y));
    }
    g.setClip(old);
    g.setColor(Color.DARK_GRAY);
    g.setStroke(new BasicStroke(1f));
    g.drawRect(x, y, 28, 18);
    return caption(g, x, y, text);
  }

  private static int line(Graphics2D g, int x, int y, Color c, Stroke s, String text) {
    y += 8;
    g.setColor(c);
    g.setStroke(s);
    g.draw(new Line2D.Double(x, y + 9, x + 28, y + 9));
    return caption(g, x, y, text);
  }

  private static int symbol(Graphics2D g, int x, int y, Shape shape, Color c, String text) {
    y += 8;
    g.setColor(c);
    g.fill(shape);
    return caption(g, x, y, text);
  }

  /** The entry's text right of its symbol; the next entry's y. */
  private static int caption(Graphics2D g, int x, int y, String text) {
    g.setColor(Color.BLACK);
    g.drawString(text, x + 38, y + 14);
    return y + 20;
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }
}
