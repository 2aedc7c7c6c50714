package io.watchline.geo.proj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.watchline.geo.geodesy.Geodesy;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LocalProjectionTest {
  private final LocalProjection proj = LocalProjection.centredOn(42.2, 19.7);

  @Test
  void centreMapsToOriginAndBack() {
    LocalProjection.Xy o = proj.forward(42.2, 19.7);
    assertThat(o.x()).isCloseTo(0, within(1e-6));
    assertThat(o.y()).isCloseTo(0, within(1e-6));
    LocalProjection.LatLonPoint back = proj.inverse(12_345.6, -54_321.0);
    LocalProjection.Xy again = proj.forward(back.lat(), back.lon());
    assertThat(again.x()).isCloseTo(12_345.6, within(1e-6));
    assertThat(again.y()).isCloseTo(-54_321.0, within(1e-6));
  }

  @Test
  void planarDistancesAgreeWithGeodesicWithinOneThousandthUpTo100Km() {
    Random rnd = new Random(42);
    double worst = 0;
    for (int i = 0; i < 2000; i++) {
      // Start anywhere within 60 km of the centre, go up to 100 km in any direction.
      Geodesy.LatLon a = Geodesy.direct(42.2, 19.7, rnd.nextDouble() * 360, rnd.nextDouble() * 60_000);
      double len = 1_000 + rnd.nextDouble() * 99_000;
      Geodesy.LatLon b = Geodesy.direct(a.lat(), a.lon(), rnd.nextDouble() * 360, len);
      LocalProjection.Xy pa = proj.forward(a.lat(), a.lon());
      LocalProjection.Xy pb = proj.forward(b.lat(), b.lon());
      double planar = Math.hypot(pb.x() - pa.x(), pb.y() - pa.y());
      double geodesic = Geodesy.distance(a.lat(), a.lon(), b.lat(), b.lon());
      worst = Math.max(worst, Math.abs(planar - geodesic) / geodesic);
    }
    assertThat(worst).isLessThan(0.001);
  }

  @Test
  void batchForwardMatchesSingle() {
    double[] lat = {41.9, 42.5};
    double[] lon = {19.4, 20.0};
    double[] x = new double[2];
    double[] y = new double[2];
    proj.forward(lat, lon, x, y, 2);
    assertThat(x[1]).isEqualTo(proj.forward(42.5, 20.0).x());
    assertThat(y[0]).isEqualTo(proj.forward(41.9, 19.4).y());
  }
}
