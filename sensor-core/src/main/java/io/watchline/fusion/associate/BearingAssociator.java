package io.watchline.fusion.associate;

import io.watchline.fusion.track.Track;
import io.watchline.observation.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
  /** Per camera: which snapshot tracks can lie inside its range box for a while; rebuilt after each refresh. */
  private final Map<String, Reachable> byCamera = new HashMap<>();
  private int snapshot;

  /** How long a camera's list of reachable tracks serves, ms of data time. */
  static final long REACHABLE_SPAN_MS = 2_000;

  /**
   * The snapshot tracks that can be within ±maxRange (in x and in y) of one camera at some time
   * of [fromMs, untilMs], in snapshot order. A track's predicted coordinate, as {@link #match}
   * computes it, is monotone in time (each rounding step is), so it lies between its values at the
   * two ends: a track outside the box at both ends on the same side is outside throughout.
   */
  private static final class Reachable {
    double ox, oy, maxRange;
    long fromMs, untilMs;
    int snapshot = -1;
    int[] tracks = new int[16];
    int n;

    boolean serves(Bearing b, double maxRange, int snapshot) {
      return this.snapshot == snapshot && ox == b.ox() && oy == b.oy() && this.maxRange == maxRange
          && b.tMs() >= fromMs && b.tMs() <= untilMs;
    }
  }

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
    snapshot++;
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
    if (Double.isInfinite(maxRange)) {
      for (int i = 0; i < n; i++) {
        double tanOff = offset(b, i, maxRange, tanGate);
        if (tanOff < bestTan) {
          bestTan = tanOff;
          best = tracks[i];
        }
      }
      return best;
    }
    Reachable r = reachable(b, maxRange);
    for (int k = 0; k < r.n; k++) {
      int i = r.tracks[k];
      double tanOff = offset(b, i, maxRange, tanGate);
      if (tanOff < bestTan) {
        bestTan = tanOff;
        best = tracks[i];
      }
    }
    return best;
  }

  /** Snapshot track {@code i}'s predicted x (or y) at {@code tMs}, relative to the camera at {@code o}. */
  private static double relative(double p, double v, long fromMs, long tMs, double o) {
    double dt = Math.max(0, (tMs - fromMs) / 1000.0);
    return p + v * dt - o;
  }

  /** The tan of the bearing's angular offset from snapshot track {@code i}, or +∞ when the track is outside a gate. */
  private double offset(Bearing b, int i, double maxRange, double tanGate) {
    double ex = relative(tx[i], tvx[i], tt[i], b.tMs(), b.ox());
    double ey = relative(ty[i], tvy[i], tt[i], b.tMs(), b.oy());
    if (ex > maxRange || ex < -maxRange || ey > maxRange || ey < -maxRange) {
      return Double.POSITIVE_INFINITY;
    }
    double along = ex * b.dx() + ey * b.dy();
    if (along <= 0 || along > maxRange) {
      return Double.POSITIVE_INFINITY; // behind the camera or beyond its range
    }
    double across = Math.abs(b.dx() * ey - b.dy() * ex);
    double dist = Math.sqrt(along * along + across * across);
    if (!Double.isNaN(b.rangeM()) && Math.abs(dist - b.rangeM()) > Math.max(60, rangeGateFraction * b.rangeM())) {
      return Double.POSITIVE_INFINITY;
    }
    // a wider gate close in: at 100 m a 20 m radar error is already 11 degrees
    // tan(gate + atan(40 / dist)) by the angle-sum rule, compared with tan(offset) = across / along
    double tb = 40 / Math.max(dist, 1);
    double tanLimit = (tanGate + tb) / Math.max(1e-9, 1 - tanGate * tb);
    double tanOff = across / along;
    return tanOff <= tanLimit ? tanOff : Double.POSITIVE_INFINITY;
  }

  /**
   * The camera's reachable tracks for this bearing's time: a camera reports every object every
   * frame, so the tracks it may see are listed once per camera and snapshot instead of testing
   * every track for every bearing.
   */
  private Reachable reachable(Bearing b, double maxRange) {
    Reachable r = byCamera.computeIfAbsent(b.site() == null ? "" : b.site(), k -> new Reachable());
    if (r.serves(b, maxRange, snapshot)) {
      return r;
    }
    r.snapshot = snapshot;
    r.ox = b.ox();
    r.oy = b.oy();
    r.maxRange = maxRange;
    r.fromMs = b.tMs();
    r.untilMs = b.tMs() > Long.MAX_VALUE - REACHABLE_SPAN_MS ? Long.MAX_VALUE : b.tMs() + REACHABLE_SPAN_MS;
    r.n = 0;
    for (int i = 0; i < n; i++) {
      if (outside(relative(tx[i], tvx[i], tt[i], r.fromMs, r.ox), relative(tx[i], tvx[i], tt[i], r.untilMs, r.ox), maxRange)
          || outside(relative(ty[i], tvy[i], tt[i], r.fromMs, r.oy), relative(ty[i], tvy[i], tt[i], r.untilMs, r.oy), maxRange)) {
        continue;
      }
      if (r.n == r.tracks.length) {
        r.tracks = java.util.Arrays.copyOf(r.tracks, r.n * 2);
      }
      r.tracks[r.n++] = i;
    }
    return r;
  }

  /** Whether a coordinate that moves monotonically from {@code a} to {@code b} stays beyond ±limit on one side. */
  private static boolean outside(double a, double b, double limit) {
    return (a > limit && b > limit) || (a < -limit && b < -limit);
  }
}
