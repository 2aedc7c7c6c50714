package io.watchline.analytics.trends;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * What changed, where: per-sector trend tests, emerging hotspots, displacement and the suggested
 * impact level, from a {@link WeekGrid}. Every threshold is a constant here and in docs/trends.md.
 */
public final class TrendAnalysis {
  /** Significance level of every test. */
  public static final double ALPHA = 0.05;
  /** Weeks of history a sector needs before the scan window (else the cell is not scanned). */
  public static final int MIN_BASELINE_WEEKS = 3;
  /** Longest scan window: a rise is looked for over the last 1, 2 or 3 weeks. */
  public static final int SCAN_WEEKS = 3;
  /**
   * A cell is emerging when its scan p (exact over the windows tried) is below this: the share of a
   * stationary sector's weeks that may be flagged, about one week in a hundred. Chosen on the tuning
   * seeds 11–40 (docs/trends.md).
   */
  public static final double EMERGING_P = 0.01;
  /** The summary says a sector's flags stand out over the whole period when its best q is below this. */
  public static final double LOOKING_BACK_FDR = 0.10;
  /** A displacement needs the watched km (sensor + patrol) to rise by at least this share. */
  public static final double MIN_WATCH_RISE = 0.20;
  /** … and the sector's crossings to fall to at most this share of before. */
  public static final double MAX_FALL_RATIO = 0.8;
  /** Weeks counted as "recent" for the impact level. */
  public static final int RECENT_WEEKS = 4;

  public record SectorTrend(String sector, Stats.MannKendall mk, double perNight, String direction) {}

  /**
   * One sector-week of the emerging-hotspot scan: z (excess in Poisson standard errors) and p of
   * the best window (p exact over the windows tried), q its Benjamini–Hochberg value over every
   * scanned cell of the report (a retrospective false-discovery rate); NaN when not scanned.
   */
  public record Hotspot(String sector, int week, LocalDate weekStart, int crossings, double perNight, double z, double p,
      double q, int windowWeeks, double windowPerNight, double baselinePerNight, boolean emerging) {}

  public record Displacement(String sector, String to, int week, LocalDate weekStart, double watchedKmBefore,
      double watchedKmAfter, double watchP, double perNightBefore, double perNightAfter, double fallP, double toBefore,
      double toAfter, double riseP) {}

  public record Impact(String sector, String level, int points, double recentPerNight10km, double rateRatio,
      double uncoveredShare, double patrolShare, String explanation) {}

  public final WeekGrid grid;
  public final List<SectorTrend> trends = new ArrayList<>();
  public final List<Hotspot> hotspots = new ArrayList<>();
  public final List<Displacement> displacements = new ArrayList<>();
  public final List<Impact> impacts = new ArrayList<>();

  public TrendAnalysis(WeekGrid g) {
    this.grid = g;
    int sectors = g.sectors.size();
    double[][] rate = new double[sectors][g.weeks];
    for (int s = 0; s < sectors; s++) {
      for (int w = 0; w < g.weeks; w++) rate[s][w] = g.crossingRate(s, w);
      Stats.MannKendall mk = Stats.mannKendall(rate[s]);
      trends.add(new SectorTrend(g.sectors.get(s), mk, ratePerNight(s, 0, g.weeks), mk.direction(ALPHA)));
    }
    EmergingScan.Cell[][] scan = EmergingScan.scan(g.crossings, g.nights, SCAN_WEEKS, MIN_BASELINE_WEEKS);
    for (int s = 0; s < sectors; s++) {
      for (int w = 0; w < g.weeks; w++) {
        if (g.nights[w] == 0) continue;
        EmergingScan.Cell c = scan[s][w];
        hotspots.add(c == null
            ? new Hotspot(g.sectors.get(s), w, g.weekStart(w), g.crossings[s][w], rate[s][w], Double.NaN, Double.NaN, Double.NaN,
                0, Double.NaN, Double.NaN, false)
            : new Hotspot(g.sectors.get(s), w, g.weekStart(w), g.crossings[s][w], rate[s][w], c.z(), c.p(), c.q(),
                c.windowWeeks(), c.windowPerNight(), c.baselinePerNight(), c.p() < EMERGING_P));
      }
    }
    for (int s = 0; s < sectors; s++) displacement(s);
    impacts();
  }

  private double ratePerNight(int s, int fromWeek, int toWeek) {
    int c = 0;
    int n = 0;
    for (int w = Math.max(0, fromWeek); w < toWeek; w++) {
      c += grid.crossings[s][w];
      n += grid.nights[w];
    }
    return n == 0 ? Double.NaN : (double) c / n;
  }

