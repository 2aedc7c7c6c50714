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
  // no work arrays: predict and update run in place (and allocate nothing), so a track's filter is
  // two objects to reach, not four

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
    // P = F P F' with F = [I dt*I; 0 I], in place: first P F' (columns 0-1 of each row take dt
    // times columns 2-3, which stay), then F (rows 0-1 take dt times rows 2-3, which stay)
    double[] p = this.p;
    for (int r = 0; r < 16; r += 4) {
      p[r] += dt * p[r + 2];
      p[r + 1] += dt * p[r + 3];
    }
    for (int c = 0; c < 8; c++) {
      p[c] += dt * p[c + 8];
    }
    double dt2 = dt * dt;
    double qpp = q * dt2 * dt / 3, qpv = q * dt2 / 2, qvv = q * dt;
    p[0] += qpp;
    p[5] += qpp;
    p[2] += qpv;
    p[8] += qpv;
    p[7] += qpv;
    p[13] += qpv;
    p[10] += qvv;
    p[15] += qvv;
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
    double[] p = this.p;
    double k0 = p[0] * i00 + p[1] * i01, k1 = p[0] * i01 + p[1] * i11;
    double k2 = p[4] * i00 + p[5] * i01, k3 = p[4] * i01 + p[5] * i11;
    double k4 = p[8] * i00 + p[9] * i01, k5 = p[8] * i01 + p[9] * i11;
    double k6 = p[12] * i00 + p[13] * i01, k7 = p[12] * i01 + p[13] * i11;
    x += k0 * ix + k1 * iy;
    y += k2 * ix + k3 * iy;
    vx += k4 * ix + k5 * iy;
    vy += k6 * ix + k7 * iy;
    // P = (I - K H) P : subtract K * (first two rows of P), which are read as they were
    double a0 = p[0], a1 = p[1], a2 = p[2], a3 = p[3], b0 = p[4], b1 = p[5], b2 = p[6], b3 = p[7];
    minus(p, 0, k0, k1, a0, a1, a2, a3, b0, b1, b2, b3);
    minus(p, 4, k2, k3, a0, a1, a2, a3, b0, b1, b2, b3);
    minus(p, 8, k4, k5, a0, a1, a2, a3, b0, b1, b2, b3);
    minus(p, 12, k6, k7, a0, a1, a2, a3, b0, b1, b2, b3);
    // keep it symmetric against rounding drift
    for (int r = 0; r < 4; r++) {
      for (int c = r + 1; c < 4; c++) {
        double m = (p[r * 4 + c] + p[c * 4 + r]) / 2;
        p[r * 4 + c] = m;
        p[c * 4 + r] = m;
      }
    }
  }

  /** Row {@code at} of P less ka times row 0 (a) and kb times row 1 (b) as they were before the update. */
  private static void minus(double[] p, int at, double ka, double kb, double a0, double a1, double a2, double a3,
      double b0, double b1, double b2, double b3) {
    p[at] = p[at] - ka * a0 - kb * b0;
    p[at + 1] = p[at + 1] - ka * a1 - kb * b1;
    p[at + 2] = p[at + 2] - ka * a2 - kb * b2;
    p[at + 3] = p[at + 3] - ka * a3 - kb * b3;
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
