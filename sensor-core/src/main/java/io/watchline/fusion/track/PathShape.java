package io.watchline.fusion.track;

/**
 * Shape measures of a track's filtered path, computed on points thinned to one per {@code
 * stepMs} so that position noise does not pass for wandering.
 */
public final class PathShape {
  private PathShape() {}

  /** Where and how long a track stayed within a radius. */
  public record Dwell(long startMs, long endMs, double x, double y) {
    public long durationMs() {
      return endMs - startMs;
    }
  }

  /**
   * Net displacement over path length between the two times (1 = a straight line, near 0 = back
   * and forth), or NaN when the track covers less than three thinned points there.
   */
  public static double straightness(Track t, long fromMs, long toMs, long stepMs) {
    double len = 0, x0 = Double.NaN, y0 = 0, px = 0, py = 0;
    long last = Long.MIN_VALUE;
    int n = 0;
    for (int i = 0; i < t.points(); i++) {
      long ti = t.pointT(i);
      if (ti < fromMs || ti > toMs || (last != Long.MIN_VALUE && ti - last < stepMs)) continue;
      double x = t.pointX(i), y = t.pointY(i);
      if (Double.isNaN(x0)) {
        x0 = x;
        y0 = y;
      } else {
        len += Math.hypot(x - px, y - py);
      }
      px = x;
      py = y;
      last = ti;
      n++;
    }
    if (n < 3 || len <= 0) return Double.NaN;
    return Math.min(1, Math.hypot(px - x0, py - y0) / len);
  }

  /** Mean ground speed in m/s over the thinned path (the filter's own speed is noisier). */
  public static double meanSpeed(Track t, long stepMs) {
    double len = 0, px = 0, py = 0;
    long first = Long.MIN_VALUE, last = Long.MIN_VALUE;
    for (int i = 0; i < t.points(); i++) {
      long ti = t.pointT(i);
      if (last != Long.MIN_VALUE && ti - last < stepMs && i != t.points() - 1) continue;
      if (last != Long.MIN_VALUE) len += Math.hypot(t.pointX(i) - px, t.pointY(i) - py);
      else first = ti;
      px = t.pointX(i);
      py = t.pointY(i);
      last = ti;
    }
    return last <= first ? 0 : len / ((last - first) / 1000.0);
  }

  /**
   * The longest stay within {@code radiusM} of where it began (on points thinned to {@code
   * stepMs}), as start, end and mean position.
   */
  public static Dwell longestDwell(Track t, double radiusM, long stepMs) {
    int n = t.points();
    int[] idx = new int[n];
    int m = 0;
    long last = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      if (last == Long.MIN_VALUE || t.pointT(i) - last >= stepMs) {
        idx[m++] = i;
        last = t.pointT(i);
      }
    }
    Dwell best = null;
    for (int a = 0; a < m; a++) {
      double ax = t.pointX(idx[a]), ay = t.pointY(idx[a]);
      double sx = 0, sy = 0;
      int b = a;
      while (b < m && Math.hypot(t.pointX(idx[b]) - ax, t.pointY(idx[b]) - ay) <= radiusM) {
        sx += t.pointX(idx[b]);
        sy += t.pointY(idx[b]);
        b++;
      }
      long dur = t.pointT(idx[b - 1]) - t.pointT(idx[a]);
      if (best == null || dur > best.durationMs()) {
        best = new Dwell(t.pointT(idx[a]), t.pointT(idx[b - 1]), sx / (b - a), sy / (b - a));
      }
    }
    return best;
  }

  /**
   * When a track that began standing set off: the time of its last thinned point within {@code
   * radiusM} of its first, when it stayed there at least {@code minMs}; else {@link Long#MIN_VALUE}
   * (it began moving).
   */
  public static long setOff(Track t, double radiusM, long minMs, long stepMs) {
    int n = t.points();
    if (n == 0) return Long.MIN_VALUE;
    double x0 = t.pointX(0), y0 = t.pointY(0);
    long t0 = t.pointT(0), stood = t0, last = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long ti = t.pointT(i);
      if (last != Long.MIN_VALUE && ti - last < stepMs) continue;
      last = ti;
      if (Math.hypot(t.pointX(i) - x0, t.pointY(i) - y0) > radiusM) break;
      stood = ti;
    }
    return stood - t0 >= minMs ? stood : Long.MIN_VALUE;
  }
}
