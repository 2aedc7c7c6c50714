package io.watchline.fusion.track;

import java.util.Map;

/**
 * M-of-N initiation with N as time: {@code confirmHits} hits within {@code confirmWindowMs} of the
 * first confirm a track (scans are meaningless as N when radars of 1 s and 2 s and cameras feed one
 * track). A plot just outside a confirmed track's gate (within {@code nearConfirmedGateFactor}
 * gates: a second plot of the same target, a multipath echo, a group member) seeds nothing, unless
 * that track got its own plot in the same scan more than {@code secondObjectM} away: a radar
 * reports one plot per object per scan, so that is a second object. Stateless; thread-safe.
 */
public final class MOfNInitiator implements Initiator {
  private final TrackerConfig cfg;

  /** @param cfg M, N (as time), gate and second-object distance */
  public MOfNInitiator(TrackerConfig cfg) {
    this.cfg = cfg;
  }

  @Override
  public boolean seeds(Measurement m, GatedScan scan, Map<Track, Measurement> assigned) {
    for (Track t : scan.tracks()) {
      if (t.confirmed() && t.filter.innovation(m.x(), m.y(), m.rxx(), m.rxy(), m.ryy()) <= cfg.nearConfirmedGateFactor() * cfg.gateChi2()) {
        Measurement own = assigned.get(t);
        if (own != null && Math.hypot(own.x() - m.x(), own.y() - m.y()) > cfg.secondObjectM()) {
          continue;
        }
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean confirms(Track t, Measurement m) {
    return !t.confirmed() && t.hits() >= cfg.confirmHits() && m.tMs() - t.firstMs() <= cfg.confirmWindowMs();
  }
}
