package io.watchline.fusion.incident;

import static io.watchline.fusion.incident.FinderHarness.only;
import static io.watchline.fusion.incident.FinderHarness.plot;
import static io.watchline.fusion.incident.FinderHarness.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.fusion.Synth;
import io.watchline.fusion.border.BorderTrace;
import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.track.Track;
import io.watchline.fusion.track.Tracker;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Radar-only tracks that hold only part of a return, or a wait before the crossing, on Synth's
 * east-west border (north side "N"): judged on their legs, not over their whole life.
 */
class CandidateFinderOutAndBackTest {
  private static final BorderView B = Synth.BORDER;

  @Test
  void aTrackBegunAfterTheWalkOverThatStayedAndWalkedBackIsJudgedOnItsTwoLegs() {
    // the walk south over the line was another track; this one begins 150 m south of it, walks on
    // 500 m south (~6 min), turns and walks back north over the line and 2 km on
    Tracker tracker = tracker();
    BorderTrace trace = new BorderTrace(B, 1000);
    long t = Synth.T0;
    double n = -150;
    for (; n > -650; n -= 1.3, t += 1000) plot(tracker, trace, t, 300, n);
    for (; n < 2000; n += 1.3, t += 1000) plot(tracker, trace, t, 300, n);
    Track track = only(tracker);
    assertThat(trace.crossings()).hasSize(1);

    List<Candidate> out = crossings(track, trace, IncidentConfig.defaults());
    assertThat(out).extracting(Candidate::side).containsExactly("S→N");
    assertThat(out.get(0).straightness()).isGreaterThan(0.8);
    // judged over its whole life (0.6), the turn is wandering: radar-only "grazing", nothing
    assertThat(crossings(track, trace, IncidentConfig.defaults().toBuilder().returnMinStraightness(1.01).build())).isEmpty();
  }

  @Test
  void aTrackThatCrossedStayedAndWasLostWalkingBackToTheLineCameBack() {
    // followed from 40 m short of the line: over it, 600 m on north (~8 min), back south and lost
    // 90 m short of the line heading for it (the walk back beyond it unseen)
    Tracker tracker = tracker();
    BorderTrace trace = new BorderTrace(B, 1000);
    long t = Synth.T0;
    double n = -40;
    for (; n < 600; n += 1.3, t += 1000) plot(tracker, trace, t, 300, n);
    for (; n > 90; n -= 1.3, t += 1000) plot(tracker, trace, t, 300, n);
    Track track = only(tracker);
    assertThat(trace.crossings()).hasSize(1);

    List<Candidate> out = crossings(track, trace, IncidentConfig.defaults());
    assertThat(out).extracting(Candidate::side).containsExactly("S→N", "N→S");
    assertThat(out.get(0).seen()).isTrue();
    assertThat(out.get(1).seen()).isFalse();
    assertThat(out.get(1).tMs()).isGreaterThan(track.lastMs());
    assertThat(out.get(1).straightness()).isGreaterThan(0.9);
    // with legs judged no more (nor the walk back), nothing: the whole life measures 0.2
    assertThat(crossings(track, trace, IncidentConfig.defaults().toBuilder().returnMinStraightness(1.01).build())).isEmpty();
  }

  @Test
  void aWanderingTrackLostNearTheLineIsNoReturn() {
    // the same turn, but the walk back zigzags 200 m sideways every 100 m: no straight walk back
    Tracker tracker = tracker();
    BorderTrace trace = new BorderTrace(B, 1000);
    long t = Synth.T0;
    double n = -40;
    for (; n < 600; n += 1.3, t += 1000) plot(tracker, trace, t, 300, n);
    double e = 300;
    for (int leg = 0; n > 90; leg++) {
      double toE = leg % 2 == 0 ? 500 : 300, toN = n - 100;
      double len = Math.hypot(toE - e, toN - n);
      for (double d = 0; d < len; d += 1.3, t += 1000) plot(tracker, trace, t, e + (toE - e) * d / len, n + (toN - n) * d / len);
      e = toE;
      n = toN;
    }
    Track track = only(tracker);
    assertThat(crossings(track, trace, IncidentConfig.defaults())).extracting(Candidate::side).doesNotContain("N→S");
  }

  @Test
  void aGroupThatWaitedShortOfTheLineIsJudgedFromWhereItWaited() {
    // a walk of 4 km north to 110 m short of the line, 24 min shuffling 25 m about there, then on
    // north over the line and 1 km on
    Tracker tracker = tracker();
    BorderTrace trace = new BorderTrace(B, 1000);
    long t = Synth.T0;
    double n = -4100;
    for (; n < -110; n += 1.3, t += 1000) plot(tracker, trace, t, 300, n);
    for (long stay = t, end = t + 24 * 60_000L; t < end; t += 2000) {
      double a = 2 * Math.PI * (t - stay) / 120_000.0;
      plot(tracker, trace, t, 300 + 25 * Math.sin(a), n + 25 * (Math.cos(a) - 1));
    }
    for (; n < 1000; n += 1.3, t += 1000) plot(tracker, trace, t, 300, n);
    Track track = only(tracker);
    assertThat(trace.crossings()).hasSize(1);

    List<Candidate> out = crossings(track, trace, IncidentConfig.defaults());
    assertThat(out.stream().map(Candidate::side).toList()).containsExactly("S→N");
    // the window around the crossing holds the shuffling: radar-only "grazing" without the wait
    assertThat(crossings(track, trace, IncidentConfig.defaults().toBuilder().standMinMs(Long.MAX_VALUE).build()).size()).isZero();
  }

  private static List<Candidate> crossings(Track track, BorderTrace trace, IncidentConfig cfg) {
    return FinderHarness.crossings(track, trace, cfg, 1.3);
  }
}
