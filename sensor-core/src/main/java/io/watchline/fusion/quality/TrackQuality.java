package io.watchline.fusion.quality;

import io.watchline.fusion.track.PathShape;
import io.watchline.fusion.track.Track;
import io.watchline.observation.Kind;

/**
 * Whether a closed track is a target worth an incident or clutter: chance plots strung into a
 * track (few hits, implausible speed, zigzag, mostly coasting) or a persistent clutter field
 * ({@link ClutterMap}). Also whether a lost track is good enough to infer a crossing from it
 * alone. Stateless apart from the configuration; positions are metres in the local plane.
 */
public final class TrackQuality {
  /** Path shapes are judged on points this far apart in time (position noise of short steps is no wandering). */
  private static final long STEP_MS = 60_000L;

  private static final String WEAK_ECHO = "weak radar-only echo";
  private final QualityConfig cfg;

  public TrackQuality(QualityConfig cfg) {
    this.cfg = cfg;
  }

  public QualityConfig config() {
    return cfg;
  }

  /**
   * Why the track raises no incident, or null when it may.
   *
   * @param speedMps the track's mean speed, m/s
   * @param clutter the clutter map learned so far (null: none)
   */
  public String reject(Track t, double speedMps, ClutterMap clutter) {
    long life = t.lastMs() - t.firstMs();
    if (t.hits() < cfg.minHits()) {
      return "few hits";
    }
    if (life < cfg.minDurationMs()) {
      return "short life";
    }
    if (t.hits(Kind.RADAR) < cfg.minHits() && life < cfg.minCameraLedMs()) {
      return "brief camera object";
    }
    if (t.hits(Kind.THERMAL) == 0 && speedMps <= cfg.maxWalkMps() && life < cfg.minRadarOnlyWalkMs()
        && !seenByManyRadars(t, life)) {
      return "brief radar-only walker";
    }
    double scans = life / (double) cfg.nominalScanMs();
    if (t.hits(Kind.THERMAL) == 0 && speedMps <= cfg.maxWalkMps() && life < cfg.minWeakEchoWalkMs()
        && t.hits(Kind.RADAR) < cfg.weakEchoPlotsPerScan() * scans && t.hits(Kind.RADAR) >= cfg.weakEchoMinPlotsPerScan() * scans) {
      return WEAK_ECHO;
    }
    if (speedMps > cfg.maxSpeedMps()) {
      return "implausible speed";
    }
    if (speedMps > cfg.maxWalkMps() && t.hits() < cfg.minFastHits() && !"vehicle".equals(t.classes().best())) {
      return "fast on few hits";
    }
    if (t.hits() < cfg.minHitRatio() * Math.max(1, life / (double) cfg.nominalScanMs())) {
      return "low hit ratio";
    }
    if (turnRate(t) > cfg.maxTurnDegPerS()) {
      return "zigzag";
    }
    if (clutter != null && clutterShare(t, clutter) >= cfg.clutterShare() && !passedThrough(t)) {
      return "clutter map";
    }
    return null;
  }

  /**
   * Whether a track's radar plots came faster than one radar can give them (more than {@code
   * radarOnlyManyPlotsPerScan} per nominal scan over its life): several radars saw it together on
   * nearly every scan. Chance plots of different radars do not fall together, and a herd's weaker
   * echo is missed on many scans.
   */
  boolean seenByManyRadars(Track t, long lifeMs) {
    return lifeMs > 0 && t.hits(Kind.RADAR) >= cfg.radarOnlyManyPlotsPerScan() * lifeMs / (double) cfg.nominalScanMs();
  }

  /**
   * Whether a track rejected for {@code reason} may still be a piece of a walker followed in pieces:
   * not when it zigzags or sits in a clutter field, nor when a radar followed it for many minutes (a
   * weak echo followed that long is a whole target, a herd, not a piece of a walker).
   */
  public static boolean mayBePiece(String reason) {
    return !"zigzag".equals(reason) && !"clutter map".equals(reason) && !WEAK_ECHO.equals(reason);
  }

  /** Whether a track was rejected only as a weak radar-only echo followed for less than {@code minWeakEchoWalkMs}. */
  public static boolean weakEcho(String reason) {
    return WEAK_ECHO.equals(reason);
  }

  /** Whether a track lost near the line is evidence enough, alone, for a crossing it would have made. */
  public boolean infersAlone(Track t, double straightness) {
    return t.hits() >= cfg.inferMinHits() && t.lastMs() - t.firstMs() >= cfg.inferMinDurationMs()
        && !Double.isNaN(straightness) && straightness >= cfg.inferMinStraightness();
  }

