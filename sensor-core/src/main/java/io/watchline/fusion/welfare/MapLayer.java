package io.watchline.fusion.welfare;

import io.watchline.fusion.border.BorderView;
import io.watchline.geo.io.GeoFeature;
import io.watchline.geo.io.GeometryFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * A road or water layer ({@code --roads}, {@code --water}: GeoJSON, GeoPackage, KML or WKT, as
 * every geometry input) in the border's local plane, indexed for the nearest feature. Water
 * polygons count their inside as distance 0.
 */
public final class MapLayer {
  /** Features farther than this are not looked for, m (beyond it the answer is "far"). */
  public static final double SEARCH_M = 5_000;

  private final BorderView border;
  private final STRtree index = new STRtree();
  private final int size;

  /** The nearest point of the layer to a place: where it is and how far, m. */
  public record Nearest(double distanceM, double lat, double lon) {}

  public MapLayer(BorderView border, List<Geometry> lonLatGeometries) {
    this.border = border;
    GeometryTransformer toPlane = new GeometryTransformer() {
      @Override
      protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
        CoordinateSequence c = coords.copy();
        for (int i = 0; i < c.size(); i++) {
          double[] xy = border.toXY(c.getY(i), c.getX(i));
          c.setOrdinate(i, 0, xy[0]);
          c.setOrdinate(i, 1, xy[1]);
        }
        return c;
      }
    };
    int n = 0;
    for (Geometry g : lonLatGeometries) {
      if (g == null || g.isEmpty()) continue;
      Geometry p = toPlane.transform(g);
      index.insert(p.getEnvelopeInternal(), p);
      n++;
    }
    this.size = n;
  }

  /**
   * Reads a layer file.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when it holds no geometry
   */
  public static MapLayer read(BorderView border, Path file) throws IOException {
    List<Geometry> gs = new ArrayList<>();
    for (GeoFeature f : GeometryFiles.read(file)) {
      gs.add(f.geometry());
    }
    MapLayer layer = new MapLayer(border, gs);
    if (layer.size() == 0) {
      throw new IllegalArgumentException(file + ": no geometry in the layer");
    }
    return layer;
  }

  public int size() {
    return size;
  }

  /** The nearest point of the layer to (x, y) in the local plane, or null when none is within {@link #SEARCH_M}. */
  public Nearest nearest(double x, double y) {
    Point at = new org.locationtech.jts.geom.GeometryFactory().createPoint(new Coordinate(x, y));
    Envelope e = new Envelope(x - SEARCH_M, x + SEARCH_M, y - SEARCH_M, y + SEARCH_M);
    Nearest best = null;
    for (Object o : index.query(e)) {
      Geometry g = (Geometry) o;
      Coordinate[] pts = DistanceOp.nearestPoints(g, at);
      double d = g.getDimension() == 2 && g.covers(at) ? 0 : pts[0].distance(at.getCoordinate());
      if (d <= SEARCH_M && (best == null || d < best.distanceM())) {
        double[] ll = border.toLatLon(pts[0].x, pts[0].y);
        best = new Nearest(d, ll[0], ll[1]);
      }
    }
    return best;
  }
}
