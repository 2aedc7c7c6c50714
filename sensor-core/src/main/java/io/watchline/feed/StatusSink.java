package io.watchline.feed;

/**
 * Receives the signs of life a reader meets between observations ({@link SensorStatus}). Readers
 * decoding on their own threads call it from those threads: implementations that write must
 * synchronise.
 */
@FunctionalInterface
public interface StatusSink {
  void alive(SensorStatus status);

  /** Drops them: the reader still counts them as skipped records. */
  StatusSink NONE = s -> {};
}
