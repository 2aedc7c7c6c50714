package io.watchline.geo.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.watchline.geo.context.BorderContext;
import io.watchline.geo.coverage.CoverageResult.Gap;
import io.watchline.geo.coverage.CoverageResult.GridFrame;
import io.watchline.geo.geodesy.Geodesy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/** End-to-end coverage maths on a straight border over bare earth, where every figure has a closed form. */
class CoverageAnalysisTest {
  static final GeometryFactory GF = new GeometryFactory();
  static final long T0 = Instant.parse("2026-11-20T18:00:00Z").toEpochMilli();
  static final long H = 3_600_000L;

  // a 0.1 degree east-west border at 42 N: 8.28 km
  static final LineString LINE = GF.createLineString(new Coordinate[] {new Coordinate(19.50, 42.0), new Coordinate(19.60, 42.0)});

  static BorderContext context() {
    return BorderContext.of(LINE, "A", "B", null, 4000, 2000);
  }

  static CoverageResult run(List<SensorSpec> sensors, List<PatrolFix> fixes, CoverageOptions o,
      List<CoverageAnalysis.IncidentPoint> incidents) {
    BorderContext ctx = context();
    GridFrame f = CoverageAnalysis.frameFor(ctx, sensors, o.cellM(), 2500);
    Terrain t = Terrain.bareEarth(f.west(), f.north(), f.width(), f.height(), o.cellM());
    CoverageAnalysis a = CoverageAnalysis.prepare(ctx, t, sensors, o);
    fixes.forEach(a::addPatrolFix);
    return a.finish(incidents);
  }

  static SensorSpec mastNorthOfMiddle(double offsetM, double rangeM) {
    Geodesy.LatLon p = Geodesy.direct(42.0, 19.55, 0, offsetM);
    return new SensorSpec("CAM-1", p.lat(), p.lon(), 10, 0, 360, 0, rangeM, ViewshedParams.OPTICAL_CURVATURE);
  }

  @Test
  void aMastSeesTheChordOfItsRangeCircleAndTheRestIsTwoGaps() {
    CoverageOptions o = CoverageOptions.defaults(T0, T0 + 12 * H).withCell(25, 25);
    CoverageResult r = run(List.of(mastNorthOfMiddle(500, 2000)), List.of(), o, List.of());
    double total = r.samples().stream().mapToDouble(CoverageResult.BorderSample::lengthM).sum();
    double seen = r.samples().stream().filter(CoverageResult.BorderSample::sensorSeen).mapToDouble(CoverageResult.BorderSample::lengthM).sum();
    double chord = 2 * Math.sqrt(2000.0 * 2000 - 500.0 * 500);
    assertThat(total).isCloseTo(Geodesy.distance(42, 19.5, 42, 19.6), within(20.0));
    assertThat(seen).isCloseTo(chord, within(60.0));
    assertThat(r.gaps()).hasSize(2);
    for (Gap g : r.gaps()) {
      assertThat(g.lengthM()).isCloseTo((total - chord) / 2, within(60.0));
      assertThat(g.meanUnwatchedHours()).as("never patrolled: unwatched all the 12 h window").isCloseTo(12.0, within(1e-9));
    }
    double gapKm = r.sectors().stream().mapToDouble(CoverageResult.SectorRow::uncoveredKm).sum();
    assertThat(gapKm * 1000).isCloseTo(total - chord, within(100.0));
    assertThat(r.notes().get(0)).startsWith("FLAT EARTH");
  }

  @Test
  void aNarrowFieldOfViewSeesOnlyItsWedge() {
    Geodesy.LatLon p = Geodesy.direct(42.0, 19.55, 0, 1000);
    // looking due south-east with a 60 degree fan: sees the border from 0 to 1000*tan(60) east of the foot point...
    SensorSpec s = new SensorSpec("CAM-2", p.lat(), p.lon(), 10, 150, 60, 0, 5000, ViewshedParams.OPTICAL_CURVATURE);
    CoverageOptions o = CoverageOptions.defaults(T0, T0 + 12 * H).withCell(25, 25);
    CoverageResult r = run(List.of(s), List.of(), o, List.of());
    // bearings 120..180 from the mast: the border is seen from x = 0 to x = 1000 * tan(60 deg) = 1732 m east
    double seen = r.samples().stream().filter(CoverageResult.BorderSample::sensorSeen).mapToDouble(CoverageResult.BorderSample::lengthM).sum();
    assertThat(seen).isCloseTo(1732, within(60.0));
    double minX = r.samples().stream().filter(CoverageResult.BorderSample::sensorSeen).mapToDouble(CoverageResult.BorderSample::lon).min().orElseThrow();
    assertThat(minX).isCloseTo(19.55, within(0.0008));
  }

