package io.watchline.live;

import io.watchline.feed.FeedInput;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.FeedReader;
import io.watchline.feed.Feeds;
import io.watchline.feed.RejectSink;
import io.watchline.feed.asterix.AsterixBlocks;
import io.watchline.feed.asterix.AsterixReader;
import io.watchline.observation.Observation;
import io.watchline.sites.SiteRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One recorded feed cut into the units it would have been sent in live, each with its recorded
 * time: an ASTERIX recording per datagram ({@link AsterixBlocks}), a text feed per line. The times
 * come from the feed's own reader run alongside: a unit takes the time of the first observation
 * read from its bytes, else that of the unit before it (a service message, a comment, an XML
 * closing tag), else that of the next observation (a header). Memory: one unit and one record.
 */
public final class ReplayFeed implements Closeable {
  /** Bytes to send and when they were recorded (null: before any record, send at once). */
  public record Unit(Instant t, byte[] bytes) {}

  /** Longest line sent as one unit; longer ones are cut (a datagram cannot carry more anyway). */
  static final int MAX_LINE = 65_000;

  private final String name;
  private final FeedReader reader;
  private final InputStream raw;
  private final AsterixBlocks blocks; // null for text feeds
  private long position;
  private Observation pending;
  private boolean readerDone;
  private Instant last;
  private long units;
  private long bytes;

  private ReplayFeed(String name, FeedReader reader, InputStream raw, AsterixBlocks blocks, long origin) {
    this.name = name;
    this.reader = reader;
    this.raw = raw;
    this.blocks = blocks;
    this.position = origin;
  }

  /** Opens {@code file}: the format is detected from the content as {@code ingest} does. */
  public static ReplayFeed open(Path file, FeedOptions options, SiteRegistry sites) throws IOException {
    FeedReader reader = Feeds.open(file, null, options, sites, RejectSink.DISCARD);
    try {
      FeedInput in = FeedInput.of(Files.newInputStream(file)).sniff();
      if (reader instanceof AsterixReader a) {
        return new ReplayFeed(file.toString(), reader, in, new AsterixBlocks(in, a.framing()), 0);
      }
      return new ReplayFeed(file.toString(), reader, in, null, in.origin());
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  public String name() {
    return name;
  }

  /** True for an ASTERIX recording (one datagram per unit), false for a text feed (one line). */
  public boolean binary() {
    return blocks != null;
  }

  public long units() {
    return units;
  }

  public long bytes() {
    return bytes;
  }

  /** The next unit, or null at the end of the feed. */
  public Unit next() throws IOException {
    long start;
    byte[] b;
    if (blocks != null) {
      AsterixBlocks.Block block = blocks.next();
      if (block == null) {
        return null;
      }
      start = block.offset();
      b = block.bytes();
    } else {
      start = position;
      b = line();
      if (b == null) {
        return null;
      }
      position += b.length;
    }
    Instant t = timeUpTo(start + b.length);
    units++;
    bytes += b.length;
    return new Unit(t, b);
  }

  private Instant timeUpTo(long end) throws IOException {
    Instant t = null;
    while (true) {
      if (pending == null && !readerDone) {
        pending = reader.next();
        readerDone = pending == null;
      }
      if (pending == null || pending.src() != null && pending.src().offset() >= end) {
        break;
      }
      if (t == null) {
        t = pending.t();
      }
      pending = null;
    }
    if (t == null) {
      t = last != null ? last : pending != null ? pending.t() : null;
    }
    if (t != null) {
      last = t;
    }
    return t;
  }

  private final byte[] lineBuf = new byte[MAX_LINE];

  private byte[] line() throws IOException {
    int n = 0;
    int c;
    while (n < MAX_LINE && (c = raw.read()) >= 0) {
      lineBuf[n++] = (byte) c;
      if (c == '\n') {
        break;
      }
    }
    return n == 0 ? null : java.util.Arrays.copyOf(lineBuf, n);
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } finally {
      raw.close();
    }
  }
}
