package io.watchline.fusion.track;

/**
 * How likely the sensors are to miss a target: the stage {@link Deleter#expectingMisses} asks it
 * whether a track that has gone unseen was to be expected unseen. Positions in the local plane,
 * metres; velocities m/s.
 */
@FunctionalInterface
public interface MissModel {
  /**
   * The natural log of the chance that every sensor covering (x, y) misses a target there moving at
   * (vx, vy), per millisecond: the sum over those sensors of ln(1 - Pd) per scan, divided by their
   * scan periods. 0 where nothing covers the point (nothing could have seen it), {@link
   * Double#NEGATIVE_INFINITY} where a sensor cannot miss it.
   */
  double logMissPerMs(double x, double y, double vx, double vy);
}
