package io.watchline.fusion.track;

import java.util.List;

/**
 * Stage 2 of a scan: decides which gated plot updates which track. Global nearest neighbour
 * ({@link GlobalNearestNeighbour}) is the one in use; a probabilistic data association would
 * replace this stage (and the update it drives) without touching gating or initiation.
 */
public interface Assigner {
  /** One plot given to one track. */
  record Pair(Track track, int plot) {}

  /**
   * @param scan the gated scan (not empty)
   * @return the pairs, each track and each plot at most once, ordered by track row; the tracker
   *     updates the tracks in this order
   */
  List<Pair> assign(GatedScan scan);
}
