package io.watchline.fusion.incident;

/**
 * Where and when a source that may still deliver candidates (a live track, a loose end waiting for
 * its stitch window) can put them: every candidate it yields has its event within {@code fromMs} ..
 * {@code untilMs}, and lies within the box grown by {@code growMps} for every second after {@code fromMs}
 * (a target walking away from where it was lost), unless its event is at or after {@code
 * anywhereFromMs} (a live track's future positions are unknown). Degrees, epoch ms.
 */
public record Reach(long fromMs, long untilMs, double minLat, double maxLat, double minLon, double maxLon,
    long anywhereFromMs, double growMps) implements FutureCandidates {
  private static final double M_PER_DEG = 111_195;

  /** A reach that may put a candidate anywhere at or after {@code fromMs}. */
  public static Reach anywhere(long fromMs) {
    return new Reach(fromMs, Long.MAX_VALUE, 0, 0, 0, 0, fromMs, 0);
  }

  /** A box around one point, {@code radiusM} metres every way, growing by {@code growMps}. */
  public static Reach around(long fromMs, long untilMs, double lat, double lon, double radiusM, double growMps) {
    double dLat = radiusM / M_PER_DEG;
    double dLon = radiusM / (M_PER_DEG * Math.max(0.01, Math.cos(Math.toRadians(lat))));
    return new Reach(fromMs, untilMs, lat - dLat, lat + dLat, lon - dLon, lon + dLon, Long.MAX_VALUE, growMps);
  }

  /** This reach grown to hold a point. */
  public Reach with(double lat, double lon) {
    return new Reach(fromMs, untilMs, Math.min(minLat, lat), Math.max(maxLat, lat), Math.min(minLon, lon), Math.max(maxLon, lon),
        anywhereFromMs, growMps);
  }

  @Override
  public boolean mayMeet(Candidate c, double mergeM, long mergeMs, double marginM) {
    long latest = c.tMs() + mergeMs;
    if (latest < fromMs || c.tMs() - mergeMs > untilMs) return false;
    if (latest >= anywhereFromMs) return true;
    return metresTo(c) <= mergeM + marginM + growMps * (Math.min(latest, untilMs) - fromMs) / 1000.0;
  }

  /** Distance from the candidate's position to the box, m (0 inside). */
  double metresTo(Candidate c) {
    double dy = Math.max(0, Math.max(minLat - c.lat(), c.lat() - maxLat)) * M_PER_DEG;
    double dx = Math.max(0, Math.max(minLon - c.lon(), c.lon() - maxLon)) * M_PER_DEG * Math.cos(Math.toRadians(c.lat()));
    return Math.hypot(dx, dy);
  }
}
