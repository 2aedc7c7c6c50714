package io.watchline.fusion.track;

/**
 * The state estimator of one track in the border's local metric plane (x east, y north, metres):
 * what the tracker, the camera associator and the incident logic ask of a track's motion. {@link
 * CvFilter} (constant velocity) is the one in use; an interacting-multiple-model filter would be
 * another implementation behind the same calls, made by a {@link Factory} given to the {@link
 * Tracker}.
 *
 * <p>Implementations are mutable and not thread-safe: one filter belongs to one track and is used
 * by the thread that runs the fusion.
 */
public interface MotionFilter {

  /** Makes the filter of a new track from its first measurement. */
  @FunctionalInterface
  interface Factory {
    /**
     * @param m the track's first measurement (its position and covariance start the state)
     * @return a new filter at the measured position with unknown velocity
     */
    MotionFilter start(Measurement m);
  }

  /**
   * Moves the state {@code dtS} seconds ahead, growing the covariance by the process noise. Does
   * nothing when {@code dtS <= 0} (a filter is never moved back in time).
   */
  void predict(double dtS);

  /**
   * Squared Mahalanobis distance of a position measurement from the current (predicted) position,
   * using the innovation covariance S = P_pos + R: chi-square with 2 degrees of freedom for a true
   * association. Does not change the state.
   *
   * @param zx measured x, m
   * @param zy measured y, m
   * @param rxx measurement covariance, m² (R must be positive definite together with P)
   * @param rxy measurement covariance, m²
   * @param ryy measurement covariance, m²
   * @return d² ≥ 0; infinite or NaN when S is singular
   */
  double innovation(double zx, double zy, double rxx, double rxy, double ryy);

  /** Updates the state with a position measurement (arguments as for {@link #innovation}). */
  void update(double zx, double zy, double rxx, double rxy, double ryy);

  /** Estimated x, m. */
  double x();

  /** Estimated y, m. */
  double y();

  /** Estimated velocity east, m/s. */
  double vx();

  /** Estimated velocity north, m/s. */
  double vy();

  /** Estimated speed, m/s (≥ 0). */
  default double speed() {
    return Math.hypot(vx(), vy());
  }

  /** Course over ground, degrees clockwise from grid north (the y axis), in [0, 360). */
  default double courseDeg() {
    double c = Math.toDegrees(Math.atan2(vx(), vy()));
    return c < 0 ? c + 360 : c;
  }

  /** Position variance (trace of the position block of the covariance), m². */
  double positionVariance();

  /**
   * The covariance over (x, y, vx, vy), row-major 4x4, as a new array (units m², m²/s, m²/s²).
   */
  double[] covariance();

  /**
   * The position {@code dtS} seconds after the filter's time, on the current velocity, without
   * changing the filter: {x, y}. {@code dtS} below 0 is taken as 0.
   */
  default double[] positionAfter(double dtS) {
    double dt = Math.max(0, dtS);
    return new double[] {x() + vx() * dt, y() + vy() * dt};
  }

  /** An independent copy (to predict without touching this one). */
  MotionFilter copy();
}
