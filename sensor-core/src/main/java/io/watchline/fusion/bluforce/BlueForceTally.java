package io.watchline.fusion.bluforce;

import io.watchline.fusion.track.Track;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well patrol positions explain one track: each filtered track point, once the patrol fixes
 * around its time have arrived, is checked once against the interpolated position of every unit. A
 * track most of whose points lie within the gate of one unit moves with that patrol. One tally per
 * track; not thread-safe.
 */
public final class BlueForceTally {
  private int nextPoint;
  private int checked;
  private final Map<String, int[]> explainedBy = new TreeMap<>();
  private final Map<String, double[]> distanceSum = new TreeMap<>();
  // the unit of the last explained point and its counters: a track moving with a patrol is
  // explained by the same unit point after point (the name is the positions' own string)
  private String lastUnit;
  private int[] lastCount;
  private double[] lastSum;

  /**
   * Checks the track's points not checked yet, up to time {@code untilMs} (inclusive).
   *
   * @param t the track (the same one at every call)
   * @param patrols the patrol positions; they must still hold the fixes around the points' times
   * @param untilMs epoch ms ({@link Long#MAX_VALUE}: every point)
   * @param gateM a point this close to a unit is explained by it, m
   */
  public void check(Track t, PatrolPositions patrols, long untilMs, double gateM) {
    while (nextPoint < t.points() && t.pointT(nextPoint) <= untilMs) {
      PatrolPositions.Nearest n = patrols.nearest(t.pointT(nextPoint), t.pointX(nextPoint), t.pointY(nextPoint));
      checked++;
      if (n != null && n.distanceM() <= gateM) {
        if (n.unit() != lastUnit) {
          lastUnit = n.unit();
          lastCount = explainedBy.computeIfAbsent(lastUnit, u -> new int[1]);
          lastSum = distanceSum.computeIfAbsent(lastUnit, u -> new double[1]);
        }
        lastCount[0]++;
        lastSum[0] += n.distanceM();
      }
      nextPoint++;
    }
  }

  /** The unit explaining most points (ties: the first in unit-name order), or null when none explains any. */
  public String bestUnit() {
    String best = null;
    int n = 0;
    for (Map.Entry<String, int[]> e : explainedBy.entrySet()) {
      if (e.getValue()[0] > n) {
        n = e.getValue()[0];
        best = e.getKey();
      }
    }
    return best;
  }

  /** Share of checked points the best unit explains, 0..1 (0 when nothing was checked). */
  public double share() {
    String u = bestUnit();
    return u == null || checked == 0 ? 0 : (double) explainedBy.get(u)[0] / checked;
  }

  /** Mean distance to the best unit over the points it explains, metres; NaN when no unit explains any. */
  public double meanDistanceM() {
    String u = bestUnit();
    return u == null ? Double.NaN : distanceSum.get(u)[0] / explainedBy.get(u)[0];
  }

  /** Points checked so far. */
  public int checked() {
    return checked;
  }

  /**
   * True when the track moves with a patrol: at least two points checked and the best unit's
   * share at least {@code minShare} (0..1).
   */
  public boolean isPatrol(double minShare) {
    return checked >= 2 && share() >= minShare;
  }
}
