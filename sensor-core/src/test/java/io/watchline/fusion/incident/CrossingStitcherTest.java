package io.watchline.fusion.incident;

import io.watchline.fusion.quality.QualityConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.watchline.fusion.Synth;
import io.watchline.fusion.border.BorderView;
import io.watchline.incident.IncidentKind;
import io.watchline.observation.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stitcher on Synth's east-west border (north side "N" is positive distance). */
class CrossingStitcherTest {
  private static final BorderView B = Synth.BORDER;
  private static final long T = Synth.T0;
  private static final long MIN = 60_000;
  private final List<Candidate> out = new ArrayList<>();
  private final CrossingStitcher stitcher = new CrossingStitcher(B, IncidentConfig.defaults(), 30_000, QualityConfig.defaults().maxWalkMps(), out::add);

  /** Local {x, y} of a point {@code east} m east and {@code north} m north of the border's middle. */
  private static double[] xy(double east, double north) {
    double[] ll = Synth.at(east, north);
    return B.toXY(ll[0], ll[1]);
  }

  private static Candidate approach(long tMs, double[] p, int hits, Source src) {
    double[] ll = B.toLatLon(p[0], p[1]);
    return new Candidate(IncidentKind.APPROACH, tMs, tMs - 10 * MIN, tMs, ll[0], ll[1], "S-1", "N", true, 300, 0, 1, "human",
        1.0, 0.8, hits, 1.4, 0.95, 0, Double.NaN, 7, List.of(), List.of(src));
  }

  private void lost(long tMs, double[] p, double vx, double vy, boolean isApproach) {
    stitcher.lost(new CrossingStitcher.LooseEnd(7, tMs, p[0], p[1], vx, vy, Math.signum(B.signedDistanceXY(p[0], p[1])),
        approach(tMs, p, 20, new Source("a", 1, 1)), isApproach));
  }

  private void found(long tMs, double[] p) {
    stitcher.found(new CrossingStitcher.LooseStart(9, tMs, p[0], p[1], Math.signum(B.signedDistanceXY(p[0], p[1])), 15,
        List.of(new Source("b", 2, 1))));
  }

  @Test
  void aWeakEchoBegunAheadOfAGroupLostHeadingForTheLineCarriesItOn() {
    // a good track of people lost 500 m north of the line walking south at 1.4 m/s; 5 min later a weak
    // echo begins 100 m north of the line, 400 m on along that course: the group's last stretch
    lost(T, xy(0, 500), 0, -1.4, true);
    assertThat(stitcher.carriedOn(T + 5 * MIN, xy(600, 100)[0], xy(600, 100)[1], 1)).isFalse(); // off its course
    assertThat(stitcher.carriedOn(T + 5 * MIN, xy(0, 900)[0], xy(0, 900)[1], 1)).isFalse(); // behind it
    assertThat(stitcher.carriedOn(T + 25 * MIN, xy(0, 100)[0], xy(0, 100)[1], 1)).isFalse(); // past the stitch window
    assertThat(stitcher.carriedOn(T + 5 * MIN, xy(0, 100)[0], xy(0, 100)[1], 1)).isTrue();
    assertThat(stitcher.pendingEnds()).isZero(); // taken: its crossing is the weak echo's
    stitcher.finish();
    assertThat(out).isEmpty();
  }

  @Test
  void aWeakEchoSettingOffOverTheLineFromWhereAGroupWasLostNearItHalfAnHourBeforeCarriesItOn() {
    // a good track of people lost standing 120 m north of the line; 28 min later (past the stitch window) a
    // weak echo begins 30 m from there and walks south over the line: the group waited and set off
    stitcher.lost(new CrossingStitcher.LooseEnd(7, T, xy(0, 120)[0], xy(0, 120)[1], 0, 0, 1,
        approach(T, xy(0, 120), 20, new Source("a", 1, 1)), false, true, false));
    assertThat(stitcher.carriedOn(T + 28 * MIN, xy(900, 100)[0], xy(900, 100)[1], 1)).isFalse(); // elsewhere
    assertThat(stitcher.carriedOn(T + 55 * MIN, xy(30, 110)[0], xy(30, 110)[1], 1)).isFalse(); // past the dwell window
    assertThat(stitcher.carriedOn(T + 28 * MIN, xy(30, 110)[0], xy(30, 110)[1], 1)).isTrue();
    assertThat(stitcher.pendingEnds()).isZero();
  }

