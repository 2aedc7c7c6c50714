package io.watchline.fusion.stream;

import io.watchline.observation.Observation;

/**
 * The records of one feed that came in time order, first in first out, with their times kept
 * beside them as one number each ({@link TimeKey}): the merge compares the oldest one's time with
 * the stragglers' on every record, and reading it here does not touch a record read a whole
 * reorder window ago.
 */
final class InOrderQueue {
  private Observation[] items = new Observation[64];
  private long[] keys = new long[64];
  private int head, size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Appends a record whose time has the {@link TimeKey} {@code key}. */
  void add(Observation o, long key) {
    if (size == items.length) grow();
    int k = (head + size++) & (items.length - 1);
    items[k] = o;
    keys[k] = key;
  }

  /** The oldest one's key (the queue must not be empty). */
  long peekKey() {
    return keys[head];
  }

  /** The oldest one (the queue must not be empty). */
  Observation peek() {
    return items[head];
  }

  /** The oldest one's time in epoch milliseconds (the queue must not be empty). */
  long peekMs() {
    return TimeKey.epochMs(keys[head], items[head].t());
  }

  /** Removes and returns the oldest (the queue must not be empty). */
  Observation poll() {
    Observation o = items[head];
    items[head] = null;
    head = (head + 1) & (items.length - 1);
    size--;
    return o;
  }

  private void grow() {
    int c = items.length * 2;
    Observation[] ni = new Observation[c];
    long[] nk = new long[c];
    for (int i = 0; i < size; i++) {
      int k = (head + i) & (items.length - 1);
      ni[i] = items[k];
      nk[i] = keys[k];
    }
    items = ni;
    keys = nk;
    head = 0;
  }
}
