package io.watchline.geo.io;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** Checks shared by every reader: not empty, lon/lat in range, valid (OGC rules). */
public final class Geometries {
  private Geometries() {}

  /** Returns {@code g} when usable, or throws a {@link GeometryException} saying why not. */
  public static Geometry checked(Geometry g, String name) {
    if (g == null || g.isEmpty()) {
      throw new GeometryException(name + ": empty geometry");
    }
    Coordinate[] all = g.getCoordinates();
    for (int i = 0; i < all.length; i++) {
      Coordinate c = all[i];
      if (!(Math.abs(c.x) <= 180) || !(Math.abs(c.y) <= 90)) {
        throw new GeometryException(name + ": vertex " + (i + 1) + " (" + c.x + ", " + c.y
            + ") is not lon/lat in degrees (within ±180, ±90); is the file projected, or are lat and lon swapped?");
      }
    }
    IsValidOp op = new IsValidOp(g);
    TopologyValidationError err = op.getValidationError();
    if (err != null) {
      Coordinate at = err.getCoordinate();
      throw new GeometryException(
          name + ": invalid " + g.getGeometryType() + ": " + err.getMessage()
              + (at == null ? "" : " at lon " + at.x + " lat " + at.y));
    }
    return g;
  }
}
