package io.watchline.fusion.incident;

import io.watchline.fusion.border.BorderView;
import io.watchline.incident.IncidentKind;
import io.watchline.observation.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
   */
  public record LooseEnd(long trackId, long tMs, double x, double y, double vx, double vy, double side, Candidate approach,
      boolean isApproach) {}

  /**
   * A track that began near the line heading away from it.
   *
   * @param side the side it began on (±1)
   * @param hits its measurement count
   * @param evidence its observations' sources
   */
  public record LooseStart(long trackId, long tMs, double x, double y, double side, int hits, List<Source> evidence) {}

  private final BorderView border;
  private final IncidentConfig cfg;
  private final long coastMs;
  private final Consumer<Candidate> out;
  private final List<LooseEnd> ends = new ArrayList<>();
  private final List<LooseStart> starts = new ArrayList<>();

  /**
   * @param border the line and the local plane
   * @param cfg stitch window, slack and speeds
   * @param coastMs how long a lost track is projected on its last course, ms (the tracker's coast limit)
   * @param out receives the inferred crossings and the approaches that stay approaches
   */
  public CrossingStitcher(BorderView border, IncidentConfig cfg, long coastMs, Consumer<Candidate> out) {
    this.border = border;
    this.cfg = cfg;
    this.coastMs = coastMs;
    this.out = out;
  }

  /** Adds a track lost near the line; it waits for a partner until its window has closed. */
  public void lost(LooseEnd end) {
    ends.add(end);
  }

  /** Adds a track found near the line. */
  public void found(LooseStart start) {
    starts.add(start);
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
    long bound = birth;
    for (LooseEnd e : ends) {
      bound = Math.min(bound, e.approach().startMs());
    }
    // a start can serve only a later end; ends to come are at or after birth
    long oldestEnd = ends.isEmpty() ? birth : Math.min(birth, ends.get(0).tMs());
    starts.removeIf(b -> b.tMs() <= oldestEnd);
    return bound;
  }

  /** Resolves every loose end (end of input). */
  public void finish() {
    resolve(Long.MAX_VALUE);
  }

  /** The loose ends still waiting (a view; live fusion bounds where they may yet put a crossing). */
  public List<LooseEnd> pending() {
    return java.util.Collections.unmodifiableList(ends);
  }

  /** Loose ends still waiting. */
  public int pendingEnds() {
    return ends.size();
  }

  /** Loose starts still held. */
  public int pendingStarts() {
    return starts.size();
  }

  /**
   * Pairs loose ends (in time order) whose stitch window closed before {@code birth} with loose
   * starts across the line (inferred crossings); the rest stay approaches.
   */
  private void resolve(long birth) {
    ends.sort(Comparator.comparingLong(LooseEnd::tMs));
    while (!ends.isEmpty() && (birth == Long.MAX_VALUE || ends.get(0).tMs() + cfg.stitchWindowMs() < birth)) {
      LooseEnd a = ends.remove(0);
      LooseStart best = partner(a);
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
        double coast = coastMs / 1000.0;
        to = border.toLatLon(a.x() + a.vx() * coast, a.y() + a.vy() * coast);
        tTo = a.tMs() + coastMs;
      }
      BorderView.Crossing x = border.crossing(from[0], from[1], to[0], to[1]);
      if (x == null) {
        if (a.isApproach()) out.accept(c);
        continue;
      }
      long t = a.tMs() + Math.round(x.fraction() * (tTo - a.tMs()));
      out.accept(new Candidate(IncidentKind.CROSSING, t, c.startMs(), Math.max(c.endMs(), tTo), x.lat(), x.lon(),
          border.sectorOf(x.lat(), x.lon()), x.from() + "→" + x.to(), false, 0, 0, c.sensorKinds(), c.cls(), c.clsShare(),
          c.meanConf(), hits, c.speedMps(), c.straightness(), 1, c.blueForceM(), c.trackId(), c.track(), ev));
    }
  }

  /** The earliest start across the line, after the end, within its window and walking distance; or null. */
  private LooseStart partner(LooseEnd a) {
    LooseStart best = null;
    double speed = Math.max(cfg.stitchMinSpeedMps(), Math.hypot(a.vx(), a.vy()));
    for (LooseStart b : starts) {
      long dt = b.tMs() - a.tMs();
      if (dt <= 0 || dt > cfg.stitchWindowMs() || b.side() == a.side()) continue;
      double gap = Math.hypot(b.x() - a.x(), b.y() - a.y());
      if (gap > cfg.stitchSlackM() + cfg.stitchSpeedFactor() * speed * dt / 1000.0) continue;
      if (best == null || b.tMs() < best.tMs()) best = b;
    }
    return best;
  }
}
