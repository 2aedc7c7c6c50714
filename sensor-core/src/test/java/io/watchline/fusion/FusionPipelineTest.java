package io.watchline.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchline.feed.FeedReader;
import io.watchline.feed.ReadStats;
import io.watchline.feed.RejectSink;
import io.watchline.fusion.track.Assigner;
import io.watchline.fusion.track.GlobalNearestNeighbour;
import io.watchline.fusion.track.Tracker;
import io.watchline.fusion.track.TrackerConfig;
import io.watchline.incident.Incident;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusionPipelineTest {
  /** A night: two walkers crossing an hour apart, one from each side. */
  private static Synth night() {
    return new Synth(8).radarTarget(Synth.T0, 300, 600, 0.2, -1.4, 900, 2, 0.9)
        .radarTarget(Synth.T0 + 3_600_000, -300, -600, 0.1, 1.3, 900, 2, 0.9);
  }

  /** The night's observations of one kind, as one feed. */
  private static FeedReader feed(Synth s, Kind kind) {
    Iterator<Observation> it = s.observations().stream().filter(o -> o.kind() == kind).iterator();
    ReadStats stats = new ReadStats(kind.name());
    return new FeedReader() {
      @Override public Observation next() { return it.hasNext() ? it.next() : null; }
      @Override public ReadStats stats() { return stats; }
      @Override public void close() {}
    };
  }

  private static List<Incident> direct(Synth s) throws IOException {
    List<Incident> out = new ArrayList<>();
    try (FusionEngine e = new FusionEngine(Synth.BORDER, Synth.SITES, FusionConfig.defaults(), TrackSink.NONE, 0.5, out::add)) {
      for (Observation o : s.observations()) e.accept(o);
      e.finish();
    }
    return out;
  }

  @Test
  void thePipelineMergesTheFeedsAndFusesAsTheEngineDoes() throws IOException {
    Synth s = night();
    List<Incident> out = new ArrayList<>();
    List<TrackSummary> tracks = new ArrayList<>();
    FusionPipeline.Result r = new FusionPipeline(Synth.BORDER, Synth.SITES).tracks(tracks::add)
        .run(List.of(feed(s, Kind.RADAR), feed(s, Kind.THERMAL), feed(s, Kind.PATROL)), RejectSink.DISCARD, out::add);
    assertThat(out).hasSize(2).isEqualTo(direct(s));
    assertThat(r.late()).isZero();
    assertThat(r.stats().incidents).isEqualTo(2);
    assertThat(r.stats().radar).isEqualTo(s.observations().stream().filter(o -> o.kind() == Kind.RADAR).count());
    assertThat(tracks).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void theTrackerStagesArePluggedInThroughThePipeline() throws IOException {
    Synth s = night();
    int[] scans = {0};
    Assigner counting = scan -> {
      scans[0]++;
      return new GlobalNearestNeighbour().assign(scan);
    };
    Tracker.Stages standard = Tracker.Stages.standard(TrackerConfig.defaults());
    List<Incident> out = new ArrayList<>();
    new FusionPipeline(Synth.BORDER, Synth.SITES)
        .trackerStages(new Tracker.Stages(standard.filters(), standard.gate(), counting, standard.initiator(), standard.deleter()))
        .run(List.of(feed(s, Kind.RADAR)), RejectSink.DISCARD, out::add);
    assertThat(scans[0]).isGreaterThan(500);
    assertThat(out).hasSize(2);

    // a confirmation rule that never confirms: no track, and no crossing seen on one; the walkers'
    // plots, dropped as tentative tracks, are chained as lone plots near the line (inferred crossings)
    List<Incident> none = new ArrayList<>();
    TrackerConfig strict = TrackerConfig.defaults().toBuilder().confirmHits(Integer.MAX_VALUE).build();
    FusionPipeline.Result r = new FusionPipeline(Synth.BORDER, Synth.SITES)
        .config(FusionConfig.defaults().toBuilder().tracker(strict).build())
        .run(List.of(feed(s, Kind.RADAR)), RejectSink.DISCARD, none::add);
    assertThat(none).allSatisfy(i -> assertThat(i.factors()).containsEntry("crossing", "inferred"));
    assertThat(r.stats().targetTracks).isZero();
  }

  @Test
  void aMinimumScoreOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> new FusionPipeline(Synth.BORDER, Synth.SITES).minScore(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..1");
  }
}
