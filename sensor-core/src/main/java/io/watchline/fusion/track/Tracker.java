package io.watchline.fusion.track;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Multi-target tracker: per scan, predict every live track, gate measurements by Mahalanobis
 * distance, assign by global nearest neighbour (Hungarian on the gated costs), update, start
 * tentative tracks from what is left, confirm M-of-N, close tracks that coast too long. Feed track
 * ids (ASTERIX CAT062 and friends) are kept: such measurements go straight to their track.
 */
public final class Tracker {
  /** Receives track life-cycle events, in time order. */
  public interface Listener {
    /** A measurement moved the track (called for tentative and confirmed tracks). */
    void updated(Track track, Measurement m);

    /** The track was closed; {@code confirmed()} tells whether it ever became a real track. */
    void closed(Track track);

    /** {@code gone} followed the same target as {@code into} and was folded into it. */
    default void merged(Track gone, Track into) {}
  }

  private static final double NOT_ALLOWED = 1e9;

  private final TrackerConfig cfg;
  private final Listener listener;
  private final List<Track> live = new ArrayList<>();
  private final Map<String, Track> byFeedTrack = new HashMap<>();
  private long nextId = 1;
  private long created;
  private long confirmedCount;
  private long merged;

  public Tracker(TrackerConfig cfg, Listener listener) {
    this.cfg = cfg;
    this.listener = listener;
  }

  /** Processes one scan: measurements taken at about the same time by one sensor. */
  public void scan(List<Measurement> scan, long tMs) {
    List<Measurement> plots = new ArrayList<>(scan.size());
    for (Measurement m : scan) {
      if (m.feedTrack() != null) {
        feedUpdate(m);
      } else {
        plots.add(m);
      }
    }
    if (plots.isEmpty()) {
      return;
    }
    List<Track> candidates = new ArrayList<>(live.size());
    for (Track t : live) {
      if (t.feedTrack() == null) {
        predict(t, tMs);
        candidates.add(t);
      }
    }
    boolean[] used = new boolean[plots.size()];
    if (!candidates.isEmpty()) {
      double[][] cost = new double[candidates.size()][plots.size()];
      boolean any = false;
      for (int r = 0; r < candidates.size(); r++) {
        CvFilter f = candidates.get(r).filter;
        for (int c = 0; c < plots.size(); c++) {
          Measurement m = plots.get(c);
          double d2 = f.innovation(m.x(), m.y(), m.rxx(), m.rxy(), m.ryy());
          if (d2 <= cfg.gateChi2()) {
            // prefer confirmed tracks over tentative ones competing for the same plot
            cost[r][c] = d2 + (candidates.get(r).confirmed() ? 0 : 1);
            any = true;
          } else {
            cost[r][c] = NOT_ALLOWED;
          }
        }
      }
      if (any) {
        int[] assign = Hungarian.solve(cost);
        for (int r = 0; r < assign.length; r++) {
          int c = assign[r];
          if (c >= 0 && cost[r][c] < NOT_ALLOWED) {
            Track t = candidates.get(r);
            t.update(plots.get(c));
            used[c] = true;
            afterUpdate(t, plots.get(c));
          }
        }
      }
    }
    for (int c = 0; c < plots.size(); c++) {
      if (!used[c] && !nearConfirmed(plots.get(c), candidates)) {
        Track t = new Track(nextId++, plots.get(c), cfg.initSpeedSigma());
        created++;
        live.add(t);
        afterUpdate(t, plots.get(c));
      }
    }
  }

