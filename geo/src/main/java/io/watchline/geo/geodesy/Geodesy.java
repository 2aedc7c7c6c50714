package io.watchline.geo.geodesy;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;

/**
 * WGS84 geodesic problems (Karney's algorithms via GeographicLib), accurate to nanometres. Use
 * these at the edges (checking the local projection, the oracle of {@link PolarPlacer}, which
 * places polar plots within 1 mm); inner loops work in the local metric projection instead.
 */
public final class Geodesy {
  private Geodesy() {}

  private static final Geodesic WGS84 = Geodesic.WGS84;

  /** Where you end up going {@code distanceM} from (lat, lon) on true bearing {@code azimuthDeg}. */
  public static LatLon direct(double lat, double lon, double azimuthDeg, double distanceM) {
    GeodesicData d = WGS84.Direct(lat, lon, azimuthDeg, distanceM, GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
    return new LatLon(d.lat2, normaliseLon(d.lon2));
  }

  /** Geodesic distance in metres. */
  public static double distance(double lat1, double lon1, double lat2, double lon2) {
    return WGS84.Inverse(lat1, lon1, lat2, lon2, GeodesicMask.DISTANCE).s12;
  }

  /** Initial true bearing from point 1 to point 2, 0..360. */
  public static double bearing(double lat1, double lon1, double lat2, double lon2) {
    double azi = WGS84.Inverse(lat1, lon1, lat2, lon2, GeodesicMask.AZIMUTH).azi1;
    return azi < 0 ? azi + 360 : azi;
  }

  private static double normaliseLon(double lon) {
    double l = ((lon + 180) % 360 + 360) % 360 - 180;
    return l == -180 && lon > 0 ? 180 : l;
  }

  /** A WGS84 position in degrees. */
  public record LatLon(double lat, double lon) {}
}
