package io.watchline.feed;

/** Receives every rejected record. Implementations write them out or keep a bounded sample. */
@FunctionalInterface
public interface RejectSink {
  void reject(Reject reject);

  /** A sink that only counts (the reader's {@link ReadStats} already does); for tests and validate. */
  RejectSink DISCARD = r -> {};
}
