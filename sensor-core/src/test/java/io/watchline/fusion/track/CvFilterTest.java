package io.watchline.fusion.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The constant-velocity filter against the closed forms it must reproduce. */
class CvFilterTest {

  @Test
  void predictionMovesOnTheVelocityAndGrowsTheCovarianceByTheWhiteAccelerationModel() {
    double a = 100, b = 4, q = 0.05, dt = 2.5;
    CvFilter f = new CvFilter(10, -20, a, 0, a, Math.sqrt(b), q);
    f.update(10, -20, 1e-12, 0, 1e-12); // pin the position; velocity stays 0 with variance b
    double[] before = f.covariance();
    f.predict(dt);
    double[] p = f.covariance();
    double pp = before[0], pv = before[2], vv = before[10];
    // P' = F P F' + Q, per axis: [pp + 2 dt pv + dt² vv + q dt³/3, pv + dt vv + q dt²/2; ., vv + q dt]
    assertThat(p[0]).isCloseTo(pp + 2 * dt * pv + dt * dt * vv + q * dt * dt * dt / 3, within(1e-9));
    assertThat(p[5]).isCloseTo(p[0], within(1e-12));
    assertThat(p[2]).isCloseTo(pv + dt * vv + q * dt * dt / 2, within(1e-9));
    assertThat(p[8]).isEqualTo(p[2]);
    assertThat(p[10]).isCloseTo(vv + q * dt, within(1e-12));
    assertThat(p[1]).isZero(); // x and y stay independent
  }

  @Test
  void aTargetAtConstantVelocityIsFollowedExactlyWhenMeasurementsAreExact() {
    CvFilter f = new CvFilter(0, 0, 25, 0, 25, 10, 0);
    for (int k = 1; k <= 20; k++) {
      f.predict(2);
      f.update(3.0 * 2 * k, -1.5 * 2 * k, 1e-9, 0, 1e-9);
    }
    assertThat(f.x()).isCloseTo(120, within(1e-6));
    assertThat(f.y()).isCloseTo(-60, within(1e-6));
    assertThat(f.vx()).isCloseTo(3.0, within(1e-6));
    assertThat(f.vy()).isCloseTo(-1.5, within(1e-6));
    assertThat(f.speed()).isCloseTo(Math.hypot(3, 1.5), within(1e-6));
    assertThat(f.courseDeg()).isCloseTo(Math.toDegrees(Math.atan2(3, -1.5)), within(1e-6));
  }

  /**
   * Without process noise and with a diffuse velocity prior the filter is the least-squares line
   * through the measurements: its final position and velocity are the fit's, in closed form.
   */
  @Test
  void withoutProcessNoiseTheEstimateIsTheLeastSquaresLine() {
    Random rnd = new Random(5);
    int n = 30;
    double dt = 1.5, r = 15 * 15;
    double[] t = new double[n], z = new double[n];
    for (int k = 0; k < n; k++) {
      t[k] = k * dt;
      z[k] = 40 + 1.3 * t[k] + rnd.nextGaussian() * 15;
    }
    CvFilter f = new CvFilter(z[0], 0, r, 0, r, 1e4, 0);
    for (int k = 1; k < n; k++) {
      f.predict(dt);
      f.update(z[k], 0, r, 0, r);
    }
    double mt = 0, mz = 0;
    for (int k = 0; k < n; k++) {
      mt += t[k] / n;
      mz += z[k] / n;
    }
    double stt = 0, stz = 0;
    for (int k = 0; k < n; k++) {
      stt += (t[k] - mt) * (t[k] - mt);
      stz += (t[k] - mt) * (z[k] - mz);
    }
    double slope = stz / stt;
    double atEnd = mz + slope * (t[n - 1] - mt);
    assertThat(f.vx()).isCloseTo(slope, within(1e-4));
    assertThat(f.x()).isCloseTo(atEnd, within(1e-3));
    // and the variance of the fitted end point: r (1/n + (t_end - mean)² / Stt)
    assertThat(f.covariance()[0]).isCloseTo(r * (1.0 / n + (t[n - 1] - mt) * (t[n - 1] - mt) / stt), within(1e-3));
  }

  @Test
  void innovationIsTheSquaredMahalanobisDistance() {
    CvFilter f = new CvFilter(0, 0, 100, 0, 100, 1, 0.05);
    // S = P_pos + R = diag(100 + 300, 100 + 300)
    assertThat(f.innovation(30, 40, 300, 0, 300)).isCloseTo(2500.0 / 400, within(1e-12));
    // a correlated S: d² = i' S^-1 i
    double sxx = 100 + 50, sxy = 30, syy = 100 + 80, ix = 12, iy = -7;
    double det = sxx * syy - sxy * sxy;
    double expected = (ix * ix * syy - 2 * ix * iy * sxy + iy * iy * sxx) / det;
    assertThat(f.innovation(ix, iy, 50, 30, 80)).isCloseTo(expected, within(1e-12));
    // asking does not move the state
    assertThat(f.x()).isZero();
  }

  @Test
  void predictingZeroOrBackwardsChangesNothing() {
    CvFilter f = new CvFilter(5, 6, 10, 1, 12, 2, 0.05);
    double[] p = f.covariance();
    f.predict(0);
    f.predict(-3);
    assertThat(f.covariance()).containsExactly(p);
    assertThat(f.x()).isEqualTo(5);
  }

  @Test
  void aCopyIsIndependentAndPredictsLikeTheOriginal() {
    CvFilter f = new CvFilter(0, 0, 25, 0, 25, 5, 0.05);
    f.predict(1);
    f.update(2, 1, 25, 0, 25);
    MotionFilter c = f.copy();
    double[] ahead = f.positionAfter(10);
    c.predict(10);
    assertThat(c.x()).isCloseTo(ahead[0], within(1e-12));
    assertThat(c.y()).isCloseTo(ahead[1], within(1e-12));
    assertThat(f.covariance()).isNotEqualTo(c.covariance());
    assertThat(f.positionAfter(-5)).containsExactly(f.x(), f.y());
  }

  @Test
  void updatesKeepTheCovarianceSymmetric() {
    CvFilter f = new CvFilter(0, 0, 400, 120, 90, 8, 0.05);
    Random rnd = new Random(3);
    for (int k = 0; k < 200; k++) {
      f.predict(1.7);
      double[] r = Measurement.polarCovariance(2000 + rnd.nextDouble() * 5000, rnd.nextDouble() * 360, 15, 0.4);
      f.update(rnd.nextGaussian() * 30, rnd.nextGaussian() * 30, r[0], r[1], r[2]);
    }
    double[] p = f.covariance();
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertThat(p[i * 4 + j]).isEqualTo(p[j * 4 + i]);
      }
      assertThat(p[i * 5]).isPositive();
    }
  }
}
