package io.watchline.fusion.track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The standard gate: a coarse box test first (a track farther than {@code coarseGateM} plus what the
 * fastest target covers since its last update from every plot is not even predicted; CV prediction
 * composes exactly, so predicting later in one step is the same), then the squared Mahalanobis
 * distance against {@code gateChi2}; a track unseen longer than {@code maxCoastMs} only within
 * {@code coastedReachM} + {@code coastedReachMps} per second unseen of its predicted position. Tentative tracks pay {@code tentativePenalty} so a confirmed
 * track wins a plot both want. Keeps scratch arrays from scan to scan and predicts the tracks it is
 * given: not thread-safe (one gate per tracker).
 */
public final class MahalanobisGate implements Gate {
  private static final int[] NONE = {};
  private final TrackerConfig cfg;
  // scratch reused scan after scan: the gated pairs and each plot's column (-1: in no gate)
  private int[] pairRow = new int[64], pairPlot = new int[64];
  private double[] pairCost = new double[64];
  private int[] colOf = new int[64];

  /** @param cfg gate, coarse gate, speed limit and penalty */
  public MahalanobisGate(TrackerConfig cfg) {
    this.cfg = cfg;
  }

  @Override
  public GatedScan gate(List<Track> live, List<Measurement> plots, long tMs) {
    double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
    for (Measurement m : plots) {
      minX = Math.min(minX, m.x());
      maxX = Math.max(maxX, m.x());
      minY = Math.min(minY, m.y());
      maxY = Math.max(maxY, m.y());
    }
    List<Track> tracks = new ArrayList<>();
    // the tracker's own list keeps the positions in flat arrays: read them there
    LiveTracks flat = live instanceof LiveTracks l ? l : null;
    for (int i = 0, n = live.size(); i < n; i++) {
      Track t = flat == null ? live.get(i) : null;
      if (flat != null ? flat.fromFeed(i) : t.feedTrack() != null) continue; // the feed associates its own tracks
      long filterMs = flat != null ? flat.filterMs(i) : t.filterMs;
      double reach = cfg.coarseGateM() + cfg.maxTargetSpeedMps() * Math.abs(tMs - filterMs) / 1000.0;
      double x = flat != null ? flat.x(i) : t.filter.x(), y = flat != null ? flat.y(i) : t.filter.y();
      if (x < minX - reach || x > maxX + reach || y < minY - reach || y > maxY + reach) continue;
      t = live.get(i);
      t.predictTo(tMs);
      tracks.add(t);
    }
    // gate the pairs that can pass, listing them as (row, plot, distance), then keep only the rows
    // and columns that share a gate: no full-width row per track
    PlotsByX byX = new PlotsByX(plots);
    int nPlots = plots.size();
    int[] colOf = scratchCols(nPlots);
    int pairs = 0, nRows = 0, nCols = 0;
    int[] rows = NONE;
    for (int r = 0; r < tracks.size(); r++) {
      Track t = tracks.get(r);
      boolean gatedRow = false;
      // a CV filter's innovation covariance S = P + R has no eigenvalue above its trace, so a plot
      // farther than sqrt(gate × trace) cannot pass; other filters try every plot
      double near = t.filter instanceof CvFilter ? byX.reach(cfg.gateChi2(), t.filter.positionVariance()) : Double.POSITIVE_INFINITY;
      // a track unseen past the coast limit takes only what a walker could have reached
      long unseen = tMs - t.lastMs();
      boolean coasted = unseen > cfg.maxCoastMs();
      if (coasted) near = Math.min(near, cfg.coastedReachM() + cfg.coastedReachMps() * unseen / 1000.0);
      double tx = t.filter.x(), ty = t.filter.y();
      for (int k = byX.first(tx - near); k < nPlots; k++) {
        int c = byX.plot(k);
        Measurement m = plots.get(c);
        if (m.x() > tx + near) break;
        if (Math.abs(m.y() - ty) > near) continue;
        if (coasted && Math.hypot(m.x() - tx, m.y() - ty) > near) continue;
        if (t.otherCameraObject(m, cfg.cameraObjectWindowMs(), cfg.cameraObjectApartM())) continue;
        double d = t.filter.innovation(m.x(), m.y(), m.rxx(), m.rxy(), m.ryy());
        if (d <= cfg.gateChi2()) {
          if (!gatedRow) {
            gatedRow = true;
            if (nRows == rows.length) rows = Arrays.copyOf(rows, Math.max(4, nRows * 2));
            rows[nRows++] = r;
          }
          if (pairs == pairRow.length) growPairs();
          pairRow[pairs] = nRows - 1;
          pairPlot[pairs] = c;
          pairCost[pairs] = d + (t.confirmed() ? 0 : cfg.tentativePenalty());
          pairs++;
          if (colOf[c] < 0) {
            colOf[c] = 0;
            nCols++;
          }
        }
      }
    }
    rows = Arrays.copyOf(rows, nRows);
    int[] cols = new int[nCols];
    for (int c = 0, j = 0; c < nPlots; c++) {
      if (colOf[c] >= 0) {
        colOf[c] = j;
        cols[j++] = c;
      }
    }
    double[][] cost = new double[nRows][nCols];
    for (double[] row : cost) Arrays.fill(row, GatedScan.NOT_ALLOWED);
    for (int p = 0; p < pairs; p++) {
      cost[pairRow[p]][colOf[pairPlot[p]]] = pairCost[p];
    }
    return new GatedScan(tracks, plots, rows, cols, cost);
  }

  private int[] scratchCols(int n) {
    if (colOf.length < n) colOf = new int[Math.max(n, colOf.length * 2)];
    Arrays.fill(colOf, 0, n, -1);
    return colOf;
  }

  private void growPairs() {
    int c = pairRow.length * 2;
    pairRow = Arrays.copyOf(pairRow, c);
    pairPlot = Arrays.copyOf(pairPlot, c);
    pairCost = Arrays.copyOf(pairCost, c);
  }
}
