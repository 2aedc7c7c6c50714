package io.watchline.fusion.stream;

import io.watchline.observation.Observation;
import java.util.Arrays;

/**
 * The records of one feed that came in time order, first in first out, with their times kept
 * beside them as numbers: the merge compares the oldest one's time with the stragglers' on every
 * record, and reading it here does not touch a record read a whole reorder window ago.
 */
final class InOrderQueue {
  private Observation[] items = new Observation[64];
  private long[] sec = new long[64];
  private int[] nano = new int[64];
  private long[] ms = new long[64];
  private int head, size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Appends a record; {@code epochMs} is its time in milliseconds. */
  void add(Observation o, long epochMs) {
    if (size == items.length) grow();
    int k = (head + size++) & (items.length - 1);
    items[k] = o;
    sec[k] = o.t().getEpochSecond();
    nano[k] = o.t().getNano();
    ms[k] = epochMs;
  }

  long peekSec() {
    return sec[head];
  }

  int peekNano() {
    return nano[head];
  }

  long peekMs() {
    return ms[head];
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
    long[] ns = new long[c], nm = new long[c];
    int[] nn = new int[c];
    for (int i = 0; i < size; i++) {
      int k = (head + i) & (items.length - 1);
      ni[i] = items[k];
      ns[i] = sec[k];
      nn[i] = nano[k];
      nm[i] = ms[k];
    }
    items = ni;
    sec = ns;
    nano = nn;
    ms = nm;
    head = 0;
  }
}
