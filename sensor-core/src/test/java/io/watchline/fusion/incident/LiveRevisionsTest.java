package io.watchline.fusion.incident;

import static io.watchline.fusion.incident.IncidentAssemblerTest.crossing;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.incident.Incident;
import io.watchline.incident.IncidentRevision;
import io.watchline.incident.IncidentSink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live incident versions: ids kept, revisions counted, dissolved incidents withdrawn, reach respected. */
class LiveRevisionsTest {
  static final long T = IncidentAssemblerTest.T;

  static final class Versions implements IncidentSink {
    final List<IncidentRevision> all = new ArrayList<>();

    @Override public void accept(Incident i) {
      throw new AssertionError("live writes versions");
    }

    @Override public void revised(IncidentRevision r) {
      all.add(r);
    }

    String line(int k) {
      IncidentRevision r = all.get(k);
      return r.incident().id() + " rev " + r.rev() + (r.last() ? " final" : "") + (r.withdrawn() ? " withdrawn" : "")
          + " size " + r.incident().factors().get("group_size");
    }
  }

  static IncidentAssembler live(Versions v) {
    IncidentAssembler a = new IncidentAssembler(80, 90_000, 300, 0, v);
    a.releaseWhenFinal();
    return a;
  }

  /** A live track whose path ran along the line near the candidates: it holds them. */
  static Reach nearbyTrack() {
    return new Reach(T - 3_600_000, Long.MAX_VALUE, 41.999, 42.001, 18.999, 19.001, Long.MAX_VALUE, 0);
  }

  @Test
  void aGroupIsWrittenEarlyUpdatedAndFinalUnderOneId() throws Exception {
    Versions v = new Versions();
    IncidentAssembler a = live(v);
    a.add(crossing(1, 0, 0, "ALB→MNE"));
    a.advanceLive(T + 600_000, List.of(nearbyTrack()), List.of());
    a.advanceLive(T + 610_000, List.of(nearbyTrack()), List.of()); // nothing changed: nothing written
    a.add(crossing(2, 20_000, 30, "ALB→MNE"));
    a.advanceLive(T + 620_000, List.of(nearbyTrack()), List.of());
    a.advanceLive(T + 630_000, List.of(), List.of()); // the track ended
    assertThat(v.all).hasSize(3);
    assertThat(List.of(v.line(0), v.line(1), v.line(2))).containsExactly("INC-20261127-0001 rev 1 size 1",
        "INC-20261127-0001 rev 2 size 2", "INC-20261127-0001 rev 3 final size 2");
    assertThat(a.emitted()).isEqualTo(1);
  }

  @Test
  void anIncidentTakenIntoAnotherIsWithdrawn() throws Exception {
    Versions v = new Versions();
    IncidentAssembler a = live(v);
    a.add(crossing(1, 0, 0, "ALB→MNE"));
    a.add(crossing(3, 100_000, 0, "ALB→MNE")); // 100 s later: another incident
    a.advanceLive(T + 600_000, List.of(nearbyTrack()), List.of());
    assertThat(v.all).extracting(r -> r.incident().id()).containsExactly("INC-20261127-0001", "INC-20261127-0002");
    a.add(crossing(2, 50_000, 0, "ALB→MNE")); // between them: in event order, all three are one group
    a.finish();
    assertThat(List.of(v.line(2), v.line(3))).containsExactlyInAnyOrder("INC-20261127-0001 rev 2 final size 3",
        "INC-20261127-0002 rev 2 final withdrawn size 1");
    assertThat(v.all).hasSize(4);
    assertThat(a.emitted()).isEqualTo(1);
  }

  @Test
  void aFarAwayLiveTrackDoesNotHoldAGroupButANearOneDoes() throws Exception {
    Versions v = new Versions();
    IncidentAssembler a = live(v);
    a.add(crossing(1, 0, 0, "ALB→MNE"));
    Reach far = new Reach(T - 3_600_000, Long.MAX_VALUE, 42.05, 42.06, 19.0, 19.01, Long.MAX_VALUE, 0); // 5.5 km north
    a.advanceLive(T + 600_000, List.of(far), List.of());
    assertThat(v.all).hasSize(1);
    assertThat(v.all.get(0).last()).as("final while the far track lives on").isTrue();

    Versions w = new Versions();
    IncidentAssembler b = live(w);
    b.add(crossing(1, 0, 0, "ALB→MNE"));
    b.advanceLive(T + 600_000, List.of(nearbyTrack()), List.of());
    assertThat(w.all).hasSize(1);
    assertThat(w.all.get(0).last()).as("held while a track through the same place lives on").isFalse();
    // a track still to begin could join it: not final before its time plus the merge time
    Versions x = new Versions();
    IncidentAssembler c = live(x);
    c.add(crossing(1, 0, 0, "ALB→MNE"));
    c.advanceLive(T + 60_000, List.of(), List.of());
    assertThat(x.all.get(0).last()).isFalse();
  }

  @Test
  void aLooseEndsApproachIsWrittenAtOnceAndTheCrossingInferredLaterKeepsItsId() throws Exception {
    Versions v = new Versions();
    IncidentAssembler a = live(v);
    Candidate approach = new Candidate(io.watchline.incident.IncidentKind.APPROACH, T, T - 600_000, T + 30_000, 42.0,
        19.0, "S-01", "ALB", true, 40, 0, 1, "unknown", 0, Double.NaN, 40, 1.3, 0.95, 0, Double.NaN, 9, List.of(),
        List.of(io.watchline.observation.Source.atLine("radar.ndjson", 9_000, 9)));
    a.advanceLive(T + 60_000, List.of(), List.of(approach)); // the loose end waits for its window
    assertThat(v.all).hasSize(1);
    assertThat(v.all.get(0).incident().kind()).isEqualTo(io.watchline.incident.IncidentKind.APPROACH);
    assertThat(v.all.get(0).last()).isFalse();
    a.advanceLive(T + 70_000, List.of(), List.of(approach)); // unchanged: nothing written
    assertThat(v.all).hasSize(1);
    a.add(crossing(9, 40_000, 0, "ALB→MNE")); // the window closed: a crossing was inferred
    a.advanceLive(T + 1_300_000, List.of(), List.of());
    assertThat(List.of(v.line(0), v.line(1))).containsExactly("INC-20261127-0001 rev 1 size 1",
        "INC-20261127-0001 rev 2 final size 1");
    assertThat(v.all.get(1).incident().kind()).isEqualTo(io.watchline.incident.IncidentKind.CROSSING);
  }

  @Test
  void aLooseEndHoldsOnlyWhatItsWalkCanReachWithinItsWindow() {
    // lost at T, 2 m/s allowance, 20-minute window
    Reach end = Reach.around(T, T + 1_200_000, 42.0, 19.0, 200, 2);
    assertThat(end.mayMeet(crossing(1, 60_000, 300, "ALB→MNE"), 80, 90_000, 100)).isTrue(); // 300 m at 1 min: walkable
    assertThat(end.mayMeet(crossing(1, 60_000, 1_500, "ALB→MNE"), 80, 90_000, 100)).isFalse(); // 1.5 km at 1 min: not
    assertThat(end.mayMeet(crossing(1, 1_500_000, 0, "ALB→MNE"), 80, 90_000, 100)).isFalse(); // after the window
    assertThat(end.mayMeet(crossing(1, -200_000, 0, "ALB→MNE"), 80, 90_000, 100)).isFalse(); // before it was lost
  }
}
