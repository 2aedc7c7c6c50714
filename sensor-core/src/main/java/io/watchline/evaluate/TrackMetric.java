package io.watchline.evaluate;

import io.watchline.fusion.track.Hungarian;
import java.util.List;

/**
 * Multi-target track metrics between the true positions and the fused tracks' positions at one
 * time, as Stone Soup defines them: OSPA (Schuhmacher et al. 2008) and GOSPA with alpha = 2
 * (Rahmathullah et al. 2017), cut-off distance {@code c} and order {@code p}. Positions are metres
 * in one plane. The optimal assignment is the Hungarian algorithm on the cut-off distances.
 */
public final class TrackMetric {
  private TrackMetric() {}

  /**
   * GOSPA (alpha 2) and its parts at one time.
   *
   * @param value (sum of assigned d^p + c^p/2 per missed or false) ^ (1/p), m
   * @param localisation (sum of assigned d^p)^(1/p) over pairs closer than c, m
   * @param missed true objects without a track within c
   * @param false tracks without a true object within c
   */
  public record Gospa(double value, double localisation, int missed, int falseTracks) {}

  /** GOSPA (alpha = 2) between truth {@code x} and estimate {@code y} ({x, y} points, m). */
  public static Gospa gospa(List<double[]> x, List<double[]> y, double c, double p) {
    int m = x.size(), n = y.size();
    if (m == 0 || n == 0) {
      double v = Math.pow(Math.pow(c, p) / 2 * (m + n), 1 / p);
      return new Gospa(v, 0, m, n);
    }
    double[][] cost = new double[m][n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        // with alpha 2 a pair farther than c costs as much as one miss plus one false track
        cost[i][j] = Math.min(Math.pow(dist(x.get(i), y.get(j)), p), Math.pow(c, p));
      }
    }
    int[] a = Hungarian.solve(cost);
    double loc = 0;
    int assigned = 0;
    for (int i = 0; i < m; i++) {
      if (a[i] >= 0 && dist(x.get(i), y.get(a[i])) < c) {
        loc += Math.pow(dist(x.get(i), y.get(a[i])), p);
        assigned++;
      }
    }
    int missed = m - assigned, falses = n - assigned;
    double v = Math.pow(loc + Math.pow(c, p) / 2 * (missed + falses), 1 / p);
    return new Gospa(v, Math.pow(loc, 1 / p), missed, falses);
  }

  /** OSPA between truth {@code x} and estimate {@code y}: 0 when both are empty, c when one is. */
  public static double ospa(List<double[]> x, List<double[]> y, double c, double p) {
    int m = x.size(), n = y.size();
    if (m == 0 && n == 0) return 0;
    if (m == 0 || n == 0) return c;
    List<double[]> small = m <= n ? x : y, big = m <= n ? y : x;
    double[][] cost = new double[small.size()][big.size()];
    for (int i = 0; i < small.size(); i++) {
      for (int j = 0; j < big.size(); j++) {
        cost[i][j] = Math.pow(Math.min(c, dist(small.get(i), big.get(j))), p);
      }
    }
    int[] a = Hungarian.solve(cost);
    double sum = 0;
    for (int i = 0; i < small.size(); i++) {
      sum += cost[i][a[i]];
    }
    sum += Math.pow(c, p) * (big.size() - small.size());
    return Math.pow(sum / big.size(), 1 / p);
  }

  private static double dist(double[] a, double[] b) {
    return Math.hypot(a[0] - b[0], a[1] - b[1]);
  }
}
