package io.watchline.geo.index;

import java.util.Arrays;

/** A growable int array for the index builders. Not thread-safe; used only while building. */
final class IntList {
  int[] data;
  int size;

  IntList(int capacity) {
    data = new int[capacity];
  }

  void add(int v) {
    if (size == data.length) {
      data = Arrays.copyOf(data, size * 2);
    }
    data[size++] = v;
  }

  /**
   * A stable counting sort of the positions 0..size-1 by the value held there (a key below
   * {@code keyCount}): returns the positions in key order and fills {@code start} (keyCount + 1
   * long) so that key k's positions are at [start[k], start[k + 1]).
   */
  int[] indicesByValue(int keyCount, int[] start) {
    for (int p = 0; p < size; p++) {
      start[data[p] + 1]++;
    }
    for (int k = 0; k < keyCount; k++) {
      start[k + 1] += start[k];
    }
    int[] order = new int[size];
    int[] fill = Arrays.copyOf(start, keyCount);
    for (int p = 0; p < size; p++) {
      order[fill[data[p]]++] = p;
    }
    return order;
  }
}
