package io.watchline.geo.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.watchline.geo.context.BorderContext;
import io.watchline.geo.coverage.CoverageResult.GridFrame;
import io.watchline.geo.coverage.CoverageResult.SectorRow;
import io.watchline.geo.proj.LocalProjection;
import io.watchline.geo.sector.Sector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * One definition per figure, on random borders, sectors, sensors and patrols, with JTS as the
 * oracle: a sector's border length is the line inside it (cut: its piece; file: inside its
 * polygon, overlaps to the lower sector); sensor and patrol km are disjoint parts of it, gap km a part of what sensors leave; and
 * a point of the band belongs to the sector of its nearest piece (ties: the lower one).
 */
class SectorFiguresPropertyTest {
  static final GeometryFactory GF = new GeometryFactory();
  static final long T0 = Instant.parse("2026-11-27T18:00:00Z").toEpochMilli();
  static final long H = 3_600_000L;

  static LineString randomLineXy(Random rnd, int vertices) {
    Coordinate[] c = new Coordinate[vertices];
    double x = 0, y = 0, heading = rnd.nextDouble() * 6;
    for (int i = 0; i < vertices; i++) {
      c[i] = new Coordinate(x, y);
      heading += (rnd.nextDouble() - 0.5) * 0.9;
      double step = 100 + rnd.nextDouble() * 900;
      x += step * Math.cos(heading);
      y += step * Math.sin(heading);
    }
    return GF.createLineString(c);
  }

