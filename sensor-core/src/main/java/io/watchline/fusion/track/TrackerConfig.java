package io.watchline.fusion.track;

/**
 * Tracker parameters (see docs/fusion.md for why these values).
 *
 * @param accelNoise white-acceleration spectral density q, m^2/s^3
 * @param gateChi2 Mahalanobis gate (chi-square, 2 dof)
 * @param initSpeedSigma velocity sigma of a new track, m/s
 * @param confirmHits M of the M-of-N rule: hits needed ...
 * @param confirmWindowMs ... within this time from the first hit (N is expressed as time because
 *     several sensors with different scan rates feed one track)
 * @param maxCoastMs a confirmed track without an update for this long is closed
 */
public record TrackerConfig(
    double accelNoise,
    double gateChi2,
    double initSpeedSigma,
    int confirmHits,
    long confirmWindowMs,
    long maxCoastMs) {

  public static TrackerConfig defaults() {
    return new TrackerConfig(0.05, 13.8, 8.0, 3, 15_000, 30_000);
  }
}