  @Test
  void aTrackLostNearTheLineAndOneFoundAcrossItLaterAreOneInferredCrossing() {
    lost(T, xy(0, 300), 0, -1.4, true);
    found(T + 8 * MIN, xy(50, -300));
    assertThat(stitcher.settle(T + 10 * MIN)).isEqualTo(T - 10 * MIN); // held: its window is open
    assertThat(out).isEmpty();
    stitcher.settle(T + 21 * MIN);
    assertThat(out).isEmpty(); // still held: a loiter's leaving may come up to 50 min later
    stitcher.settle(T + 51 * MIN);
    assertThat(out).hasSize(1);
    Candidate c = out.get(0);
    assertThat(c.kind()).isEqualTo(IncidentKind.CROSSING);
    assertThat(c.seen()).isFalse();
    assertThat(c.side()).isEqualTo("N→S");
    assertThat(c.lat()).isCloseTo(42.0, within(1e-4));
    assertThat(c.tMs()).isBetween(T + 3 * MIN, T + 5 * MIN); // halfway in space, so halfway in time
    assertThat(c.hits()).isEqualTo(35);
    assertThat(c.evidence()).containsExactly(new Source("a", 1, 1), new Source("b", 2, 1));
    assertThat(c.startMs()).isEqualTo(T - 10 * MIN);
    assertThat(c.endMs()).isEqualTo(T + 8 * MIN);
    assertThat(stitcher.pendingEnds()).isZero();
    assertThat(stitcher.pendingStarts()).isZero();
  }

  @Test
  void aTrackLostNearTheLineAndOneLeavingFromThereHalfAnHourLaterAreALoiter() {
    double[] p = xy(0, 300);
    stitcher.lost(new CrossingStitcher.LooseEnd(7, T, p[0], p[1], 0, -0.2, 1, approach(T, p, 20, new Source("a", 1, 1)), false,
        true, false));
    found(T + 30 * MIN, xy(80, 350));
    stitcher.finish();
    assertThat(out).hasSize(1);
    Candidate c = out.get(0);
    assertThat(c.kind()).isEqualTo(IncidentKind.LOITER);
    assertThat(c.dwellMs()).isEqualTo(30 * MIN);
    assertThat(c.tMs()).isEqualTo(T);
    assertThat(c.evidence()).containsExactly(new Source("a", 1, 1), new Source("b", 2, 1));
  }

  @Test
  void aTrackLeavingFromWhereACameraGlimpsedPeopleForHalfAnHourLeftAfterAStay() {
    // a group stands 480 m out (as simulated loiterers do, 20-45 min within 150 m): the Doppler
    // radar loses it, the camera sees it only in brief tracks on arrival and 40 min later
    double[] arrived = xy(0, 480), mid = xy(60, 430), leaves = xy(30, 500);
    stitcher.glimpse(new CrossingStitcher.Glimpse(T, arrived[0], arrived[1], 1));
    stitcher.glimpse(new CrossingStitcher.Glimpse(T + 41 * MIN, mid[0], mid[1], 1));
    CrossingStitcher.LooseStart leave = new CrossingStitcher.LooseStart(9, T + 45 * MIN, leaves[0], leaves[1], 1, 40, List.of());
    assertThat(stitcher.stayedSince(leave)).isEqualTo(T);
    // one glimpse is no stay (a camera's false detection); glimpses across the line or 1 km along it are others
    CrossingStitcher other = new CrossingStitcher(B, IncidentConfig.defaults(), 30_000, QualityConfig.defaults().maxWalkMps(), out::add);
    other.glimpse(new CrossingStitcher.Glimpse(T, arrived[0], arrived[1], 1));
    double[] across = xy(0, -200), along = xy(1000, 480);
    other.glimpse(new CrossingStitcher.Glimpse(T + 30 * MIN, across[0], across[1], -1));
    other.glimpse(new CrossingStitcher.Glimpse(T + 30 * MIN, along[0], along[1], 1));
    assertThat(other.stayedSince(leave)).isEqualTo(-1);
    // glimpses spanning less than a loiter: a group pausing on its way
    CrossingStitcher pause = new CrossingStitcher(B, IncidentConfig.defaults(), 30_000, QualityConfig.defaults().maxWalkMps(), out::add);
    pause.glimpse(new CrossingStitcher.Glimpse(T + 35 * MIN, arrived[0], arrived[1], 1));
    pause.glimpse(new CrossingStitcher.Glimpse(T + 41 * MIN, mid[0], mid[1], 1));
    assertThat(pause.stayedSince(leave)).isEqualTo(-1);
    // a track lost there is the known arrival: that pair tells the stay, not the glimpses
    stitcher.lost(new CrossingStitcher.LooseEnd(7, T + MIN, arrived[0], arrived[1], 0, -0.2, 1,
        approach(T + MIN, arrived, 20, new Source("a", 1, 1)), false, true, false));
    assertThat(stitcher.stayedSince(leave)).isEqualTo(-1);
    // glimpses older than the longest stay are forgotten once no track still to come can use them
    stitcher.settle(T + 60 * MIN);
    assertThat(out).isEmpty();
    assertThat(stitcher.stayedSince(leave)).isEqualTo(-1);
  }

