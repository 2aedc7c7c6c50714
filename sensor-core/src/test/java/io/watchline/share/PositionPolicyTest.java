package io.watchline.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PositionPolicyTest {
  /** A border along the parallel 42°N: the distance is the north-south offset. */
  static final PositionPolicy POLICY = new PositionPolicy((lat, lon) -> (lat - 42.0) * 111_195, 1000, 1000);

  @Test
  void positionsNearTheBorderStayExactOthersSnapToTheGrid() {
    assertThat(POLICY.place("crossing", 42.005, 19.123456)).containsExactly(42.005, 19.123456);
    double[] inland = POLICY.place("crossing", 42.0537, 19.4411);
    assertThat(inland).isNotEqualTo(new double[] {42.0537, 19.4411});
    // Within half a grid cell of the truth, on a grid corner.
    assertThat((inland[0] - 42.0537) * 111_195).isBetween(-500.0, 500.0);
    assertThat((inland[1] - 19.4411) * 111_195 * Math.cos(Math.toRadians(42.05))).isBetween(-501.0, 501.0);
    double row = inland[0] / (1000 / 111_195.0);
    assertThat(row - Math.rint(row)).isCloseTo(0, within(1e-3));
    // Two points in one cell give the same snapped position: the inland detail is gone.
    assertThat(POLICY.snap(42.0537, 19.4411)).containsExactly(POLICY.snap(42.0539, 19.4413));
  }

  @Test
  void welfareIncidentsAlwaysKeepTheirExactPosition() {
    assertThat(SharingRules.alwaysExact("welfare")).isTrue();
    assertThat(SharingRules.alwaysExact("crossing")).isFalse();
    assertThat(POLICY.exact("welfare", 42.3, 19.9)).isTrue();
    assertThat(POLICY.place("welfare", 42.3, 19.9)).containsExactly(42.3, 19.9);
    assertThat(POLICY.exact("loiter", 42.3, 19.9)).isFalse();
  }
}
