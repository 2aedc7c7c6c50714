package io.watchline.fusion.bluforce;

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
  /** Per unit, scratch for {@link #nearest}: a lower bound on its distance. */
  private double[] bounds;

  /** One unit's fixes in time order, their times also as numbers to search; old ones leave from the front. */
  private static final class Fixes {
    Fix[] fixes = new Fix[16];
    long[] times = new long[16];
    int start, end;

    int size() { return end - start; }
    Fix get(int i) { return fixes[start + i]; }
    Fix last() { return fixes[end - 1]; }

    /** The index (0 = oldest held) of the first fix later than {@code tMs}, or {@link #size()}. */
    int firstAfter(long tMs) {
      int lo = start, hi = end;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (times[mid] <= tMs) lo = mid + 1;
        else hi = mid;
      }
      return lo - start;
    }

    /** Bounding box of the held fixes (every position {@link #nearest} uses lies in it); stale after a drop. */
    double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
    boolean boxStale;

    void add(Fix f) {
      if (end == fixes.length) {
        int n = size();
        // slide to the front when half is free, else grow
        Fix[] nf = n * 2 <= fixes.length ? fixes : new Fix[fixes.length * 2];
        long[] nt = n * 2 <= fixes.length ? times : new long[fixes.length * 2];
        System.arraycopy(fixes, start, nf, 0, n);
        System.arraycopy(times, start, nt, 0, n);
        java.util.Arrays.fill(nf, n, nf.length, null);
        fixes = nf;
        times = nt;
        start = 0;
        end = n;
      }
      fixes[end] = f;
      times[end] = f.tMs();
      end++;
      if (!boxStale) extend(f);
    }

    private void extend(Fix f) {
      minX = Math.min(minX, f.x());
      maxX = Math.max(maxX, f.x());
      minY = Math.min(minY, f.y());
      maxY = Math.max(maxY, f.y());
    }

    /**
     * A lower bound on the distance from (x, y) to any position made of these fixes (a fix, or a
     * point between two); NaN coordinates give NaN, which bounds nothing.
     */
    double distanceBound(double x, double y) {
      if (boxStale) {
        minX = minY = Double.POSITIVE_INFINITY;
        maxX = maxY = Double.NEGATIVE_INFINITY;
        for (int i = start; i < end; i++) extend(fixes[i]);
        boxStale = false;
      }
      double dx = Math.max(0, Math.max(minX - x, x - maxX));
      double dy = Math.max(0, Math.max(minY - y, y - maxY));
      // less a centimetre: an interpolated point may round a hair outside the box
      return Math.sqrt(dx * dx + dy * dy) - 0.01;
    }

    void dropFirst() {
      fixes[start++] = null;
      boxStale = true;
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
    q.add(new Fix(tMs, x, y));
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
    int lo = q.firstAfter(tMs);
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

  /**
   * The nearest unit to (x, y) at {@code tMs}, or null when no unit has a position then. Of
   * several equally near, the first in name order.
   */
  public Nearest nearest(long tMs, double x, double y) {
    if (unitNames == null) {
      // every live track asks for every point: iterate an array, not the tree
      unitNames = units.keySet().toArray(new String[0]);
      unitFixes = units.values().toArray(new Fixes[0]);
      bounds = new double[unitFixes.length];
    }
    // Units are told apart by a lower bound on their distance (their fixes' box, less the most a
    // silent unit's drift allowance can take off): the unit with the lowest bound gives a distance
    // that every other unit must be able to beat, or it is not looked up at all.
    double maxAllowance = Math.max(0, Math.abs(driftMps) * (memoryMs + Math.abs(maxGapMs)) / 1000.0);
    int probe = -1;
    for (int i = 0; i < unitFixes.length; i++) {
      bounds[i] = unitFixes[i].distanceBound(x, y) - maxAllowance;
      if (probe < 0 || bounds[i] < bounds[probe]) probe = i;
    }
    double limit = probe < 0 ? Double.POSITIVE_INFINITY : distance(probe, tMs, x, y);
    if (!(limit >= 0)) limit = Double.POSITIVE_INFINITY; // no position then, or NaN: look at every unit
    int best = -1;
    double bestD = 0;
    for (int i = 0; i < unitFixes.length; i++) {
      if (bounds[i] > limit) continue; // farther than a unit known to be there
      double d = i == probe && limit != Double.POSITIVE_INFINITY ? limit : distance(i, tMs, x, y);
      if (d == NO_POSITION) continue;
      if (best < 0 || d < bestD) {
        best = i;
        bestD = d;
      }
    }
    return best < 0 ? null : new Nearest(unitNames[best], bestD);
  }

  private static final double NO_POSITION = -1;

  /** Unit {@code i}'s distance from (x, y) at {@code tMs}, less its drift allowance; {@link #NO_POSITION} when it has none then. */
  private double distance(int i, long tMs, double x, double y) {
    Fix f = interpolate(unitFixes[i], tMs);
    double allowance = 0;
    if (f == null) {
      f = remembered(unitFixes[i], tMs);
      if (f == null) return NO_POSITION;
      allowance = driftMps * (tMs - f.tMs() - maxGapMs) / 1000.0;
    }
    double dx = f.x() - x, dy = f.y() - y;
    return Math.max(0, Math.sqrt(dx * dx + dy * dy) - allowance);
  }

  /** The last fix before {@code tMs} when the unit has been silent since, for at most the memory; or null. */
  private Fix remembered(Fixes q, long tMs) {
    if (memoryMs <= 0 || q.size() == 0) return null;
    int i = q.firstAfter(tMs) - 1; // the newest fix at or before tMs
    Fix last = i >= 0 ? q.get(i) : null;
    if (last == null || tMs - last.tMs() > memoryMs) return null;
    // silent since: the next fix (if any) came only after a gap longer than the maximum
    return last;
  }

  /** Units with fixes held. */
  public int units() {
    return units.size();
  }
}
