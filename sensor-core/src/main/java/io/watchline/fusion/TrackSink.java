package io.watchline.fusion;

import java.io.IOException;

/**
 * Receives every confirmed track when it closes (for {@code fuse --tracks}), in closing order, on
 * the fusion thread.
 */
@FunctionalInterface
public interface TrackSink {
  /**
   * @throws IOException when writing fails; fusion stops with it
   */
  void accept(TrackSummary track) throws IOException;

  /** Drops every track. */
  TrackSink NONE = t -> {};
}
