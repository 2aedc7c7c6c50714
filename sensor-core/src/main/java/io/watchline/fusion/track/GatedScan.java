package io.watchline.fusion.track;

import java.util.List;

/**
 * The output of the gate stage for one scan: the tracks that were predicted to the scan's time
 * (those near enough to be worth it), the scan's plots, and the gated cost sub-matrix over the
 * tracks and plots that share at least one gate.
 *
 * @param tracks tracks predicted to the scan time (in live order); the initiation stage asks them
 *     whether an unused plot duplicates one
 * @param plots the scan's plots without a feed track id, in scan order
 * @param rows for each cost row, the index of its track in {@code tracks} (ascending)
 * @param cols for each cost column, the index of its plot in {@code plots} (ascending)
 * @param cost {@code rows.length x cols.length} gate distances (squared Mahalanobis plus any
 *     penalty); {@link #NOT_ALLOWED} where the pair is outside the gate
 */
public record GatedScan(List<Track> tracks, List<Measurement> plots, int[] rows, int[] cols, double[][] cost) {
  /** Cost of a pair outside the gate: finite (the assignment solver needs finite costs), never chosen. */
  public static final double NOT_ALLOWED = 1e9;

  /** Whether no track shares a gate with any plot. */
  public boolean empty() {
    return rows.length == 0;
  }
}