  /** Mean absolute course change per second over 10 s steps that moved at least 15 m, deg/s (0 when too few). */
  static double turnRate(Track t) {
    int n = t.points();
    double prevCourse = Double.NaN, turn = 0;
    long time = 0;
    int i = 0;
    while (i < n) {
      int j = i + 1;
      while (j < n && t.pointT(j) - t.pointT(i) < 10_000) j++;
      if (j >= n) break;
      double dx = t.pointX(j) - t.pointX(i), dy = t.pointY(j) - t.pointY(i);
      if (Math.hypot(dx, dy) >= 15) {
        double c = Math.toDegrees(Math.atan2(dx, dy));
        if (!Double.isNaN(prevCourse)) {
          turn += Math.abs(((c - prevCourse) % 360 + 540) % 360 - 180);
          time += t.pointT(j) - t.pointT(i);
        }
        prevCourse = c;
      } else {
        prevCourse = Double.NaN;
      }
      i = j;
    }
    return time < 30_000 ? 0 : turn / (time / 1000.0);
  }

  /**
   * Whether the track walked straight through rather than wandered about: a clutter field's echoes
   * stay where they are, a group or a vehicle on its way across the field goes on.
   */
  boolean passedThrough(Track t) {
    int n = t.points();
    // a track that began on one of the field's fixed echoes is judged from when it set off: a group
    // walking past the echo took the track over
    long from = PathShape.setOff(t, cfg.clutterPassStandM(), cfg.clutterPassStandMs(), STEP_MS);
    int i0 = 0;
    while (i0 < n - 1 && t.pointT(i0) < from) i0++;
    if (n < 2 || Math.hypot(t.pointX(n - 1) - t.pointX(i0), t.pointY(n - 1) - t.pointY(i0)) < cfg.clutterPassM()) {
      return false;
    }
    double s = PathShape.straightness(t, from, Long.MAX_VALUE, STEP_MS);
    return !Double.isNaN(s) && s >= cfg.clutterPassStraightness();
  }

  /**
   * Where a clutter field took the track over after a walk: the index of its first point in a
   * clutter cell, when the points before it walked straight (at least {@code clutterPassM} first to
   * last at {@code clutterPassStraightness}, as a pass through a field) for the radar-only walker's
   * minutes ({@code minRadarOnlyWalkMs}), and the rest lies mostly in the field; else -1. A tracker
   * keeps a track on the strongest echo in its gate: a group that walked up to a field (a wind
   * farm's echoes all night) and on unseen leaves its track sitting there for hours, and the track
   * was judged clutter on the hours, not the walk.
   */
  public int capturedAfterWalk(Track t, ClutterMap map) {
    int n = t.points();
    if (map == null || n < 2) return -1;
    int k = 0;
    while (k < n && !map.isClutter(t.pointX(k), t.pointY(k))) k++;
    if (k < 2 || k >= n) return -1;
    return walkedBefore(t, k, map);
  }

  /**
   * Where a clutter field's echo took a track over after a walk, judged by where the track stopped
   * rather than by where it first touched the map: the index of the first point from which it stayed
   * within {@code clutterStopRadiusM} of its last point, when those points lie mostly in the field and
   * the points before walked straight, as {@link #capturedAfterWalk} asks; else -1. The map marks the
   * cells next to a field's too, so a walker passing a field close to the line touches the map before
   * it crosses; where it stopped, it was taken over.
   */
  public int stoppedInField(Track t, ClutterMap map) {
    int n = t.points();
    if (map == null || n < 2) return -1;
    double xe = t.pointX(n - 1), ye = t.pointY(n - 1);
    int k = n - 1;
    while (k > 0 && Math.hypot(t.pointX(k - 1) - xe, t.pointY(k - 1) - ye) <= cfg.clutterStopRadiusM()) k--;
    if (k < 2) return -1;
    return walkedBefore(t, k, map);
  }

  /**
   * {@code k} when the points from {@code k} on lie mostly in the field and those before it were a
   * walk (long, far and straight enough to pass a clutter field); else -1.
   */
  private int walkedBefore(Track t, int k, ClutterMap map) {
    int n = t.points();
    int in = 0;
    for (int i = k; i < n; i++) {
      if (map.isClutter(t.pointX(i), t.pointY(i))) in++;
    }
    if (in < cfg.clutterShare() * (n - k)) return -1;
    if (t.pointT(k - 1) - t.firstMs() < cfg.minRadarOnlyWalkMs()
        || Math.hypot(t.pointX(k - 1) - t.pointX(0), t.pointY(k - 1) - t.pointY(0)) < cfg.clutterPassM()) {
      return -1;
    }
    double s = PathShape.straightness(t, t.firstMs(), t.pointT(k - 1), STEP_MS);
    return !Double.isNaN(s) && s >= cfg.clutterPassStraightness() ? k : -1;
  }

  private static double clutterShare(Track t, ClutterMap map) {
    int n = t.points(), in = 0;
    if (n == 0) return 0;
    for (int i = 0; i < n; i++) {
      if (map.isClutter(t.pointX(i), t.pointY(i))) in++;
    }
    return in / (double) n;
  }

  /** Straightness of the whole track (net displacement over path length on 1-min points). */
  public static double straightness(Track t, long stepMs) {
    return PathShape.straightness(t, Long.MIN_VALUE, Long.MAX_VALUE, stepMs);
  }
}
