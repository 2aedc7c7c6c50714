package io.watchline.fusion.track;

/**
 * Constant-velocity Kalman filter in a local metric plane: state (x, y, vx, vy), position
 * measurements with a full 2x2 covariance (polar radar errors are not isotropic), white-acceleration
 * process noise of spectral density q (the discretised continuous white-noise-acceleration model).
 *
 * <p>Degenerate cases: a prediction over {@code dt <= 0} does nothing; a measurement whose
 * innovation covariance is singular (zero measurement and position covariance) gives an infinite or
 * NaN gate distance and must not be used for an update. Mutable, not thread-safe (one per track).
 *
 * <p>Written out by hand instead of using Commons Math's {@code KalmanFilter}: the gate needs the
 * innovation covariance S, which that class does not expose, and the closed 4x4 form allocates
 * nothing per update (the tracker runs millions of updates a night).
 */
public final class CvFilter implements MotionFilter {
  private double x, y, vx, vy;
  private final double q;
  /** Covariance, row-major 4x4 over (x, y, vx, vy). */
  private final double[] p = new double[16];
  // work arrays: updates run millions of times a night and allocate nothing
  private final double[] scratch = new double[16];
  private final double[] gain = new double[8];

  // innovation of the last call to innovation(): kept to avoid recomputing it in update()
  private double ix, iy, s00, s01, s11;

  /**
   * Starts at a measured position with unknown velocity.
   *
   * @param x measured x, m
   * @param y measured y, m
   * @param rxx position covariance, m² (the measurement's)
   * @param rxy position covariance, m²
   * @param ryy position covariance, m²
   * @param speedSigma standard deviation of each velocity component, m/s (velocity starts at 0)
   * @param q white-acceleration spectral density, m²/s³: a walking person changes speed by about
   *     sqrt(q·dt) m/s over dt seconds
   */
  public CvFilter(double x, double y, double rxx, double rxy, double ryy, double speedSigma, double q) {
    this.q = q;
    this.x = x;
    this.y = y;
    p[0] = rxx;
    p[1] = rxy;
    p[4] = rxy;
    p[5] = ryy;
    p[10] = speedSigma * speedSigma;
    p[15] = speedSigma * speedSigma;
  }

  /** The factory of the tracker's tracks: CV filters with this process noise and initial speed sigma. */
  public static MotionFilter.Factory factory(double q, double speedSigma) {
    return m -> new CvFilter(m.x(), m.y(), m.rxx(), m.rxy(), m.ryy(), speedSigma, q);
  }

  /**
   * Moves the state {@code dt} seconds ahead: x += vx·dt, P = F P F' + Q with Q the
   * white-acceleration noise (q·dt³/3 on position, q·dt²/2 position-velocity, q·dt on velocity).
   */
  @Override
  public void predict(double dt) {
    if (dt <= 0) {
      return;
    }
    x += vx * dt;
    y += vy * dt;
    // P = F P F' with F = [I dt*I; 0 I], done on the 2x2 blocks A (pos), B (pos-vel), C (vel).
    double[] n = scratch;
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        double v = p[r * 4 + c];
        if (c < 2) v += dt * p[r * 4 + c + 2];
        n[r * 4 + c] = v;
      }
    }
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 4; c++) {
        n[r * 4 + c] += dt * n[(r + 2) * 4 + c];
      }
    }
    double dt2 = dt * dt;
    double qpp = q * dt2 * dt / 3, qpv = q * dt2 / 2, qvv = q * dt;
    n[0] += qpp;
    n[5] += qpp;
    n[2] += qpv;
    n[8] += qpv;
    n[7] += qpv;
    n[13] += qpv;
    n[10] += qvv;
    n[15] += qvv;
    System.arraycopy(n, 0, p, 0, 16);
  }

  /**
   * Squared Mahalanobis distance of a measurement from the predicted position. Chi-square with 2
   * degrees of freedom: 9.21 admits 99 % of true associations, 13.8 99.9 %.
   */
  @Override
  public double innovation(double zx, double zy, double rxx, double rxy, double ryy) {
    ix = zx - x;
    iy = zy - y;
    s00 = p[0] + rxx;
    s01 = p[1] + rxy;
    s11 = p[5] + ryy;
    double det = s00 * s11 - s01 * s01;
    return (ix * ix * s11 - 2 * ix * iy * s01 + iy * iy * s00) / det;
  }

  /** Kalman update with a position measurement (Joseph-free form, symmetrised against drift). */
  @Override
  public void update(double zx, double zy, double rxx, double rxy, double ryy) {
    innovation(zx, zy, rxx, rxy, ryy);
    double det = s00 * s11 - s01 * s01;
    double i00 = s11 / det, i01 = -s01 / det, i11 = s00 / det;
    // K = P H' S^-1 : 4x2, P H' = first two columns of P
    double[] k = gain;
    for (int r = 0; r < 4; r++) {
      double a = p[r * 4], b = p[r * 4 + 1];
      k[r * 2] = a * i00 + b * i01;
      k[r * 2 + 1] = a * i01 + b * i11;
    }
    x += k[0] * ix + k[1] * iy;
    y += k[2] * ix + k[3] * iy;
    vx += k[4] * ix + k[5] * iy;
    vy += k[6] * ix + k[7] * iy;
    // P = (I - K H) P : subtract K * (first two rows of P)
    double[] n = scratch;
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        n[r * 4 + c] = p[r * 4 + c] - k[r * 2] * p[c] - k[r * 2 + 1] * p[4 + c];
      }
    }
    // keep it symmetric against rounding drift
    for (int r = 0; r < 4; r++) {
      for (int c = r + 1; c < 4; c++) {
        double m = (n[r * 4 + c] + n[c * 4 + r]) / 2;
        n[r * 4 + c] = m;
        n[c * 4 + r] = m;
      }
    }
    System.arraycopy(n, 0, p, 0, 16);
  }

  @Override public double x() { return x; }
  @Override public double y() { return y; }
  @Override public double vx() { return vx; }
  @Override public double vy() { return vy; }

  @Override
  public double positionVariance() {
    return p[0] + p[5];
  }

  @Override
  public double[] covariance() {
    return p.clone();
  }

  @Override
  public CvFilter copy() {
    CvFilter f = new CvFilter(x, y, 0, 0, 0, 0, q);
    f.vx = vx;
    f.vy = vy;
    System.arraycopy(p, 0, f.p, 0, 16);
    return f;
  }
}
