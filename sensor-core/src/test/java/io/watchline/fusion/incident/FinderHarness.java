package io.watchline.fusion.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.fusion.Synth;
import io.watchline.fusion.bluforce.PatrolPositions;
import io.watchline.fusion.border.BorderTrace;
import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.quality.QualityConfig;
import io.watchline.fusion.track.Measurement;
import io.watchline.fusion.track.Track;
import io.watchline.fusion.track.Tracker;
import io.watchline.fusion.track.TrackerConfig;
import io.watchline.incident.IncidentKind;
import io.watchline.incident.TrackPoint;
import io.watchline.observation.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Tracks built plot by plot on {@link Synth#BORDER} and the crossings a finder makes of them, for the incident tests. */
final class FinderHarness {
  static final BorderView B = Synth.BORDER;

  private FinderHarness() {}

  /** A tracker with the default configuration that tells nobody what it does. */
  static Tracker tracker() {
    return new Tracker(TrackerConfig.defaults(), new Tracker.Listener() {
      @Override public void updated(Track t, Measurement m) {}
      @Override public void closed(Track t) {}
    });
  }

  /** Feeds one radar plot {@code east}, {@code north} m from (42.0, 19.1) to the tracker and the border trace. */
  static void plot(Tracker tracker, BorderTrace trace, long t, double east, double north) {
    double[] ll = Synth.at(east, north);
    double[] xy = B.toXY(ll[0], ll[1]);
    tracker.scan(List.of(Measurement.isotropic(t, xy[0], xy[1], 5, Kind.RADAR, "R", List.of())), t);
    trace.add(t, ll[0], ll[1]);
  }

  /** The tracker's one live track (asserting there is just one). */
  static Track only(Tracker tracker) {
    assertThat(tracker.live()).hasSize(1);
    return tracker.live().get(0);
  }

  /** The track's points as lon/lat track points. */
  static List<TrackPoint> points(Track track) {
    List<TrackPoint> pts = new ArrayList<>();
    for (int i = 0; i < track.points(); i++) {
      double[] ll = B.toLatLon(track.pointX(i), track.pointY(i));
      pts.add(new TrackPoint(ll[1], ll[0], Instant.ofEpochMilli(track.pointT(i))));
    }
    return pts;
  }

  /** The crossing candidates a finder (and its stitcher) makes of one closed track moving at {@code speedMps}. */
  static List<Candidate> crossings(Track track, BorderTrace trace, IncidentConfig cfg, double speedMps) {
    List<Candidate> out = new ArrayList<>();
    CrossingStitcher stitcher = new CrossingStitcher(B, cfg, 30_000, QualityConfig.defaults().maxWalkMps(), out::add);
    try (CandidateFinder finder = new CandidateFinder(B, cfg, new PatrolPositions(600_000, 60_000), stitcher, out::add)) {
      finder.closed(track, trace, points(track), speedMps);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    stitcher.finish();
    return out.stream().filter(c -> c.kind() == IncidentKind.CROSSING).toList();
  }
}
