package io.watchline.fusion.incident;

import static io.watchline.fusion.incident.FinderHarness.only;
import static io.watchline.fusion.incident.FinderHarness.plot;
import static io.watchline.fusion.incident.FinderHarness.points;
import static io.watchline.fusion.incident.FinderHarness.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.fusion.Synth;
import io.watchline.fusion.bluforce.PatrolPositions;
import io.watchline.fusion.border.BorderTrace;
import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.quality.QualityConfig;
import io.watchline.fusion.track.Track;
import io.watchline.fusion.track.Tracker;
import io.watchline.incident.IncidentKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Returns and standing starts of one radar-only track, on Synth's east-west border (north side "N"). */
class CandidateFinderReturnTest {
  private static final BorderView B = Synth.BORDER;

  @Test
  void aReturnWhoseCrossingsAreFartherApartThanTheRecrossWindowIsTwoCrossings() {
    // a group walks 700 m south over the line (~9 min), on 300 m, stays 14 min, walks back: its
    // crossings are ~32 min apart, beyond the 30-min recross window
    Tracker tracker = tracker();
    BorderTrace trace = new BorderTrace(B, 1000);
    long t = Synth.T0;
    double n = 700;
    for (; n > -700; n -= 2.6, t += 2000) plot(tracker, trace, t, 300, n);
    for (long end = t + 14 * 60_000L; t < end; t += 2000) plot(tracker, trace, t, 300, n);
    for (; n < 700; n += 2.6, t += 2000) plot(tracker, trace, t, 300, n);
    Track track = only(tracker);
    assertThat(trace.crossings()).hasSize(2);
    assertThat(trace.crossings().get(1).tMs() - trace.crossings().get(0).tMs()).isGreaterThan(30 * 60_000L);

    List<Candidate> out = crossings(track, trace, IncidentConfig.defaults());
    assertThat(out).extracting(Candidate::side).containsExactly("N→S", "S→N");
    assertThat(out).extracting(Candidate::crossings).containsExactly(1, 1);
    assertThat(out).allSatisfy(c -> assertThat(c.straightness()).isGreaterThan(0.9));
    // without it, each crossing judged on its own leg of the walk out and back; without that too, on
    // the whole out-and-back track: radar-only "grazing", nothing
    assertThat(crossings(track, trace, IncidentConfig.defaults().toBuilder().returnMaxMs(0).build()).size()).isEqualTo(2);
    assertThat(crossings(track, trace, IncidentConfig.defaults().toBuilder().returnMaxMs(0).returnMinStraightness(1.01).build()))
        .isEmpty();
  }

  @Test
  void aTrackThatBeganOnAStandingEchoIsJudgedFromWhenItSetOff() {
    // a fixed echo 600 m south of the line, wobbling 35 m about its place for 20 min, taken over by a
    // group walking past it north over the line
    Tracker tracker = tracker();
    BorderTrace trace = new BorderTrace(B, 1000);
    long t = Synth.T0;
    for (long end = t + 20 * 60_000L; t < end; t += 2000) {
      double a = 2 * Math.PI * (t - Synth.T0) / 120_000.0;
      plot(tracker, trace, t, 300 + 35 * Math.sin(a), -600 + 35 * Math.cos(a));
    }
    for (double n = -565; n < 700; n += 2.6, t += 2000) plot(tracker, trace, t, 300, n);
    Track track = only(tracker);
    assertThat(trace.crossings()).hasSize(1);

    List<Candidate> out = crossings(track, trace, IncidentConfig.defaults());
    assertThat(out).extracting(Candidate::side).containsExactly("S→N");
    assertThat(out.get(0).straightness()).isGreaterThan(0.8);
    // judged on its whole life, the wobble is wandering: radar-only "grazing", nothing
    assertThat(crossings(track, trace, IncidentConfig.defaults().toBuilder().standMinMs(Long.MAX_VALUE).build()))
        .isEmpty();
  }

  @Test
  void aWandererIsStillJudgedOnItsWholeLifeWhenItDidNotBeginStanding() {
    // legs of 200 m swinging 300 m sideways, then a straight 1.3 km over the line: straight around
    // the crossing, a wanderer over its life, and it never stood
    Tracker tracker = tracker();
    BorderTrace trace = new BorderTrace(B, 1000);
    long t = Synth.T0;
    double e = 0, n = -2400;
    for (int leg = 0; leg < 9; leg++) {
      double toE = leg % 2 == 0 ? 300 : 0, toN = n + 200;
      double len = Math.hypot(toE - e, toN - n);
      for (double d = 0; d < len; d += 2.4, t += 2000) plot(tracker, trace, t, e + (toE - e) * d / len, n + (toN - n) * d / len);
      e = toE;
      n = toN;
    }
    for (; n < 700; n += 2.6, t += 2000) plot(tracker, trace, t, e, n);
    Track track = only(tracker);
    assertThat(trace.crossings()).hasSize(1);
    assertThat(crossings(track, trace, IncidentConfig.defaults())).isEmpty();
  }

