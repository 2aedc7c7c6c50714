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
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flink job on a MiniCluster (1 task manager, 2 slots) finds what embedded fusion finds on a
 * simulated night: the same number of incidents, each with the same kind, sector and side, time
 * within 1 s and position within 10 m; also when every sector is its own region, so that many
 * crossings lie within the halo of a region edge and are fused twice, then owned once.
 */
class FlinkFuseEquivalenceTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  @TempDir static Path dir;
  static Path border;
  static Path sites;
  static List<String> inputs;
  static List<Incident> embedded;

  @BeforeAll
  static void simulateAndFuseEmbedded() throws Exception {
    border = FixtureData.copy(FixtureData.BORDER_MNE_ALB, dir.resolve("border.geojson"));
    sites = FixtureData.copy(FixtureData.DEMO_SITES, dir.resolve("sites.yaml"));
    ScenarioConfig night = ScenarioConfig.night(18, LocalDate.of(2026, 11, 27))
        .withWindow(LocalDate.of(2026, 11, 27), LocalTime.of(22, 0), LocalTime.of(0, 0));
    SimulationWriter.toDirectory(DemoScenario.simulation(night), DemoScenario.INPUTS, Long.MAX_VALUE, dir);
    inputs = new ArrayList<>();
    for (String f : List.of("radar.ndjson", "thermal.ndjson", "patrol.ndjson")) {
      inputs.add(dir.resolve(f).toString());
    }
    BorderView view = BorderView.load(border, null, 10_000, 5_000);
    List<FeedReader> readers = new ArrayList<>();
    for (String f : inputs) {
      readers.add(new NdjsonObservationReader(Files.newInputStream(Path.of(f)), f, r -> {}));
    }
    embedded = new ArrayList<>();
    new FusionPipeline(view, SiteRegistry.load(sites)).minScore(0.5).run(readers, r -> {}, embedded::add);
    assertThat(embedded).as("the simulated night has incidents").hasSizeGreaterThan(5);
  }

  static FuseSettings settings(int regions) {
    return new FuseSettings(inputs, border.toString(), null, 10_000, 5_000, sites.toString(), 0.5,
        FusionPipeline.DEFAULT_REORDER_WINDOW_MS, regions, RegionPartitioner.DEFAULT_HALO_M);
  }

  record Run(FuseJob.Result result, List<Incident> incidents) {}

  static Run runFlink(FuseSettings s) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    ByteArrayOutputStream tracks = new ByteArrayOutputStream();
    ByteArrayOutputStream rejects = new ByteArrayOutputStream();
    List<Incident> incidents = new ArrayList<>();
    FuseJob.Result r;
    try (IncidentSpool spool = new IncidentSpool()) {
      r = FuseJob.execute(env, s, spool, tracks, rejects);
      spool.drain(incidents::add);
    }
    System.err.printf("flink: %d regions, %d observations, %d copies, %d tracks, %d incidents, %d rejects, %d late%n",
        s.regions(), r.observations(), r.copies(), r.tracks(), r.incidents(), r.rejects(), r.late());
    assertThat(rejects.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(tracks.toString(StandardCharsets.UTF_8).lines().count()).isEqualTo(r.tracks());
    assertThat(incidents).hasSize((int) r.incidents());
    return new Run(r, incidents);
  }

  @Test
  void twoRegionsOnTwoSlotsFindTheSameIncidentsAsEmbeddedFuse() throws Exception {
    Run run = runFlink(settings(2));
    FuseJob.Result r = run.result();
    assertSameIncidents(run.incidents(), embedded);
    assertThat(r.late()).isZero();
    assertThat(r.duplication()).isGreaterThan(1.0);
    // Ids are fuse's: numbered per day in order of start over all regions.
    assertThat(run.incidents().stream().map(Incident::id).toList())
        .isEqualTo(embedded.stream().map(Incident::id).toList());
  }

  @Test
  void oneRegionPerSectorPutsCrossingsOnRegionEdgesAndStillAgrees() throws Exception {
    BorderView view = BorderView.load(border, null, 10_000, 5_000);
    FuseSettings s = settings(view.context().sectors().size());
    RegionPartitioner p = RegionPartitioner.of(view, SiteRegistry.load(sites), s.regions(), s.haloM());
    long onEdges = embedded.stream().filter(i -> p.regionsNear(i.lat(), i.lon(), 0).length > 1).count();
    assertThat(onEdges).as("incidents within the halo of another region").isGreaterThan(3);
    assertSameIncidents(runFlink(s).incidents(), embedded);
  }

  static List<String> summary(List<Incident> incidents) {
    return incidents.stream().map(i -> i.kind() + " " + i.sector() + " " + i.side() + " " + i.eventTime()
        + String.format(java.util.Locale.ROOT, " %.5f,%.5f", i.lat(), i.lon())).toList();
  }

  /** One-to-one: same kind, sector, side; event time within 1 s; position within 10 m. */
  static void assertSameIncidents(List<Incident> got, List<Incident> want) {
    assertThat(got.size()).as("incident count: flink %s, embedded %s", summary(got), summary(want)).isEqualTo(want.size());
    List<Incident> left = new ArrayList<>(got);
    for (Incident w : want) {
      Incident match = null;
      for (Incident g : left) {
        if (g.kind() == w.kind() && java.util.Objects.equals(g.sector(), w.sector()) && java.util.Objects.equals(g.side(), w.side())
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
