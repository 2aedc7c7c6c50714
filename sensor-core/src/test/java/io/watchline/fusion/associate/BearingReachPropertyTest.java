package io.watchline.fusion.associate;

import static io.watchline.fusion.associate.TestTracks.toward;
import static io.watchline.fusion.associate.TestTracks.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.fusion.track.Track;
import io.watchline.observation.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BearingAssociator#match} looks only at the tracks a camera can reach in its time window;
 * it must pick the track that trying every track with the association rule picks.
 */
class BearingReachPropertyTest {
  private static final double GATE_DEG = 1.5, RANGE_FRACTION = 0.25;

  @Test
  void theMatchIsTheOneEveryTrackTriedInTurnGives() {
    Random rnd = new Random(7);
    long t0 = 5_000_000;
    List<Track> live = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      live.add(track(Kind.RADAR, 4, rnd.nextDouble() * 30_000, rnd.nextDouble() * 6_000 - 3_000, rnd.nextGaussian() * 3,
          rnd.nextGaussian() * 3, t0 - rnd.nextInt(20_000)));
    }
    BearingAssociator a = new BearingAssociator(GATE_DEG, RANGE_FRACTION);
    double[][] cameras = {{2_000, 0}, {9_000, 200}, {17_000, -100}, {26_000, 0}};
    int matched = 0;
    for (int second = 0; second < 20; second++) {
      long now = t0 + second * 1000L;
      a.refresh(live);
      for (int k = 0; k < 200; k++) {
        int c = rnd.nextInt(cameras.length);
        // the same name from another place now and then: a list made for one place must not serve another
        double ox = cameras[c][0] + (k % 37 == 0 ? 500 : 0), oy = cameras[c][1];
        Track aim = live.get(rnd.nextInt(live.size()));
        long t = now + rnd.nextInt(1000);
        double[] p = Tracks.at(aim, t);
        double range = k % 3 == 0 ? Math.hypot(p[0] - ox, p[1] - oy) * (0.8 + 0.4 * rnd.nextDouble()) : Double.NaN;
        Bearing b = toward("CAM-" + c, ox, oy, p[0], p[1], rnd.nextGaussian() * 3, t, range, k % 11 == 0 ? Double.NaN : 6_000);
        Track got = a.match(b);
        assertThat(got).isSameAs(everyTrack(live, b));
        if (got != null) matched++;
      }
    }
    assertThat(matched).as("bearings matched").isGreaterThan(200);
  }

  /** The association rule applied to every radar-led confirmed track, as the class documents it. */
  private static Track everyTrack(List<Track> live, Bearing b) {
    Track best = null;
    double bestTan = Double.POSITIVE_INFINITY;
    double tanGate = Math.tan(Math.toRadians(GATE_DEG));
    double maxRange = Double.isNaN(b.maxRangeM()) ? Double.POSITIVE_INFINITY : b.maxRangeM() * 1.1;
    for (Track t : live) {
      if (!t.confirmed() || t.hits(Kind.RADAR) == 0) continue;
      double[] p = Tracks.at(t, b.tMs());
      double ex = p[0] - b.ox(), ey = p[1] - b.oy();
      if (Math.abs(ex) > maxRange || Math.abs(ey) > maxRange) continue;
      double along = ex * b.dx() + ey * b.dy();
      if (along <= 0 || along > maxRange) continue;
      double across = Math.abs(b.dx() * ey - b.dy() * ex);
      double dist = Math.sqrt(along * along + across * across);
      if (!Double.isNaN(b.rangeM()) && Math.abs(dist - b.rangeM()) > Math.max(60, RANGE_FRACTION * b.rangeM())) continue;
      double tb = 40 / Math.max(dist, 1);
      double tanLimit = (tanGate + tb) / Math.max(1e-9, 1 - tanGate * tb);
      double tanOff = across / along;
      if (tanOff <= tanLimit && tanOff < bestTan) {
        bestTan = tanOff;
        best = t;
      }
    }
    return best;
  }

  private static final class Tracks {
    /** The track's position predicted to {@code tMs} the way the associator predicts it. */
    static double[] at(Track t, long tMs) {
      double dt = Math.max(0, (tMs - t.filterMs()) / 1000.0);
      return new double[] {t.filter().x() + t.filter().vx() * dt, t.filter().y() + t.filter().vy() * dt};
    }
  }
}
