package io.watchline.fusion.track;

import java.util.Map;

/**
 * Stage 3 of a scan: which unassigned plots start a tentative track, and when a tentative track is
 * confirmed. {@link MOfNInitiator} is the one in use. Not thread-safe; called by the tracker's
 * thread.
 */
public interface Initiator {
  /**
   * Whether an unassigned plot seeds a new tentative track.
   *
   * @param plot the plot no track took
   * @param scan the gated scan it belongs to (its {@code tracks} were predicted to the scan time)
   * @param assigned the plot each track got in this scan (tracks without one are absent)
   */
  boolean seeds(Measurement plot, GatedScan scan, Map<Track, Measurement> assigned);

  /** Whether the tentative track {@code t}, just updated with {@code m}, becomes confirmed. */
  boolean confirms(Track t, Measurement m);
}
