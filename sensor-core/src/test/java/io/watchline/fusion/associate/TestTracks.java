package io.watchline.fusion.associate;

import io.watchline.fusion.track.Measurement;
import io.watchline.fusion.track.Track;
import io.watchline.fusion.track.Tracker;
import io.watchline.fusion.track.TrackerConfig;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Tracks and bearings for the association tests, made through the public tracker API. */
final class TestTracks {
  private TestTracks() {}

  /** A track confirmed by {@code plots} plots one second apart of {@code kind}, ending at (x, y) at {@code tMs}. */
  static Track track(Kind kind, int plots, double x, double y, double vx, double vy, long tMs) {
    List<Track> out = new ArrayList<>();
    Tracker tracker = new Tracker(TrackerConfig.defaults(), new Tracker.Listener() {
      @Override public void updated(Track t, Measurement m) {}
      @Override public void closed(Track t) {}
    });
    for (int k = plots - 1; k >= 0; k--) {
      long t = tMs - k * 1000L;
      tracker.scan(List.of(Measurement.isotropic(t, x - vx * k, y - vy * k, 5, kind, "R", List.of())), t);
    }
    out.addAll(tracker.live());
    return out.get(0);
  }

  /** A bearing from (ox, oy) towards (x, y) turned by {@code offDeg} (clockwise). */
  static Bearing toward(String site, double ox, double oy, double x, double y, double offDeg, long tMs, double rangeM,
      double maxRangeM) {
    double a = Math.atan2(x - ox, y - oy) + Math.toRadians(offDeg);
    Observation o = Observation.builder(Instant.ofEpochMilli(tMs), Kind.THERMAL).sensor(site).polar(rangeM, 0)
        .cls("human").conf(0.8).src(new Source(site + ".xml", tMs, 1)).build();
    return new Bearing(site, ox, oy, Math.sin(a), Math.cos(a), tMs, rangeM, maxRangeM, o);
  }
}
