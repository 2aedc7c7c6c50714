package io.watchline.feed.asterix;

import java.time.LocalDate;

/**
 * Turns ASTERIX time of day (seconds since UTC midnight, no date) into an instant. The date comes
 * from {@code --date} (the first record's day) or, without it, from the pcap packet time; after
 * that each record takes the day (previous, same or next) that puts it closest to the reference,
 * so a recording that runs through midnight rolls over to the next day and a late record from just
 * before midnight stays on the earlier day.
 */
final class TimeAnchor {
  static final long DAY_MS = 86_400_000L;
  private final LocalDate date;
  private long last = Long.MIN_VALUE;

  TimeAnchor(LocalDate date) {
    this.date = date;
  }

  boolean canAnchorWithoutContext() {
    return date != null || last != Long.MIN_VALUE;
  }

  /**
   * Epoch nanoseconds for a time of day in nanoseconds, using {@code contextMs} (a pcap timestamp,
   * or -1) when no date was given.
   */
  long anchorNanos(long todNanos, long contextMs) {
    long todMs = todNanos / 1_000_000L;
    long ref;
    if (date != null) {
      ref = last != Long.MIN_VALUE ? last : date.toEpochDay() * DAY_MS + todMs;
    } else if (contextMs >= 0) {
      ref = contextMs;
    } else {
      ref = last;
    }
    long day = Math.floorDiv(ref, DAY_MS);
    long best = 0;
    long bestDist = Long.MAX_VALUE;
    for (long d = day - 1; d <= day + 1; d++) {
      long t = d * DAY_MS + todMs;
      long dist = Math.abs(t - ref);
      if (dist < bestDist) {
        bestDist = dist;
        best = d;
      }
    }
    last = best * DAY_MS + todMs;
    return best * DAY_MS * 1_000_000L + todNanos;
  }
}
