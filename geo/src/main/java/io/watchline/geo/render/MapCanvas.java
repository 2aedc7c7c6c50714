package io.watchline.geo.render;

import io.watchline.geo.coverage.CoverageResult;
import io.watchline.geo.coverage.SensorSpec;
import io.watchline.geo.proj.LocalProjection;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * The map area of the static map and how local metres land on it: a fixed width, a height that
 * follows the area (clamped), one scale for both axes so distances are true everywhere. The area
 * is the border and the sensor sites with a margin, centred vertically.
 */
final class MapCanvas {
  static final int MAP_W = 1250;
  static final int TOP = 86;
  static final int PAD = 16;

  final LocalProjection proj;
  final double minX;
  final double maxY;
  final double scale;
  final int mapH;

  MapCanvas(CoverageResult r) {
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

  /** Page x of local x (metres). */
  double px(double x) {
    return PAD + (x - minX) * scale;
  }

  /** Page y of local y (metres; north up). */
  double py(double y) {
    return TOP + (maxY - y) * scale;
  }

  /** The map area on the page. */
  Rectangle2D bounds() {
    return new Rectangle2D.Double(PAD, TOP, MAP_W, mapH);
  }

  boolean inside(Rectangle2D box) {
    return box.getMinX() >= PAD && box.getMaxX() <= PAD + MAP_W && box.getMinY() >= TOP && box.getMaxY() <= TOP + mapH;
  }

  /** A path through the page positions of a (multi)line in local metres. */
  Path2D.Double path(Geometry xy) {
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
}
