package io.watchline.fusion.associate;

import io.watchline.fusion.track.Track;
import io.watchline.fusion.track.Tracker;
import io.watchline.observation.Kind;
import java.util.List;

/**
 * Matches a camera bearing to the radar track it looks at: the track's predicted position must lie
 * within the angular gate of the line of sight, inside the camera's range, and within the range
 * gate when the camera measured range. Of several, the smallest angular offset wins.
 */
public final class BearingAssociator {
  private final double gateDeg;
  private final double rangeGateFraction;

  public BearingAssociator(double gateDeg, double rangeGateFraction) {
    this.gateDeg = gateDeg;
    this.rangeGateFraction = rangeGateFraction;
  }

  /** The best radar-led confirmed track for this bearing, or null. */
  public Track match(Bearing b, List<Track> live) {
    Track best = null;
    double bestOff = Double.POSITIVE_INFINITY;
    for (Track t : live) {
      if (!t.confirmed() || t.hits(Kind.RADAR) == 0) {
        continue;
      }
      double[] p = Tracker.predictedPosition(t, b.tMs());
      double dist = b.distanceTo(p[0], p[1]);
      if (!Double.isNaN(b.maxRangeM()) && dist > b.maxRangeM() * 1.1) {
        continue;
      }
      if (!Double.isNaN(b.rangeM()) && Math.abs(dist - b.rangeM()) > Math.max(60, rangeGateFraction * b.rangeM())) {
        continue;
      }
      // a wider gate close in: at 100 m a 20 m radar error is already 11 degrees
      double gate = gateDeg + Math.toDegrees(Math.atan2(40, Math.max(dist, 1)));
      double off = b.offAxisDeg(p[0], p[1]);
      if (off <= gate && off < bestOff) {
        bestOff = off;
        best = t;
      }
    }
    return best;
  }
}
