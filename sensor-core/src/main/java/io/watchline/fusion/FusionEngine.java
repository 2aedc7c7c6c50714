package io.watchline.fusion;

import io.watchline.fusion.associate.Bearing;
import io.watchline.fusion.associate.BearingAssociator;
import io.watchline.fusion.associate.Triangulator;
import io.watchline.fusion.bluforce.BlueForceTally;
import io.watchline.fusion.bluforce.PatrolPositions;
import io.watchline.fusion.border.BorderTrace;
import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.incident.CandidateFinder;
import io.watchline.fusion.incident.CrossingStitcher;
import io.watchline.fusion.incident.FragmentChains;
import io.watchline.fusion.incident.IncidentAssembler;
import io.watchline.fusion.incident.IncidentConfig;
import io.watchline.fusion.incident.LiveReach;
import io.watchline.fusion.quality.ClutterMap;
import io.watchline.fusion.quality.TrackQuality;
import io.watchline.fusion.track.Deleter;
import io.watchline.fusion.track.Measurement;
import io.watchline.fusion.track.PathShape;
import io.watchline.fusion.track.Track;
import io.watchline.fusion.track.Tracker;
import io.watchline.fusion.welfare.WelfareDetector;
import io.watchline.incident.IncidentSink;
import io.watchline.incident.TrackPoint;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
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
 *
 * <p>The stages, in order: {@link MeasurementModels} (observation to measurement or line of sight),
 * {@link Tracker} (gate, assign, initiate/confirm, delete), {@link BearingAssociator} and {@link
 * Triangulator} (cameras), {@link PatrolPositions} and {@link BlueForceTally} (patrols), {@link
 * BorderTrace} (border events), {@link CandidateFinder} and {@link CrossingStitcher} (candidates),
 * {@link IncidentAssembler} (merge, score, number, write). Commands build it through {@link
 * FusionPipeline}.
 *
 * <p>Not thread-safe: one engine serves one time-ordered stream on one thread.
 */
public final class FusionEngine implements Tracker.Listener, AutoCloseable {
  private final BorderView border;
  private final FusionConfig cfg;
  private final TrackSink trackSink;
  private final MeasurementModels models;
  private final Tracker tracker;
  private final PatrolPositions patrols;
  private final BearingAssociator associator;
  private final Triangulator triangulator;
  private final IncidentAssembler assembler;
  private final CrossingStitcher stitcher;
  private final CandidateFinder finder;
  private final FragmentChains chains;
  private final TrackQuality quality;
  private final ClutterMap clutter;
  private WelfareDetector welfare;
  /** Live: where live tracks and loose ends may still put candidates (null in batch). */
  private LiveReach reach;
  private final LongMap<TrackState> states = new LongMap<>();
  private final Map<String, Batch> batches = new LinkedHashMap<>();
  /** At most the earliest start of an open batch (MAX_VALUE: none open): most inputs flush nothing. */
  private long earliestBatchMs = Long.MAX_VALUE;
  private final FusionStats stats = new FusionStats();
  private long lastHousekeepingMs = Long.MIN_VALUE;
  private long nowMs = Long.MIN_VALUE;
  private long lastReleaseMs = Long.MIN_VALUE;
  /** The first radar plot's time: the clutter map knows nothing before it has watched for its learning time. */
  private long firstPlotMs = Long.MIN_VALUE;

  private static final class TrackState {
    final BorderTrace trace;
    final BlueForceTally tally = new BlueForceTally();
    /** Whether the clutter map already called the track's first place clutter (see {@link #clutterEcho}). */
    boolean bornInClutter;

    TrackState(BorderTrace trace) {
      this.trace = trace;
    }
  }

  /** One radar's plots of one scan, waiting for the scan to end. */
  private static final class Batch {
    final long t0;
    final List<Measurement> plots = new ArrayList<>();

    Batch(long t0) {
      this.t0 = t0;
    }
  }

  /**
   * Builds the stages. Prefer {@link FusionPipeline}, which also merges the inputs by time.
   *
   * @param border the border line, sectors and local plane
   * @param sites the sensor sites (polar observations are placed from them; cameras need theirs)
   * @param cfg every fusion parameter
   * @param trackSink receives every confirmed track when it closes ({@link TrackSink#NONE} for none)
   * @param minScore incidents scoring less are dropped, 0..1
   * @param incidents receives the incidents as they become final, sorted by start time and numbered
   */
  public FusionEngine(BorderView border, SiteRegistry sites, FusionConfig cfg, TrackSink trackSink, double minScore,
      IncidentSink incidents) {
    this(border, sites, cfg, standardStages(border, sites, cfg), trackSink, minScore, incidents);
  }

