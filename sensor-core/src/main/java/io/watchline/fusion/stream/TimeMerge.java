package io.watchline.fusion.stream;

import io.watchline.feed.FeedReader;
import io.watchline.feed.Reject;
import io.watchline.feed.RejectSink;
import io.watchline.observation.Observation;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges several feeds into one time-ordered stream. Each feed is assumed roughly time-sorted: a
 * per-feed reorder buffer holds records until the feed has moved {@code windowMs} past them (or the
 * buffer holds {@code maxBuffered}), then a k-way merge picks the earliest head. A record older
 * than what its feed already released is late: it is rejected with the reason and counted in that
 * feed's stats, never silently dropped. Memory: at most feeds x (window worth of records).
 */
public final class TimeMerge implements Closeable {

  private final List<Feed> feeds = new ArrayList<>();
  private final PriorityQueue<Feed> heads = new PriorityQueue<>((a, b) -> {
        int c = a.head.t().compareTo(b.head.t());
        return c != 0 ? c : Integer.compare(a.index, b.index);
      });
  private final RejectSink rejects;
  private final long windowMs;
  private final int maxBuffered;
  private final boolean passLate;
  private boolean started;
  private long late;

  private final class Feed {
    final int index;
    final FeedReader reader;
    // in-order records (the common case) queue up cheaply; only stragglers pay for the heap
    final InOrderQueue inOrder = new InOrderQueue();
    final StragglerHeap stragglers = new StragglerHeap();
    /** The newest in-order record and its {@link TimeKey}. */
    Observation last;
    long lastKey;
    long newestMs = Long.MIN_VALUE;
    long releasedMs = Long.MIN_VALUE;
    boolean exhausted;
    Observation head;

    Feed(int index, FeedReader reader) {
      this.index = index;
      this.reader = reader;
    }

    boolean isEmpty() {
      return inOrder.isEmpty() && stragglers.isEmpty();
    }

    int size() {
      return inOrder.size() + stragglers.size();
    }

    /** Whether the earliest record is a straggler (ties: the in-order one); both must hold some. */
    private boolean stragglerFirst() {
      return TimeKey.compare(stragglers.peekKey(), stragglers.peek(), inOrder.peekKey(), inOrder.peek()) < 0;
    }

    /** Whether the next record to leave is a straggler (the feed must hold some). */
    private boolean fromStragglers() {
      return inOrder.isEmpty() || (!stragglers.isEmpty() && stragglerFirst());
    }

    /** Time of the next record to leave, epoch ms (the feed must hold some). */
    long peekMs() {
      return fromStragglers() ? stragglers.peekMs() : inOrder.peekMs();
    }

    /** Fills the buffer until its oldest record is safe to release; returns it, or null at the end. */
    Observation nextInOrder() throws IOException {
      while (!exhausted && (isEmpty() || (newestMs - peekMs() < windowMs && size() < maxBuffered))) {
        Observation o = reader.next();
        if (o == null) {
          exhausted = true;
          break;
        }
        long t = o.t().toEpochMilli();
        if (t < releasedMs && !passLate) {
          late++;
          rejects.reject(new Reject(o.src(), "late record: " + (releasedMs - t) + " ms older than records already merged"
              + " (reorder window " + windowMs + " ms); sort the input by time or widen --reorder-window", null));
          continue;
        }
        newestMs = Math.max(newestMs, t);
        long key = TimeKey.of(o.t());
        if (inOrder.isEmpty() || TimeKey.compare(lastKey, last, key, o) <= 0) {
          inOrder.add(o, key);
          last = o;
          lastKey = key;
        } else {
          stragglers.add(o, key);
        }
      }
      if (isEmpty()) {
        return null;
      }
      boolean straggler = fromStragglers();
      releasedMs = Math.max(releasedMs, straggler ? stragglers.peekMs() : inOrder.peekMs());
      return straggler ? stragglers.poll() : inOrder.poll();
    }
  }

  public TimeMerge(List<FeedReader> readers, RejectSink rejects, long windowMs, int maxBuffered) {
    this(readers, rejects, windowMs, maxBuffered, false);
  }

  private TimeMerge(List<FeedReader> readers, RejectSink rejects, long windowMs, int maxBuffered, boolean passLate) {
    this.rejects = rejects;
    this.windowMs = windowMs;
    this.maxBuffered = maxBuffered;
    this.passLate = passLate;
    for (FeedReader r : readers) {
      feeds.add(new Feed(feeds.size(), r));
    }
  }

  /**
   * A plain k-way merge holding one head observation per reader: always the earliest head next,
   * ties to the earlier reader. Nothing is buffered and nothing rejected: a record older than what
   * its reader already gave passes through where it stands, for a later reorder stage to place.
   * Output is time-ordered whenever every reader is.
   */
  public static TimeMerge heads(List<FeedReader> readers) {
    return new TimeMerge(readers, null, 0, 1, true);
  }

  /** The next observation in time order, or null when every feed is exhausted. */
  public Observation next() throws IOException {
    if (!started) {
      started = true;
      for (Feed f : feeds) {
        f.head = f.nextInOrder();
        if (f.head != null) heads.add(f);
      }
    }
    Feed f = heads.poll();
    if (f == null) {
      return null;
    }
    Observation out = f.head;
    f.head = f.nextInOrder();
    if (f.head != null) {
      heads.add(f);
    }
    return out;
  }

  /** Records rejected as late, over all feeds. */
  public long late() {
    return late;
  }

  public List<FeedReader> readers() {
    List<FeedReader> rs = new ArrayList<>();
    for (Feed f : feeds) rs.add(f.reader);
    return rs;
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Feed f : feeds) {
      try {
        f.reader.close();
      } catch (IOException e) {
        if (first == null) first = e;
      }
    }
    if (first != null) throw first;
  }
}
