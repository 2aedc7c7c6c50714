package io.watchline.geo.render;

import io.watchline.geo.coverage.CoverageResult;
import io.watchline.geo.coverage.Intervals;
import io.watchline.geo.coverage.SensorSpec;
import io.watchline.geo.coverage.SensorUptime;
import io.watchline.geo.coverage.ViewshedParams;
import io.watchline.geo.dem.ElevationGrid;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.util.Locale;

/**
 * The look shared by the static map and the web map: the coverage colours and how a cell is
 * tinted over the hillshade, the site symbols and their "down" wording, number formatting.
 */
final class CoverageStyle {
  static final Color SEEN = new Color(35, 139, 69);
  static final Color PATROLLED = new Color(33, 113, 181);
  static final Color OPEN_BAND = new Color(252, 146, 114);
  static final Color GAP = new Color(203, 24, 29);
  static final Color TRACK = new Color(8, 48, 107);
  static final Color RADAR = new Color(106, 81, 163);
  static final Color CAMERA = new Color(217, 95, 2);
  static final Color SUGGEST = new Color(231, 41, 138);
  static final Color DOWN = new Color(130, 130, 130);

  private CoverageStyle() {}

  /** The tint of raster cell k: seen, else patrolled, else in the border band; null for none. */
  static Color tint(CoverageResult r, int k) {
    boolean seen = r.seenPd()[k] > 0 && r.seenPd()[k] >= r.options().minPd();
    return seen ? SEEN : r.patrolled()[k] != 0 ? PATROLLED : r.inBand()[k] != 0 ? OPEN_BAND : null;
  }

  /** A gray level (0..255) washed with a tint: the band's lighter than the coverage tints. */
  static int blend(int gray, Color c) {
    double a = c == OPEN_BAND ? 0.45 : 0.5;
    int rr = (int) (gray * (1 - a) + c.getRed() * a);
    int gg = (int) (gray * (1 - a) + c.getGreen() * a);
    int bb = (int) (gray * (1 - a) + c.getBlue() * a);
    return (rr << 16) | (gg << 8) | bb;
  }

  /** Lambertian hillshade, light from the north-west at 45 degrees, 0..1. */
  static double hillshade(ElevationGrid g, int c, int r) {
    int c0 = Math.max(0, c - 1), c1 = Math.min(g.width() - 1, c + 1);
    int r0 = Math.max(0, r - 1), r1 = Math.min(g.height() - 1, r + 1);
    double dzdx = (g.get(c1, r) - g.get(c0, r)) / ((c1 - c0) * g.cellX());
    double dzdy = (g.get(c, r0) - g.get(c, r1)) / ((r1 - r0) * g.cellY());
    double slope = Math.atan(Math.hypot(dzdx, dzdy));
    double aspect = Math.atan2(-dzdx, -dzdy);
    double az = Math.toRadians(315);
    double alt = Math.toRadians(45);
    double v = Math.sin(alt) * Math.cos(slope) + Math.cos(alt) * Math.sin(slope) * Math.cos(az - aspect);
    return Math.max(0, Math.min(1, v));
  }

  static boolean radar(SensorSpec s) {
    return Math.abs(s.curvatureCoeff() - ViewshedParams.RADAR_CURVATURE) < 1e-6;
  }

  /** "down 01:00–03:00" for a sensor with outages in the window, or null. */
  static String downText(CoverageResult r, SensorSpec s) {
    SensorUptime.Availability a = r.availabilityOf(s.id());
    if (a == null || a.alwaysUp()) {
      return null;
    }
    return a.upShare() == 0 ? "down all window" : "down " + Intervals.format(a.outages(), 2);
  }

  /** The radar site marker: a triangle of half-size r around (x, y). */
  static Shape triangle(double x, double y, double r) {
    Path2D.Double t = new Path2D.Double();
    t.moveTo(x, y - r);
    t.lineTo(x + r, y + r * 0.8);
    t.lineTo(x - r, y + r * 0.8);
    t.closePath();
    return t;
  }

  static void stroke(Graphics2D g, Color c, float w) {
    g.setColor(c);
    g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
  }

  static BasicStroke dashed(float width, float dash, float gap) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {dash, gap}, 0f);
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
