package io.watchline.fusion;

import io.watchline.fusion.associate.Bearing;
import io.watchline.fusion.associate.BearingAssociator;
import io.watchline.fusion.associate.Triangulator;
import io.watchline.fusion.bluforce.BlueForceTally;
import io.watchline.fusion.bluforce.PatrolPositions;
import io.watchline.fusion.border.BorderTrace;
import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.border.CrossingEvent;
import io.watchline.fusion.incident.Candidate;
import io.watchline.fusion.incident.IncidentAssembler;
import io.watchline.fusion.incident.Spill;
import io.watchline.fusion.track.Measurement;
import io.watchline.fusion.track.PathShape;
import io.watchline.fusion.track.Track;
import io.watchline.fusion.track.Tracker;
import io.watchline.geo.geodesy.Geodesy;
import io.watchline.incident.IncidentSink;
import io.watchline.incident.IncidentKind;
import io.watchline.incident.TrackPoint;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import io.watchline.sites.Site;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fusion pipeline for one time-ordered stream of observations: radar plots become tracks,
 * camera bearings corroborate them or are crossed into positions, patrol fixes explain the tracks
 * that move with a patrol, and closed tracks yield incident candidates against the border.
 * Incidents go to the sink as soon as no later input can change them. Memory holds the live
 * tracks, a few seconds of unpaired bearings, minutes of patrol fixes and a few hundred bytes per
 * candidate not yet final (their points and evidence wait in a temporary file); nothing else
 * grows with the number of observations.
 */
public final class FusionEngine implements Tracker.Listener, AutoCloseable {
  private final BorderView border;
  private final SiteRegistry sites;
  private final FusionConfig cfg;
  private final TrackSink trackSink;
  private final Tracker tracker;
  private final PatrolPositions patrols;
  private final BearingAssociator associator;
  private final Triangulator triangulator;
  private final IncidentAssembler assembler;
  private final Map<Long, TrackState> states = new HashMap<>();
  private final Map<String, Batch> batches = new LinkedHashMap<>();
  private final Map<String, double[]> siteXY = new HashMap<>();
  private final FusionStats stats = new FusionStats();
  private long lastHousekeepingMs = Long.MIN_VALUE;
  private long nowMs = Long.MIN_VALUE;
  private long lastReleaseMs = Long.MIN_VALUE;
  private Spill spill;
  /** How often (in data time) finished incidents are handed on. */
  static final long RELEASE_EVERY_MS = 10_000;
  /**
   * A track may start this long before the newest observation (a scan batch, a camera bearing
   * waiting for its pair), so later tracks begin after now minus this.
   */
  static final long BIRTH_MARGIN_MS = 60_000;

  private static final class TrackState {
    final BorderTrace trace;
    final BlueForceTally tally = new BlueForceTally();

    TrackState(BorderTrace trace) {
      this.trace = trace;
    }
  }

  private static final class Batch {
    final long t0;
    final List<Measurement> plots = new ArrayList<>();

    Batch(long t0) {
      this.t0 = t0;
    }
  }

  /**
   * @param trackSink receives every confirmed track when it closes
   * @param minScore incidents scoring less are dropped
   * @param incidents receives the incidents as they become final, sorted by start time and numbered
   */
  public FusionEngine(BorderView border, SiteRegistry sites, FusionConfig cfg, TrackSink trackSink, double minScore,
      IncidentSink incidents) {
    this.border = border;
    this.sites = sites;
    this.cfg = cfg;
    this.trackSink = trackSink;
    this.tracker = new Tracker(cfg.tracker(), this);
    this.patrols = new PatrolPositions(10 * 60_000L, 60_000L);
    this.associator = new BearingAssociator(cfg.bearingGateDeg(), 0.25);
    this.triangulator = new Triangulator(cfg.pairWindowMs(), cfg.cameraSigmaBearingDeg(), cfg.minCrossingAngleDeg());
    this.assembler = new IncidentAssembler(cfg.mergeM(), cfg.mergeMs(), cfg.nearM(), minScore, incidents);
  }

