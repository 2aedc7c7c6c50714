package io.watchline.fusion.track;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Multi-target tracker in the border's local plane. Each scan runs the {@link Stages}: the {@link
 * Gate} predicts the tracks near the plots and scores the pairs inside the gate, the {@link
 * Assigner} picks which plot updates which track, the {@link Initiator} starts tentative tracks
 * from what is left and confirms them, and {@link #expire} closes what the {@link Deleter} calls
 * stale. Feed track ids (ASTERIX CAT062 and friends) are kept: such measurements go straight to
 * their track. Times are epoch milliseconds, positions metres.
 *
 * <p>Not thread-safe: one tracker belongs to one fusion run and its thread.
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

  /**
   * The swappable parts of the tracker: how a track's motion is estimated, and the gate → assign →
   * initiate/confirm → delete stages of a scan. Stages may keep state: give each tracker its own.
   *
   * @param filters makes each new track's motion filter
   * @param gate predicts the tracks near a scan and scores the pairs inside the gate
   * @param assigner picks which plot updates which track
   * @param initiator starts tentative tracks from unassigned plots and confirms them
   * @param deleter says when a live track is stale
   */
  public record Stages(MotionFilter.Factory filters, Gate gate, Assigner assigner, Initiator initiator, Deleter deleter) {
    /** Constant-velocity Kalman filters, Mahalanobis gate, global nearest neighbour, M-of-N, coasting limit. */
    public static Stages standard(TrackerConfig cfg) {
      return new Stages(CvFilter.factory(cfg.accelNoiseM2PerS3(), cfg.initSpeedSigmaMps()), new MahalanobisGate(cfg),
          new GlobalNearestNeighbour(), new MOfNInitiator(cfg), Deleter.coasting(cfg));
    }
  }

  private final TrackerConfig cfg;
  private final Stages stages;
  private final Listener listener;
  private final LiveTracks live = new LiveTracks();
  private final Map<String, Track> byFeedTrack = new HashMap<>();
  private final FeedSplits feedSplits;
  private long nextId = 1;
  private long created;
  private long confirmedCount;
  private long merged;
  private long splits;

  /** A tracker with the {@linkplain Stages#standard standard stages}. */
  public Tracker(TrackerConfig cfg, Listener listener) {
    this(cfg, Stages.standard(cfg), listener);
  }

  /**
   * @param cfg parameters (duplicate folding reads them; the stages were made from them or not)
   * @param stages the filter factory and the scan stages
   * @param listener receives track updates, merges and closures, in time order
   */
  public Tracker(TrackerConfig cfg, Stages stages, Listener listener) {
    this.cfg = cfg;
    this.stages = stages;
    this.listener = listener;
    this.feedSplits = new FeedSplits(cfg);
  }

  /**
   * Processes one scan: measurements taken at about the same time by one sensor. Plots with a
   * feed track id go to that track; the others are gated, assigned, and the unassigned ones may
   * start tentative tracks.
   *
   * @param scan the scan's measurements (not modified)
   * @param tMs the scan time, epoch ms (tracks are predicted to it)
   */
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
    GatedScan gated = stages.gate().gate(live, plots, tMs);
    boolean[] used = new boolean[plots.size()];
    Map<Track, Measurement> assigned = Map.of();
    if (!gated.empty()) {
      List<Assigner.Pair> pairs = stages.assigner().assign(gated);
      assigned = new IdentityHashMap<>(pairs.size());
      for (Assigner.Pair p : pairs) {
        Measurement m = plots.get(p.plot());
        p.track().update(m);
        assigned.put(p.track(), m);
        used[p.plot()] = true;
        afterUpdate(p.track(), m);
      }
    }
    for (int c = 0; c < plots.size(); c++) {
      if (!used[c] && stages.initiator().seeds(plots.get(c), gated, assigned)) {
        Track t = new Track(nextId++, plots.get(c), stages.filters());
        created++;
        live.add(t);
        afterUpdate(t, plots.get(c));
      }
    }
  }

  /**
   * Whether {@code young} began as a target of its own: its first point more than {@code
   * distinctM} from where {@code old} was then. A duplicate (a second radar's track on the same
   * target, a second track on one group) begins next to the track it duplicates.
   */
  static boolean beganApart(Track old, Track young, double distinctM) {
    int own = young.ownFrom(); // a track that split from another began where they parted
    long t = young.pointT(own);
    int n = old.points();
    if (n == 0 || old.pointT(0) > t) {
      return false;
    }
    int lo = 0, hi = n - 1; // last point of old at or before t
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (old.pointT(mid) <= t) lo = mid; else hi = mid - 1;
    }
    return Math.hypot(old.pointX(lo) - young.pointX(own), old.pointY(lo) - young.pointY(own)) > distinctM;
  }

  /**
   * Folds confirmed tracks that follow the same target into the older one: predicted to {@code
   * nowMs} closer than {@code duplicateDistanceM} with velocities differing by less than {@code
   * duplicateSpeedDiffMps} (a feed track and the track built from another radar's plots, or two
   * tracks on one group). A younger track that began more than {@code distinctStartM} from the
   * older one is closed with its own history instead (two groups that met).
   */
  public void mergeDuplicates(long nowMs) {
    double maxDistM = cfg.duplicateDistanceM(), maxSpeedDiffMps = cfg.duplicateSpeedDiffMps();
    // sweep over tracks sorted by predicted x: only neighbours within maxDistM in x are compared
    List<Track> conf = new ArrayList<>();
    for (Track t : live) {
      if (t.confirmed()) conf.add(t);
    }
    int n = conf.size();
    if (n < 2) return;
    double[] px = new double[n], py = new double[n];
    for (int i = 0; i < n; i++) {
      double[] p = predictedPosition(conf.get(i), nowMs);
      px[i] = p[0];
      py[i] = p[1];
    }
    int[] order = byValue(px);
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
        boolean apart = beganApart(keep, drop, cfg.distinctStartM());
        if (apart && drop.feedTrack() != null && keep.feedTrack() == null) {
          // two targets met, the younger reported by a radar's own number: the number follows its
          // object on (a walker passing a clutter spot's plot track), and the plot track's story
          // ends here; else the walker's later reports all went to the spot's track
          keep = drop;
          drop = keep == ta ? tb : ta;
        }
        if (drop.feedTrack() != null) {
          byFeedTrack.put(drop.feedTrack(), keep);
        }
        // numbers folded into the dropped track before follow it into the kept one: left pointing at
        // a track no longer live, their reports were lost (a walker's whole crossing)
        for (Map.Entry<String, Track> e : byFeedTrack.entrySet()) {
          if (e.getValue() == drop) e.setValue(keep);
        }
        gone.add(drop);
        if (apart) {
          // two targets that met (a group catching up with another): the younger one's story so
          // far is its own; it ends here and the older track follows them on. Its number, now
          // reporting to the older track, gets a track of its own again if the two part (two
          // groups walking close together for a while): else one track ran between them to the
          // line and one crossing was lost
          feedSplits.folded(keep, drop);
          feedSplits.closed(drop);
          listener.closed(drop);
        } else {
          keep.absorb(drop);
          feedSplits.folded(keep, drop);
          merged++;
          listener.merged(drop, keep);
        }
      }
    }
    if (!gone.isEmpty()) {
      live.removeIf(gone::contains);
    }
  }

  /**
   * Indices 0..n-1 ordered by {@code v} ({@link Double#compare} order), equal values by index: the
   * order a stable sort gives, on primitives (this runs every housekeeping round).
   */
  static int[] byValue(double[] v) {
    int n = v.length;
    int[] a = new int[n], b = new int[n];
    for (int i = 0; i < n; i++) a[i] = i;
    for (int width = 1; width < n; width *= 2) { // bottom-up merge sort
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi) b[k++] = Double.compare(v[a[j]], v[a[i]]) < 0 ? a[j++] : a[i++];
        while (i < mid) b[k++] = a[i++];
        while (j < hi) b[k++] = a[j++];
      }
      int[] t = a;
      a = b;
      b = t;
    }
    return a;
  }

  private void feedUpdate(Measurement m) {
    Track t = byFeedTrack.get(m.feedTrack());
    if (t == null) {
      t = new Track(nextId++, m, stages.filters());
      created++;
      // the feed already confirmed it
      t.confirm();
      confirmedCount++;
      byFeedTrack.put(m.feedTrack(), t);
      live.add(t);
    } else if (feedSplits.reportsApart(t, m)) {
      // a number folded in follows an object of its own again (the group split): its own track from
      // here, its path so far the walk they shared
      feedSplits.forget(t, m.feedTrack());
      t = new Track(nextId++, m, stages.filters(), t);
      created++;
      t.confirm();
      confirmedCount++;
      byFeedTrack.put(m.feedTrack(), t);
      live.add(t);
      splits++;
    } else {
      t.predictTo(m.tMs());
      t.update(m);
    }
    listener.updated(t, m);
  }

  private void afterUpdate(Track t, Measurement m) {
    if (stages.initiator().confirms(t, m)) {
      t.confirm();
      confirmedCount++;
    }
    listener.updated(t, m);
  }

  /** Closes tracks that are stale at {@code nowMs}: tentative ones past the window, confirmed ones past the coast limit. */
  public void expire(long nowMs) {
    Iterator<Track> it = live.iterator();
    while (it.hasNext()) {
      Track t = it.next();
      if (stages.deleter().stale(t, nowMs)) {
        it.remove();
        byFeedTrack.values().removeIf(v -> v == t);
        feedSplits.closed(t);
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
      feedSplits.closed(t);
      listener.closed(t);
    }
  }

  /** Live tracks, confirmed and tentative; do not modify. */
  public List<Track> live() {
    return live;
  }

  /** Position of a track predicted to {@code tMs} (epoch ms) without changing it: {x, y} in m. */
  public static double[] predictedPosition(Track t, long tMs) {
    return t.filter.positionAfter((tMs - t.filterMs) / 1000.0);
  }

  /** Tracks started so far (tentative and from feeds). */
  public long created() { return created; }
  /** Tracks confirmed so far. */
  public long confirmedCount() { return confirmedCount; }
  /** Duplicate tracks folded into another so far. */
  public long merged() { return merged; }
  /** Folded feed track numbers given their own track again (a group split) so far. */
  public long splits() { return splits; }
}
