package io.watchline.fusion.incident;

import static io.watchline.fusion.incident.FinderHarness.plot;
import static io.watchline.fusion.incident.FinderHarness.points;
import static io.watchline.fusion.incident.FinderHarness.tracker;

import io.watchline.fusion.quality.QualityConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.fusion.Synth;
import io.watchline.fusion.bluforce.PatrolPositions;
import io.watchline.fusion.border.BorderTrace;
import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.track.Measurement;
import io.watchline.fusion.track.Track;
import io.watchline.fusion.track.Tracker;
import io.watchline.fusion.track.TrackerConfig;
import io.watchline.incident.IncidentKind;
import io.watchline.observation.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Candidates of one closed track, on Synth's east-west border (north side "N"). */
class CandidateFinderTest {
  private static final BorderView B = Synth.BORDER;

  @Test
  void aReturnIsTwoCrossingsEvenWhenADuplicateTrackLeftACrossingOutOfOrderBeforeIt() {
    // a group walks 500 m south over the line, waits 10 min, walks back north over it
    Tracker tracker = tracker();
    BorderTrace trace = new BorderTrace(B, 1000);
    long t = Synth.T0;
    double n = 500;
    for (; n > -480; n -= 2.8, t += 2000) plot(tracker, trace, t, 300, n);
    for (long end = t + 600_000; t < end; t += 2000) plot(tracker, trace, t, 300, n);
    // a duplicate track folded into this one just before the return had crossed southwards then
    // (jitter at the line): its crossing is adopted, and the return looks like a quick back and forth
    BorderTrace duplicate = new BorderTrace(B, 1000);
    double[] a = Synth.at(500, 20), b = Synth.at(500, -20);
    duplicate.add(t + 315_000, a[0], a[1]); // 20 s before this track's own return over the line
    duplicate.add(t + 325_000, b[0], b[1]);
    trace.adopt(duplicate);
    for (; n < 500; n += 2.8, t += 2000) plot(tracker, trace, t, 300, n);
    assertThat(tracker.live()).hasSize(1);
    Track track = tracker.live().get(0);
    assertThat(trace.crossings()).extracting(c -> c.from() + "→" + c.to()).containsExactly("N→S", "N→S", "S→N");

    List<Candidate> out = new ArrayList<>();
    IncidentConfig cfg = IncidentConfig.defaults();
    CrossingStitcher stitcher = new CrossingStitcher(B, cfg, 30_000, QualityConfig.defaults().maxWalkMps(), out::add);
    try (CandidateFinder finder = new CandidateFinder(B, cfg, new PatrolPositions(600_000, 60_000), stitcher, out::add)) {
      finder.closed(track, trace, points(track), 1.4);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(out).extracting(Candidate::kind).containsExactly(IncidentKind.CROSSING, IncidentKind.CROSSING);
    assertThat(out).extracting(Candidate::side).containsExactly("N→S", "S→N");
    assertThat(out).extracting(Candidate::crossings).containsExactly(1, 1); // no "recrossed" penalty
  }

  @Test
  void roadTrafficAGlimpseOrTheLeavingTrackCalledAVehicleIsNoStay() {
    // people glimpsed twice 300 m north of the line, 30 min apart, then a track leaving from there:
    // a loiter from the first glimpse. Cars glimpsed there, or a car leaving, make none
    for (String glimpsed : List.of("human", "vehicle")) {
      for (String leaving : List.of("human", "vehicle")) {
        List<Candidate> out = new ArrayList<>();
        IncidentConfig cfg = IncidentConfig.defaults();
        CrossingStitcher stitcher = new CrossingStitcher(B, cfg, 30_000, QualityConfig.defaults().maxWalkMps(), out::add);
        long t0 = Synth.T0;
        try (CandidateFinder finder = new CandidateFinder(B, cfg, new PatrolPositions(600_000, 60_000), stitcher, out::add)) {
          finder.glimpse(walk(t0, 300, 0.2, 60_000, glimpsed));
          finder.glimpse(walk(t0 + 30 * 60_000L, 320, 0.2, 60_000, glimpsed));
          Track away = walk(t0 + 35 * 60_000L, 330, 1.3, 10 * 60_000L, leaving);
          finder.closed(away, trace(away), points(away), 1.3);
          stitcher.finish();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        boolean people = glimpsed.equals("human") && leaving.equals("human");
        assertThat(out).as(glimpsed + " glimpsed, " + leaving + " leaving")
            .filteredOn(c -> c.kind() == IncidentKind.LOITER).hasSize(people ? 1 : 0);
        if (people) {
          assertThat(out.get(0).dwellMs()).isBetween(35 * 60_000L - 2 * 60_000L, 35 * 60_000L);
        }
      }
    }
  }

  @Test
  void aStayOnlyGlimpsedIsDatedAtItsMiddleNotWhenTheLeavingTrackWasPickedUp() {
    // people glimpsed 300 m north of the line, again 30 min later, and a track picked up leaving from
    // there 35 min after the first glimpse (minutes after they set off): the loiter is dated at the
    // middle of the stay, when they surely stood there, not at the leaving track's first plot
    List<Candidate> out = new ArrayList<>();
    IncidentConfig cfg = IncidentConfig.defaults();
    CrossingStitcher stitcher = new CrossingStitcher(B, cfg, 30_000, QualityConfig.defaults().maxWalkMps(), out::add);
    long t0 = Synth.T0;
    try (CandidateFinder finder = new CandidateFinder(B, cfg, new PatrolPositions(600_000, 60_000), stitcher, out::add)) {
      finder.glimpse(walk(t0, 300, 0.2, 60_000, "human"));
      finder.glimpse(walk(t0 + 30 * 60_000L, 320, 0.2, 60_000, "human"));
      Track away = walk(t0 + 35 * 60_000L, 330, 1.3, 10 * 60_000L, "human");
      finder.closed(away, trace(away), points(away), 1.3);
      stitcher.finish();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    long since = t0 + 60_000, left = t0 + 35 * 60_000L;
    assertThat(out).filteredOn(c -> c.kind() == IncidentKind.LOITER).singleElement()
        .satisfies(c -> assertThat(c.tMs()).isBetween(since + (left - since) / 2 - 30_000, since + (left - since) / 2 + 30_000));
  }

  @Test
  void aCameraCallingAGroupAnAnimalDoesNotSinkItsCrossingWhenItWalkedAsPeopleDo() {
    // a group walks south over the line at 1.3 m/s for 40 min, called "animal" by a distant camera: its
    // crossing is scored without the class. A herd walking as straight at 0.6 m/s keeps it, and so does a
    // group followed for 10 min only (too little of the walk to overrule the camera)
    IncidentConfig cfg = IncidentConfig.defaults();
    Track people = walk(Synth.T0, 1500, -1.3, 40 * 60_000L, "animal");
    assertThat(FinderHarness.crossings(people, trace(people), cfg, 1.3)).singleElement()
        .satisfies(c -> assertThat(c.cls()).isEqualTo("unknown"))
        .satisfies(c -> assertThat(c.clsShare()).isZero());
    Track herd = walk(Synth.T0, 700, -0.6, 40 * 60_000L, "animal");
    assertThat(FinderHarness.crossings(herd, trace(herd), cfg, 0.6)).singleElement()
        .satisfies(c -> assertThat(c.cls()).isEqualTo("animal"));
    Track brief = walk(Synth.T0, 400, -1.3, 10 * 60_000L, "animal");
    assertThat(FinderHarness.crossings(brief, trace(brief), cfg, 1.3)).singleElement()
        .satisfies(c -> assertThat(c.cls()).isEqualTo("animal"));
  }

  @Test
  void aReturnACameraCalledAnAnimalIsTwoCrossingsWhenBothLegsWalkedAsPeopleDo() {
    // a group walks 40 min south at 1.3 m/s, over the line and 600 m on, stays 8 min and walks back north
    // over the line and 40 min on, called "animal" by a distant camera all along: two crossings scored
    // without the class. A herd on the same out-and-back path at 0.6 m/s stays an animal's wandering
    IncidentConfig cfg = IncidentConfig.defaults();
    Track people = outAndBack(1.3, "animal");
    assertThat(FinderHarness.crossings(people, trace(people), cfg, 1.3)).hasSize(2)
        .extracting(Candidate::side).containsExactly("N→S", "S→N");
    assertThat(FinderHarness.crossings(people, trace(people), cfg, 1.3))
        .allSatisfy(c -> assertThat(c.cls()).isEqualTo("unknown"));
    // the legs' walk not counted (faster than anybody walks): the camera's class sinks the return
    assertThat(FinderHarness.crossings(people, trace(people), cfg.toBuilder().peopleWalkMps(5).build(), 1.3)).isEmpty();
    Track herd = outAndBack(0.6, "animal");
    assertThat(FinderHarness.crossings(herd, trace(herd), cfg, 0.6)).allSatisfy(c -> assertThat(c.cls()).isEqualTo("animal"));
  }

  @Test
  void aGroupACameraCalledAnAnimalThatWaitedAtTheLineCrossesWhenItWalkedAsPeopleDoBeforeOrAfter() {
    // a group walks 30 min south at 1.2 m/s to 100 m short of the line, shuffles there 20 min (within
    // 50 m), crosses and walks 30 min on, called "animal" by a distant camera all along (nights 82 and
    // 84: 31-98 min tracks at 1.06-1.17 m/s over their best half hour). No half hour centred on the
    // crossing got on 1 m/s (the wait is in it), and judged about the crossing it "grazed"; its walks in
    // and out did: a crossing scored without the class. A herd on the same path at 0.6 m/s grazes
    IncidentConfig cfg = IncidentConfig.defaults();
    Track people = waitThenCross(1.2, "animal");
    assertThat(FinderHarness.crossings(people, trace(people), cfg, 1.2)).singleElement()
        .satisfies(c -> assertThat(c.cls()).isEqualTo("unknown"))
        .satisfies(c -> assertThat(c.side()).isEqualTo("N→S"));
    Track herd = waitThenCross(0.6, "animal");
    assertThat(FinderHarness.crossings(herd, trace(herd), cfg, 0.6)).isEmpty();
  }

  /** A camera-ranged track walking south at {@code v} m/s for 30 min to 100 m short of the line, shuffling 20 min, and on 30 min. */
  private static Track waitThenCross(double v, String cls) {
    Tracker tracker = new Tracker(TrackerConfig.defaults(), new Tracker.Listener() {
      @Override public void updated(Track t, Measurement m) {}
      @Override public void closed(Track t) {}
    });
    long leg = 30 * 60_000L, wait = 20 * 60_000L;
    double stand = 100, start = stand + v * leg / 1000.0;
    for (long t = Synth.T0, s = 0; s <= 2 * leg + wait; t += 1000, s += 1000) {
      // the wait: to and fro within 50 m of where it stopped, on two unrelated periods
      double shuffle = s > leg && s <= leg + wait ? Math.sin(Math.PI * (s - leg) / wait) : 0;
      double north = (s <= leg ? start - v * s / 1000.0 : s <= leg + wait ? stand : stand - v * (s - leg - wait) / 1000.0)
          + 20 * shuffle * Math.sin(2 * Math.PI * s / 110_000.0);
      double east = 200 + 50 * shuffle * Math.sin(2 * Math.PI * s / 150_000.0);
      double[] ll = Synth.at(east, north);
      double[] xy = B.toXY(ll[0], ll[1]);
      tracker.scan(List.of(Measurement.isotropic(t, xy[0], xy[1], 5, Kind.THERMAL, "C", List.of())), t);
    }
    Track track = tracker.live().get(0);
    for (int i = 0; i < 20; i++) track.corroborate(Kind.THERMAL, cls, 0.8, List.of());
    return track;
  }

  /** A camera-ranged track walking south at {@code v} m/s for 40 min to 600 m over the line, 8 min there, and back as long. */
  private static Track outAndBack(double v, String cls) {
    Tracker tracker = new Tracker(TrackerConfig.defaults(), new Tracker.Listener() {
      @Override public void updated(Track t, Measurement m) {}
      @Override public void closed(Track t) {}
    });
    long leg = 40 * 60_000L, stay = 8 * 60_000L;
    double far = -600, start = far + v * leg / 1000.0;
    for (long t = Synth.T0, s = 0; s <= 2 * leg + stay; t += 1000, s += 1000) {
      double north = s <= leg ? start - v * s / 1000.0 : s <= leg + stay ? far : far + v * (s - leg - stay) / 1000.0;
      double[] ll = Synth.at(200, north);
      double[] xy = B.toXY(ll[0], ll[1]);
      tracker.scan(List.of(Measurement.isotropic(t, xy[0], xy[1], 5, Kind.THERMAL, "C", List.of())), t);
    }
    Track track = tracker.live().get(0);
    for (int i = 0; i < 20; i++) track.corroborate(Kind.THERMAL, cls, 0.8, List.of());
    return track;
  }

  /** A camera-ranged track walking north from {@code north} m at {@code vn} m/s for {@code ms}, classified {@code cls}. */
  private static Track walk(long t0, double north, double vn, long ms, String cls) {
    Tracker tracker = new Tracker(TrackerConfig.defaults(), new Tracker.Listener() {
      @Override public void updated(Track t, Measurement m) {}
      @Override public void closed(Track t) {}
    });
    for (long t = t0; t <= t0 + ms; t += 1000) {
      double[] ll = Synth.at(200, north + vn * (t - t0) / 1000.0);
      double[] xy = B.toXY(ll[0], ll[1]);
      tracker.scan(List.of(Measurement.isotropic(t, xy[0], xy[1], 5, Kind.THERMAL, "C", List.of())), t);
    }
    Track track = tracker.live().get(0);
    for (int i = 0; i < 20; i++) track.corroborate(Kind.THERMAL, cls, 0.8, List.of());
    return track;
  }

  private static BorderTrace trace(Track track) {
    BorderTrace trace = new BorderTrace(B, 1000);
    for (int i = 0; i < track.points(); i++) {
      double[] ll = B.toLatLon(track.pointX(i), track.pointY(i));
      trace.add(track.pointT(i), ll[0], ll[1]);
    }
    return trace;
  }

  @Test
  void aHerdGrazingOverTheLineOnRadarAloneIsNoCrossing() {
    // legs of 200 m towards the line swinging 300 m sideways each time, at 1.2 m/s, no camera: the
    // herd's gait (straightness about 0.55 around the crossing)
    Tracker tracker = tracker();
    BorderTrace trace = new BorderTrace(B, 1000);
    long t = Synth.T0;
    double e = 0, n = 900;
    for (int leg = 0; leg < 9; leg++) {
      double toE = leg % 2 == 0 ? 300 : 0, toN = n - 200;
      double len = Math.hypot(toE - e, toN - n);
      for (double d = 0; d < len; d += 2.4, t += 2000) plot(tracker, trace, t, e + (toE - e) * d / len, n + (toN - n) * d / len);
      e = toE;
      n = toN;
    }
    assertThat(tracker.live()).hasSize(1);
    Track track = tracker.live().get(0);
    assertThat(trace.crossings()).isNotEmpty();
    assertThat(crossings(track, trace, IncidentConfig.defaults())).isEmpty();
    // without the rule it is a crossing
    assertThat(crossings(track, trace, IncidentConfig.defaults().toBuilder().unclassifiedMinStraightness(0).build()))
        .isNotEmpty();
  }

  /**
   * A weak radar echo (too brief a radar-only walker to raise anything) that walked {@code walkM} m straight
   * towards the line to a spot 400 m out and wandered there 4 min, then brief pieces there for 30 min.
   */
  private static List<Candidate> weakArrivalThenPieces(double walkM) {
    Tracker tracker = tracker();
    BorderTrace trace = new BorderTrace(B, 1000);
    long t = Synth.T0;
    for (double n = 400 + walkM; n > 400; n -= 2.6, t += 2000) plot(tracker, trace, t, 0, n);
    for (int i = 0; i < 120; i++, t += 2000) plot(tracker, trace, t, 60 * Math.sin(i / 20.0), 400 + 60 * Math.cos(i / 20.0) - 60);
    Track track = tracker.live().get(0);
    List<Candidate> out = new ArrayList<>();
    IncidentConfig cfg = IncidentConfig.defaults();
    CrossingStitcher stitcher = new CrossingStitcher(B, cfg, 30_000, QualityConfig.defaults().maxWalkMps(), out::add);
    try (CandidateFinder finder = new CandidateFinder(B, cfg, new PatrolPositions(600_000, 60_000), stitcher, out::add)) {
      finder.arrived(track, trace, points(track), 1.2);
      for (int k = 1; k <= 3; k++) {
        double[] p = B.toXY(Synth.at(30 * k, 380)[0], Synth.at(30 * k, 380)[1]);
        long first = track.lastMs() + k * 10 * 60_000L;
        stitcher.sighted(new CrossingStitcher.Sighting(100 + k, first, p[0], p[1], 1, first + 60_000, first + 60_000, first,
            0.6, false, true));
      }
      stitcher.finish();
    } catch (java.io.IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
    return out;
  }

  @Test
  void aWeakEchoThatWalkedFarAndStraightToASpotNearTheLineArrivedForTheStayItsPiecesTell() {
    // a Doppler radar followed the group only on its last 700 m: too weak an echo for a target, yet the arrival
    List<Candidate> stay = weakArrivalThenPieces(700);
    assertThat(stay).extracting(Candidate::kind).containsExactly(IncidentKind.LOITER);
    assertThat(stay.get(0).straightness()).isBetween(0.9, 1.0); // scored on the walk to the spot, not the wandering there
    assertThat(stay.get(0).dwellMs()).isGreaterThanOrEqualTo(30 * 60_000L);
    // a step of 250 m (a herd grazes in steps of 100-300 m) is no walk in: nothing, not even an approach
    assertThat(weakArrivalThenPieces(250)).isEmpty();
  }

  /**
   * A chain of lone plots lost 500 m north of the line heading for it, and 7 min later a weak radar
   * echo (not good enough to raise anything alone) that began 10 m south of the line and walked
   * {@code walkM} m straight south.
   */
  private static List<Candidate> chainThenWeakEchoAway(double walkM) {
    Tracker tracker = tracker();
    BorderTrace trace = new BorderTrace(B, 1000);
    long t = Synth.T0 + 7 * 60_000L;
    for (double n = -10; n > -10 - walkM; n -= 2.6, t += 2000) plot(tracker, trace, t, 0, n);
    Track echo = tracker.live().get(0);
    List<Candidate> out = new ArrayList<>();
    IncidentConfig cfg = IncidentConfig.defaults();
    CrossingStitcher stitcher = new CrossingStitcher(B, cfg, 30_000, QualityConfig.defaults().maxWalkMps(), out::add);
    double[] lost = B.toXY(Synth.at(0, 500)[0], Synth.at(0, 500)[1]), before = B.toXY(Synth.at(0, 620)[0], Synth.at(0, 620)[1]);
    double[] ll = Synth.at(0, 500);
    Candidate standIn = new Candidate(IncidentKind.APPROACH, Synth.T0, Synth.T0 - 10 * 60_000L, Synth.T0, ll[0], ll[1], "S-1",
        "N", true, 500, 0, 1, "unknown", 0, 0, 16, 1.2, 0.95, 0, Double.NaN, 7, List.of(), List.of());
    stitcher.lost(new CrossingStitcher.LooseEnd(7, Synth.T0, lost[0], lost[1], (lost[0] - before[0]) / 100,
        (lost[1] - before[1]) / 100, 1, standIn, false, true, true, true));
    try (CandidateFinder finder = new CandidateFinder(B, cfg, new PatrolPositions(600_000, 60_000), stitcher, out::add)) {
      finder.leftWeak(echo, trace);
      stitcher.finish();
    } catch (java.io.IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
    return out;
  }

  @Test
  void aWeakEchoWalkingStraightAwayFromTheLineIsFoundThereForAChainLostAcross() {
    // two groups minutes apart, seen before the line only as lone plots and after it as a weak echo:
    // the chain and the echo are one crossing (nothing without the rule)
    assertThat(chainThenWeakEchoAway(600)).extracting(Candidate::kind).containsExactly(IncidentKind.CROSSING);
    // a step of 250 m away (a herd grazes in steps of 100-300 m) is no walk away: nothing
    assertThat(chainThenWeakEchoAway(250)).isEmpty();
  }

  /**
   * A weak radar echo (not good enough to raise anything alone) that walked from 200 m north of the
   * line south over it, in legs of {@code legM} m: south, then (when {@code grazing}) as far east, south
   * again, as far west, and so on, {@code legs} legs in all; what the fusion engine does with such an
   * echo that crossed: a crossing of its own when it walked over the line as an arrival walks in, else
   * nothing.
   */
  private static List<Candidate> weakEchoOverTheLine(double legM, int legs, boolean grazing) {
    Tracker tracker = tracker();
    BorderTrace trace = new BorderTrace(B, 1000);
    long t = Synth.T0;
    double e = 0, n = 200;
    double[][] dirs = grazing ? new double[][] {{0, -1}, {1, 0}, {0, -1}, {-1, 0}} : new double[][] {{0, -1}};
    for (int leg = 0; leg < legs; leg++) {
      double[] d = dirs[leg % dirs.length];
      for (double s = 0; s < legM; s += 2.6, t += 2000) {
        plot(tracker, trace, t, e, n);
        e += 2.6 * d[0];
        n += 2.6 * d[1];
      }
    }
    Track echo = tracker.live().get(0);
    List<Candidate> out = new ArrayList<>();
    IncidentConfig cfg = IncidentConfig.defaults();
    CrossingStitcher stitcher = new CrossingStitcher(B, cfg, 30_000, QualityConfig.defaults().maxWalkMps(), out::add);
    try (CandidateFinder finder = new CandidateFinder(B, cfg, new PatrolPositions(600_000, 60_000), stitcher, out::add)) {
      if (finder.walkedOverWeak(echo, trace)) finder.closed(echo, trace, points(echo), 1.3, false);
      stitcher.finish();
    } catch (java.io.IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
    return out;
  }

  /**
   * A weak radar echo that walked {@code legM} m straight south (or, {@code along}, east) and was lost
   * 180 m short of the line; 7 min later a good track begins 520 m across it, south of where the echo
   * was lost (700 m on at walking pace: too far for a group that stood there and set off, as a stay's
   * arrival pairs). Judged as the engine does: a loose end when it walked for the line, else an arrival.
   */
  private static List<Candidate> weakEchoForTheLineThenStartAcross(double legM, boolean along) {
    Tracker tracker = tracker();
    BorderTrace trace = new BorderTrace(B, 1000);
    long t = Synth.T0;
    for (double s = legM; s > 0; s -= 2.6, t += 2000) {
      if (along) plot(tracker, trace, t, -s, 180);
      else plot(tracker, trace, t, 0, 180 + s);
    }
    Track echo = tracker.live().get(0);
    List<Candidate> out = new ArrayList<>();
    IncidentConfig cfg = IncidentConfig.defaults();
    CrossingStitcher stitcher = new CrossingStitcher(B, cfg, 30_000, QualityConfig.defaults().maxWalkMps(), out::add);
    double[] across = B.toXY(Synth.at(0, -520)[0], Synth.at(0, -520)[1]);
    try (CandidateFinder finder = new CandidateFinder(B, cfg, new PatrolPositions(600_000, 60_000), stitcher, out::add)) {
      if (finder.walkedForTheLineWeak(echo, trace)) finder.closed(echo, trace, points(echo), 1.3, false);
      else finder.arrived(echo, trace, points(echo), 1.3);
      stitcher.found(new CrossingStitcher.LooseStart(99, t + 7 * 60_000L, across[0], across[1], -1, 300, List.of(), true));
      stitcher.finish();
    } catch (java.io.IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
    return out;
  }

  @Test
  void aWeakEchoThatWalkedStraightForTheLineAndWasLostShortOfItPairsWithATrackFoundAcross() {
    // a group a Doppler radar saw on under one scan in two for its last kilometre to the line, then a
    // track across: one crossing, inferred (nothing without the rule: the echo was only an arrival)
    assertThat(weakEchoForTheLineThenStartAcross(1000, false)).extracting(Candidate::kind, Candidate::seen)
        .contains(org.assertj.core.groups.Tuple.tuple(IncidentKind.CROSSING, false));
    // a 250-m step (a herd grazes in steps of 100-300 m) is no walk for the line: no crossing
    assertThat(weakEchoForTheLineThenStartAcross(250, false)).extracting(Candidate::kind).doesNotContain(IncidentKind.CROSSING);
    // nor a kilometre along the line
    assertThat(weakEchoForTheLineThenStartAcross(1000, true)).extracting(Candidate::kind).doesNotContain(IncidentKind.CROSSING);
  }

  @Test
  void aWeakEchoThatWalkedFarAndStraightOverTheLineIsACrossing() {
    // one part of a split group seen on under one scan in two, from 200 m short of the line to 450 m
    // across, beside the other part's chain: its own crossing, seen (nothing without the rule)
    assertThat(weakEchoOverTheLine(650, 1, false)).extracting(Candidate::kind, Candidate::seen)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(IncidentKind.CROSSING, true));
    // a step of 250 m over the line (a herd grazes in steps of 100-300 m) is no walk over it
    assertThat(weakEchoOverTheLine(250, 1, false)).extracting(Candidate::kind).isEmpty();
    // nor steps of 250 m south, east, south, west over it: 500 m from where it began, not straight
    assertThat(weakEchoOverTheLine(250, 4, true)).extracting(Candidate::kind).isEmpty();
  }

  @Test
  void aStayFoundAtTheSpotIsScoredOnTheWalkAwayWhenTheWalkInWasNotSeen() {
    // a track begins where the group stands 400 m out, stays 25 min within 60 m, then walks straight away
    Tracker tracker = tracker();
    BorderTrace trace = new BorderTrace(B, 1000);
    long t = Synth.T0;
    for (int i = 0; i < 750; i++, t += 2000) plot(tracker, trace, t, 60 * Math.sin(i / 40.0), 400 + 60 * Math.cos(i / 40.0) - 60);
    for (double n = 400; n < 1200; n += 2.6, t += 2000) plot(tracker, trace, t, 0, n);
    Track track = tracker.live().get(0);
    List<Candidate> out = new ArrayList<>();
    IncidentConfig cfg = IncidentConfig.defaults();
    CrossingStitcher stitcher = new CrossingStitcher(B, cfg, 30_000, QualityConfig.defaults().maxWalkMps(), out::add);
    try (CandidateFinder finder = new CandidateFinder(B, cfg, new PatrolPositions(600_000, 60_000), stitcher, out::add)) {
      finder.closed(track, trace, points(track), 1.0);
    } catch (java.io.IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
    stitcher.finish();
    assertThat(out).filteredOn(c -> c.kind() == IncidentKind.LOITER).singleElement()
        .satisfies(c -> assertThat(c.straightness()).isBetween(0.9, 1.0)); // NaN (unknown) without the rule
  }

  private static List<Candidate> crossings(Track track, BorderTrace trace, IncidentConfig cfg) {
    return FinderHarness.crossings(track, trace, cfg, 1.2);
  }
}
