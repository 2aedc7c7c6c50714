package io.watchline.cli.nightly;

import io.watchline.geo.io.GeoFeature;
import io.watchline.geo.sector.Sector;
import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.incident.TrackPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The overview map of the night as PNG: sectors, the border, gaps, sensor sites with their fans
 * (grey with "down …" when a sensor was down part of the night), incident tracks and points by
 * kind, with a legend and a scale bar. The picture's height follows the data's shape so the data
 * fills the frame; labels that would overlap one drawn before are left out (the tables list them
 * all). Plain Java2D in an equirectangular view scaled by cos(lat), good enough over a border
 * region; the same input always gives the same bytes.
 */
final class NightMap {
  static final Map<IncidentKind, Color> COLOURS =
      Map.of(
          IncidentKind.CROSSING, new Color(0xE6, 0x00, 0x00),
          IncidentKind.APPROACH, new Color(0xFF, 0x8C, 0x00),
          IncidentKind.LOITER, new Color(0xD4, 0xAA, 0x00),
          IncidentKind.WELFARE, new Color(0x00, 0x55, 0xFF));

  /** A sensor site as drawn: position, fan, and "down 01:00–03:00" (null when up all night). */
  record SiteMark(String id, double lat, double lon, boolean radar, double azimuthDeg, double fovDeg, double rangeM,
      String down) {}

  static final int WIDTH = 1200;
  private static final double PAD = 40;

  private final int width;
  private final int height;
  private final double minLon, maxLat, scaleX, scaleY;
  private final List<java.awt.geom.Rectangle2D> placed = new java.util.ArrayList<>();

  /** Height for the data's aspect at {@link #WIDTH}, 560..1400 px plus the title band. */
  static int heightFor(Envelope e) {
    double kx = Math.cos(Math.toRadians((e.getMinY() + e.getMaxY()) / 2));
    double aspect = e.getHeight() / Math.max(1e-9, e.getWidth() * kx);
    return (int) Math.max(560, Math.min(1400, Math.round((WIDTH - 2 * PAD) * aspect + 2 * PAD))) + 40;
  }

  private NightMap(int width, int height, Envelope e) {
    this.width = width;
    this.height = height;
    double kx = Math.cos(Math.toRadians((e.getMinY() + e.getMaxY()) / 2));
    double pad = PAD;
    double sx = (width - 2 * pad) / Math.max(1e-9, e.getWidth() * kx);
    double sy = (height - 2 * pad - 40) / Math.max(1e-9, e.getHeight());
    double s = Math.min(sx, sy);
    this.scaleX = s * kx;
    this.scaleY = s;
    this.minLon = e.getMinX() - (width / scaleX - e.getWidth()) / 2;
    this.maxLat = e.getMaxY() + ((height - 40) / scaleY - e.getHeight()) / 2;
  }

  static byte[] png(LineString border, List<Sector> sectors, List<GeoFeature> gaps, List<Incident> incidents,
      List<SiteMark> sites, String title) throws IOException {
    Envelope e = new Envelope(border.getEnvelopeInternal());
    for (Sector s : sectors) e.expandToInclude(s.polygon().getEnvelopeInternal());
    for (Incident i : incidents) e.expandToInclude(i.lon(), i.lat());
    for (SiteMark s : sites) e.expandToInclude(s.lon(), s.lat());
    NightMap m = new NightMap(WIDTH, heightFor(e), e);
    return m.draw(border, sectors, gaps == null ? List.of() : gaps, incidents, sites, title);
  }

  private double x(double lon) {
    return (lon - minLon) * scaleX;
  }

  private double y(double lat) {
    return (maxLat - lat) * scaleY;
  }

