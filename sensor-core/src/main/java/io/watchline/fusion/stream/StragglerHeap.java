package io.watchline.fusion.stream;

import io.watchline.observation.Observation;
import java.util.Arrays;

/**
 * A min-heap of observations by time, with the times kept beside them as numbers: comparing two
 * longs instead of two {@link java.time.Instant}s read through their records is what the merge
 * spends its time on. Sifts exactly as {@link java.util.PriorityQueue} does, so records with equal
 * times leave in the same order as they did from it (fusion's result depends on that order).
 */
final class StragglerHeap {
  private Observation[] items = new Observation[64];
  private long[] sec = new long[64];
  private int[] nano = new int[64];
  private long[] ms = new long[64];
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The earliest, or null. */
  Observation peek() {
    return size == 0 ? null : items[0];
  }

  long peekSec() {
    return sec[0];
  }

  int peekNano() {
    return nano[0];
  }

  /** The earliest one's time in epoch milliseconds, as given to {@link #add}. */
  long peekMs() {
    return ms[0];
  }

  /** Adds a record; {@code epochMs} is its time in milliseconds. */
  void add(Observation o, long epochMs) {
    if (size == items.length) {
      int c = size * 2;
      items = Arrays.copyOf(items, c);
      sec = Arrays.copyOf(sec, c);
      nano = Arrays.copyOf(nano, c);
      ms = Arrays.copyOf(ms, c);
    }
    long s = o.t().getEpochSecond();
    int ns = o.t().getNano();
    int k = size++;
    while (k > 0) {
      int parent = (k - 1) >>> 1;
      if (compare(s, ns, sec[parent], nano[parent]) >= 0) break;
      move(parent, k);
      k = parent;
    }
    set(k, o, s, ns, epochMs);
  }

  /** Removes and returns the earliest, or null. */
  Observation poll() {
    if (size == 0) return null;
    Observation result = items[0];
    int n = --size;
    Observation x = items[n];
    long xs = sec[n];
    int xn = nano[n];
    long xm = ms[n];
    items[n] = null;
    if (n > 0) {
      int k = 0, half = n >>> 1;
      while (k < half) {
        int child = (k << 1) + 1, right = child + 1;
        if (right < n && compare(sec[child], nano[child], sec[right], nano[right]) > 0) child = right;
        if (compare(xs, xn, sec[child], nano[child]) <= 0) break;
        move(child, k);
        k = child;
      }
      set(k, x, xs, xn, xm);
    }
    return result;
  }

  static int compare(long s1, int n1, long s2, int n2) {
    int c = Long.compare(s1, s2);
    return c != 0 ? c : Integer.compare(n1, n2);
  }

  private void move(int from, int to) {
    items[to] = items[from];
    sec[to] = sec[from];
    nano[to] = nano[from];
    ms[to] = ms[from];
  }

  private void set(int k, Observation o, long s, int ns, long m) {
    items[k] = o;
    sec[k] = s;
    nano[k] = ns;
    ms[k] = m;
  }
}
