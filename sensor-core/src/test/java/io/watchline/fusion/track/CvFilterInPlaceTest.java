package io.watchline.fusion.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The filter computing in place against the same arithmetic through work arrays: equal to the bit. */
class CvFilterInPlaceTest {
  @Test
  void predictionsUpdatesAndGateDistancesMatchTheWorkArrayVersionBitForBit() {
    Random rnd = new Random(17);
    for (int run = 0; run < 400; run++) {
      double x = rnd.nextGaussian() * 5_000, y = rnd.nextGaussian() * 5_000;
      double rxx = 1 + rnd.nextDouble() * 900, ryy = 1 + rnd.nextDouble() * 900;
      double rxy = (rnd.nextDouble() - 0.5) * Math.sqrt(rxx * ryy);
      double speed = rnd.nextDouble() * 4, q = rnd.nextDouble() * 2;
      CvFilter f = new CvFilter(x, y, rxx, rxy, ryy, speed, q);
      ScratchCvFilter ref = new ScratchCvFilter(x, y, rxx, rxy, ryy, speed, q);
      for (int step = 0; step < 60; step++) {
        double dt = rnd.nextInt(10) == 0 ? -rnd.nextDouble() : rnd.nextDouble() * (rnd.nextBoolean() ? 2 : 60);
        f.predict(dt);
        ref.predict(dt);
        same(f, ref);
        double zx = f.x() + rnd.nextGaussian() * 50, zy = f.y() + rnd.nextGaussian() * 50;
        double mxx = 0.5 + rnd.nextDouble() * 400, myy = 0.5 + rnd.nextDouble() * 400;
        double mxy = (rnd.nextDouble() - 0.5) * Math.sqrt(mxx * myy);
        assertThat(Double.doubleToRawLongBits(f.innovation(zx, zy, mxx, mxy, myy)))
            .isEqualTo(Double.doubleToRawLongBits(ref.innovation(zx, zy, mxx, mxy, myy)));
        if (rnd.nextInt(3) > 0) {
          f.update(zx, zy, mxx, mxy, myy);
          ref.update(zx, zy, mxx, mxy, myy);
          same(f, ref);
        }
      }
    }
  }

  private static void same(CvFilter f, ScratchCvFilter ref) {
    assertThat(bits(f.x(), f.y(), f.vx(), f.vy())).containsExactly(bits(ref.x(), ref.y(), ref.vx(), ref.vy()));
    assertThat(bits(f.covariance())).containsExactly(bits(ref.covariance()));
  }

  private static long[] bits(double... v) {
    long[] b = new long[v.length];
    for (int i = 0; i < v.length; i++) b[i] = Double.doubleToRawLongBits(v[i]);
    return b;
  }
}
