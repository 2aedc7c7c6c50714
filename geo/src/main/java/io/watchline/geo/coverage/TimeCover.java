package io.watchline.geo.coverage;

import java.util.Arrays;

/**
 * Time arithmetic for patrol coverage: within the counted hours of the window, a point is
 * unwatched while more than the revisit time has passed since the last visit (from the window's
 * start when there was none yet).
 */
final class TimeCover {
  private static final long DAY = 86_400_000L;
  private static final long HOUR = 3_600_000L;

  private final long start;
  private final long end;
  private final long revisit;
  private final long[] active; // sorted, disjoint [from, to) pairs of counted time

  TimeCover(CoverageOptions o) {
    this.start = o.windowStartMillis();
    this.end = o.windowEndMillis();
    this.revisit = o.revisitMillis();
    this.active = activeIntervals(start, end, o.hourFrom(), o.hourTo());
  }

  long countedMillis() {
    long sum = 0;
    for (int i = 0; i < active.length; i += 2) {
      sum += active[i + 1] - active[i];
    }
    return sum;
  }

  boolean counted(long t) {
    for (int i = 0; i < active.length; i += 2) {
      if (t >= active[i] && t < active[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** The counted time as [from, to) pairs. */
  long[] active() {
    return active.clone();
  }

  /**
   * When patrols watched a point: [visit, visit + revisit) for each visit, clipped to counted
   * time. Nothing is assumed about visits before the window: a point no patrol reaches is
   * unwatched from the window's start.
   */
  long[] patrolWatched(long[] visits, int n) {
    long[] iv = new long[2 * n];
    for (int k = 0; k < n; k++) {
      iv[2 * k] = visits[k];
      iv[2 * k + 1] = visits[k] + revisit;
    }
    return Intervals.intersect(Intervals.union(iv), active);
  }

  boolean inWindow(long t) {
    return t >= start && t < end;
  }

  /** Counted time during which no patrol had visited the point within the revisit time. */
  long unwatchedMillis(long[] visits, int n) {
    return Intervals.length(Intervals.subtract(active, patrolWatched(visits, n)));
  }

  /** Longest counted stretch between visits (window edges count as visits), in ms. */
  long worstGapMillis(long[] visits, int n) {
    long[] v = Arrays.copyOf(visits, n);
    Arrays.sort(v);
    long worst = 0;
    long prev = start;
    for (long t : v) {
      if (t < start || t >= end) {
        continue;
      }
      worst = Math.max(worst, activeOverlap(prev, t));
      prev = t;
    }
    return Math.max(worst, activeOverlap(prev, end));
  }

  private long activeOverlap(long from, long to) {
    long sum = 0;
    for (int i = 0; i < active.length; i += 2) {
      long a = Math.max(from, active[i]);
      long b = Math.min(to, active[i + 1]);
      if (b > a) {
        sum += b - a;
      }
    }
    return sum;
  }

  static long[] activeIntervals(long start, long end, int hourFrom, int hourTo) {
    if (hourFrom < 0 || hourFrom == hourTo) {
      return new long[] {start, end};
    }
    long[] out = new long[16];
    int n = 0;
    for (long day = Math.floorDiv(start, DAY) * DAY - DAY; day < end; day += DAY) {
      long a = day + hourFrom * HOUR;
      long b = hourTo > hourFrom ? day + hourTo * HOUR : day + DAY + hourTo * HOUR;
      a = Math.max(a, start);
      b = Math.min(b, end);
      if (b > a) {
        if (n + 2 > out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        if (n > 0 && out[n - 1] >= a) {
          out[n - 1] = Math.max(out[n - 1], b);
        } else {
          out[n++] = a;
          out[n++] = b;
        }
      }
    }
    return Arrays.copyOf(out, n);
  }
}