  @Test
  void aGroupLostJustOverTheLineAndFoundBackAcrossItLaterCameBackUnseen() {
    for (long backAfterMin : new long[] {23, 2, 60}) {
      List<Candidate> out = new ArrayList<>();
      IncidentConfig cfg = IncidentConfig.defaults();
      CrossingStitcher stitcher = new CrossingStitcher(B, cfg, 30_000, QualityConfig.defaults().maxWalkMps(), out::add);
      try (CandidateFinder finder = new CandidateFinder(B, cfg, new PatrolPositions(600_000, 60_000), stitcher, out::add)) {
        long crossed = wentOverAndWasLost(finder);
        // found again 80 m north of the line, 100 m along it, walking away north
        Tracker back = tracker();
        BorderTrace backTrace = new BorderTrace(B, 1000);
        long t = crossed + backAfterMin * 60_000L;
        for (double n = 80; n < 700; n += 2.6, t += 2000) plot(back, backTrace, t, 400, n);
        Track came = only(back);
        finder.closed(came, backTrace, points(came), 1.3);
        stitcher.finish();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<String> sides = out.stream().filter(c -> c.kind() == IncidentKind.CROSSING).map(Candidate::side).toList();
      if (backAfterMin == 23) {
        // went over, stayed, came back: the crossing back inferred, just before it was found
        assertThat(sides).as("back after 23 min").containsExactly("N→S", "S→N");
        Candidate ret = out.stream().filter(c -> c.side().equals("S→N")).findFirst().orElseThrow();
        assertThat(ret.seen()).isFalse();
        assertThat(ret.crossings()).isEqualTo(1);
      } else {
        // 2 min: jitter or a second group on its heels; 60 min: another story
        assertThat(sides).as("back after " + backAfterMin + " min").containsExactly("N→S");
      }
    }
  }

  @Test
  void aReturnAnotherTrackWasSeenToMakeIsNotInferredAgain() {
    List<Candidate> out = new ArrayList<>();
    IncidentConfig cfg = IncidentConfig.defaults();
    CrossingStitcher stitcher = new CrossingStitcher(B, cfg, 30_000, QualityConfig.defaults().maxWalkMps(), out::add);
    try (CandidateFinder finder = new CandidateFinder(B, cfg, new PatrolPositions(600_000, 60_000), stitcher, out::add)) {
      long crossed = wentOverAndWasLost(finder);
      // the way back over the line followed by a track of its own, lost 300 m on ...
      Tracker over = tracker();
      BorderTrace overTrace = new BorderTrace(B, 1000);
      long t = crossed + 19 * 60_000L;
      for (double n = -300; n < 300; n += 2.6, t += 2000) plot(over, overTrace, t, 350, n);
      Track seen = only(over);
      finder.closed(seen, overTrace, points(seen), 1.3);
      // ... and the group found again walking on from there
      Tracker back = tracker();
      BorderTrace backTrace = new BorderTrace(B, 1000);
      t += 60_000;
      for (double n = 400; n < 1000; n += 2.6, t += 2000) plot(back, backTrace, t, 400, n);
      Track came = only(back);
      finder.closed(came, backTrace, points(came), 1.3);
      stitcher.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(out).filteredOn(c -> c.kind() == IncidentKind.CROSSING).extracting(Candidate::side, Candidate::seen)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("N→S", true), org.assertj.core.groups.Tuple.tuple("S→N", true));
  }

  /**
   * A group walking south from 700 m over the line, lost 80 m beyond it (standing people, a Doppler
   * radar), handed to the finder; returns when it crossed.
   */
  private static long wentOverAndWasLost(CandidateFinder finder) {
    Tracker in = tracker();
    BorderTrace inTrace = new BorderTrace(B, 1000);
    long t = Synth.T0;
    for (double n = 700; n > -80; n -= 2.6, t += 2000) plot(in, inTrace, t, 300, n);
    Track went = only(in);
    finder.closed(went, inTrace, points(went), 1.3);
    return inTrace.crossings().get(0).tMs();
  }

  private static List<Candidate> crossings(Track track, BorderTrace trace, IncidentConfig cfg) {
    return FinderHarness.crossings(track, trace, cfg, 1.3);
  }
}
