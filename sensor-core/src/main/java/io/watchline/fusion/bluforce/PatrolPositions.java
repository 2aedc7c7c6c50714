package io.watchline.fusion.bluforce;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recent GPS fixes of every patrol unit in the local plane, interpolated in time. Only a sliding
 * window is kept (memory is bounded by units x window, not by the night).
 */
public final class PatrolPositions {
  /** A unit's fix, or an interpolated position. */
  public record Fix(long tMs, double x, double y) {}

  /** The closest unit to a point at a time. */
  public record Nearest(String unit, double distanceM) {}

  private final long horizonMs;
  private final long maxGapMs;
  private final Map<String, ArrayDeque<Fix>> units = new TreeMap<>();

  /**
   * @param horizonMs how long fixes are kept
   * @param maxGapMs a position is interpolated between fixes at most this far apart, and held at
   *     most this long before the first or after the last fix
   */
  public PatrolPositions(long horizonMs, long maxGapMs) {
    this.horizonMs = horizonMs;
    this.maxGapMs = maxGapMs;
  }

  public void add(String unit, long tMs, double x, double y) {
    ArrayDeque<Fix> q = units.computeIfAbsent(unit, u -> new ArrayDeque<>());
    if (!q.isEmpty() && q.peekLast().tMs() > tMs) {
      return; // merged input is time-ordered; an older duplicate adds nothing
    }
    q.addLast(new Fix(tMs, x, y));
  }

  /** Forgets fixes older than the horizon before {@code nowMs} (keeps one for interpolation). */
  public void prune(long nowMs) {
    Iterator<ArrayDeque<Fix>> it = units.values().iterator();
    while (it.hasNext()) {
      ArrayDeque<Fix> q = it.next();
      while (q.size() > 1 && q.peekFirst().tMs() < nowMs - horizonMs) {
        q.removeFirst();
      }
      if (q.size() == 1 && q.peekFirst().tMs() < nowMs - horizonMs - maxGapMs) {
        it.remove();
      }
    }
  }

  /** The unit's position at {@code tMs}, or null when no fix is close enough in time. */
  public Fix positionAt(String unit, long tMs) {
    ArrayDeque<Fix> q = units.get(unit);
    return q == null ? null : interpolate(q, tMs);
  }

  private Fix interpolate(ArrayDeque<Fix> q, long tMs) {
    Fix before = null;
    for (Fix f : q) {
      if (f.tMs() <= tMs) {
        before = f;
      } else {
        if (before == null) {
          return f.tMs() - tMs <= maxGapMs ? f : null;
        }
        long span = f.tMs() - before.tMs();
        if (span > 2 * maxGapMs) {
          // a long silence: hold the nearer fix only if it is close in time
          Fix near = tMs - before.tMs() <= f.tMs() - tMs ? before : f;
          return Math.abs(near.tMs() - tMs) <= maxGapMs ? near : null;
        }
        double a = span == 0 ? 0 : (double) (tMs - before.tMs()) / span;
        return new Fix(tMs, before.x() + a * (f.x() - before.x()), before.y() + a * (f.y() - before.y()));
      }
    }
    return before != null && tMs - before.tMs() <= maxGapMs ? before : null;
  }

  /** The nearest unit to (x, y) at {@code tMs}, or null when no unit has a position then. */
  public Nearest nearest(long tMs, double x, double y) {
    Nearest best = null;
    for (Map.Entry<String, ArrayDeque<Fix>> e : units.entrySet()) {
      Fix f = interpolate(e.getValue(), tMs);
      if (f != null) {
        double d = Math.hypot(f.x() - x, f.y() - y);
        if (best == null || d < best.distanceM()) {
          best = new Nearest(e.getKey(), d);
        }
      }
    }
    return best;
  }

  public int units() {
    return units.size();
  }
}
