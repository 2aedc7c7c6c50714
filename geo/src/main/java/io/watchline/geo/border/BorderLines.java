package io.watchline.geo.border;

import io.watchline.geo.io.GeoFeature;
import io.watchline.geo.io.GeometryException;
import io.watchline.geo.io.GeometryFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.linemerge.LineMerger;

/** Reads a border line of interest with the names of its two sides. */
public final class BorderLines {
  private BorderLines() {}

  /** Property naming the side on the left looking along the line. */
  public static final String SIDE_LEFT = "side_left";
  /** Property naming the side on the right looking along the line. */
  public static final String SIDE_RIGHT = "side_right";

  /** A lon/lat border line and the names of its left and right sides. */
  public record Named(LineString line, String leftName, String rightName) {}

  /**
   * Reads the line from any supported geometry file. Line parts of all features are joined; they
   * must form one line, simple, in lon/lat range and not across the antimeridian
   * ({@link BorderChecks}). The side names come from the first feature carrying them ("left"/"right"
   * otherwise).
   */
  public static Named read(Path file) throws IOException {
    List<GeoFeature> features = GeometryFiles.read(file);
    List<Geometry> lines = new ArrayList<>();
    String left = null;
    String right = null;
    for (GeoFeature f : features) {
      Geometry g = f.geometry();
      if (g instanceof Polygonal) {
        throw new GeometryException(
            file + ": holds polygons, not a border line; derive the line first with 'watchline border --between A B'");
      }
      if (!(g instanceof Lineal)) {
        throw new GeometryException(file + ": expected a LineString or MultiLineString border, found " + g.getGeometryType());
      }
      lines.add(g);
      if (left == null && f.string(SIDE_LEFT) != null) {
        left = f.string(SIDE_LEFT);
        right = f.string(SIDE_RIGHT);
      }
    }
    LineString line = join(lines, file.toString());
    BorderChecks.requireUsable(line, file.toString());
    return new Named(line, left == null ? "left" : left, right == null ? "right" : right);
  }

  /** Joins line parts end to end into one line, keeping the first part's direction. */
  public static LineString join(List<Geometry> parts, String name) {
    LineMerger merger = new LineMerger();
    parts.forEach(merger::add);
    @SuppressWarnings("unchecked")
    Collection<LineString> merged = merger.getMergedLineStrings();
    if (merged.size() != 1) {
      throw new GeometryException(
          name + ": the border must be one connected line, but its parts form " + merged.size() + " separate lines");
    }
    LineString line = merged.iterator().next();
    LineString first = firstLine(parts.get(0));
    // LineMerger may reverse the result; keep the direction the file gave, since it defines the sides.
    int at = indexOf(line, first.getCoordinateN(0));
    int next = indexOf(line, first.getCoordinateN(1));
    if (at >= 0 && next >= 0 && next < at) {
      line = line.reverse();
    }
    return line;
  }

  private static LineString firstLine(Geometry g) {
    return (LineString) g.getGeometryN(0);
  }

  private static int indexOf(LineString line, org.locationtech.jts.geom.Coordinate c) {
    for (int i = 0; i < line.getNumPoints(); i++) {
      if (line.getCoordinateN(i).equals2D(c)) {
        return i;
      }
    }
    return -1;
  }
}
