package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.geo.context.BorderContext;
import io.watchline.geo.coverage.CoverageOptions;
import io.watchline.geo.coverage.CoverageResult;
import io.watchline.geo.coverage.SensorUptime;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one coverage assembly that {@code watchline coverage} and the nightly step share. */
class CoverageAssemblyTest {
  static final Path BORDER = Path.of("..", "fixtures", "data", "borders", "mne-alb.geojson");
  static final Instant T0 = Instant.parse("2026-11-20T19:00:00Z");

  static Observation patrol(int minute, String sensor, String unit) {
    return Observation.builder(T0.plusSeconds(60L * minute), Kind.PATROL).sensor(sensor).unit(unit)
        .position(42.5466 - minute * 0.0005, 20.05 - minute * 0.001).build();
  }

  @Test
  void patrolFixesGoToTheirUnitElseDeviceElseOneUnnamedPatrol() {
    assertThat(CoverageAssembly.patrolUnit(patrol(0, "GPS-7", "P-1"))).isEqualTo("P-1");
    assertThat(CoverageAssembly.patrolUnit(patrol(0, "GPS-7", null))).isEqualTo("GPS-7");
    assertThat(CoverageAssembly.patrolUnit(patrol(0, null, null))).isEqualTo("patrol");
  }

  @Test
  void observationsFeedPatrolsAndSensorLiveness() throws Exception {
    BorderContext ctx = BorderContext.load(BORDER, null, 10_000, 5_000);
    long start = T0.toEpochMilli();
    long end = start + 3_600_000;
    CoverageOptions o = CoverageOptions.defaults(start, end).withCell(200, 50);
    CoverageAssembly.Prepared p = CoverageAssembly.prepare(ctx, List.of(), o, 5_000, List.of(), false, io.watchline.geo.coverage.LineOfSight.DEFAULT);
    assertThat(p.terrain().flat()).isTrue();
    SensorUptime uptime = new SensorUptime(start, end, Map.of("RDR-01", 60_000L));
    // two fixes of an unnamed device and one of a named unit: two patrols
    assertThat(CoverageAssembly.add(p.analysis(), uptime, patrol(0, null, null))).isTrue();
    assertThat(CoverageAssembly.add(p.analysis(), uptime, patrol(5, null, null))).isTrue();
    assertThat(CoverageAssembly.add(p.analysis(), uptime, patrol(10, "GPS-7", "P-1"))).isTrue();
    // a patrol record without a position is no fix; a radar plot is a sign of life, not a patrol
    assertThat(CoverageAssembly.add(p.analysis(), uptime,
        Observation.builder(T0, Kind.PATROL).sensor("GPS-7").build())).isFalse();
    assertThat(CoverageAssembly.add(p.analysis(), uptime,
        Observation.builder(T0, Kind.RADAR).sensor("RDR-01").position(42.5, 19.9).build())).isFalse();
    assertThat(uptime.heardCount()).isEqualTo(1);
    CoverageResult r = p.analysis().finish(List.of(), uptime);
    assertThat(r.patrolStats().fixes()).isEqualTo(3);
    assertThat(r.patrolStats().units()).isEqualTo(2);
  }
}
