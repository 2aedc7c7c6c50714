package io.watchline.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LensTest {
  static Site camera(Lens lens) {
    return new Site("TC-09", SiteKind.THERMAL, 42, 19, 10, 350, 60, 0, 3000, -1, -1, 0, lens);
  }

  @Test
  void axisAndEdgesAreTheSameInBothModels() {
    for (Lens lens : Lens.values()) {
      Site s = camera(lens);
      assertThat(s.bearingOfImageX(0)).as(lens.name()).isCloseTo(350, within(1e-9));
      assertThat(s.bearingOfImageX(-1)).as(lens.name()).isCloseTo(320, within(1e-9));
      assertThat(s.bearingOfImageX(1)).as(lens.name()).isCloseTo(20, within(1e-9)); // across north
    }
  }

  @Test
  void midImageFollowsEachFormula() {
    double x = 0.5;
    // pinhole: 350 + atan(0.5 · tan 30°) = 350 + 16.102° = 6.102; linear: 350 + 0.5 · 30 = 5 (across north)
    double pinhole = 350 + Math.toDegrees(Math.atan(x * Math.tan(Math.toRadians(30)))) - 360;
    assertThat(camera(Lens.PINHOLE).bearingOfImageX(x)).isCloseTo(pinhole, within(1e-9));
    assertThat(camera(Lens.LINEAR).bearingOfImageX(x)).isCloseTo(5, within(1e-9));
    assertThat(pinhole - 5).isGreaterThan(1); // the two models differ by more than a degree here
  }

  @Test
  void imageXIsTheInverseOfTheBearing() {
    for (Lens lens : Lens.values()) {
      Site s = camera(lens);
      for (double x = -1; x <= 1; x += 0.125) {
        assertThat(s.imageXOfBearing(s.bearingOfImageX(x))).as(lens + " " + x).isCloseTo(x, within(1e-12));
      }
    }
  }

  @Test
  void sitesDefaultToPinholeAndNameLinearExplicitly() throws Exception {
    String yaml = """
        sites:
          - {id: TC-01, kind: thermal, lat: 42.0, lon: 19.0, azimuth_deg: 90, fov_deg: 40}
          - {id: TC-02, kind: thermal, lat: 42.0, lon: 19.1, azimuth_deg: 90, fov_deg: 40, lens: linear}
        """;
    SiteRegistry r = SiteRegistryTest.load(yaml);
    assertThat(r.byId("TC-01").lens()).isEqualTo(Lens.PINHOLE);
    assertThat(r.byId("TC-02").lens()).isEqualTo(Lens.LINEAR);
    assertThatThrownBy(() -> SiteRegistryTest.load(yaml.replace("linear", "fisheye")))
        .hasMessageContaining("lens must be pinhole or linear");
  }
}
