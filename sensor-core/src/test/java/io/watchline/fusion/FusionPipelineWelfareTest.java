package io.watchline.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.feed.FeedReader;
import io.watchline.feed.ReadStats;
import io.watchline.feed.RejectSink;
import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.observation.Observation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Welfare cases through the whole pipeline: blue force and the minimum score never hide them. */
class FusionPipelineWelfareTest {
  /** A group walks north over the border (N side is left) and sits down 1.5 km inside for an hour. */
  static Synth abandoned(long seed) {
    return new Synth(seed)
        .radarTarget(Synth.T0, 0, -1500, 0, 1.2, 2500, 2, 0.9)
        .radarTarget(Synth.T0 + 2_502_000, 0, 1500, 0, 0, 3600, 2, 0.9);
  }

  static List<Incident> run(Synth s, double minScore, List<TrackSummary> tracks) throws IOException {
    List<Incident> out = new ArrayList<>();
    new FusionPipeline(Synth.BORDER, Synth.SITES).minScore(minScore).tracks(tracks::add)
        .run(List.of(reader(s.observations())), RejectSink.DISCARD, out::add);
    return out;
  }

  static List<Incident> welfare(List<Incident> all) {
    return all.stream().filter(i -> i.kind() == IncidentKind.WELFARE).toList();
  }

  @Test
  void aPatrolStanding50mAwayDoesNotHideThem() throws Exception {
    // the patrol stands 50 m east of where the group sits, GPS on, all night
    Synth s = abandoned(7).patrol("PATROL-9", Synth.T0, 50, 1500, 0, 0, 6200, 10);
    List<TrackSummary> tracks = new ArrayList<>();
    List<Incident> w = welfare(run(s, 0.99, tracks));
    assertThat(tracks).as("blue force takes the sitting group for the patrol").anyMatch(t -> "patrol".equals(t.label()));
    assertThat(w).hasSize(1);
    Incident i = w.get(0);
    double[] sat = Synth.at(0, 1500);
    assertThat(Math.abs(i.lat() - sat[0]) * 111_000).isLessThan(40);
    assertThat(i.factors().get("patrol_unit")).isEqualTo("PATROL-9");
    assertThat(((Number) i.factors().get("patrol_m")).doubleValue()).isBetween(20.0, 90.0);
    assertThat((String) i.factors().get("reasons")).contains("stationary").contains("crossed the border");
    assertThat(i.factors().get("after_crossing")).isEqualTo(true);
    assertThat(i.score()).as("kept although below --min-score 0.99").isLessThan(0.99);
    assertThat(i.id()).startsWith("INC-");
  }

  @Test
  void thePatrolsOwnEchoIsNoCase() throws Exception {
    // the patrol itself walks the same way and sits: its radar echo is the patrol
    Synth s = new Synth(8)
        .radarTarget(Synth.T0 + 2_502_000, 0, 1500, 0, 0, 3600, 2, 0.9)
        .patrol("PATROL-9", Synth.T0 + 2_502_000, 0, 1500, 0, 0, 3600, 10);
    assertThat(welfare(run(s, 0.5, new ArrayList<>()))).isEmpty();
  }

  @Test
  void withoutAnySignOfPeopleAStillEchoIsNoCase() throws Exception {
    // a still echo that neither crossed, walked there nor was called human (a fixed clutter point)
    Synth s = new Synth(9).radarTarget(Synth.T0, 400, 1500, 0, 0, 3600, 2, 0.9);
    assertThat(welfare(run(s, 0.5, new ArrayList<>()))).isEmpty();
    // the same group as above is one
    assertThat(welfare(run(abandoned(9), 0.5, new ArrayList<>()))).hasSize(1);
  }

  @Test
  void aClutterFieldsEchoACameraCallsHumanIsNoCase() throws Exception {
    // a wind turbine's echo, there from the feed's first scan all night, on the bearing of a camera
    // that sees people walking past behind it: the camera's "human" lands on the still echo. It never
    // arrived anywhere; the clutter map learns its place within 80 min
    Synth turbine = new Synth(11).radarTarget(Synth.T0, 400, 1500, 0, 0, 3 * 3600, 2, 0.9)
        .cameraTarget(Synth.CAM_E, Synth.T0, 400, 1500, 0, 0, 3 * 3600, "human");
    assertThat(reasons(run(turbine, 0.5, new ArrayList<>()))).isEmpty();
    // its echo lost for 5 min after two hours: the track begun again where the map already knows clutter
    Synth broken = new Synth(12).radarTarget(Synth.T0, 400, 1500, 0, 0, 2 * 3600, 2, 0.9)
        .radarTarget(Synth.T0 + (2 * 3600 + 300) * 1000L, 400, 1500, 0, 0, 3600, 2, 0.9)
        .cameraTarget(Synth.CAM_E, Synth.T0, 400, 1500, 0, 0, 3 * 3600 + 300, "human");
    assertThat(reasons(run(broken, 0.5, new ArrayList<>()))).isEmpty();
    // people who walked there and sat as long, called human by the same camera, are a case although
    // the map learns their place as clutter while they sit
    Synth people = new Synth(13).radarTarget(Synth.T0, 400, -500, 0, 1.0, 2000, 2, 0.9)
        .radarTarget(Synth.T0 + 2_002_000, 400, 1500, 0, 0, 3 * 3600, 2, 0.9)
        .cameraTarget(Synth.CAM_E, Synth.T0, 400, -500, 0, 1.0, 2000, "human")
        .cameraTarget(Synth.CAM_E, Synth.T0 + 2_002_000, 400, 1500, 0, 0, 3 * 3600, "human");
    assertThat(reasons(run(people, 0.5, new ArrayList<>()))).singleElement().asString().contains("stationary");
  }

  /** The welfare cases' reasons (short enough to read when a test fails). */
  static List<Object> reasons(List<Incident> all) {
    return welfare(all).stream().map(i -> i.factors().get("reasons")).toList();
  }

  static FeedReader reader(List<Observation> obs) {
    Iterator<Observation> it = obs.iterator();
    return new FeedReader() {
      @Override
      public Observation next() {
        return it.hasNext() ? it.next() : null;
      }

      @Override
      public ReadStats stats() {
        return new ReadStats("synth");
      }

      @Override
      public void close() {}
    };
  }
}
