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
 * The overview map of the night as PNG: sectors, the border, gaps, incident tracks and points by
 * kind, with a legend and a scale bar. Plain Java2D in an equirectangular view scaled by cos(lat),
 * good enough over a border region; the same input always gives the same bytes.
 */
final class NightMap {
  static final Map<IncidentKind, Color> COLOURS =
      Map.of(
          IncidentKind.CROSSING, new Color(0xE6, 0x00, 0x00),
          IncidentKind.APPROACH, new Color(0xFF, 0x8C, 0x00),
          IncidentKind.LOITER, new Color(0xD4, 0xAA, 0x00));

  private final int width;
  private final int height;
  private final double minLon, maxLat, scaleX, scaleY;

  private NightMap(int width, int height, Envelope e) {
    this.width = width;
    this.height = height;
    double kx = Math.cos(Math.toRadians((e.getMinY() + e.getMaxY()) / 2));
    double pad = 60;
    double sx = (width - 2 * pad) / Math.max(1e-9, e.getWidth() * kx);
    double sy = (height - 2 * pad - 40) / Math.max(1e-9, e.getHeight());
    double s = Math.min(sx, sy);
    this.scaleX = s * kx;
    this.scaleY = s;
    this.minLon = e.getMinX() - (width / scaleX - e.getWidth()) / 2;
    this.maxLat = e.getMaxY() + ((height - 40) / scaleY - e.getHeight()) / 2;
  }

  static byte[] png(
      LineString border, List<Sector> sectors, List<GeoFeature> gaps, List<Incident> incidents, String title)
      throws IOException {
    Envelope e = new Envelope(border.getEnvelopeInternal());
    for (Sector s : sectors) e.expandToInclude(s.polygon().getEnvelopeInternal());
    for (Incident i : incidents) e.expandToInclude(i.lon(), i.lat());
    NightMap m = new NightMap(1200, 800, e);
    return m.draw(border, sectors, gaps == null ? List.of() : gaps, incidents, title);
  }

  private double x(double lon) {
    return (lon - minLon) * scaleX;
  }

  private double y(double lat) {
    return (maxLat - lat) * scaleY;
  }

  private byte[] draw(LineString border, List<Sector> sectors, List<GeoFeature> gaps, List<Incident> incidents, String title)
      throws IOException {
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
      Coordinate c = s.polygon().getInteriorPoint().getCoordinate();
      g.setColor(new Color(0x33, 0x55, 0x77));
      g.drawString(s.id(), (float) x(c.x) - 12, (float) y(c.y));
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
    for (Incident i : incidents) {
      double px = x(i.lon()), py = y(i.lat());
      g.setColor(COLOURS.get(i.kind()));
      g.fillOval((int) Math.round(px - 6), (int) Math.round(py - 6), 12, 12);
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(1f));
      g.drawOval((int) Math.round(px - 6), (int) Math.round(py - 6), 12, 12);
      g.drawString(i.id().substring(Math.max(0, i.id().length() - 4)), (float) px + 9, (float) py + 4);
    }

    // title band, legend, scale bar
    g.setColor(new Color(255, 255, 255, 230));
    g.fillRect(0, height - 40, width, 40);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, 12, height - 15);
    g.setFont(label);
    int lx = width - 520;
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
    scaleBar(g, width - 160, height - 20);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
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
