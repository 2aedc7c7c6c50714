package io.watchline.fusion.track;

/**
 * Stage 4: when a live track is closed. The standard rule ({@link #coasting}) closes confirmed
 * tracks after {@code maxCoastMs} without an update and tentative ones {@code confirmWindowMs}
 * after their birth. Implementations are called by the tracker's thread.
 */
@FunctionalInterface
public interface Deleter {
  /** Whether {@code t} is stale at {@code nowMs} (epoch ms) and must be closed. */
  boolean stale(Track t, long nowMs);

  /** The standard rule with the limits of {@code cfg}. Stateless; thread-safe. */
  static Deleter coasting(TrackerConfig cfg) {
    return (t, nowMs) -> t.confirmed() ? nowMs - t.lastMs() > cfg.maxCoastMs() : nowMs - t.firstMs() > cfg.confirmWindowMs();
  }
}
