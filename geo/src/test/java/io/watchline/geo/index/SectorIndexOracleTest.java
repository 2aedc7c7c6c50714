package io.watchline.geo.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.geo.proj.LocalProjection;
import io.watchline.geo.sector.Sector;
import io.watchline.geo.sector.SectorCutter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/** SectorIndex answers checked against JTS (STRtree of envelopes + IndexedPointInAreaLocator). */
class SectorIndexOracleTest {
  private static final GeometryFactory GF = new GeometryFactory();

  /** A star-shaped polygon with a jagged outline and sometimes a hole. */
  static Polygon star(Random rnd, double cx, double cy, double radius) {
    int n = 5 + rnd.nextInt(60);
    Coordinate[] c = new Coordinate[n + 1];
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * i / n;
      double r = radius * (0.3 + 0.7 * rnd.nextDouble());
      c[i] = new Coordinate(cx + r * Math.cos(a), cy + r * Math.sin(a));
    }
    c[n] = c[0];
    LinearRing shell = GF.createLinearRing(c);
    if (rnd.nextBoolean()) {
      double h = radius * 0.2;
      LinearRing hole = GF.createLinearRing(new Coordinate[] {
          new Coordinate(cx - h, cy - h), new Coordinate(cx + h, cy - h), new Coordinate(cx + h, cy + h),
          new Coordinate(cx - h, cy + h), new Coordinate(cx - h, cy - h)});
      return GF.createPolygon(shell, new LinearRing[] {hole});
    }
    return GF.createPolygon(shell);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void randomOverlappingPolygonsAgreeWithJts(long seed) {
    Random rnd = new Random(seed);
    List<Geometry> polys = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      polys.add(star(rnd, rnd.nextDouble() * 50_000, rnd.nextDouble() * 30_000, 1_000 + rnd.nextDouble() * 8_000));
    }
    check(polys, SectorIndex.build(polys, seed == 11 ? 0 : 20 + rnd.nextDouble() * 700), rnd, 30_000);
  }

  @Test
  void sectorsCutFromARandomBorderAgreeWithJts() {
    Random rnd = new Random(21);
    LineString line = BorderIndexOracleTest.randomLine(rnd, 600);
    LocalProjection proj = LocalProjection.centredOn(42, 19.5);
    // The cutter works in projected metres; the index takes the polygons back in metres.
    List<Sector> sectors = SectorCutter.cut(line, proj, 5_000, 3_000, "L", "R");
    List<Geometry> polys = sectors.stream().map(s -> proj.forward(s.polygon())).toList();
    check(polys, SectorIndex.build(polys), rnd, 30_000);
  }

  private static void check(List<Geometry> polys, SectorIndex index, Random rnd, int points) {
    STRtree tree = new STRtree();
    Envelope all = new Envelope();
    List<IndexedPointInAreaLocator> locators = new ArrayList<>();
    for (int i = 0; i < polys.size(); i++) {
      tree.insert(polys.get(i).getEnvelopeInternal(), i);
      all.expandToInclude(polys.get(i).getEnvelopeInternal());
      locators.add(new IndexedPointInAreaLocator(polys.get(i)));
    }
    all.expandBy(2_000);
    double[] xs = new double[points];
    double[] ys = new double[points];
    int[] batch = new int[points];
    for (int k = 0; k < points; k++) {
      if (k % 4 == 0) {
        // On or next to a polygon vertex, where the half-open rules matter.
        Geometry g = polys.get(rnd.nextInt(polys.size()));
        if (g.isEmpty()) {
          continue;
        }
        Coordinate v = g.getCoordinates()[rnd.nextInt(g.getNumPoints())];
        double r = k % 8 == 0 ? 0 : rnd.nextDouble() * 50;
        xs[k] = v.x + r * (rnd.nextDouble() - 0.5);
        ys[k] = v.y + r * (rnd.nextDouble() - 0.5);
      } else {
        xs[k] = all.getMinX() + rnd.nextDouble() * all.getWidth();
        ys[k] = all.getMinY() + rnd.nextDouble() * all.getHeight();
      }
    }
    index.sectorsOf(xs, ys, batch, points);
    int inside = 0;
    for (int k = 0; k < points; k++) {
      Coordinate p = new Coordinate(xs[k], ys[k]);
      @SuppressWarnings("unchecked")
      List<Integer> hits = tree.query(new Envelope(p));
      int expected = -1;
      boolean onBoundary = false;
      for (int i : hits.stream().sorted().toList()) {
        int loc = locators.get(i).locate(p);
        onBoundary |= loc == Location.BOUNDARY;
        if (loc != Location.EXTERIOR) {
          expected = i;
          break;
        }
      }
      if (onBoundary) {
        continue; // exactly on an outline: either answer is right
      }
      assertThat(batch[k]).as("sector of point %d (%s)", k, p).isEqualTo(expected);
      assertThat(index.sectorOf(xs[k], ys[k])).isEqualTo(expected);
      inside += expected >= 0 ? 1 : 0;
    }
    assertThat(inside).as("some points inside sectors").isGreaterThan(points / 10);
  }
}
