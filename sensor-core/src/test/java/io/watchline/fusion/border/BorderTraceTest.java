package io.watchline.fusion.border;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

class BorderTraceTest {
  // a zigzag border, left = north
  static final List<double[]> LINE = List.of(
      new double[] {19.00, 42.00}, new double[] {19.02, 42.01}, new double[] {19.04, 41.995},
      new double[] {19.06, 42.012}, new double[] {19.08, 42.0});
  static final BorderView BORDER = BorderView.of(LINE, "MNE", "ALB", 2000, 2000);
  static final GeometryFactory GF = new GeometryFactory();

  @Test
  void crossingsOfStraightWalksMatchTheJtsIntersection() {
    Random rnd = new Random(42);
    LineString borderXy = xy(LINE);
    int checked = 0;
    for (int k = 0; k < 200; k++) {
      double x0 = rnd.nextDouble() * 5000 - 2500, y0 = 600 + rnd.nextDouble() * 800;
      double x1 = x0 + rnd.nextDouble() * 1000 - 500, y1 = -600 - rnd.nextDouble() * 800;
      double[] a = BORDER.toXY(42.0, 19.04);
      double ax = a[0] + x0, ay = a[1] + y0, bx = a[0] + x1, by = a[1] + y1;
      Geometry walk = GF.createLineString(new Coordinate[] {new Coordinate(ax, ay), new Coordinate(bx, by)});
      Geometry hits = walk.intersection(borderXy);
      if (!(hits instanceof org.locationtech.jts.geom.Point)) continue; // none or several crossings
      BorderTrace tr = new BorderTrace(BORDER, 300);
      for (int i = 0; i <= 100; i++) {
        double f = i / 100.0;
        double[] ll = BORDER.toLatLon(ax + f * (bx - ax), ay + f * (by - ay));
        tr.add(i * 2000L, ll[0], ll[1]);
      }
      assertThat(tr.crossings()).hasSize(1);
      CrossingEvent c = tr.crossings().get(0);
      double[] got = BORDER.toXY(c.lat(), c.lon());
      Coordinate want = hits.getCoordinate();
      assertThat(Math.hypot(got[0] - want.x, got[1] - want.y)).isLessThan(1.0);
      assertThat(c.from()).isEqualTo("MNE");
      assertThat(c.to()).isEqualTo("ALB");
      assertThat(c.seen()).isTrue();
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void jitterAlongTheLineIsNotACrossingButACoastedCrossingIsInferred() {
    double[] o = BORDER.toXY(42.0, 19.0);
    BorderTrace jitter = new BorderTrace(BORDER, 300);
    Random rnd = new Random(1);
    double[] v = BORDER.toXY(42.01, 19.02);
    double ux = (v[0] - o[0]) / 100, uy = (v[1] - o[1]) / 100; // 1 % of the first border segment
    for (int i = 5; i < 95; i++) {
      double[] ll = BORDER.toLatLon(o[0] + i * ux, o[1] + i * uy + rnd.nextGaussian() * 5);
      jitter.add(i * 2000L, ll[0], ll[1]);
    }
    assertThat(jitter.crossings()).isEmpty();
    assertThat(jitter.minDistanceM()).isLessThan(15);

    BorderTrace gap = new BorderTrace(BORDER, 300);
    // 500 m along the first segment the line is 500 * uy / ux north of its start
    double lineY = o[1] + 500 * uy / ux;
    double[] a = BORDER.toLatLon(o[0] + 500, lineY + 400);
    double[] b = BORDER.toLatLon(o[0] + 510, lineY + 200);
    double[] c = BORDER.toLatLon(o[0] + 530, lineY - 200);
    gap.add(0, a[0], a[1]);
    gap.add(100_000, b[0], b[1]);
    gap.add(160_000, c[0], c[1]); // 60 s without updates across the line
    assertThat(gap.crossings()).hasSize(1);
    assertThat(gap.crossings().get(0).seen()).isFalse();
    assertThat(gap.crossings().get(0).gapMs()).isEqualTo(60_000);
  }

  static LineString xy(List<double[]> lonLat) {
    List<Coordinate> cs = new ArrayList<>();
    for (double[] p : lonLat) {
      double[] q = BORDER.toXY(p[1], p[0]);
      cs.add(new Coordinate(q[0], q[1]));
    }
    return GF.createLineString(cs.toArray(new Coordinate[0]));
  }
}
