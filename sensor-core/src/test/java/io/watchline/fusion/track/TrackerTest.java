package io.watchline.fusion.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.watchline.observation.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TrackerTest {
  private final List<Track> closed = new ArrayList<>();
  private final Tracker tracker = new Tracker(TrackerConfig.defaults(), new Tracker.Listener() {
    @Override public void updated(Track t, Measurement m) {}
    @Override public void closed(Track t) { closed.add(t); }
  });

  private static Measurement plot(long t, double x, double y, double sigma) {
    return Measurement.isotropic(t, x, y, sigma, Kind.RADAR, "R", List.of());
  }

  private List<Track> confirmed() {
    tracker.closeAll();
    return closed.stream().filter(Track::confirmed).toList();
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15})
  void straightNoisyWalkerIsOneTrackWithTheRightSpeedAndCourse(long seed) {
    Random rnd = new Random(seed);
    for (int k = 0; k <= 300; k++) {
      long t = k * 2000L;
      double x = 1.2 * k * 2, y = -0.9 * k * 2; // 1.5 m/s, course 126.87 deg
      tracker.scan(List.of(plot(t, x + rnd.nextGaussian() * 15, y + rnd.nextGaussian() * 15, 15)), t);
    }
    Track t = tracker.live().get(0);
    assertThat(tracker.live()).hasSize(1);
    double[] v = t.smoothedVelocity(120_000);
    assertThat(Math.hypot(v[0], v[1])).isCloseTo(1.5, within(0.25));
    assertThat(Math.toDegrees(Math.atan2(v[0], v[1]))).isCloseTo(126.87, within(10.0));
    // the instantaneous filter estimate is noisier but in the right range
    assertThat(t.filter().speed()).isBetween(0.5, 2.5);
    assertThat(t.hits()).isGreaterThanOrEqualTo(298); // a rare plot falls outside the 99.9 % gate
    assertThat(confirmed()).hasSize(1);
  }

  @Test
  void turningVehicleKeepsOneTrack() {
    Random rnd = new Random(7);
    // 8 m/s on a circle of radius 400 m: a quarter turn every 78 s, scans every 2 s
    for (int k = 0; k <= 150; k++) {
      double a = 8.0 * k * 2 / 400;
      tracker.scan(List.of(plot(k * 2000L, 400 * Math.sin(a) + rnd.nextGaussian() * 10, 400 * Math.cos(a) + rnd.nextGaussian() * 10, 10)), k * 2000L);
    }
    assertThat(tracker.live()).hasSize(1);
    assertThat(tracker.live().get(0).filter().speed()).isCloseTo(8.0, within(1.5));
    assertThat(confirmed()).hasSize(1);
  }

  @Test
  void twoTargetsCrossingKeepTheirIdentities() {
    Random rnd = new Random(3);
    // A goes east, B goes north; their paths cross at (0, 0) at t = 200 s, 1.5 m/s each
    for (int k = 0; k <= 200; k++) {
      long t = k * 2000L;
      double s = k * 2 - 200.0;
      List<Measurement> scan = new ArrayList<>();
      scan.add(plot(t, 1.5 * s + rnd.nextGaussian() * 8, rnd.nextGaussian() * 8, 8));
      scan.add(plot(t, rnd.nextGaussian() * 8, 1.5 * s + rnd.nextGaussian() * 8, 8));
      tracker.scan(scan, t);
    }
    List<Track> live = tracker.live();
    assertThat(live).hasSize(2);
    Track a = live.get(0).filter().x() > live.get(1).filter().x() ? live.get(0) : live.get(1);
    Track b = a == live.get(0) ? live.get(1) : live.get(0);
    // each track ends where its own target ends and started where that target started
    assertThat(a.filter().x()).isCloseTo(300, within(30.0));
    assertThat(a.pointX(0)).isCloseTo(-300, within(30.0));
    assertThat(b.filter().y()).isCloseTo(300, within(30.0));
    assertThat(b.pointY(0)).isCloseTo(-300, within(30.0));
    assertThat(a.hits()).isEqualTo(201);
  }

  @Test
  void aSecondGroupWalkingCloseBehindGetsItsOwnTrackAndKeepsItsStoryWhenTheyMeet() {
    Random rnd = new Random(9);
    // A walks east along y = 0; B starts 100 m behind and 200 m to the north and joins A after 10 min;
    // both are plotted every 2 s with a wide (60 m) cross-range error, as far from a radar.
    for (int k = 0; k <= 450; k++) {
      long t = k * 2000L;
      double x = 1.3 * k * 2;
      double yb = Math.max(0, 200 - 200.0 * k / 300);
      List<Measurement> scan = new ArrayList<>();
      scan.add(Measurement.isotropic(t, x + rnd.nextGaussian() * 15, rnd.nextGaussian() * 40, 50, Kind.RADAR, "R", List.of()));
      scan.add(Measurement.isotropic(t, x - yb / 2 + rnd.nextGaussian() * 15, yb + rnd.nextGaussian() * 40, 50, Kind.RADAR, "R",
          List.of()));
      tracker.mergeDuplicates(t);
      tracker.scan(scan, t);
    }
    List<Track> all = confirmed();
    // B's track began 200 m from A's: when they walk together it ends (closed, its own history) rather
    // than being folded into A's track
    Track b = all.stream().filter(t -> t.pointY(0) > 120).findFirst().orElseThrow();
    assertThat(b.points()).isGreaterThan(200);
    Track a = all.stream().filter(t -> Math.abs(t.pointY(0)) < 100).findFirst().orElseThrow();
    assertThat(a.points()).isGreaterThan(350);
    assertThat(Tracker.beganApart(a, b, 150)).isTrue();
    assertThat(Tracker.beganApart(a, a, 150)).isFalse();
  }

  @Test
  void aTrackIsClosedAfterCoastingAndTentativeClutterNeverConfirms() {
    Random rnd = new Random(5);
    for (int k = 0; k <= 20; k++) {
      List<Measurement> scan = new ArrayList<>();
      scan.add(plot(k * 2000L, k * 3.0, 0, 10));
      // one random false plot a scan, kilometres apart
      scan.add(plot(k * 2000L, rnd.nextDouble() * 10_000, 2000 + rnd.nextDouble() * 10_000, 15));
      tracker.scan(scan, k * 2000L);
    }
    tracker.expire(40_000 + 31_000);
    assertThat(closed.stream().filter(Track::confirmed)).hasSize(1);
    assertThat(tracker.live()).isEmpty();
    // clutter plots start tentative tracks (a few join an old one's widening gate) that never confirm
    assertThat(closed.stream().filter(t -> !t.confirmed()).count()).as("clutter tracks").isBetween(15L, 21L);
    assertThat(closed.stream().filter(Track::confirmed).findFirst().orElseThrow().hits()).isEqualTo(21);
  }

  @Test
  void feedTrackNumbersAreKept() {
    for (int k = 0; k < 10; k++) {
      // two feed tracks on the same spot stay two tracks
      tracker.scan(List.of(
          new Measurement(k * 1000L, k, 0, 100, 0, 100, Kind.RADAR, "R", "R/1", null, Double.NaN, List.of()),
          new Measurement(k * 1000L, k, 1, 100, 0, 100, Kind.RADAR, "R", "R/2", null, Double.NaN, List.of())), k * 1000L);
    }
    assertThat(tracker.live()).hasSize(2).allSatisfy(t -> assertThat(t.confirmed()).isTrue());
    assertThat(tracker.live()).extracting(Track::feedTrack).containsExactlyInAnyOrder("R/1", "R/2");
  }

  /** A radar report of its own track {@code feed}: polar errors of 15 m in range, 0.4 deg in bearing at 4 km. */
  private static Measurement feedReport(long t, double x, double y, String feed) {
    return new Measurement(t, x, y, 15 * 15, 0, 28 * 28, Kind.RADAR, "R", feed, null, Double.NaN, List.of());
  }

  /** A group walks north with a radar reporting two track numbers on it, and splits after {@code splitS} s or never. */
  private void groupWithTwoFeedNumbers(Random rnd, int splitS) {
    for (int k = 0; k <= 900; k++) {
      long t = k * 1000L;
      // after the split the parts drift apart sideways at 0.5 m/s each (100 m apart after 100 s)
      double side = k < splitS ? 0 : 0.5 * (k - splitS);
      double y = 1.3 * k;
      tracker.mergeDuplicates(t);
      tracker.scan(List.of(feedReport(t, -side + rnd.nextGaussian() * 15, y + rnd.nextGaussian() * 10, "R/12"),
          feedReport(t, side + rnd.nextGaussian() * 15, y + rnd.nextGaussian() * 10, "R/13")), t);
    }
  }

  @Test
  void feedNumbersFoldedOnOneGroupGetTwoTracksAgainWhenTheGroupSplits() {
    groupWithTwoFeedNumbers(new Random(21), 300);
    assertThat(tracker.merged()).as("the two numbers on one group are one target first").isEqualTo(1);
    assertThat(tracker.splits()).isEqualTo(1);
    List<Track> live = tracker.live();
    assertThat(live).hasSize(2);
    // each part has its own track at the end, 600 m apart, not one between them
    double xa = live.get(0).filter().x(), xb = live.get(1).filter().x();
    assertThat(Math.min(xa, xb)).isCloseTo(-300, within(40.0));
    assertThat(Math.max(xa, xb)).isCloseTo(300, within(40.0));
    // the new track takes its own reports from where the parts were about 100 m apart (one a second
    // until t = 900 s), and its path begins with the walk the parts shared
    Track young = live.get(0).id() > live.get(1).id() ? live.get(0) : live.get(1);
    assertThat(young.hits()).isBetween(900 - 520, 900 - 350);
    assertThat(young.firstMs()).isZero();
    assertThat(young.pointY(0)).isCloseTo(0, within(30.0));
    assertThat(young.points()).isGreaterThan(850);
  }

  @Test
  void feedNumbersOnAGroupThatStaysTogetherStayOneTrack() {
    groupWithTwoFeedNumbers(new Random(22), Integer.MAX_VALUE);
    assertThat(tracker.merged()).isEqualTo(1);
    assertThat(tracker.splits()).isZero();
    assertThat(tracker.live()).hasSize(1);
  }

  @Test
  void twoNumberedGroupsThatMetAndPartedAgainHaveTwoTracksAgain() {
    Random rnd = new Random(41);
    // R/21 walks north at 1.3 m/s; R/22 begins 400 m east of it and closes in, walks beside it
    // from 300 s to 500 s (one target: it folds into R/21's track as two groups that met), then
    // drifts east at 0.5 m/s (200 m apart at 900 s)
    for (int k = 0; k <= 900; k++) {
      long t = k * 1000L;
      double y = 1.3 * k;
      double xb = k < 300 ? 400 - 400 * k / 300.0 : k < 500 ? 0 : 0.5 * (k - 500);
      tracker.mergeDuplicates(t);
      tracker.scan(List.of(feedReport(t, rnd.nextGaussian() * 15, y + rnd.nextGaussian() * 10, "R/21"),
          feedReport(t, xb + rnd.nextGaussian() * 15, y + rnd.nextGaussian() * 10, "R/22")), t);
    }
    assertThat(closed).as("the younger group's story up to the meeting").hasSize(1);
    // each group has its own track at the end (without the rule: one track between them)
    assertThat(tracker.splits()).isEqualTo(1);
    assertThat(tracker.live()).hasSize(2);
    assertThat(tracker.live()).extracting(tr -> tr.filter().x())
        .anySatisfy(x -> assertThat(x).isCloseTo(0, within(40.0)))
        .anySatisfy(x -> assertThat(x).isCloseTo(200, within(40.0)));
  }

  @Test
  void aNumberedWalkerPassingAClutterSpotsPlotTrackGoesOnAsItself() {
    Random rnd = new Random(31);
    // a clutter spot's echo at the origin every 2 s, tracked from plots (no number) ...
    for (int k = 0; k <= 750; k++) {
      long t = k * 2000L;
      tracker.mergeDuplicates(t);
      List<Measurement> scan = new ArrayList<>();
      scan.add(plot(t, rnd.nextGaussian() * 8, rnd.nextGaussian() * 8, 10));
      tracker.scan(scan, t);
      // ... and a walker the radar reports by its own number, from 600 m west through the spot at 0.8 m/s
      if (k > 0) tracker.scan(List.of(feedReport(t + 100, -600 + 0.8 * k * 2 + rnd.nextGaussian() * 10,
          rnd.nextGaussian() * 10, "R/7")), t + 100);
    }
    Track walker = tracker.live().stream().filter(t -> "R/7".equals(t.feedTrack())).findFirst().orElseThrow();
    assertThat(walker.filter().x()).isCloseTo(600, within(60.0));
    assertThat(walker.pointX(0)).isCloseTo(-600, within(60.0));
  }

  @Test
  void aNumberFoldedIntoATrackThatIsFoldedInTurnFollowsItIntoTheKeptTrack() {
    Random rnd = new Random(33);
    // a walker north at 1.3 m/s reported under R/1 and, from 10 s, R/2 (folded into R/1's track); a
    // second radar's plot track walks beside it 100 m to the east and closes in on it by 300 s (the
    // older track: R/1's track is folded into it); its plots and R/1 stop at 400 s, R/2 goes on to 900 s
    for (int k = 0; k <= 450; k++) {
      long t = k * 2000L;
      double y = 1.3 * k * 2;
      tracker.mergeDuplicates(t);
      if (k <= 200) tracker.scan(List.of(plot(t, Math.max(0, 100 - k * 2 / 3.0) + rnd.nextGaussian() * 5, y + rnd.nextGaussian() * 5, 10)), t);
      List<Measurement> scan = new ArrayList<>();
      if (k >= 1 && k <= 200) scan.add(feedReport(t + 100, rnd.nextGaussian() * 5, y + rnd.nextGaussian() * 5, "R/1"));
      if (k >= 5) scan.add(feedReport(t + 100, rnd.nextGaussian() * 5, y + rnd.nextGaussian() * 5, "R/2"));
      if (!scan.isEmpty()) tracker.scan(scan, t + 100);
    }
    assertThat(tracker.merged()).isGreaterThanOrEqualTo(2);
    // R/2's reports still move a live track: it is where the walker is at 900 s
    assertThat(tracker.live()).anySatisfy(t -> assertThat(t.filter().y()).isCloseTo(1170, within(60.0)));
  }

  /** A ranged camera detection of object {@code object} at (x, y) from a camera at the origin: 10 % range error along the bearing. */
  private static Measurement camera(long t, double x, double y, String object) {
    double range = Math.hypot(x, y), bearing = Math.toDegrees(Math.atan2(x, y));
    double[] r = Measurement.polarCovariance(range, bearing, 0.1 * range, 0.3);
    return new Measurement(t, x, y, r[0], r[1], r[2], Kind.THERMAL, "C", null, "human", 0.8, List.of(), object);
  }

  @Test
  void aCameraObjectFurtherAlongTheBearingDoesNotJoinTheTrackOfAnotherObjectOfThatCamera() {
    Random rnd = new Random(41);
    // a group 1300 m east of a ranged camera walks north at 1.3 m/s, reported every second as object
    // C/1; from 100 s a standing hot spot 500 m further along the same bearing is reported as C/2 in
    // the same frames: inside the group track's gate (the range error is 130-180 m), but the camera
    // says it is another object
    double gx = 1800, gy = 1.3 * 100 - 100;
    gy = gy * gx / 1300;
    for (int k = 0; k <= 200; k++) {
      long t = k * 1000L;
      double y = -100 + 1.3 * k, r = Math.hypot(1300, y), u = Math.atan2(1300, y);
      double rr = r + rnd.nextGaussian() * 25, uu = u + Math.toRadians(0.3) * rnd.nextGaussian();
      tracker.scan(List.of(camera(t, rr * Math.sin(uu), rr * Math.cos(uu), "C/1")), t);
      if (k >= 100) tracker.scan(List.of(camera(t, gx + rnd.nextGaussian() * 25, gy, "C/2")), t);
      tracker.mergeDuplicates(t);
    }
    Track group = tracker.live().stream().filter(t -> t.pointY(0) < -50).findFirst().orElseThrow();
    // the group's track is where the group is, not dragged towards the hot spot
    assertThat(group.filter().x()).isCloseTo(1300, within(60.0));
    assertThat(group.filter().y()).isCloseTo(160, within(60.0));
    assertThat(group.hits()).isBetween(195, 201);
    // the hot spot has a track of its own
    assertThat(tracker.live()).anySatisfy(t -> assertThat(t.filter().x()).isCloseTo(1800, within(60.0)));
  }

  /**
   * A walker north at 1.4 m/s, plotted every 2 s for {@code plots} scans with 10 m noise, then
   * unseen: the tracker (of {@code cfg}) and the closed tracks, after expiring at each second up to
   * {@code silentS} seconds after the last plot.
   */
  private static Tracker walkThenSilence(TrackerConfig cfg, int plots, int silentS, List<Track> closed) {
    return walkThenSilence(cfg, plots, silentS, closed, 2.8);
  }

  /** As above, {@code stepM} north per 2 s scan (0: standing). */
  private static Tracker walkThenSilence(TrackerConfig cfg, int plots, int silentS, List<Track> closed, double stepM) {
    Tracker tr = new Tracker(cfg, new Tracker.Listener() {
      @Override public void updated(Track t, Measurement m) {}
      @Override public void closed(Track t) { closed.add(t); }
    });
    Random rnd = new Random(5);
    long last = 0;
    for (int k = 0; k < plots; k++) {
      last = k * 2000L;
      tr.scan(List.of(plot(last, rnd.nextGaussian() * 10, stepM * k + rnd.nextGaussian() * 10, 10)), last);
    }
    for (int s = 1; s <= silentS; s++) tr.expire(last + s * 1000L);
    return tr;
  }

  @Test
  void anEstablishedTrackIsKeptThroughAMinuteUnseenAYoungOneIsNot() {
    TrackerConfig cfg = TrackerConfig.defaults();
    List<Track> closed = new ArrayList<>();
    // 40 plots (80 s): established; a minute unseen, it is still there
    Tracker tr = walkThenSilence(cfg, 40, 60, closed);
    assertThat(closed).isEmpty();
    assertThat(tr.live()).hasSize(1);
    // and the walker seen again where it would be now joins it
    long t = 78_000 + 60_000;
    tr.scan(List.of(plot(t, 20, 2.8 * 39 + 1.4 * 60 - 30, 10)), t);
    assertThat(tr.live()).hasSize(1);
    assertThat(tr.live().get(0).hits()).isEqualTo(41);
    // past the established coast limit it is closed
    tr.expire(t + cfg.establishedCoastMs() + 1000);
    assertThat(closed).hasSize(1);
    // 12 plots (24 s): closed after the standard coast limit
    List<Track> young = new ArrayList<>();
    walkThenSilence(cfg, 12, (int) (cfg.maxCoastMs() / 1000) + 1, young);
    assertThat(young).hasSize(1);
    // 40 plots of a group standing: closed after the standard limit too (the loiter rules take it on)
    List<Track> standing = new ArrayList<>();
    walkThenSilence(cfg, 40, (int) (cfg.maxCoastMs() / 1000) + 1, standing, 0);
    assertThat(standing).hasSize(1);
  }

  @Test
  void aTrackUnseenPastTheCoastLimitTakesOnlyPlotsAWalkerCouldHaveReached() {
    // 80 s unseen: the predicted position's uncertainty has grown so that the Mahalanobis gate alone
    // takes a plot 400 m off; the walker cannot have gone there, a 2-minute walk at its pace
    long t = 78_000 + 80_000;
    double x = 400, y = 2.8 * 39 + 1.4 * 80;
    TrackerConfig unbounded = TrackerConfig.builder().coastedReachM(1e9).build();
    Tracker loose = walkThenSilence(unbounded, 40, 80, new ArrayList<>());
    loose.scan(List.of(plot(t, x, y, 10)), t);
    assertThat(loose.live()).hasSize(1);
    assertThat(loose.live().get(0).hits()).isEqualTo(41);
    Tracker bounded = walkThenSilence(TrackerConfig.defaults(), 40, 80, new ArrayList<>());
    bounded.scan(List.of(plot(t, x, y, 10)), t);
    // the walker's track is left as it was
    assertThat(bounded.live()).anySatisfy(tr -> assertThat(tr.hits()).isEqualTo(40));
    assertThat(bounded.live()).noneSatisfy(tr -> assertThat(tr.hits()).isEqualTo(41));
  }
}
