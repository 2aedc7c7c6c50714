package io.watchline.analytics.trends;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The short text an analyst pastes into an assessment: what changed, where, with the numbers. */
final class Summary {
  private Summary() {}

  static String text(TrendAnalysis a) {
    WeekGrid g = a.grid;
    StringBuilder b = new StringBuilder();
    int nights = 0;
    long incidents = 0;
    for (int w = 0; w < g.weeks; w++) nights += g.nights[w];
    for (int[] row : g.incidents) for (int v : row) incidents += v;
    b.append(String.format(Locale.ROOT, "Border trends %s to %s: %d nights, %d weeks, %d sectors, %d incidents.%n",
        g.from, g.to, nights, g.weeks, g.sectors.size(), incidents));
    b.append("\nTrends (Mann-Kendall on weekly crossings per night, p < 0.05):\n");
    int shown = 0;
    for (TrendAnalysis.SectorTrend t : a.trends) {
      if (t.direction().equals("none")) continue;
      shown++;
      b.append(String.format(Locale.ROOT, "- %s %s: %+.3f crossings/night per week (Sen), p=%.3g, mean %.2f/night%n",
          t.sector(), t.direction(), t.mk().senSlope(), t.mk().p(), t.perNight()));
    }
    if (shown == 0) b.append("- no sector shows a significant trend\n");
    b.append("\nEmerging hotspots (the last 1-3 weeks above the sector's own earlier rate, p < ")
        .append(TrendAnalysis.EMERGING_P).append(" over the windows tried; q: false-discovery rate over all sector-weeks):\n");
    Map<String, List<TrendAnalysis.Hotspot>> bySector = new TreeMap<>();
    for (TrendAnalysis.Hotspot h : a.hotspots) {
      if (h.emerging()) bySector.computeIfAbsent(h.sector(), k -> new java.util.ArrayList<>()).add(h);
    }
    if (bySector.isEmpty()) {
      // say how close the nearest cell came, so "none" is not read as "nothing moved"
      a.hotspots.stream().filter(h -> !Double.isNaN(h.p())).min(java.util.Comparator.comparingDouble(TrendAnalysis.Hotspot::p))
          .ifPresentOrElse(h -> b.append(String.format(Locale.ROOT,
              "- none; the strongest was %s in the week of %s: %.2f crossings/night over %d week(s) against %.2f before"
                  + " (p=%.3g, q=%.3g)%n",
              h.sector(), h.weekStart(), h.windowPerNight(), h.windowWeeks(), h.baselinePerNight(), h.p(), h.q())),
              () -> b.append("- none (fewer than ").append(TrendAnalysis.MIN_BASELINE_WEEKS + 1).append(" weeks)\n"));
    }
    // About one stationary sector-week in a hundred is flagged by chance; q says whether the
    // sector's flags still stand out when the whole period is looked back on. Those come first,
    // so a long archive's chance flags do not bury them.
    for (boolean standingOut : new boolean[] {true, false}) {
      for (Map.Entry<String, List<TrendAnalysis.Hotspot>> e : bySector.entrySet()) {
        TrendAnalysis.Hotspot first = e.getValue().get(0);
        double bestQ = e.getValue().stream().mapToDouble(TrendAnalysis.Hotspot::q).min().orElse(1);
        if ((bestQ < TrendAnalysis.LOOKING_BACK_FDR) != standingOut) continue;
        b.append(String.format(Locale.ROOT,
            "- %s from the week of %s: %.2f crossings/night over the last %d week(s) against %.2f before (p=%.3g, q=%.3g);"
                + " emerging in %d week(s); %s%n",
            e.getKey(), first.weekStart(), first.windowPerNight(), first.windowWeeks(), first.baselinePerNight(), first.p(),
            first.q(), e.getValue().size(), bestQ < TrendAnalysis.LOOKING_BACK_FDR
                ? String.format(Locale.ROOT, "stands out over the whole period too (best q=%.3g)", bestQ)
                : String.format(Locale.ROOT, "over the whole period it may be chance (best q=%.3g)", bestQ)));
      }
    }
    b.append("\nDisplacement (watched km rose, crossings fell, a neighbour's rose):\n");
    if (a.displacements.isEmpty()) b.append("- none\n");
    for (TrendAnalysis.Displacement d : a.displacements) {
      b.append(String.format(Locale.ROOT,
          "- %s -> %s from the week of %s: watched %.1f -> %.1f km/night (p=%.3g); %s %.2f -> %.2f crossings/night (p=%.3g);"
              + " %s %.2f -> %.2f (p=%.3g)%n",
          d.sector(), d.to(), d.weekStart(), d.watchedKmBefore(), d.watchedKmAfter(), d.watchP(), d.sector(),
          d.perNightBefore(), d.perNightAfter(), d.fallP(), d.to(), d.toBefore(), d.toAfter(), d.riseP()));
    }
    b.append("\nSuggested impact levels (EUROSUR, Regulation (EU) 2019/1896 Art. 34; rule in docs/trends.md):\n");
    for (String level : List.of("high", "medium", "low")) {
      List<String> ids = a.impacts.stream().filter(i -> i.level().equals(level)).map(TrendAnalysis.Impact::sector).toList();
      b.append("- ").append(level).append(": ").append(ids.isEmpty() ? "none" : String.join(", ", ids)).append('\n');
    }
    return b.toString();
  }
}
