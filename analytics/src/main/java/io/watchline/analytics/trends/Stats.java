package io.watchline.analytics.trends;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/** The statistical tests of the trends report, each on plain arrays so tests can check them by hand. */
public final class Stats {
  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private Stats() {}

  /**
   * Mann–Kendall trend test. {@code s}: the statistic, {@code z} the continuity-corrected normal
   * score (ties corrected), {@code p} two-sided; {@code senSlope} the median pairwise slope (per step).
   */
  public record MannKendall(int n, long s, double varS, double z, double p, double senSlope) {
    public String direction(double alpha) {
      return p >= alpha || s == 0 ? "none" : s > 0 ? "rising" : "falling";
    }
  }

  /** Mann–Kendall on the values that are not NaN, in order. */
  public static MannKendall mannKendall(double[] series) {
    double[] x = Arrays.stream(series).filter(v -> !Double.isNaN(v)).toArray();
    int[] at = new int[x.length];
    for (int i = 0, k = 0; i < series.length; i++) if (!Double.isNaN(series[i])) at[k++] = i;
    int n = x.length;
    if (n < 3) return new MannKendall(n, 0, 0, 0, 1, 0);
    long s = 0;
    double[] slopes = new double[n * (n - 1) / 2];
    int k = 0;
    for (int i = 0; i < n - 1; i++) {
      for (int j = i + 1; j < n; j++) {
        s += Double.compare(x[j], x[i]);
        slopes[k++] = (x[j] - x[i]) / (at[j] - at[i]);
      }
    }
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    double ties = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && sorted[j] == sorted[i]) j++;
      int t = j - i;
      ties += t * (t - 1.0) * (2 * t + 5);
      i = j;
    }
    double var = (n * (n - 1.0) * (2 * n + 5) - ties) / 18;
    double z = var <= 0 ? 0 : s > 0 ? (s - 1) / Math.sqrt(var) : s < 0 ? (s + 1) / Math.sqrt(var) : 0;
    double p = Math.min(1, 2 * (1 - NORMAL.cumulativeProbability(Math.abs(z))));
    Arrays.sort(slopes);
    double sen = slopes.length % 2 == 1 ? slopes[slopes.length / 2]
        : (slopes[slopes.length / 2 - 1] + slopes[slopes.length / 2]) / 2;
    return new MannKendall(n, s, var, z, p, sen);
  }

  /** Two-sided p-value of a standard normal score. */
  public static double twoSidedP(double z) {
    return Double.isNaN(z) ? Double.NaN : Math.min(1, 2 * (1 - NORMAL.cumulativeProbability(Math.abs(z))));
  }

  /**
   * Conditional test of two Poisson counts: {@code a} events in exposure {@code ea} against
   * {@code b} in {@code eb}. Under equal rates, a given a + b is binomial with p = ea / (ea + eb).
   * Returns P(A ≥ a): small when the first rate is higher.
   */
  public static double poissonRiseP(int a, double ea, int b, double eb) {
    if (a + b == 0 || ea <= 0 || eb <= 0) return 1;
    BinomialDistribution d = new BinomialDistribution(null, a + b, ea / (ea + eb));
    return a == 0 ? 1 : 1 - d.cumulativeProbability(a - 1);
  }

  /** As {@link #poissonRiseP}, P(A ≤ a): small when the first rate is lower. */
  public static double poissonFallP(int a, double ea, int b, double eb) {
    if (a + b == 0 || ea <= 0 || eb <= 0) return 1;
    return new BinomialDistribution(null, a + b, ea / (ea + eb)).cumulativeProbability(a);
  }

  /**
   * Benjamini–Hochberg adjusted p-values (q): the false-discovery rate at which each test would
   * just be called significant among all the tests given. NaN entries are not tests and stay NaN.
   */
  public static double[] benjaminiHochberg(double[] p) {
    double[] q = new double[p.length];
    Arrays.fill(q, Double.NaN);
    Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
        .sorted((a, b) -> Double.compare(p[a], p[b])).toArray(Integer[]::new);
    int m = order.length;
    double running = 1;
    for (int r = m - 1; r >= 0; r--) {
      running = Math.min(running, p[order[r]] * m / (r + 1));
      q[order[r]] = running;
    }
    return q;
  }
}