  static LineString lonLat(LineString xy) {
    return (LineString) LocalProjection.centredOn(42, 19.5).inverse(xy);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void cutSectorsPartsNeverExceedTheBorderAndBandPointsGoToTheNearestPiece(long seed) {
    Random rnd = new Random(seed);
    LineString line = lonLat(randomLineXy(rnd, 20 + rnd.nextInt(40)));
    double every = 2000 + rnd.nextDouble() * 6000;
    double band = 800 + rnd.nextDouble() * 3000;
    BorderContext ctx = BorderContext.of(line, "A", "B", null, every, band);
    LineString xy = (LineString) ctx.projection().forward(ctx.borderLonLat());
    LengthIndexedLine li = new LengthIndexedLine(xy);
    List<Geometry> pieces = new ArrayList<>();
    double at = 0;
    for (int k = 0; k < ctx.sectors().size(); k++) {
      Sector s = ctx.sectors().get(k);
      Geometry piece = li.extractLine(at, at + s.borderLengthM());
      assertThat(ctx.sectorBorderM(k)).isCloseTo(piece.getLength(), within(1e-6));
      pieces.add(piece);
      at += s.borderLengthM();
    }
    assertThat(at).isCloseTo(xy.getLength(), within(1e-6));
    checkFigures(ctx, rnd, piecesLength(pieces));
    checkBand(ctx, pieces, rnd);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void fileSectorsOwnTheLineInsideThemWithOverlapsToTheLowerSector(long seed) {
    Random rnd = new Random(seed);
    LineString lineXy = randomLineXy(rnd, 20 + rnd.nextInt(30));
    LineString line = lonLat(lineXy);
    // boxes around random points of the line, overlapping now and then, some of the line in none
    LocalProjection p = LocalProjection.centredOn(42, 19.5);
    List<Sector> sectors = new ArrayList<>();
    LengthIndexedLine li0 = new LengthIndexedLine(lineXy);
    int n = 3 + rnd.nextInt(5);
    for (int k = 0; k < n; k++) {
      Coordinate c = li0.extractPoint(rnd.nextDouble() * lineXy.getLength());
      double w = 1500 + rnd.nextDouble() * 4000;
      Geometry box = GF.toGeometry(new org.locationtech.jts.geom.Envelope(c.x - w, c.x + w, c.y - w, c.y + w));
      sectors.add(new Sector(String.format("F-%02d", k + 1), null, p.inverse(box), 0, "A", "B"));
    }
    BorderContext ctx = BorderContext.of(line, "A", "B", sectors, 0, 0);
    Geometry xy = ctx.projection().forward(ctx.borderLonLat());
    List<Geometry> polys = ctx.sectors().stream().map(s -> ctx.projection().forward(s.polygon())).toList();
    List<Geometry> owned = new ArrayList<>();
    double[] expected = new double[n];
    for (int k = 0; k < n; k++) {
      Geometry mine = xy.intersection(polys.get(k));
      if (k > 0) {
        mine = mine.difference(UnaryUnionOp.union(polys.subList(0, k)));
      }
      owned.add(mine);
      expected[k] = mine.getLength();
      assertThat(ctx.sectorBorderM(k)).as("sector %d", k).isCloseTo(expected[k], within(0.01));
    }
    checkFigures(ctx, rnd, expected);
  }

  static double[] piecesLength(List<Geometry> pieces) {
    return pieces.stream().mapToDouble(Geometry::getLength).toArray();
  }

  /** Coverage rows: border km as expected, the three parts disjoint and within it. */
  static void checkFigures(BorderContext ctx, Random rnd, double[] expectedM) {
    List<SensorSpec> sensors = new ArrayList<>();
    Map<String, Long> timeouts = new HashMap<>();
    LineString xy = (LineString) ctx.projection().forward(ctx.borderLonLat());
    LengthIndexedLine li = new LengthIndexedLine(xy);
    for (int k = 0; k < 3; k++) {
      Coordinate c = li.extractPoint(rnd.nextDouble() * xy.getLength());
      LocalProjection.LatLonPoint ll = ctx.projection().inverse(c.x + rnd.nextGaussian() * 1500, c.y + rnd.nextGaussian() * 1500);
      sensors.add(new SensorSpec("S" + k, ll.lat(), ll.lon(), 10, rnd.nextDouble() * 360, 90 + rnd.nextDouble() * 270, 0,
          1500 + rnd.nextDouble() * 4000, ViewshedParams.RADAR_CURVATURE));
      timeouts.put("S" + k, 30_000L);
    }
    CoverageOptions o = CoverageOptions.defaults(T0, T0 + 6 * H).withCell(100, 50).withPatrols(600, 2 * H);
    GridFrame f = CoverageAnalysis.frameFor(ctx, sensors, o.cellM(), 2000);
    CoverageAnalysis a = CoverageAnalysis.prepare(ctx, Terrain.bareEarth(f.west(), f.north(), f.width(), f.height(), o.cellM()),
        sensors, o);
    // a patrol along a random stretch, twice
    double from = rnd.nextDouble() * xy.getLength() * 0.7;
    for (int pass = 0; pass < 2; pass++) {
      for (int k = 0; k <= 100; k++) {
        Coordinate c = li.extractPoint(from + k * 60);
        LocalProjection.LatLonPoint ll = ctx.projection().inverse(c.x, c.y);
        a.addPatrolFix(new PatrolFix(ll.lat(), ll.lon(), T0 + pass * 3 * H + k * 60_000L, "P"));
      }
    }
    SensorUptime up = new SensorUptime(T0, T0 + 6 * H, timeouts);
    for (long t = T0; t < T0 + 6 * H; t += 10_000) {
      up.heard("S0", t);
      if (t < T0 + 2 * H) up.heard("S1", t);
    }
    CoverageResult r = a.finish(List.of(), up);
    for (int k = 0; k < r.sectors().size(); k++) {
      SectorRow row = r.sectors().get(k);
      assertThat(row.borderKm() * 1000).as(row.id()).isCloseTo(expectedM[k], within(0.01));
      assertThat(row.sensorKm() + row.patrolKm()).as(row.id()).isLessThanOrEqualTo(row.borderKm() + 1e-9);
      assertThat(row.sensorKm() + row.uncoveredKm()).as(row.id()).isLessThanOrEqualTo(row.borderKm() + 1e-9);
      assertThat(row.uncoveredPct()).isBetween(0.0, 100.0);
    }
    double samples = r.samples().stream().mapToDouble(CoverageResult.BorderSample::lengthM).sum();
    assertThat(samples).isCloseTo(xy.getLength(), within(1e-6));
  }

  /** Random points near the line: sector = nearest piece by JTS distance (ties lower), -1 outside the band. */
  static void checkBand(BorderContext ctx, List<Geometry> pieces, Random rnd) {
    LineString xy = (LineString) ctx.projection().forward(ctx.borderLonLat());
    List<Geometry> polys = ctx.sectors().stream().map(s -> ctx.projection().forward(s.polygon())).toList();
    LengthIndexedLine li = new LengthIndexedLine(xy);
    int checked = 0;
    for (int i = 0; i < 3000; i++) {
      Coordinate c = li.extractPoint(rnd.nextDouble() * xy.getLength());
      Point pt = GF.createPoint(new Coordinate(c.x + rnd.nextGaussian() * 3000, c.y + rnd.nextGaussian() * 3000));
      if (i % 5 == 0) {
        pt = GF.createPoint(c); // on the line itself
      }
      int got = ctx.sectorAt(pt.getX(), pt.getY());
      // points within a centimetre of a sector's outline may go either way
      final Point q = pt;
      if (polys.stream().anyMatch(g -> g.getBoundary().distance(q) < 0.01)) continue;
      if (polys.stream().noneMatch(g -> g.covers(q))) {
        assertThat(got).isEqualTo(-1);
        continue;
      }
      double best = Double.POSITIVE_INFINITY;
      int want = -1;
      for (int k = 0; k < pieces.size(); k++) {
        double d = pieces.get(k).distance(pt);
        if (d < best - 1e-6) {
          best = d;
          want = k;
        }
      }
      // pieces within a micrometre of the best distance tie: the lowest of them is expected
      assertThat(got).as("point %s", pt).isEqualTo(want);
      checked++;
    }
    assertThat(checked).isGreaterThan(1000);
  }
}
