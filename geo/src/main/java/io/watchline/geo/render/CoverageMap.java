package io.watchline.geo.render;

import io.watchline.geo.coverage.CoverageResult;
import io.watchline.geo.coverage.CoverageResult.Gap;
import io.watchline.geo.coverage.CoverageResult.GridFrame;
import io.watchline.geo.coverage.CoverageResult.SectorRow;
import io.watchline.geo.coverage.CoverageResult.Suggestion;
import io.watchline.geo.coverage.CoverageResult.Track;
import io.watchline.geo.coverage.Intervals;
import io.watchline.geo.coverage.SensorUptime;
import io.watchline.geo.coverage.SensorSpec;
import io.watchline.geo.coverage.ViewshedParams;
import io.watchline.geo.dem.ElevationGrid;
import io.watchline.geo.proj.LocalProjection;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The static coverage map (map.png and map.svg share one Graphics2D paint routine): hillshade,
 * sensor and patrol coverage, the band left uncovered, sectors with labels, border, patrol tracks,
 * sensor sites with their fans, gaps, suggestions, legend, scale bar, north arrow and title.
 * Drawn in the local metric projection, so the scale bar is true everywhere on the map.
 */
public final class CoverageMap {
  static final Color SEEN = new Color(35, 139, 69);
  static final Color PATROLLED = new Color(33, 113, 181);
  static final Color OPEN_BAND = new Color(252, 146, 114);
  static final Color GAP = new Color(203, 24, 29);
  static final Color TRACK = new Color(8, 48, 107);
  static final Color RADAR = new Color(106, 81, 163);
  static final Color CAMERA = new Color(217, 95, 2);
  static final Color SUGGEST = new Color(231, 41, 138);
  static final Color DOWN = new Color(130, 130, 130);

  private static final int MAP_W = 1250;
  private static final int PANEL_W = 380;
  private static final int TOP = 86;
  private static final int PAD = 16;

  private final CoverageResult r;
  private final String title;
  private final String subtitle;
  private final LocalProjection proj;
  private final double minX;
  private final double maxY;
  private final double scale;
  private final int mapH;
  private BufferedImage raster;
  private final List<Rectangle2D> placed = new ArrayList<>();

  public CoverageMap(CoverageResult r, String title, String subtitle) {
    this.r = r;
    this.title = title;
    this.subtitle = subtitle;
    this.proj = r.projection();
    Envelope env = new Envelope(proj.forward(r.borderLonLat()).getEnvelopeInternal());
    for (SensorSpec s : r.sensors()) {
      LocalProjection.Xy xy = proj.forward(s.lat(), s.lon());
      env.expandToInclude(xy.x(), xy.y());
    }
    env.expandBy(Math.max(env.getWidth(), env.getHeight()) * 0.04 + 1500);
    this.scale = MAP_W / env.getWidth();
    this.mapH = (int) Math.min(1700, Math.max(700, env.getHeight() * scale));
    double cy = (env.getMinY() + env.getMaxY()) / 2;
    this.minX = env.getMinX();
    this.maxY = cy + mapH / scale / 2;
  }

  public int width() { return PAD + MAP_W + PAD + PANEL_W + PAD; }
  public int height() { return TOP + mapH + PAD + 24; }

  public void writePng(OutputStream out) throws IOException {
    ImageIO.setUseCache(false);
    BufferedImage img = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    paint(g);
    g.dispose();
    ImageIO.write(img, "png", out);
  }

  public void writeSvg(OutputStream out) throws IOException {
    SVGGraphics2D g = new SVGGraphics2D(width(), height());
    // the default prefix of clip and gradient ids holds the clock: a fixed one keeps reruns identical
    g.setDefsKeyPrefix("wl");
    paint(g);
    out.write(g.getSVGDocument().getBytes(StandardCharsets.UTF_8));
  }

  double px(double x) { return PAD + (x - minX) * scale; }
  double py(double y) { return TOP + (maxY - y) * scale; }

