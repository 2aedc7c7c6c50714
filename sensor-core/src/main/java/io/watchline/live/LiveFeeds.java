package io.watchline.live;

import io.watchline.feed.FeedException;
import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.FeedReader;
import io.watchline.feed.Feeds;
import io.watchline.feed.RejectSink;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.sites.SiteRegistry;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Opens a feed reader over a stream that is still being written (a TCP connection, a followed
 * file). The format is judged from the first line as it arrives, not from the first 8 KB a file
 * is judged by: a patrol tablet may send one sentence a minute.
 */
final class LiveFeeds {
  private static final int HEAD = 4096;

  private LiveFeeds() {}

  static FeedReader open(InputStream raw, String name, FeedFormat format, FeedOptions options, SiteRegistry sites,
      RejectSink rejects) throws IOException {
    BufferedInputStream in = new Arriving(raw);
    FeedFormat f = format;
    if (f == null || f == FeedFormat.AUTO) {
      f = detect(in);
      if (f == null) {
        in.mark(1);
        if (in.read() < 0) {
          return null; // closed before sending anything
        }
        throw new FeedException(name + ": cannot tell the feed format from its first lines; give --format");
      }
    }
    if (f == FeedFormat.NDJSON) {
      return new NdjsonObservationReader(in, name, rejects); // canonical observations only, live
    }
    if (f == FeedFormat.ASTERIX && options.framing() == null) {
      throw new FeedException(name + ": ASTERIX on a stream needs --framing (raw, final, gps); on UDP use --listen udp://");
    }
    return Feeds.open(in, name, f, options, sites, rejects);
  }

  /**
   * The format, judged after each complete line as the lines arrive (an XML declaration alone does
   * not tell; its root element does), from {@value #HEAD} bytes at most; the stream is reset.
   */
  private static FeedFormat detect(BufferedInputStream in) throws IOException {
    in.mark(HEAD);
    byte[] b = new byte[HEAD];
    int n = 0;
    FeedFormat f = null;
    try {
      while (n < HEAD && f == null) {
        int got = in.read(b, n, HEAD - n);
        if (got < 0) {
          return n == 0 ? null : Feeds.detect(b, n, true);
        }
        for (int i = n; i < n + got && f == null; i++) {
          if (b[i] == '\n' && hasContent(b, i)) {
            f = Feeds.detect(b, i + 1);
          }
        }
        n += got;
      }
      return f != null ? f : Feeds.detect(b, n);
    } finally {
      in.reset();
    }
  }

  /** The buffered connection or file, marked live: XML readers take what has arrived. */
  private static final class Arriving extends BufferedInputStream implements io.watchline.feed.LiveStream {
    Arriving(InputStream in) {
      super(in, 1 << 16);
    }
  }

  private static boolean hasContent(byte[] b, int end) {
    for (int i = 0; i < end; i++) {
      if (b[i] > ' ') return true;
    }
    return false;
  }
}
