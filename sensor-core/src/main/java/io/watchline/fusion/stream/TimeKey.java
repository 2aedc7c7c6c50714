package io.watchline.fusion.stream;

import io.watchline.observation.Observation;
import java.time.Instant;

/**
 * An instant as one long, nanoseconds since the epoch, so that the merge compares one number
 * instead of seconds and nanoseconds. Exact for the years 1678 to 2261; times outside saturate to
 * {@link Long#MIN_VALUE} or {@link Long#MAX_VALUE}, and two saturated keys are ordered by their
 * instants, so the order is always the instants' own.
 */
final class TimeKey {
  private static final long NANOS = 1_000_000_000L;
  /** The widest seconds whose key (with any nanosecond part) stays strictly inside the long range. */
  private static final long MAX_SEC = Long.MAX_VALUE / NANOS - 1;
  private static final long MIN_SEC = Long.MIN_VALUE / NANOS + 1;

  private TimeKey() {}

  static long of(Instant t) {
    long s = t.getEpochSecond();
    if (s > MAX_SEC) return Long.MAX_VALUE;
    if (s < MIN_SEC) return Long.MIN_VALUE;
    return s * NANOS + t.getNano();
  }

  static boolean saturated(long key) {
    return key == Long.MAX_VALUE || key == Long.MIN_VALUE;
  }

  /**
   * The order of the times of {@code a} and {@code b}, whose keys are {@code ka} and {@code kb}, as
   * the sign of {@link Instant#compareTo}; the records themselves are read only when both keys are
   * saturated and equal.
   */
  static int compare(long ka, Observation a, long kb, Observation b) {
    if (ka != kb) return ka < kb ? -1 : 1;
    return saturated(ka) ? Integer.signum(a.t().compareTo(b.t())) : 0;
  }

  /** Epoch milliseconds of the instant with key {@code key}, as {@link Instant#toEpochMilli} gives them. */
  static long epochMs(long key, Instant t) {
    return saturated(key) ? t.toEpochMilli() : Math.floorDiv(key, 1_000_000L);
  }
}
