package io.watchline.fusion.track;

/**
 * Stage 4: when a live track is closed. The standard rule ({@link #coasting}) closes confirmed
 * tracks after {@code maxCoastMs} without an update ({@code establishedCoastMs} when they have
 * {@code establishedHits} and move) and tentative ones {@code confirmWindowMs} after their birth; {@link
 * #expectingMisses} keeps a confirmed track longer while its sensors were bound to miss it.
 * Implementations are called by the tracker's thread.
 */
@FunctionalInterface
public interface Deleter {
  /** Whether {@code t} is stale at {@code nowMs} (epoch ms) and must be closed. */
  boolean stale(Track t, long nowMs);

  /**
   * The standard rule with the limits of {@code cfg}. An established track (a minute of plots, on
   * the move) is a target, not chance plots strung together, and a walker unseen for a minute has
   * mostly halted, gone behind a ridge or changed its radar track number: it is kept three times as
   * long, and the gate lets it take only plots a walker could have reached ({@code coastedReachM}).
   * A track standing when last seen is closed as before: the loiter rules read the glimpses of a
   * stay after it. Stateless; thread-safe.
   */
  static Deleter coasting(TrackerConfig cfg) {
    return (t, nowMs) -> t.confirmed() ? nowMs - t.lastMs() > coastLimitMs(t, cfg) : nowMs - t.firstMs() > cfg.confirmWindowMs();
  }

  /** How long a confirmed track may go without an update under the standard rule, ms. */
  static long coastLimitMs(Track t, TrackerConfig cfg) {
    boolean established = t.hits() >= cfg.establishedHits() && t.filter.speed() >= cfg.establishedMinSpeedMps();
    return established ? Math.max(cfg.maxCoastMs(), cfg.establishedCoastMs()) : cfg.maxCoastMs();
  }

  /**
   * The standard rule, except that a confirmed track unseen for longer than it allows stays
   * (up to {@code maxMissedCoastMs}) while the chance that its sensors missed it all that time, had
   * it gone on as predicted, is at least {@code missedChance}. A Doppler radar sees a walker crossing
   * its beam on one scan in twenty: the standard rule closes the track between two plots, and the
   * walk reaches the incident stage as pieces. A radar that sees the target on nine scans in ten
   * closes it as before. The chance is taken where the track would be now, at its filtered velocity.
   */
  static Deleter expectingMisses(TrackerConfig cfg, MissModel misses) {
    double logChance = Math.log(cfg.missedChance());
    return (t, nowMs) -> {
      if (!t.confirmed()) {
        return nowMs - t.firstMs() > cfg.confirmWindowMs();
      }
      long unseen = nowMs - t.lastMs();
      if (unseen <= coastLimitMs(t, cfg)) {
        return false;
      }
      if (unseen > cfg.maxMissedCoastMs()) {
        return true;
      }
      double[] p = Tracker.predictedPosition(t, nowMs);
      return misses.logMissPerMs(p[0], p[1], t.filter.vx(), t.filter.vy()) * unseen < logChance;
    };
  }
}
