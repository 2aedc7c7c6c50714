package io.watchline.fusion.track;

import java.util.List;

/**
 * Stage 1 of a scan: predicts the live tracks that may reach the scan's plots to the scan's time
 * and scores every track-plot pair inside the gate. Implementations may predict tracks (that is
 * their job) but must not update them. Not thread-safe; called by the tracker's thread.
 */
public interface Gate {
  /**
   * @param live the live tracks, confirmed and tentative (do not modify the list); tracks with a feed
   *     track id take only their own feed's plots and must be skipped
   * @param plots the scan's plots without a feed track id, at least one
   * @param tMs scan time, epoch ms
   * @return the predicted tracks and the gated costs
   */
  GatedScan gate(List<Track> live, List<Measurement> plots, long tMs);
}
