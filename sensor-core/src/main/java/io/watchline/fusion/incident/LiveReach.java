package io.watchline.fusion.incident;

import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.track.Track;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Live fusion: where the tracks still alive and the loose ends still waiting may yet put incident
 * candidates, so that a finished crossing far from all of them is final at once instead of waiting
 * for every older track to end.
 *
 * <p>A live track's candidates lie on its path (a crossing point between two positions, a closest
 * approach, a dwell centre, where it was lost), at or after their event time, or beyond its last
 * position. Its path is kept as one box per minute, so a candidate only has to keep clear of the
 * part of the path from its own time on. A loose end's inferred crossing lies within walking
 * distance of where it was lost, within its stitch window. Fed by the fusion engine's track
 * callbacks; memory: a box per minute of each live track.
 */
public final class LiveReach {
  /** Data time one path box covers, ms. */
  private static final long CHUNK_MS = 60_000;

  private final Map<Long, Path> tracks = new HashMap<>();
  private final BorderView border;
  private final IncidentConfig cfg;
  private final long coastMs;

  /** A live track's path: boxes of successive minutes, each also holding the position before it. */
  private static final class Path implements FutureCandidates {
    final List<Reach> boxes = new ArrayList<>();
    long firstMs;
    long anywhereFromMs = Long.MAX_VALUE;
    double lastLat, lastLon;

    void add(long tMs, double lat, double lon) {
      Reach last = boxes.isEmpty() ? null : boxes.get(boxes.size() - 1);
      if (last != null && tMs - last.fromMs() < CHUNK_MS) {
        Reach r = last.with(lat, lon);
        boxes.set(boxes.size() - 1, new Reach(r.fromMs(), Math.max(r.untilMs(), tMs), r.minLat(), r.maxLat(), r.minLon(),
            r.maxLon(), Long.MAX_VALUE, 0));
      } else {
        Reach r = new Reach(tMs, tMs, lat, lat, lon, lon, Long.MAX_VALUE, 0);
        // the way from the previous position belongs to this minute too (a crossing point on it)
        boxes.add(last == null ? r : r.with(lastLat, lastLon));
      }
      lastLat = lat;
      lastLon = lon;
    }

    @Override
    public boolean mayMeet(Candidate c, double mergeM, long mergeMs, double marginM) {
      long latest = c.tMs() + mergeMs;
      if (latest < firstMs) return false;
      if (latest >= anywhereFromMs) return true;
      long earliest = c.tMs() - mergeMs;
      for (Reach b : boxes) {
        if (b.untilMs() >= earliest && b.metresTo(c) <= mergeM + marginM) return true;
      }
      return false;
    }
  }

  /**
   * @param border the local plane of loose ends
   * @param cfg the stitch window, slack and walking speeds
   * @param coastMs how long a lost track is projected on its course, ms
   */
  public LiveReach(BorderView border, IncidentConfig cfg, long coastMs) {
    this.border = border;
    this.cfg = cfg;
    this.coastMs = coastMs;
  }

  /** A track's filtered position at {@code tMs} (first call: the track began at {@code firstMs}). */
  public void seen(long trackId, long firstMs, long tMs, double lat, double lon) {
    Path p = tracks.computeIfAbsent(trackId, id -> new Path());
    p.firstMs = p.boxes.isEmpty() ? firstMs : Math.min(p.firstMs, firstMs);
    p.add(tMs, lat, lon);
  }

  /** The kept track takes over the folded one's path. */
  public void merged(long gone, long into) {
    Path g = tracks.remove(gone), k = tracks.get(into);
    if (g != null && k != null) {
      k.boxes.addAll(g.boxes);
      k.firstMs = Math.min(k.firstMs, g.firstMs);
    }
  }

  /** The track closed: its candidates are out (or with the stitcher). */
  public void closed(long trackId) {
    tracks.remove(trackId);
  }

  /**
   * Hands on what is final: resolves the loose ends no track can partner any more, then lets the
   * assembler finalise every group out of reach of what is still live.
   *
   * @param unbornMs no track still to come begins before this (the engine's birth margin)
   */
  public void release(long unbornMs, List<Track> live, CrossingStitcher stitcher, IncidentAssembler assembler)
      throws IOException {
    stitcher.settle(Math.min(stitchBirth(unbornMs, live, stitcher.pending()), returnBirth(live, stitcher.pendingReturns())));
    List<Candidate> approaches = new ArrayList<>();
    for (CrossingStitcher.LooseEnd e : stitcher.pending()) {
      if (e.isApproach()) approaches.add(e.approach()); // reported as it is unless a crossing is inferred
    }
    List<FutureCandidates> reach = reaches(live, unbornMs, stitcher.pending());
    for (CrossingStitcher.Went w : stitcher.pendingReturns()) {
      // a crossing back lies between where it was lost and a track found near the line, along the line within the slack
      double[] ll = border.toLatLon(w.x(), w.y());
      reach.add(Reach.around(w.tMs(), w.crossedMs() + cfg.returnMaxMs(), ll[0], ll[1],
          Math.abs(border.signedDistanceXY(w.x(), w.y())) + cfg.stitchNearM() + cfg.stitchSlackM(), 0));
    }
    assembler.advanceLive(unbornMs, reach, approaches);
  }

