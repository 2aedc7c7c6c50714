package io.watchline.fusion.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.fusion.track.Measurement;
import io.watchline.fusion.track.Track;
import io.watchline.fusion.track.Tracker;
import io.watchline.fusion.track.TrackerConfig;
import io.watchline.observation.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clutter and herd rejection of closed tracks, on tracks built by the tracker from radar plots. */
class TrackQualityTest {
  private static final long T0 = 1_800_000_000_000L;
  private final TrackQuality quality = new TrackQuality(QualityConfig.defaults());

  /** A radar-only target walking north at 1.2 m/s for {@code minutes}, one plot every {@code everyMs}. */
  private static Track walker(long minutes, long everyMs) {
    Tracker tracker = new Tracker(TrackerConfig.defaults(), new Tracker.Listener() {
      @Override public void updated(Track t, Measurement m) {}
      @Override public void closed(Track t) {}
    });
    for (long t = 0; t <= minutes * 60_000; t += everyMs) {
      tracker.scan(List.of(Measurement.isotropic(T0 + t, 500, 1.2 * t / 1000.0, 5, Kind.RADAR, "R", List.of())), T0 + t);
    }
    assertThat(tracker.live()).hasSize(1);
    return tracker.live().get(0);
  }

  @Test
  void aRadarOnlyWalkerWithAWeakEchoMustBeFollowedLongerThanAStrongOne() {
    // 10 min at one plot per 4 s (15 a minute): a herd's small echo, missed on many scans
    Track weak = walker(10, 4000);
    assertThat(quality.reject(weak, 1.2, null)).isEqualTo("weak radar-only echo");
    assertThat(TrackQuality.mayBePiece(quality.reject(weak, 1.2, null))).isFalse();
    // the same walk at a plot per 2 s (30 a minute), as a radar gives a group of people
    assertThat(quality.reject(walker(10, 2000), 1.2, null)).isNull();
    // followed for 16 min, a weak echo too is a target
    assertThat(quality.reject(walker(16, 4000), 1.2, null)).isNull();
    // a plot every 25 s (2.4 a minute) is a walker across a Doppler radar's beam, not a herd
    assertThat(quality.reject(walker(10, 25_000), 1.2, null)).isNull();
    // under 5 min it is a brief walker, a piece a chain may use, as before
    assertThat(quality.reject(walker(4, 4000), 1.2, null)).isEqualTo("brief radar-only walker");
  }

  @Test
  void theWeakEchoFloorIsAConfigValue() {
    TrackQuality off = new TrackQuality(QualityConfig.defaults().toBuilder().minWeakEchoWalkMs(0).build());
    assertThat(off.reject(walker(10, 4000), 1.2, null)).isNull();
  }

  private static final long MIN = 60_000L;

  /** A clutter field along the x axis, 0..1000 m: echoes every 4 s in each 250 m cell for 90 min (the map needs 80). */
  private static ClutterMap field() {
    ClutterMap m = new ClutterMap(QualityConfig.defaults());
    for (long t = 0; t < 90 * MIN; t += 4_000) {
      for (double x = 0; x <= 1000; x += 250) m.plot(x, 0, t);
    }
    return m;
  }

  /** A radar-only track through the points {x, y} at 1.4 m/s, a plot every 2 s, from 90 min on. */
  private static Track walk(double[]... legs) {
    Tracker tracker = new Tracker(TrackerConfig.defaults(), new Tracker.Listener() {
      @Override public void updated(Track t, Measurement m) {}
      @Override public void closed(Track t) {}
    });
    long t = 90 * MIN;
    for (int i = 1; i < legs.length; i++) {
      double dx = legs[i][0] - legs[i - 1][0], dy = legs[i][1] - legs[i - 1][1], len = Math.hypot(dx, dy);
      for (double s = 0; s < len; s += 2.8, t += 2_000) {
        double x = legs[i - 1][0] + dx * s / len, y = legs[i - 1][1] + dy * s / len;
        tracker.scan(List.of(Measurement.isotropic(t, x, y, 5, Kind.RADAR, "R", List.of())), t);
      }
    }
    assertThat(tracker.live()).hasSize(1);
    return tracker.live().get(0);
  }

  @Test
  void aGroupWalkingStraightThroughAClutterFieldIsNoClutterButAnEchoWanderingInItIs() {
    ClutterMap map = field();
    TrackQuality q = new TrackQuality(QualityConfig.defaults());
    // 950 m straight along the field: every point in a clutter cell
    Track through = walk(new double[] {0, 0}, new double[] {950, 0});
    assertThat(q.reject(through, 1.4, map)).isNull();
    // as long a walk, but to and fro inside the field: where it started, 150 m on
    Track wander = walk(new double[] {0, 0}, new double[] {500, 0}, new double[] {150, 0});
    assertThat(q.reject(wander, 1.4, map)).isEqualTo("clutter map");
    // the straight walk too, when passing through is switched off
    TrackQuality strict = new TrackQuality(QualityConfig.builder().clutterPassM(10_000).build());
    assertThat(strict.reject(through, 1.4, map)).isEqualTo("clutter map");
  }