  public void paint(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width(), height());
    if (raster == null) {
      raster = rasterLayer();
    }
    g.drawImage(raster, PAD, TOP, null);
    Shape oldClip = g.getClip();
    g.clip(new Rectangle2D.Double(PAD, TOP, MAP_W, mapH));
    drawSectors(g);
    drawTracks(g);
    drawFans(g);
    stroke(g, Color.BLACK, 2.2f);
    g.draw(path(proj.forward(r.borderLonLat())));
    for (Gap gap : r.gaps()) {
      stroke(g, GAP, 6f);
      g.draw(path(proj.forward(gap.lineLonLat())));
    }
    placed.clear();
    drawSuggestions(g);
    drawSites(g);
    drawSectorLabels(g);
    g.setClip(oldClip);
    g.setColor(Color.DARK_GRAY);
    g.setStroke(new BasicStroke(1f));
    g.draw(new Rectangle2D.Double(PAD, TOP, MAP_W, mapH));
    drawNorthArrow(g);
    drawScaleBar(g);
    drawTitle(g);
    drawPanel(g);
  }

  // ------------------------------------------------------------------ raster

  /** Hillshade (or plain land) with coverage tints, one pixel per map pixel. */
  private BufferedImage rasterLayer() {
    BufferedImage img = new BufferedImage(MAP_W, mapH, BufferedImage.TYPE_INT_RGB);
    GridFrame f = r.frame();
    ElevationGrid dem = r.terrain().grid();
    boolean flat = r.terrain().flat();
    for (int j = 0; j < mapH; j++) {
      double y = maxY - (j + 0.5) / scale;
      for (int i = 0; i < MAP_W; i++) {
        double x = minX + (i + 0.5) / scale;
        int c = f.colOf(x);
        int rr = f.rowOf(y);
        double shade = 0.93;
        int rgb;
        if (f.contains(c, rr)) {
          boolean noData = r.terrain().noDataAt(c, rr);
          if (!flat && !noData) {
            shade = hillshade(dem, c, rr);
          }
          int k = rr * f.width() + c;
          if (noData && Math.floorMod(i + j, 9) < 2) {
            img.setRGB(i, j, 0x8c8c8c); // hatching: no terrain data, never counted as seen
            continue;
          }
          double base = 0.55 + 0.45 * shade;
          int gray = (int) Math.round(255 * base);
          Color tint = null;
          boolean seen = r.seenPd()[k] > 0 && r.seenPd()[k] >= r.options().minPd();
          if (seen) tint = SEEN;
          else if (r.patrolled()[k] != 0) tint = PATROLLED;
          else if (r.inBand()[k] != 0) tint = OPEN_BAND;
          rgb = tint == null ? (gray << 16) | (gray << 8) | (int) (gray * 0.97) : blend(gray, tint, tint == OPEN_BAND ? 0.45 : 0.5);
        } else {
          rgb = 0xebebeb;
        }
        img.setRGB(i, j, rgb);
      }
    }
    return img;
  }

  private static int blend(int gray, Color c, double a) {
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

  // ------------------------------------------------------------------ vectors

  private void drawSectors(Graphics2D g) {
    g.setColor(new Color(90, 90, 90));
    g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {5f, 4f}, 0f));
    for (Geometry poly : r.sectorPolygons()) {
      Geometry xy = proj.forward(poly);
      for (int i = 0; i < xy.getNumGeometries(); i++) {
        if (xy.getGeometryN(i) instanceof Polygon p) {
          g.draw(path(p.getExteriorRing()));
        }
      }
    }
  }

  private void drawSectorLabels(Graphics2D g) {
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    for (int i = 0; i < r.sectorPolygons().size(); i++) {
      Geometry xy = proj.forward(r.sectorPolygons().get(i));
      Coordinate c = xy.getInteriorPoint().getCoordinate();
      placeLabel(g, r.sectorIds().get(i), px(c.x), py(c.y), 0, new Color(40, 40, 40));
    }
  }

  private void drawTracks(Graphics2D g) {
    stroke(g, new Color(TRACK.getRed(), TRACK.getGreen(), TRACK.getBlue(), 200), 1.6f);
    for (Track t : r.tracks()) {
      double[] ll = t.lonLat();
      Path2D.Double p = new Path2D.Double();
      for (int i = 0; i + 1 < ll.length; i += 2) {
        LocalProjection.Xy xy = proj.forward(ll[i + 1], ll[i]);
        if (i == 0) p.moveTo(px(xy.x()), py(xy.y()));
        else p.lineTo(px(xy.x()), py(xy.y()));
      }
      g.draw(p);
    }
  }

  private Shape fan(SensorSpec s) {
    LocalProjection.Xy xy = proj.forward(s.lat(), s.lon());
    double rad = s.rangeMaxM() * scale;
    double cx = px(xy.x());
    double cy = py(xy.y());
    if (s.allRound()) {
      return new Ellipse2D.Double(cx - rad, cy - rad, 2 * rad, 2 * rad);
    }
    // Java2D angles: degrees counter-clockwise from east; azimuths: clockwise from north
    double start = 90 - (s.azimuthDeg() + s.fovDeg() / 2);
    return new Arc2D.Double(cx - rad, cy - rad, 2 * rad, 2 * rad, start, s.fovDeg(), Arc2D.PIE);
  }

  private static boolean radar(SensorSpec s) {
    return Math.abs(s.curvatureCoeff() - ViewshedParams.RADAR_CURVATURE) < 1e-6;
  }

  /** "down 01:00–03:00" for a sensor with outages in the window, or null. */
  private String downText(SensorSpec s) {
    SensorUptime.Availability a = r.availabilityOf(s.id());
    if (a == null || a.alwaysUp()) {
      return null;
    }
    return a.upShare() == 0 ? "down all window" : "down " + Intervals.format(a.outages(), 2);
  }

  private void drawFans(Graphics2D g) {
    for (SensorSpec s : r.sensors()) {
      Color c = downText(s) != null ? DOWN : radar(s) ? RADAR : CAMERA;
      Shape fan = fan(s);
      g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 22));
      g.fill(fan);
      g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
      g.setStroke(new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 4f}, 0f));
      g.draw(fan);
    }
  }

  private void drawSites(Graphics2D g) {
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
    // every marker claims its place before any label is placed, so no label covers a later site
    for (SensorSpec s : r.sensors()) {
      LocalProjection.Xy xy = proj.forward(s.lat(), s.lon());
      placed.add(new Rectangle2D.Double(px(xy.x()) - 8, py(xy.y()) - 8, 16, 16));
    }
    for (SensorSpec s : r.sensors()) {
      LocalProjection.Xy xy = proj.forward(s.lat(), s.lon());
      double x = px(xy.x());
      double y = py(xy.y());
      Shape marker = radar(s) ? triangle(x, y, 8) : new Rectangle2D.Double(x - 6, y - 6, 12, 12);
      String down = downText(s);
      g.setColor(down != null ? DOWN : radar(s) ? RADAR : CAMERA);
      g.fill(marker);
      stroke(g, Color.WHITE, 1.5f);
      g.draw(marker);
      placeLabel(g, down == null ? s.id() : s.id() + " " + down, x, y, 12, down == null ? Color.BLACK : new Color(90, 90, 90));
    }
  }

  private void drawSuggestions(Graphics2D g) {
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
    for (Suggestion s : r.suggestions()) {
      if (s.routeLonLat() != null) {
        g.setColor(SUGGEST);
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {10f, 6f}, 0f));
        g.draw(path(proj.forward(s.routeLonLat())));
      }
      LocalProjection.Xy xy = proj.forward(s.lat(), s.lon());
      double x = px(xy.x());
      double y = py(xy.y());
      String label = (s.kind().equals("sensor") ? "S" : "P") + s.rank();
      Ellipse2D.Double dot = new Ellipse2D.Double(x - 11, y - 11, 22, 22);
      g.setColor(Color.WHITE);
      g.fill(dot);
      stroke(g, SUGGEST, 2.5f);
      g.draw(dot);
      g.setColor(SUGGEST);
      FontMetrics fm = g.getFontMetrics();
      g.drawString(label, (float) (x - fm.stringWidth(label) / 2.0), (float) (y + fm.getAscent() / 2.0 - 1));
      placed.add(dot.getBounds2D());
    }
  }

  private void drawNorthArrow(Graphics2D g) {
    double x = PAD + MAP_W - 40;
    double y = TOP + 20;
    Path2D.Double a = new Path2D.Double();
    a.moveTo(x, y);
    a.lineTo(x + 12, y + 36);
    a.lineTo(x, y + 28);
    a.lineTo(x - 12, y + 36);
    a.closePath();
    g.setColor(Color.WHITE);
    g.fill(new Ellipse2D.Double(x - 26, y - 8, 52, 66));
    g.setColor(Color.BLACK);
    g.fill(a);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString("N", (float) (x - 5), (float) (y + 54));
  }

  private void drawScaleBar(Graphics2D g) {
    double targetM = MAP_W / scale / 5;
    double[] nice = {500, 1000, 2000, 5000, 10000, 20000, 50000};
    double len = nice[0];
    for (double v : nice) {
      if (v <= targetM) len = v;
    }
    double x0 = PAD + 20;
    double y0 = TOP + mapH - 24;
    double w = len * scale;
    g.setColor(new Color(255, 255, 255, 220));
    g.fill(new Rectangle2D.Double(x0 - 10, y0 - 26, w + 40, 40));
    for (int k = 0; k < 4; k++) {
      g.setColor(k % 2 == 0 ? Color.BLACK : Color.WHITE);
      g.fill(new Rectangle2D.Double(x0 + k * w / 4, y0, w / 4, 7));
    }
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1f));
    g.draw(new Rectangle2D.Double(x0, y0, w, 7));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString("0", (float) x0 - 3, (float) y0 - 5);
    String lbl = len >= 1000 ? String.format(Locale.ROOT, "%.0f km", len / 1000) : String.format(Locale.ROOT, "%.0f m", len);
    g.drawString(lbl, (float) (x0 + w - textWidth(g, lbl) / 2.0), (float) y0 - 5);
  }

  private void drawTitle(Graphics2D g) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
    g.drawString(title, PAD, 36);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
    g.setColor(new Color(60, 60, 60));
    g.drawString(subtitle, PAD, 60);
    String note = r.notes().get(0);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    g.setColor(r.terrain().flat() ? GAP : new Color(90, 90, 90));
    g.drawString(note, PAD, 78);
  }

  private void drawPanel(Graphics2D g) {
    int x = PAD + MAP_W + PAD;
    int y = TOP;
    g.setColor(new Color(248, 248, 248));
    g.fillRect(x, y, PANEL_W, mapH);
    g.setColor(Color.GRAY);
    g.drawRect(x, y, PANEL_W, mapH);
    int tx = x + 14;
    int ty = y + 28;
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString("Legend", tx, ty);
    ty += 12;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    ty = legendBox(g, tx, ty, blendColor(SEEN), "Seen by a sensor (target " + fmt(r.options().targetHeightM()) + " m)");
    ty = legendBox(g, tx, ty, blendColor(PATROLLED), "Patrolled in window (sweep " + fmt(r.options().sweepM()) + " m)");
    ty = legendBox(g, tx, ty, blendColor(OPEN_BAND), "Border band not covered");
    if (r.terrain().outsideFraction() > 0 && !r.terrain().bareEarthOutside()) {
      ty = legendHatch(g, tx, ty, "No terrain data (outside the DEM): not seen");
    }
    ty = legendLine(g, tx, ty, GAP, new BasicStroke(6f), "Gap >= " + fmt(r.options().minGapM()) + " m");
    ty = legendLine(g, tx, ty, Color.BLACK, new BasicStroke(2.2f), "Border");
    ty = legendLine(g, tx, ty, new Color(90, 90, 90),
        new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {5f, 4f}, 0f), "Sector boundary");
    ty = legendLine(g, tx, ty, TRACK, new BasicStroke(1.6f), "Patrol track");
    ty = legendSymbol(g, tx, ty, triangle(tx + 14, ty + 10, 8), RADAR, "Radar site and coverage fan");
    ty = legendSymbol(g, tx, ty, new Rectangle2D.Double(tx + 8, ty + 4, 12, 12), CAMERA, "Camera site and coverage fan");
    if (r.sensors().stream().anyMatch(s -> downText(s) != null)) {
      ty = legendSymbol(g, tx, ty, triangle(tx + 14, ty + 10, 8), DOWN, "Sensor down part of the window (UTC)");
    }
    ty = legendSymbol(g, tx, ty, new Ellipse2D.Double(tx + 5, ty + 1, 18, 18), SUGGEST, "Suggested sensor (S) / patrol (P)");

    ty += 18;
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
    int maxRows = (mapH - (ty - y) - 110) / 16;
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

  private static Color blendColor(Color c) {
    return new Color(blend(235, c, c == OPEN_BAND ? 0.45 : 0.5));
  }

  private int legendBox(Graphics2D g, int x, int y, Color c, String text) {
    y += 8;
    g.setColor(c);
    g.fillRect(x, y, 28, 18);
    g.setColor(Color.DARK_GRAY);
    g.drawRect(x, y, 28, 18);
    g.setColor(Color.BLACK);
    g.drawString(text, x + 38, y + 14);
    return y + 20;
  }

  private int legendHatch(Graphics2D g, int x, int y, String text) {
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
    g.setColor(Color.BLACK);
    g.drawString(text, x + 38, y + 14);
    return y + 20;
  }

  private int legendLine(Graphics2D g, int x, int y, Color c, Stroke s, String text) {
    y += 8;
    g.setColor(c);
    g.setStroke(s);
    g.draw(new Line2D.Double(x, y + 9, x + 28, y + 9));
    g.setColor(Color.BLACK);
    g.drawString(text, x + 38, y + 14);
    return y + 20;
  }

  private int legendSymbol(Graphics2D g, int x, int y, Shape shape, Color c, String text) {
    y += 8;
    g.setColor(c);
    g.fill(shape);
    g.setColor(Color.BLACK);
    g.drawString(text, x + 38, y + 14);
    return y + 20;
  }

  private static Shape triangle(double x, double y, double r) {
    Path2D.Double t = new Path2D.Double();
    t.moveTo(x, y - r);
    t.lineTo(x + r, y + r * 0.8);
    t.lineTo(x - r, y + r * 0.8);
    t.closePath();
    return t;
  }

  /**
   * Puts a label at the first free spot around (x, y) (on it when {@code offset} is 0): eight
   * positions next to it, then two rings farther out joined to the point by a leader line. A spot
   * is free when it overlaps no label or marker drawn before. When none is free the label is
   * dropped (returns false) rather than drawn over another.
   */
  private boolean placeLabel(Graphics2D g, String text, double x, double y, double offset, Color c) {
    FontMetrics fm = g.getFontMetrics();
    double w = fm.stringWidth(text) + 6;
    double h = fm.getAscent() + 3;
    List<double[]> spots = new ArrayList<>();
    if (offset == 0) {
      for (double[] sp : new double[][] {{0, 0}, {0, -h}, {0, h}, {w * 0.7, 0}, {-w * 0.7, 0}, {0, -2 * h}, {0, 2 * h}}) {
        spots.add(sp);
      }
    } else {
      for (double[] sp : new double[][] {{offset + w / 2, -offset / 2}, {offset + w / 2, offset + h / 2},
          {-offset - w / 2, -offset / 2}, {-offset - w / 2, offset + h / 2}, {0, -offset - h / 2}, {0, offset + h},
          {offset + w / 2, -offset - h}, {-offset - w / 2, -offset - h}}) {
        spots.add(sp);
      }
      for (double ring : new double[] {3.5, 6}) {
        for (int k = 0; k < 12; k++) {
          double a = Math.PI * 2 * k / 12;
          spots.add(new double[] {Math.cos(a) * (offset * ring + w / 2), Math.sin(a) * (offset * ring + h)});
        }
      }
    }
    for (int k = 0; k < spots.size(); k++) {
      double[] sp = spots.get(k);
      Rectangle2D box = new Rectangle2D.Double(x + sp[0] - w / 2, y + sp[1] - h + 4, w, h);
      if (box.getMinX() < PAD || box.getMaxX() > PAD + MAP_W || box.getMinY() < TOP || box.getMaxY() > TOP + mapH) {
        continue;
      }
      if (placed.stream().noneMatch(box::intersects)) {
        placed.add(box);
        if (k >= 8) {
          g.setColor(new Color(60, 60, 60));
          g.setStroke(new BasicStroke(1f));
          g.draw(new Line2D.Double(x, y, box.getCenterX(), box.getCenterY()));
        }
        haloLabel(g, text, x + sp[0], y + sp[1] + 4, c);
        return true;
      }
    }
    return false;
  }

  private void haloLabel(Graphics2D g, String text, double cx, double cy, Color c) {
    FontMetrics fm = g.getFontMetrics();
    int w = fm.stringWidth(text);
    g.setColor(new Color(255, 255, 255, 215));
    g.fill(new Rectangle2D.Double(cx - w / 2.0 - 3, cy - fm.getAscent() + 1, w + 6, fm.getAscent() + 3));
    g.setColor(c);
    g.drawString(text, (float) (cx - w / 2.0), (float) cy);
  }

  private static int textWidth(Graphics2D g, String s) {
    return g.getFontMetrics().stringWidth(s);
  }

  private static void stroke(Graphics2D g, Color c, float w) {
    g.setColor(c);
    g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
  }

  private Path2D.Double path(Geometry xy) {
    Path2D.Double p = new Path2D.Double();
    for (int k = 0; k < xy.getNumGeometries(); k++) {
      Coordinate[] cs = ((LineString) xy.getGeometryN(k)).getCoordinates();
      for (int i = 0; i < cs.length; i++) {
        if (i == 0) p.moveTo(px(cs[i].x), py(cs[i].y));
        else p.lineTo(px(cs[i].x), py(cs[i].y));
      }
    }
    return p;
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }
}
