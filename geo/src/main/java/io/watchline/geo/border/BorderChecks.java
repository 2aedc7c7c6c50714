package io.watchline.geo.border;

import io.watchline.geo.geodesy.Geodesy;
import io.watchline.geo.io.GeometryException;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.valid.IsSimpleOp;

/**
 * What a border line must be before anything is measured against it: lon/lat in range, not
 * across the antimeridian, simple (it must not touch or cross itself), and near the sensors that
 * watch it. Every check names the file and the first place that fails.
 */
public final class BorderChecks {
  private BorderChecks() {}

  /** Sensors farther than this from the whole border suggest a wrong file or swapped axes. */
  public static final double MAX_SENSOR_DISTANCE_M = 100_000;

  /** Throws a {@link GeometryException} naming the first problem of a lon/lat border line. */
  public static void requireUsable(LineString line, String name) {
    Coordinate[] c = line.getCoordinates();
    for (int i = 0; i < c.length; i++) {
      if (!(Math.abs(c[i].x) <= 180) || !(Math.abs(c[i].y) <= 90)) {
        throw new GeometryException(String.format(Locale.ROOT,
            "%s: border vertex %d (%s, %s) is not lon/lat in degrees (within ±180, ±90); is the file projected,"
                + " or are lat and lon swapped?", name, i + 1, c[i].x, c[i].y));
      }
    }
    for (int i = 0; i + 1 < c.length; i++) {
      if (Math.abs(c[i + 1].x - c[i].x) > 180) {
        throw new GeometryException(String.format(Locale.ROOT,
            "%s: the border crosses the antimeridian (±180° longitude) between vertices %d and %d;"
                + " borders across it are not supported", name, i + 1, i + 2));
      }
    }
    Envelope e = line.getEnvelopeInternal();
    if (e.getWidth() > 180) {
      throw new GeometryException(String.format(Locale.ROOT,
          "%s: the border spans %.1f° of longitude; borders wider than 180° are not supported", name, e.getWidth()));
    }
    IsSimpleOp simple = new IsSimpleOp(line);
    if (!simple.isSimple()) {
      Coordinate at = simple.getNonSimpleLocation();
      throw new GeometryException(String.format(Locale.ROOT,
          "%s: the border touches or crosses itself at lon %.6f lat %.6f; a border must be a simple line"
              + " (fix the file, or derive it again with 'watchline border')", name, at.x, at.y));
    }
  }

  /** A sensor's name and position, for {@link #requireSensorsNear}. */
  public record Sensor(String id, double lat, double lon) {}

  /**
   * Refuses a border that every sensor lies more than 100 km from: the border or the sites file
   * is wrong, most often a border written lat, lon. Does nothing without sensors.
   */
  public static void requireSensorsNear(LineString line, String borderName, List<Sensor> sensors, String sitesName) {
    if (sensors.isEmpty()) {
      return;
    }
    Sensor nearest = null;
    double best = Double.POSITIVE_INFINITY;
    for (Sensor s : sensors) {
      double d = distanceM(line, s.lat(), s.lon());
      if (d < best) {
        best = d;
        nearest = s;
      }
    }
    if (best <= MAX_SENSOR_DISTANCE_M) {
      return;
    }
    String swapped = "";
    LineString flipped = swapAxes(line);
    if (flipped != null) {
      for (Sensor s : sensors) {
        if (distanceM(flipped, s.lat(), s.lon()) <= MAX_SENSOR_DISTANCE_M) {
          swapped = "; the file looks lat/lon swapped: with the two numbers of each position exchanged, the border passes within 100 km of "
              + s.id() + " (GeoJSON, KML and WKT list longitude first)";
          break;
        }
      }
    }
    throw new GeometryException(String.format(Locale.ROOT,
        "%s: all %d sensors of %s lie more than 100 km from the border (nearest: %s, %.0f km)%s",
        borderName, sensors.size(), sitesName, nearest.id(), best / 1000,
        swapped.isEmpty() ? "; is this the right border for these sites, or are its lat and lon swapped?" : swapped));
  }

  /** Geodesic distance from a position to the nearest point of the line (found in degrees). */
  static double distanceM(LineString line, double lat, double lon) {
    Point p = line.getFactory().createPoint(new Coordinate(lon, lat));
    Coordinate q = DistanceOp.nearestPoints(line, p)[0];
    return Geodesy.distance(lat, lon, q.y, q.x);
  }

  private static LineString swapAxes(LineString line) {
    Coordinate[] c = line.getCoordinates();
    Coordinate[] s = new Coordinate[c.length];
    for (int i = 0; i < c.length; i++) {
      if (Math.abs(c[i].x) > 90) {
        return null;
      }
      s[i] = new Coordinate(c[i].y, c[i].x);
    }
    return line.getFactory().createLineString(s);
  }
}
