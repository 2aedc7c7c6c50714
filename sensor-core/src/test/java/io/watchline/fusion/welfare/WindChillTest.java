package io.watchline.fusion.welfare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindChillTest {
  private static double fahrenheitToC(double f) {
    return (f - 32) * 5 / 9;
  }

  private static double cToF(double c) {
    return c * 9 / 5 + 32;
  }

  /** The US NWS wind chill chart (°F, mph), an independent table of the same 2001 index. */
  @Test
  void matchesTheNwsChart() {
    double[][] chart = { // temperature °F, wind mph, wind chill °F as printed
        {0, 15, -19}, {10, 20, -9}, {30, 10, 21}, {-10, 5, -22}, {20, 40, -1}, {40, 25, 29}};
    for (double[] row : chart) {
      double c = WindChill.celsius(fahrenheitToC(row[0]), row[1] * 1.609344);
      assertThat(Math.round(cToF(c))).as("T %.0f °F wind %.0f mph", row[0], row[1]).isEqualTo((long) row[2]);
    }
  }

  /** Environment Canada's wind chill table (°C, km/h). */
  @Test
  void matchesEnvironmentCanadasTable() {
    assertThat(Math.round(WindChill.celsius(-10, 20))).isEqualTo(-18);
    assertThat(Math.round(WindChill.celsius(-20, 30))).isEqualTo(-33);
    assertThat(Math.round(WindChill.celsius(0, 10))).isEqualTo(-3);
  }

  @Test
  void outsideTheDefinedRangeIsTheAirTemperature() {
    assertThat(WindChill.celsius(12, 40)).isEqualTo(12);
    assertThat(WindChill.celsius(-5, 3)).isEqualTo(-5);
    assertThat(WindChill.celsius(-5, Double.NaN)).isEqualTo(-5);
    assertThat(WindChill.celsius(Double.NaN, 20)).isNaN();
  }

  @Test
  void colderAndWindierIsNeverWarmer() {
    for (double t = -30; t <= 10; t += 2.5) {
      for (double v = 5; v < 80; v += 5) {
        assertThat(WindChill.celsius(t, v + 5)).isLessThanOrEqualTo(WindChill.celsius(t, v));
        assertThat(WindChill.celsius(t - 2.5, v)).isLessThan(WindChill.celsius(t, v));
      }
    }
  }
}
