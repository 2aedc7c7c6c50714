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

  /**
   * Getis–Ord Gi* z-scores on a sector × week grid of values (NaN = no data, left out). The
   * neighbourhood of a cell is the cell itself (weight 1) and the sectors on either side along
   * the border in the same week (weight {@code neighbourWeight}); mean and spread are over every
   * cell of the grid. Returns NaN where the cell has no data.
   */
  public static double[][] giStar(double[][] x, double neighbourWeight, boolean robust) {
    int rows = x.length;
    int cols = rows == 0 ? 0 : x[0].length;
    double sum = 0;
    double sumSq = 0;
    int n = 0;
    for (double[] row : x) {
      for (double v : row) {
        if (!Double.isNaN(v)) {
          sum += v;
          sumSq += v * v;
          n++;
        }
      }
    }
    double[][] z = new double[rows][cols];
    double mean = n == 0 ? 0 : sum / n;
    double sd = n == 0 ? 0 : Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    if (robust && n > 0) {
      double[] v = Arrays.stream(x).flatMapToDouble(Arrays::stream).filter(d -> !Double.isNaN(d)).sorted().toArray();
      mean = median(v);
      final double m = mean;
      sd = 1.4826 * median(Arrays.stream(v).map(d -> Math.abs(d - m)).sorted().toArray());
    }
    for (int s = 0; s < rows; s++) {
      for (int w = 0; w < cols; w++) {
        if (Double.isNaN(x[s][w]) || sd == 0 || n < 2) {
          z[s][w] = Double.isNaN(x[s][w]) ? Double.NaN : 0;
          continue;
        }
        double wx = 0;
        double ws = 0;
        double ws2 = 0;
        for (int d = -1; d <= 1; d++) {
          int t = s + d;
          if (t < 0 || t >= rows || Double.isNaN(x[t][w])) continue;
          double wt = d == 0 ? 1 : neighbourWeight;
          wx += wt * x[t][w];
          ws += wt;
          ws2 += wt * wt;
        }
        double denom = sd * Math.sqrt(Math.max(0, (n * ws2 - ws * ws) / (n - 1)));
        z[s][w] = denom == 0 ? 0 : (wx - mean * ws) / denom;
      }
    }
    return z;
  }

  /** Median of sorted values. */
  static double median(double[] sorted) {
    int n = sorted.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** One-sided p-value of a hot spot: P(Z ≥ z). */
  public static double hotP(double z) {
    return Double.isNaN(z) ? Double.NaN : 1 - NORMAL.cumulativeProbability(z);
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
}
