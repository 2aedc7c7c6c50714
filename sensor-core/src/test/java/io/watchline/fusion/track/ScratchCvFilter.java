package io.watchline.fusion.track;

/** CvFilter as it was with work arrays: the reference its in-place arithmetic must match bit for bit. */
final class ScratchCvFilter {
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
  ScratchCvFilter(double x, double y, double rxx, double rxy, double ryy, double speedSigma, double q) {
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


  /**
   * Moves the state {@code dt} seconds ahead: x += vx·dt, P = F P F' + Q with Q the
   * white-acceleration noise (q·dt³/3 on position, q·dt²/2 position-velocity, q·dt on velocity).
   */
  
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

   public double x() { return x; }
   public double y() { return y; }
   public double vx() { return vx; }
   public double vy() { return vy; }

  
  public double positionVariance() {
    return p[0] + p[5];
  }

  
  public double[] covariance() {
    return p.clone();
  }

  
}
