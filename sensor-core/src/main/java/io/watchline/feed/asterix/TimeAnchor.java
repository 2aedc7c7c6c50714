package io.watchline.feed.asterix;

import java.time.LocalDate;

/**
 * Turns ASTERIX time of day (seconds since UTC midnight, no date) into an instant. The date comes
 * from {@code --date} (the first record's day) or, without it, from the pcap packet time; after
 * that each record takes the day (previous, same or next) that puts it closest to the reference,
 * so a recording that runs through midnight rolls over to the next day and a late record from just
 * before midnight stays on the earlier day. A nightly run gives the middle of its window instead
 * of a date: the first record takes the day that puts it nearest that instant.
 */
final class TimeAnchor {
  static final long DAY_MS = 86_400_000L;
  private final LocalDate date;
  private final java.time.Instant near;
  private long last = Long.MIN_VALUE;

  TimeAnchor(LocalDate date, java.time.Instant near) {
    this.date = date;
    this.near = near;
  }

  boolean canAnchorWithoutContext() {
    return date != null || near != null || last != Long.MIN_VALUE;
  }

  /**
   * Epoch nanoseconds for a time of day in nanoseconds, using {@code contextMs} (a pcap timestamp,
   * or -1) when no date was given.
   */
  long anchorNanos(long todNanos, long contextMs) {
    long todMs = todNanos / 1_000_000L;
    long ref;
    // A pcap's own packet times win over the window; a given date wins over both.
    boolean useNear = near != null && date == null && contextMs < 0;
    if (last != Long.MIN_VALUE && (date != null || useNear)) {
      ref = last;
    } else if (date != null) {
      ref = date.toEpochDay() * DAY_MS + todMs;
    } else if (useNear) {
      ref = near.toEpochMilli();
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
