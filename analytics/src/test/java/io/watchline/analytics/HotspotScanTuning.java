package io.watchline.analytics;

import io.watchline.analytics.trends.EmergingScan;
import io.watchline.analytics.trends.Stats;
import io.watchline.analytics.trends.TrendAnalysis;
import io.watchline.fixtures.months.MonthsScenario;
import io.watchline.fixtures.months.PlantedChange;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the scan's settings were chosen: on seeds 11–40 (never the checking seeds 1–10 of
 * {@link PlantedChangesTest}), each variant's planted hotspots flagged within 2 weeks and its
 * stationary sector-weeks flagged: the report's rule at several windows and levels, the earlier
 * Benjamini–Hochberg rule (judged on the whole report and week by week), and a Poisson CUSUM
 * ({@link PoissonCusum}, tried and not adopted). Not part of the default run (a few minutes):
 * {@code mvn -B -o -pl analytics -am test -Dtest=HotspotScanTuning -Dtrends.tuning=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "trends.tuning", matches = "true")
class HotspotScanTuning {
  @TempDir Path tmp;

  @Test
  void printsEachVariant() throws Exception {
    LocalDate first = LocalDate.of(2026, 1, 5);
    List<MonthsScenario> scenarios = new ArrayList<>();
    List<TrendAnalysis> analyses = new ArrayList<>();
    for (long seed = 11; seed <= 40; seed++) {
      scenarios.add(MonthsScenario.draw(seed, first, 112, PlantedChangesTest.sectors(12)));
      analyses.add(PlantedChangesTest.analyse(tmp, seed, 112));
    }
    // The report's rule: the scan's p (exact over the windows tried) below a level. A cell's p uses
    // no later week, so judging the whole report equals judging each week as it came.
    for (int window = 1; window <= 4; window++) {
      for (double level : new double[] {0.005, 0.01, 0.02}) {
        int win = window;
        int[] r = count(first, scenarios, analyses, t -> {
          EmergingScan.Cell[][] c = EmergingScan.scan(t.grid.crossings, t.grid.nights, win, TrendAnalysis.MIN_BASELINE_WEEKS);
          return (k, w) -> c[k][w] != null && c[k][w].p() < level;
        });
        System.out.printf(Locale.ROOT, "window <= %d weeks, p < %.3f: on time %d/%d, stationary flagged %d/%d (%.2f %%)%n",
            window, level, r[0], scenarios.size(), r[1], r[2], 100.0 * r[1] / r[2]);
      }
    }
    // The earlier rule: the best window's p × the windows tried, Benjamini–Hochberg over every cell of
    // the report, q < FDR; judged on the whole 16 weeks, and as the analyst saw it at each week (the
    // report run on the weeks up to then).
    for (double fdr : new double[] {0.05, 0.10, 0.20}) {
      int[] whole = count(first, scenarios, analyses, t -> {
        double[][] q = bonferroniBh(t.grid.crossings, t.grid.nights);
        return (k, w) -> q[k][w] < fdr;
      });
      int[] asOf = count(first, scenarios, analyses, t -> {
        boolean[][] f = new boolean[t.grid.sectors.size()][t.grid.weeks];
        for (int w = 0; w < t.grid.weeks; w++) {
          int upTo = w + 1;
          int[][] cut = java.util.Arrays.stream(t.grid.crossings).map(row -> java.util.Arrays.copyOf(row, upTo)).toArray(int[][]::new);
          double[][] q = bonferroniBh(cut, java.util.Arrays.copyOf(t.grid.nights, upTo));
          for (int k = 0; k < f.length; k++) f[k][w] = q[k][w] < fdr;
        }
        return (k, w) -> f[k][w];
      });
      System.out.printf(Locale.ROOT, "window <= 3 weeks, p x windows, BH q < %.2f: on time %d/%d, stationary flagged %d/%d (%.2f %%);"
          + " as of each week: on time %d/%d, stationary flagged %d (%.2f %%)%n", fdr, whole[0], scenarios.size(), whole[1], whole[2],
          100.0 * whole[1] / whole[2], asOf[0], scenarios.size(), asOf[1], 100.0 * asOf[1] / asOf[2]);
    }
    // A Poisson CUSUM for a doubling (tried, not adopted), alone and beside the scan.
    for (double h : new double[] {3, 5, 8}) {
      int[] r = count(first, scenarios, analyses, t -> {
        EmergingScan.Cell[][] c = EmergingScan.scan(t.grid.crossings, t.grid.nights, TrendAnalysis.SCAN_WEEKS,
            TrendAnalysis.MIN_BASELINE_WEEKS);
        double[][] cu = PoissonCusum.statistic(t.grid.crossings, t.grid.nights, 2.0, TrendAnalysis.MIN_BASELINE_WEEKS);
        return (k, w) -> (c[k][w] != null && c[k][w].p() < TrendAnalysis.EMERGING_P) || cu[k][w] >= h;
      });
      int[] alone = count(first, scenarios, analyses, t -> {
        double[][] cu = PoissonCusum.statistic(t.grid.crossings, t.grid.nights, 2.0, TrendAnalysis.MIN_BASELINE_WEEKS);
        return (k, w) -> cu[k][w] >= h;
      });
      System.out.printf(Locale.ROOT, "scan or CUSUM(rise 2) >= %.0f: on time %d/%d, stationary flagged %d/%d (%.2f %%);"
          + " CUSUM alone: on time %d, stationary flagged %d (%.2f %%)%n", h, r[0], scenarios.size(), r[1], r[2], 100.0 * r[1] / r[2],
          alone[0], alone[1], 100.0 * alone[1] / alone[2]);
    }
  }

