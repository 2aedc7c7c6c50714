package io.watchline.geo.dem;

/**
 * What the grid coordinates mean: geographic degrees (lon, lat) or a projected metric system.
 *
 * @param geographic true when x/y are longitude/latitude in degrees
 * @param epsg EPSG code when known, 0 otherwise
 * @param name human-readable description for logs and output notes
 * @param semiMajorM semi-major axis of the ellipsoid in metres (WGS84 when unknown)
 */
public record GridCrs(boolean geographic, int epsg, String name, double semiMajorM) {
  public static final double WGS84_SEMI_MAJOR_M = 6_378_137.0;

  public static final GridCrs WGS84 = new GridCrs(true, 4326, "WGS 84 (EPSG:4326)", WGS84_SEMI_MAJOR_M);

  /** A projected metric grid whose exact system is unknown (no .prj, no GeoKeys). */
  public static final GridCrs UNKNOWN_METRIC = new GridCrs(false, 0, "unknown metric", WGS84_SEMI_MAJOR_M);

  public static GridCrs projected(int epsg, String name) {
    return new GridCrs(false, epsg, name, WGS84_SEMI_MAJOR_M);
  }
}
