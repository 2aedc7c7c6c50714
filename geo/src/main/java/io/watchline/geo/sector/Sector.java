package io.watchline.geo.sector;

import io.watchline.geo.InvalidValueException;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One sector of the border band: an id such as {@code S-07}, a display name, its area as a lon/lat
 * Polygon or MultiPolygon, the length of border line inside it (metres), and the names of the two
 * sides of the border it spans (left and right looking along the border line).
 */
public record Sector(String id, String name, Geometry polygon, double borderLengthM, String leftSide, String rightSide) {
  public Sector {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(polygon, "polygon");
    if (!(polygon instanceof org.locationtech.jts.geom.Polygon || polygon instanceof org.locationtech.jts.geom.MultiPolygon)) {
      throw new InvalidValueException("sector " + id + ": area must be a Polygon or MultiPolygon, not " + polygon.getGeometryType());
    }
    if (name == null) {
      name = id;
    }
  }

  /** The side names as a "left/right" pair, for tables. */
  public String sides() {
    return leftSide + "/" + rightSide;
  }
}