  /** The earlier rule's q: min(1, best window p × windows tried), Benjamini–Hochberg over every cell; 1 when not scanned. */
  private static double[][] bonferroniBh(int[][] crossings, int[] nights) {
    EmergingScan.Cell[][] c = EmergingScan.scan(crossings, nights, TrendAnalysis.SCAN_WEEKS, TrendAnalysis.MIN_BASELINE_WEEKS);
    int weeks = nights.length;
    double[] p = new double[c.length * weeks];
    for (int k = 0; k < c.length; k++) {
      for (int w = 0; w < weeks; w++) p[k * weeks + w] = c[k][w] == null ? Double.NaN : Math.min(1, c[k][w].windowP() * c[k][w].windowsTried());
    }
    double[] q = Stats.benjaminiHochberg(p);
    double[][] out = new double[c.length][weeks];
    for (int k = 0; k < c.length; k++) for (int w = 0; w < weeks; w++) out[k][w] = Double.isNaN(q[k * weeks + w]) ? 1 : q[k * weeks + w];
    return out;
  }

  /** Whether the cell (sector k, week w) is flagged. */
  interface Flags {
    boolean flagged(int k, int w);
  }

  /** {on time, stationary sector-weeks flagged, stationary sector-weeks} over the tuning seeds. */
  private static int[] count(LocalDate first, List<MonthsScenario> scenarios, List<TrendAnalysis> analyses,
      Function<TrendAnalysis, Flags> detector) {
    int[] r = new int[3];
    for (int i = 0; i < scenarios.size(); i++) {
      MonthsScenario s = scenarios.get(i);
      TrendAnalysis t = analyses.get(i);
      PlantedChange hot = s.changes().stream().filter(c -> c.kind().equals(PlantedChange.EMERGING_HOTSPOT)).findFirst().orElseThrow();
      PlantedChange disp = s.changes().stream().filter(c -> c.kind().equals(PlantedChange.DISPLACEMENT)).findFirst().orElseThrow();
      int start = (int) ((hot.start().toEpochDay() - first.toEpochDay()) / 7);
      Flags f = detector.apply(t);
      int hs = t.grid.sectors.indexOf(hot.sector());
      for (int w = start; w <= start + 2; w++) {
        if (f.flagged(hs, w)) {
          r[0]++;
          break;
        }
      }
      Set<String> changed = Set.of(hot.sector(), disp.sector(), disp.to());
      for (int k = 0; k < t.grid.sectors.size(); k++) {
        if (changed.contains(t.grid.sectors.get(k))) continue;
        for (int w = 0; w < t.grid.weeks; w++) {
          r[2]++;
          if (f.flagged(k, w)) r[1]++;
        }
      }
    }
    return r;
  }
}
