package io.watchline.geo.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.geo.io.GeoJson;
import io.watchline.geo.proj.LocalProjection;
import io.watchline.geo.testutil.RealData;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.algorithm.RobustLineIntersector;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/** Every BorderIndex answer checked against JTS on random and real lines. */
class BorderIndexOracleTest {
  private static final GeometryFactory GF = new GeometryFactory();

  /** A random walk with sharp turns and uneven steps, the worst case for side decisions. */
  static LineString randomLine(Random rnd, int vertices) {
    Coordinate[] c = new Coordinate[vertices];
    double x = 0, y = 0, heading = 0;
    for (int i = 0; i < vertices; i++) {
      c[i] = new Coordinate(x, y);
      heading += (rnd.nextDouble() - 0.5) * (rnd.nextInt(10) == 0 ? 5.5 : 1.2);
      double step = 20 + rnd.nextDouble() * (rnd.nextInt(20) == 0 ? 3_000 : 300);
      x += step * Math.cos(heading);
      y += step * Math.sin(heading);
    }
    return GF.createLineString(c);
  }

  static LineString realBorderXy() throws Exception {
    Geometry g = GeoJson.read(RealData.file("borders/reference/MNE-ALB_border_ne10m.geojson")).get(0).geometry();
    return (LineString) LocalProjection.centredOn(42.2, 19.7).forward(g);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void randomLinesAgreeWithJts(long seed) {
    Random rnd = new Random(seed);
    LineString line = randomLine(rnd, 300 + rnd.nextInt(1200));
    double cell = seed % 2 == 0 ? 0 : 37 + rnd.nextDouble() * 400;
    checkAgainstJts(line, BorderIndex.build(line, 1_000 + rnd.nextDouble() * 4_000, cell), rnd, 2_500);
  }

  /**
   * Many points against lines with hairpins, repeated vertices and tiny to large cells: the cell
   * candidate lists (pruned to the segments a cell projects onto) must never drop the nearest.
   */
  @ParameterizedTest
  @ValueSource(doubles = {40, 100, 250, 1200})
  void cellCandidatesNeverMissTheNearestSegment(double cellM) {
    Random rnd = new Random(Double.doubleToLongBits(cellM));
    Coordinate[] c = randomLine(rnd, 400).getCoordinates();
    // Repeat some vertices (zero-length segments) and fold the line back on itself once.
    java.util.List<Coordinate> v = new java.util.ArrayList<>();
    for (Coordinate p : c) {
      v.add(p);
      if (rnd.nextInt(25) == 0) {
        v.add(new Coordinate(p));
      }
    }
    Coordinate last = v.get(v.size() - 1);
    v.add(new Coordinate(last.x + 3_000, last.y + 40));
    v.add(new Coordinate(last.x + 10, last.y + 80));
    LineString line = GF.createLineString(v.toArray(new Coordinate[0]));
    BorderIndex index = BorderIndex.build(line, 2_500, cellM);
    IndexedFacetDistance facets = new IndexedFacetDistance(line);
    int points = 20_000;
    double[] qx = new double[points], qy = new double[points], batch = new double[points];
    for (int k = 0; k < points; k++) {
      Coordinate a = v.get(rnd.nextInt(v.size()));
      double r = 2_600 * Math.sqrt(rnd.nextDouble()), t = rnd.nextDouble() * 2 * Math.PI;
      qx[k] = a.x + r * Math.cos(t);
      qy[k] = a.y + r * Math.sin(t);
    }
    index.signedDistancesWithin(qx, qy, 2_000, batch, points);
    for (int k = 0; k < points; k++) {
      double expected = facets.distance(GF.createPoint(new Coordinate(qx[k], qy[k])));
      double signed = index.signedDistance(qx[k], qy[k]);
      assertThat(Math.abs(signed)).as("distance of point %d", k).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-6));
      double within = index.signedDistanceWithin(qx[k], qy[k], 2_000);
      assertThat(Double.valueOf(batch[k])).as("batch answer of point %d", k).isEqualTo(Double.valueOf(within));
      if (expected < 2_000 - 1e-6) {
        assertThat(within).as("within 2 km, point %d", k).isEqualTo(signed);
      } else if (expected > 2_000 + 1e-6) {
        assertThat(within).as("beyond 2 km, point %d", k).isNaN();
      }
    }
  }

  @Test
  void realBorderAgreesWithJts() throws Exception {
    LineString line = realBorderXy();
    checkAgainstJts(line, BorderIndex.build(line), new Random(7), 4_000);
  }

  private static void checkAgainstJts(LineString line, BorderIndex index, Random rnd, int points) {
    Coordinate[] v = line.getCoordinates();
    double[] xs = new double[v.length];
    double[] ys = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      xs[i] = v[i].x;
      ys[i] = v[i].y;
    }
    IndexedFacetDistance facets = new IndexedFacetDistance(line);
    Envelope e = line.getEnvelopeInternal();
    e.expandBy(15_000);
    double[] qx = new double[points];
    double[] qy = new double[points];
    double[] batch = new double[points];
    for (int k = 0; k < points; k++) {
      if (k % 3 == 0) {
        qx[k] = e.getMinX() + rnd.nextDouble() * e.getWidth();
        qy[k] = e.getMinY() + rnd.nextDouble() * e.getHeight();
      } else {
        // Near the line: a vertex plus up to 3 km in any direction, including exactly at vertices.
        int i = rnd.nextInt(v.length);
        double r = k % 50 == 1 ? 0 : rnd.nextDouble() * 3_000;
        double a = rnd.nextDouble() * 2 * Math.PI;
        qx[k] = v[i].x + r * Math.cos(a);
        qy[k] = v[i].y + r * Math.sin(a);
      }
    }
    index.signedDistances(qx, qy, batch, points);
    for (int k = 0; k < points; k++) {
      Point p = GF.createPoint(new Coordinate(qx[k], qy[k]));
      double expected = facets.distance(p);
      double signed = index.signedDistance(qx[k], qy[k]);
      assertThat(Math.abs(signed)).as("distance of point %d", k).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-6));
      assertThat(batch[k]).isEqualTo(signed);
      // Side: decided at the nearest segment JTS finds.
      int seg = new DistanceOp(line, p).nearestLocations()[0].getSegmentIndex();
      if (expected > 1e-6) {
        assertThat(signed > 0).as("side of point %d", k).isEqualTo(SegmentMath.isLeft(qx[k], qy[k], xs, ys, xs.length, seg));
      }
      double within = index.signedDistanceWithin(qx[k], qy[k], 2_000);
      if (facets.isWithinDistance(p, 2_000) && expected < 2_000 - 1e-6) {
        assertThat(within).isEqualTo(signed);
      } else if (expected > 2_000 + 1e-6) {
        assertThat(within).isNaN();
      }
    }
    // Crossings: tracks of 10 m to 5 km against JTS segment intersection.
    RobustLineIntersector li = new RobustLineIntersector();
    double[] out = new double[2];
    int crossings = 0;
    for (int k = 0; k + 1 < points; k += 2) {
      double len = 10 + rnd.nextDouble() * 5_000;
      double a = rnd.nextDouble() * 2 * Math.PI;
      Coordinate p1 = new Coordinate(qx[k], qy[k]);
      Coordinate p2 = new Coordinate(qx[k] + len * Math.cos(a), qy[k] + len * Math.sin(a));
      double bestF = Double.POSITIVE_INFINITY;
      int bestSeg = -1;
      for (int i = 0; i + 1 < v.length; i++) {
        li.computeIntersection(p1, p2, v[i], v[i + 1]);
        if (li.getIntersectionNum() == org.locationtech.jts.algorithm.LineIntersector.POINT_INTERSECTION) {
          Coordinate at = li.getIntersection(0);
          double f = p1.distance(at) / p1.distance(p2);
          if (f < bestF - 1e-9) {
            bestF = f;
            bestSeg = i;
          }
        }
      }
      int seg = index.firstCrossing(p1.x, p1.y, p2.x, p2.y, out);
      assertThat(seg).as("crossing segment of track %d", k).isEqualTo(bestSeg);
      if (seg >= 0) {
        crossings++;
        assertThat(out[0]).isCloseTo(bestF, org.assertj.core.api.Assertions.within(1e-9));
        boolean startsLeft = SegmentMath.cross(v[seg].x, v[seg].y, v[seg + 1].x, v[seg + 1].y, p1.x, p1.y) > 0;
        assertThat(out[1] > 0).isEqualTo(startsLeft);
      }
    }
    assertThat(crossings).as("the random tracks should cross the line sometimes").isGreaterThan(points / 40);
  }
}
