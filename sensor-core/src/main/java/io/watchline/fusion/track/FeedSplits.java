package io.watchline.fusion.track;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Feed tracks folded into one track that part again. A group walking together gives a radar that
 * reports its own tracks two track numbers on one spot; fusion folds them into one track (one
 * target). When the group splits, the radar keeps both numbers, one on each part, and both go on
 * updating the one fused track, which then runs between the parts and crosses the line between
 * their crossings: one crossing lost. A folded feed number whose report lies apart from the last
 * report of another feed number of the same track by more than {@code secondObjectM} on average
 * over its last {@code feedSplitReports} reports (and by more than their errors allow) follows a
 * second object: the {@link Tracker} gives it its own track again from there.
 *
 * <p>Holds the last report of each feed number of tracks that folded one in; a closed track is
 * forgotten. Not thread-safe (the tracker's thread).
 */
final class FeedSplits {
  /** Two feed numbers' reports farther apart in time than this are not compared, ms. */
  private static final long SAME_SCAN_MS = 2_000L;

  private final TrackerConfig cfg;
  /** Per track that absorbed a feed number: the last report of each of its feed numbers. */
  private final Map<Track, Map<String, Measurement>> lastByFeed = new IdentityHashMap<>();
  /** Per folded feed number: its last reports' offsets from another feed number of its track. */
  private final Map<String, Separation> separations = new HashMap<>();

  FeedSplits(TrackerConfig cfg) {
    this.cfg = cfg;
  }

  /** {@code drop} was folded into {@code keep}: their feed numbers now report to one track. */
  void folded(Track keep, Track drop) {
    Map<String, Measurement> dropped = lastByFeed.remove(drop);
    if (keep.feedTrack() == null && drop.feedTrack() == null && dropped == null) return;
    Map<String, Measurement> into = lastByFeed.computeIfAbsent(keep, k -> new HashMap<>(4));
    if (dropped != null) into.putAll(dropped);
  }

  /**
   * A report of feed number {@code m.feedTrack()} that updates {@code t}: whether that number has
   * now followed an object of its own for long enough to be split off (the caller then gives it
   * a track; {@link #forget} the number's place here).
   */
  boolean reportsApart(Track t, Measurement m) {
    Map<String, Measurement> last = lastByFeed.get(t);
    if (last == null) return false;
    String feed = m.feedTrack();
    last.put(feed, m);
    if (feed.equals(t.feedTrack())) return false; // the track's own number stays with it
    // the other number's report of this scan: the track's own, else the closest in time
    Measurement other = t.feedTrack() == null ? null : last.get(t.feedTrack());
    if (other == null) {
      for (Map.Entry<String, Measurement> e : last.entrySet()) {
        Measurement o = e.getValue();
        if (!e.getKey().equals(feed) && (other == null || Math.abs(o.tMs() - m.tMs()) < Math.abs(other.tMs() - m.tMs()))) {
          other = o;
        }
      }
    }
    if (other == null || Math.abs(other.tMs() - m.tMs()) > SAME_SCAN_MS) return false;
    return separations.computeIfAbsent(feed, f -> new Separation(cfg.feedSplitReports())).add(m, other, cfg);
  }

  /** Feed number {@code feed} left track {@code t} (split off, or the track closed). */
  void forget(Track t, String feed) {
    Map<String, Measurement> last = lastByFeed.get(t);
    if (last != null) last.remove(feed);
    separations.remove(feed);
  }

  /** Track {@code t} closed. */
  void closed(Track t) {
    Map<String, Measurement> last = lastByFeed.remove(t);
    if (last != null) last.keySet().forEach(separations::remove);
  }

  /**
   * The offsets of one number's last {@code n} reports from another number's: apart when their
   * mean is farther than one object's spread ({@code secondObjectM}) and outside the gate of the
   * mean's error (one pair scatters by tens of metres far from the radar; n pairs by a third of that).
   */
  private static final class Separation {
    private final double[] dx, dy, sxx, sxy, syy;
    private int next, count;

    Separation(int n) {
      dx = new double[n];
      dy = new double[n];
      sxx = new double[n];
      sxy = new double[n];
      syy = new double[n];
    }

    boolean add(Measurement a, Measurement b, TrackerConfig cfg) {
      int n = dx.length;
      dx[next] = a.x() - b.x();
      dy[next] = a.y() - b.y();
      sxx[next] = a.rxx() + b.rxx();
      sxy[next] = a.rxy() + b.rxy();
      syy[next] = a.ryy() + b.ryy();
      next = (next + 1) % n;
      count = Math.min(count + 1, n);
      if (count < n) return false;
      double mx = 0, my = 0, cxx = 0, cxy = 0, cyy = 0;
      for (int i = 0; i < n; i++) {
        mx += dx[i];
        my += dy[i];
        cxx += sxx[i];
        cxy += sxy[i];
        cyy += syy[i];
      }
      mx /= n;
      my /= n;
      // the mean of n independent offsets: covariance sum / n²
      cxx /= (double) n * n;
      cxy /= (double) n * n;
      cyy /= (double) n * n;
      if (Math.hypot(mx, my) <= cfg.secondObjectM()) return false;
      double det = cxx * cyy - cxy * cxy;
      return det <= 0 || (cyy * mx * mx - 2 * cxy * mx * my + cxx * my * my) / det > cfg.gateChi2();
    }
  }
}
