package io.watchline.evidence;

import io.watchline.feed.FeedException;
import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.FeedReader;
import io.watchline.feed.Feeds;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where each evidence record of one original file begins and ends. The file is read once with the
 * same reader the run used; a record runs from its offset to the next record's offset (the end of
 * its line in line formats: NDJSON, CSV, NMEA). The observations of the wanted records are kept
 * for the reproduction.
 */
final class RecordCutter {
  /** A record is at most this long; longer ones are cut here and marked truncated. */
  static final int MAX_RECORD = 1 << 20;

  record Extent(long offset, long end, boolean truncated) {}

  private RecordCutter() {}

  /**
   * Reads {@code file} (the run called it {@code name}) and returns the extent of each wanted
   * offset; adds the observations whose source is wanted to {@code observations}.
   */
  static TreeMap<Long, Extent> cut(Path file, String name, Set<Long> wanted, Set<Source> evidence, SiteRegistry sites,
      Map<Source, Observation> observations) throws IOException {
    TreeMap<Long, Long> end = new TreeMap<>();
    Long next = null;
    for (Long w : new java.util.TreeSet<>(wanted).descendingSet()) {
      end.put(w, next == null ? Long.MAX_VALUE : next);
      next = w;
    }
    String format;
    long size = Files.size(file);
    try (InputStream in = Files.newInputStream(file);
        FeedReader r = Feeds.open(in, name, FeedFormat.AUTO, FeedOptions.defaults(), sites,
            rej -> bound(end, rej.src()))) {
      for (Observation o; (o = r.next()) != null; ) {
        bound(end, o.src());
        if (evidence.contains(o.src())) observations.putIfAbsent(o.src(), o);
      }
      format = r.stats().format();
    } catch (FeedException e) {
      throw new IOException(name + ": the original cannot be read again: " + e.getMessage(), e);
    }
    boolean lines = format != null && (format.startsWith("ndjson") || format.equals("csv") || format.startsWith("nmea"));
    TreeMap<Long, Extent> out = new TreeMap<>();
    try (FileChannel ch = FileChannel.open(file)) {
      for (Map.Entry<Long, Long> e : end.entrySet()) {
        long from = e.getKey();
        long to = Math.min(e.getValue(), size);
        if (lines) to = Math.min(to, endOfLine(ch, from, size));
        boolean truncated = to - from > MAX_RECORD;
        out.put(from, new Extent(from, truncated ? from + MAX_RECORD : to, truncated));
      }
    }
    return out;
  }

  /** A record seen at {@code src}: the wanted record before it ends there at the latest. */
  private static void bound(TreeMap<Long, Long> end, Source src) {
    if (src == null || !src.hasOffset()) return;
    Map.Entry<Long, Long> before = end.lowerEntry(src.offset());
    if (before != null && src.offset() < before.getValue()) end.put(before.getKey(), src.offset());
  }

  /** The offset just past the line feed ending the line that starts at {@code from}. */
  private static long endOfLine(FileChannel ch, long from, long size) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(8192);
    long pos = from;
    while (pos < size && pos - from <= MAX_RECORD) {
      buf.clear();
      int n = ch.read(buf, pos);
      if (n <= 0) break;
      for (int i = 0; i < n; i++) {
        if (buf.get(i) == '\n') return pos + i + 1;
      }
      pos += n;
    }
    return Math.min(size, pos);
  }
}
