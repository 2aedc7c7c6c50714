package io.watchline.fusion.incident;

import io.watchline.fusion.bluforce.PatrolPositions;
import io.watchline.fusion.border.BorderTrace;
import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.border.CrossingEvent;
import io.watchline.fusion.track.PathShape;
import io.watchline.fusion.track.Track;
import io.watchline.incident.IncidentKind;
import io.watchline.incident.TrackPoint;
import io.watchline.observation.Kind;
import io.watchline.observation.Source;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns a closed target track into incident candidates: its crossings (one candidate per burst of
 * crossings within {@code recrossMs}); else a loiter (a stay of {@code minLoiterMs} within {@code
 * dwellRadiusM}, near the line); else an approach (came {@code minApproachM} closer, within {@code
 * approachNearM}). A track lost near the line heading for it, or found near it heading away, goes
 * to the {@link CrossingStitcher} instead, which decides later whether it crossed unseen.
 *
 * <p>A candidate's track points and evidence go to a temporary {@link Spill} file when it is made,
 * so that candidates waiting to be final hold a few hundred bytes each; {@link #close} deletes it.
 * Positions are metres in the border's local plane, times epoch ms. Not thread-safe.
 */
public final class CandidateFinder implements Closeable {
  private final BorderView border;
  private final IncidentConfig cfg;
  private final PatrolPositions patrols;
  private final CrossingStitcher stitcher;
  private final Consumer<Candidate> out;
  private Spill spill;

  /**
   * @param border the line, sectors and the local plane
   * @param cfg the candidate rules
   * @param patrols patrol positions, for each candidate's distance to the nearest patrol
   * @param stitcher takes the tracks lost or found near the line
   * @param out receives the candidates (the incident assembler)
   */
  public CandidateFinder(BorderView border, IncidentConfig cfg, PatrolPositions patrols, CrossingStitcher stitcher,
      Consumer<Candidate> out) {
    this.border = border;
    this.cfg = cfg;
    this.patrols = patrols;
    this.stitcher = stitcher;
    this.out = out;
  }

  /**
   * Finds the candidates of one closed, confirmed target track.
   *
   * @param track the track (not modified)
   * @param trace its border trace (crossings, closest approach)
   * @param points its filtered points in lat/lon (spilled if a candidate needs them)
   * @param speedMps its mean speed, m/s
   */
  public void closed(Track track, BorderTrace trace, List<TrackPoint> points, double speedMps) {
    closed(track, trace, points, speedMps, true);
  }

  /**
   * As above; {@code infersAlone} says whether the track, if lost near the line, is evidence enough
   * on its own for the crossing its last course would have made (else only a track found across
   * the line makes it a crossing).
   */
  public void closed(Track track, BorderTrace trace, List<TrackPoint> points, double speedMps, boolean infersAlone) {
    Bulk ev = new Bulk(points, track.evidence());
    List<CrossingEvent> cs = trace.crossings();
    resumedNearTheLine(track);
    sighted(track, speedMps, !cs.isEmpty() || walkedOnToTheLine(track), false);
    long step = cfg.shapeStepMs(), window = cfg.shapeWindowMs();
    // crossings of one track within the recross window are one event (back and forth is one story),
    // unless it came back after a stay on the other side: went and returned, two crossings. The
    // return is judged from the burst's first crossing, so jitter at the line in between (or a
    // duplicate track's crossing adopted out of order) does not hide it
    boolean came = false;
    for (CrossingEvent c : cs) {
      double[] xy = border.toXY(c.lat(), c.lon());
      stitcher.crossed(new CrossingStitcher.Crossed(track.id(), c.tMs(), xy[0], xy[1], c.to()));
    }
    for (int i = 0; i < cs.size(); ) {
      CrossingEvent c = cs.get(i);
      int j = i + 1;
      while (j < cs.size() && cs.get(j).tMs() - cs.get(j - 1).tMs() <= cfg.recrossMs()
          && !returned(track, c, cs.get(j))) j++;
      boolean went = j < cs.size() && returned(track, c, cs.get(j));
      double straight;
      if (went || came) {
        // judged on the leg that walked in (went) or out (came back), not the stay between
        straight = came ? PathShape.straightness(track, c.tMs(), c.tMs() + window, step)
            : PathShape.straightness(track, c.tMs() - window, c.tMs(), step);
      } else {
        // the whole track from when it set off: a standing start (a fixed echo a walker took over, a
        // group that waited) is no wandering
        long setOff = PathShape.setOff(track, cfg.standRadiusM(), cfg.standMinMs(), step);
        straight = minKnown(
            PathShape.straightness(track, c.tMs() - window, c.tMs() + window, step),
            PathShape.straightness(track, setOff, Long.MAX_VALUE, step));
        if (grazes(track, straight) && person(track)) {
          // a walk out and back (a stay across the line, a walk to it and back) is two straight legs, no wandering
          long turn = outAndBack(track, setOff);
          // the crossing on its own leg (unknown, too brief to tell, is no evidence)
          double leg = turn == Long.MIN_VALUE ? Double.NaN : c.tMs() < turn
              ? PathShape.straightness(track, c.tMs() - window, Math.min(turn, c.tMs() + window), step)
              : PathShape.straightness(track, Math.max(turn, c.tMs() - window), c.tMs() + window, step);
          if (!Double.isNaN(leg)) straight = leg;
        }
        if (grazes(track, straight) && person(track)) {
          // a group that waited near the line and then crossed: the walk from where it waited, not the shuffling
          long waited = waitedUntil(track, c.tMs());
          double on = waited == Long.MIN_VALUE ? Double.NaN : PathShape.straightness(track, waited, c.tMs() + window, step);
          // a walk on of minutes (a fixed echo that moved off at the last is too brief to tell)
          if (!Double.isNaN(on)) straight = minKnown(on, PathShape.straightness(track, setOff, Long.MAX_VALUE, step));
        }
      }
      if (grazes(track, straight)) {
        // wildlife wandering over the line on radar alone: nothing to report, nor an approach
        came = went;
        i = j;
        continue;
      }
      // a return's jitter at the line is not back and forth
      Candidate made = candidate(track, IncidentKind.CROSSING, c.tMs(), c.lat(), c.lon(), c.sector(), c.from() + "→" + c.to(),
          c.seen(), 0, 0, straight, went || came ? 1 : j - i, ev, speedMps);
      out.accept(made);
      if (j == cs.size()) {
        if (!cameBackToTheLine(track, cs.get(j - 1), trace, ev, speedMps)) wentOver(track, cs.get(j - 1), made);
      }
      came = went;
      i = j;
    }
    if (!cs.isEmpty()) {
      return;
    }
    PathShape.Dwell dwell = PathShape.longestDwell(track, cfg.dwellRadiusM(), step);
    if (dwell != null && dwell.durationMs() >= cfg.minLoiterMs()) {
      double[] ll = border.toLatLon(dwell.x(), dwell.y());
      double dist = Math.abs(border.signedDistanceXY(dwell.x(), dwell.y()));
      if (dist <= cfg.loiterNearM()) {
        double arrival = PathShape.straightness(track, dwell.startMs() - window, dwell.startMs(), step);
        if (Double.isNaN(arrival)) {
          // found already at the spot (the walk in lost or too far out): scored on the walk away instead
          arrival = PathShape.straightness(track, dwell.endMs(), dwell.endMs() + window, step);
        }
        out.accept(candidate(track, IncidentKind.LOITER, dwell.startMs(), ll[0], ll[1], border.sectorOf(ll[0], ll[1]),
            border.sideOf(ll[0], ll[1]), true, dist, dwell.durationMs(), arrival, 0, ev, speedMps));
        return;
      }
    }
    Candidate approach = null;
    if (trace.enteredNear() && Math.abs(trace.firstDistanceM()) - trace.minDistanceM() >= cfg.minApproachM()) {
      double inbound = PathShape.straightness(track, trace.minDistanceT() - 2 * window, trace.minDistanceT(), step);
      approach = candidate(track, IncidentKind.APPROACH, trace.minDistanceT(), trace.minLat(), trace.minLon(),
          border.sectorOf(trace.minLat(), trace.minLon()), border.sideOf(trace.minLat(), trace.minLon()), true,
          trace.minDistanceM(), trace.nearMs(), inbound, 0, ev, speedMps);
    }
    // a track lost close to the line while heading for it may have crossed in a coverage hole:
    // decided later, when the track that may have come out on the other side is known
    int n = track.points();
    double lastD = n == 0 ? Double.NaN : border.signedDistanceXY(track.pointX(n - 1), track.pointY(n - 1));
    double[] v = track.smoothedVelocity(cfg.courseWindowMs());
    boolean heading = n >= 2 && lostHeading(track, lastD, v);
    // a track lost near the line that is not heading for it may have stopped there: if a track
    // leaves from the same place much later, the stay between is a loiter (decided by the stitcher)
    boolean stopped = !heading && n >= 2 && Math.abs(lastD) <= cfg.loiterNearM();
    if (heading || stopped) {
      Candidate standIn = approach != null ? approach : candidate(track, IncidentKind.APPROACH, track.lastMs(),
          trace.lastLat(), trace.lastLon(), border.sectorOf(trace.lastLat(), trace.lastLon()),
          border.sideOf(trace.lastLat(), trace.lastLon()), true, Math.abs(lastD), trace.nearMs(),
          PathShape.straightness(track, track.lastMs() - 2 * window, track.lastMs(), step), 0, ev, speedMps);
      stitcher.lost(new CrossingStitcher.LooseEnd(track.id(), track.lastMs(), track.pointX(n - 1), track.pointY(n - 1), v[0],
          v[1], Math.signum(lastD), standIn, approach != null, infersAlone, heading));
      if (heading) {
        return;
      }
    }
    double firstD = n == 0 ? Double.NaN : border.signedDistanceXY(track.pointX(0), track.pointY(0));
    double[] v0 = track.points() >= 2 ? startVelocity(track) : new double[] {0, 0};
    if (n >= 2 && Math.abs(firstD) <= cfg.stitchNearM()
        && closing(track.pointX(0), track.pointY(0), v0, firstD) < -cfg.stitchClosingMps()) {
      CrossingStitcher.LooseStart start = new CrossingStitcher.LooseStart(track.id(), track.firstMs(), track.pointX(0),
          track.pointY(0), Math.signum(firstD), track.hits(), ev.evidence());
      long since = Math.abs(firstD) <= cfg.loiterNearM() && person(track) ? stitcher.stayedSince(start) : -1;
      if (since < 0 && Math.abs(firstD) <= cfg.stayNearM() && person(track)) {
        // or seen only in a Doppler radar's brief pieces while they stood
        since = stitcher.stayedAmidPieces(start);
      }
      if (since < 0) {
        stitcher.found(start);
      } else {
        // left after a stay only glimpsed: a loiter from the dwell, scored on the leg that walked away,
        // at the middle of the stay: the first glimpse may be of the walk in, and the leaving track is
        // often picked up minutes after the group set off (a Doppler radar sees it only once it walks)
        long mid = since + (track.firstMs() - since) / 2;
        out.accept(candidate(track, IncidentKind.LOITER, mid, trace.firstLat(), trace.firstLon(),
            border.sectorOf(trace.firstLat(), trace.firstLon()), border.sideOf(trace.firstLat(), trace.firstLon()), true,
            Math.abs(firstD), track.firstMs() - since,
            PathShape.straightness(track, track.firstMs(), track.firstMs() + window, step), 0, ev, speedMps));
      }
    }
    if (approach != null && !stopped) {
      out.accept(approach);
    }
  }

  /**
   * A confirmed target track too brief to raise anything itself: if a camera saw it near the line
   * and did not call it an animal or a vehicle, it is a glimpse of people who may be standing there.
   */
  public void glimpse(Track track) {
    int n = track.points();
    if (n == 0 || track.hits(Kind.THERMAL) == 0 || !person(track)) return;
    double d = border.signedDistanceXY(track.pointX(n - 1), track.pointY(n - 1));
    if (Math.abs(d) <= cfg.loiterNearM()) {
      stitcher.glimpse(new CrossingStitcher.Glimpse(track.lastMs(), track.pointX(n - 1), track.pointY(n - 1), Math.signum(d)));
    }
  }

  /**
   * A weak radar echo too briefly followed to raise anything (a Doppler radar follows a group walking
   * at it on its last stretch only) that walked far and straight ({@code stayWalkInM}, {@code
   * stayWalkInStraightness}) to where it was lost, near the line ({@code stayNearM}), not called an
   * animal or a vehicle and not over the line: the arrival of a stay, if the pieces seen there later
   * or a track leaving from there tell one ({@link CrossingStitcher#stayed}). It makes nothing else: no
   * approach, no inferred crossing.
   */
  public void arrived(Track track, BorderTrace trace, List<TrackPoint> points, double speedMps) {
    int n = track.points();
    if (n < 2 || !person(track) || !trace.crossings().isEmpty()) return;
    double lastD = border.signedDistanceXY(track.pointX(n - 1), track.pointY(n - 1));
    if (Math.abs(lastD) > cfg.stayNearM()) return;
    double r = cfg.dwellRadiusM();
    int at = n - 1;
    while (at > 0 && Math.hypot(track.pointX(at - 1) - track.pointX(n - 1), track.pointY(at - 1) - track.pointY(n - 1)) <= r) {
      at--;
    }
    double walk = Math.hypot(track.pointX(at) - track.pointX(0), track.pointY(at) - track.pointY(0));
    double straight = PathShape.straightness(track, track.firstMs(), track.pointT(at), cfg.shapeStepMs());
    if (walk < cfg.stayWalkInM() || !(straight >= cfg.stayWalkInStraightness())) return;
    sighted(track, speedMps, false, true); // where it arrived at the spot
    // scored on the walk to the spot, not on the wandering there
    Candidate standIn = candidate(track, IncidentKind.APPROACH, track.lastMs(), trace.lastLat(), trace.lastLon(),
        border.sectorOf(trace.lastLat(), trace.lastLon()), border.sideOf(trace.lastLat(), trace.lastLon()), true,
        Math.abs(lastD), trace.nearMs(), straight, 0, new Bulk(points, track.evidence()), speedMps);
    double[] v = track.smoothedVelocity(cfg.courseWindowMs());
    stitcher.arrived(new CrossingStitcher.LooseEnd(track.id(), track.lastMs(), track.pointX(n - 1), track.pointY(n - 1), v[0],
        v[1], Math.signum(lastD), standIn, false, false, false));
  }

  /**
   * Takes a track rejected only as a weak radar-only echo ({@link
   * io.watchline.fusion.quality.TrackQuality#weakEcho}) that began near the line and walked
   * straight away from it, as far and as straight as an arrival's walk in ({@code stayWalkInM},
   * {@code stayWalkInStraightness}; a herd grazes in 100-300 m steps with turns): a walker a Doppler
   * radar saw on under one scan in two once it walked away across the beam. It is a track found
   * across the line, not good enough alone ({@link CrossingStitcher.LooseStart#good} false): only a
   * walk lost on the other side makes it anything (two groups minutes apart on tuning nights 53-64
   * were seen so after the line and only as lone plots before it).
   */
  public void leftWeak(Track track, BorderTrace trace) {
    int n = track.points();
    if (n < 2 || !person(track) || !trace.crossings().isEmpty()) return;
    double firstD = border.signedDistanceXY(track.pointX(0), track.pointY(0));
    double lastD = border.signedDistanceXY(track.pointX(n - 1), track.pointY(n - 1));
    if (Math.abs(firstD) > cfg.stitchNearM() || Math.abs(lastD) - Math.abs(firstD) < cfg.stayWalkInM()
        || closing(track.pointX(0), track.pointY(0), startVelocity(track), firstD) >= -cfg.stitchClosingMps()) {
      return;
    }
    double straight = PathShape.straightness(track, track.firstMs(), track.lastMs(), cfg.shapeStepMs());
    if (!(straight >= cfg.stayWalkInStraightness())) return;
    stitcher.found(new CrossingStitcher.LooseStart(track.id(), track.firstMs(), track.pointX(0), track.pointY(0),
        Math.signum(firstD), track.hits(), track.evidence(), false));
  }

  /**
   * Whether a track rejected only as a weak radar-only echo ({@link
   * io.watchline.fusion.quality.TrackQuality#weakEcho}) walked straight for the line and was lost short
   * of it: people on foot by class, not over the line, its last point within {@code stitchNearM} of it,
   * closing on it at the end faster than {@code stitchClosingMps}, at least {@code stayWalkInM} from
   * its first point to its last and {@code stayWalkInStraightness} straight over its life (a herd or
   * a deer wanders in 50-300 m steps with turns). A group a Doppler radar follows on under a plot a
   * scan looks so on its way to the line; lost short of it, it is a loose end that only what is found
   * across may pair, never inferred alone (tuning night 97: a group lost at a 1.5-min halt 1.1 km
   * short, then a weak echo to 180 m short, 2.3 min of plots over the line and a camera's track beyond).
   */
  public boolean walkedForTheLineWeak(Track track, BorderTrace trace) {
    int n = track.points();
    if (n < 2 || !person(track) || !trace.crossings().isEmpty()) return false;
    double lastD = border.signedDistanceXY(track.pointX(n - 1), track.pointY(n - 1));
    if (Math.abs(lastD) > cfg.stitchNearM()
        || closing(track.pointX(n - 1), track.pointY(n - 1), track.smoothedVelocity(cfg.courseWindowMs()), lastD) < cfg.stitchClosingMps()) {
      return false;
    }
    if (Math.hypot(track.pointX(n - 1) - track.pointX(0), track.pointY(n - 1) - track.pointY(0)) < cfg.stayWalkInM()) {
      return false;
    }
    double straight = PathShape.straightness(track, track.firstMs(), track.lastMs(), cfg.shapeStepMs());
    return straight >= cfg.stayWalkInStraightness();
  }

  /**
   * Whether a track rejected only as a weak radar-only echo ({@link
   * io.watchline.fusion.quality.TrackQuality#weakEcho}) walked over the line as an arrival walks in:
   * from one side to the other, at least {@code stayWalkInM} from its first point to its last, at
   * {@code stayWalkInStraightness} over its whole life (a herd grazes in 100-300 m steps with turns).
   * One part of a split group a Doppler radar saw on under one scan in two, beside the other part's
   * chain, was such an echo: its crossing is seen, not inferred, and needs no good track before it.
   */
  public boolean walkedOverWeak(Track track, BorderTrace trace) {
    int n = track.points();
    if (n < 2 || !person(track) || trace.crossings().isEmpty()) return false;
    double firstD = border.signedDistanceXY(track.pointX(0), track.pointY(0));
    double lastD = border.signedDistanceXY(track.pointX(n - 1), track.pointY(n - 1));
    if (Math.signum(firstD) == Math.signum(lastD)
        || Math.hypot(track.pointX(n - 1) - track.pointX(0), track.pointY(n - 1) - track.pointY(0)) < cfg.stayWalkInM()) {
      return false;
    }
    double straight = PathShape.straightness(track, track.firstMs(), track.lastMs(), cfg.shapeStepMs());
    return straight >= cfg.stayWalkInStraightness();
  }

  /** Whether a track whose last point is {@code lastD} from the line, moving with {@code v}, was lost near it heading for it. */
  private boolean lostHeading(Track track, double lastD, double[] v) {
    int n = track.points();
    return Math.abs(lastD) <= cfg.stitchNearM() && closing(track.pointX(n - 1), track.pointY(n - 1), v, lastD) > cfg.stitchClosingMps();
  }

  /**
   * Whether the track walked from where it began towards the line, farther than a standing group
   * wanders ({@code dwellRadiusM}), and was lost heading for it: a group that waited and walked on.
   * A loiterer's piece lost while wandering towards the line is not.
   */
  private boolean walkedOnToTheLine(Track track) {
    int n = track.points();
    if (n < 2) return false;
    double firstD = border.signedDistanceXY(track.pointX(0), track.pointY(0));
    double lastD = border.signedDistanceXY(track.pointX(n - 1), track.pointY(n - 1));
    return Math.abs(firstD) - Math.abs(lastD) > cfg.dwellRadiusM()
        && lostHeading(track, lastD, track.smoothedVelocity(cfg.courseWindowMs()));
  }

  /**
   * A weak target track (too brief or sparse to raise anything) near the line: where it began and
   * ended, for a stay a lost track may have made there ({@link CrossingStitcher#sighted}).
   */
  public void sighted(Track track, double speedMps) {
    sighted(track, speedMps, false, true);
  }

  /**
   * Hands the stitcher where a track near the line began and ended; {@code onward}: it walked on over the line;
   * {@code weak}: it raises nothing itself (a piece).
   */
  private void sighted(Track track, double speedMps, boolean onward, boolean weak) {
    int n = track.points();
    if (n == 0) return;
    double firstD = border.signedDistanceXY(track.pointX(0), track.pointY(0));
    double lastD = border.signedDistanceXY(track.pointX(n - 1), track.pointY(n - 1));
    if (Math.abs(firstD) > cfg.loiterNearM() && Math.abs(lastD) > cfg.loiterNearM()) return;
    double r = cfg.dwellRadiusM();
    int left = 0;
    while (left + 1 < n && Math.hypot(track.pointX(left + 1) - track.pointX(0), track.pointY(left + 1) - track.pointY(0)) <= r) {
      left++;
    }
    int arrived = n - 1;
    while (arrived > 0
        && Math.hypot(track.pointX(arrived - 1) - track.pointX(n - 1), track.pointY(arrived - 1) - track.pointY(n - 1)) <= r) {
      arrived--;
    }
    if (Math.signum(firstD) == Math.signum(lastD) && Math.abs(firstD) - Math.abs(lastD) > cfg.standRadiusM()
        && Math.abs(firstD) <= cfg.stayNearM() && person(track)) {
      // walked towards the line, farther than people standing shuffle: across from a group lost there, its walk back
      stitcher.toward(new CrossingStitcher.Toward(track.id(), track.firstMs(), track.pointX(0), track.pointY(0),
          track.lastMs(), track.pointX(n - 1), track.pointY(n - 1), Math.signum(firstD), speedMps));
    }
    stitcher.sighted(new CrossingStitcher.Sighting(track.id(), track.firstMs(), track.pointX(0), track.pointY(0),
        Math.signum(firstD), track.pointT(left), track.lastMs(), track.pointT(arrived), speedMps,
        onward || Math.signum(firstD) != Math.signum(lastD), person(track),
        Math.hypot(track.pointX(arrived) - track.pointX(0), track.pointY(arrived) - track.pointY(0)),
        PathShape.straightness(track, track.firstMs(), track.pointT(arrived), cfg.shapeStepMs()), weak));
  }

  /** Whether a track may be people on foot ({@link #mayBePeople}). */
  private boolean person(Track track) {
    return mayBePeople(cls(track));
  }

  /**
   * The track's class as the finder takes it: the cameras' best, but "unknown" for a track called an
   * animal that walked as people do somewhere in its life ({@link #walkedAsPeople}).
   */
  private String cls(Track track) {
    String best = track.classes().best();
    return "animal".equals(best) && walkedAsPeople(track) ? "unknown" : best;
  }

  /** Whether a class may be people on foot: not an animal (a resting herd) nor a vehicle (road traffic). */
  static boolean mayBePeople(String cls) {
    return !"animal".equals(cls) && !"vehicle".equals(cls);
  }

  /**
   * Whether a crossing on a path of this straightness is a herd's or a wild animal's: called an animal,
   * or seen only by radars that nobody classified, and it wandered about the crossing as grazing
   * animals do.
   */
  private boolean grazes(Track track, double straightness) {
    String cls = cls(track);
    boolean notPeople = "animal".equals(cls) || track.hits(Kind.THERMAL) == 0 && "unknown".equals(cls);
    return notPeople && straightness < cfg.unclassifiedMinStraightness();
  }

  /**
   * Whether a track walked as people do and grazing animals do not, somewhere in its life: followed for
   * {@code peopleWalkMs} from one of its points and at least {@code peopleWalkMps} on, net, over them.
   * On the truth of the tuning nights herds and wildlife never got on faster than 0.93 m/s over any
   * half hour (the tracks a camera called "animal" on nights 77-88 that followed animals or clutter: at
   * most 0.83), people walking to the line at 0.99 or more; a thermal camera's "animal" at kilometres'
   * range stays on a walking group for the whole night, through its wait at the line and its walk on.
   * The walk then says more than the class: the track is taken as unclassified, whichever part of it
   * (a walk in, a wait, a crossing, a walk out) is being judged.
   */
  private boolean walkedAsPeople(Track track) {
    int n = track.points();
    long w = cfg.peopleWalkMs();
    if (n < 2 || track.lastMs() - track.firstMs() < w * 0.9) return false;
    int j = 0;
    for (int i = 0; i < n - 1; i++) {
      while (j < n - 1 && track.pointT(j) < track.pointT(i) + w) j++;
      long dt = track.pointT(j) - track.pointT(i);
      if (dt < w * 0.9) return false; // later windows are shorter still
      double net = Math.hypot(track.pointX(j) - track.pointX(i), track.pointY(j) - track.pointY(i));
      if (net >= cfg.peopleWalkMps() * dt / 1000.0) return true;
    }
    return false;
  }

  /**
   * Whether {@code b} is a return over the line after a stay across it, not jitter along it nor an
   * animal wandering to and fro: both legs (walking in up to {@code a}, walking out from {@code b})
   * straight, and the track not classified an animal.
   */
  private boolean returned(Track track, CrossingEvent a, CrossingEvent b) {
    // up to returnMaxMs: a walk out, a stay and a walk back may take longer than the recross window
    if (b.tMs() - a.tMs() < cfg.returnMinMs() || b.tMs() - a.tMs() > Math.max(cfg.recrossMs(), cfg.returnMaxMs())
        || !a.from().equals(b.to())
        || "animal".equals(cls(track))) {
      return false;
    }
    long step = cfg.shapeStepMs(), window = cfg.shapeWindowMs();
    double in = PathShape.straightness(track, a.tMs() - window, a.tMs(), step);
    double out = PathShape.straightness(track, b.tMs(), b.tMs() + window, step);
    // unknown (too few points) is not confident
    return in >= cfg.returnMinStraightness() && out >= cfg.returnMinStraightness();
  }

  /**
   * A track lost near the line after its last crossing ({@code last}), on a straight walk in by
   * people (not called an animal): they may stay over there and come back unseen; the stitcher
   * waits for a track found back on the side they came from ({@link CrossingStitcher.Went}).
   */
  private void wentOver(Track track, CrossingEvent last, Candidate made) {
    int n = track.points();
    if (n < 2 || "animal".equals(cls(track))) return;
    double lastD = border.signedDistanceXY(track.pointX(n - 1), track.pointY(n - 1));
    if (Math.abs(lastD) > cfg.stitchNearM()) return;
    double in = PathShape.straightness(track, last.tMs() - cfg.shapeWindowMs(), last.tMs(), cfg.shapeStepMs());
    if (!(in >= cfg.returnMinStraightness())) return;
    stitcher.went(new CrossingStitcher.Went(track.id(), track.lastMs(), track.pointX(n - 1), track.pointY(n - 1),
        Math.signum(lastD), last.tMs(), made));
  }

  /**
   * Where a track, from {@code fromMs}, turned on a walk out and back: split where it was farthest
   * from the line on either side, two legs of at least {@code returnMinMs}, each moving farther than
   * a standing group wanders ({@code dwellRadiusM}) and each at least {@code returnMinStraightness}
   * straight (the better split when both are); else {@link Long#MIN_VALUE}. A group that went over,
   * stayed and walked back, followed by one track for only part of it (its walk in or out in
   * another), measures 0.1-0.7 over its life; grazing animals turn more than once.
   */
  long outAndBack(Track track, long fromMs) {
    int n = track.points();
    int near = -1, far = -1;
    double nearD = 0, farD = 0;
    for (int i = 0; i < n; i++) {
      if (track.pointT(i) < fromMs) continue;
      double d = border.signedDistanceXY(track.pointX(i), track.pointY(i));
      if (d > farD) {
        farD = d;
        far = i;
      } else if (d < nearD) {
        nearD = d;
        near = i;
      }
    }
    double best = Double.NaN;
    long turn = Long.MIN_VALUE;
    for (int k : new int[] {near, far}) {
      if (k < 0) continue;
      int first = 0;
      while (first < n - 1 && track.pointT(first) < fromMs) first++;
      long tk = track.pointT(k);
      if (tk - track.pointT(first) < cfg.returnMinMs() || track.lastMs() - tk < cfg.returnMinMs()) continue;
      if (Math.hypot(track.pointX(k) - track.pointX(first), track.pointY(k) - track.pointY(first)) <= cfg.dwellRadiusM()
          || Math.hypot(track.pointX(n - 1) - track.pointX(k), track.pointY(n - 1) - track.pointY(k)) <= cfg.dwellRadiusM()) {
        continue;
      }
      double s = Math.min(PathShape.straightness(track, fromMs, tk, cfg.shapeStepMs()),
          PathShape.straightness(track, tk, Long.MAX_VALUE, cfg.shapeStepMs()));
      if (s >= cfg.returnMinStraightness() && (Double.isNaN(best) || s > best)) {
        best = s;
        turn = tk;
      }
    }
    return turn;
  }

  /**
   * When a track that stood before crossing at {@code crossMs} set off: the last thinned point,
   * within the shape window before the crossing, that ended a stay within {@code standRadiusM} of
   * it lasting {@code standMinMs}; else {@link Long#MIN_VALUE}. A group waiting for its moment
   * shuffles within tens of metres for many minutes: judged over a window that holds the wait,
   * its crossing measured 0.69 where the walk on from the wait was 0.9.
   */
  long waitedUntil(Track track, long crossMs) {
    long step = cfg.shapeStepMs();
    List<Integer> idx = new java.util.ArrayList<>();
    long last = Long.MIN_VALUE;
    for (int i = 0; i < track.points() && track.pointT(i) <= crossMs; i++) {
      if (last != Long.MIN_VALUE && track.pointT(i) - last < step) continue;
      last = track.pointT(i);
      idx.add(i);
    }
    for (int a = idx.size() - 1; a >= 0; a--) {
      int k = idx.get(a);
      if (track.pointT(k) < crossMs - cfg.shapeWindowMs()) break;
      int b = a;
      while (b > 0 && Math.hypot(track.pointX(idx.get(b - 1)) - track.pointX(k),
          track.pointY(idx.get(b - 1)) - track.pointY(k)) <= cfg.standRadiusM()) {
        b--;
      }
      if (track.pointT(k) - track.pointT(idx.get(b)) >= cfg.standMinMs()) return track.pointT(k);
    }
    return Long.MIN_VALUE;
  }

  /**
   * A track that crossed (its last crossing {@code last}), walked on beyond the line, turned and was
   * lost walking straight back to it, near it and heading for it: people who went over, stayed and
   * are on their way back. A loose end like any track lost heading for the line (a stitch, a wait,
   * a stay or a lone inference of the crossing back), judged on the walk back; the unseen-return
   * wait ({@link #wentOver}) is then not needed. Returns whether it was handed on.
   */
  private boolean cameBackToTheLine(Track track, CrossingEvent last, BorderTrace trace, Bulk ev, double speedMps) {
    int n = track.points();
    if (n < 2 || !person(track)) return false;
    double lastD = border.signedDistanceXY(track.pointX(n - 1), track.pointY(n - 1));
    double[] v = track.smoothedVelocity(cfg.courseWindowMs());
    if (!lostHeading(track, lastD, v) || track.lastMs() - last.tMs() < cfg.returnMinMs()) return false;
    // where it turned: farthest beyond the line after the crossing
    int turn = -1;
    double far = Math.abs(lastD);
    for (int i = 0; i < n; i++) {
      if (track.pointT(i) <= last.tMs()) continue;
      double d = border.signedDistanceXY(track.pointX(i), track.pointY(i));
      if (Math.signum(d) == Math.signum(lastD) && Math.abs(d) > far) {
        far = Math.abs(d);
        turn = i;
      }
    }
    if (turn < 0 || far - Math.abs(lastD) <= cfg.dwellRadiusM() || track.lastMs() - track.pointT(turn) < cfg.returnMinMs()) {
      return false;
    }
    double back = PathShape.straightness(track, track.pointT(turn), Long.MAX_VALUE, cfg.shapeStepMs());
    if (!(back >= cfg.returnMinStraightness())) return false;
    Candidate standIn = candidate(track, IncidentKind.APPROACH, track.lastMs(), trace.lastLat(), trace.lastLon(),
        border.sectorOf(trace.lastLat(), trace.lastLon()), border.sideOf(trace.lastLat(), trace.lastLon()), true,
        Math.abs(lastD), trace.nearMs(), back, 0, ev, speedMps);
    stitcher.lost(new CrossingStitcher.LooseEnd(track.id(), track.lastMs(), track.pointX(n - 1), track.pointY(n - 1), v[0],
        v[1], Math.signum(lastD), standIn, false, true, true));
    return true;
  }

  /**
   * A track beginning close to the line heading for it may be a group walking on after standing
   * unseen (what Doppler radars miss); the stitcher then infers no crossing for the track lost there.
   */
  private void resumedNearTheLine(Track track) {
    int n = track.points();
    if (n < 2) return;
    double firstD = border.signedDistanceXY(track.pointX(0), track.pointY(0));
    if (Math.abs(firstD) <= cfg.loiterNearM()
        && closing(track.pointX(0), track.pointY(0), startVelocity(track), firstD) > cfg.stitchClosingMps()) {
      stitcher.resumed(new CrossingStitcher.LooseStart(track.id(), track.firstMs(), track.pointX(0), track.pointY(0),
          Math.signum(firstD), track.hits(), List.of()));
    }
  }

  /** Speed towards the line (m/s, positive = closing) of a point at (x, y) moving with velocity v. */
  private double closing(double x, double y, double[] v, double signedD) {
    double s = cfg.closingLookAheadS();
    double ahead = border.signedDistanceXY(x + v[0] * s, y + v[1] * s);
    if (Math.signum(ahead) != Math.signum(signedD)) {
      return (Math.abs(signedD) + Math.abs(ahead)) / s; // it would cross within the look-ahead
    }
    return (Math.abs(signedD) - Math.abs(ahead)) / s;
  }

  /** Mean velocity over the track's first {@code courseWindowMs}, m/s. */
  private double[] startVelocity(Track t) {
    int n = t.points();
    int j = 0;
    while (j + 1 < n && t.pointT(j) - t.pointT(0) < cfg.courseWindowMs()) j++;
    double dt = (t.pointT(j) - t.pointT(0)) / 1000.0;
    return dt <= 0 ? new double[] {0, 0} : new double[] {(t.pointX(j) - t.pointX(0)) / dt, (t.pointY(j) - t.pointY(0)) / dt};
  }

  private static double minKnown(double a, double b) {
    if (Double.isNaN(a)) return b;
    if (Double.isNaN(b)) return a;
    return Math.min(a, b);
  }

  private Candidate candidate(Track track, IncidentKind kind, long tMs, double lat, double lon, String sector, String side,
      boolean seen, double distanceM, long dwellMs, double straightness, int crossings, Bulk bulk, double speed) {
    double[] xy = border.toXY(lat, lon);
    PatrolPositions.Nearest n = patrols.nearest(tMs, xy[0], xy[1]);
    String cls = cls(track);
    double clsShare = cls.equals(track.classes().best()) ? track.classes().decisiveShare() : 0;
    return new Candidate(kind, tMs, track.firstMs(), track.lastMs(), lat, lon, sector, side, seen, distanceM, dwellMs,
        track.sensorKinds(), cls, clsShare, track.meanConf(), track.hits(), speed,
        straightness, crossings, n == null ? Double.NaN : n.distanceM(), track.id(), bulk.points(), bulk.evidence());
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

  /** Deletes the temporary evidence file; candidates already handed on must have been written first. */
  @Override
  public void close() throws IOException {
    if (spill != null) {
      spill.close();
      spill = null;
    }
  }
}
