package io.watchline.fusion.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.observation.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IncidentAssemblerTest {
  static final long T = Instant.parse("2026-11-27T23:00:00Z").toEpochMilli();

  static Candidate crossing(long id, long dtMs, double dLatM, String side) {
    return new Candidate(IncidentKind.CROSSING, T + dtMs, T + dtMs - 600_000, T + dtMs + 300_000, 42.0 + dLatM / 111_195, 19.0,
        "S-01", side, true, 0, 0, 1, "unknown", 0, Double.NaN, 40, 1.3, 0.95, 1, Double.NaN, id, List.of(),
        List.of(Source.atLine("radar.ndjson", id * 1000, id)));
  }

  @Test
  void tracksOfOneGroupAreOneIncidentTwoGroupsApartAreTwo() throws Exception {
    List<Incident> out = new ArrayList<>();
    IncidentAssembler a = new IncidentAssembler(80, 90_000, 300, 0, out::add);
    a.add(crossing(1, 0, 0, "ALB→MNE"));
    a.add(crossing(2, 20_000, 30, "ALB→MNE")); // same group: 30 m, 20 s
    a.add(crossing(3, 120_000, 150, "ALB→MNE")); // a second group 150 m and 2 min later
    a.add(crossing(4, 10_000, 10, "MNE→ALB")); // the other direction is another incident
    a.finish();
    assertThat(out).hasSize(3);
    Incident first = out.stream().filter(i -> i.factors().get("group_size").equals(2)).findFirst().orElseThrow();
    assertThat(first.evidence()).extracting(Source::line).containsExactly(1L, 2L);
    assertThat(out).extracting(Incident::id).containsExactly("INC-20261127-0001", "INC-20261127-0002", "INC-20261127-0003");
    assertThat(out).isSortedAccordingTo(java.util.Comparator.comparing(Incident::start));
  }

  @Test
  void lowScoresAreDropped() throws Exception {
    List<Incident> out = new ArrayList<>();
    IncidentAssembler a = new IncidentAssembler(80, 90_000, 300, 0.99, out::add);
    a.add(crossing(1, 0, 0, "ALB→MNE"));
    a.finish();
    assertThat(out).isEmpty();
    assertThat(a.candidates()).isEqualTo(1);
  }

  /** A candidate of track {@code id}: track from startMs, event at tMs, somewhere along 3 km. */
  static Candidate random(long id, long startMs, long tMs, Random r) {
    IncidentKind kind = IncidentKind.values()[r.nextInt(3)];
    return new Candidate(kind, tMs, startMs, tMs + 60_000, 42.0 + r.nextInt(30) * 100 / 111_195.0, 19.0,
        "S-01", r.nextBoolean() ? "ALB→MNE" : "MNE→ALB", true, 100, 0, 1 + r.nextInt(2), "unknown", 0, Double.NaN,
        10 + r.nextInt(50), 1.3, 0.8 + r.nextDouble() * 0.2, 1, Double.NaN, id, List.of(),
        List.of(Source.atLine("radar.ndjson", id * 100, id)));
  }

  /** Tracks start over 6 hours, last up to an hour, and close (hand in their candidate) later. */
  static List<Candidate> night(Random r) {
    List<Candidate> cs = new ArrayList<>();
    for (long id = 1; id <= 300; id++) {
      long start = T + (long) (r.nextDouble() * 6 * 3_600_000L);
      long event = start + (long) (r.nextDouble() * (r.nextInt(4) == 0 ? 3_600_000L : 300_000L));
      cs.add(random(id, start, event, r));
    }
    return cs;
  }

  /** A candidate arrives when its track closes, up to 40 min after the event. */
  static List<Candidate> byArrival(List<Candidate> cs, Random r) {
    Map<Long, Long> arrival = new HashMap<>();
    for (Candidate c : cs) arrival.put(c.trackId(), c.tMs() + (long) (r.nextDouble() * 2_400_000L));
    List<Candidate> byArrival = new ArrayList<>(cs);
    byArrival.sort(Comparator.comparingLong(c -> arrival.get(c.trackId())));
    return byArrival;
  }

  @Test
  void releasingAsTimePassesGivesExactlyWhatGroupingAtTheEndGives() throws Exception {
    for (long seed = 1; seed <= 20; seed++) {
      Random r = new Random(seed);
      List<Candidate> cs = night(r);
      List<Incident> batch = new ArrayList<>();
      IncidentAssembler all = new IncidentAssembler(300, 90_000, 300, 0.3, batch::add);
      cs.forEach(all::add);
      all.finish();

      // Streaming: a candidate arrives when its track closes (up to 40 min after the event); before
      // each arrival the caller promises that nothing still to come starts earlier.
      List<Candidate> byArrival = byArrival(cs, r);
      List<Incident> streamed = new ArrayList<>();
      IncidentAssembler live = new IncidentAssembler(300, 90_000, 300, 0.3, streamed::add);
      int emittedBeforeEnd = 0, maxHeld = 0;
      for (int i = 0; i < byArrival.size(); i++) {
        long bound = Long.MAX_VALUE;
        for (int j = i; j < byArrival.size(); j++) bound = Math.min(bound, byArrival.get(j).startMs());
        live.advance(bound);
        live.add(byArrival.get(i));
        emittedBeforeEnd = streamed.size();
        maxHeld = Math.max(maxHeld, live.held());
      }
      live.finish();
      assertThat(live.late()).isZero();
      assertThat(streamed).as("seed %d", seed).usingRecursiveFieldByFieldElementComparator().isEqualTo(batch);
      assertThat(batch.size()).isGreaterThan(50);
      assertThat(emittedBeforeEnd).as("incidents handed on before the end").isGreaterThan(batch.size() / 2);
      assertThat(maxHeld).as("candidates held at once").isLessThan(200);
    }
  }

  @Test
  void releasingWhenFinalGivesTheSameIncidentsSoonerNumberedAsTheyLeave() throws Exception {
    for (long seed = 1; seed <= 10; seed++) {
      Random r = new Random(seed);
      List<Candidate> cs = night(r);
      List<Candidate> byArrival = byArrival(cs, r);
      List<Incident> ordered = new ArrayList<>();
      List<Incident> released = new ArrayList<>();
      IncidentAssembler a = new IncidentAssembler(300, 90_000, 300, 0.3, ordered::add);
      IncidentAssembler b = new IncidentAssembler(300, 90_000, 300, 0.3, released::add);
      b.releaseWhenFinal();
      long orderedSooner = 0;
      long releasedSooner = 0;
      for (int i = 0; i < byArrival.size(); i++) {
        long bound = Long.MAX_VALUE;
        for (int j = i; j < byArrival.size(); j++) bound = Math.min(bound, byArrival.get(j).startMs());
        a.advance(bound);
        b.advance(bound);
        assertThat(released.size()).isGreaterThanOrEqualTo(ordered.size()); // never later than sorted release
        orderedSooner += ordered.size();
        releasedSooner += released.size();
        a.add(byArrival.get(i));
        b.add(byArrival.get(i));
      }
      a.finish();
      b.finish();
      // the same incidents (all but their numbers), numbered in the order they left
      Comparator<Incident> byContent = Comparator.comparing(Incident::start).thenComparing(Incident::end)
          .thenComparingDouble(Incident::lat).thenComparingDouble(Incident::lon);
      assertThat(released.stream().sorted(byContent).map(i -> i.start() + " " + i.end() + " " + i.lat() + " " + i.evidence()).toList())
          .isEqualTo(ordered.stream().map(i -> i.start() + " " + i.end() + " " + i.lat() + " " + i.evidence()).toList());
      assertThat(released).extracting(Incident::id).doesNotHaveDuplicates();
      assertThat(releasedSooner).as("seed %d: incident-steps handed on before their turn", seed).isGreaterThan(orderedSooner);
    }
  }
}
