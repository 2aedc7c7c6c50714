package io.watchline.fusion;

import java.util.Arrays;
import java.util.function.LongFunction;

/**
 * A hash map from long keys (track ids) to values without boxing: the engine looks a track's state
 * up on every update of every track. Open addressing with linear probing; removal shifts the
 * following entries back so that no tombstones build up. No iteration order is offered. Not
 * thread-safe.
 */
final class LongMap<V> {
  private long[] keys = new long[64];
  private Object[] values = new Object[64];
  private int size;

  /** The value of {@code key}, or null. */
  @SuppressWarnings("unchecked")
  V get(long key) {
    for (int i = slot(key, keys.length); ; i = (i + 1) & (keys.length - 1)) {
      if (values[i] == null) return null;
      if (keys[i] == key) return (V) values[i];
    }
  }

  /** The value of {@code key}, made by {@code make} (which must not return null) when absent. */
  V computeIfAbsent(long key, LongFunction<V> make) {
    V v = get(key);
    if (v == null) {
      v = make.apply(key);
      put(key, v);
    }
    return v;
  }

  private void put(long key, Object value) {
    if (2 * (size + 1) > keys.length) grow();
    int i = slot(key, keys.length);
    while (values[i] != null) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & (keys.length - 1);
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  /** Removes {@code key}; returns its value, or null when absent. */
  @SuppressWarnings("unchecked")
  V remove(long key) {
    int mask = keys.length - 1;
    int i = slot(key, keys.length);
    while (values[i] != null && keys[i] != key) i = (i + 1) & mask;
    if (values[i] == null) return null;
    V old = (V) values[i];
    values[i] = null;
    size--;
    // shift back every following entry of the run that could sit earlier
    for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
      int home = slot(keys[j], keys.length);
      boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
      if (movable) {
        keys[i] = keys[j];
        values[i] = values[j];
        values[j] = null;
        i = j;
      }
    }
    return old;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] ok = keys;
    Object[] ov = values;
    keys = new long[ok.length * 2];
    values = new Object[ok.length * 2];
    size = 0;
    for (int i = 0; i < ok.length; i++) {
      if (ov[i] != null) put(ok[i], ov[i]);
    }
  }

  private static int slot(long key, int capacity) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & (capacity - 1);
  }
}
