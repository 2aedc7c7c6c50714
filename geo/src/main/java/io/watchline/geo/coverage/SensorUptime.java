package io.watchline.geo.coverage;

import io.watchline.geo.InvalidValueException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each sensor was alive during a window, from the times it was heard (any record it
 * produced, or a status line): a record at time s keeps the sensor alive until s + its silence
 * timeout, so a silence longer than the timeout is an outage and a sensor never heard is down for
 * the whole window. Takes records one at a time in any order; holds one interval per outage, not
 * the records.
 */
public final class SensorUptime {
  /** Default silence timeouts: three rotations of a 4 s radar scan; 30 s for a camera's frames. */
  public static final long DEFAULT_RADAR_TIMEOUT_MS = 12_000;
  public static final long DEFAULT_CAMERA_TIMEOUT_MS = 30_000;

  private final long start;
  private final long end;
  private final Map<String, Track> bySensor = new HashMap<>();
  private long heard;
  private long unknown;

  /** @param timeouts silence timeout (ms) per expected sensor id */
  public SensorUptime(long windowStart, long windowEnd, Map<String, Long> timeouts) {
    this.start = windowStart;
    this.end = windowEnd;
    timeouts.forEach((id, t) -> {
      if (t <= 0) {
        throw new InvalidValueException("sensor " + id + ": silence timeout must be positive");
      }
      bySensor.put(id, new Track(t));
    });
  }

  /** A record or status line from a sensor at epoch ms {@code t}; unknown sensors are counted only. */
  public void heard(String sensorId, long t) {
    Track tr = sensorId == null ? null : bySensor.get(sensorId);
    if (tr == null) {
      unknown++;
      return;
    }
    if (t + tr.timeout <= start || t >= end) {
      return;
    }
    heard++;
    tr.add(t, t + tr.timeout);
  }

  public long heardCount() {
    return heard;
  }

  /** Records from sensors not in the site list. */
  public long unknownCount() {
    return unknown;
  }

  /** Alive intervals of a sensor inside the window as [from, to) pairs; null for an unexpected id. */
  public long[] alive(String sensorId) {
    Track tr = bySensor.get(sensorId);
    return tr == null ? null : Intervals.clip(tr.merged(), start, end);
  }

  /** One sensor's availability over the window. */
  public record Availability(String sensor, long[] alive, long[] outages, double upShare) {
    public boolean alwaysUp() {
      return outages.length == 0;
    }
  }

  public Availability availability(String sensorId) {
    long[] a = alive(sensorId);
    if (a == null) {
      a = new long[] {start, end};
    }
    long[] out = Intervals.subtract(new long[] {start, end}, a);
    return new Availability(sensorId, a, out, (double) Intervals.length(a) / (end - start));
  }

  /** Availability of every listed sensor, in the given order. */
  public List<Availability> availability(List<String> ids) {
    return ids.stream().map(this::availability).toList();
  }

  /** Union of [t, t + timeout) intervals, merged as they come (time-ordered input stays tiny). */
  private static final class Track {
    final long timeout;
    long[] iv = new long[8];
    int n;
    boolean sorted = true;

    Track(long timeout) {
      this.timeout = timeout;
    }

    void add(long a, long b) {
      if (n > 0 && a >= iv[n - 2] && a <= iv[n - 1]) {
        iv[n - 1] = Math.max(iv[n - 1], b);
        return;
      }
      if (n > 0 && a < iv[n - 2]) {
        sorted = false;
      }
      if (n + 2 > iv.length) {
        iv = Arrays.copyOf(iv, iv.length * 2);
      }
      iv[n++] = a;
      iv[n++] = b;
      if (!sorted && n > 4096) {
        long[] m = merged();
        iv = Arrays.copyOf(m, Math.max(8, m.length * 2));
        n = m.length;
        sorted = true;
      }
    }

    long[] merged() {
      return Intervals.union(Arrays.copyOf(iv, n));
    }
  }
}