  /** Takes the next observation; observations must come in time order (see TimeMerge). */
  public void accept(Observation o) {
    long t = o.t().toEpochMilli();
    nowMs = Math.max(nowMs, t);
    flushBatchesBefore(t - cfg.scanWindowMs());
    if (lastHousekeepingMs == Long.MIN_VALUE || t - lastHousekeepingMs >= 1000) {
      housekeeping(t);
    }
    if (lastReleaseMs == Long.MIN_VALUE || t - lastReleaseMs >= RELEASE_EVERY_MS) {
      lastReleaseMs = t;
      release(t - BIRTH_MARGIN_MS);
    }
    switch (o.kind()) {
      case RADAR -> radar(o, t);
      case THERMAL -> thermal(o, t);
      case PATROL -> patrol(o, t);
    }
  }

  private void radar(Observation o, long t) {
    stats.radar++;
    Site site = o.sensor() == null ? null : sites.byId(o.sensor());
    double lat = o.lat(), lon = o.lon();
    if (!o.hasPosition() && o.hasPolar() && !Double.isNaN(o.rangeM()) && site != null) {
      Geodesy.LatLon p = site.place(o.rangeM(), o.bearingDeg());
      lat = p.lat();
      lon = p.lon();
    }
    if (Double.isNaN(lat) || Double.isNaN(lon)) {
      stats.unplaced++;
      return;
    }
    double[] xy = border.toXY(lat, lon);
    double rxx, rxy, ryy;
    if (o.hasPolar() && !Double.isNaN(o.rangeM())) {
      double[] r = Measurement.polarCovariance(o.rangeM(), o.bearingDeg(), cfg.radarSigmaRangeM(), cfg.radarSigmaBearingDeg());
      rxx = r[0];
      rxy = r[1];
      ryy = r[2];
    } else {
      rxx = ryy = cfg.positionSigmaM() * cfg.positionSigmaM();
      rxy = 0;
    }
    Measurement m = new Measurement(t, xy[0], xy[1], rxx, rxy, ryy, Kind.RADAR, o.sensor(), o.track(), o.cls(), o.conf(), sourceOf(o));
    String key = o.sensor() == null ? "" : o.sensor();
    Batch b = batches.get(key);
    if (b != null && t - b.t0 > cfg.scanWindowMs()) {
      batches.remove(key);
      tracker.scan(b.plots, b.t0);
      b = null;
    }
    if (b == null) {
      b = new Batch(t);
      batches.put(key, b);
    }
    b.plots.add(m);
  }

  private void thermal(Observation o, long t) {
    stats.thermal++;
    Site site = o.sensor() == null ? null : sites.byId(o.sensor());
    Bearing bearing = null;
    if (o.hasPolar() && site != null) {
      // {x, y, grid convergence}: the grid angle of true north at the site, constant over a camera's range
      double[] s = siteXY.computeIfAbsent(site.id(), k -> {
        double[] xy = border.toXY(site.lat(), site.lon());
        Geodesy.LatLon north = Geodesy.direct(site.lat(), site.lon(), 0, 1000);
        double[] nxy = border.toXY(north.lat(), north.lon());
        return new double[] {xy[0], xy[1], Math.atan2(nxy[0] - xy[0], nxy[1] - xy[1])};
      });
      double grid = Math.toRadians(o.bearingDeg()) + s[2];
      bearing = new Bearing(site.id(), s[0], s[1], Math.sin(grid), Math.cos(grid), t, o.rangeM(), site.rangeMaxM(), o);
      Track match = associator.match(bearing);
      if (match != null) {
        match.corroborate(Kind.THERMAL, o.cls(), o.conf(), sourceOf(o));
        stats.corroborations++;
        return;
      }
    }
    double lat = o.lat(), lon = o.lon();
    if (!o.hasPosition() && bearing != null && !Double.isNaN(o.rangeM())) {
      Geodesy.LatLon p = site.place(o.rangeM(), o.bearingDeg());
      lat = p.lat();
      lon = p.lon();
    }
    if (!Double.isNaN(lat) && !Double.isNaN(lon)) {
      double[] xy = border.toXY(lat, lon);
      double[] r;
      if (bearing != null && !Double.isNaN(o.rangeM())) {
        r = Measurement.polarCovariance(o.rangeM(), o.bearingDeg(), Math.max(10, cfg.cameraRangeSigmaFraction() * o.rangeM()), cfg.cameraSigmaBearingDeg());
      } else {
        double v = cfg.positionSigmaM() * cfg.positionSigmaM();
        r = new double[] {v, 0, v};
      }
      tracker.scan(List.of(new Measurement(t, xy[0], xy[1], r[0], r[1], r[2], Kind.THERMAL, o.sensor(), null, o.cls(), o.conf(), sourceOf(o))), t);
      return;
    }
    if (bearing == null) {
      stats.unplaced++;
      return;
    }
    Measurement crossed = triangulator.offer(bearing, tracker.live());
    if (crossed != null) {
      stats.triangulated++;
      tracker.scan(List.of(crossed), crossed.tMs());
    }
  }