  /**
   * As above, with the tracker's stages given (another motion filter, assignment, initiation or
   * deletion rule); {@link FusionPipeline#trackerStages} is the way in for callers.
   */
  FusionEngine(BorderView border, SiteRegistry sites, FusionConfig cfg, Tracker.Stages stages, TrackSink trackSink,
      double minScore, IncidentSink incidents) {
    this.border = border;
    this.cfg = cfg;
    this.trackSink = trackSink;
    this.models = new MeasurementModels(border, sites, cfg);
    this.tracker = new Tracker(cfg.tracker(), stages, this);
    this.patrols = new PatrolPositions(cfg.patrolHorizonMs(), cfg.patrolMaxGapMs(), cfg.quality().patrolMemoryMs(),
        cfg.quality().patrolDriftMps());
    this.associator = new BearingAssociator(cfg.bearingGateDeg(), cfg.bearingRangeGateFraction());
    this.triangulator = new Triangulator(cfg.pairWindowMs(), cfg.cameraSigmaBearingDeg(), cfg.minCrossingAngleDeg(),
        models::classReliability);
    IncidentConfig ic = cfg.incidents();
    this.assembler = new IncidentAssembler(ic.mergeM(), ic.mergeMs(), ic.approachNearM(), minScore, incidents);
    this.stitcher = new CrossingStitcher(border, ic, cfg.tracker().maxCoastMs(), cfg.quality().maxWalkMps(), assembler::add);
    this.finder = new CandidateFinder(border, ic, patrols, stitcher, assembler::add);
    this.quality = new TrackQuality(cfg.quality());
    this.clutter = new ClutterMap(cfg.quality());
    this.chains = new FragmentChains(border, ic, stitcher, cfg.quality().minHits(), cfg.quality().minRadarOnlyWalkMs());
  }

  /**
   * The tracker's standard stages, deleting by the sites' own detection figures where {@code
   * sites.yaml} gives them ({@link Deleter#expectingMisses}): a track its sensors were bound to miss
   * is kept a while longer.
   */
  static Tracker.Stages standardStages(BorderView border, SiteRegistry sites, FusionConfig cfg) {
    Tracker.Stages s = Tracker.Stages.standard(cfg.tracker());
    SensorMisses misses = SensorMisses.of(border, sites, cfg.quality().nominalScanMs());
    return misses == null ? s
        : new Tracker.Stages(s.filters(), s.gate(), s.assigner(), s.initiator(), Deleter.expectingMisses(cfg.tracker(), misses));
  }

  /** Looks for people in danger on every closed track (null: not at all). */
  void welfare(WelfareDetector welfare) {
    this.welfare = welfare;
  }

  /**
   * Takes the next observation.
   *
   * @param o an observation no older than the previous one (merge several inputs with {@link
   *     io.watchline.fusion.stream.TimeMerge}); one without a usable position or bearing is
   *     counted as unplaced and otherwise ignored
   * @throws java.io.UncheckedIOException when the incident sink or the evidence spill fails
   */
  public void accept(Observation o) {
    long t = o.t().toEpochMilli();
    advanceTo(t);
    switch (o.kind()) {
      case RADAR -> radar(o, t);
      case THERMAL -> thermal(o, t);
      case PATROL -> patrol(o, t);
    }
  }

  /**
   * Moves data time to {@code t} without an observation: what {@link #accept} does first (scans
   * that are over are tracked, housekeeping and incident release run when due). Fusion regions
   * that run in parallel get the whole stream's clock this way (docs/scale.md); calling it again
   * with the same time changes nothing.
   */
  public void advanceTo(long t) {
    nowMs = Math.max(nowMs, t);
    flushBatchesBefore(t - cfg.scanWindowMs());
    if (lastHousekeepingMs == Long.MIN_VALUE || t - lastHousekeepingMs >= cfg.housekeepingEveryMs()) {
      housekeeping(t);
    }
    if (lastReleaseMs == Long.MIN_VALUE || t - lastReleaseMs >= cfg.releaseEveryMs()) {
      lastReleaseMs = t;
      release(t - cfg.birthMarginMs());
    }
  }

