package io.watchline.fusion.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.observation.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The gate reads track positions from the tracker's flat copy and tries only the plots within
 * reach of each track; the scan it hands on must be the one that testing every track against every
 * plot gives.
 */
class GateIndexTest {
  private final TrackerConfig cfg = TrackerConfig.defaults();

  @Test
  void theGatedScanIsTheOneEveryPairTestedGives() {
    Random rnd = new Random(11);
    Tracker tracker = new Tracker(cfg, new Tracker.Listener() {
      @Override public void updated(Track t, Measurement m) {}
      @Override public void closed(Track t) {}
    });
    long t = 1_000_000;
    int gatedPairs = 0;
    for (int scan = 0; scan < 400; scan++) {
      t += 250 + rnd.nextInt(500);
      List<Measurement> plots = new ArrayList<>();
      int n = rnd.nextInt(12);
      for (int k = 0; k < n; k++) {
        double sigma = rnd.nextBoolean() ? 5 : 5 + rnd.nextDouble() * 80;
        double x = rnd.nextDouble() * 8_000, y = rnd.nextDouble() * 3_000;
        if (!tracker.live().isEmpty() && rnd.nextInt(3) > 0) { // near a live track
          Track near = tracker.live().get(rnd.nextInt(tracker.live().size()));
          x = near.filter().x() + rnd.nextGaussian() * 40;
          y = near.filter().y() + rnd.nextGaussian() * 40;
        }
        plots.add(Measurement.isotropic(t, x, y, sigma, Kind.RADAR, "R", List.of()));
      }
      if (plots.isEmpty()) continue;
      double[][] expected = everyPair(tracker.live(), plots, t);
      GatedScan g = new MahalanobisGate(cfg).gate(tracker.live(), plots, t);
      double[][] got = new double[g.tracks().size()][plots.size()];
      for (double[] row : got) Arrays.fill(row, GatedScan.NOT_ALLOWED);
      for (int i = 0; i < g.rows().length; i++) {
        for (int j = 0; j < g.cols().length; j++) {
          got[g.rows()[i]][g.cols()[j]] = g.cost()[i][j];
          if (g.cost()[i][j] < GatedScan.NOT_ALLOWED) gatedPairs++;
        }
      }
      assertThat(got).isDeepEqualTo(expected);
      tracker.scan(plots, t); // the tracks move on, start and confirm
      if (scan % 20 == 0) tracker.expire(t);
    }
    assertThat(gatedPairs).as("pairs inside the gate").isGreaterThan(500);
  }

  /** Every non-feed track inside the coarse box, predicted on a copy, against every plot (a coasted one within its reach). */
  private double[][] everyPair(List<Track> live, List<Measurement> plots, long t) {
    double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
    for (Measurement m : plots) {
      minX = Math.min(minX, m.x());
      maxX = Math.max(maxX, m.x());
      minY = Math.min(minY, m.y());
      maxY = Math.max(maxY, m.y());
    }
    List<double[]> rows = new ArrayList<>();
    for (Track tr : live) {
      double reach = cfg.coarseGateM() + cfg.maxTargetSpeedMps() * Math.abs(t - tr.filterMs()) / 1000.0;
      double x = tr.filter().x(), y = tr.filter().y();
      if (x < minX - reach || x > maxX + reach || y < minY - reach || y > maxY + reach) continue;
      MotionFilter f = tr.filter().copy();
      f.predict((t - tr.filterMs()) / 1000.0);
      double[] row = new double[plots.size()];
      for (int c = 0; c < plots.size(); c++) {
        Measurement m = plots.get(c);
        double d = f.innovation(m.x(), m.y(), m.rxx(), m.rxy(), m.ryy());
        long unseen = t - tr.lastMs();
        boolean beyondReach = unseen > cfg.maxCoastMs()
            && Math.hypot(m.x() - f.x(), m.y() - f.y()) > cfg.coastedReachM() + cfg.coastedReachMps() * unseen / 1000.0;
        row[c] = d <= cfg.gateChi2() && !beyondReach ? d + (tr.confirmed() ? 0 : cfg.tentativePenalty()) : GatedScan.NOT_ALLOWED;
      }
      rows.add(row);
    }
    return rows.toArray(new double[0][]);
  }

  @Test
  void indicesByValueAreInTheOrderOfAStableSort() {
    Random rnd = new Random(5);
    for (int round = 0; round < 200; round++) {
      int n = rnd.nextInt(70);
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        int kind = rnd.nextInt(10);
        v[i] = kind == 0 ? Double.NaN : kind == 1 ? -0.0 : kind == 2 ? 0.0 : rnd.nextInt(20) - 10; // many ties
      }
      Integer[] expected = new Integer[n];
      for (int i = 0; i < n; i++) expected[i] = i;
      Arrays.sort(expected, (a, b) -> Double.compare(v[a], v[b]));
      assertThat(Tracker.byValue(v)).containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
    }
  }
}
