package io.watchline.fusion.track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The standard gate: a coarse box test first (a track farther than {@code coarseGateM} plus what the
 * fastest target covers since its last update from every plot is not even predicted; CV prediction
 * composes exactly, so predicting later in one step is the same), then the squared Mahalanobis
 * distance against {@code gateChi2}. Tentative tracks pay {@code tentativePenalty} so a confirmed
 * track wins a plot both want. Stateless apart from its configuration; not thread-safe only because
 * it predicts the tracks it is given.
 */
public final class MahalanobisGate implements Gate {
  private final TrackerConfig cfg;

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
    // gate the pairs that can pass, then keep only the rows and columns that share a gate
    PlotsByX byX = new PlotsByX(plots);
    double[][] d2 = new double[tracks.size()][];
    int nRows = 0;
    boolean[] colGated = new boolean[plots.size()];
    for (int r = 0; r < tracks.size(); r++) {
      Track t = tracks.get(r);
      double[] row = null;
      // a CV filter's innovation covariance S = P + R has no eigenvalue above its trace, so a plot
      // farther than sqrt(gate × trace) cannot pass; other filters try every plot
      double near = t.filter instanceof CvFilter ? byX.reach(cfg.gateChi2(), t.filter.positionVariance()) : Double.POSITIVE_INFINITY;
      double tx = t.filter.x(), ty = t.filter.y();
      for (int k = byX.first(tx - near), end = plots.size(); k < end; k++) {
        int c = byX.plot(k);
        Measurement m = plots.get(c);
        if (m.x() > tx + near) break;
        if (Math.abs(m.y() - ty) > near) continue;
        double d = t.filter.innovation(m.x(), m.y(), m.rxx(), m.rxy(), m.ryy());
        if (d <= cfg.gateChi2()) {
          if (row == null) {
            row = new double[plots.size()];
            Arrays.fill(row, GatedScan.NOT_ALLOWED);
            nRows++;
          }
          row[c] = d + (t.confirmed() ? 0 : cfg.tentativePenalty());
          colGated[c] = true;
        }
      }
      d2[r] = row;
    }
    int[] rows = new int[nRows];
    for (int r = 0, i = 0; r < d2.length; r++) {
      if (d2[r] != null) rows[i++] = r;
    }
    int nCols = 0;
    for (boolean g : colGated) {
      if (g) nCols++;
    }
    int[] cols = new int[nCols];
    for (int c = 0, j = 0; c < colGated.length; c++) {
      if (colGated[c]) cols[j++] = c;
    }
    double[][] cost = new double[nRows][nCols];
    for (int i = 0; i < nRows; i++) {
      for (int j = 0; j < nCols; j++) {
        cost[i][j] = d2[rows[i]][cols[j]];
      }
    }
    return new GatedScan(tracks, plots, rows, cols, cost);
  }
}
