package io.watchline.analytics.trends;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Emerging hotspots: a prospective scan of each sector's weekly crossings, judged as the analyst
 * would have seen it at the end of each week.
 *
 * <p>For the cell (sector s, week w) the candidate windows are the last 1 … {@code maxWindow}
 * weeks. Each window's crossings are tested against the same sector's crossings in every week
 * before it (the conditional test of two Poisson counts, exposure = archived nights), so a sector
 * that is always busy is not a hotspot and a quiet one that doubles is; a rise that lasts adds up
 * over a longer window. The cell's {@code p} is the exact probability, for a sector whose rate has
 * not changed, that <em>some</em> window ending at w looks at least as extreme as the best one:
 * given the sector's crossings up to w, the windows' counts are nested binomials, so the chance
 * that none reaches its critical count is summed exactly (no Bonferroni over the windows, which
 * overlap). A cell's p uses no week after w, so a flag never changes as later weeks arrive, and a
 * level α on p flags a share α (or less) of a stationary sector's weeks.
 */
public final class EmergingScan {
  /**
   * One scanned cell: the best window's excess over its baseline in Poisson standard errors
   * ({@code (observed − expected) / √expected}), the cell's p over the windows tried, its
   * Benjamini–Hochberg q over every scanned cell, and the best window with its own p.
   */
  public record Cell(double z, double p, double q, int windowWeeks, double windowP, int windowsTried, int windowCrossings,
      double windowPerNight, double baselinePerNight) {}

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private EmergingScan() {}

  /**
   * Scans every cell whose sector has at least {@code minBaselineWeeks} weeks with nights before the
   * window; other cells are null. {@code crossings[s][w]}, {@code nights[w]}.
   */
  public static Cell[][] scan(int[][] crossings, int[] nights, int maxWindow, int minBaselineWeeks) {
    int sectors = crossings.length;
    int weeks = nights.length;
    // prefix[s][w] = crossings of sector s in weeks < w; nightsBefore[w] likewise.
    long[][] prefix = new long[sectors][weeks + 1];
    long[] nightsBefore = new long[weeks + 1];
    int[] weeksWithNights = new int[weeks + 1];
    for (int w = 0; w < weeks; w++) {
      nightsBefore[w + 1] = nightsBefore[w] + nights[w];
      weeksWithNights[w + 1] = weeksWithNights[w] + (nights[w] > 0 ? 1 : 0);
      for (int s = 0; s < sectors; s++) prefix[s][w + 1] = prefix[s][w] + crossings[s][w];
    }
    Cell[][] out = new Cell[sectors][weeks];
    double[] ps = new double[sectors * weeks];
    java.util.Arrays.fill(ps, Double.NaN);
    for (int s = 0; s < sectors; s++) {
      for (int w = 0; w < weeks; w++) {
        if (nights[w] == 0) continue;
        int total = (int) prefix[s][w + 1];
        long[] windowNights = new long[maxWindow];
        int tried = 0;
        int best = -1;
        double bestP = 2;
        for (int d = 1; d <= maxWindow && w - d + 1 >= 0; d++) {
          int start = w - d + 1;
          if (weeksWithNights[start] < minBaselineWeeks) break;
          windowNights[tried++] = nightsBefore[w + 1] - nightsBefore[start];
          double p = Stats.poissonRiseP((int) (prefix[s][w + 1] - prefix[s][start]), windowNights[tried - 1],
              (int) prefix[s][start], nightsBefore[start]);
          if (p < bestP) {
            bestP = p;
            best = d;
          }
        }
        if (best < 0) continue;
        int start = w - best + 1;
        long a = prefix[s][w + 1] - prefix[s][start];
        double en = nightsBefore[w + 1] - nightsBefore[start];
        double eb = nightsBefore[start];
        double expected = prefix[s][start] * en / eb;
        double p = anyWindowP(total, nightsBefore[w + 1], java.util.Arrays.copyOf(windowNights, tried), bestP);
        out[s][w] = new Cell((a - expected) / Math.sqrt(Math.max(expected, 1)), p, Double.NaN, best, bestP, tried, (int) a,
            a / en, prefix[s][start] / eb);
        ps[s * weeks + w] = p;
      }
    }
    double[] q = Stats.benjaminiHochberg(ps);
    for (int s = 0; s < sectors; s++) {
      for (int w = 0; w < weeks; w++) {
        Cell c = out[s][w];
        if (c != null) out[s][w] = new Cell(c.z(), c.p(), q[s * weeks + w], c.windowWeeks(), c.windowP(), c.windowsTried(),
            c.windowCrossings(), c.windowPerNight(), c.baselinePerNight());
      }
    }
    return out;
  }