  @Test
  void aTrackLeavingFromWherePiecesCameForHalfAnHourLeftAfterAStaySeenOnlyInPieces() {
    // a group stands 400 m out; a Doppler radar followed neither its walk in nor the stay, only brief
    // pieces at T, T+15 and T+30 min; a good track leaves from there at T+40 min
    CrossingStitcher.LooseStart leave = new CrossingStitcher.LooseStart(9, T + 40 * MIN, xy(40, 420)[0], xy(40, 420)[1], 1, 150,
        List.of());
    assertThat(pieces(false, true, 0, 15, 30).stayedAmidPieces(leave)).isEqualTo(T);
    // two pieces are a pause or chance; pieces over 10 min a pause on the way
    assertThat(pieces(false, true, 0, 30).stayedAmidPieces(leave)).isEqualTo(-1);
    assertThat(pieces(false, true, 30, 33, 36).stayedAmidPieces(leave)).isEqualTo(-1);
    // one of them walked on over the line: they waited there to cross
    assertThat(pieces(true, true, 0, 15, 30).stayedAmidPieces(leave)).isEqualTo(-1);
    // a camera called them animals: a herd resting
    assertThat(pieces(false, false, 0, 15, 30).stayedAmidPieces(leave)).isEqualTo(-1);
    // a track lost there is the known arrival: that pair tells the stay; a chain of pieces pairs only across the line
    CrossingStitcher known = pieces(false, true, 0, 15, 30);
    double[] p = xy(0, 400);
    known.lost(new CrossingStitcher.LooseEnd(8, T + 20 * MIN, p[0], p[1], 0, 0, 1, approach(T + 20 * MIN, p, 40, new Source("c", 1, 1)),
        false, false, true, true));
    assertThat(known.stayedAmidPieces(leave)).isEqualTo(T);
    known.lost(new CrossingStitcher.LooseEnd(7, T + 20 * MIN, p[0], p[1], 0, 0, 1, approach(T + 20 * MIN, p, 400, new Source("a", 1, 1)),
        false, true, false));
    assertThat(known.stayedAmidPieces(leave)).isEqualTo(-1);
  }

  /** A stitcher holding weak pieces begun near 400 m north at {@code minutes} after T; the last walked on if {@code onward}. */
  private CrossingStitcher pieces(boolean onward, boolean person, int... minutes) {
    CrossingStitcher s = new CrossingStitcher(B, IncidentConfig.defaults(), 30_000, QualityConfig.defaults().maxWalkMps(), out::add);
    for (int i = 0; i < minutes.length; i++) {
      long t = T + minutes[i] * MIN;
      s.sighted(sighting(20 + i, t, xy(20 * i, 400 - 20 * i), t + MIN, onward && i == minutes.length - 1, person));
    }
    return s;
  }

