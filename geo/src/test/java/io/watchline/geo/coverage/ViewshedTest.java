package io.watchline.geo.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.geo.dem.ElevationGrid;
import io.watchline.geo.dem.GridCrs;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ViewshedTest {

  @Test
  void flatGroundWithoutCurvatureIsSeenToTheRangeLimit() {
    ElevationGrid flat = ElevationGrid.flat(201, 201, 0, 6030, 30, 100f, GridCrs.UNKNOWN_METRIC);
    ViewshedParams p = ViewshedParams.of(10, 1.7, 0, 2400);
    for (Visibility v : new Visibility[] {Viewshed.sweep(flat, 100, 100, p), Viewshed.exact(flat, 100, 100, p)}) {
      int inDisk = 0;
      for (int r = 0; r < 201; r++) {
        for (int c = 0; c < 201; c++) {
          double d = Math.hypot((c - 100) * 30.0, (r - 100) * 30.0);
          assertThat(v.visible(c, r)).as("cell %d,%d at %.0f m", c, r, d).isEqualTo(d <= 2400);
          inDisk += d <= 2400 ? 1 : 0;
        }
      }
      assertThat(v.visibleCount()).isEqualTo(inDisk);
    }
  }

  @Test
  void earthCurvatureHidesAPersonBeyondTheRefractedHorizon() {
    // one row of flat ground, 100 m cells; horizon = sqrt(D/cc) * (sqrt(10) + sqrt(1.7)) = 17.23 km
    ElevationGrid row = ElevationGrid.flat(400, 1, 0, 100, 100, 0f, GridCrs.UNKNOWN_METRIC);
    ViewshedParams p = ViewshedParams.of(10, 1.7, ViewshedParams.OPTICAL_CURVATURE, 0);
    double horizon = Math.sqrt(ViewshedParams.WGS84_DIAMETER_M / 0.85714) * (Math.sqrt(10) + Math.sqrt(1.7));
    assertThat(horizon).isBetween(17_200.0, 17_260.0);
    for (Visibility v : new Visibility[] {Viewshed.sweep(row, 0, 0, p), Viewshed.exact(row, 0, 0, p)}) {
      int lastSeen = -1;
      for (int c = 0; c < 400; c++) {
        if (v.visible(c, 0)) {
          lastSeen = c;
        }
      }
      assertThat(lastSeen * 100.0).isBetween(horizon - 200, horizon + 100);
      // radar refraction (4/3 earth) sees farther
    }
    Visibility radar = Viewshed.exact(row, 0, 0, ViewshedParams.of(10, 1.7, ViewshedParams.RADAR_CURVATURE, 0));
    assertThat(radar.visible(180, 0)).isTrue();
    assertThat(Viewshed.exact(row, 0, 0, p).visible(180, 0)).isFalse();
  }

  @Test
  void aWallCastsAShadowWhoseLengthFollowsFromSimilarTriangles() {
    // flat 0 m ground, observer mast 10 m at x=0, a 20 m wall 10 cells out: the sight line over the
    // wall top rises 1 m per cell, so nothing 1.7 m tall behind the wall is seen.
    int n = 120;
    float[] z = new float[n * 3];
    for (int r = 0; r < 3; r++) {
      z[r * n + 10] = 20f;
    }
    ElevationGrid g = new ElevationGrid(n, 3, 0, 90, 30, 30, z, GridCrs.UNKNOWN_METRIC);
    ViewshedParams p = ViewshedParams.of(10, 1.7, 0, 0);
    for (Visibility v : new Visibility[] {Viewshed.sweep(g, 0, 1, p), Viewshed.exact(g, 0, 1, p)}) {
      for (int c = 0; c <= 10; c++) {
        assertThat(v.visible(c, 1)).as("before and on the wall, col %d", c).isTrue();
      }
      for (int c = 11; c < n; c++) {
        assertThat(v.visible(c, 1)).as("behind the wall, col %d", c).isFalse();
      }
    }
  }

  @Test
  void sweepAndExactAgreeClosely_onSmoothRandomTerrain() {
    Random rnd = new Random(42);
    int n = 161;
    double[][] hills = new double[8][4];
    for (double[] h : hills) {
      h[0] = rnd.nextDouble() * n; h[1] = rnd.nextDouble() * n; h[2] = 20 + 80 * rnd.nextDouble(); h[3] = 8 + 20 * rnd.nextDouble();
    }
    float[] z = new float[n * n];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        double v = 300;
        for (double[] h : hills) {
          v += h[2] * Math.exp(-((c - h[0]) * (c - h[0]) + (r - h[1]) * (r - h[1])) / (2 * h[3] * h[3]));
        }
        z[r * n + c] = (float) v;
      }
    }
    ElevationGrid g = new ElevationGrid(n, n, 0, n * 30.0, 30, 30, z, GridCrs.UNKNOWN_METRIC);
    ViewshedParams p = ViewshedParams.of(6, 1.7, 0.85714, 2400);
    Visibility a = Viewshed.sweep(g, 80, 80, p);
    Visibility b = Viewshed.exact(g, 80, 80, p);
    long both = 0, either = 0;
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        boolean x = a.visible(c, r), y = b.visible(c, r);
        both += x && y ? 1 : 0;
        either += x || y ? 1 : 0;
      }
    }
    assertThat((double) both / either).isGreaterThan(0.97);
  }
}
