package io.watchline.geo.coverage;

import io.watchline.geo.context.BorderContext;
import io.watchline.geo.coverage.CoverageAnalysis.IncidentPoint;
import io.watchline.geo.coverage.CoverageResult.BorderSample;
import io.watchline.geo.coverage.CoverageResult.Gap;
import io.watchline.geo.proj.LocalProjection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;

/**
 * Gaps: runs of uncovered border samples at least {@code minGapM} long, each with its stretch of
 * border, a band polygon around it (half-width the sweep, at least 500 m) and the incidents of
 * the window that fell inside that band.
 */
final class GapFinder {
  private static final GeometryFactory GF = new GeometryFactory();

  /** The gaps, which samples lie in one, and the incidents inside gaps per sector ("-" off every sector). */
  record Found(List<Gap> gaps, boolean[] inGap, Map<String, Integer> incidentsBySector) {}

  private GapFinder() {}

  static Found find(BorderContext ctx, LineString borderXy, BorderSamples s, BorderSample[] samples, boolean[] uncovered,
      CoverageOptions o, TimeCover time, List<IncidentPoint> incidents) {
    int n = samples.length;
    List<int[]> runs = runs(s.weight, uncovered, o.minGapM());
    boolean[] inGap = new boolean[n];
    LengthIndexedLine li = new LengthIndexedLine(borderXy);
    double band = Math.max(o.sweepM(), 500);
    List<Geometry> gapPolysXy = new ArrayList<>();
    int[] gapIncidents = new int[runs.size()];
    for (int[] run : runs) {
      Arrays.fill(inGap, run[0], run[1], true);
      LineString xyPart = (LineString) li.extractLine(s.from[run[0]], s.to[run[1] - 1]);
      BufferParameters bp = new BufferParameters();
      bp.setEndCapStyle(BufferParameters.CAP_FLAT);
      gapPolysXy.add(BufferOp.bufferOp(xyPart, band, bp));
    }
    LocalProjection projection = ctx.projection();
    Map<String, Integer> incidentsBySector = new HashMap<>();
    for (IncidentPoint p : incidents == null ? List.<IncidentPoint>of() : incidents) {
      if (p.epochMillis() != Long.MIN_VALUE && !time.inWindow(p.epochMillis())) {
        continue;
      }
      LocalProjection.Xy xy = projection.forward(p.lat(), p.lon());
      org.locationtech.jts.geom.Point pt = GF.createPoint(new Coordinate(xy.x(), xy.y()));
      for (int k = 0; k < gapPolysXy.size(); k++) {
        if (gapPolysXy.get(k).covers(pt)) {
          gapIncidents[k]++;
          String sec = ctx.sectorOf(p.lat(), p.lon());
          incidentsBySector.merge(sec == null ? "-" : sec, 1, Integer::sum);
          break;
        }
      }
    }
    List<Gap> gaps = new ArrayList<>();
    for (int k = 0; k < runs.size(); k++) {
      int[] run = runs.get(k);
      LinkedHashSet<String> secs = new LinkedHashSet<>();
      double len = 0;
      double unwatchedSum = 0;
      long[] when = new long[0];
      for (int i = run[0]; i < run[1]; i++) {
        secs.add(s.sector[i]);
        len += s.weight[i];
        unwatchedSum += s.weight[i] * samples[i].unwatchedMillis();
        when = Intervals.union(when, samples[i].unwatched());
      }
      LineString xyPart = (LineString) li.extractLine(s.from[run[0]], s.to[run[1] - 1]);
      gaps.add(new Gap(String.format(Locale.ROOT, "GAP-%03d", k + 1), List.copyOf(secs), s.from[run[0]],
          s.to[run[1] - 1], len, unwatchedSum / len / 3_600_000.0, (LineString) projection.inverse(xyPart),
          projection.inverse(gapPolysXy.get(k)), gapIncidents[k], when));
    }
    return new Found(gaps, inGap, incidentsBySector);
  }

  /** Runs [from, to) of uncovered samples whose lengths add up to at least {@code minGapM}. */
  private static List<int[]> runs(double[] weight, boolean[] uncovered, double minGapM) {
    List<int[]> runs = new ArrayList<>();
    int n = uncovered.length;
    for (int i = 0; i < n; ) {
      if (!uncovered[i]) {
        i++;
        continue;
      }
      int j = i;
      double len = 0;
      while (j < n && uncovered[j]) {
        len += weight[j];
        j++;
      }
      if (len >= minGapM) {
        runs.add(new int[] {i, j});
      }
      i = j;
    }
    return runs;
  }
}