  /** A closed track that began at {@code p} at {@code firstMs} and left the spot at {@code leftMs}. */
  private static CrossingStitcher.Sighting sighting(long id, long firstMs, double[] p, long leftMs, boolean onward,
      boolean person) {
    return new CrossingStitcher.Sighting(id, firstMs, p[0], p[1], Math.signum(B.signedDistanceXY(p[0], p[1])), leftMs,
        leftMs, firstMs, 0.8, onward, person);
  }

  /**
   * Seed 31's loiterer: the track that walked in is lost 300 m short of the line still heading for
   * it; a Doppler radar then sees the standing group only in brief pieces, the last 40 min later.
   */
  private List<Candidate> lostThenPieces(boolean lastOnward, boolean person, long lastPieceMs) {
    return lostThenPieces(lastOnward, person, lastPieceMs, 400);
  }

  private List<Candidate> lostThenPieces(boolean lastOnward, boolean person, long lastPieceMs, int arrivalHits) {
    CrossingStitcher s = new CrossingStitcher(B, IncidentConfig.defaults(), 30_000, QualityConfig.defaults().maxWalkMps(),
        out::add);
    double[] p = xy(0, 300);
    // the walk in: came within 250 m of where it was lost 4 min before
    s.sighted(new CrossingStitcher.Sighting(7, T - 20 * MIN, xy(0, 1800)[0], xy(0, 1800)[1], 1, T - 19 * MIN, T, T - 4 * MIN,
        1.2, true, true));
    s.lost(new CrossingStitcher.LooseEnd(7, T, p[0], p[1], 0, -0.6, 1, approach(T, p, arrivalHits, new Source("a", 1, 1)),
        true));
    s.sighted(sighting(12, T + lastPieceMs / 2, xy(-60, 280), T + lastPieceMs / 2 + MIN, false, person));
    s.sighted(sighting(13, T + lastPieceMs, xy(-30, 350), T + lastPieceMs + 2 * MIN, lastOnward, person));
    s.finish();
    List<Candidate> got = new ArrayList<>(out);
    out.clear();
    return got;
  }

  @Test
  void aTrackLostNearTheLineWherePiecesKeepComingForHalfAnHourStoodThere() {
    List<Candidate> stay = lostThenPieces(false, true, 40 * MIN);
    assertThat(stay).extracting(Candidate::kind).containsExactly(IncidentKind.LOITER); // no inferred crossing
    assertThat(stay.get(0).tMs()).isEqualTo(T);
    assertThat(stay.get(0).dwellMs()).isEqualTo(46 * MIN); // from the arrival at the spot to the last piece leaving it
    assertThat(stay.get(0).straightness()).isEqualTo(0.95); // scored on the walk in
    // the last piece walked on over the line: they waited there to cross, no loiter
    assertThat(lostThenPieces(true, true, 40 * MIN)).extracting(Candidate::kind).doesNotContain(IncidentKind.LOITER);
    // a camera called the pieces animals: a herd resting where the track was lost
    assertThat(lostThenPieces(false, false, 40 * MIN)).extracting(Candidate::kind).doesNotContain(IncidentKind.LOITER);
    // the track that came was a brief piece (a herd grazing in steps), not a group walking in from afar
    assertThat(lostThenPieces(false, true, 40 * MIN, 150)).extracting(Candidate::kind).doesNotContain(IncidentKind.LOITER);
    // pieces for 10 min only: a pause, not a stay
    assertThat(lostThenPieces(false, true, 8 * MIN)).extracting(Candidate::kind).doesNotContain(IncidentKind.LOITER);
  }