  private void patrol(Observation o, long t) {
    stats.patrol++;
    if (!o.hasPosition()) {
      stats.unplaced++;
      return;
    }
    String unit = o.unit() != null ? o.unit() : o.sensor() != null ? o.sensor() : "patrol";
    double[] xy = border.toXY(o.lat(), o.lon());
    patrols.add(unit, t, xy[0], xy[1]);
  }

  private static List<Source> sourceOf(Observation o) {
    return o.src() == null ? List.of() : List.of(o.src());
  }

  private void flushBatchesBefore(long limitMs) {
    Iterator<Batch> it = batches.values().iterator();
    while (it.hasNext()) {
      Batch b = it.next();
      if (b.t0 < limitMs) {
        it.remove();
        tracker.scan(b.plots, b.t0);
      }
    }
  }

  private void housekeeping(long t) {
    lastHousekeepingMs = t;
    tracker.expire(t);
    tracker.mergeDuplicates(t, cfg.duplicateM(), 1.0);
    associator.refresh(tracker.live());
    long until = t - cfg.patrolLagMs();
    for (Track tr : tracker.live()) {
      TrackState s = states.get(tr.id());
      if (s != null) {
        s.tally.check(tr, patrols, until, cfg.patrolGateM());
      }
    }
    patrols.prune(t);
  }

  @Override
  public void updated(Track track, Measurement m) {
    TrackState s = states.computeIfAbsent(track.id(), id -> new TrackState(new BorderTrace(border, cfg.nearM())));
    double[] ll = border.toLatLon(track.filter().x(), track.filter().y());
    s.trace.add(m.tMs(), ll[0], ll[1]);
  }

  @Override
  public void merged(Track gone, Track into) {
    TrackState g = states.remove(gone.id());
    TrackState k = states.get(into.id());
    if (g != null && k != null) {
      k.trace.adopt(g.trace);
    }
  }

