package io.watchline.geo.coverage;

import io.watchline.geo.context.BorderContext;
import io.watchline.geo.coverage.CoverageResult.BorderSample;
import io.watchline.geo.coverage.CoverageResult.Gap;
import io.watchline.geo.coverage.CoverageResult.GridFrame;
import io.watchline.geo.coverage.CoverageResult.SectorRow;
import io.watchline.geo.sector.Sector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One row per sector: border length, length in gaps, seen by sensors, patrolled, mean and worst
 * unwatched time, and the share of the sector's band cells neither seen nor patrolled. Marks the
 * band cells in {@code inBand} while counting them.
 */
final class SectorTable {
  private SectorTable() {}

  static List<SectorRow> rows(BorderContext ctx, GridFrame frame, Terrain terrain, CoverageOptions o, float[] seenPd,
      byte[] patrolled, byte[] inBand, BorderSample[] samples, GapFinder.Found found) {
    List<Sector> sectorList = ctx.sectors();
    int ns = sectorList.size();
    long[] bandCells = new long[ns];
    long[] bandOpen = new long[ns];
    IntStream.range(0, frame.height()).parallel().forEach(r -> {
      long[] cells = new long[ns];
      long[] open = new long[ns];
      for (int c = 0; c < frame.width(); c++) {
        int s = ctx.sectorAt(frame.centerX(c), frame.centerY(r));
        if (s < 0) {
          continue;
        }
        cells[s]++;
        int i = r * frame.width() + c;
        inBand[i] = 1;
        if (!(seenPd[i] >= o.minPd() && seenPd[i] > 0) && patrolled[i] == 0) {
          open[s]++;
        }
      }
      synchronized (bandCells) {
        for (int s = 0; s < ns; s++) {
          bandCells[s] += cells[s];
          bandOpen[s] += open[s];
        }
      }
    });
    boolean[] inGap = found.inGap();
    Map<String, Integer> incidentsBySector = found.incidentsBySector();
    List<SectorRow> rows = new ArrayList<>();
    for (int si = 0; si < ns; si++) {
      Sector sec = sectorList.get(si);
      double border = 0, unc = 0, sensor = 0, patrol = 0, unwatched = 0, worst = 0, noTerrain = 0;
      boolean anyOpen = false;
      long[] when = new long[0];
      for (int i = 0; i < samples.length; i++) {
        BorderSample b = samples[i];
        if (!b.sector().equals(sec.id())) {
          continue;
        }
        border += b.lengthM();
        if (inGap[i]) unc += b.lengthM();
        if (b.sensorSeen()) {
          sensor += b.lengthM();
        } else {
          anyOpen = true;
          worst = Math.max(worst, b.worstGapMillis());
          if (b.visits() > 0) patrol += b.lengthM();
        }
        if (terrain.noDataAt(frame.colOf(b.x()), frame.rowOf(b.y()))) noTerrain += b.lengthM();
        unwatched += b.lengthM() * b.unwatchedMillis();
        if (b.unwatchedMillis() > 0) when = Intervals.union(when, b.unwatched());
      }
      int gapCount = 0;
      for (Gap g : found.gaps()) {
        if (g.sectors().contains(sec.id())) gapCount++;
      }
      rows.add(new SectorRow(sec.id(), sec.name(), border / 1000, unc / 1000, border > 0 ? Math.min(100, 100 * unc / border) : 0,
          sensor / 1000, patrol / 1000, border > 0 ? unwatched / border / 3_600_000.0 : 0,
          anyOpen ? worst / 3_600_000.0 : 0, bandCells[si] > 0 ? 100.0 * bandOpen[si] / bandCells[si] : 0, gapCount,
          incidentsBySector.getOrDefault(sec.id(), 0), unwatched / 1000 / 3_600_000.0, when,
          noTerrain / 1000));
    }
    return rows;
  }
}
