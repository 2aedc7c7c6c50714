package io.watchline.fusion.track;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
  /** No gate is wider than this (metres) plus what the fastest target covers since its last update. */
  private static final double COARSE_GATE_M = 2_000;
  private static final double MAX_SPEED_MPS = 60;

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
    // coarse pre-gate: tracks far from every plot of this scan cannot be assigned; they are not
    // even predicted (CV prediction composes exactly, so predicting later in one step is the same)
    double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
    for (Measurement m : plots) {
      minX = Math.min(minX, m.x());
      maxX = Math.max(maxX, m.x());
      minY = Math.min(minY, m.y());
      maxY = Math.max(maxY, m.y());
    }
    List<Track> candidates = new ArrayList<>();
    for (Track t : live) {
      if (t.feedTrack() != null) continue;
      double reach = COARSE_GATE_M + MAX_SPEED_MPS * Math.abs(tMs - t.filterMs) / 1000.0;
      double x = t.filter.x(), y = t.filter.y();
      if (x < minX - reach || x > maxX + reach || y < minY - reach || y > maxY + reach) continue;
      predict(t, tMs);
      candidates.add(t);
    }
    boolean[] used = new boolean[plots.size()];
    Map<Track, Measurement> assigned = new IdentityHashMap<>();
    if (!candidates.isEmpty()) {
      // gate first, then solve the assignment only over tracks and plots that share a gate
      double[][] d2 = new double[candidates.size()][];
      List<Integer> rows = new ArrayList<>();
      boolean[] colGated = new boolean[plots.size()];
      for (int r = 0; r < candidates.size(); r++) {
        CvFilter f = candidates.get(r).filter;
        double[] row = null;
        for (int c = 0; c < plots.size(); c++) {
          Measurement m = plots.get(c);
          double d = f.innovation(m.x(), m.y(), m.rxx(), m.rxy(), m.ryy());
          if (d <= cfg.gateChi2()) {
            if (row == null) {
              row = new double[plots.size()];
              java.util.Arrays.fill(row, NOT_ALLOWED);
            }
            // prefer confirmed tracks over tentative ones competing for the same plot
            row[c] = d + (candidates.get(r).confirmed() ? 0 : 1);
            colGated[c] = true;
          }
        }
        if (row != null) {
          d2[r] = row;
          rows.add(r);
        }
      }
      if (!rows.isEmpty()) {
        List<Integer> cols = new ArrayList<>();
        for (int c = 0; c < plots.size(); c++) {
          if (colGated[c]) cols.add(c);
        }
        double[][] cost = new double[rows.size()][cols.size()];
        for (int i = 0; i < rows.size(); i++) {
          for (int j = 0; j < cols.size(); j++) {
            cost[i][j] = d2[rows.get(i)][cols.get(j)];
          }
        }
        int[] assign = Hungarian.solve(cost);
        for (int i = 0; i < assign.length; i++) {
          int j = assign[i];
          if (j >= 0 && cost[i][j] < NOT_ALLOWED) {
            Track t = candidates.get(rows.get(i));
            Measurement m = plots.get(cols.get(j));
            t.update(m);
            assigned.put(t, m);
            used[cols.get(j)] = true;
            afterUpdate(t, m);
          }
        }
      }
    }
    for (int c = 0; c < plots.size(); c++) {
      if (!used[c] && !nearConfirmed(plots.get(c), candidates, assigned)) {
        Track t = new Track(nextId++, plots.get(c), cfg.initSpeedSigma());
        created++;
        live.add(t);
        afterUpdate(t, plots.get(c));
      }
    }
  }

  /**
   * A plot just outside a confirmed track's gate (a second plot of the same target, a multipath
   * echo, a group member) would start a duplicate track; it seeds nothing. Unless the track got
   * its own plot in this scan and this one lies more than {@link #SECOND_OBJECT_M} from it: a radar
   * reports one plot per object per scan, so that is a second object (a group walking close
   * behind another), which must get its own track.
   */
  private boolean nearConfirmed(Measurement m, List<Track> candidates, Map<Track, Measurement> assigned) {
    for (Track t : candidates) {
      if (t.confirmed() && t.filter.innovation(m.x(), m.y(), m.rxx(), m.rxy(), m.ryy()) <= 2 * cfg.gateChi2()) {
        Measurement own = assigned.get(t);
        if (own != null && Math.hypot(own.x() - m.x(), own.y() - m.y()) > SECOND_OBJECT_M) {
          continue;
        }
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code young} began as a target of its own: its first point more than {@link
   * #DISTINCT_M} from where {@code old} was then. A duplicate (a second radar's track on the same
   * target, a second track on one group) begins next to the track it duplicates.
   */
  static boolean beganApart(Track old, Track young) {
    long t = young.firstMs();
    int n = old.points();
    if (n == 0 || old.pointT(0) > t) {
      return false;
    }
    int lo = 0, hi = n - 1; // last point of old at or before t
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (old.pointT(mid) <= t) lo = mid; else hi = mid - 1;
    }
    return Math.hypot(old.pointX(lo) - young.pointX(0), old.pointY(lo) - young.pointY(0)) > DISTINCT_M;
  }

  /** Tracks that began farther apart than this followed two targets. */
  static final double DISTINCT_M = 150;

  /** Plots of one scan farther apart than this are two objects, not one group's spread. */
  static final double SECOND_OBJECT_M = 80;

  /**
   * Folds confirmed tracks that follow the same target into the older one: closer than {@code
   * maxDistM} with velocities differing by less than {@code maxSpeedDiffMps} (a feed track and the
   * track built from another radar's plots, or two tracks on one group).
   */
  public void mergeDuplicates(long nowMs, double maxDistM, double maxSpeedDiffMps) {
    // sweep over tracks sorted by predicted x: only neighbours within maxDistM in x are compared
    List<Track> conf = new ArrayList<>();
    for (Track t : live) {
      if (t.confirmed()) conf.add(t);
    }
    int n = conf.size();
    if (n < 2) return;
    double[] px = new double[n], py = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      double[] p = predictedPosition(conf.get(i), nowMs);
      px[i] = p[0];
      py[i] = p[1];
      order[i] = i;
    }
    java.util.Arrays.sort(order, (u, v) -> Double.compare(px[u], px[v]));
    double d2max = maxDistM * maxDistM, v2max = maxSpeedDiffMps * maxSpeedDiffMps;
    java.util.Set<Track> gone = new java.util.HashSet<>();
    for (int i = 0; i < n; i++) {
      int a = order[i];
      for (int j = i + 1; j < n && px[order[j]] - px[a] <= maxDistM; j++) {
        int b = order[j];
        double dy = py[b] - py[a], dx = px[b] - px[a];
        if (dx * dx + dy * dy > d2max) continue;
        Track ta = conf.get(a), tb = conf.get(b);
        if (gone.contains(ta) || gone.contains(tb)) continue;
        double dvx = ta.filter.vx() - tb.filter.vx(), dvy = ta.filter.vy() - tb.filter.vy();
        if (dvx * dvx + dvy * dvy > v2max) continue;
        Track keep = ta.id() < tb.id() ? ta : tb;
        Track drop = keep == ta ? tb : ta;
        if (drop.feedTrack() != null) {
          byFeedTrack.put(drop.feedTrack(), keep);
        }
        gone.add(drop);
        if (beganApart(keep, drop)) {
          // two targets that met (a group catching up with another): the younger one's story so
          // far is its own; it ends here and the older track follows them on
          listener.closed(drop);
        } else {
          keep.absorb(drop);
          merged++;
          listener.merged(drop, keep);
        }
      }
    }
    if (!gone.isEmpty()) {
      live.removeAll(gone);
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
