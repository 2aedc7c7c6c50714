package io.watchline.flink;

import static io.watchline.flink.SimulatedNight.assertSameIncidents;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.partition.RegionPartitioner;
import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.sites.SiteRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flink job on a MiniCluster (1 task manager, 2 slots) finds what embedded fusion finds on a
 * simulated night: the same number of incidents, each with the same kind, sector and side, time
 * within 1 s and position within 10 m; also when every sector is its own region, so that many
 * crossings lie within the halo of a region edge and are fused twice, then owned once.
 */
@ExtendWith(SharedMiniCluster.class)
class FlinkFuseEquivalenceTest {
  @TempDir static Path dir;
  static SimulatedNight night;

  @BeforeAll
  static void simulateAndFuseEmbedded() throws Exception {
    // Half an hour: enough incidents, crossings among them on region edges, at a quarter of the cost of two hours.
    night = SimulatedNight.write(dir, LocalTime.of(22, 0), LocalTime.of(22, 30));
  }

  record Run(FuseJob.Result result, List<Incident> incidents) {}

  static Run runFlink(FuseSettings s) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(SharedMiniCluster.SLOTS);
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
    Run run = runFlink(night.settings(2));
    FuseJob.Result r = run.result();
    assertSameIncidents(run.incidents(), night.embedded());
    assertThat(r.late()).isZero();
    assertThat(r.duplication()).isGreaterThan(1.0);
    // Ids are fuse's: numbered per day in order of start over all regions.
    assertThat(run.incidents().stream().map(Incident::id).toList())
        .isEqualTo(night.embedded().stream().map(Incident::id).toList());
  }

  @Test
  void oneRegionPerSectorPutsCrossingsOnRegionEdgesAndStillAgrees() throws Exception {
    BorderView view = SimulatedNight.view(night.border());
    FuseSettings s = night.settings(view.context().sectors().size());
    RegionPartitioner p = RegionPartitioner.of(view, SiteRegistry.load(night.sites()), s.regions(), s.haloM());
    List<Incident> onEdges = night.embedded().stream().filter(i -> p.regionsNear(i.lat(), i.lon(), 0).length > 1).toList();
    assertThat(onEdges).as("incidents within the halo of another region").hasSizeGreaterThan(3)
        .anyMatch(i -> i.kind() == IncidentKind.CROSSING);
    assertSameIncidents(runFlink(s).incidents(), night.embedded());
  }
}
