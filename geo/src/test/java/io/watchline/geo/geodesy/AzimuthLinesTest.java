package io.watchline.geo.geodesy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AzimuthLinesTest {
  /** Bit for bit what plain Direct answers, including after a slot was taken by another origin. */
  @Test
  void agreesBitForBitWithDirectOnRandomPlots() {
    Random rnd = new Random(48);
    AzimuthLines lines = new AzimuthLines();
    double[][] origins = {{42.3601, 19.6022}, {-33.9, 151.2}, {89.99, -179.99}, {0.0, -0.0}, {-0.0, 180.0}};
    int[] codes = new int[64]; // a few codes seen again and again, so slots are reused and replaced
    for (int i = 0; i < codes.length; i++) {
      codes[i] = rnd.nextInt(AzimuthLines.CODES);
    }
    codes[0] = 0;
    codes[1] = AzimuthLines.CODES - 1;
    int reused = 0;
    for (int i = 0; i < 200_000; i++) {
      double[] o = origins[rnd.nextInt(origins.length)];
      int code = rnd.nextInt(4) == 0 ? rnd.nextInt(AzimuthLines.CODES) : codes[rnd.nextInt(codes.length)];
      double azimuth = code * 360.0 / 65536.0;
      double range = switch (rnd.nextInt(4)) {
        case 0 -> rnd.nextInt(65536) / 256.0 * 1852.0; // CAT048 range codes
        case 1 -> rnd.nextDouble() * 20_000_000; // up to half way round the earth
        case 2 -> 0.0;
        default -> rnd.nextDouble() * 500_000;
      };
      Geodesy.LatLon want = Geodesy.direct(o[0], o[1], azimuth, range);
      Geodesy.LatLon got = lines.direct(o[0], o[1], code, azimuth, range);
      assertThat(Double.doubleToRawLongBits(got.lat())).as("lat %s %s %s", o[0], azimuth, range)
          .isEqualTo(Double.doubleToRawLongBits(want.lat()));
      assertThat(Double.doubleToRawLongBits(got.lon())).as("lon %s %s %s", o[1], azimuth, range)
          .isEqualTo(Double.doubleToRawLongBits(want.lon()));
      reused += code == codes[0] || code == codes[1] ? 1 : 0;
    }
    assertThat(reused).isGreaterThan(1000);
  }

  /** A slot keyed by code still answers for the azimuth it is given, even if another shares its code. */
  @Test
  void anotherAzimuthUnderTheSameCodeGetsItsOwnLine() {
    AzimuthLines lines = new AzimuthLines();
    Geodesy.LatLon east = lines.direct(42.0, 19.0, 7, 90.0, 10_000);
    Geodesy.LatLon north = lines.direct(42.0, 19.0, 7, 0.0, 10_000);
    assertThat(north).isEqualTo(Geodesy.direct(42.0, 19.0, 0.0, 10_000));
    assertThat(lines.direct(42.0, 19.0, 7, 90.0, 10_000)).isEqualTo(east);
    assertThat(north.lat()).isGreaterThan(east.lat());
  }

  @Test
  void nanAzimuthOrDistanceGivesWhatDirectGives() {
    AzimuthLines lines = new AzimuthLines();
    assertThat(lines.direct(42.0, 19.0, 3, Double.NaN, 10)).isEqualTo(Geodesy.direct(42.0, 19.0, Double.NaN, 10));
    assertThat(lines.direct(42.0, 19.0, 3, 10, Double.NaN)).isEqualTo(Geodesy.direct(42.0, 19.0, 10, Double.NaN));
  }
}
