package io.watchline.geo.proj;

import io.watchline.geo.InvalidValueException;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.proj.Projection;

/**
 * A local metric projection for one area of interest: a transverse Mercator on WGS84 centred on
 * the area (scale 1 on the central meridian). Within ~150 km of the centre its scale error stays
 * below 3e-4, so planar distances agree with the geodesic within 0.1 %. Convert once at the edges
 * and work in metres inside. Immutable and thread-safe.
 */
public final class LocalProjection {
  private final double lat0;
  private final double lon0;
  private final Projection projection;

  private LocalProjection(double lat0, double lon0) {
    this.lat0 = lat0;
    this.lon0 = lon0;
    CoordinateReferenceSystem crs =
        new CRSFactory()
            .createFromParameters(
                "watchline-local",
                "+proj=tmerc +lat_0=" + lat0 + " +lon_0=" + lon0
                    + " +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs");
    this.projection = crs.getProjection();
  }

  /**
   * The projection as ESRI WKT (what a {@code .prj} next to a raster holds), so GDAL and QGIS place
   * rasters written in it: transverse Mercator on WGS 84, scale 1, no false easting or northing.
   */
  public String esriWkt() {
    return "PROJCS[\"Watchline local TM " + lat0 + " " + lon0 + "\","
        + "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
        + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
        + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],"
        + "PARAMETER[\"Central_Meridian\"," + lon0 + "],PARAMETER[\"Scale_Factor\",1.0],"
        + "PARAMETER[\"Latitude_Of_Origin\"," + lat0 + "],UNIT[\"Meter\",1.0]]";
  }

  /** A transverse Mercator centred on (lat0, lon0). */
  public static LocalProjection centredOn(double lat0, double lon0) {
    if (!(Math.abs(lat0) < 85) || !(Math.abs(lon0) <= 180)) {
      throw new InvalidValueException("projection centre out of range: " + lat0 + ", " + lon0);
    }
    return new LocalProjection(lat0, lon0);
  }

  public double centreLat() {
    return lat0;
  }

  public double centreLon() {
    return lon0;
  }

  /** The proj4 definition string, for logs and docs. */
  public String definition() {
    return "+proj=tmerc +lat_0=" + lat0 + " +lon_0=" + lon0 + " +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m";
  }

  /** Projected easting/northing in metres of (lat, lon). */
  public Xy forward(double lat, double lon) {
    ProjCoordinate out = new ProjCoordinate();
    projection.project(new ProjCoordinate(lon, lat), out);
    return new Xy(out.x, out.y);
  }

  /** Writes x into {@code out[offset]} and y into {@code out[offset + 1]}. */
  public void forward(double lat, double lon, double[] out, int offset) {
    ProjCoordinate p = new ProjCoordinate();
    projection.project(new ProjCoordinate(lon, lat), p);
    out[offset] = p.x;
    out[offset + 1] = p.y;
  }

  /** Projects arrays of positions into arrays of x and y (any of them may be the same length n). */
  public void forward(double[] lat, double[] lon, double[] x, double[] y, int n) {
    ProjCoordinate src = new ProjCoordinate();
    ProjCoordinate dst = new ProjCoordinate();
    for (int i = 0; i < n; i++) {
      src.x = lon[i];
      src.y = lat[i];
      projection.project(src, dst);
      x[i] = dst.x;
      y[i] = dst.y;
    }
  }

  /** The WGS84 position of projected (x, y). */
  public LatLonPoint inverse(double x, double y) {
    ProjCoordinate out = new ProjCoordinate();
    projection.inverseProject(new ProjCoordinate(x, y), out);
    return new LatLonPoint(out.y, out.x);
  }

  /** A copy of a lon/lat JTS geometry in projected metres. */
  public Geometry forward(Geometry lonLat) {
    Geometry g = lonLat.copy();
    ProjCoordinate src = new ProjCoordinate();
    ProjCoordinate dst = new ProjCoordinate();
    g.apply(
        (CoordinateFilter)
            c -> {
              src.x = c.x;
              src.y = c.y;
              projection.project(src, dst);
              c.x = dst.x;
              c.y = dst.y;
            });
    g.geometryChanged();
    return g;
  }

  /** A copy of a projected JTS geometry in lon/lat degrees. */
  public Geometry inverse(Geometry xy) {
    Geometry g = xy.copy();
    ProjCoordinate src = new ProjCoordinate();
    ProjCoordinate dst = new ProjCoordinate();
    g.apply(
        (CoordinateFilter)
            c -> {
              src.x = c.x;
              src.y = c.y;
              projection.inverseProject(src, dst);
              c.x = dst.x;
              c.y = dst.y;
            });
    g.geometryChanged();
    return g;
  }

  /** Projected coordinates in metres. */
  public record Xy(double x, double y) {}

  /** A WGS84 position in degrees. */
  public record LatLonPoint(double lat, double lon) {}
}
