package io.watchline.analytics;

/**
 * Tried in {@link HotspotScanTuning}, not used by the report (docs/trends.md says why): a
 * one-sided Poisson CUSUM per sector: evidence, accumulated week by week, that the sector's
 * crossing rate has risen by the factor {@code rise} over its own earlier rate.
 *
 * <p>Each week adds the log-likelihood ratio of its count under the raised rate against the
 * baseline, {@code x·ln(rise) − μ0·(rise − 1)} with {@code μ0} = baseline rate × the week's nights,
 * and the sum is floored at 0. The baseline is the sector's rate over every week before the current
 * run began (the last week the sum was at 0), so a sustained rise is not absorbed into its own
 * baseline. A sector needs {@code minBaselineWeeks} weeks with nights before the run; until then the
 * statistic stays 0. The statistic is in log-likelihood units, so one threshold serves busy and quiet
 * sectors alike.
 */
final class PoissonCusum {
  private PoissonCusum() {}

  /** {@code crossings[s][w]}, {@code nights[w]}: the statistic of every sector-week (NaN for weeks without nights). */
  static double[][] statistic(int[][] crossings, int[] nights, double rise, int minBaselineWeeks) {
    int sectors = crossings.length;
    int weeks = nights.length;
    double lnRise = Math.log(rise);
    double[][] out = new double[sectors][weeks];
    for (int s = 0; s < sectors; s++) {
      double sum = 0;
      long baseCrossings = 0;
      long baseNights = 0;
      int baseWeeks = 0;
      // Weeks of the current run (sum > 0): they join the baseline only when the run ends.
      long runCrossings = 0;
      long runNights = 0;
      int runWeeks = 0;
      for (int w = 0; w < weeks; w++) {
        if (nights[w] == 0) {
          out[s][w] = Double.NaN;
          continue;
        }
        if (baseWeeks >= minBaselineWeeks && baseNights > 0) {
          double mu0 = (double) baseCrossings / baseNights * nights[w];
          sum = Math.max(0, sum + crossings[s][w] * lnRise - mu0 * (rise - 1));
        }
        runCrossings += crossings[s][w];
        runNights += nights[w];
        runWeeks++;
        if (sum == 0) {
          baseCrossings += runCrossings;
          baseNights += runNights;
          baseWeeks += runWeeks;
          runCrossings = 0;
          runNights = 0;
          runWeeks = 0;
        }
        out[s][w] = sum;
      }
    }
    return out;
  }
}
