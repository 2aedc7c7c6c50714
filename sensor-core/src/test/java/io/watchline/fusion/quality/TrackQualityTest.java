package io.watchline.fusion.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.fusion.track.Measurement;
import io.watchline.fusion.track.Track;
import io.watchline.fusion.track.Tracker;
import io.watchline.fusion.track.TrackerConfig;
import io.watchline.observation.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackQualityTest {
  private static final long MIN = 60_000L;

  /** A clutter field along the x axis, 0..1000 m: echoes every 4 s in each 250 m cell for an hour. */
  private static ClutterMap field() {
    ClutterMap m = new ClutterMap(QualityConfig.defaults());
    for (long t = 0; t < 60 * MIN; t += 4_000) {
      for (double x = 0; x <= 1000; x += 250) m.plot(x, 0, t);
    }
    return m;
  }

  /** A radar-only track through the points {x, y} at 1.4 m/s, a plot every 2 s, from 60 min on. */
  private static Track walk(double[]... legs) {
    Tracker tracker = new Tracker(TrackerConfig.defaults(), new Tracker.Listener() {
      @Override public void updated(Track t, Measurement m) {}
      @Override public void closed(Track t) {}
    });
    long t = 60 * MIN;
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
}
