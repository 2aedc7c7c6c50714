package io.watchline.evidence;

import io.watchline.geo.context.BorderContext;
import io.watchline.geo.sector.Sector;
import io.watchline.incident.Incident;
import io.watchline.incident.TrackPoint;
import io.watchline.observation.Observation;
import io.watchline.sites.Site;
import io.watchline.sites.SiteRegistry;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The incident's track on one picture: border line, the sector, the sensors whose records are the
 * evidence, the track from start to end and the event point, with a scale bar. Plain lon/lat scaled
 * by cos(latitude), which is exact enough over the few kilometres an incident spans.
 */
final class TrackMap {
  static final int W = 1000;
  static final int H = 700;
  private static final int MARGIN = 60;

  private TrackMap() {}

  static void write(Incident inc, BorderContext border, SiteRegistry sites, List<Observation> obs, Path png) throws IOException {
    TreeSet<String> sensorIds = new TreeSet<>();
    for (Observation o : obs) if (o.sensor() != null && sites.byId(o.sensor()) != null) sensorIds.add(o.sensor());
    double minLon = inc.lon(), maxLon = inc.lon(), minLat = inc.lat(), maxLat = inc.lat();
    for (TrackPoint p : inc.track()) {
      minLon = Math.min(minLon, p.lon()); maxLon = Math.max(maxLon, p.lon());
      minLat = Math.min(minLat, p.lat()); maxLat = Math.max(maxLat, p.lat());
    }
    for (String id : sensorIds) {
      Site s = sites.byId(id);
      minLon = Math.min(minLon, s.lon()); maxLon = Math.max(maxLon, s.lon());
      minLat = Math.min(minLat, s.lat()); maxLat = Math.max(maxLat, s.lat());
    }
    double k = Math.cos(Math.toRadians((minLat + maxLat) / 2));
    double spanX = Math.max((maxLon - minLon) * k, 0.005) * 1.15;
    double spanY = Math.max(maxLat - minLat, 0.005) * 1.15;
    double scale = Math.min((W - 2 * MARGIN) / spanX, (H - 2 * MARGIN - 40) / spanY); // px per degree of latitude
    double cx = (minLon + maxLon) / 2;
    double cy = (minLat + maxLat) / 2;
    Proj proj = (lon, lat) -> new double[] {W / 2.0 + (lon - cx) * k * scale, (H + 40) / 2.0 - (lat - cy) * scale};

    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(0xF4F1EA));
    g.fillRect(0, 0, W, H);
    if (border != null) {
      for (Sector s : border.sectors()) {
        boolean own = s.id().equals(inc.sector());
        g.setColor(own ? new Color(0xE3DCC8) : new Color(0xEDE9DF));
        Path2D p = path(s.polygon(), proj);
        g.fill(p);
        g.setColor(new Color(0xB8AE94));
        g.setStroke(new BasicStroke(1f));
        g.draw(p);
      }
      g.setColor(new Color(0xB22222));
      g.setStroke(new BasicStroke(3f));
      g.draw(path(border.borderLonLat(), proj));
    }
    for (String id : sensorIds) {
      Site s = sites.byId(id);
      double[] p = proj.at(s.lon(), s.lat());
      g.setColor(new Color(0x2F4F4F));
      g.fillPolygon(new int[] {(int) p[0], (int) p[0] - 8, (int) p[0] + 8}, new int[] {(int) p[1] - 10, (int) p[1] + 6, (int) p[1] + 6}, 3);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
      g.drawString(id, (int) p[0] + 10, (int) p[1] + 5);
    }
    Path2D track = new Path2D.Double();
    boolean first = true;
    for (TrackPoint t : inc.track()) {
      double[] p = proj.at(t.lon(), t.lat());
      if (first) track.moveTo(p[0], p[1]); else track.lineTo(p[0], p[1]);
      first = false;
    }
    g.setColor(new Color(0x1F5FAF));
    g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(track);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    if (!inc.track().isEmpty()) {
      TrackPoint a = inc.track().get(0);
      TrackPoint b = inc.track().get(inc.track().size() - 1);
      // start labelled above its dot, end below: a track that returns near its start stays readable
      dot(g, proj.at(a.lon(), a.lat()), new Color(0x1F5FAF), "start " + hhmmss(a), 7, -11);
      dot(g, proj.at(b.lon(), b.lat()), new Color(0x1F5FAF), "end " + hhmmss(b), 7, 20);
    }
    dot(g, proj.at(inc.lon(), inc.lat()), new Color(0xE07000), inc.kind().wireName(), 9, 0);

    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    g.drawString(inc.id() + "  " + inc.kind().wireName() + (inc.sector() == null ? "" : "  " + inc.sector())
        + (inc.side() == null ? "" : "  " + inc.side()), 20, 30);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.drawString(inc.start() + " – " + inc.end() + " (UTC)   red: border line   blue: track   triangles: sensors of the evidence",
        20, 52);
    scaleBar(g, scale);
    g.dispose();
    ImageIO.write(img, "png", png.toFile());
  }

  private interface Proj {
    double[] at(double lon, double lat);
  }

  private static Path2D path(Geometry geom, Proj proj) {
    Path2D p = new Path2D.Double();
    for (int i = 0; i < geom.getNumGeometries(); i++) {
      Geometry part = geom.getGeometryN(i);
      if (part instanceof org.locationtech.jts.geom.Polygon poly) {
        append(p, poly.getExteriorRing().getCoordinates(), proj);
      } else {
        append(p, part.getCoordinates(), proj);
      }
    }
    return p;
  }

  private static void append(Path2D p, Coordinate[] cs, Proj proj) {
    for (int i = 0; i < cs.length; i++) {
      double[] xy = proj.at(cs[i].x, cs[i].y);
      if (i == 0) p.moveTo(xy[0], xy[1]); else p.lineTo(xy[0], xy[1]);
    }
  }

  private static void dot(Graphics2D g, double[] p, Color c, String label, int r, int labelDy) {
    g.setColor(c);
    g.fillOval((int) p[0] - r, (int) p[1] - r, 2 * r, 2 * r);
    g.setColor(Color.BLACK);
    g.drawString(label, (int) p[0] + r + 4, (int) p[1] + labelDy);
  }

  private static String hhmmss(TrackPoint p) {
    return p.t().toString().substring(11, 19);
  }

  /** A bar of a round length near 150 px (1 degree of latitude is 111.2 km). */
  private static void scaleBar(Graphics2D g, double pxPerDegLat) {
    double pxPerM = pxPerDegLat / 111_195.0;
    double m = 150 / pxPerM;
    double pow = Math.pow(10, Math.floor(Math.log10(m)));
    double nice = m / pow >= 5 ? 5 * pow : m / pow >= 2 ? 2 * pow : pow;
    int len = (int) Math.round(nice * pxPerM);
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(2f));
    g.drawLine(20, H - 25, 20 + len, H - 25);
    g.drawLine(20, H - 31, 20, H - 19);
    g.drawLine(20 + len, H - 31, 20 + len, H - 19);
    g.drawString(nice >= 1000 ? String.format(Locale.ROOT, "%.0f km", nice / 1000) : String.format(Locale.ROOT, "%.0f m", nice),
        28 + len, H - 20);
    g.drawString("N ↑", W - 50, 80);
  }
}
