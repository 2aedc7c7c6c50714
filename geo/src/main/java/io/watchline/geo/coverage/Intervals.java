package io.watchline.geo.coverage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/** Sets of time as sorted, disjoint [from, to) pairs of epoch ms in a flat array. */
public final class Intervals {
  private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_HM =
      DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Intervals() {}

  /** Sorts and merges [from, to) pairs in any order; empty pairs are dropped. */
  public static long[] union(long[] pairs) {
    int m = pairs.length / 2;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) order[i] = i;
    Arrays.sort(order, (x, y) -> Long.compare(pairs[2 * x], pairs[2 * y]));
    long[] out = new long[pairs.length];
    int n = 0;
    for (int k : order) {
      long a = pairs[2 * k], b = pairs[2 * k + 1];
      if (b <= a) continue;
      if (n > 0 && a <= out[n - 1]) {
        out[n - 1] = Math.max(out[n - 1], b);
      } else {
        out[n++] = a;
        out[n++] = b;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The union of two sets (or of any pairs in any order). */
  public static long[] union(long[] a, long[] b) {
    long[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return union(both);
  }

  /** Whether instant {@code t} lies in the set. */
  public static boolean contains(long[] set, long t) {
    for (int i = 0; i < set.length; i += 2) {
      if (t >= set[i] && t < set[i + 1]) return true;
    }
    return false;
  }

  public static long[] clip(long[] set, long from, long to) {
    return intersect(set, new long[] {from, to});
  }

  public static long[] intersect(long[] a, long[] b) {
    long[] out = new long[a.length + b.length];
    int n = 0, i = 0, j = 0;
    while (i < a.length && j < b.length) {
      long lo = Math.max(a[i], b[j]);
      long hi = Math.min(a[i + 1], b[j + 1]);
      if (hi > lo) {
        out[n++] = lo;
        out[n++] = hi;
      }
      if (a[i + 1] < b[j + 1]) i += 2; else j += 2;
    }
    return Arrays.copyOf(out, n);
  }

  /** a minus b. */
  public static long[] subtract(long[] a, long[] b) {
    long[] out = new long[a.length + b.length + 2];
    int n = 0, j = 0;
    for (int i = 0; i < a.length; i += 2) {
      long lo = a[i], hi = a[i + 1];
      while (j < b.length && b[j + 1] <= lo) j += 2;
      int k = j;
      while (lo < hi && k < b.length && b[k] < hi) {
        if (b[k] > lo) {
          if (n + 2 > out.length) out = Arrays.copyOf(out, out.length * 2);
          out[n++] = lo;
          out[n++] = b[k];
        }
        lo = Math.max(lo, b[k + 1]);
        k += 2;
      }
      if (lo < hi) {
        if (n + 2 > out.length) out = Arrays.copyOf(out, out.length * 2);
        out[n++] = lo;
        out[n++] = hi;
      }
    }
    return Arrays.copyOf(out, n);
  }

  public static long length(long[] set) {
    long sum = 0;
    for (int i = 0; i < set.length; i += 2) sum += set[i + 1] - set[i];
    return sum;
  }

  /**
   * "01:00–03:00, 04:10–04:20" in UTC (with the date when the set spans days); at most
   * {@code max} intervals, then "… (+n more)".
   */
  public static String format(long[] set, int max) {
    if (set.length == 0) return "";
    boolean days = Math.floorDiv(set[0], 86_400_000L) != Math.floorDiv(set[set.length - 1] - 1, 86_400_000L);
    DateTimeFormatter f = days ? DAY_HM : HM;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < set.length && i / 2 < max; i += 2) {
      if (b.length() > 0) b.append(", ");
      b.append(f.format(Instant.ofEpochMilli(set[i]))).append('–').append(f.format(Instant.ofEpochMilli(set[i + 1])));
    }
    if (set.length / 2 > max) b.append(" … (+").append(set.length / 2 - max).append(" more)");
    return b.toString();
  }
}
