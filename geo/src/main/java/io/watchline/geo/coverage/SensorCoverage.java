package io.watchline.geo.coverage;

import io.watchline.geo.coverage.CoverageResult.GridFrame;
import io.watchline.geo.dem.ElevationGrid;
import io.watchline.geo.proj.LocalProjection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the fixed sensors see: per sensor, its viewshed window with the detection probability of
 * every visible cell in range and field of view (a linear fall-off with range). Viewsheds are
 * computed in parallel over sensors; a sensor off the terrain grid contributes nothing.
 */
final class SensorCoverage {
  /** Detection probability contributions of one sensor over its viewshed window. */
  private record Contribution(Visibility vis, float[] pd) {}

  private final Terrain terrain;
  private final GridFrame frame;
  private final CoverageOptions o;
  private final List<Contribution> contributions = new ArrayList<>();

  private SensorCoverage(Terrain terrain, GridFrame frame, CoverageOptions o) {
    this.terrain = terrain;
    this.frame = frame;
    this.o = o;
  }

  /** Computes every sensor's contribution; {@code notes} gets a line for each sensor skipped. */
  static SensorCoverage compute(LocalProjection projection, Terrain terrain, GridFrame frame, List<SensorSpec> sensors,
      CoverageOptions o, CoverageAnalysis.ViewshedMethod method, List<String> notes) {
    SensorCoverage c = new SensorCoverage(terrain, frame, o);
    List<Contribution> parts = sensors.parallelStream().map(s -> c.contribution(projection, s, method)).toList();
    for (int k = 0; k < parts.size(); k++) {
      if (parts.get(k) == null) {
        notes.add("sensor " + sensors.get(k).id() + " lies outside the analysis area and was skipped");
      }
      c.contributions.add(parts.get(k));
    }
    return c;
  }

  /** Combines the sensors chosen by {@code use} into {@code seenPd}: 1 − Π(1 − pᵢ) per cell. */
  void combineInto(float[] seenPd, boolean[] use) {
    float[] miss = new float[seenPd.length];
    Arrays.fill(miss, 1f);
    for (int k = 0; k < contributions.size(); k++) {
      Contribution part = contributions.get(k);
      if (part == null || !use[k]) {
        continue;
      }
      Visibility v = part.vis();
      for (int r = 0; r < v.height(); r++) {
        int base = (v.row0() + r) * frame.width() + v.col0();
        for (int c = 0; c < v.width(); c++) {
          float p = part.pd()[r * v.width() + c];
          if (p > 0) {
            miss[base + c] *= 1 - p;
          }
        }
      }
    }
    for (int i = 0; i < miss.length; i++) {
      seenPd[i] = 1 - miss[i];
    }
  }

  /** Detection probability sensor k gives the cell holding (x, y); 0 outside its viewshed. */
  float pdAt(int k, double x, double y) {
    Contribution part = contributions.get(k);
    if (part == null) {
      return 0;
    }
    Visibility v = part.vis();
    int c = frame.colOf(x) - v.col0();
    int r = frame.rowOf(y) - v.row0();
    if (c < 0 || r < 0 || c >= v.width() || r >= v.height()) {
      return 0;
    }
    if (terrain.noDataAt(frame.colOf(x), frame.rowOf(y))) {
      return 0;
    }
    return part.pd()[r * v.width() + c];
  }

  private Contribution contribution(LocalProjection projection, SensorSpec s, CoverageAnalysis.ViewshedMethod method) {
    ElevationGrid g = terrain.grid();
    LocalProjection.Xy xy = projection.forward(s.lat(), s.lon());
    int col = g.colOf(xy.x());
    int row = g.rowOf(xy.y());
    if (!g.contains(col, row)) {
      return null;
    }
    ViewshedParams p = new ViewshedParams(s.heightM(), o.targetHeightM(), s.curvatureCoeff(), s.rangeMaxM(),
        ViewshedParams.WGS84_DIAMETER_M);
    Visibility v = method.compute(g, col, row, p);
    float[] pd = new float[v.width() * v.height()];
    double rmin = Double.isNaN(s.rangeMinM()) ? 0 : s.rangeMinM();
    for (int r = 0; r < v.height(); r++) {
      for (int c = 0; c < v.width(); c++) {
        int gc = v.col0() + c;
        int gr = v.row0() + r;
        if (!v.visible(gc, gr) || terrain.noData(gc, gr)) {
          continue;
        }
        double dx = g.centerX(gc) - xy.x();
        double dy = g.centerY(gr) - xy.y();
        double d = Math.hypot(dx, dy);
        if (d < rmin || d > s.rangeMaxM()) {
          continue;
        }
        if (d > g.cellX() && !s.allRound() && !s.inFieldOfView(Math.toDegrees(Math.atan2(dx, dy)))) {
          continue;
        }
        pd[r * v.width() + c] = (float) detectionProbability(d, rmin, s.rangeMaxM());
      }
    }
    return new Contribution(v, pd);
  }

  /** Linear fall-off from 1 at the minimum range to {@code pdAtMaxRange} at the maximum. */
  double detectionProbability(double d, double rmin, double rmax) {
    if (o.pdAtMaxRange() >= 1 || rmax <= rmin) {
      return 1;
    }
    double t = Math.max(0, Math.min(1, (d - rmin) / (rmax - rmin)));
    return 1 - t * (1 - o.pdAtMaxRange());
  }
}
