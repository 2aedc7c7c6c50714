package io.watchline.geo.render;

import static io.watchline.geo.render.CoverageStyle.CAMERA;
import static io.watchline.geo.render.CoverageStyle.DOWN;
import static io.watchline.geo.render.CoverageStyle.GAP;
import static io.watchline.geo.render.CoverageStyle.RADAR;
import static io.watchline.geo.render.CoverageStyle.SUGGEST;
import static io.watchline.geo.render.CoverageStyle.TRACK;
import static io.watchline.geo.render.CoverageStyle.radar;
import static io.watchline.geo.render.CoverageStyle.stroke;
import static io.watchline.geo.render.MapCanvas.MAP_W;
import static io.watchline.geo.render.MapCanvas.PAD;
import static io.watchline.geo.render.MapCanvas.TOP;

import io.watchline.geo.coverage.CoverageResult;
import io.watchline.geo.coverage.CoverageResult.Gap;
import io.watchline.geo.coverage.CoverageResult.Suggestion;
import io.watchline.geo.coverage.CoverageResult.Track;
import io.watchline.geo.coverage.SensorSpec;
import io.watchline.geo.proj.LocalProjection;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The static coverage map (map.png and map.svg share one Graphics2D paint routine): the shaded
 * coverage raster ({@link CoverageRaster}), sectors with labels, border, patrol tracks, sensor
 * sites with their fans, gaps, suggestions, scale bar, north arrow and title, with the legend and
 * sector table beside it ({@link MapLegendPanel}). Drawn in the local metric projection
 * ({@link MapCanvas}), so the scale bar is true everywhere on the map.
 */
public final class CoverageMap {
  private final CoverageResult r;
  private final String title;
  private final String subtitle;
  private final LocalProjection proj;
  private final MapCanvas canvas;
  private final LabelPlacer labels;
  private BufferedImage raster;

  public CoverageMap(CoverageResult r, String title, String subtitle) {
    this.r = r;
    this.title = title;
    this.subtitle = subtitle;
    this.proj = r.projection();
    this.canvas = new MapCanvas(r);
    this.labels = new LabelPlacer(canvas);
  }

  public int width() { return PAD + MAP_W + PAD + MapLegendPanel.WIDTH + PAD; }
  public int height() { return TOP + canvas.mapH + PAD + 24; }

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