  /**
   * How far the stitcher may look for returns: not past the window of a track that went over while
   * a live track that began inside it (its return, perhaps) has not ended.
   */
  private long returnBirth(List<Track> live, List<CrossingStitcher.Went> wents) {
    long bound = Long.MAX_VALUE;
    for (CrossingStitcher.Went w : wents) {
      long windowEnd = w.crossedMs() + cfg.returnMaxMs();
      for (Track t : live) {
        if (t.firstMs() > w.tMs() && t.firstMs() <= windowEnd) {
          bound = Math.min(bound, windowEnd);
          break;
        }
      }
    }
    return bound;
  }

  /**
   * How far the stitcher may resolve loose ends. Batch resolves one once every track that began
   * before its window closed has ended; but only a track that begins inside the window, within
   * walking distance, can be its partner, and the ends are resolved in time order (an earlier end
   * takes a partner first). So the bound stops at the first end (by time) that a live track could
   * still partner; it never passes a track still to begin, nor a live track's last position (its
   * own loose end, if it is lost, comes after).
   */
  private long stitchBirth(long unbornMs, List<Track> live, List<CrossingStitcher.LooseEnd> pending) {
    long bound = unbornMs;
    for (Track t : live) bound = Math.min(bound, t.lastMs());
    List<CrossingStitcher.LooseEnd> ends = new ArrayList<>(pending);
    ends.sort(java.util.Comparator.comparingLong(CrossingStitcher.LooseEnd::tMs));
    for (CrossingStitcher.LooseEnd e : ends) {
      long windowEnd = e.tMs() + cfg.stitchWindowMs();
      if (windowEnd >= bound) break; // this one and every later one wait anyway
      double speed = Math.max(cfg.stitchMinSpeedMps(), Math.hypot(e.vx(), e.vy()));
      for (Track t : live) {
        long dt = t.firstMs() - e.tMs();
        if (dt <= 0 || dt > cfg.stitchWindowMs() || t.points() == 0) continue;
        double gap = Math.hypot(t.pointX(0) - e.x(), t.pointY(0) - e.y());
        if (gap <= cfg.stitchSlackM() + cfg.stitchSpeedFactor() * speed * dt / 1000.0) {
          return Math.min(bound, windowEnd); // a possible partner: this end and the later ones wait
        }
      }
    }
    return bound;
  }

  /** What every live track and waiting loose end may still deliver. */
  private List<FutureCandidates> reaches(List<Track> live, long unbornMs, List<CrossingStitcher.LooseEnd> ends) {
    List<FutureCandidates> out = new ArrayList<>(live.size() + 2 * ends.size());
    for (Track t : live) {
      Path p = tracks.get(t.id());
      if (p == null) { // never placed (should not happen): anywhere since its start
        out.add(Reach.anywhere(t.firstMs()));
        continue;
      }
      p.firstMs = Math.min(p.firstMs, t.firstMs());
      p.anywhereFromMs = unbornMs; // positions still to come: none older than this
      out.add(p);
    }
    for (CrossingStitcher.LooseEnd e : ends) {
      // a stitched crossing at time t lies on the way from where the track was lost to its partner
      // (or its coasted position): within the slack plus the walking allowance for t - lost
      double v = Math.hypot(e.vx(), e.vy());
      double grow = Math.max(cfg.stitchSpeedFactor() * Math.max(cfg.stitchMinSpeedMps(), v), v);
      double[] ll = border.toLatLon(e.x(), e.y());
      long until = e.tMs() + Math.max(cfg.stitchWindowMs(), coastMs); // a partner within the window, or the coast
      out.add(Reach.around(e.tMs(), until, ll[0], ll[1], cfg.stitchSlackM(), grow));
      // or no crossing: the approach it came with
      Candidate c = e.approach();
      out.add(Reach.around(c.tMs(), c.tMs(), c.lat(), c.lon(), 0, 0));
    }
    return out;
  }

  /** Live tracks known. */
  public int size() {
    return tracks.size();
  }
}