  @Override
  public void closed(Track track) {
    TrackState s = states.remove(track.id());
    if (!track.confirmed() || s == null) {
      stats.tentativeDropped++;
      return;
    }
    s.tally.check(track, patrols, Long.MAX_VALUE, cfg.patrolGateM());
    boolean patrol = s.tally.isPatrol(cfg.patrolShare());
    List<TrackPoint> points = new ArrayList<>(track.points());
    for (int i = 0; i < track.points(); i++) {
      double[] ll = border.toLatLon(track.pointX(i), track.pointY(i));
      points.add(new TrackPoint(ll[1], ll[0], Instant.ofEpochMilli(track.pointT(i))));
    }
    double speed = PathShape.meanSpeed(track, 30_000);
    try {
      trackSink.accept(new TrackSummary(track.id(), patrol ? "patrol" : "target", patrol ? s.tally.bestUnit() : null,
          patrol ? s.tally.meanDistanceM() : Double.NaN, s.tally.share(), track.classes().best(),
          track.hits(Kind.RADAR), track.hits(Kind.THERMAL), speed, points, track.evidence().size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (patrol) {
      stats.patrolTracks++;
      return;
    }
    stats.targetTracks++;
    candidates(track, s, points, speed);
  }

  private void candidates(Track track, TrackState s, List<TrackPoint> points, double speed) {
    BorderTrace tr = s.trace;
    Bulk ev = new Bulk(points, track.evidence());
    List<CrossingEvent> cs = tr.crossings();
    // crossings of one track within the recross window are one event (back and forth is one story)
    for (int i = 0; i < cs.size(); ) {
      CrossingEvent c = cs.get(i);
      int j = i + 1;
      while (j < cs.size() && cs.get(j).tMs() - cs.get(j - 1).tMs() <= RECROSS_MS) j++;
      double straight = minKnown(
          PathShape.straightness(track, c.tMs() - SHAPE_WINDOW_MS, c.tMs() + SHAPE_WINDOW_MS, SHAPE_STEP_MS),
          PathShape.straightness(track, Long.MIN_VALUE, Long.MAX_VALUE, SHAPE_STEP_MS));
      assembler.add(candidate(track, IncidentKind.CROSSING, c.tMs(), c.lat(), c.lon(), c.sector(), c.from() + "→" + c.to(),
          c.seen(), 0, 0, straight, j - i, ev, speed));
      i = j;
    }
    if (!cs.isEmpty()) {
      return;
    }
    PathShape.Dwell dwell = PathShape.longestDwell(track, cfg.dwellRadiusM(), SHAPE_STEP_MS);
    if (dwell != null && dwell.durationMs() >= cfg.loiterMs()) {
      double[] ll = border.toLatLon(dwell.x(), dwell.y());
      double dist = Math.abs(border.signedDistanceXY(dwell.x(), dwell.y()));
      if (dist <= cfg.loiterNearM()) {
        double arrival = PathShape.straightness(track, dwell.startMs() - SHAPE_WINDOW_MS, dwell.startMs(), SHAPE_STEP_MS);
        assembler.add(candidate(track, IncidentKind.LOITER, dwell.startMs(), ll[0], ll[1], border.sectorOf(ll[0], ll[1]),
            border.sideOf(ll[0], ll[1]), true, dist, dwell.durationMs(), arrival, 0, ev, speed));
        return;
      }
    }
    Candidate approach = null;
    if (tr.enteredNear() && Math.abs(tr.firstDistanceM()) - tr.minDistanceM() >= MIN_APPROACH_M) {
      double inbound = PathShape.straightness(track, tr.minDistanceT() - 2 * SHAPE_WINDOW_MS, tr.minDistanceT(), SHAPE_STEP_MS);
      approach = candidate(track, IncidentKind.APPROACH, tr.minDistanceT(), tr.minLat(), tr.minLon(),
          border.sectorOf(tr.minLat(), tr.minLon()), border.sideOf(tr.minLat(), tr.minLon()), true, tr.minDistanceM(),
          tr.nearMs(), inbound, 0, ev, speed);
    }
    // a track lost close to the line while heading for it may have crossed in a coverage hole:
    // decided at the end, when the track that may have come out on the other side is known
    int n = track.points();
    double lastD = n == 0 ? Double.NaN : border.signedDistanceXY(track.pointX(n - 1), track.pointY(n - 1));
    double[] v = track.smoothedVelocity(120_000);
    if (n >= 2 && Math.abs(lastD) <= STITCH_NEAR_M && closing(track.pointX(n - 1), track.pointY(n - 1), v, lastD) > 0.3) {
      ends.add(new LooseEnd(track.id(), track.lastMs(), track.pointX(n - 1), track.pointY(n - 1), v[0], v[1], Math.signum(lastD),
          approach != null ? approach : candidate(track, IncidentKind.APPROACH, track.lastMs(), tr.lastLat(), tr.lastLon(),
              border.sectorOf(tr.lastLat(), tr.lastLon()), border.sideOf(tr.lastLat(), tr.lastLon()), true, Math.abs(lastD),
              tr.nearMs(), PathShape.straightness(track, track.lastMs() - 2 * SHAPE_WINDOW_MS, track.lastMs(), SHAPE_STEP_MS),
              0, ev, speed), approach != null));
      return;
    }
    double firstD = n == 0 ? Double.NaN : border.signedDistanceXY(track.pointX(0), track.pointY(0));
    double[] v0 = track.points() >= 2 ? startVelocity(track) : new double[] {0, 0};
    if (n >= 2 && Math.abs(firstD) <= STITCH_NEAR_M && closing(track.pointX(0), track.pointY(0), v0, firstD) < -0.3) {
      starts.add(new LooseStart(track.id(), track.firstMs(), track.pointX(0), track.pointY(0), Math.signum(firstD), track.hits(),
          ev.evidence()));
    }
    if (approach != null) {
      assembler.add(approach);
    }
  }

  /** A closed track's points and evidence, written to the spill once, when a candidate first needs them. */
  private final class Bulk {
    private List<TrackPoint> points;
    private List<Source> evidence;
    private boolean pointsSpilled, evidenceSpilled;

    Bulk(List<TrackPoint> points, List<Source> evidence) {
      this.points = points;
      this.evidence = evidence;
    }

    List<TrackPoint> points() {
      if (!pointsSpilled) {
        points = spill().points(points);
        pointsSpilled = true;
      }
      return points;
    }

    List<Source> evidence() {
      if (!evidenceSpilled) {
        evidence = spill().sources(evidence);
        evidenceSpilled = true;
      }
      return evidence;
    }
  }

  private Spill spill() {
    if (spill == null) {
      try {
        spill = Spill.temporary();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a temporary file for incident evidence: " + e.getMessage(), e);
      }
    }
    return spill;
  }

  /** A track that ended near the line heading for it; {@code approach} is what it is if nothing came out. */
  private record LooseEnd(long trackId, long tMs, double x, double y, double vx, double vy, double side, Candidate approach, boolean isApproach) {}

  /** A track that began near the line heading away from it. */
  private record LooseStart(long trackId, long tMs, double x, double y, double side, int hits, List<Source> evidence) {}

  private final List<LooseEnd> ends = new ArrayList<>();
  private final List<LooseStart> starts = new ArrayList<>();
  /** A track reappearing across the line this soon after one was lost there may be the same target. */
  static final long STITCH_MS = 20 * 60_000L;
  /** ... when the one was lost, and the other found, this close to the line (a radar shadow along a valley). */
  static final double STITCH_NEAR_M = 1000;

  /** Speed towards the line (m/s, positive = closing) of a point moving with velocity v. */
  private double closing(double x, double y, double[] v, double signedD) {
    double ahead = border.signedDistanceXY(x + v[0] * 10, y + v[1] * 10);
    if (Math.signum(ahead) != Math.signum(signedD)) {
      return (Math.abs(signedD) + Math.abs(ahead)) / 10; // it would cross within 10 s
    }
    return (Math.abs(signedD) - Math.abs(ahead)) / 10;
  }

  private static double[] startVelocity(Track t) {
    int n = t.points();
    int j = 0;
    while (j + 1 < n && t.pointT(j) - t.pointT(0) < 120_000) j++;
    double dt = (t.pointT(j) - t.pointT(0)) / 1000.0;
    return dt <= 0 ? new double[] {0, 0} : new double[] {(t.pointX(j) - t.pointX(0)) / dt, (t.pointY(j) - t.pointY(0)) / dt};
  }

  /**
   * Hands on what is final. Every track that began before {@code birth} has closed (live tracks and
   * tracks yet to come begin later), so loose ends whose stitch window ends before it can be
   * resolved, and no later candidate can happen or start before the oldest of: birth, a live
   * track's start, a pending loose end's track start.
   */
  private void release(long birth) {
    for (Track t : tracker.live()) {
      birth = Math.min(birth, t.firstMs());
    }
    resolveEnds(birth);
    long bound = birth;
    for (LooseEnd e : ends) {
      bound = Math.min(bound, e.approach().startMs());
    }
    // a start can serve only a later end; ends to come are at or after birth
    long oldestEnd = ends.isEmpty() ? birth : Math.min(birth, ends.get(0).tMs());
    starts.removeIf(b -> b.tMs() <= oldestEnd);
    try {
      assembler.advance(bound);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Pairs loose ends (in time order) whose stitch window closed before {@code birth} with loose
   * starts across the line (inferred crossings); the rest stay approaches.
   */
  private void resolveEnds(long birth) {
    ends.sort(java.util.Comparator.comparingLong(LooseEnd::tMs));
    while (!ends.isEmpty() && (birth == Long.MAX_VALUE || ends.get(0).tMs() + STITCH_MS < birth)) {
      LooseEnd a = ends.remove(0);
      LooseStart best = null;
      double speed = Math.max(1.5, Math.hypot(a.vx(), a.vy()));
      for (LooseStart b : starts) {
        long dt = b.tMs() - a.tMs();
        if (dt <= 0 || dt > STITCH_MS || b.side() == a.side()) continue;
        double gap = Math.hypot(b.x() - a.x(), b.y() - a.y());
        if (gap > 300 + 1.5 * speed * dt / 1000.0) continue;
        if (best == null || b.tMs() < best.tMs()) best = b;
      }
      Candidate c = a.approach();
      double[] from = border.toLatLon(a.x(), a.y());
      double[] to;
      long tTo;
      List<Source> ev = c.evidence();
      int hits = c.hits();
      if (best != null) {
        starts.remove(best);
        to = border.toLatLon(best.x(), best.y());
        tTo = best.tMs();
        ev = Spill.union(List.of(ev, best.evidence()));
        hits += best.hits();
      } else {
        // nothing came out: did it cross on its last course within the coast time?
        double coast = cfg.tracker().maxCoastMs() / 1000.0;
        to = border.toLatLon(a.x() + a.vx() * coast, a.y() + a.vy() * coast);
        tTo = a.tMs() + cfg.tracker().maxCoastMs();
      }
      BorderView.Crossing x = border.crossing(from[0], from[1], to[0], to[1]);
      if (x == null) {
        if (a.isApproach()) assembler.add(c);
        continue;
      }
      long t = a.tMs() + Math.round(x.fraction() * (tTo - a.tMs()));
      assembler.add(new Candidate(IncidentKind.CROSSING, t, c.startMs(), Math.max(c.endMs(), tTo), x.lat(), x.lon(),
          border.sectorOf(x.lat(), x.lon()), x.from() + "→" + x.to(), false, 0, 0, c.sensorKinds(), c.cls(), c.clsShare(),
          c.meanConf(), hits, c.speedMps(), c.straightness(), 1, c.blueForceM(), c.trackId(), c.track(), ev));
    }
  }

  private static double minKnown(double a, double b) {
    if (Double.isNaN(a)) return b;
    if (Double.isNaN(b)) return a;
    return Math.min(a, b);
  }

  /** Crossings of one track closer in time than this are one incident. */
  static final long RECROSS_MS = 30 * 60_000L;
  /** Path shape is judged over this long around the event, on points this far apart. */
  static final long SHAPE_WINDOW_MS = 10 * 60_000L;
  static final long SHAPE_STEP_MS = 60_000L;
  /** An approach must have come at least this much closer to the line. */
  static final double MIN_APPROACH_M = 200;

  private Candidate candidate(Track track, IncidentKind kind, long tMs, double lat, double lon, String sector, String side,
      boolean seen, double distanceM, long dwellMs, double straightness, int crossings, Bulk bulk, double speed) {
    double[] xy = border.toXY(lat, lon);
    io.watchline.fusion.bluforce.PatrolPositions.Nearest n = patrols.nearest(tMs, xy[0], xy[1]);
    return new Candidate(kind, tMs, track.firstMs(), track.lastMs(), lat, lon, sector, side, seen, distanceM, dwellMs,
        track.sensorKinds(), track.classes().best(), track.classes().share(), track.meanConf(), track.hits(), speed,
        straightness, crossings, n == null ? Double.NaN : n.distanceM(), track.id(), bulk.points(), bulk.evidence());
  }

  /** Ends the input: closes every track and hands on the remaining incidents. */
  public void finish() throws IOException {
    flushBatchesBefore(Long.MAX_VALUE);
    tracker.closeAll();
    resolveEnds(Long.MAX_VALUE);
    assembler.finish();
    close();
    stats.tracksCreated = tracker.created();
    stats.candidates = assembler.candidates();
    stats.incidents = assembler.emitted();
  }

  /** Deletes the temporary evidence file (done by {@link #finish()}; call it when abandoning a run). */
  @Override
  public void close() throws IOException {
    if (spill != null) {
      spill.close();
      spill = null;
    }
  }

  /** Candidates, groups and incidents waiting to be final (bounded by time, not by the input). */
  public int heldCandidates() {
    return assembler.held();
  }

  /** Candidates that arrived after their time was promised final (0 unless fusion has a bug). */
  public int lateCandidates() {
    return assembler.late();
  }

  public FusionStats stats() {
    stats.triangulated = triangulator.placed();
    return stats;
  }

  public int liveTracks() {
    return tracker.live().size();
  }
}