  public void paint(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width(), height());
    if (raster == null) {
      raster = CoverageRaster.render(r, canvas);
    }
    g.drawImage(raster, PAD, TOP, null);
    Shape oldClip = g.getClip();
    g.clip(canvas.bounds());
    drawSectors(g);
    drawTracks(g);
    drawFans(g);
    stroke(g, Color.BLACK, 2.2f);
    g.draw(canvas.path(proj.forward(r.borderLonLat())));
    for (Gap gap : r.gaps()) {
      stroke(g, GAP, 6f);
      g.draw(canvas.path(proj.forward(gap.lineLonLat())));
    }
    labels.clear();
    drawSuggestions(g);
    drawSites(g);
    drawSectorLabels(g);
    g.setClip(oldClip);
    g.setColor(Color.DARK_GRAY);
    g.setStroke(new BasicStroke(1f));
    g.draw(canvas.bounds());
    drawNorthArrow(g);
    drawScaleBar(g);
    drawTitle(g);
    new MapLegendPanel(r).paint(g, PAD + MAP_W + PAD, TOP, canvas.mapH);
  }

  private void drawSectors(Graphics2D g) {
    g.setColor(new Color(90, 90, 90));
    g.setStroke(CoverageStyle.dashed(1f, 5f, 4f));
    for (Geometry poly : r.sectorPolygons()) {
      Geometry xy = proj.forward(poly);
      for (int i = 0; i < xy.getNumGeometries(); i++) {
        if (xy.getGeometryN(i) instanceof Polygon p) {
          g.draw(canvas.path(p.getExteriorRing()));
        }
      }
    }
  }

  private void drawSectorLabels(Graphics2D g) {
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    for (int i = 0; i < r.sectorPolygons().size(); i++) {
      Geometry xy = proj.forward(r.sectorPolygons().get(i));
      Coordinate c = xy.getInteriorPoint().getCoordinate();
      labels.place(g, r.sectorIds().get(i), canvas.px(c.x), canvas.py(c.y), 0, new Color(40, 40, 40));
    }
  }

  private void drawTracks(Graphics2D g) {
    stroke(g, new Color(TRACK.getRed(), TRACK.getGreen(), TRACK.getBlue(), 200), 1.6f);
    for (Track t : r.tracks()) {
      double[] ll = t.lonLat();
      Path2D.Double p = new Path2D.Double();
      for (int i = 0; i + 1 < ll.length; i += 2) {
        LocalProjection.Xy xy = proj.forward(ll[i + 1], ll[i]);
        if (i == 0) p.moveTo(canvas.px(xy.x()), canvas.py(xy.y()));
        else p.lineTo(canvas.px(xy.x()), canvas.py(xy.y()));
      }
      g.draw(p);
    }
  }

  private Shape fan(SensorSpec s) {
    LocalProjection.Xy xy = proj.forward(s.lat(), s.lon());
    double rad = s.rangeMaxM() * canvas.scale;
    double cx = canvas.px(xy.x());
    double cy = canvas.py(xy.y());
    if (s.allRound()) {
      return new Ellipse2D.Double(cx - rad, cy - rad, 2 * rad, 2 * rad);
    }
    // Java2D angles: degrees counter-clockwise from east; azimuths: clockwise from north
    double start = 90 - (s.azimuthDeg() + s.fovDeg() / 2);
    return new Arc2D.Double(cx - rad, cy - rad, 2 * rad, 2 * rad, start, s.fovDeg(), Arc2D.PIE);
  }

  private void drawFans(Graphics2D g) {
    for (SensorSpec s : r.sensors()) {
      Color c = CoverageStyle.downText(r, s) != null ? DOWN : radar(s) ? RADAR : CAMERA;
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
      labels.claim(new Rectangle2D.Double(canvas.px(xy.x()) - 8, canvas.py(xy.y()) - 8, 16, 16));
    }
    for (SensorSpec s : r.sensors()) {
      LocalProjection.Xy xy = proj.forward(s.lat(), s.lon());
      double x = canvas.px(xy.x());
      double y = canvas.py(xy.y());
      Shape marker = radar(s) ? CoverageStyle.triangle(x, y, 8) : new Rectangle2D.Double(x - 6, y - 6, 12, 12);
      String down = CoverageStyle.downText(r, s);
      g.setColor(down != null ? DOWN : radar(s) ? RADAR : CAMERA);
      g.fill(marker);
      stroke(g, Color.WHITE, 1.5f);
      g.draw(marker);
      labels.place(g, down == null ? s.id() : s.id() + " " + down, x, y, 12, down == null ? Color.BLACK : new Color(90, 90, 90));
    }
  }

  private void drawSuggestions(Graphics2D g) {
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
    for (Suggestion s : r.suggestions()) {
      if (s.routeLonLat() != null) {
        g.setColor(SUGGEST);
        g.setStroke(CoverageStyle.dashed(4f, 10f, 6f));
        g.draw(canvas.path(proj.forward(s.routeLonLat())));
      }
      LocalProjection.Xy xy = proj.forward(s.lat(), s.lon());
      double x = canvas.px(xy.x());
      double y = canvas.py(xy.y());
      String label = (s.kind().equals("sensor") ? "S" : "P") + s.rank();
      Ellipse2D.Double dot = new Ellipse2D.Double(x - 11, y - 11, 22, 22);
      g.setColor(Color.WHITE);
      g.fill(dot);
      stroke(g, SUGGEST, 2.5f);
      g.draw(dot);
      g.setColor(SUGGEST);
      FontMetrics fm = g.getFontMetrics();
      g.drawString(label, (float) (x - fm.stringWidth(label) / 2.0), (float) (y + fm.getAscent() / 2.0 - 1));
      labels.claim(dot.getBounds2D());
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
    double targetM = MAP_W / canvas.scale / 5;
    double[] nice = {500, 1000, 2000, 5000, 10000, 20000, 50000};
    double len = nice[0];
    for (double v : nice) {
      if (v <= targetM) len = v;
    }
    double x0 = PAD + 20;
    double y0 = TOP + canvas.mapH - 24;
    double w = len * canvas.scale;
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
    g.drawString(lbl, (float) (x0 + w - g.getFontMetrics().stringWidth(lbl) / 2.0), (float) y0 - 5);
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
}
