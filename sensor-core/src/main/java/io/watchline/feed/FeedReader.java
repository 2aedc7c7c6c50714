package io.watchline.feed;

import io.watchline.observation.Observation;
import java.io.Closeable;
import java.io.IOException;

/**
 * A streaming reader of one feed: pull one observation at a time, never the whole file. Rejected
 * records go to the {@link RejectSink} the reader was built with and are counted in {@link
 * #stats()}; they never stop the stream.
 */
public interface FeedReader extends Closeable {

  /** The next observation, or {@code null} at the end of the feed. */
  Observation next() throws IOException;

  ReadStats stats();
}
