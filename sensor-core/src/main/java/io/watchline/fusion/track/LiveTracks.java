package io.watchline.fusion.track;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The tracker's live tracks, in birth order, with each one's filtered position and filter time
 * also kept in flat arrays: every scan's coarse gate reads those for every live track, and arrays
 * stay in cache where the tracks' filters do not. A track writes its new state here whenever its
 * filter moves ({@link Track#predictTo}, {@link Track#update}). Not thread-safe.
 */
final class LiveTracks extends AbstractList<Track> implements RandomAccess {
  private Track[] tracks = new Track[64];
  private double[] xs = new double[64];
  private double[] ys = new double[64];
  private long[] times = new long[64];
  private boolean[] fromFeed = new boolean[64];
  private int n;

  @Override
  public Track get(int i) {
    return tracks[checked(i)];
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public boolean add(Track t) {
    if (n == tracks.length) {
      int c = n * 2;
      tracks = Arrays.copyOf(tracks, c);
      xs = Arrays.copyOf(xs, c);
      ys = Arrays.copyOf(ys, c);
      times = Arrays.copyOf(times, c);
      fromFeed = Arrays.copyOf(fromFeed, c);
    }
    tracks[n] = t;
    fromFeed[n] = t.feedTrack() != null;
    t.listedAt(this, n);
    n++;
    modCount++;
    return true;
  }

  @Override
  public Track remove(int i) {
    Track t = tracks[checked(i)];
    int tail = n - i - 1;
    System.arraycopy(tracks, i + 1, tracks, i, tail);
    System.arraycopy(xs, i + 1, xs, i, tail);
    System.arraycopy(ys, i + 1, ys, i, tail);
    System.arraycopy(times, i + 1, times, i, tail);
    System.arraycopy(fromFeed, i + 1, fromFeed, i, tail);
    n--;
    tracks[n] = null;
    for (int k = i; k < n; k++) {
      tracks[k].listedAt(this, k);
    }
    t.listedAt(null, -1);
    modCount++;
    return t;
  }

  @Override
  public void clear() {
    for (int k = 0; k < n; k++) {
      tracks[k].listedAt(null, -1);
      tracks[k] = null;
    }
    n = 0;
    modCount++;
  }

  /** Track {@code i}'s filter moved: its state at {@code filterMs}. */
  void moved(int i, double x, double y, long filterMs) {
    xs[i] = x;
    ys[i] = y;
    times[i] = filterMs;
  }

  /** Filtered x of live track {@code i}, m. */
  double x(int i) { return xs[i]; }
  /** Filtered y of live track {@code i}, m. */
  double y(int i) { return ys[i]; }
  /** Filter time of live track {@code i}, epoch ms. */
  long filterMs(int i) { return times[i]; }
  /** Whether live track {@code i} is a feed's track (the feed associates its own). */
  boolean fromFeed(int i) { return fromFeed[i]; }

  private int checked(int i) {
    if (i < 0 || i >= n) throw new IndexOutOfBoundsException(i);
    return i;
  }
}
