package io.watchline.fusion.track;

import java.util.List;

/**
 * A scan's plots in order of x, so that the gate looks only at the plots within reach of a track
 * instead of at all of them. Plots with a NaN x sort last and are tried by every track (as before:
 * their Mahalanobis distance is NaN and fails the gate).
 */
final class PlotsByX {
  private final double[] xs;
  private final int[] order;
  /** The largest trace of a plot's covariance (rxx + ryy), m². */
  private final double maxTrace;

  PlotsByX(List<Measurement> plots) {
    int n = plots.size();
    xs = new double[n];
    order = new int[n];
    double mt = 0;
    for (int i = 0; i < n; i++) {
      Measurement m = plots.get(i);
      xs[i] = m.x();
      order[i] = i;
      mt = Math.max(mt, m.rxx() + m.ryy());
    }
    maxTrace = mt;
    // insertion sort: a scan has tens of plots
    for (int i = 1; i < n; i++) {
      int o = order[i];
      double x = xs[o];
      int j = i - 1;
      while (j >= 0 && Double.compare(xs[order[j]], x) > 0) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = o;
    }
  }

  /**
   * How far (in x and in y, m) a plot can lie from a CV track's predicted position and still pass
   * a gate of {@code gateChi2}: the squared Mahalanobis distance is at least |ν|² / trace(S), and
   * trace(S) is at most the track's position variance plus the largest plot trace. Widened by
   * 1e-4 so that rounding never drops a pair the full test would keep (the test's own rounding is
   * far smaller unless S is singular); NaN compares false and so tries every plot.
   */
  double reach(double gateChi2, double positionVariance) {
    double r = Math.sqrt(gateChi2 * (positionVariance + maxTrace));
    return r * (1 + 1e-4) + 1e-3;
  }

  /** The first position (in x order) whose plot has x ≥ {@code x}. */
  int first(double x) {
    int lo = 0, hi = xs.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (xs[order[mid]] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The index in the scan of the plot at position {@code k} in x order. */
  int plot(int k) {
    return order[k];
  }
}