  /**
   * For {@code total} crossings spread over the weeks in proportion to their nights, the chance
   * that some window's count reaches the count at which its own p falls to {@code t}.
   * {@code windowNights[i]} are window i's nights out of {@code totalNights}, windows nested and
   * growing. The count in window i, given the count n in window i + 1, is binomial(n, nights of i /
   * nights of i + 1); {@code none[n]} is the chance that no window up to i reaches its critical
   * count, given n in window i.
   */
  static double anyWindowP(int total, long totalNights, long[] windowNights, double t) {
    int windows = windowNights.length;
    int[] critical = new int[windows];
    for (int i = 0; i < windows; i++) critical[i] = criticalCount(total, windowNights[i], totalNights - windowNights[i], t);
    double[] none = new double[critical[0]];
    java.util.Arrays.fill(none, 1);
    for (int i = 1; i < windows; i++) {
      none = weightedRows(critical[i], (double) windowNights[i - 1] / windowNights[i], none);
    }
    double p = 1 - weighted(total, (double) windowNights[windows - 1] / totalNights, none);
    // Exact up to rounding: between the best window's own p and the sum over the windows.
    return Math.min(Math.min(1, windows * t), Math.max(t, p));
  }

  /**
   * The smallest window count whose rise p, computed as {@link Stats#poissonRiseP} computes it, is
   * at most t: a search that starts from the normal approximation and gallops to the boundary.
   */
  private static int criticalCount(int total, double windowNights, double nightsBefore, double t) {
    if (t >= 1) return 0;
    if (total == 0 || nightsBefore <= 0) return total + 1; // every count's p is 1
    double share = windowNights / (windowNights + nightsBefore);
    BinomialDistribution d = new BinomialDistribution(null, total, share);
    java.util.function.IntPredicate atMostT = k -> k > total || (k > 0 && 1 - d.cumulativeProbability(k - 1) <= t);
    double z = t <= 1e-300 ? 40 : Math.min(40, NORMAL.inverseCumulativeProbability(1 - t));
    double guess = total * share + z * Math.sqrt(total * share * (1 - share));
    int k = (int) Math.max(0, Math.min(total + 1, Math.ceil(guess)));
    int lo; // atMostT(lo) is false (or lo = -1)
    int hi; // atMostT(hi) is true
    int step = 1;
    if (atMostT.test(k)) {
      hi = k;
      lo = k - 1;
      while (lo >= 0 && atMostT.test(lo)) {
        hi = lo;
        step <<= 1;
        lo = hi - step;
      }
      lo = Math.max(lo, -1);
    } else {
      lo = k;
      hi = k + 1;
      while (hi <= total && !atMostT.test(hi)) {
        lo = hi;
        step <<= 1;
        hi = lo + step;
      }
      hi = Math.min(hi, total + 1);
    }
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (atMostT.test(mid)) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  /** Σ over k below {@code values.length} of P(binomial(n, r) = k) · values[k]. */
  private static double weighted(int n, double r, double[] values) {
    int top = Math.min(n, values.length - 1);
    if (top < 0) return 0;
    if (r >= 1) return n < values.length ? values[n] : 0;
    // Walk out from the mode with the ratio of neighbouring probabilities: one library call.
    int mode = Math.min(top, (int) Math.floor((n + 1) * r));
    double atMode = new BinomialDistribution(null, n, r).probability(mode);
    double odds = r / (1 - r);
    double sum = atMode * values[mode];
    double pk = atMode;
    for (int k = mode; k < top && pk > 0; k++) {
      pk *= (double) (n - k) / (k + 1) * odds;
      sum += pk * values[k + 1];
    }
    pk = atMode;
    for (int k = mode; k > 0 && pk > 0; k--) {
      pk *= (double) k / (n - k + 1) / odds;
      sum += pk * values[k - 1];
    }
    return sum;
  }

  /**
   * {@link #weighted} for every n below {@code size}: the binomial(n, r) probabilities row by row
   * (Pascal's rule), cut at {@code values.length}, so no special function is evaluated.
   */
  private static double[] weightedRows(int size, double r, double[] values) {
    double[] out = new double[size];
    if (r >= 1) {
      for (int n = 0; n < size; n++) out[n] = n < values.length ? values[n] : 0;
      return out;
    }
    double[] row = new double[values.length + 1];
    row[0] = 1;
    for (int n = 0; n < size; n++) {
      if (n > 0) {
        for (int k = Math.min(n, values.length); k > 0; k--) row[k] = row[k] * (1 - r) + row[k - 1] * r;
        row[0] *= 1 - r;
      }
      double sum = 0;
      for (int k = 0; k < values.length && k <= n; k++) sum += row[k] * values[k];
      out[n] = sum;
    }
    return out;
  }
}
