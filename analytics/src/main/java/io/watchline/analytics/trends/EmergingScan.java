package io.watchline.analytics.trends;

/**
 * Emerging hotspots: a prospective space-time scan on the sector × week grid, then the
 * Benjamini–Hochberg false-discovery rate over every scanned cell.
 *
 * <p>For the cell (sector s, week w) the candidate clusters are cylinders that end at week w: a
 * time window of the last 1 … {@code maxWindow} weeks, over a zone that holds s — s alone, or s
 * with the sector on either side along the border. Each cylinder's crossings in the window are
 * tested against the same zone's own crossings in every week before the window (the conditional
 * test of two Poisson counts, exposure = archived nights), so a sector that is always busy is not
 * a hotspot and a quiet one that doubles is. A rise that lasts several weeks adds up across the
 * window, which a single-week test misses when the first raised weeks draw low. The cell's
 * {@code p} is the smallest cylinder p times the number of cylinders tried (Bonferroni over the
 * choice of window and zone). A zone with a neighbour only counts when the sector's own crossings
 * in that window are above its own earlier rate (p &lt; α): a neighbour's surge alone does not make
 * a sector emerging.
 */
public final class EmergingScan {
  /**
   * One scanned cell: the best cylinder's excess over its baseline in Poisson standard errors
   * ({@code (observed − expected) / √expected}), its p adjusted for the cylinders tried, its BH q.
   */
  public record Cell(double z, double p, double q, int windowWeeks, int zoneFrom, int zoneTo, int windowCrossings,
      double windowPerNight, double baselinePerNight, double ownRiseP) {}

  private EmergingScan() {}

  /**
   * Scans every cell whose sector has at least {@code minBaselineWeeks} weeks with nights before the
   * window; other cells are null. {@code crossings[s][w]}, {@code nights[w]}.
   */
  public static Cell[][] scan(int[][] crossings, int[] nights, int maxWindow, int minBaselineWeeks, boolean zones,
      double alpha) {
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
    for (int s = 0; s < sectors; s++) {
      for (int w = 0; w < weeks; w++) {
        if (nights[w] == 0) continue;
        Cell best = null;
        double bestP = 2;
        int tried = 0;
        for (int d = 1; d <= maxWindow && w - d + 1 >= 0; d++) {
          int start = w - d + 1;
          if (weeksWithNights[start] < minBaselineWeeks) break;
          long ownWindow = prefix[s][w + 1] - prefix[s][start];
          double en = nightsBefore[w + 1] - nightsBefore[start];
          double eb = nightsBefore[start];
          double ownP = Stats.poissonRiseP((int) ownWindow, en, (int) prefix[s][start], eb);
          for (int[] zone : zones ? new int[][] {{s, s}, {s - 1, s}, {s, s + 1}} : new int[][] {{s, s}}) {
            if (zone[0] < 0 || zone[1] >= sectors) continue;
            tried++;
            long a = 0;
            long b = 0;
            for (int t = zone[0]; t <= zone[1]; t++) {
              a += prefix[t][w + 1] - prefix[t][start];
              b += prefix[t][start];
            }
            double p = Stats.poissonRiseP((int) a, en, (int) b, eb);
            if (zone[0] != zone[1] && ownP >= alpha) p = 1;
            if (p < bestP) {
              bestP = p;
              double expected = eb == 0 ? 0 : b * en / eb;
              double excess = (a - expected) / Math.sqrt(Math.max(expected, 1));
              best = new Cell(excess, p, Double.NaN, d, zone[0], zone[1], (int) ownWindow, ownWindow / en, prefix[s][start] / eb, ownP);
            }
          }
        }
        if (best == null) continue;
        double p = Math.min(1, bestP * tried);
        out[s][w] = new Cell(best.z(), p, Double.NaN, best.windowWeeks(), best.zoneFrom(), best.zoneTo(),
            best.windowCrossings(), best.windowPerNight(), best.baselinePerNight(), best.ownRiseP());
      }
    }
    double[] ps = new double[sectors * weeks];
    for (int s = 0; s < sectors; s++) for (int w = 0; w < weeks; w++) ps[s * weeks + w] = out[s][w] == null ? Double.NaN : out[s][w].p();
    double[] q = Stats.benjaminiHochberg(ps);
    for (int s = 0; s < sectors; s++) {
      for (int w = 0; w < weeks; w++) {
        Cell c = out[s][w];
        if (c != null) out[s][w] = new Cell(c.z(), c.p(), q[s * weeks + w], c.windowWeeks(), c.zoneFrom(), c.zoneTo(),
            c.windowCrossings(), c.windowPerNight(), c.baselinePerNight(), c.ownRiseP());
      }
    }
    return out;
  }
}
