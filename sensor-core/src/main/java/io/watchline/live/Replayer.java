package io.watchline.live;

import java.io.IOException;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends recorded feeds as live traffic, keeping their recorded timing scaled by a speed factor:
 * the units of all feeds merged by time, the first one sent at once, each next one when its
 * recorded delay (divided by the speed) has passed on the wall clock. Each feed goes to its own
 * sender. A speed of 0 sends as fast as the network takes it.
 */
public final class Replayer {
  /**
   * What a replay did: units and bytes sent, how far behind schedule it ever fell, and the schedule:
   * the record time {@code t0} that was sent at wall-clock {@code startedMs} (epoch ms); a record of
   * time t was due at {@code startedMs + (t - t0) / speed}.
   */
  public record Result(long units, long bytes, long maxLagMs, long wallMs, java.time.Instant t0, long startedMs) {}

  private final List<ReplayFeed> feeds;
  private final List<Sender> senders;
  private final double speed;
  private volatile boolean stopped;

  /**
   * @param feeds the recorded feeds
   * @param senders one per feed (the same sender may serve several)
   * @param speed how many times faster than recorded (0: no waiting)
   */
  public Replayer(List<ReplayFeed> feeds, List<Sender> senders, double speed) {
    if (feeds.size() != senders.size()) {
      throw new IllegalArgumentException("one sender per feed");
    }
    this.feeds = feeds;
    this.senders = senders;
    this.speed = speed;
  }

  /** Ends {@link #run} after the unit being sent. */
  public void stop() {
    stopped = true;
  }

  private record Head(int feed, ReplayFeed.Unit unit) {}

  /** A feed in which not one record can be read: nothing to take its timing from. */
  public static final class UntimedFeedException extends IOException {
    UntimedFeedException(String message) {
      super(message);
    }
  }

  /**
   * Sends everything (or until {@link #stop()}).
   *
   * @throws UntimedFeedException before sending anything, when a feed has no readable record
   */
  public Result run() throws IOException {
    PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> {
      int c = a.unit.t() == null ? (b.unit.t() == null ? 0 : -1) : b.unit.t() == null ? 1 : a.unit.t().compareTo(b.unit.t());
      return c != 0 ? c : Integer.compare(a.feed, b.feed);
    });
    for (int i = 0; i < feeds.size(); i++) {
      ReplayFeed.Unit u = feeds.get(i).next();
      if (u != null && u.t() == null) {
        throw new UntimedFeedException(feeds.get(i).name() + ": no record of it could be read, so its timing is unknown"
            + " (cameras and polar radars need --sites; raw ASTERIX needs --date)");
      }
      if (u != null) heads.add(new Head(i, u));
    }
    long wall0 = System.nanoTime();
    long startedMs = System.currentTimeMillis();
    Long t0 = null;
    long units = 0;
    long bytes = 0;
    long maxLagNs = 0;
    while (!heads.isEmpty() && !stopped) {
      Head h = heads.poll();
      if (h.unit.t() != null) {
        long t = h.unit.t().toEpochMilli();
        if (t0 == null) {
          t0 = t;
        }
        if (speed > 0) {
          long due = wall0 + (long) ((t - t0) * 1_000_000L / speed);
          long wait = due - System.nanoTime();
          while (wait > 0 && !stopped) {
            LockSupport.parkNanos(wait);
            wait = due - System.nanoTime();
          }
          maxLagNs = Math.max(maxLagNs, -wait);
        }
      }
      senders.get(h.feed).send(h.unit.bytes());
      units++;
      bytes += h.unit.bytes().length;
      ReplayFeed.Unit next = feeds.get(h.feed).next();
      if (next != null) heads.add(new Head(h.feed, next));
    }
    return new Result(units, bytes, maxLagNs / 1_000_000L, (System.nanoTime() - wall0) / 1_000_000L,
        t0 == null ? null : java.time.Instant.ofEpochMilli(t0), startedMs);
  }
}
