package io.watchline.geo.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Property test of every distance answer of {@link BorderIndex} against JTS, over points drawn to
 * hit each path of the index: exactly on segments and on vertices, around vertices, just beside
 * the line, across the fast zone's edge, far beyond it, and on degenerate lines.
 */
class BorderIndexPropertyTest {
  private static final GeometryFactory GF = new GeometryFactory();
  private static final double WITHIN_M = 2_000;

  @Test
  void realBorderAnswersMatchJtsEverywhere() throws Exception {
    LineString line = BorderIndexOracleTest.realBorderXy();
    check(line, BorderIndex.build(line), new Random(11), 30_000);
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23})
  void randomLinesAnswerMatchJtsEverywhere(long seed) {
    Random rnd = new Random(seed);
    LineString line = BorderIndexOracleTest.randomLine(rnd, 50 + rnd.nextInt(400));
    double cell = seed == 22 ? 60 : 0;
    check(line, BorderIndex.build(line, 2_000 + rnd.nextDouble() * 2_000, cell), rnd, 15_000);
  }

  /** Two points, repeated vertices, hairpins a few metres wide, a line of one repeated point. */
  @Test
  void degenerateLinesAnswerMatchJts() {
    List<Coordinate[]> lines = List.of(
        new Coordinate[] {new Coordinate(0, 0), new Coordinate(5_000, 0)},
        new Coordinate[] {new Coordinate(0, 0), new Coordinate(0, 0), new Coordinate(1_000, 1_000), new Coordinate(1_000, 1_000),
            new Coordinate(1_000, 1_000), new Coordinate(2_000, 0)},
        new Coordinate[] {new Coordinate(0, 0), new Coordinate(4_000, 0), new Coordinate(0, 5), new Coordinate(4_000, 10)},
        new Coordinate[] {new Coordinate(10, 10), new Coordinate(10, 10)},
        new Coordinate[] {new Coordinate(0, 0), new Coordinate(0, 3_000), new Coordinate(1, 0), new Coordinate(2, 3_000)});
    Random rnd = new Random(5);
    for (Coordinate[] c : lines) {
      LineString line = GF.createLineString(c);
      check(line, BorderIndex.build(line), rnd, 4_000);
      check(line, BorderIndex.build(line, 500, 37), rnd, 4_000);
    }
  }

  @Test
  void notANumberGivesNotANumber() {
    BorderIndex index = BorderIndex.build(BorderIndexOracleTest.randomLine(new Random(3), 40));
    assertThat(index.signedDistance(Double.NaN, 0)).isNaN();
    assertThat(index.signedDistance(0, Double.NaN)).isNaN();
    assertThat(index.signedDistanceWithin(Double.NaN, Double.NaN, 1_000)).isNaN();
    assertThat(index.signedDistanceWithin(Double.NaN, 0, 1e9)).isNaN();
    assertThat(index.nearestSegment(Double.NaN, 0)).isEqualTo(-1);
  }

  private static void check(LineString line, BorderIndex index, Random rnd, int points) {
    Coordinate[] v = line.getCoordinates();
    int n = v.length;
    double[] xs = new double[n], ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = v[i].x;
      ys[i] = v[i].y;
    }
    double[] qx = new double[points], qy = new double[points];
    for (int k = 0; k < points; k++) {
      int i = rnd.nextInt(n - 1);
      double t = rnd.nextDouble();
      double bx = v[i].x + t * (v[i + 1].x - v[i].x), by = v[i].y + t * (v[i + 1].y - v[i].y);
      double r, a = rnd.nextDouble() * 2 * Math.PI;
      switch (k % 7) {
        case 0 -> r = 0; // on a segment
        case 1 -> {
          bx = v[i].x; // on a vertex
          by = v[i].y;
          r = 0;
        }
        case 2 -> r = rnd.nextDouble() * 5; // just beside the line
        case 3 -> r = WITHIN_M + (rnd.nextDouble() - 0.5) * 20; // across the 2 km edge
        case 4 -> r = rnd.nextDouble() * 6_000; // through the fast zone and beyond
        case 5 -> {
          bx = v[i].x; // around a vertex: its wedges on both sides, where the side rule looks at both segments
          by = v[i].y;
          r = rnd.nextDouble() * 300;
        }
        default -> r = 5_000 + rnd.nextDouble() * 100_000; // far away
      }
      qx[k] = bx + r * Math.cos(a);
      qy[k] = by + r * Math.sin(a);
    }
    double[] all = new double[points], near = new double[points];
    index.signedDistances(qx, qy, all, points);
    index.signedDistancesWithin(qx, qy, WITHIN_M, near, points);
    for (int k = 0; k < points; k++) {
      Point p = GF.createPoint(new Coordinate(qx[k], qy[k]));
      DistanceOp op = new DistanceOp(line, p);
      double expected = op.distance();
      double signed = index.signedDistance(qx[k], qy[k]);
      assertThat(Math.abs(signed)).as("distance of point %d (%s, %s)", k, qx[k], qy[k]).isCloseTo(expected, within(1e-6));
      assertThat(all[k]).as("batch distance of point %d", k).isEqualTo(signed);
      int jtsSegment = op.nearestLocations()[0].getSegmentIndex();
      if (expected > 1e-6) {
        assertThat(signed > 0).as("side of point %d", k).isEqualTo(SegmentMath.isLeft(qx[k], qy[k], xs, ys, n, jtsSegment));
      }
      int seg = index.nearestSegment(qx[k], qy[k]);
      double segDistance = Math.sqrt(SegmentMath.distanceSq(qx[k], qy[k], xs[seg], ys[seg], xs[seg + 1], ys[seg + 1]));
      assertThat(segDistance).as("nearest segment of point %d", k).isCloseTo(expected, within(1e-6));
      double w = index.signedDistanceWithin(qx[k], qy[k], WITHIN_M);
      assertThat(Double.valueOf(near[k])).as("batch within answer of point %d", k).isEqualTo(Double.valueOf(w));
      if (expected < WITHIN_M - 1e-6) {
        assertThat(w).as("within 2 km, point %d", k).isEqualTo(signed);
      } else if (expected > WITHIN_M + 1e-6) {
        assertThat(w).as("beyond 2 km, point %d", k).isNaN();
      }
      // A distance beyond the fast zone goes to the R-tree: the same answer.
      double far = index.signedDistanceWithin(qx[k], qy[k], 1e7);
      assertThat(far).as("unbounded within answer of point %d", k).isEqualTo(signed);
    }
  }
}
