package io.watchline.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.analytics.archive.NightArchive;
import io.watchline.analytics.trends.TrendAnalysis;
import io.watchline.analytics.trends.WeekGrid;
import io.watchline.fixtures.months.MonthsScenario;
import io.watchline.fixtures.months.MonthsWriter;
import io.watchline.fixtures.months.PlantedChange;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Done-when of the trends work: planted changes on a 16-week archive over 10 seeds. */
class PlantedChangesTest {
  @TempDir Path tmp;

  static List<MonthsScenario.SectorInput> sectors(int n) {
    List<MonthsScenario.SectorInput> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(new MonthsScenario.SectorInput(String.format(Locale.ROOT, "S-%02d", i), null, "ALB/MNE", 10, 42 + i * 0.05, 19.3));
    }
    return out;
  }

  /** Simulates, archives and analyses one seed. */
  static TrendAnalysis analyse(Path tmp, long seed, int nights) throws Exception {
    MonthsScenario s = MonthsScenario.draw(seed, LocalDate.of(2026, 1, 5), nights, sectors(12));
    Path dir = tmp.resolve("sim-" + seed);
    MonthsWriter.write(s, dir);
    try (NightArchive a = NightArchive.open(tmp.resolve("a-" + seed + ".duckdb"))) {
      a.addAll(dir);
      return new TrendAnalysis(WeekGrid.load(a, null, null));
    }
  }

  @Test
  void plantedHotspotAndDisplacementAreFoundAndStationarySectorsRarelyFlagged() throws Exception {
    int stationaryWeeks = 0;
    int stationaryFlagged = 0;
    int hotspotsOnTime = 0;
    int displacementsFound = 0;
    List<String> lines = new ArrayList<>();
    for (long seed = 1; seed <= 10; seed++) {
      MonthsScenario s = MonthsScenario.draw(seed, LocalDate.of(2026, 1, 5), 112, sectors(12));
      TrendAnalysis t = analyse(tmp, seed, 112);
      PlantedChange hot = s.changes().stream().filter(c -> c.kind().equals(PlantedChange.EMERGING_HOTSPOT)).findFirst().orElseThrow();
      PlantedChange disp = s.changes().stream().filter(c -> c.kind().equals(PlantedChange.DISPLACEMENT)).findFirst().orElseThrow();
      int startWeek = (int) ((hot.start().toEpochDay() - LocalDate.of(2026, 1, 5).toEpochDay()) / 7);
      int firstFlag = t.hotspots.stream().filter(h -> h.sector().equals(hot.sector()) && h.emerging() && h.week() >= startWeek)
          .mapToInt(TrendAnalysis.Hotspot::week).min().orElse(-1);
      boolean displaced = t.displacements.stream().anyMatch(d -> d.sector().equals(disp.sector()) && d.to().equals(disp.to()));
      Set<String> changed = Set.of(hot.sector(), disp.sector(), disp.to());
      for (TrendAnalysis.Hotspot h : t.hotspots) {
        if (changed.contains(h.sector())) continue;
        stationaryWeeks++;
        boolean flagged = h.emerging() || t.displacements.stream().anyMatch(d -> d.sector().equals(h.sector()) || d.to().equals(h.sector()));
        if (flagged) stationaryFlagged++;
      }
      lines.add(String.format(Locale.ROOT, "seed %d: hotspot %s week %d flagged week %d; displacement %s->%s %s; emerging cells %s",
          seed, hot.sector(), startWeek + 1, firstFlag + 1, disp.sector(), disp.to(), displaced ? "flagged" : "MISSED",
          t.hotspots.stream().filter(TrendAnalysis.Hotspot::emerging).map(h -> h.sector() + "/" + (h.week() + 1)).collect(Collectors.joining(" "))));
      if (firstFlag >= startWeek && firstFlag <= startWeek + 2) hotspotsOnTime++;
      if (displaced) displacementsFound++;
      final int sw = startWeek;
      t.hotspots.stream().filter(h -> h.sector().equals(hot.sector()) && h.week() >= sw - 1 && h.week() <= sw + 3)
          .forEach(h -> lines.add(String.format(Locale.ROOT, "   %s w%d n=%d window=%dw z=%.2f p=%.4f q=%.3f base=%.2f", h.sector(),
              h.week() + 1, h.crossings(), h.windowWeeks(), h.z(), h.p(), h.q(), h.baselinePerNight())));
    }
    double share = (double) stationaryFlagged / stationaryWeeks;
    lines.forEach(System.out::println);
    System.out.printf(Locale.ROOT, "stationary sector-weeks flagged: %d of %d (%.2f %%)%n", stationaryFlagged, stationaryWeeks, 100 * share);
    System.out.printf(Locale.ROOT, "hotspots flagged within 2 weeks: %d of 10; displacements flagged: %d of 10%n",
        hotspotsOnTime, displacementsFound);
    // Seeds 1-10 only check; the scan's level was chosen on seeds 11-40 (HotspotScanTuning: 27 of
    // 30 in time, 0.60 % of stationary sector-weeks flagged). Measured here: 10 of 10 within 2 weeks
    // (flagged in weeks 7, 6, 8, 6, 6, 7, 6, 6, 6, 8), stationary sector-weeks flagged 11 of 1,440
    // (0.76 %). 3 of the 30 tuning seeds drew too weak a rise to be found in time, so a change to
    // the simulator's draws can cost one of the ten without the scan getting worse.
    assertThat(hotspotsOnTime).isEqualTo(10);
    assertThat(displacementsFound).isEqualTo(10);
    assertThat(share).isLessThan(0.02);
  }
}
