package io.watchline.geo.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.watchline.geo.context.BorderContext;
import io.watchline.geo.coverage.CoverageResult.GridFrame;
import io.watchline.geo.coverage.CoverageResult.SectorRow;
import io.watchline.geo.geodesy.Geodesy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sensor covers only while it is alive: outages from silences, gaps in time, the zero-observation night. */
class SensorAvailabilityTest {
  static final long T0 = Instant.parse("2026-11-27T22:00:00Z").toEpochMilli(); // 22:00 .. 06:00 UTC
  static final long H = 3_600_000L;
  static final long ONE = Instant.parse("2026-11-28T01:00:00Z").toEpochMilli();
  static final long THREE = Instant.parse("2026-11-28T03:00:00Z").toEpochMilli();

  static SensorSpec radar() {
    // all-round radar 1 km north of the middle of the 8.28 km border, 6 km range: sees all of it
    Geodesy.LatLon p = Geodesy.direct(42.0, 19.55, 0, 1000);
    return new SensorSpec("RDR-1", p.lat(), p.lon(), 12, 0, 360, 0, 6000, ViewshedParams.RADAR_CURVATURE);
  }

  static CoverageResult run(SensorUptime uptime, List<PatrolFix> fixes) {
    BorderContext ctx = CoverageAnalysisTest.context();
    CoverageOptions o = CoverageOptions.defaults(T0, T0 + 8 * H).withCell(50, 50);
    GridFrame f = CoverageAnalysis.frameFor(ctx, List.of(radar()), o.cellM(), 2500);
    Terrain t = Terrain.bareEarth(f.west(), f.north(), f.width(), f.height(), o.cellM());
    CoverageAnalysis a = CoverageAnalysis.prepare(ctx, t, List.of(radar()), o);
    fixes.forEach(a::addPatrolFix);
    return a.finish(List.of(), uptime);
  }

  static SensorUptime uptime() {
    return new SensorUptime(T0, T0 + 8 * H, Map.of("RDR-1", 12_000L));
  }

  /** The radar reports a scan every 4 s except from 01:00 to 03:00. */
  static SensorUptime radarDownOneToThree() {
    SensorUptime u = uptime();
    for (long t = T0 - 60_000; t < T0 + 8 * H; t += 4_000) {
      if (t < ONE || t >= THREE) u.heard("RDR-1", t);
    }
    return u;
  }

  @Test
  void aRadarDownFromOneToThreeLeavesItsBorderUnwatchedExactlyThen() {
    CoverageResult r = run(radarDownOneToThree(), List.of());
    SensorUptime.Availability a = r.availabilityOf("RDR-1");
    // heard last at 00:59:56, silent for more than the 12 s timeout from 01:00:08
    assertThat(a.outages()).containsExactly(ONE - 4_000 + 12_000, THREE);
    assertThat(a.upShare()).isCloseTo(1 - (THREE - ONE - 8_000) / (8.0 * H), within(1e-9));
    assertThat(r.gaps()).as("the whole border, one run").hasSize(1);
    assertThat(Intervals.format(r.gaps().get(0).unwatched(), 5)).isEqualTo("01:00–03:00");
    for (SectorRow s : r.sectors()) {
      assertThat(Intervals.format(s.unwatched(), 5)).isEqualTo("01:00–03:00");
      assertThat(s.sensorKm()).as("not watched all night").isZero();
      assertThat(s.uncoveredKm()).isCloseTo(s.borderKm(), within(1e-9));
      assertThat(s.unwatchedKmH()).isCloseTo(s.borderKm() * (THREE - ONE - 8_000) / (double) H, within(1e-6));
    }
    // the raster shows full-night coverage only: the radar was not up all night
    assertThat(r.seenPd()).containsOnly(0f);
  }

  @Test
  void aNightWithoutObservationsHasEverySensorDownAndOnlyPatrolledBorderWatched() {
    List<PatrolFix> fixes = new ArrayList<>();
    // a foot patrol walks the western 1 km every 2 hours from an hour before the window (4 h revisit: always watched there)
    for (long start = T0 - H; start < T0 + 8 * H; start += 2 * H) {
      for (int k = 0; k <= 30; k++) {
        Geodesy.LatLon q = Geodesy.direct(42.0, 19.50, 90, k * 33.0);
        fixes.add(new PatrolFix(q.lat(), q.lon(), start + k * 30_000L, "P-1"));
      }
    }
    CoverageResult r = run(uptime(), fixes);
    SensorUptime.Availability a = r.availabilityOf("RDR-1");
    assertThat(a.upShare()).isZero();
    assertThat(a.outages()).containsExactly(T0, T0 + 8 * H);
    double border = r.sectors().stream().mapToDouble(SectorRow::borderKm).sum();
    double sensor = r.sectors().stream().mapToDouble(SectorRow::sensorKm).sum();
    double patrol = r.sectors().stream().mapToDouble(SectorRow::patrolKm).sum();
    double gaps = r.sectors().stream().mapToDouble(SectorRow::uncoveredKm).sum();
    assertThat(sensor).isZero();
    // independently: the walked 990 m plus half the 300 m sweep beyond its eastern end, on 50 m samples
    assertThat(patrol).isCloseTo(0.990 + 0.150, within(0.06));
    assertThat(gaps).isCloseTo(border - patrol, within(1e-9));
  }

  @Test
  void withoutUptimeEverySensorIsAssumedUp() {
    CoverageResult r = run(null, List.of());
    assertThat(r.availabilityChecked()).isFalse();
    assertThat(r.gaps()).isEmpty();
    double border = r.sectors().stream().mapToDouble(SectorRow::borderKm).sum();
    assertThat(r.sectors().stream().mapToDouble(SectorRow::sensorKm).sum()).isCloseTo(border, within(1e-9));
  }

  @Test
  void silencesShorterThanTheTimeoutAreNoOutageAndRecordsMayComeInAnyOrder() {
    SensorUptime u = uptime();
    List<Long> times = new ArrayList<>();
    for (long t = T0; t < T0 + 8 * H; t += 10_000) times.add(t);
    java.util.Collections.shuffle(times, new java.util.Random(3));
    times.forEach(t -> u.heard("RDR-1", t));
    u.heard("RDR-9", T0);
    assertThat(u.availability("RDR-1").alwaysUp()).isTrue();
    assertThat(u.unknownCount()).isEqualTo(1);
  }
}
