package io.watchline.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.feed.FeedReader;
import io.watchline.fixtures.DemoScenario;
import io.watchline.fixtures.FixtureData;
import io.watchline.fixtures.sim.ScenarioConfig;
import io.watchline.fixtures.sim.SimulationWriter;
import io.watchline.fusion.FusionPipeline;
import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.partition.RegionPartitioner;
import io.watchline.geo.geodesy.Geodesy;
import io.watchline.incident.Incident;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A simulated night on the bundled border (radar, thermal and patrol files) and the incidents
 * embedded {@code fuse} finds in it: what every Flink run is compared with.
 */
record SimulatedNight(Path border, Path sites, List<String> inputs, List<Incident> embedded) {

  static SimulatedNight write(Path dir, LocalTime from, LocalTime to) throws IOException {
    Path border = FixtureData.copy(FixtureData.BORDER_MNE_ALB, dir.resolve("border.geojson"));
    Path sites = FixtureData.copy(FixtureData.DEMO_SITES, dir.resolve("sites.yaml"));
    LocalDate day = LocalDate.of(2026, 11, 27);
    ScenarioConfig night = ScenarioConfig.night(18, day).withWindow(day, from, to);
    SimulationWriter.toDirectory(DemoScenario.simulation(night), DemoScenario.INPUTS, Long.MAX_VALUE, dir);
    List<String> inputs = new ArrayList<>();
    for (String f : List.of("radar.ndjson", "thermal.ndjson", "patrol.ndjson")) {
      inputs.add(dir.resolve(f).toString());
    }
    List<Incident> embedded = new ArrayList<>();
    new FusionPipeline(view(border), SiteRegistry.load(sites)).minScore(0.5).run(readers(inputs), r -> {}, embedded::add);
    assertThat(embedded).as("the simulated night has incidents").hasSizeGreaterThan(5);
    return new SimulatedNight(border, sites, List.copyOf(inputs), List.copyOf(embedded));
  }

  static BorderView view(Path border) throws IOException {
    return BorderView.load(border, null, 10_000, 5_000);
  }

  static List<FeedReader> readers(List<String> inputs) throws IOException {
    List<FeedReader> readers = new ArrayList<>();
    for (String f : inputs) {
      readers.add(new NdjsonObservationReader(Files.newInputStream(Path.of(f)), f, r -> {}));
    }
    return readers;
  }

  FuseSettings settings(int regions) {
    return new FuseSettings(inputs, border.toString(), null, 10_000, 5_000, sites.toString(), 0.5,
        FusionPipeline.DEFAULT_REORDER_WINDOW_MS, regions, RegionPartitioner.DEFAULT_HALO_M);
  }

  static List<String> summary(List<Incident> incidents) {
    return incidents.stream().map(i -> i.kind() + " " + i.sector() + " " + i.side() + " " + i.eventTime()
        + String.format(Locale.ROOT, " %.5f,%.5f", i.lat(), i.lon())).toList();
  }

  /** One-to-one: same kind, sector, side; event time within 1 s; position within 10 m. */
  static void assertSameIncidents(List<Incident> got, List<Incident> want) {
    assertThat(got.size()).as("incident count: flink %s, embedded %s", summary(got), summary(want)).isEqualTo(want.size());
    List<Incident> left = new ArrayList<>(got);
    for (Incident w : want) {
      Incident match = null;
      for (Incident g : left) {
        if (g.kind() == w.kind() && Objects.equals(g.sector(), w.sector()) && Objects.equals(g.side(), w.side())
            && Math.abs(g.eventTime().toEpochMilli() - w.eventTime().toEpochMilli()) <= 1000
            && Math.abs(g.start().toEpochMilli() - w.start().toEpochMilli()) <= 1000
            && Geodesy.distance(g.lat(), g.lon(), w.lat(), w.lon()) <= 10) {
          match = g;
          break;
        }
      }
      assertThat(match).as("flink incident for %s %s %s at %s", w.kind(), w.sector(), w.side(), w.eventTime()).isNotNull();
      left.remove(match);
    }
  }
}