  /** Watched km per night (sensor + patrol) in the weeks that have nights, in order. */
  private double[] watched(int s, int fromWeek, int toWeek) {
    List<Double> out = new ArrayList<>();
    for (int w = fromWeek; w < toWeek; w++) {
      if (grid.nights[w] > 0) out.add((grid.sensorKm[s][w] + grid.patrolKm[s][w]) / grid.nights[w]);
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * A sector's crossings fell after its watched km rose, while a neighbour's rose: the week the
   * watched km rose most clearly (largest t statistic, at least 3 weeks before and 2 after) splits
   * before from after; each of the three changes must be significant.
   */
  private void displacement(int s) {
    WeekGrid g = grid;
    int best = -1;
    double bestT = 0;
    for (int c = 3; c <= g.weeks - 2; c++) {
      double[] before = watched(s, 0, c);
      double[] after = watched(s, c, g.weeks);
      if (before.length < 3 || after.length < 2) continue;
      double t = welchT(before, after);
      if (t > bestT) {
        bestT = t;
        best = c;
      }
    }
    if (best < 0) return;
    double[] before = watched(s, 0, best);
    double[] after = watched(s, best, g.weeks);
    double mb = Arrays.stream(before).average().orElse(0);
    double ma = Arrays.stream(after).average().orElse(0);
    double watchP = new TTest().tTest(before, after);
    if (!(ma >= mb * (1 + MIN_WATCH_RISE) && watchP < ALPHA)) return;
    int[] cn = counts(s, best);
    double rb = (double) cn[0] / cn[2];
    double ra = (double) cn[1] / cn[3];
    double fallP = Stats.poissonFallP(cn[1], cn[3], cn[0], cn[2]);
    if (!(ra <= MAX_FALL_RATIO * rb && fallP < ALPHA)) return;
    Displacement found = null;
    for (int t : new int[] {s - 1, s + 1}) {
      if (t < 0 || t >= g.sectors.size()) continue;
      int[] tn = counts(t, best);
      double riseP = Stats.poissonRiseP(tn[1], tn[3], tn[0], tn[2]);
      if (riseP < ALPHA && (found == null || riseP < found.riseP())) {
        found = new Displacement(g.sectors.get(s), g.sectors.get(t), best, g.weekStart(best), mb, ma, watchP, rb, ra, fallP,
            (double) tn[0] / tn[2], (double) tn[1] / tn[3], riseP);
      }
    }
    if (found != null) displacements.add(found);
  }

  /** Crossings before / after week c and the nights of each: {before, after, nightsBefore, nightsAfter}. */
  private int[] counts(int s, int c) {
    int[] r = new int[4];
    for (int w = 0; w < grid.weeks; w++) {
      r[w < c ? 0 : 1] += grid.crossings[s][w];
      r[w < c ? 2 : 3] += grid.nights[w];
    }
    return r;
  }

  private static double welchT(double[] a, double[] b) {
    double ma = Arrays.stream(a).average().orElse(0);
    double mb = Arrays.stream(b).average().orElse(0);
    double va = variance(a, ma) / a.length;
    double vb = variance(b, mb) / b.length;
    return va + vb == 0 ? (mb > ma ? Double.MAX_VALUE : 0) : (mb - ma) / Math.sqrt(va + vb);
  }

  private static double variance(double[] a, double m) {
    double v = 0;
    for (double x : a) v += (x - m) * (x - m);
    return a.length < 2 ? 0 : v / (a.length - 1);
  }

  /**
   * Suggested impact level (EUROSUR border sections, Regulation (EU) 2019/1896 Art. 34). Points:
   * recent crossings per night per 10 km of border at least 1.5× the sectors' median +2 (at least
   * the median +1); a rising Mann–Kendall trend +1; an emerging hotspot in the last 2 weeks +1;
   * 30 % or more of the border uncovered +1; patrols on less than 10 % of it +1. High from 4
   * points, medium from 2, else low.
   */
  private void impacts() {
    WeekGrid g = grid;
    int recentFrom = g.weeks - RECENT_WEEKS;
    double[] per10 = new double[g.sectors.size()];
    for (int s = 0; s < per10.length; s++) {
      double r = ratePerNight(s, recentFrom, g.weeks);
      per10[s] = g.borderKm[s] > 0 ? r / g.borderKm[s] * 10 : r;
    }
    double[] sorted = Arrays.stream(per10).filter(v -> !Double.isNaN(v)).sorted().toArray();
    double median = sorted.length == 0 ? Double.NaN : sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    for (int s = 0; s < per10.length; s++) {
      List<String> why = new ArrayList<>();
      int points = 0;
      double ratio = median > 0 ? per10[s] / median : Double.NaN;
      int ratePoints = ratio >= 1.5 ? 2 : ratio >= 1.0 ? 1 : 0;
      points += ratePoints;
      why.add(String.format(Locale.ROOT, "%.2f crossings/night/10 km, %.2f× median %+d", per10[s], ratio, ratePoints));
      SectorTrend t = trends.get(s);
      if (t.direction().equals("rising")) {
        points++;
        why.add(String.format(Locale.ROOT, "rising (Mann-Kendall p=%.3g) +1", t.mk().p()));
      }
      final int sector = s;
      boolean emerging = hotspots.stream().anyMatch(h -> h.sector().equals(g.sectors.get(sector)) && h.emerging()
          && h.week() >= g.weeks - 2);
      if (emerging) {
        points++;
        why.add("emerging hotspot in the last 2 weeks +1");
      }
      double border = g.borderKm[s];
      double unc = share(g.uncoveredKm[s], recentFrom, border);
      double pat = share(g.patrolKm[s], recentFrom, border);
      if (unc >= 0.30) {
        points++;
        why.add(String.format(Locale.ROOT, "%.0f %% uncovered +1", 100 * unc));
      }
      if (pat < 0.10) {
        points++;
        why.add(String.format(Locale.ROOT, "patrols on %.0f %% of the border +1", 100 * pat));
      }
      String level = points >= 4 ? "high" : points >= 2 ? "medium" : "low";
      impacts.add(new Impact(g.sectors.get(s), level, points, per10[s], ratio, unc, pat,
          String.join("; ", why) + " = " + points + " points"));
    }
  }

  /** Mean nightly km over the recent weeks as a share of the sector's border (NaN without a sector table). */
  private double share(double[] sums, int fromWeek, double borderKm) {
    double km = 0;
    int n = 0;
    for (int w = Math.max(0, fromWeek); w < grid.weeks; w++) {
      km += sums[w];
      n += grid.nights[w];
    }
    return n == 0 || borderKm <= 0 ? Double.NaN : km / n / borderKm;
  }
}