  private byte[] draw(LineString border, List<Sector> sectors, List<GeoFeature> gaps, List<Incident> incidents,
      List<SiteMark> sites, String title) throws IOException {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(0xF7, 0xF7, 0xF2));
    g.fillRect(0, 0, width, height);

    Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    g.setFont(label);
    for (Sector s : sectors) {
      Path2D p = path(s.polygon());
      g.setColor(new Color(0x33, 0x66, 0x99, 28));
      g.fill(p);
      g.setColor(new Color(0x33, 0x66, 0x99, 120));
      g.setStroke(new BasicStroke(1f));
      g.draw(p);
    }
    for (SiteMark s : sites) {
      Path2D fan = fan(s);
      Color c = s.down() != null ? DOWN : s.radar() ? RADAR : CAMERA;
      g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 26));
      g.fill(fan);
      g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 150));
      g.setStroke(new BasicStroke(1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
      g.draw(fan);
    }
    g.setColor(new Color(0x99, 0x00, 0x99, 140));
    g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (GeoFeature f : gaps) {
      g.draw(path(f.geometry()));
    }
    g.setColor(Color.DARK_GRAY);
    g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {9f, 5f}, 0f));
    g.draw(path(border));

    g.setStroke(new BasicStroke(1.8f));
    for (Incident i : incidents) {
      if (i.track().size() < 2) continue;
      Path2D p = new Path2D.Double();
      boolean first = true;
      for (TrackPoint t : i.track()) {
        if (first) p.moveTo(x(t.lon()), y(t.lat()));
        else p.lineTo(x(t.lon()), y(t.lat()));
        first = false;
      }
      Color c = COLOURS.get(i.kind());
      g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 150));
      g.draw(p);
    }
    for (SiteMark s : sites) {
      double px = x(s.lon()), py = y(s.lat());
      g.setColor(s.down() != null ? DOWN : s.radar() ? RADAR : CAMERA);
      if (s.radar()) {
        g.fillPolygon(new int[] {(int) px, (int) px + 7, (int) px - 7}, new int[] {(int) py - 8, (int) py + 6, (int) py + 6}, 3);
      } else {
        g.fillRect((int) px - 5, (int) py - 5, 10, 10);
      }
      placed.add(new java.awt.geom.Rectangle2D.Double(px - 8, py - 8, 16, 16));
    }
    // welfare cases last, so that nothing hides them
    List<Incident> markers = new ArrayList<>(incidents);
    markers.sort(java.util.Comparator.comparing((Incident i) -> i.kind() == IncidentKind.WELFARE));
    for (Incident i : markers) {
      double px = x(i.lon()), py = y(i.lat());
      g.setColor(COLOURS.get(i.kind()));
      if (i.kind() == IncidentKind.WELFARE) {
        // a ring around the dot: people in danger stand out from the crossings around them
        g.setStroke(new BasicStroke(3f));
        g.drawOval((int) Math.round(px - 11), (int) Math.round(py - 11), 22, 22);
      }
      g.fillOval((int) Math.round(px - 6), (int) Math.round(py - 6), 12, 12);
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(1f));
      g.drawOval((int) Math.round(px - 6), (int) Math.round(py - 6), 12, 12);
      placed.add(new java.awt.geom.Rectangle2D.Double(px - 6, py - 6, 12, 12));
    }
    // labels last, most important first: sites (with their outages), sectors, then incidents
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
    for (SiteMark s : sites) {
      label(g, s.down() == null ? s.id() : s.id() + " " + s.down(), x(s.lon()), y(s.lat()), 10,
          s.down() != null ? new Color(90, 90, 90) : Color.BLACK);
    }
    g.setFont(label);
    for (Sector s : sectors) {
      Coordinate c = s.polygon().getInteriorPoint().getCoordinate();
      label(g, s.id(), x(c.x), y(c.y), 0, new Color(0x33, 0x55, 0x77));
    }
    for (Incident i : incidents) {
      label(g, i.id().substring(Math.max(0, i.id().length() - 4)), x(i.lon()), y(i.lat()), 8, Color.BLACK);
    }

    // title band, legend, scale bar
    g.setColor(new Color(255, 255, 255, 230));
    g.fillRect(0, height - 40, width, 40);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, 12, height - 15);
    g.setFont(label);
    int lx = width - 605;
    for (IncidentKind k : IncidentKind.values()) {
      g.setColor(COLOURS.get(k));
      g.fillOval(lx, height - 27, 12, 12);
      g.setColor(Color.BLACK);
      g.drawString(k.wireName(), lx + 16, height - 16);
      lx += 85;
    }
    g.setColor(new Color(0x99, 0x00, 0x99));
    g.fillRect(lx, height - 24, 16, 6);
    g.setColor(Color.BLACK);
    g.drawString("gap", lx + 20, height - 16);
    lx += 50;
    g.setColor(RADAR);
    g.fillPolygon(new int[] {lx + 6, lx + 13, lx - 1}, new int[] {height - 29, height - 15, height - 15}, 3);
    g.setColor(CAMERA);
    g.fillRect(lx + 17, height - 27, 10, 10);
    g.setColor(Color.BLACK);
    g.drawString("sites", lx + 31, height - 16);
    scaleBar(g, width - 160, height - 20);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  static final Color RADAR = new Color(106, 81, 163);
  static final Color CAMERA = new Color(217, 95, 2);
  static final Color DOWN = new Color(130, 130, 130);

  /** The sensor's fan (circle or wedge of its range) as a polygon of geodesic points. */
  private Path2D fan(SiteMark s) {
    Path2D p = new Path2D.Double();
    boolean round = !(s.fovDeg() < 360);
    double from = round ? 0 : s.azimuthDeg() - s.fovDeg() / 2;
    double span = round ? 360 : s.fovDeg();
    int steps = Math.max(8, (int) Math.ceil(span / 5));
    if (!round) p.moveTo(x(s.lon()), y(s.lat()));
    for (int k = 0; k <= steps; k++) {
      io.watchline.geo.geodesy.Geodesy.LatLon q =
          io.watchline.geo.geodesy.Geodesy.direct(s.lat(), s.lon(), from + span * k / steps, s.rangeM());
      if (k == 0 && round) p.moveTo(x(q.lon()), y(q.lat()));
      else p.lineTo(x(q.lon()), y(q.lat()));
    }
    p.closePath();
    return p;
  }

  /** Draws a label beside (x, y) at the first of a few spots that overlaps nothing drawn before; else leaves it out. */
  private void label(Graphics2D g, String text, double x, double y, double off, Color c) {
    java.awt.FontMetrics fm = g.getFontMetrics();
    double w = fm.stringWidth(text) + 4;
    double h = fm.getAscent() + 2;
    double[][] spots = off == 0
        ? new double[][] {{-w / 2, h / 2}, {-w / 2, -h / 2}, {-w / 2, 1.5 * h}}
        : new double[][] {{off, h / 2}, {-off - w, h / 2}, {-w / 2, -off}, {-w / 2, off + h}, {off, -off}, {-off - w, -off},
            {off, off + h}, {-off - w, off + h}};
    for (double[] sp : spots) {
      java.awt.geom.Rectangle2D box = new java.awt.geom.Rectangle2D.Double(x + sp[0], y + sp[1] - h, w, h);
      if (box.getMinX() < 0 || box.getMaxX() > width || box.getMinY() < 0 || box.getMaxY() > height - 40) continue;
      if (placed.stream().noneMatch(box::intersects)) {
        placed.add(box);
        g.setColor(new Color(255, 255, 255, 200));
        g.fill(box);
        g.setColor(c);
        g.drawString(text, (float) (x + sp[0] + 2), (float) (y + sp[1] - 2));
        return;
      }
    }
  }

  /** A bar of a round number of km, about 100 px long. */
  private void scaleBar(Graphics2D g, int x0, int y0) {
    double kmPerPx = 111.32 / scaleY; // a degree of latitude is ~111.32 km
    double target = kmPerPx * 100;
    double step = Math.pow(10, Math.floor(Math.log10(target)));
    double km = target / step >= 5 ? 5 * step : target / step >= 2 ? 2 * step : step;
    int px = (int) Math.round(km / kmPerPx);
    g.setStroke(new BasicStroke(2f));
    g.drawLine(x0, y0, x0 + px, y0);
    g.drawLine(x0, y0 - 4, x0, y0 + 2);
    g.drawLine(x0 + px, y0 - 4, x0 + px, y0 + 2);
    g.drawString(String.format(Locale.ROOT, km >= 1 ? "%.0f km" : "%.1f km", km), x0 + px + 6, y0 + 4);
  }

  private Path2D path(Geometry geom) {
    Path2D p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
    for (int n = 0; n < geom.getNumGeometries(); n++) {
      Geometry part = geom.getGeometryN(n);
      if (part instanceof Polygon poly) {
        ring(p, poly.getExteriorRing().getCoordinates(), true);
        for (int h = 0; h < poly.getNumInteriorRing(); h++) ring(p, poly.getInteriorRingN(h).getCoordinates(), true);
      } else {
        ring(p, part.getCoordinates(), false);
      }
    }
    return p;
  }

  private void ring(Path2D p, Coordinate[] cs, boolean close) {
    for (int k = 0; k < cs.length; k++) {
      if (k == 0) p.moveTo(x(cs[k].x), y(cs[k].y));
      else p.lineTo(x(cs[k].x), y(cs[k].y));
    }
    if (close) p.closePath();
  }
}