  @Test
  void aGoodTrackLostHeadingForTheLineWalksOnUnlessSomebodyTurnedBackFromThere() {
    // lost 300 m short at a slow filtered pace: projected at a walker's pace for 5 min, it crosses
    lost(T, xy(0, 300), 0, -0.6, true);
    stitcher.finish();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).kind()).isEqualTo(IncidentKind.CROSSING);
    assertThat(out.get(0).seen()).isFalse();
    out.clear();
    // the same, but a track leaves from there 6 min later on the same side: it turned back
    lost(T, xy(0, 300), 0, -0.6, true);
    found(T + 6 * MIN, xy(0, 400));
    stitcher.finish();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).kind()).isEqualTo(IncidentKind.APPROACH);
    out.clear();
    // a weak track is no evidence on its own
    double[] p = xy(0, 300);
    stitcher.lost(new CrossingStitcher.LooseEnd(7, T, p[0], p[1], 0, -1.4, 1, approach(T, p, 20, new Source("a", 1, 1)), true,
        false, true));
    stitcher.finish();
    assertThat(out).extracting(Candidate::kind).containsExactly(IncidentKind.APPROACH);
  }

  @Test
  void aTrackLostHeadingForTheLineWhereALaterTrackSetsOffForItWaitedThereAndInfersNothing() {
    // lost 200 m short; 25 min later a track sets off from there towards the line: the group
    // waited unseen and walked on (that track reports its own crossing)
    lost(T, xy(0, 200), 0, -1.2, true);
    double[] p = xy(40, 190);
    stitcher.resumed(new CrossingStitcher.LooseStart(9, T + 25 * MIN, p[0], p[1], 1, 40, List.of()));
    stitcher.finish();
    assertThat(out).isEmpty();
    // a track setting off 2 km along the line is somebody else: the lost one crossed unseen
    lost(T + 60 * MIN, xy(0, 200), 0, -1.2, true);
    double[] far = xy(2000, 190);
    stitcher.resumed(new CrossingStitcher.LooseStart(9, T + 85 * MIN, far[0], far[1], 1, 40, List.of()));
    stitcher.finish();
    assertThat(out).extracting(Candidate::kind).containsExactly(IncidentKind.CROSSING);
  }

  /** A short chain of pieces lost at {@code p} walking south at 1.3 m/s: only a good track across, ahead, makes it a crossing. */
  private void shortChainLost(long tMs, double[] p) {
    stitcher.lost(new CrossingStitcher.LooseEnd(5, tMs, p[0], p[1], 0, -1.3, Math.signum(B.signedDistanceXY(p[0], p[1])),
        approach(tMs, p, 8, new Source("a", 1, 1)), false, false, true, true, true));
  }

  private void found(long tMs, double[] p, boolean good) {
    stitcher.found(new CrossingStitcher.LooseStart(9, tMs, p[0], p[1], Math.signum(B.signedDistanceXY(p[0], p[1])), 300,
        List.of(new Source("b", 2, 1)), good));
  }

  @Test
  void aShortChainLostAtTheLineIsACrossingOnlyWithAGoodTrackFoundAheadOfItSoonAfter() {
    // a walker across a Doppler beam: a one-minute piece 80 m short of the line, a good track 7 min later, 500 m on
    shortChainLost(T, xy(0, 80));
    found(T + 7 * MIN, xy(100, -480), true);
    stitcher.finish();
    assertThat(out).extracting(Candidate::kind).containsExactly(IncidentKind.CROSSING);
    out.clear();
    // another chain across is not enough (two scraps are no evidence), nor a good track too late,
    // off the chain's course, or farther than a walk
    shortChainLost(T, xy(0, 80));
    found(T + 4 * MIN, xy(0, -300), false);
    found(T + 10 * MIN, xy(0, -600), true);
    found(T + 5 * MIN, xy(-500, -100), true);
    found(T + 3 * MIN, xy(0, -900), true);
    stitcher.finish();
    assertThat(out).isEmpty();
  }

  @Test
  void startsTooFarOnTheSameSideOrBeforeTheEndAreNotPartners() {
    lost(T, xy(0, 300), 0, -1.4, true);
    found(T + 5 * MIN, xy(4000, -300)); // 4 km in 5 min: more than 300 m + 1.5 x 1.5 m/s x 300 s
    found(T + 5 * MIN, xy(0, 600)); // same side
    found(T - 1 * MIN, xy(0, -300)); // before it was lost
    found(T + 21 * MIN, xy(0, -300)); // after the window
    stitcher.finish();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).kind()).isEqualTo(IncidentKind.APPROACH); // stays what it was
  }

  @Test
  void theEarliestFittingStartWins() {
    lost(T, xy(0, 300), 0, -1.4, true);
    found(T + 9 * MIN, xy(20, -300));
    found(T + 6 * MIN, xy(-20, -300));
    stitcher.finish();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).endMs()).isEqualTo(T + 6 * MIN);
    assertThat(stitcher.pendingStarts()).isEqualTo(1);
  }

  @Test
  void withNoPartnerATrackWhoseCourseCrossesWithinTheCoastTimeCrossedUnseen() {
    lost(T, xy(0, 20), 0, -1.5, false); // 20 m out at 1.5 m/s: across in ~13 s of the 30 s coast
    stitcher.finish();
    assertThat(out).hasSize(1);
    Candidate c = out.get(0);
    assertThat(c.kind()).isEqualTo(IncidentKind.CROSSING);
    assertThat(c.seen()).isFalse();
    assertThat(c.tMs()).isBetween(T + 10_000, T + 16_000);
    assertThat(c.hits()).isEqualTo(20);
  }

  @Test
  void withNoPartnerOnlyAWalkerIsProjectedForMinutesAVehicleOnlyOverTheCoast() {
    // a walker 200 m out heading for the line at 45 degrees: projected at 1.5 m/s it crosses after
    // 188 s, within the 5-min horizon
    lost(T, xy(0, 200), 1.0, -1.0, false);
    stitcher.finish();
    assertThat(out).extracting(Candidate::kind).containsExactly(IncidentKind.CROSSING);
    out.clear();
    // a vehicle 1 km out on a road bending towards the line at 15 m/s (10.6 m/s towards it): it
    // would cross 94 s later, beyond the 30-s coast; a Doppler radar would have seen it there
    lost(T, xy(0, 1000), 10.6, -10.6, false);
    stitcher.finish();
    assertThat(out).isEmpty();
    // the same vehicle lost 200 m out crosses within the coast (19 s)
    lost(T, xy(0, 200), 10.6, -10.6, false);
    stitcher.finish();
    assertThat(out).extracting(Candidate::kind).containsExactly(IncidentKind.CROSSING);
  }

  @Test
  void aVehicleLostNearTheLineIsStitchedOnlyToATrackFoundWithinTheMinutesItNeedsThroughTheHole() {
    // 13 m/s straight at the line from 900 m out: through two stitch distances (2 km) in 154 s, plus
    // the 30-s coast; a track found across the line 6.6 min later is other traffic, not this vehicle
    lost(T, xy(0, 900), 0, -13, false);
    found(T + 396_000, xy(300, -900));
    stitcher.finish();
    assertThat(out).isEmpty(); // nor a lone inference: 900 m is beyond its 30-s coast
    lost(T, xy(0, 900), 0, -13, false);
    found(T + 150_000, xy(300, -900));
    stitcher.finish();
    assertThat(out).extracting(Candidate::kind).containsExactly(IncidentKind.CROSSING);
    out.clear();
    // a walker has its 20 min
    lost(T, xy(0, 300), 0, -1.4, false);
    found(T + 8 * MIN, xy(50, -300));
    stitcher.finish();
    assertThat(out).extracting(Candidate::kind).containsExactly(IncidentKind.CROSSING);
  }

  @Test
  void withNoPartnerAndNoCrossingOnlyARealApproachIsReported() {
    lost(T, xy(0, 300), 1.4, 0, true); // walking along the line
    lost(T + MIN, xy(0, 500), 1.4, 0, false); // a stand-in, not an approach
    stitcher.finish();
    assertThat(out).extracting(Candidate::kind).containsExactly(IncidentKind.APPROACH);
    assertThat(out.get(0).tMs()).isEqualTo(T);
  }

  @Test
  void settlingForgetsStartsNoLaterEndCanUse() {
    found(T, xy(0, -300));
    found(T + 5 * MIN, xy(0, -300));
    assertThat(stitcher.settle(T + 2 * MIN)).isEqualTo(T + 2 * MIN);
    assertThat(stitcher.pendingStarts()).isEqualTo(1); // the one at T can serve only an end before it: none will come
  }

  @Test
  void aGroupLostStandingNearTheLineAndATrackFoundAcrossFromThereHalfAnHourLaterWaitedAndCrossed() {
    // lost 150 m short of the line, standing (not heading for it); a good track sets off 200 m across
    // the line from there 28 min later: past the 20-min stitch window, within the dwell window
    lost(T, xy(0, 150), 0, 0, true);
    found(T + 28 * MIN, xy(100, -200), true);
    stitcher.finish();
    assertThat(out).extracting(Candidate::kind).containsExactly(IncidentKind.CROSSING);
    // crossed at a walk just before the track across began, not halfway through the wait
    assertThat(out.get(0).tMs()).isBetween(T + 25 * MIN, T + 28 * MIN);
    out.clear();
    // a track across farther than the dwell radius (plus slack) from where it was lost is somebody else
    lost(T, xy(0, 150), 0, 0, true);
    found(T + 28 * MIN, xy(900, -200), true);
    stitcher.finish();
    assertThat(out).extracting(Candidate::kind).containsExactly(IncidentKind.APPROACH);
  }

  @Test
  void aGroupLostHeadingForTheLineAndSeenWalkingBackToItFromAcrossWentOverAndCameBack() {
    // a good track lost 300 m north of the line walking south; 25 min later a piece begins 150 m south
    // of the line and walks north to 10 m short of it; 6 min later a good track leaves north from near
    // where the first was lost: no stay on the north side but a walk over, a stay and a walk back
    lost(T, xy(0, 300), 0, -1.2, true);
    double[] a = xy(-60, -150), b = xy(-40, -10);
    stitcher.toward(new CrossingStitcher.Toward(20, T + 25 * MIN, a[0], a[1], T + 27 * MIN, b[0], b[1], -1, 1.2));
    found(T + 33 * MIN, xy(20, 350));
    stitcher.finish();
    assertThat(out).extracting(Candidate::kind).containsExactly(IncidentKind.CROSSING, IncidentKind.CROSSING);
    assertThat(out).extracting(Candidate::side).containsExactly("N→S", "S→N");
    assertThat(out).extracting(Candidate::seen).containsExactly(false, false);
    assertThat(out.get(0).tMs()).isBetween(T + 3 * MIN, T + 6 * MIN); // 300 m at its pace
    assertThat(out.get(1).tMs()).isBetween(T + 27 * MIN, T + 28 * MIN); // just after the walk back was last seen
    out.clear();
    // without the walk seen across the line the pair is a stay on the north side
    CrossingStitcher alone = new CrossingStitcher(B, IncidentConfig.defaults(), 30_000, QualityConfig.defaults().maxWalkMps(),
        out::add);
    double[] p = xy(0, 300), q = xy(20, 350);
    alone.lost(new CrossingStitcher.LooseEnd(7, T, p[0], p[1], 0, -1.2, 1, approach(T, p, 20, new Source("a", 1, 1)), true));
    alone.found(new CrossingStitcher.LooseStart(9, T + 33 * MIN, q[0], q[1], 1, 15, List.of(new Source("b", 2, 1))));
    alone.finish();
    assertThat(out).extracting(Candidate::kind).containsExactly(IncidentKind.LOITER);
  }

  @Test
  void aGroupThatWentOverAndWasSeenWalkingBackToTheLineIsNoUnseenReturnToo() {
    // a track crossed south and was lost 500 m beyond the line; 10 min later another began there and was
    // lost walking north, 40 m short of the line; a good track left north of the line 25 min after that
    // (too late to pair with it): the walk back's own loose end tells the crossing back, the unseen return
    // adds none
    double[] w = xy(0, -500);
    Candidate over = approach(T, w, 20, new Source("w", 1, 1));
    stitcher.went(new CrossingStitcher.Went(5, T, w[0], w[1], -1, T - 7 * MIN, over));
    lost(T + 10 * MIN, xy(300, -40), 0, 1.2, true);
    found(T + 35 * MIN, xy(600, 600));
    stitcher.settle(T + 45 * MIN); // the return's window closed, the walk back's end still waits
    stitcher.finish();
    assertThat(out).extracting(Candidate::side).containsExactly("S→N");
  }
}
