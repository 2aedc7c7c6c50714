package io.watchline.fusion.border;

import io.watchline.geo.context.BorderContext;
import io.watchline.geo.proj.LocalProjection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * What fusion needs from the geo module's {@link BorderContext}: the local metric plane (tracks
 * are filtered in metres) plus sector, signed distance, side and crossings. A thin adapter, so that
 * the tracker's inner loop can ask in metres without going back to degrees.
 */
public final class BorderView {
  private final BorderContext ctx;
  private final LocalProjection proj;

  public BorderView(BorderContext ctx) {
    this.ctx = ctx;
    this.proj = ctx.projection();
  }

  /** A border from lon/lat vertices, with sectors cut every {@code everyM} metres. */
  public static BorderView of(List<double[]> lonLat, String left, String right, double everyM, double bandM) {
    Coordinate[] cs = new Coordinate[lonLat.size()];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = new Coordinate(lonLat.get(i)[0], lonLat.get(i)[1]);
    }
    return new BorderView(BorderContext.of(new GeometryFactory().createLineString(cs), left, right, null, everyM, bandM));
  }

  /** Loads the border line (and sectors, or cuts them); see {@link BorderContext#load}. */
  public static BorderView load(Path border, Path sectorsOrNull, double everyM, double bandM) throws IOException {
    return new BorderView(BorderContext.load(border, sectorsOrNull, everyM, bandM));
  }

  public BorderContext context() {
    return ctx;
  }

  /** {x, y} in metres of the local projection. */
  public double[] toXY(double lat, double lon) {
    double[] xy = new double[2];
    proj.forward(lat, lon, xy, 0);
    return xy;
  }

  /** {lat, lon} of a local point. */
  public double[] toLatLon(double x, double y) {
    LocalProjection.LatLonPoint p = proj.inverse(x, y);
    return new double[] {p.lat(), p.lon()};
  }

  /** Distance to the border in metres, positive on the left side. */
  public double signedDistanceM(double lat, double lon) {
    return ctx.signedDistanceM(lat, lon);
  }

  public double signedDistanceXY(double x, double y) {
    return ctx.borderIndex().signedDistance(x, y);
  }

  public String sideOf(double lat, double lon) {
    return ctx.sideOf(lat, lon);
  }

  public String sectorOf(double lat, double lon) {
    return ctx.sectorOf(lat, lon);
  }

  /** Where the segment first crosses the border, or null. */
  public Crossing crossing(double lat1, double lon1, double lat2, double lon2) {
    BorderContext.Crossing c = ctx.crossing(lat1, lon1, lat2, lon2);
    return c == null ? null : new Crossing(c.lat(), c.lon(), c.fraction(), c.from(), c.to());
  }

  public String left() {
    return ctx.leftName();
  }

  public String right() {
    return ctx.rightName();
  }

  /** A border crossing: where, at which fraction of the segment, and from which side to which. */
  public record Crossing(double lat, double lon, double fraction, String from, String to) {}
}