  /** A radar-only track standing on a fixed echo at the origin (wobbling 35 m) for 20 min from 90 min on, then walking {@code m} m along x at 1.3 m/s. */
  private static Track standThenWalk(double m) {
    Tracker tracker = new Tracker(TrackerConfig.defaults(), new Tracker.Listener() {
      @Override public void updated(Track t, Measurement me) {}
      @Override public void closed(Track t) {}
    });
    long t = 90 * MIN;
    for (long end = t + 20 * MIN; t < end; t += 2_000) {
      double a = 2 * Math.PI * (t - 90 * MIN) / 120_000.0;
      tracker.scan(List.of(Measurement.isotropic(t, 35 * Math.sin(a), 35 - 35 * Math.cos(a), 5, Kind.RADAR, "R", List.of())), t);
    }
    for (double x = 0; x < m; x += 2.6, t += 2_000) {
      tracker.scan(List.of(Measurement.isotropic(t, x, 0, 5, Kind.RADAR, "R", List.of())), t);
    }
    assertThat(tracker.live()).hasSize(1);
    return tracker.live().get(0);
  }

  @Test
  void aGroupThatTookOverAFixedEchoTrackAndWalkedOnThroughTheFieldIsNoClutter() {
    ClutterMap map = field();
    TrackQuality q = new TrackQuality(QualityConfig.defaults());
    // 20 min on the echo, then 950 m straight through the field: judged from when it set off
    Track tookOver = standThenWalk(950);
    assertThat(q.reject(tookOver, 1.0, map)).isNull();
    // over its whole life the wobble is wandering: clutter
    TrackQuality whole = new TrackQuality(QualityConfig.builder().clutterPassStandMs(Long.MAX_VALUE).build());
    assertThat(whole.reject(tookOver, 1.0, map)).isEqualTo("clutter map");
    // an echo's track that drifts off 300 m after its stand is still the field's
    assertThat(q.reject(standThenWalk(300), 1.0, map)).isEqualTo("clutter map");
  }

  @Test
  void aWalkAClutterFieldTookOverIsJudgedOnTheWalk() {
    ClutterMap map = field();
    TrackQuality q = new TrackQuality(QualityConfig.defaults());
    // 2.7 km straight north up to the field (32 min), then two hours on its echo, 40 m to and fro
    double[][] legs = new double[2 + 600][];
    legs[0] = new double[] {500, -3000};
    legs[1] = new double[] {500, 0};
    for (int i = 2; i < legs.length; i++) legs[i] = new double[] {i % 2 == 0 ? 540 : 500, i % 4 < 2 ? 0 : 40};
    Track captured = walk(legs);
    assertThat(q.reject(captured, 1.0, map)).isEqualTo("clutter map");
    int k = q.capturedAfterWalk(captured, map);
    assertThat(k).isPositive();
    Track head = captured.head(k);
    // the walk ends where the field's cells begin (a cell and its neighbours: within 500 m of it)
    assertThat(head.pointY(k - 1)).isBetween(-600.0, -200.0);
    assertThat(head.lastMs() - head.firstMs()).isGreaterThan(25 * MIN);
    assertThat(q.reject(head, 1.4, null)).isNull();
    // an echo that wandered in the field from the start, or a short walk into it, is clutter
    Track wander = walk(new double[] {0, 0}, new double[] {500, 0}, new double[] {150, 0});
    assertThat(q.capturedAfterWalk(wander, map)).isEqualTo(-1);
    legs[0] = new double[] {500, -700};
    assertThat(q.capturedAfterWalk(walk(legs), map)).isEqualTo(-1);
  }

  @Test
  void aWalkAFieldTookOverIsCutWhereItStoppedNotWhereItFirstTouchedTheMap() {
    ClutterMap map = field();
    TrackQuality q = new TrackQuality(QualityConfig.defaults());
    // 1.6 km straight north into the field's spot at y 100 (a line at y -200 would be crossed after the
    // map's neighbour cells begin, at y -250), then an hour on the spot's echo, 40 m to and fro
    double[][] legs = new double[2 + 300][];
    legs[0] = new double[] {500, -1500};
    legs[1] = new double[] {500, 100};
    for (int i = 2; i < legs.length; i++) legs[i] = new double[] {i % 2 == 0 ? 540 : 500, i % 4 < 2 ? 100 : 140};
    Track captured = walk(legs);
    assertThat(q.reject(captured, 1.0, map)).isEqualTo("clutter map");
    int first = q.capturedAfterWalk(captured, map);
    assertThat(captured.pointY(first - 1)).isLessThan(-200.0); // cut before the line
    int k = q.stoppedInField(captured, map);
    assertThat(k).isGreaterThan(first);
    assertThat(captured.pointY(k - 1)).isBetween(-200.0, 100.0); // cut where the spot took it: past the line
    assertThat(q.reject(captured.head(k), 1.4, null)).isNull();
    // an echo that wandered in the field from the start, or a short walk into it, is clutter
    assertThat(q.stoppedInField(walk(new double[] {0, 0}, new double[] {500, 0}, new double[] {150, 0}), map)).isEqualTo(-1);
    legs[0] = new double[] {500, -300};
    assertThat(q.stoppedInField(walk(legs), map)).isEqualTo(-1);
  }
}