  /**
   * A radar's scan began at {@code t0} with a plot this engine did not get (a parallel region's
   * engine: the plot lay in another region). This sensor's plots up to the scan window later join
   * that scan, as they do in one engine over everything. No effect while a scan of the sensor is open.
   */
  public void scanBegan(String sensor, long t0) {
    String key = sensor == null ? "" : sensor;
    if (!batches.containsKey(key)) {
      batches.put(key, new Batch(t0));
      earliestBatchMs = Math.min(earliestBatchMs, t0);
    }
  }

  private void radar(Observation o, long t) {
    stats.radar++;
    Measurement m = models.radar(o, t);
    if (m == null) {
      stats.unplaced++;
      return;
    }
    clutter.plot(m.x(), m.y(), t);
    if (firstPlotMs == Long.MIN_VALUE) firstPlotMs = t;
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
      earliestBatchMs = Math.min(earliestBatchMs, t);
    }
    b.plots.add(m);
  }

  private void thermal(Observation o, long t) {
    stats.thermal++;
    Bearing bearing = models.bearing(o, t);
    if (bearing != null) {
      Track match = associator.match(bearing);
      if (match != null) {
        double[] q = Tracker.predictedPosition(match, t);
        match.corroborate(Kind.THERMAL, o.cls(), o.conf(), models.classReliability(o, bearing.distanceTo(q[0], q[1])),
            MeasurementModels.sourceOf(o));
        stats.corroborations++;
        return;
      }
    }
    Measurement m = models.thermal(o, bearing, t);
    if (m != null) {
      tracker.scan(List.of(m), t);
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
    double[] xy = models.patrol(o);
    if (xy == null) {
      stats.unplaced++;
      return;
    }
    String unit = o.unit() != null ? o.unit() : o.sensor() != null ? o.sensor() : "patrol";
    patrols.add(unit, t, xy[0], xy[1]);
    if (welfare != null) {
      welfare.patrolFix(unit, t, xy[0], xy[1]);
    }
  }

  private void flushBatchesBefore(long limitMs) {
    if (earliestBatchMs >= limitMs) {
      return; // no open batch started before the limit
    }
    long earliest = Long.MAX_VALUE;
    Iterator<Batch> it = batches.values().iterator();
    while (it.hasNext()) {
      Batch b = it.next();
      if (b.t0 < limitMs) {
        it.remove();
        tracker.scan(b.plots, b.t0);
      } else {
        earliest = Math.min(earliest, b.t0);
      }
    }
    earliestBatchMs = earliest;
  }

  private void housekeeping(long t) {
    lastHousekeepingMs = t;
    tracker.expire(t);
    tracker.mergeDuplicates(t);
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

  /** Tracker callback: follows the track's filtered position against the border. */
  @Override
  public void updated(Track track, Measurement m) {
    TrackState s = states.computeIfAbsent(track.id(), id -> {
      TrackState born = new TrackState(new BorderTrace(border, cfg.incidents().approachNearM()));
      born.bornInClutter = clutter.isClutter(track.filter().x(), track.filter().y());
      return born;
    });
    double[] ll = border.toLatLon(track.filter().x(), track.filter().y());
    s.trace.add(m.tMs(), ll[0], ll[1]);
    if (reach != null) reach.seen(track.id(), track.firstMs(), m.tMs(), ll[0], ll[1]);
  }

  /** Tracker callback: the kept track takes over the folded one's border history. */
  @Override
  public void merged(Track gone, Track into) {
    TrackState g = states.remove(gone.id());
    if (reach != null) reach.merged(gone.id(), into.id());
    TrackState k = states.get(into.id());
    if (g != null && k != null) {
      k.trace.adopt(g.trace);
    }
  }

  /**
   * Tracker callback: a closed confirmed track is labelled patrol or target, written to the track
   * sink, and a target's incident candidates are found.
   */
  @Override
  public void closed(Track track) {
    TrackState s = states.remove(track.id());
    if (reach != null) reach.closed(track.id());
    if (!track.confirmed() || s == null) {
      stats.tentativeDropped++;
      if (s != null && chains.takesPlots(track) && !inClutter(track)) {
        // a walker across a Doppler beam may never give three plots in a row: its lone plots near
        // the line are chained too, unless a patrol is there or they lie in a clutter field
        s.tally.check(track, patrols, Long.MAX_VALUE, cfg.patrolGateM());
        if (s.tally.share() == 0) chains.plots(track, trackPoints(track));
      }
      return;
    }
    s.tally.check(track, patrols, Long.MAX_VALUE, cfg.patrolGateM());
    boolean patrol = s.tally.isPatrol(cfg.patrolMinShare());
    List<TrackPoint> points = trackPoints(track);
    double speed = PathShape.meanSpeed(track, cfg.incidents().speedStepMs());
    try {
      trackSink.accept(new TrackSummary(track.id(), patrol ? "patrol" : "target", patrol ? s.tally.bestUnit() : null,
          patrol ? s.tally.meanDistanceM() : Double.NaN, s.tally.share(), track.classes().best(),
          track.hits(Kind.RADAR), track.hits(Kind.THERMAL), speed, points, track.evidence().size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // before the patrol label ends the story: a patrol standing near people must not hide them
    if (welfare != null) {
      io.watchline.incident.Incident w = welfare.closed(track, s.trace, points, s.tally, patrol,
          clutterEcho(track, s) ? clutter::isClutter : null);
      if (w != null) {
        stats.welfare++;
        assembler.addScored(w);
      }
    }
    if (patrol) {
      stats.patrolTracks++;
      return;
    }
    stats.targetTracks++;
    String weak = quality.reject(track, speed, clutter);
    if ("clutter map".equals(weak)) {
      // a walk that a clutter field's echo took over: the walk is the target
      int k = quality.capturedAfterWalk(track, clutter);
      // only a walk that crossed, and no crossing in the field after it (jitter at a field on the line)
      boolean crossedOnWalk = k > 0 && !s.trace.crossings().isEmpty();
      for (var c : s.trace.crossings()) {
        if (k > 0 && c.tMs() > track.pointT(k - 1)) crossedOnWalk = false;
      }
      if (crossedOnWalk) {
        Track walk = track.head(k);
        double v = PathShape.meanSpeed(walk, cfg.incidents().speedStepMs());
        if (quality.reject(walk, v, null) == null) {
          finder.closed(walk, s.trace, points.subList(0, k), v,
              quality.infersAlone(walk, TrackQuality.straightness(walk, cfg.incidents().shapeStepMs())));
          return;
        }
      }
    }
    if ("clutter map".equals(weak) && judgedOnWalkToAField(track, s.trace, points)) {
      return;
    }
    if (weak != null) {
      stats.weakTracks++;
      if (TrackQuality.mayBePiece(weak)) {
        // a walker a Doppler radar sees on a few scans a minute comes in pieces: one chain may be a crossing
        chains.piece(track, points);
        // and people standing where a track was lost are seen now and then: a stay (a loiter)
        finder.sighted(track, speed);
      } else if (TrackQuality.weakEcho(weak) && (carriesOnAWalk(track, s.trace) || finder.walkedOverWeak(track, s.trace))) {
        // the last stretch and the crossing of a group a good track followed to the line, or a walk
        // straight over the line on its own (one part of a split group, beside the other's chain)
        finder.closed(track, s.trace, points, speed, false);
        return;
      } else if (TrackQuality.weakEcho(weak) && finder.walkedForTheLineWeak(track, s.trace)) {
        // a group a Doppler radar followed on under a plot a scan, walking straight for the line and
        // lost short of it: a loose end that what is found across the line may pair (never alone)
        finder.closed(track, s.trace, points, speed, false);
        return;
      } else if (TrackQuality.weakEcho(weak)) {
        // a Doppler radar follows a group walking straight at it on its last stretch only: it may have come to stay
        finder.arrived(track, s.trace, points, speed);
        // or walked away from the line, seen on under one scan in two: what a walk lost across it needs
        finder.leftWeak(track, s.trace);
      }
      finder.glimpse(track);
      return;
    }
    finder.closed(track, s.trace, points, speed,
        quality.infersAlone(track, TrackQuality.straightness(track, cfg.incidents().shapeStepMs())));
  }

  /**
   * Whether the track began where a persistent clutter field echoes: the map called its first place
   * clutter when it began, or it began before the map could know (within its learning time of the
   * first plot) and the map calls that place clutter now. People arrive somewhere; an echo that was
   * there before anyone came, or since the feed began, is the field's.
   */
  private boolean clutterEcho(Track track, TrackState s) {
    if (s.bornInClutter) return true;
    long learnMs = cfg.quality().clutterBins() * cfg.quality().clutterBinMs();
    return track.firstMs() < firstPlotMs + learnMs && clutter.isClutter(track.pointX(0), track.pointY(0));
  }

  /**
   * A clutter-map track that walked straight over the line and stopped in a field ({@link
   * TrackQuality#stoppedInField}), with no crossing after it stopped: judged, and made candidates of,
   * on the walk. Returns whether it was.
   */
  private boolean judgedOnWalkToAField(Track track, BorderTrace trace, List<TrackPoint> points) {
    int k = quality.stoppedInField(track, clutter);
    if (k <= 0 || trace.crossings().isEmpty()) return false;
    for (var c : trace.crossings()) {
      if (c.tMs() > track.pointT(k - 1)) return false;
    }
    Track walk = track.head(k);
    double v = PathShape.meanSpeed(walk, cfg.incidents().speedStepMs());
    if (quality.reject(walk, v, null) != null) return false;
    finder.closed(walk, trace, points.subList(0, k), v,
        quality.infersAlone(walk, TrackQuality.straightness(walk, cfg.incidents().shapeStepMs())));
    return true;
  }

  /** Whether a weak echo that crossed the line began where a good track lost heading for it would have walked on. */
  private boolean carriesOnAWalk(Track track, BorderTrace trace) {
    if (trace.crossings().isEmpty() || track.points() < 2) return false;
    double side = Math.signum(border.signedDistanceXY(track.pointX(0), track.pointY(0)));
    return stitcher.carriedOn(track.firstMs(), track.pointX(0), track.pointY(0), side);
  }

  private boolean inClutter(Track track) {
    for (int i = 0; i < track.points(); i++) {
      if (clutter.isClutter(track.pointX(i), track.pointY(i))) return true;
    }
    return false;
  }

  private List<TrackPoint> trackPoints(Track track) {
    List<TrackPoint> points = new ArrayList<>(track.points());
    for (int i = 0; i < track.points(); i++) {
      double[] ll = border.toLatLon(track.pointX(i), track.pointY(i));
      points.add(new TrackPoint(ll[1], ll[0], Instant.ofEpochMilli(track.pointT(i))));
    }
    return points;
  }

  /**
   * Hands on what is final. Every track that began before {@code birth} has closed (live tracks and
   * tracks yet to come begin later), so loose ends whose stitch window ends before it can be
   * resolved, and no later candidate can happen or start before the oldest of: birth, a live
   * track's start, a pending loose end's track start.
   */
  private void release(long birth) {
    if (reach != null) {
      try {
        reach.release(birth, tracker.live(), stitcher, assembler);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    for (Track t : tracker.live()) {
      birth = Math.min(birth, t.firstMs());
    }
    long bound = stitcher.settle(birth);
    try {
      assembler.advance(bound);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Live: incidents leave as soon as they are final, in space as well as in time, with earlier
   * versions before ({@link IncidentAssembler#advanceLive}), numbered in the order first written.
   */
  public void releaseWhenFinal() {
    assembler.releaseWhenFinal();
    reach = new LiveReach(border, cfg.incidents(), cfg.tracker().maxCoastMs());
  }

  /**
   * Ends the input: scans the waiting plots, closes every track, resolves the loose ends, hands on
   * the remaining incidents and deletes the temporary evidence file. Call once, after the last
   * {@link #accept}.
   *
   * @throws IOException when the incident sink or the track sink fails
   */
  public void finish() throws IOException {
    flushBatchesBefore(Long.MAX_VALUE);
    tracker.closeAll();
    stitcher.finish();
    assembler.finish();
    close();
    stats.tracksCreated = tracker.created();
    stats.candidates = assembler.candidates();
    stats.incidents = assembler.emitted();
  }

  /** Deletes the temporary evidence file (done by {@link #finish()}; call it when abandoning a run). */
  @Override
  public void close() throws IOException {
    finder.close();
  }

  /** Candidates, groups and incidents waiting to be final (bounded by time, not by the input). */
  public int heldCandidates() {
    return assembler.held();
  }

  /** Candidates that arrived after their time was promised final (0 unless fusion has a bug). */
  public int lateCandidates() {
    return assembler.late();
  }

  /** The run's counters (complete after {@link #finish()}); the same object on every call. */
  public FusionStats stats() {
    stats.triangulated = triangulator.placed();
    return stats;
  }

  /** Live tracks, confirmed and tentative. */
  public int liveTracks() {
    return tracker.live().size();
  }
}
