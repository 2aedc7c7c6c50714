package io.watchline.geo.coverage;

import io.watchline.geo.context.BorderContext;
import io.watchline.geo.coverage.CoverageResult.Suggestion;
import io.watchline.geo.dem.ElevationGrid;
import io.watchline.geo.proj.LocalProjection;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Greedy suggestions of extra sensor sites and patrol routes against today's gap samples
 * (docs/coverage.md, "Suggestions and the greedy guarantee").
 */
final class Suggestions {
  private Suggestions() {}

  /** Border samples as arrays: position, start and end along the line, length, sector id. */
  record Samples(double[] x, double[] y, double[] from, double[] to, double[] weight, String[] sector) {}

  static List<Suggestion> suggest(BorderContext ctx, Terrain terrain, List<SensorSpec> sensors, CoverageOptions o,
      LineString borderXy, Samples s, boolean[] inGap) {
    int n = s.x().length;
    BitSet covered = new BitSet(n);
    for (int i = 0; i < n; i++) {
      if (!inGap[i]) covered.set(i);
    }
    List<Suggestion> out = new ArrayList<>();
    // sensor sites: candidates every candidateSpacing along the border, set back on the side most sensors are on
    double side = 0;
    for (SensorSpec sp : sensors) {
      LocalProjection.Xy xy = ctx.projection().forward(sp.lat(), sp.lon());
      side += Math.signum(ctx.borderIndex().signedDistance(xy.x(), xy.y()));
    }
    double setback = side >= 0 ? 300 : -300;
    List<double[]> cands = new ArrayList<>();
    double nextAt = 0;
    for (int i = 0; i < n; i++) {
      if (s.from()[i] + 1e-9 < nextAt) continue;
      nextAt = s.from()[i] + o.candidateSpacingM();
      int a = Math.max(0, i - 1);
      int b = Math.min(n - 1, i + 1);
      double dx = s.x()[b] - s.x()[a];
      double dy = s.y()[b] - s.y()[a];
      double len = Math.hypot(dx, dy);
      if (len == 0) continue;
      // left normal of the border direction
      cands.add(new double[] {s.x()[i] - dy / len * setback, s.y()[i] + dx / len * setback, i});
    }
    ElevationGrid g = terrain.grid();
    ViewshedParams p = new ViewshedParams(o.candidateHeightM(), o.targetHeightM(), ViewshedParams.OPTICAL_CURVATURE,
        o.candidateRangeM(), ViewshedParams.WGS84_DIAMETER_M);
    List<BitSet> sensorCovers = cands.parallelStream().map(cnd -> {
      BitSet bs = new BitSet(n);
      int col = g.colOf(cnd[0]);
      int row = g.rowOf(cnd[1]);
      if (!g.contains(col, row)) return bs;
      Visibility v = Viewshed.sweep(g, col, row, p);
      for (int i = 0; i < n; i++) {
        if (inGap[i] && Math.hypot(s.x()[i] - cnd[0], s.y()[i] - cnd[1]) <= o.candidateRangeM()
            && v.visible(g.colOf(s.x()[i]), g.rowOf(s.y()[i])) && !terrain.noData(g.colOf(s.x()[i]), g.rowOf(s.y()[i]))) {
          bs.set(i);
        }
      }
      return bs;
    }).toList();
    double cumulative = 0;
    int rank = 1;
    for (GreedyCover.Pick pick : GreedyCover.choose(sensorCovers, s.weight(), covered, o.suggest())) {
      double[] c = cands.get(pick.candidate());
      LocalProjection.LatLonPoint ll = ctx.projection().inverse(c[0], c[1]);
      cumulative += pick.added();
      out.add(new Suggestion(rank++, "sensor", ll.lat(), ll.lon(), null, pick.added() / 1000, cumulative / 1000,
          s.sector()[(int) c[2]]));
    }
    // patrol routes: stretches of routeLength along the border, starting every eighth of one
    List<BitSet> routeCovers = new ArrayList<>();
    List<int[]> routes = new ArrayList<>();
    double stride = o.routeLengthM() / 8;
    nextAt = 0;
    for (int i = 0; i < n; i++) {
      if (s.from()[i] + 1e-9 < nextAt) continue;
      nextAt = s.from()[i] + stride;
      int end = i;
      while (end < n && s.to()[end] <= s.from()[i] + o.routeLengthM() + 1e-9) end++;
      end = Math.max(end, i + 1);
      BitSet bs = new BitSet(n);
      bs.set(i, end);
      routeCovers.add(bs);
      routes.add(new int[] {i, end});
    }
    cumulative = 0;
    LengthIndexedLine li = new LengthIndexedLine(borderXy);
    for (GreedyCover.Pick pick : GreedyCover.choose(routeCovers, s.weight(), covered, o.suggest())) {
      int[] r = routes.get(pick.candidate());
      LineString xy = (LineString) li.extractLine(s.from()[r[0]], s.to()[r[1] - 1]);
      LineString ll = (LineString) ctx.projection().inverse(xy);
      Coordinate mid = ll.getCoordinateN(ll.getNumPoints() / 2);
      cumulative += pick.added();
      out.add(new Suggestion(rank++, "patrol", mid.y, mid.x, ll, pick.added() / 1000, cumulative / 1000,
          s.sector()[(r[0] + r[1]) / 2]));
    }
    return out;
  }
}
