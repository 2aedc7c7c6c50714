package io.watchline.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.fusion.track.Deleter;
import io.watchline.fusion.track.Measurement;
import io.watchline.fusion.track.Track;
import io.watchline.fusion.track.Tracker;
import io.watchline.observation.Kind;
import io.watchline.sites.Detection;
import io.watchline.sites.Lens;
import io.watchline.sites.Site;
import io.watchline.sites.SiteKind;
import io.watchline.sites.SiteRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A track its sensors were bound to miss is kept; one they would have seen is closed as before. */
class SensorMissesTest {
  static final FusionConfig CFG = FusionConfig.defaults();
  static final double PD = 0.85;

  static Site radar(Detection d) {
    return new Site("RDR-1", SiteKind.RADAR, 42.03, 19.1, 8, 0, 360, 50, 12000, -1, -1, 0, Lens.PINHOLE,
        Double.NaN, Double.NaN, Double.NaN, d);
  }

  static final Detection DOPPLER = new Detection(PD, 1.0, 2);
  static final Detection PLAIN = new Detection(PD, Double.NaN, 2);

  /**
   * When the tracker closes a confirmed radar track that walked 3 km east of the radar at (vx, vy)
   * m/s for 40 s and then got no more plots: seconds after its last plot.
   */
  static double closedAfterS(List<Site> sites, double vx, double vy) {
    Tracker.Stages stages = FusionEngine.standardStages(Synth.BORDER, new SiteRegistry(sites), CFG);
    List<Track> closed = new ArrayList<>();
    Tracker tracker = new Tracker(CFG.tracker(), stages, new Tracker.Listener() {
      @Override public void updated(Track t, Measurement m) {}
      @Override public void closed(Track t) { closed.add(t); }
    });
    double[] at = Synth.BORDER.toXY(42.03, 19.1);
    long last = 0;
    for (int k = 0; k <= 20; k++) {
      last = k * 2000L;
      tracker.scan(List.of(Measurement.isotropic(last, at[0] + 3000 + vx * k * 2, at[1] + vy * k * 2, 10, Kind.RADAR,
          "RDR-1", List.of())), last);
    }
    assertThat(tracker.live()).hasSize(1);
    assertThat(tracker.live().get(0).confirmed()).isTrue();
    for (long t = last + 1000; t < last + 600_000; t += 1000) {
      tracker.expire(t);
      if (!closed.isEmpty()) {
        return (t - last) / 1000.0;
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  @Test
  void aWalkerAcrossADopplerRadarsBeamIsKeptThroughTheScansItMisses() {
    // walking north 3 km east of the radar: no radial speed, seen on one scan in twenty-odd
    double kept = closedAfterS(List.of(radar(DOPPLER)), 0, 1.2);
    assertThat(kept).isGreaterThan(CFG.tracker().maxCoastMs() / 1000.0 * 3)
        .isLessThanOrEqualTo(CFG.tracker().maxMissedCoastMs() / 1000.0 + 1);
    // the same walker walking away from it is seen on most scans: unseen for 30 s, it is gone
    assertThat(closedAfterS(List.of(radar(DOPPLER)), 1.2, 0)).isLessThanOrEqualTo(CFG.tracker().maxCoastMs() / 1000.0 + 1);
    // and a radar without a Doppler filter sees it across the beam too
    assertThat(closedAfterS(List.of(radar(PLAIN)), 0, 1.2)).isLessThanOrEqualTo(CFG.tracker().maxCoastMs() / 1000.0 + 1);
  }

  @Test
  void withoutTheSitesFiguresOrWithASensorThatGivesNoneTracksAreClosedAsBefore() {
    assertThat(closedAfterS(List.of(radar(Detection.UNKNOWN)), 0, 1.2))
        .isLessThanOrEqualTo(CFG.tracker().maxCoastMs() / 1000.0 + 1);
    // a camera without figures looking at the same spot is taken to see it
    Site cam = new Site("CAM-1", SiteKind.THERMAL, 42.03, 19.1, 6, 90, 60, 10, 6000, -1, -1, 0);
    assertThat(closedAfterS(List.of(radar(DOPPLER), cam), 0, 1.2))
        .isLessThanOrEqualTo(CFG.tracker().maxCoastMs() / 1000.0 + 1);
  }

  @Test
  void theChanceOfMissingFollowsTheDopplerFiltersResponse() {
    // a Doppler radar: full Pd from the blind speed on, the floor standing still, the square between
    assertThat(DOPPLER.probabilityAt(1.5)).isEqualTo(PD);
    assertThat(DOPPLER.probabilityAt(0)).isEqualTo(PD * Detection.BLIND_FLOOR);
    assertThat(DOPPLER.probabilityAt(-0.5)).isEqualTo(PD * (Detection.BLIND_FLOOR + (1 - Detection.BLIND_FLOOR) * 0.25));
    assertThat(PLAIN.probabilityAt(0)).isEqualTo(PD);
    // walking obliquely at 0.5 m/s towards it (a quarter of the response): still closed within a minute
    double half = closedAfterS(List.of(radar(DOPPLER)), -0.5, 1.1);
    assertThat(half).isGreaterThan(CFG.tracker().maxCoastMs() / 1000.0).isLessThan(60);
  }
}
