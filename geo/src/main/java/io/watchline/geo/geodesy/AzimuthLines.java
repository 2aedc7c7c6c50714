package io.watchline.geo.geodesy;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicLine;
import net.sf.geographiclib.GeodesicMask;

/**
 * {@link Geodesy#direct} for plots reported at quantised azimuths (a radar's 16-bit azimuth codes),
 * bit for bit. GeographicLib's Direct builds the geodesic line from the origin along the azimuth
 * and then finds the point at the distance on it; building the line is the larger part, so each
 * (origin, azimuth code) keeps its line and a plot only pays for the point.
 *
 * <p>Bounded: one slot per code (65,536; a filled slot holds about half a kilobyte), shared by all
 * origins; a different origin or azimuth in a slot replaces its line. Safe to share between
 * threads: a slot holds an immutable entry, so a racing reader sees a whole line or builds its own.
 */
public final class AzimuthLines {
  public static final int CODES = 1 << 16;
  /** The capabilities Direct gives its line for a latitude/longitude answer. */
  private static final int MASK = GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE | GeodesicMask.DISTANCE_IN;

  private final Entry[] slots = new Entry[CODES];

  /** One line and what it was built from (bit patterns, so -0.0 and 0.0 stay apart). */
  private record Entry(long lat, long lon, long azimuth, GeodesicLine line) {}

  /**
   * Same as {@code Geodesy.direct(lat, lon, azimuthDeg, distanceM)}; {@code code} (0..65535) is the
   * azimuth's code, which picks the slot: the slot is reused only for the same origin and azimuth.
   */
  public Geodesy.LatLon direct(double lat, double lon, int code, double azimuthDeg, double distanceM) {
    int slot = code & (CODES - 1);
    long la = Double.doubleToRawLongBits(lat);
    long lo = Double.doubleToRawLongBits(lon);
    long az = Double.doubleToRawLongBits(azimuthDeg);
    Entry e = slots[slot];
    if (e == null || e.lat != la || e.lon != lo || e.azimuth != az) {
      e = new Entry(la, lo, az, new GeodesicLine(Geodesic.WGS84, lat, lon, azimuthDeg, MASK));
      slots[slot] = e;
    }
    return Geodesy.latLon(e.line.Position(false, distanceM, MASK));
  }
}
