package io.watchline.geo.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

/** Nearest sites checked against JTS STRtree.nearestNeighbour and a full scan. */
class PointIndexOracleTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 7, 40, 1000})
  void nearestSitesAgreeWithJts(int sites) {
    Random rnd = new Random(sites);
    double[] x = new double[sites];
    double[] y = new double[sites];
    STRtree tree = new STRtree();
    for (int i = 0; i < sites; i++) {
      x[i] = rnd.nextDouble() * 80_000;
      y[i] = rnd.nextDouble() * 40_000;
      tree.insert(new Envelope(x[i], x[i], y[i], y[i]), i);
    }
    PointIndex index = PointIndex.build(x, y);
    ItemDistance dist = (a, b) -> {
      Coordinate pa = (Coordinate) a.getItem(), pb = (Coordinate) b.getItem();
      return pa.distance(pb);
    };
    STRtree coords = new STRtree();
    for (int i = 0; i < sites; i++) {
      coords.insert(new Envelope(x[i], x[i], y[i], y[i]), new Coordinate(x[i], y[i], i));
    }
    int[] out = new int[3];
    double[] d2 = new double[3];
    for (int q = 0; q < 3000; q++) {
      double px = -10_000 + rnd.nextDouble() * 100_000, py = -10_000 + rnd.nextDouble() * 60_000;
      Coordinate nn = (Coordinate) coords.nearestNeighbour(new Envelope(px, px, py, py), new Coordinate(px, py), dist);
      int n = index.nearest(px, py);
      assertThat(Math.hypot(x[n] - px, y[n] - py)).isEqualTo(Math.hypot(nn.x - px, nn.y - py));
      int found = index.nearest(px, py, 3, out, d2);
      assertThat(found).isEqualTo(Math.min(3, sites));
      List<double[]> all = new ArrayList<>();
      for (int i = 0; i < sites; i++) {
        all.add(new double[] {(x[i] - px) * (x[i] - px) + (y[i] - py) * (y[i] - py), i});
      }
      all.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
      for (int j = 0; j < found; j++) {
        assertThat(out[j]).isEqualTo((int) all.get(j)[1]);
      }
    }
  }
}