  @Test
  void aPatrolClosesTheStretchItWalkedWithinTheRevisitTime() {
    CoverageOptions o = CoverageOptions.defaults(T0, T0 + 6 * H).withCell(25, 25);
    // walk the western 1 km of the border and back (one fix every 30 s at 1.1 m/s), out 1 h before
    // the 6 h window (that visit still watches its first 3 h) and back 3.5 h into it: with a 4 h
    // revisit time that stretch is never unwatched
    List<PatrolFix> fixes = new java.util.ArrayList<>();
    for (int k = 0; k <= 30; k++) {
      Geodesy.LatLon q = Geodesy.direct(42.0, 19.50, 90, k * 33.0);
      fixes.add(new PatrolFix(q.lat(), q.lon(), T0 - H + k * 30_000L, "P-1"));
    }
    for (int k = 30; k >= 0; k--) {
      Geodesy.LatLon q = Geodesy.direct(42.0, 19.50, 90, k * 33.0);
      fixes.add(new PatrolFix(q.lat(), q.lon(), T0 + 2 * H + 30 * 60_000L + (30 - k) * 30_000L, "P-1"));
    }
    CoverageResult withPatrol = run(List.of(mastNorthOfMiddle(500, 2000)), fixes, o, List.of());
    CoverageResult without = run(List.of(mastNorthOfMiddle(500, 2000)), List.of(), o, List.of());
    Gap west = withPatrol.gaps().stream().min((a, b) -> Double.compare(a.fromM(), b.fromM())).orElseThrow();
    Gap westBefore = without.gaps().stream().min((a, b) -> Double.compare(a.fromM(), b.fromM())).orElseThrow();
    // the patrol covers 990 m plus half its 300 m sweep
    assertThat(westBefore.lengthM() - west.lengthM()).isCloseTo(990 + 150, within(60.0));
    assertThat(west.fromM()).isCloseTo(1150, within(60.0));
    assertThat(withPatrol.patrolStats().inWindow()).as("the walk before the window is not drawn").isEqualTo(31);
    assertThat(withPatrol.tracks()).hasSize(1);
  }

  @Test
  void incidentsInsideGapsAreCountedPerGapAndSector() {
    CoverageOptions o = CoverageOptions.defaults(T0, T0 + 12 * H).withCell(25, 25);
    Geodesy.LatLon inWestGap = Geodesy.direct(42.0, 19.505, 180, 200);
    Geodesy.LatLon seen = Geodesy.direct(42.0, 19.55, 180, 100);
    List<CoverageAnalysis.IncidentPoint> inc = List.of(
        new CoverageAnalysis.IncidentPoint("I-1", inWestGap.lat(), inWestGap.lon(), T0 + H),
        new CoverageAnalysis.IncidentPoint("I-2", seen.lat(), seen.lon(), T0 + H),
        new CoverageAnalysis.IncidentPoint("I-3", inWestGap.lat(), inWestGap.lon(), T0 - H));
    CoverageResult r = run(List.of(mastNorthOfMiddle(500, 2000)), List.of(), o, inc);
    assertThat(r.gaps().stream().mapToInt(Gap::incidents).sum()).as("one in a gap, one seen, one before the window").isEqualTo(1);
    assertThat(r.sectors().stream().mapToInt(CoverageResult.SectorRow::incidentsInGaps).sum()).isEqualTo(1);
  }

  @Test
  void suggestionsAreGreedyAndTheirAddedLengthsShrink() {
    CoverageOptions d = CoverageOptions.defaults(T0, T0 + 12 * H);
    // short-range candidates (1.2 km) so that one suggestion cannot close both gaps
    CoverageOptions o = new CoverageOptions(d.windowStartMillis(), d.windowEndMillis(), -1, -1, 1.7, 25, 25, 300, 4 * H, 200,
        1, 0.5, 2, 500, 10, 1200, 2000);
    CoverageResult r = run(List.of(mastNorthOfMiddle(500, 2000)), List.of(), o, List.of());
    List<CoverageResult.Suggestion> sensors = r.suggestions().stream().filter(s -> s.kind().equals("sensor")).toList();
    assertThat(sensors).hasSize(2);
    assertThat(sensors.get(0).addedKm()).isGreaterThanOrEqualTo(sensors.get(1).addedKm()).isGreaterThan(1.0);
    double gapKm = r.gaps().stream().mapToDouble(Gap::lengthM).sum() / 1000;
    assertThat(sensors.get(1).cumulativeKm()).isLessThanOrEqualTo(gapKm + 1e-9);
    List<CoverageResult.Suggestion> routes = r.suggestions().stream().filter(s -> s.kind().equals("patrol")).toList();
    assertThat(routes).isNotEmpty();
    assertThat(routes.get(0).routeLonLat().getNumPoints()).isGreaterThanOrEqualTo(2);
  }
}
