package io.watchline.fusion.stream;

import io.watchline.observation.Observation;
import java.util.Arrays;

/**
 * A min-heap of observations by time, with the times kept beside them as one number each ({@link
 * TimeKey}): comparing two longs instead of two {@link java.time.Instant}s read through their
 * records is what the merge spends its time on. Sifts exactly as {@link java.util.PriorityQueue}
 * does, so records with equal times leave in the same order as they did from it (fusion's result
 * depends on that order).
 */
final class StragglerHeap {
  private Observation[] items = new Observation[64];
  private long[] keys = new long[64];
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

  /** The earliest one's {@link TimeKey} (the heap must not be empty). */
  long peekKey() {
    return keys[0];
  }

  /** The earliest one's time in epoch milliseconds (the heap must not be empty). */
  long peekMs() {
    return TimeKey.epochMs(keys[0], items[0].t());
  }

  /** Adds a record whose time has the {@link TimeKey} {@code key}. */
  void add(Observation o, long key) {
    if (size == items.length) {
      int c = size * 2;
      items = Arrays.copyOf(items, c);
      keys = Arrays.copyOf(keys, c);
    }
    int k = size++;
    while (k > 0) {
      int parent = (k - 1) >>> 1;
      if (compare(key, o, parent) >= 0) break;
      items[k] = items[parent];
      keys[k] = keys[parent];
      k = parent;
    }
    items[k] = o;
    keys[k] = key;
  }

  /** Removes and returns the earliest, or null. */
  Observation poll() {
    if (size == 0) return null;
    Observation result = items[0];
    int n = --size;
    Observation x = items[n];
    long xk = keys[n];
    items[n] = null;
    if (n > 0) {
      int k = 0, half = n >>> 1;
      while (k < half) {
        int child = (k << 1) + 1, right = child + 1;
        if (right < n && compare(keys[child], items[child], right) > 0) child = right;
        if (compare(xk, x, child) <= 0) break;
        items[k] = items[child];
        keys[k] = keys[child];
        k = child;
      }
      items[k] = x;
      keys[k] = xk;
    }
    return result;
  }

  /** {@link TimeKey#compare} against the record at {@code j}, reading no record unless the keys tie saturated. */
  private int compare(long key, Observation o, int j) {
    long kj = keys[j];
    if (key != kj) return key < kj ? -1 : 1;
    return TimeKey.saturated(key) ? Integer.signum(o.t().compareTo(items[j].t())) : 0;
  }
}
