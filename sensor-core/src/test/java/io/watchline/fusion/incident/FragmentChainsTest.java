package io.watchline.fusion.incident;

import static io.watchline.fusion.incident.FinderHarness.points;
import static io.watchline.fusion.incident.FinderHarness.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.fusion.Synth;
import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.quality.QualityConfig;
import io.watchline.fusion.track.Measurement;
import io.watchline.fusion.track.Track;
import io.watchline.fusion.track.Tracker;
import io.watchline.incident.IncidentKind;
import io.watchline.observation.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FragmentChainsTest {
  private static final BorderView B = Synth.BORDER;
  private static final long T = Synth.T0;
  /** What the stitcher made of the chains (a new test instance, so new chains, for every test). */
  private final List<Candidate> out = new ArrayList<>();
  private final CrossingStitcher stitcher =
      new CrossingStitcher(B, IncidentConfig.defaults(), 30_000, QualityConfig.defaults().maxWalkMps(), out::add);
  private final FragmentChains chains = new FragmentChains(B, IncidentConfig.defaults(), stitcher, 15, 5 * 60_000L);

  /** A radar piece: plots every 2 s from {@code s0} to {@code s1} s after T, moving north from {@code n0} at {@code vn} m/s. */
  private static Track piece(long s0, long s1, double n0, double vn) {
    Tracker tracker = tracker();
    for (long s = s0; s <= s1; s += 2) {
      double[] ll = Synth.at(200, n0 + vn * (s - s0));
      double[] xy = B.toXY(ll[0], ll[1]);
      long t = T + s * 1000;
      tracker.scan(List.of(Measurement.isotropic(t, xy[0], xy[1], 10, Kind.RADAR, "R", List.of())), t);
    }
    return tracker.live().get(0);
  }

  @Test
  void aChancePieceRunningOffAheadOfTheWalkerDoesNotTakeTheChainAwayFromIt() {
    // a walker at 1.5 m/s from 920 m north of the line across it, seen as a 10-s piece every 30 s;
    // it crosses at 613 s
    double vn = -1.5;
    for (int k = 0; k <= 29; k++) {
      long s0 = 30L * k;
      Track p = piece(s0, s0 + 10, 920 + vn * s0, vn);
      chains.piece(p, points(p));
      if (k == 20) {
        // just over the line, three chance plots a scan apart begin on the walker and run 400 m on
        // along its course in 24 s; the piece closes before the walker's next one
        Track chance = piece(612, 636, -3, -16.5);
        chains.piece(chance, points(chance));
      }
    }
    stitcher.finish();
    List<Candidate> crossings = out.stream().filter(c -> c.kind() == IncidentKind.CROSSING).toList();
    assertThat(crossings).hasSize(1);
    assertThat(crossings.get(0).tMs()).isBetween(T + 590_000, T + 640_000);
  }

  /** One lone radar plot {@code s} s after T, {@code n} m north of the line: a tentative track that never confirms, chained. */
  private static void lonePlot(Tracker tracker, FragmentChains chains, long s, double n) {
    double[] ll = Synth.at(200, n);
    double[] xy = B.toXY(ll[0], ll[1]);
    long t = T + s * 1000;
    tracker.scan(List.of(Measurement.isotropic(t, xy[0], xy[1], 10, Kind.RADAR, "R", List.of())), t);
    Track tentative = tracker.live().get(tracker.live().size() - 1);
    chains.plots(tentative, points(tentative));
    tracker.expire(t + 20_000); // a tentative track lives 15 s
  }

  @Test
  void aWalkersSecondChainBegunJustShortOfTheLineIsTheFoundPartOfItsFirstChainsCrossing() {
    Tracker tracker = tracker();
    // a walker south at 1.2 m/s seen once every 40 s from 1500 m north of the line to 600 m, then
    // not at all for 7 min (longer than a chain waits), then again from 100 m north on over the
    // line: two chains, the second too briefly short of the line to be a walk in; it crosses at 1250 s
    double vn = -1.2;
    for (long s = 0; s <= 750; s += 40) lonePlot(tracker, chains, s, 1500 + vn * s);
    for (long s = 1167; s <= 2500; s += 40) lonePlot(tracker, chains, s, 1500 + vn * s);
    stitcher.finish();
    List<Candidate> crossings = out.stream().filter(c -> c.kind() == IncidentKind.CROSSING).toList();
    assertThat(crossings).hasSize(1);
    assertThat(crossings.get(0).tMs()).isBetween(T + 1_100_000, T + 1_300_000);
  }

  @Test
  void aChainsPartAcrossThatWalkedOutAndBackIsLostAtTheLineLikeAWalkIn() {
    // a group seen as a 10-s piece every 30 s: from 300 m north over the line (at 230 s) 610 m south
    // of it, standing there 5 min, walking back north and lost 25 m short of the line; a good track
    // begins 80 m north of it a minute later
    long s = 0;
    for (; s < 700; s += 30) chain(chains, s, 300 - 1.3 * s, -1.3);
    for (; s < 1000; s += 30) chain(chains, s, -610, 0);
    for (; s < 1450; s += 30) chain(chains, s, -610 + 1.3 * (s - 1000), 1.3);
    double[] at = B.toXY(Synth.at(200, 80)[0], Synth.at(200, 80)[1]);
    stitcher.found(new CrossingStitcher.LooseStart(1, T + (s + 60) * 1000, at[0], at[1],
        Math.signum(B.signedDistanceXY(at[0], at[1])), 300, List.of(), true));
    stitcher.finish();
    // the walk back, judged from where it turned (the chain over both legs is no walk), met the track across
    List<Candidate> crossings = out.stream().filter(c -> c.kind() == IncidentKind.CROSSING).toList();
    assertThat(crossings).hasSize(1);
    assertThat(crossings.get(0).tMs()).isBetween(T + 1_440_000, T + 1_520_000);
    assertThat(crossings.get(0).straightness()).isGreaterThan(0.9);
  }

  private static void chain(FragmentChains chains, long s0, double n0, double vn) {
    Track p = piece(s0, s0 + 10, n0, vn);
    chains.piece(p, points(p));
  }

  @Test
  void lonePlotsThatRanApartFasterThanAWalkAddOnlyTheirFirstPlotToTheChain() {
    Tracker tracker = tracker();
    // a walker south at 1.2 m/s, 200 m east, seen once every 40 s from 1500 m north of the line to 132 m;
    // its last tentative track took a second plot 20 s later from a group walking 250 m east of it
    double vn = -1.2;
    for (long s = 0; s < 1140; s += 40) lonePlot(tracker, chains, s, 1500 + vn * s);
    Tracker pair = tracker();
    double[] a = B.toXY(Synth.at(200, 1500 + vn * 1140)[0], Synth.at(200, 1500 + vn * 1140)[1]);
    double[] b = B.toXY(Synth.at(450, 1500 + vn * 1160)[0], Synth.at(450, 1500 + vn * 1160)[1]);
    pair.scan(List.of(Measurement.isotropic(T + 1_140_000, a[0], a[1], 10, Kind.RADAR, "R", List.of())), T + 1_140_000);
    pair.scan(List.of(Measurement.isotropic(T + 1_160_000, b[0], b[1], 10, Kind.RADAR, "R", List.of())), T + 1_160_000);
    Track both = pair.live().get(0);
    assertThat(both.points()).isEqualTo(2);
    assertThat(FragmentChains.jumped(both)).isTrue();
    chains.plots(both, points(both));
    // a good track found 60 m south of the line, on the walker's course
    double[] found = B.toXY(Synth.at(200, -60)[0], Synth.at(200, -60)[1]);
    stitcher.found(new CrossingStitcher.LooseStart(99, T + 1_300_000, found[0], found[1], -1, 40, List.of()));
    stitcher.finish();
    List<Candidate> crossings = out.stream().filter(c -> c.kind() == IncidentKind.CROSSING).toList();
    assertThat(crossings).hasSize(1);
    // where the walker crossed, not between it and the other group (about 330 m east when the chain's end
    // moved onto the other group's plot)
    double[] at = B.toXY(crossings.get(0).lat(), crossings.get(0).lon());
    double[] walker = B.toXY(Synth.at(200, 0)[0], Synth.at(200, 0)[1]);
    assertThat(Math.hypot(at[0] - walker[0], at[1] - walker[1])).isLessThan(40);
  }

  @Test
  void aWalkersLonePlotsOffAlongItsCourseStayOneChainAcrossTheLine() {
    Tracker tracker = tracker();
    // a walker south at 1.2 m/s across a radar's beam 7 km out, seen once every 30-60 s from 1500 m
    // north of the line to 1500 m south; each plot is off along its course by the radar's cross-range
    // error there (50 m rms): a course through the last plot put the next one farther from where it
    // fell than the gate, a line fitted to the last minutes does not. It crosses at 1250 s
    Random rnd = new Random(7);
    double vn = -1.2;
    for (long s = 0; s <= 2500; s += 30 + rnd.nextInt(31)) lonePlot(tracker, chains, s, 1500 + vn * s + 50 * rnd.nextGaussian());
    stitcher.finish();
    List<Candidate> crossings = out.stream().filter(c -> c.kind() == IncidentKind.CROSSING).toList();
    assertThat(crossings).hasSize(1);
    assertThat(crossings.get(0).tMs()).isBetween(T + 1_150_000, T + 1_350_000);
  }
}
