package io.watchline.fusion.border;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;

/**
 * What fusion needs from the border: a local metric plane, sector, signed distance, side and
 * crossings. Interim implementation (equirectangular plane, sectors cut every N metres) until the
 * geo module's border context is available; the method names match it.
 */
public final class BorderView {
  private static final double EARTH_R = 6_371_008.8;
  private final double lat0, lon0, cosLat0;
  private final LineString line; // in local metres
  private final double[] cum; // distance along the line at each vertex
  private final String left, right;
  private final double everyM;
  private final double bandM;

  private BorderView(List<double[]> lonLat, String left, String right, double everyM, double bandM) {
    if (lonLat.size() < 2) {
      throw new IllegalArgumentException("border needs at least two points");
    }
    double sLat = 0, sLon = 0;
    for (double[] p : lonLat) {
      sLon += p[0];
      sLat += p[1];
    }
    lat0 = sLat / lonLat.size();
    lon0 = sLon / lonLat.size();
    cosLat0 = Math.cos(Math.toRadians(lat0));
    Coordinate[] cs = new Coordinate[lonLat.size()];
    for (int i = 0; i < cs.length; i++) {
      double[] xy = toXY(lonLat.get(i)[1], lonLat.get(i)[0]);
      cs[i] = new Coordinate(xy[0], xy[1]);
    }
    line = new GeometryFactory().createLineString(cs);
    cum = new double[cs.length];
    for (int i = 1; i < cs.length; i++) {
      cum[i] = cum[i - 1] + cs[i - 1].distance(cs[i]);
    }
    this.left = left;
    this.right = right;
    this.everyM = everyM;
    this.bandM = bandM;
  }

  public static BorderView of(List<double[]> lonLat, String left, String right, double everyM, double bandM) {
    return new BorderView(lonLat, left, right, everyM, bandM);
  }

  /** Loads a GeoJSON LineString (bare, Feature or first of a FeatureCollection); properties left/right name the sides. */
  public static BorderView load(Path border, Path sectorsOrNull, double everyM, double bandM) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(border));
    JsonNode feature = root;
    if ("FeatureCollection".equals(root.path("type").asText())) {
      feature = root.path("features").path(0);
    }
    JsonNode geom = feature.has("geometry") ? feature.get("geometry") : feature;
    JsonNode props = feature.path("properties");
    JsonNode coords = geom.path("coordinates");
    if ("MultiLineString".equals(geom.path("type").asText())) {
      coords = coords.path(0);
    }
    List<double[]> pts = new ArrayList<>();
    for (JsonNode c : coords) {
      pts.add(new double[] {c.path(0).asDouble(), c.path(1).asDouble()});
    }
    if (pts.size() < 2) {
      throw new IllegalArgumentException(border + ": expected a GeoJSON LineString border");
    }
    return new BorderView(pts, props.path("left").asText("L"), props.path("right").asText("R"), everyM, bandM);
  }

  public double[] toXY(double lat, double lon) {
    return new double[] {
      Math.toRadians(lon - lon0) * cosLat0 * EARTH_R, Math.toRadians(lat - lat0) * EARTH_R
    };
  }

  /** {lat, lon} of a local point. */
  public double[] toLatLon(double x, double y) {
    return new double[] {
      lat0 + Math.toDegrees(y / EARTH_R), lon0 + Math.toDegrees(x / (EARTH_R * cosLat0))
    };
  }

  /** Distance to the border in metres, positive left of the line's direction. */
  public double signedDistanceM(double lat, double lon) {
    double[] xy = toXY(lat, lon);
    return signedDistanceXY(xy[0], xy[1]);
  }

  public double signedDistanceXY(double x, double y) {
    Coordinate p = new Coordinate(x, y);
    Coordinate[] cs = line.getCoordinates();
    double best = Double.POSITIVE_INFINITY;
    double bestPerp = -1;
    int bestSeg = 0;
    LineSegment seg = new LineSegment();
    for (int i = 0; i + 1 < cs.length; i++) {
      seg.setCoordinates(cs[i], cs[i + 1]);
      double d = seg.distance(p);
      // at a shared vertex both segments are equally near: the one whose supporting line is
      // further away tells the side correctly
      double perp = seg.distancePerpendicular(p);
      if (d < best - 1e-9 || (Math.abs(d - best) <= 1e-9 && perp > bestPerp)) {
        best = d;
        bestPerp = perp;
        bestSeg = i;
      }
    }
    seg.setCoordinates(cs[bestSeg], cs[bestSeg + 1]);
    int o = seg.orientationIndex(p);
    return o >= 0 ? best : -best;
  }

  public String sideOf(double lat, double lon) {
    return signedDistanceM(lat, lon) >= 0 ? left : right;
  }

  public String sectorOf(double lat, double lon) {
    double[] xy = toXY(lat, lon);
    Coordinate p = new Coordinate(xy[0], xy[1]);
    Coordinate[] cs = line.getCoordinates();
    double best = Double.POSITIVE_INFINITY, along = 0;
    LineSegment seg = new LineSegment();
    for (int i = 0; i + 1 < cs.length; i++) {
      seg.setCoordinates(cs[i], cs[i + 1]);
      double d = seg.distance(p);
      if (d < best) {
        best = d;
        along = cum[i] + cs[i].distance(seg.closestPoint(p));
      }
    }
    if (best > bandM) {
      return null;
    }
    return String.format(java.util.Locale.ROOT, "S-%02d", (int) (along / everyM) + 1);
  }

  /** Where the segment first crosses the border, or null. */
  public Crossing crossing(double lat1, double lon1, double lat2, double lon2) {
    double[] a = toXY(lat1, lon1), b = toXY(lat2, lon2);
    Coordinate[] cs = line.getCoordinates();
    LineSegment s = new LineSegment(a[0], a[1], b[0], b[1]);
    LineSegment seg = new LineSegment();
    double bestF = Double.POSITIVE_INFINITY;
    Coordinate hit = null;
    for (int i = 0; i + 1 < cs.length; i++) {
      seg.setCoordinates(cs[i], cs[i + 1]);
      Coordinate c = s.intersection(seg);
      if (c != null) {
        double f = s.segmentFraction(c);
        if (f < bestF) {
          bestF = f;
          hit = c;
        }
      }
    }
    if (hit == null) {
      return null;
    }
    double[] ll = toLatLon(hit.x, hit.y);
    boolean fromLeft = signedDistanceXY(a[0], a[1]) >= 0;
    return new Crossing(ll[0], ll[1], bestF, fromLeft ? left : right, fromLeft ? right : left);
  }

  public String left() { return left; }
  public String right() { return right; }

  /** A border crossing: where, at which fraction of the segment, and from which side to which. */
  public record Crossing(double lat, double lon, double fraction, String from, String to) {}
}
