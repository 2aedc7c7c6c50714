package io.watchline.fusion;

import java.io.IOException;

/** Receives every confirmed track when it closes (for {@code fuse --tracks}). */
@FunctionalInterface
public interface TrackSink {
  void accept(TrackSummary track) throws IOException;

  TrackSink NONE = t -> {};
}
