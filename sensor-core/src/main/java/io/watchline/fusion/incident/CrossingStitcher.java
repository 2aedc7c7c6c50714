package io.watchline.fusion.incident;

import io.watchline.fusion.border.BorderView;
import io.watchline.incident.IncidentKind;
import io.watchline.observation.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Crossings no sensor saw: a track lost near the line heading for it ({@link LooseEnd}) and a track
 * found near the line across it heading away ({@link LooseStart}), up to {@code stitchWindowMs}
 * later and no farther apart than walking allows, are one target that crossed in a coverage hole:
 * an inferred crossing with the evidence of both. A lost track nothing picks up that would have
 * crossed on its last course within the coast time is an inferred crossing too; otherwise it stays
 * the approach it came with.
 *
 * <p>Loose ends wait for their window to close; {@link #settle} resolves the ones that can no
 * longer be matched and says how far the incident list may be made final. Positions are metres in
 * the border's local plane, times epoch ms. Not thread-safe: used by the fusion thread.
 */
public final class CrossingStitcher {
  /**
   * A track that ended near the line heading for it.
   *
   * @param x where it was lost, m
   * @param vx its velocity over its last minutes, m/s
   * @param side the side it was on: the sign of the signed distance (±1)
   * @param approach what it is when nothing came out (an approach candidate or a stand-in)
   * @param isApproach whether {@code approach} is a real approach (reported when no crossing is inferred)
   * @param infersAlone whether the track alone, with nothing found across the line, is evidence for a crossing on its
   *     last course
   * @param heading whether it was heading for the line (else it stopped near it: only a loiter can follow)
   * @param partnerOnly whether only a track found across the line makes it anything (a chain of pieces, {@link
   *     FragmentChains}: no approach, loiter or lone inference of its own)
   * @param goodPartnerOnly whether only a track good enough on its own ({@link LooseStart#good}) found across the line,
   *     ahead on its course, makes it anything (a chain too short to stand beside another chain)
   */
  public record LooseEnd(long trackId, long tMs, double x, double y, double vx, double vy, double side, Candidate approach,
      boolean isApproach, boolean infersAlone, boolean heading, boolean partnerOnly, boolean goodPartnerOnly) {
    public LooseEnd(long trackId, long tMs, double x, double y, double vx, double vy, double side, Candidate approach,
        boolean isApproach, boolean infersAlone, boolean heading, boolean partnerOnly) {
      this(trackId, tMs, x, y, vx, vy, side, approach, isApproach, infersAlone, heading, partnerOnly, false);
    }

    public LooseEnd(long trackId, long tMs, double x, double y, double vx, double vy, double side, Candidate approach,
        boolean isApproach, boolean infersAlone, boolean heading) {
      this(trackId, tMs, x, y, vx, vy, side, approach, isApproach, infersAlone, heading, false);
    }

    public LooseEnd(long trackId, long tMs, double x, double y, double vx, double vy, double side, Candidate approach,
        boolean isApproach) {
      this(trackId, tMs, x, y, vx, vy, side, approach, isApproach, true, true, false);
    }
  }

  /**
   * A track that began near the line heading away from it.
   *
   * @param side the side it began on (±1)
   * @param hits its measurement count
   * @param evidence its observations' sources
   * @param good whether the track passed the quality test on its own (not a chain of pieces)
   */
  public record LooseStart(long trackId, long tMs, double x, double y, double side, int hits, List<Source> evidence,
      boolean good) {
    public LooseStart(long trackId, long tMs, double x, double y, double side, int hits, List<Source> evidence) {
      this(trackId, tMs, x, y, side, hits, evidence, true);
    }
  }

  /**
   * A camera-seen target track too brief to raise anything on its own, near the line: where people
   * may be standing (a Doppler radar loses them, a thermal camera keeps glimpsing them).
   *
   * @param tMs when it was last seen
   * @param side the side it was on (±1)
   */
  public record Glimpse(long tMs, double x, double y, double side) {}

  /**
   * A short chain's good partner must begin within this angle of its last course: a piece seen for
   * a minute tells where it was going (walkers hold a course across an unseen stretch), and chance
   * pieces near the line rarely point at where somebody appears across it.
   */
  static final double PIECE_AHEAD_DEG = 45;
  /**
   * ... and within this long after it was lost: the Doppler-beam walkers were picked up 3-7 min
   * after their last piece; chance pieces paired with a good track 8-17 min later (tuning nights 22-33).
   */
  static final long PIECE_WINDOW_MS = 8 * 60_000L;

  /**
   * A closed target track near the line, weak or not, reduced to where it began and ended: what a
   * stay there is measured from ({@link #stay}).
   *
   * @param firstMs when it began, at (x0, y0) on {@code side} (±1)
   * @param leftMs when it last was within the dwell radius of where it began (left the spot)
   * @param lastMs when it ended
   * @param arrivedMs when it came within the dwell radius of where it ended (arrived at the spot)
   * @param speedMps its mean speed
   * @param onward whether it crossed the line or was lost heading for it (a group walking on)
   * @param person whether it may be people on foot (not called an animal or a vehicle)
   * @param walkInM how far it came from where it began to where it arrived at the spot, m
   * @param walkInStraightness how straight it came there (1-min points; NaN when too brief to tell)
   * @param weak whether it was too brief or sparse to raise anything itself (a piece)
   */
  public record Sighting(long trackId, long firstMs, double x0, double y0, double side, long leftMs, long lastMs,
      long arrivedMs, double speedMps, boolean onward, boolean person, double walkInM, double walkInStraightness,
      boolean weak) {
    public Sighting(long trackId, long firstMs, double x0, double y0, double side, long leftMs, long lastMs,
        long arrivedMs, double speedMps, boolean onward, boolean person) {
      this(trackId, firstMs, x0, y0, side, leftMs, lastMs, arrivedMs, speedMps, onward, person, 0, Double.NaN, true);
    }
  }

  /**
   * A track that crossed the line and was lost near it on the far side: people who went over may
   * stay there and come back unseen.
   *
   * @param tMs when it was lost, at (x, y) on {@code side} (±1, the far side)
   * @param crossedMs when it crossed
   * @param crossing the crossing candidate it made (the walk in: what an inferred return is scored with)
   */
  public record Went(long trackId, long tMs, double x, double y, double side, long crossedMs, Candidate crossing) {}

  /**
   * A target track near the line, weak or not, that walked towards it: began at (x0, y0) on {@code side}
   * (±1) and ended at (x1, y1) nearer the line, on the same side. Seen across the line from where a group
   * was lost heading for it, it is the group walking back from a stay over there.
   */
  public record Toward(long trackId, long firstMs, double x0, double y0, long lastMs, double x1, double y1, double side,
      double speedMps) {}

  /** A crossing a track was seen (or coasted) to make, into side {@code to}, at (x, y): a return it may be. */
  public record Crossed(long trackId, long tMs, double x, double y, String to) {}

  private final BorderView border;
  private final IncidentConfig cfg;
  private final long coastMs;
  private final double maxWalkMps;
  private final Consumer<Candidate> out;
  private final List<LooseEnd> ends = new ArrayList<>();
  private final List<LooseStart> starts = new ArrayList<>();
  private final List<LooseStart> resumed = new ArrayList<>();
  private final List<Glimpse> glimpses = new ArrayList<>();
  private final List<Sighting> sightings = new ArrayList<>();
  private final List<Toward> towards = new ArrayList<>();
  private final List<Went> wents = new ArrayList<>();
  private final List<Crossed> crossed = new ArrayList<>();

  /**
   * @param border the line and the local plane
   * @param cfg stitch window, slack and speeds
   * @param coastMs how long a lost track is projected on its last course, ms (the tracker's coast limit)
   * @param maxWalkMps faster than a group on foot: a vehicle, which Doppler radars do see (the quality
   *     test's walking pace)
   * @param out receives the inferred crossings and the approaches that stay approaches
   */
  public CrossingStitcher(BorderView border, IncidentConfig cfg, long coastMs, double maxWalkMps, Consumer<Candidate> out) {
    this.border = border;
    this.cfg = cfg;
    this.coastMs = coastMs;
    this.maxWalkMps = maxWalkMps;
    this.out = out;
  }

  /** Adds a track lost near the line; it waits for a partner until its window has closed. */
  public void lost(LooseEnd end) {
    ends.add(end);
  }

  /**
   * Adds a weak track that walked in and was lost near the line ({@link CandidateFinder#arrived}), at walking
   * pace: it waits, like a lost track, for what tells whether the group stood there; alone it makes nothing.
   */
  public void arrived(LooseEnd end) {
    if (end.approach().speedMps() <= maxWalkMps && !end.heading() && !end.isApproach() && !end.infersAlone()) {
      ends.add(end);
    }
  }

  /** Adds a loose end in place of the one waiting with the same id (a chain of pieces that grew). */
  public void replaceLost(LooseEnd end) {
    ends.removeIf(e -> e.trackId() == end.trackId());
    ends.add(end);
  }

  /** Adds a track that crossed and was lost near the line beyond it; it waits for a return until its window closed. */
  public void went(Went w) {
    wents.add(w);
  }

  /** Adds a crossing of a closed track (a seen return needs no inferred one). */
  public void crossed(Crossed c) {
    crossed.add(c);
  }

  /** Adds a track found near the line. */
  public void found(LooseStart start) {
    starts.add(start);
  }

  /**
   * Adds a track that began near the line heading for it: a group that stood unseen (waiting for
   * its moment) and walked on. A track lost where it began infers no crossing of its own.
   */
  public void resumed(LooseStart start) {
    resumed.add(start);
  }

  /** Adds a glimpse of somebody near the line; kept while a track leaving from there could still come. */
  public void glimpse(Glimpse g) {
    glimpses.add(g);
  }

  /** Adds a closed target track near the line that walked towards it (kept while a loose end it could follow may be waiting). */
  public void toward(Toward t) {
    towards.add(t);
  }

  /** Adds a closed target track near the line (kept while a loose end it could follow may be waiting). */
  public void sighted(Sighting s) {
    sightings.add(s);
  }

  /**
   * When the people a track leaving from {@code start}'s place came to stay there: with no track
   * lost there to pair it with (the stay's arrival too brief or unseen), at least two glimpses on
   * the same side within the dwell radius, the first {@code minLoiterMs}..{@code maxDwellMs} before
   * it left — the group stood there, seen only now and then. Else -1.
   */
  public long stayedSince(LooseStart start) {
    for (LooseEnd a : ends) {
      if (near(a.tMs(), a.x(), a.y(), a.side(), start)) return -1; // the arrival is known: the pair tells the stay
    }
    long first = Long.MAX_VALUE;
    int seen = 0;
    for (Glimpse g : glimpses) {
      if (near(g.tMs(), g.x(), g.y(), g.side(), start)) {
        seen++;
        first = Math.min(first, g.tMs());
      }
    }
    return seen >= 2 && start.tMs() - first >= cfg.minLoiterMs() ? first : -1;
  }

  /** Whether something seen at (x, y) on {@code side} at {@code tMs} is where {@code start} left from, within the dwell window. */
  private boolean near(long tMs, double x, double y, double side, LooseStart start) {
    long dt = start.tMs() - tMs;
    return dt > 0 && dt <= cfg.maxDwellMs() && side == start.side()
        && Math.hypot(start.x() - x, start.y() - y) <= cfg.dwellRadiusM() + cfg.stitchSlackM();
  }

  /**
   * Resolves the loose ends whose window closed before {@code birth}, the time before which no
   * track still to come (nor a live one) began, and forgets starts no later end can use.
   *
   * @param birth epoch ms; {@link Long#MAX_VALUE} at the end of input resolves everything
   * @return the time before which nothing the stitcher still holds will produce a candidate
   *     (≤ {@code birth})
   */
  public long settle(long birth) {
    resolve(birth);
    returned(birth);
    long bound = birth;
    if (birth != Long.MAX_VALUE && (!glimpses.isEmpty() || !sightings.isEmpty())) {
      // a track to come may leave after a stay glimpsed: its loiter is dated at the middle of the stay,
      // at most half the dwell window before it began
      bound = Math.min(bound, birth - cfg.maxDwellMs() / 2);
    }
    for (LooseEnd e : ends) {
      bound = Math.min(bound, e.approach().startMs());
    }
    long oldestWent = birth, oldestCrossed = birth;
    for (Went w : wents) {
      bound = Math.min(bound, w.crossing().startMs());
      oldestWent = Math.min(oldestWent, w.tMs());
      oldestCrossed = Math.min(oldestCrossed, w.crossedMs());
    }
    // a went still to come crossed at or after birth: older crossings cannot be its return
    long keep = oldestCrossed;
    crossed.removeIf(c -> c.tMs() < keep);
    // a start can serve only a later end; ends to come are at or after birth
    long oldestEnd = Math.min(oldestWent, ends.isEmpty() ? birth : Math.min(birth, ends.get(0).tMs()));
    starts.removeIf(b -> b.tMs() <= oldestEnd);
    resumed.removeIf(b -> b.tMs() <= oldestEnd);
    // a track still to come begins at or after birth: older glimpses cannot be part of its stay
    glimpses.removeIf(g -> g.tMs() < birth - cfg.maxDwellMs());
    // a waiting end was lost at or after birth - wait: older sightings neither arrived with it nor followed it
    long wait = Math.max(cfg.stitchWindowMs(), cfg.maxDwellMs());
    sightings.removeIf(x -> x.lastMs() < birth - wait);
    towards.removeIf(x -> x.lastMs() < birth - Math.max(wait, cfg.returnMaxMs()));
    return bound;
  }

  /**
   * Returns unseen: a track that crossed and was lost near the line beyond it, and a good track found
   * near the line back on the side it came from, heading away, {@code returnMinMs}..{@code
   * returnMaxMs} after the crossing and no farther along the line than the stitch slack: the group
   * went over, stayed and came back where the radars did not see it walk. An inferred crossing back,
   * where the line runs between where it was lost and where it was found, just before it was found.
   * A start a waiting loose end may still take (a stay, a stitch) is left to it.
   */
  private void returned(long birth) {
    wents.sort(Comparator.comparingLong(Went::crossedMs));
    while (!wents.isEmpty() && (birth == Long.MAX_VALUE || wents.get(0).crossedMs() + cfg.returnMaxMs() < birth)) {
      Went w = wents.remove(0);
      if (cameBackSeen(w)) continue;
      LooseStart back = null;
      for (LooseStart b : starts) {
        long dt = b.tMs() - w.crossedMs();
        if (!b.good() || b.side() == w.side() || b.tMs() <= w.tMs() || dt < cfg.returnMinMs() || dt > cfg.returnMaxMs()) {
          continue;
        }
        double dw = Math.abs(border.signedDistanceXY(w.x(), w.y())), db = Math.abs(border.signedDistanceXY(b.x(), b.y()));
        if (Math.hypot(b.x() - w.x(), b.y() - w.y()) > dw + db + cfg.stitchSlackM() || claimed(b)) continue;
        if (back == null || b.tMs() < back.tMs()) back = b;
      }
      if (back == null) continue;
      Candidate c = w.crossing();
      double[] from = border.toLatLon(w.x(), w.y()), to = border.toLatLon(back.x(), back.y());
      BorderView.Crossing x = border.crossing(from[0], from[1], to[0], to[1]);
      if (x == null) continue;
      starts.remove(back);
      // it crossed at a walker's pace before it was found
      long walk = Math.round(Math.abs(border.signedDistanceXY(back.x(), back.y())) / cfg.stitchMinSpeedMps() * 1000);
      long t = Math.max(w.tMs(), back.tMs() - walk);
      out.accept(new Candidate(IncidentKind.CROSSING, t, c.startMs(), Math.max(c.endMs(), back.tMs()), x.lat(), x.lon(),
          border.sectorOf(x.lat(), x.lon()), x.from() + "→" + x.to(), false, 0, 0, c.sensorKinds(), c.cls(), c.clsShare(),
          c.meanConf(), c.hits() + back.hits(), c.speedMps(), c.straightness(), 1, c.blueForceM(), c.trackId(), c.track(),
          Spill.union(List.of(c.evidence(), back.evidence()))));
    }
  }

  /** Whether a track was seen crossing back near where {@code w} was lost, within its return window (after its last crossing). */
  private boolean cameBackSeen(Went w) {
    double[] ll = border.toLatLon(w.x(), w.y());
    String from = border.sideOf(ll[0], ll[1]);
    double near = Math.abs(border.signedDistanceXY(w.x(), w.y())) + cfg.stitchSlackM();
    for (Crossed c : crossed) {
      long dt = c.tMs() - w.crossedMs();
      if (dt > 0 && dt <= cfg.returnMaxMs() && !from.equals(c.to())
          && Math.hypot(c.x() - w.x(), c.y() - w.y()) <= near) {
        return true;
      }
    }
    // or a track seen walking back to the line there, lost heading for it: its own loose end tells the crossing back
    for (LooseEnd e : ends) {
      long dt = e.tMs() - w.crossedMs();
      if (e.heading() && e.infersAlone() && !e.partnerOnly() && e.side() == w.side() && e.tMs() > w.tMs()
          && dt <= cfg.returnMaxMs() && Math.hypot(e.x() - w.x(), e.y() - w.y()) <= near) {
        return true;
      }
    }
    return false;
  }

  /** Whether a waiting loose end lost before {@code b} began, near where it began, may still take it. */
  private boolean claimed(LooseStart b) {
    for (LooseEnd e : ends) {
      long dt = b.tMs() - e.tMs();
      if (dt > 0 && dt <= Math.max(cfg.stitchWindowMs(), cfg.maxDwellMs())
          && Math.hypot(b.x() - e.x(), b.y() - e.y()) <= cfg.dwellRadiusM() + cfg.stitchSlackM()) {
        return true;
      }
    }
    return false;
  }

  /** Resolves every loose end (end of input). */
  public void finish() {
    resolve(Long.MAX_VALUE);
    returned(Long.MAX_VALUE);
  }

  /** The loose ends still waiting (a view; live fusion bounds where they may yet put a crossing). */
  public List<LooseEnd> pending() {
    return java.util.Collections.unmodifiableList(ends);
  }

  /** The tracks that went over and may still come back unseen (a view; live fusion bounds where they may yet put a crossing). */
  public List<Went> pendingReturns() {
    return java.util.Collections.unmodifiableList(wents);
  }

  /** Loose ends still waiting. */
  public int pendingEnds() {
    return ends.size();
  }

  /** Loose starts still held (found and resumed). */
  public int pendingStarts() {
    return starts.size() + resumed.size();
  }

  /**
   * Pairs loose ends (in time order) whose stitch window closed before {@code birth} with loose
   * starts across the line (inferred crossings); the rest stay approaches.
   */
  private void resolve(long birth) {
    ends.sort(Comparator.comparingLong(LooseEnd::tMs));
    long wait = Math.max(cfg.stitchWindowMs(), cfg.maxDwellMs());
    while (!ends.isEmpty() && (birth == Long.MAX_VALUE || ends.get(0).tMs() + wait < birth)) {
      LooseEnd a = ends.remove(0);
      LooseStart best = a.heading() ? partner(a) : null;
      boolean waited = false;
      if (best == null && !a.partnerOnly()) {
        best = crossedAfterWaiting(a);
        waited = best != null;
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
      } else if (a.partnerOnly()) {
        continue; // pieces on one side only: nothing to infer
      } else if (a.heading() && wentAndCameBack(a)) {
        continue; // seen walking back to the line from across it: went over unseen, stayed and came back
      } else if (stayed(a)) {
        continue; // the group stood where it was lost: a loiter, whatever its last steps pointed at
      } else if (a.heading() && walkedOn(a)) {
        // it waited where it was lost and walked on later: that track tells the rest
        continue;
      } else if (leftAgain(a) || !a.infersAlone() || !a.heading()) {
        // someone left from where it was lost, on the same side: it stayed or turned back there
        stayedOrApproached(a);
        continue;
      } else {
        // nothing came out and nothing went back: a good track heading for the line walked on
        // unseen (standing and tangential walkers are what Doppler radars miss); did its last
        // course cross within the horizon?
        // at least a walker's pace on its last course: a filter fed by few plots underestimates it
        double v = Math.hypot(a.vx(), a.vy());
        // only walkers vanish for minutes (a Doppler radar misses slow radial motion): anything
        // faster is projected over the tracker's coast alone (a vehicle on a road bending towards
        // the line, lost behind a ridge, would otherwise be carried kilometres over it)
        double coast = (v > maxWalkMps ? coastMs : Math.max(coastMs, cfg.inferHorizonMs())) / 1000.0;
        double k = v <= 0 ? 0 : Math.max(1, cfg.stitchMinSpeedMps() / v);
        to = border.toLatLon(a.x() + a.vx() * k * coast, a.y() + a.vy() * k * coast);
        tTo = a.tMs() + Math.round(coast * 1000);
      }
      BorderView.Crossing x = border.crossing(from[0], from[1], to[0], to[1]);
      if (x == null) {
        stayedOrApproached(a);
        continue;
      }
      long t = a.tMs() + Math.round(x.fraction() * (tTo - a.tMs()));
      if (waited) {
        // it stood near the line and crossed just before the track across began, at a walk
        double beyond = Math.abs(border.signedDistanceXY(best.x(), best.y()));
        t = Math.max(a.tMs(), tTo - Math.round(beyond / cfg.stitchMinSpeedMps() * 1000));
      }
      inferred(a, x, t, tTo, hits, ev);
    }
  }

  /**
   * A track lost near the line that did not cross: if a track left from about the same place on
   * the same side {@code minLoiterMs}..{@code maxDwellMs} later, the group stayed there unseen
   * (standing people are what Doppler radars miss): a loiter from the dwell time. Else the approach
   * it came with, if it was one.
   */
  private void stayedOrApproached(LooseEnd a) {
    Candidate c = a.approach();
    LooseStart leave = leaving(a);
    if (leave == null || leave.tMs() - a.tMs() < cfg.minLoiterMs()) {
      if (a.isApproach()) out.accept(c);
      return;
    }
    starts.remove(leave);
    double[] at = border.toLatLon(a.x(), a.y());
    out.accept(new Candidate(IncidentKind.LOITER, a.tMs(), c.startMs(), Math.max(c.endMs(), leave.tMs()), at[0], at[1],
        border.sectorOf(at[0], at[1]), border.sideOf(at[0], at[1]), true, Math.abs(border.signedDistanceXY(a.x(), a.y())),
        leave.tMs() - a.tMs(), c.sensorKinds(), c.cls(), c.clsShare(), c.meanConf(), c.hits() + leave.hits(), c.speedMps(),
        c.straightness(), 0, c.blueForceM(), c.trackId(), c.track(), Spill.union(List.of(c.evidence(), leave.evidence()))));
  }

  /**
   * A track lost near the line ({@code stayNearM}) after it walked in at walking pace, followed for
   * minutes ({@code stayMinArrivalHits}) and not called an animal or a vehicle, and tracks (weak
   * pieces too: a Doppler radar sees standing people now and then) beginning where it was lost, on
   * its side, up to {@code maxDwellMs} later, at walking pace, not called animals (a resting herd)
   * or vehicles, none of them walking on over the line: the group stood there. When that stay, from the lost track's arrival at the spot to the last one leaving it,
   * lasted {@code minLoiterMs}, it is a loiter, scored on the walk in; the tracks it took in make
   * nothing more. Returns whether it was.
   */
  private boolean stayed(LooseEnd a) {
    Candidate c = a.approach();
    if (c.speedMps() > maxWalkMps || !CandidateFinder.mayBePeople(c.cls())
        || Math.abs(border.signedDistanceXY(a.x(), a.y())) > cfg.stayNearM()) {
      return false;
    }
    Sighting arrival = null;
    long until = Long.MIN_VALUE;
    Set<Long> took = new HashSet<>();
    for (Sighting s : sightings) {
      if (s.trackId() == a.trackId()) {
        arrival = s;
        continue;
      }
      long dt = s.firstMs() - a.tMs();
      if (dt <= 0 || dt > cfg.maxDwellMs() || s.side() != a.side() || s.speedMps() > maxWalkMps || !s.person()
          || Math.hypot(s.x0() - a.x(), s.y0() - a.y()) > cfg.dwellRadiusM() + cfg.stitchSlackM()) {
        continue;
      }
      if (s.onward()) return false; // it waited and walked on: the later track tells the rest
      until = Math.max(until, s.leftMs());
      took.add(s.trackId());
    }
    // it walked in from elsewhere (a clutter field's track sits where it began)
    if (arrival == null || arrival.arrivedMs() <= arrival.firstMs()) return false;
    // followed for minutes on its walk in, or for less on a long straight walk to the spot (a Doppler radar
    // follows a group walking at it only on its last stretch; a herd grazes in short steps with turns)
    if (c.hits() < cfg.stayMinArrivalHits() && !walkedInStraight(arrival)) return false;
    long arrived = arrival.arrivedMs();
    if (took.isEmpty() || until - arrived < cfg.minLoiterMs()) return false;
    List<List<Source>> ev = new ArrayList<>(List.of(c.evidence()));
    int hits = c.hits();
    for (Iterator<LooseStart> it = starts.iterator(); it.hasNext(); ) {
      LooseStart b = it.next();
      if (took.contains(b.trackId())) {
        ev.add(b.evidence());
        hits += b.hits();
        it.remove();
      }
    }
    ends.removeIf(e -> took.contains(e.trackId()));
    double[] at = border.toLatLon(a.x(), a.y());
    out.accept(new Candidate(IncidentKind.LOITER, a.tMs(), c.startMs(), Math.max(c.endMs(), until), at[0], at[1],
        border.sectorOf(at[0], at[1]), border.sideOf(at[0], at[1]), true, Math.abs(border.signedDistanceXY(a.x(), a.y())),
        until - arrived, c.sensorKinds(), c.cls(), c.clsShare(), c.meanConf(), hits, c.speedMps(), c.straightness(), 0,
        c.blueForceM(), c.trackId(), c.track(), Spill.union(ev)));
    return true;
  }

  /**
   * A track of people on foot lost near the line ({@code stayNearM}) heading for it, with no partner
   * across it: if a track (a piece will do) began across the line {@code returnMinMs}..{@code
   * returnMaxMs} later and walked back towards it, ending near where the first was lost (within the
   * dwell radius plus the stitch slack), and then a good track left on the first one's side from near
   * where that one ended, the group went over unseen, stayed and came back: two inferred crossings,
   * over on the way from where it was lost to where it was seen across, at its pace, and back between
   * where it was seen across last and where it left. Without the walk seen across the line the pair
   * is a stay on this side (a loiter). Returns whether it was.
   */
  private boolean wentAndCameBack(LooseEnd a) {
    Candidate c = a.approach();
    if (c.speedMps() > maxWalkMps || !CandidateFinder.mayBePeople(c.cls())
        || Math.abs(border.signedDistanceXY(a.x(), a.y())) > cfg.stayNearM()) {
      return false;
    }
    double near = cfg.dwellRadiusM() + cfg.stitchSlackM();
    for (Toward t : towards) {
      long dt = t.firstMs() - a.tMs();
      if (t.side() == a.side() || dt < cfg.returnMinMs() || dt > cfg.returnMaxMs() || t.speedMps() > maxWalkMps
          || Math.hypot(t.x1() - a.x(), t.y1() - a.y()) > near) {
        continue;
      }
      LooseStart leave = null;
      for (LooseStart b : starts) {
        if (!b.good() || b.side() != a.side() || b.tMs() < t.lastMs() || b.tMs() - t.lastMs() > cfg.stitchWindowMs()
            || Math.hypot(b.x() - t.x1(), b.y() - t.y1()) > near) {
          continue;
        }
        if (leave == null || b.tMs() < leave.tMs()) leave = b;
      }
      if (leave == null) continue;
      double[] lost = border.toLatLon(a.x(), a.y()), across = border.toLatLon(t.x0(), t.y0());
      double[] back = border.toLatLon(t.x1(), t.y1()), left = border.toLatLon(leave.x(), leave.y());
      BorderView.Crossing over = border.crossing(lost[0], lost[1], across[0], across[1]);
      BorderView.Crossing again = border.crossing(back[0], back[1], left[0], left[1]);
      if (over == null || again == null) continue;
      starts.remove(leave);
      double pace = c.speedMps() > 0 ? c.speedMps() : cfg.stitchMinSpeedMps();
      double to = Math.hypot(t.x0() - a.x(), t.y0() - a.y()) * over.fraction();
      long tOver = Math.min(t.firstMs(), a.tMs() + Math.round(to / pace * 1000));
      long tBack = t.lastMs() + Math.round(again.fraction() * (leave.tMs() - t.lastMs()));
      List<Source> ev = Spill.union(List.of(c.evidence(), leave.evidence()));
      inferred(a, over, tOver, leave.tMs(), c.hits() + leave.hits(), ev);
      inferred(a, again, tBack, leave.tMs(), c.hits() + leave.hits(), ev);
      return true;
    }
    return false;
  }

  /**
   * Reports an inferred crossing {@code k} at {@code tMs} of the group {@code a} was lost from, followed
   * until {@code untilMs} (where it was found again, or where its course was projected to), on {@code
   * hits} hits and evidence {@code ev}; it is recorded as a return as much as a seen crossing is.
   */
  private void inferred(LooseEnd a, BorderView.Crossing k, long tMs, long untilMs, int hits, List<Source> ev) {
    Candidate c = a.approach();
    double[] at = border.toXY(k.lat(), k.lon());
    crossed.add(new Crossed(a.trackId(), tMs, at[0], at[1], k.to()));
    out.accept(new Candidate(IncidentKind.CROSSING, tMs, c.startMs(), Math.max(c.endMs(), untilMs), k.lat(), k.lon(),
        border.sectorOf(k.lat(), k.lon()), k.from() + "→" + k.to(), false, 0, 0, c.sensorKinds(), c.cls(), c.clsShare(),
        c.meanConf(), hits, c.speedMps(), c.straightness(), 1, c.blueForceM(), c.trackId(), c.track(), ev));
  }

  /** Whether a track walked far and straight to the spot where it ended ({@code stayWalkInM}, {@code stayWalkInStraightness}). */
  private boolean walkedInStraight(Sighting arrival) {
    return arrival.walkInM() >= cfg.stayWalkInM() && arrival.walkInStraightness() >= cfg.stayWalkInStraightness();
  }

  /**
   * When the people a track leaving from {@code start}'s place came to stay there, seen only in pieces:
   * with no track lost there to pair it with (chains of pieces aside: they pair only across the line),
   * at least {@code stayMinPieces} weak tracks beginning on its side within the dwell radius of where it
   * left, in the {@code maxDwellMs} before, at walking pace, not called animals or vehicles, the first
   * {@code minLoiterMs} or more before it left, and none of them walking on over the line (a group that
   * waited to cross). A Doppler radar loses people standing and sees them now and then; it followed
   * neither the walk in nor the stay. Else -1.
   */
  public long stayedAmidPieces(LooseStart start) {
    for (LooseEnd a : ends) {
      if (!a.partnerOnly() && near(a.tMs(), a.x(), a.y(), a.side(), start)) return -1; // the pair tells the stay
    }
    long first = Long.MAX_VALUE;
    int pieces = 0;
    for (Sighting s : sightings) {
      if (!s.weak() || s.trackId() == start.trackId() || !near(s.firstMs(), s.x0(), s.y0(), s.side(), start)
          || s.speedMps() > maxWalkMps || !s.person()) {
        continue;
      }
      if (s.onward()) return -1; // they waited there and walked on
      pieces++;
      first = Math.min(first, s.firstMs());
    }
    return pieces >= cfg.stayMinPieces() && start.tMs() - first >= cfg.minLoiterMs() ? first : -1;
  }

  /** Whether a track left from where {@code a} was lost, on its side, within the dwell window. */
  private boolean leftAgain(LooseEnd a) {
    return leaving(a) != null;
  }

  /** Whether a track began where {@code a} was lost, on its side, heading for the line, within the dwell window. */
  private boolean walkedOn(LooseEnd a) {
    for (LooseStart b : resumed) {
      long dt = b.tMs() - a.tMs();
      if (dt > 0 && dt <= cfg.maxDwellMs() && b.side() == a.side()
          && Math.hypot(b.x() - a.x(), b.y() - a.y()) <= cfg.dwellRadiusM()) {
        return true;
      }
    }
    return false;
  }

  /** The first track leaving from where {@code a} was lost, on the same side, up to {@code maxDwellMs} later; or null. */
  private LooseStart leaving(LooseEnd a) {
    LooseStart leave = null;
    for (LooseStart b : starts) {
      long dt = b.tMs() - a.tMs();
      if (dt <= 0 || dt > cfg.maxDwellMs() || b.side() != a.side()) continue;
      if (Math.hypot(b.x() - a.x(), b.y() - a.y()) > cfg.dwellRadiusM() + cfg.stitchSlackM()) continue;
      if (leave == null || b.tMs() < leave.tMs()) leave = b;
    }
    return leave;
  }

  /**
   * A good track found across the line where {@code a} was lost, within the dwell radius, up to
   * {@code maxDwellMs} later, when {@code a} (people on foot, lost within {@code stayNearM} of the
   * line) had no partner in its stitch window: a group that walked to the line, waited there unseen
   * (a Doppler radar loses people standing) for 20-40 min, and crossed. The earliest such start, or
   * null. Farther apart than the dwell radius (plus slack) they are two stories.
   */
  private LooseStart crossedAfterWaiting(LooseEnd a) {
    Candidate c = a.approach();
    if (c.speedMps() > maxWalkMps || !CandidateFinder.mayBePeople(c.cls())
        || Math.abs(border.signedDistanceXY(a.x(), a.y())) > cfg.stayNearM()) {
      return null;
    }
    LooseStart best = null;
    for (LooseStart b : starts) {
      long dt = b.tMs() - a.tMs();
      if (dt <= 0 || dt > cfg.maxDwellMs() || b.side() == a.side() || !b.good()) continue;
      if (Math.hypot(b.x() - a.x(), b.y() - a.y()) > cfg.dwellRadiusM() + cfg.stitchSlackM()) continue;
      if (best == null || b.tMs() < best.tMs()) best = b;
    }
    return best;
  }

  /**
   * Takes the waiting loose end that a weak track beginning at (x, y) on {@code side} at {@code tMs}
   * carries on: a good track (one that may infer alone) of people on foot, lost heading for the line on
   * that side up to {@code stitchWindowMs} before, with (x, y) ahead on its last course within walking
   * reach of where it was lost. A radar that followed a group to the line may follow its last stretch
   * and the crossing only as a weak echo (under a plot a scan); the weak echo is then that group, not a
   * herd's grazing step. Or such a track lost near the line ({@code stayNearM}), heading for it or not,
   * up to {@code maxDwellMs} before, with (x, y) within the dwell radius of where it was lost: the group
   * waited there unseen and set off over the line. Returns whether there was one; it waits no more.
   */
  public boolean carriedOn(long tMs, double x, double y, double side) {
    LooseStart b = new LooseStart(-1, tMs, x, y, side, 0, List.of());
    for (Iterator<LooseEnd> it = ends.iterator(); it.hasNext(); ) {
      LooseEnd a = it.next();
      long dt = tMs - a.tMs();
      if (!a.infersAlone() || a.partnerOnly() || a.side() != side || dt <= 0
          || a.approach().speedMps() > maxWalkMps || !CandidateFinder.mayBePeople(a.approach().cls())) {
        continue;
      }
      double speed = Math.max(cfg.stitchMinSpeedMps(), Math.hypot(a.vx(), a.vy()));
      double gap = Math.hypot(x - a.x(), y - a.y());
      boolean walkedOn = a.heading() && dt <= cfg.stitchWindowMs()
          && gap <= cfg.stitchSlackM() + cfg.stitchSpeedFactor() * speed * dt / 1000.0 && ahead(a, b);
      // or it waited near the line where it was lost (a Doppler radar loses people standing) and set off from there
      boolean waited = dt <= cfg.maxDwellMs() && Math.abs(border.signedDistanceXY(a.x(), a.y())) <= cfg.stayNearM()
          && gap <= cfg.dwellRadiusM();
      if (walkedOn || waited) {
        it.remove();
        return true;
      }
    }
    return false;
  }

  /** Whether {@code b} began ahead of {@code a} on its last course, within {@code PIECE_AHEAD_DEG}. */
  private static boolean ahead(LooseEnd a, LooseStart b) {
    double px = b.x() - a.x(), py = b.y() - a.y();
    double turn = Math.toDegrees(Math.abs(Math.atan2(a.vx() * py - a.vy() * px, a.vx() * px + a.vy() * py)));
    return turn <= PIECE_AHEAD_DEG;
  }

  /** The earliest start across the line, after the end, within its window and walking distance; or null. */
  private LooseStart partner(LooseEnd a) {
    LooseStart best = null;
    // a short chain's speed is a guess from a minute or two of sparse plots: a walker's pace, over a shorter window
    double speed = a.goodPartnerOnly() ? cfg.stitchMinSpeedMps() : Math.max(cfg.stitchMinSpeedMps(), Math.hypot(a.vx(), a.vy()));
    // a vehicle is through a hole of two stitch distances (lost near the line, found near it across) in
    // minutes; given the walker's 20 min it was paired with any traffic across the line
    long window = a.goodPartnerOnly() ? PIECE_WINDOW_MS
        : speed > maxWalkMps ? coastMs + Math.round(2 * cfg.stitchNearM() / speed * 1000) : cfg.stitchWindowMs();
    for (LooseStart b : starts) {
      long dt = b.tMs() - a.tMs();
      if (dt <= 0 || dt > window || b.side() == a.side()) continue;
      double gap = Math.hypot(b.x() - a.x(), b.y() - a.y());
      if (gap > cfg.stitchSlackM() + cfg.stitchSpeedFactor() * speed * dt / 1000.0) continue;
      if (a.goodPartnerOnly() && !(b.good() && ahead(a, b))) continue;
      if (best == null || b.tMs() < best.tMs()) best = b;
    }
    return best;
  }
}
