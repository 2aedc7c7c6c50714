package io.watchline.geo.geodesy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.junit.jupiter.api.Test;

/** {@link PolarPlacer} against GeographicLib's Direct as the oracle: within 1 mm everywhere. */
class PolarPlacerTest {
  /** The farthest plot a reader can place: CAT048 I048/042 at (-256 NM, -256 NM), ~670.5 km. */
  static final double READER_MAX_M = Math.hypot(256, 256) * 1852;

  static double error(double lat, double lon, double rangeM, double bearingDeg) {
    Geodesy.LatLon want = Geodesy.direct(lat, lon, bearingDeg, rangeM);
    Geodesy.LatLon got = PolarPlacer.at(lat, lon).place(rangeM, bearingDeg);
    assertThat(got.lon()).isBetween(-180.0, 180.0);
    return Geodesic.WGS84.Inverse(want.lat(), want.lon(), got.lat(), got.lon(), GeodesicMask.DISTANCE).s12;
  }

  @Test
  void randomSitesBearingsAndRangesStayWithinOneMillimetre() {
    Random rnd = new Random(20);
    double worst = 0;
    for (int site = 0; site < 60; site++) {
      double lat = -85 + rnd.nextDouble() * 170;
      double lon = -180 + rnd.nextDouble() * 360;
      for (int i = 0; i < 300; i++) {
        double range = i % 3 == 0 ? rnd.nextDouble() * 20_000 : rnd.nextDouble() * READER_MAX_M;
        double bearing = i % 2 == 0 ? rnd.nextInt(65536) * 360.0 / 65536 : rnd.nextDouble() * 720 - 360;
        worst = Math.max(worst, error(lat, lon, range, bearing));
      }
    }
    System.out.printf("PolarPlacer: worst error at random sites %.3g m%n", worst);
    assertThat(worst).isLessThanOrEqualTo(PolarPlacer.TOLERANCE_M);
  }

  @Test
  void worstCasesStayWithinOneMillimetre() {
    double[] lats = {85, -85, 84.999, 80, 70, 60, 45, 0, -60};
    double[] lons = {179.99, -180, 0, 19.6};
    double[] bearings = {0, 90, 180, 270, 359.999999, 1.40625, 45, 135, 225, 315};
    double[] ranges = {0, 1, 31_999.999, 32_000, 100_000, 256 * 1852 - 1852 / 256.0, PolarPlacer.FAST_RANGE_M - 1e-6,
        PolarPlacer.FAST_RANGE_M, READER_MAX_M};
    double worst = 0;
    for (double lat : lats) {
      for (double lon : lons) {
        for (double b : bearings) {
          for (double r : ranges) {
            worst = Math.max(worst, error(lat, lon, r, b));
            for (double d = 0; d < 1.40625; d += 0.1) { // across a whole sector, at the far edge of bands
              worst = Math.max(worst, error(lat, lon, r, b + d));
            }
          }
        }
      }
    }
    System.out.printf("PolarPlacer: worst error at the worst cases %.3g m%n", worst);
    assertThat(worst).isLessThanOrEqualTo(PolarPlacer.TOLERANCE_M);
  }

  @Test
  void placesFromTheTableAwayFromThePoles() {
    PolarPlacer p = PolarPlacer.at(61.5, 24.25);
    for (int i = 0; i < 65536; i += 97) {
      for (double r = 500; r < PolarPlacer.FAST_RANGE_M; r += 31_000) {
        p.place(r, i * 360.0 / 65536);
      }
    }
    int[] counts = p.cellCounts();
    assertThat(counts[0]).isGreaterThan(PolarPlacer.SECTORS * PolarPlacer.BANDS / 2);
    assertThat(counts[1]).isZero(); // no cell needed Direct
  }

  @Test
  void outsideTheTableItIsDirectItself() {
    PolarPlacer p = PolarPlacer.at(42.36, 19.60);
    for (double r : new double[] {-5, PolarPlacer.FAST_RANGE_M, 2e6, Double.NaN}) {
      assertThat(p.place(r, 33)).isEqualTo(Geodesy.direct(42.36, 19.60, 33, r));
    }
    assertThat(p.place(1000, Double.NaN)).isEqualTo(Geodesy.direct(42.36, 19.60, Double.NaN, 1000));
  }
}
