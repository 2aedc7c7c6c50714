package io.watchline.fusion.bluforce;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recent GPS fixes of every patrol unit in the border's local plane (metres), interpolated in time
 * (epoch ms). Only a sliding window is kept: memory is bounded by units × window, not by the night.
 * Not thread-safe.
 */
public final class PatrolPositions {
  /** A unit's fix, or an interpolated position: time epoch ms, x and y in m. */
  public record Fix(long tMs, double x, double y) {}

  /** The closest unit to a point at a time, and its distance in m. */
  public record Nearest(String unit, double distanceM) {}

  private final long horizonMs;
  private final long maxGapMs;
  private final long memoryMs;
  private final double driftMps;
  private final Map<String, Fixes> units = new TreeMap<>();
  /** The units in name order, as arrays (null: to be rebuilt after a unit came or went). */
  private String[] unitNames;
  private Fixes[] unitFixes;

  /** One unit's fixes in time order; old ones are dropped from the front in bulk. */
  private static final class Fixes {
    final ArrayList<Fix> list = new ArrayList<>();
    int start;

    int size() { return list.size() - start; }
    Fix get(int i) { return list.get(start + i); }
    Fix last() { return list.get(list.size() - 1); }

    void dropFirst() {
      start++;
      if (start > 64 && start > list.size() / 2) {
        list.subList(0, start).clear();
        start = 0;
      }
    }
  }

  /**
   * @param horizonMs how long fixes are kept
   * @param maxGapMs a position is interpolated between fixes at most this far apart, and held at
   *     most this long before the first or after the last fix
   */
  public PatrolPositions(long horizonMs, long maxGapMs) {
    this(horizonMs, maxGapMs, 0, 0);
  }

  /**
   * As above, and a unit whose GPS went quiet is still taken to be near its last fix for {@code
   * memoryMs}: {@link #nearest} then counts it {@code driftMps} times the silence beyond the
   * maximum gap closer than the fix is (the patrol walked on somewhere within that), so that
   * suppression survives a lost fix.
   */
  public PatrolPositions(long horizonMs, long maxGapMs, long memoryMs, double driftMps) {
    this.horizonMs = horizonMs;
    this.maxGapMs = maxGapMs;
    this.memoryMs = memoryMs;
    this.driftMps = driftMps;
  }

  /**
   * Adds a fix. Fixes of a unit must come in time order: one older than the unit's newest is
   * ignored (the merged input is time-ordered, so it can only be a duplicate).
   */
  public void add(String unit, long tMs, double x, double y) {
    Fixes q = units.get(unit);
    if (q == null) {
      q = new Fixes();
      units.put(unit, q);
      unitNames = null;
    }
    if (q.size() > 0 && q.last().tMs() > tMs) {
      return; // merged input is time-ordered; an older duplicate adds nothing
    }
    q.list.add(new Fix(tMs, x, y));
  }

  /**
   * Forgets fixes older than the horizon before {@code nowMs}, keeping each unit's newest; a unit
   * whose newest fix is older than the horizon plus the maximum gap is forgotten.
   */
  public void prune(long nowMs) {
    Iterator<Fixes> it = units.values().iterator();
    while (it.hasNext()) {
      Fixes q = it.next();
      while (q.size() > 1 && q.get(0).tMs() < nowMs - horizonMs) {
        q.dropFirst();
      }
      if (q.size() == 1 && q.get(0).tMs() < nowMs - horizonMs - Math.max(maxGapMs, memoryMs)) {
        it.remove();
        unitNames = null;
      }
    }
  }

  /**
   * The unit's position at {@code tMs}: interpolated between the fixes around it when they are at
   * most twice the maximum gap apart, else the nearer fix if within the maximum gap; before the
   * first or after the last fix, that fix within the maximum gap. Null when no fix is close enough
   * in time or the unit is unknown.
   */
  public Fix positionAt(String unit, long tMs) {
    Fixes q = units.get(unit);
    return q == null ? null : interpolate(q, tMs);
  }

  private Fix interpolate(Fixes q, long tMs) {
    int n = q.size();
    if (n == 0) return null;
    // binary search for the first fix after tMs
    int lo = 0, hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (q.get(mid).tMs() <= tMs) lo = mid + 1;
      else hi = mid;
    }
    Fix before = lo > 0 ? q.get(lo - 1) : null;
    Fix after = lo < n ? q.get(lo) : null;
    if (before == null) {
      return after.tMs() - tMs <= maxGapMs ? after : null;
    }
    if (after == null) {
      return tMs - before.tMs() <= maxGapMs ? before : null;
    }
    long span = after.tMs() - before.tMs();
    if (span > 2 * maxGapMs) {
      // a long silence: hold the nearer fix only if it is close in time
      Fix near = tMs - before.tMs() <= after.tMs() - tMs ? before : after;
      return Math.abs(near.tMs() - tMs) <= maxGapMs ? near : null;
    }
    double a = span == 0 ? 0 : (double) (tMs - before.tMs()) / span;
    return new Fix(tMs, before.x() + a * (after.x() - before.x()), before.y() + a * (after.y() - before.y()));
  }

  /** The nearest unit to (x, y) at {@code tMs}, or null when no unit has a position then. */
  public Nearest nearest(long tMs, double x, double y) {
    if (unitNames == null) {
      // every live track asks for every point: iterate an array, not the tree
      unitNames = units.keySet().toArray(new String[0]);
      unitFixes = units.values().toArray(new Fixes[0]);
    }
    int best = -1;
    double bestD = 0;
    for (int i = 0; i < unitFixes.length; i++) {
      Fix f = interpolate(unitFixes[i], tMs);
      double allowance = 0;
      if (f == null) {
        f = remembered(unitFixes[i], tMs);
        allowance = f == null ? 0 : driftMps * (tMs - f.tMs() - maxGapMs) / 1000.0;
      }
      if (f != null) {
        double dx = f.x() - x, dy = f.y() - y;
        double d = Math.max(0, Math.sqrt(dx * dx + dy * dy) - allowance);
        if (best < 0 || d < bestD) {
          best = i;
          bestD = d;
        }
      }
    }
    return best < 0 ? null : new Nearest(unitNames[best], bestD);
  }

  /** The last fix before {@code tMs} when the unit has been silent since, for at most the memory; or null. */
  private Fix remembered(Fixes q, long tMs) {
    if (memoryMs <= 0 || q.size() == 0) return null;
    Fix last = null;
    for (int i = q.size() - 1; i >= 0; i--) {
      if (q.get(i).tMs() <= tMs) {
        last = q.get(i);
        break;
      }
    }
    if (last == null || tMs - last.tMs() > memoryMs) return null;
    // silent since: the next fix (if any) came only after a gap longer than the maximum
    return last;
  }

  /** Units with fixes held. */
  public int units() {
    return units.size();
  }
}