  /**
   * A plot just outside a confirmed track's gate (a second plot of the same target, a multipath
   * echo, a group member) would start a duplicate track; it seeds nothing.
   */
  private boolean nearConfirmed(Measurement m, List<Track> candidates) {
    for (Track t : candidates) {
      if (t.confirmed() && t.filter.innovation(m.x(), m.y(), m.rxx(), m.rxy(), m.ryy()) <= 2 * cfg.gateChi2()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Folds confirmed tracks that follow the same target into the older one: closer than {@code
   * maxDistM} with velocities differing by less than {@code maxSpeedDiffMps} (a feed track and the
   * track built from another radar's plots, or two tracks on one group).
   */
  public void mergeDuplicates(long nowMs, double maxDistM, double maxSpeedDiffMps) {
    for (int i = 0; i < live.size(); i++) {
      Track a = live.get(i);
      if (!a.confirmed()) continue;
      double[] pa = predictedPosition(a, nowMs);
      for (int j = i + 1; j < live.size(); j++) {
        Track b = live.get(j);
        if (!b.confirmed()) continue;
        double[] pb = predictedPosition(b, nowMs);
        if (Math.hypot(pa[0] - pb[0], pa[1] - pb[1]) > maxDistM) continue;
        if (Math.hypot(a.filter.vx() - b.filter.vx(), a.filter.vy() - b.filter.vy()) > maxSpeedDiffMps) continue;
        Track keep = a.id() < b.id() ? a : b;
        Track gone = keep == a ? b : a;
        keep.absorb(gone);
        if (gone.feedTrack() != null) {
          byFeedTrack.put(gone.feedTrack(), keep);
        }
        live.remove(gone);
        merged++;
        listener.merged(gone, keep);
        i = -1; // the list changed: start again (merges are rare)
        break;
      }
    }
  }

  private void feedUpdate(Measurement m) {
    Track t = byFeedTrack.get(m.feedTrack());
    if (t == null) {
      t = new Track(nextId++, m, cfg.initSpeedSigma());
      created++;
      // the feed already confirmed it
      t.confirm();
      confirmedCount++;
      byFeedTrack.put(m.feedTrack(), t);
      live.add(t);
    } else {
      predict(t, m.tMs());
      t.update(m);
    }
    listener.updated(t, m);
  }

  private void afterUpdate(Track t, Measurement m) {
    if (!t.confirmed()
        && t.hits() >= cfg.confirmHits()
        && m.tMs() - t.firstMs() <= cfg.confirmWindowMs()) {
      t.confirm();
      confirmedCount++;
    }
    listener.updated(t, m);
  }

  private void predict(Track t, long tMs) {
    double dt = (tMs - t.filterMs) / 1000.0;
    if (dt > 0) {
      t.filter.predict(dt, cfg.accelNoise());
      t.filterMs = tMs;
    }
  }

  /** Closes tracks that are stale at {@code nowMs}: tentative ones past the window, confirmed ones past the coast limit. */
  public void expire(long nowMs) {
    Iterator<Track> it = live.iterator();
    while (it.hasNext()) {
      Track t = it.next();
      boolean stale =
          t.confirmed()
              ? nowMs - t.lastMs() > cfg.maxCoastMs()
              : nowMs - t.firstMs() > cfg.confirmWindowMs();
      if (stale) {
        it.remove();
        byFeedTrack.values().removeIf(v -> v == t);
        listener.closed(t);
      }
    }
  }

  /** Closes every live track (end of input). */
  public void closeAll() {
    List<Track> all = new ArrayList<>(live);
    live.clear();
    byFeedTrack.clear();
    for (Track t : all) {
      listener.closed(t);
    }
  }

  /** Live tracks, confirmed and tentative; do not modify. */
  public List<Track> live() {
    return live;
  }

  /** Position of a track predicted to {@code tMs} without changing it: {x, y}. */
  public static double[] predictedPosition(Track t, long tMs) {
    double dt = Math.max(0, (tMs - t.filterMs) / 1000.0);
    return new double[] {t.filter.x() + t.filter.vx() * dt, t.filter.y() + t.filter.vy() * dt};
  }

  public long created() { return created; }
  public long confirmedCount() { return confirmedCount; }
  public long merged() { return merged; }
}
