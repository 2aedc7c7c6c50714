package io.watchline.fusion.associate;

import io.watchline.fusion.track.Track;
import io.watchline.observation.Kind;
import java.util.List;

/**
 * Matches a camera bearing to the radar track it looks at: the track's position predicted to the
 * bearing's time must lie ahead of the camera within its maximum range (+10 %), within {@code
 * gateDeg} + atan(40 m / distance) of the line of sight (wider close in, where a radar's 20 m error
 * is many degrees), and, when the camera measured range, within max(60 m, {@code
 * rangeGateFraction} × range) of it. Of several, the smallest angular offset wins.
 *
 * <p>Candidates are the confirmed tracks with at least one radar hit in the last {@link #refresh}
 * snapshot (a camera-only track is not corroborated by the camera that made it). Not thread-safe.
 */
public final class BearingAssociator {
  private final double gateDeg;
  private final double rangeGateFraction;

  /**
   * @param gateDeg angular gate far out, degrees (&gt; 0)
   * @param rangeGateFraction range gate as a fraction of a measured range (at least 60 m)
   */
  public BearingAssociator(double gateDeg, double rangeGateFraction) {
    this.gateDeg = gateDeg;
    this.rangeGateFraction = rangeGateFraction;
  }

  // radar-led confirmed tracks as flat arrays, refreshed once a second: a camera reports every
  // object every frame, so this loop runs for every camera record
  private Track[] tracks = new Track[0];
  private double[] tx = new double[0], ty = new double[0], tvx = new double[0], tvy = new double[0];
  private long[] tt = new long[0];
  private int n;

  /** Takes a snapshot of the live tracks a camera may look at (positions, velocities, filter times). */
  public void refresh(List<Track> live) {
    if (tracks.length < live.size()) {
      int c = live.size() * 2;
      tracks = new Track[c];
      tx = new double[c];
      ty = new double[c];
      tvx = new double[c];
      tvy = new double[c];
      tt = new long[c];
    }
    n = 0;
    for (Track t : live) {
      if (t.confirmed() && t.hits(Kind.RADAR) > 0) {
        tracks[n] = t;
        tx[n] = t.filter().x();
        ty[n] = t.filter().y();
        tvx[n] = t.filter().vx();
        tvy[n] = t.filter().vy();
        tt[n] = t.filterMs();
        n++;
      }
    }
  }

  /** The best radar-led confirmed track (of the last snapshot) for this bearing, or null when none is in the gate. */
  public Track match(Bearing b) {
    Track best = null;
    double bestTan = Double.POSITIVE_INFINITY;
    double tanGate = Math.tan(Math.toRadians(gateDeg));
    double maxRange = Double.isNaN(b.maxRangeM()) ? Double.POSITIVE_INFINITY : b.maxRangeM() * 1.1;
    for (int i = 0; i < n; i++) {
      double dt = Math.max(0, (b.tMs() - tt[i]) / 1000.0);
      double ex = tx[i] + tvx[i] * dt - b.ox();
      double ey = ty[i] + tvy[i] * dt - b.oy();
      if (ex > maxRange || ex < -maxRange || ey > maxRange || ey < -maxRange) {
        continue;
      }
      double along = ex * b.dx() + ey * b.dy();
      if (along <= 0 || along > maxRange) {
        continue; // behind the camera or beyond its range
      }
      double across = Math.abs(b.dx() * ey - b.dy() * ex);
      double dist = Math.sqrt(along * along + across * across);
      if (!Double.isNaN(b.rangeM()) && Math.abs(dist - b.rangeM()) > Math.max(60, rangeGateFraction * b.rangeM())) {
        continue;
      }
      // a wider gate close in: at 100 m a 20 m radar error is already 11 degrees
      // tan(gate + atan(40 / dist)) by the angle-sum rule, compared with tan(offset) = across / along
      double tb = 40 / Math.max(dist, 1);
      double tanLimit = (tanGate + tb) / Math.max(1e-9, 1 - tanGate * tb);
      double tanOff = across / along;
      if (tanOff <= tanLimit && tanOff < bestTan) {
        bestTan = tanOff;
        best = tracks[i];
      }
    }
    return best;
  }
}
