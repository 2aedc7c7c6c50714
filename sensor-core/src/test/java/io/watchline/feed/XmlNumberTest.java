package io.watchline.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class XmlNumberTest {

  static double jdk(String s) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  @Test
  void agreesWithTheJdkBitForBit() {
    Random rnd = new Random(5);
    String alphabet = "0123456789.-+eE x";
    for (int k = 0; k < 100_000; k++) {
      String s = switch (k % 4) {
        case 0 -> String.format(Locale.ROOT, "%." + rnd.nextInt(12) + "f", (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(8)));
        case 1 -> Long.toString(rnd.nextLong() % (long) Math.pow(10, 1 + rnd.nextInt(18)));
        case 2 -> Double.toString(rnd.nextDouble() * 360 - 180);
        default -> {
          StringBuilder sb = new StringBuilder();
          for (int i = rnd.nextInt(20); i > 0; i--) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
          }
          yield sb.toString();
        }
      };
      if (Double.doubleToRawLongBits(XmlNumber.parse(s)) != Double.doubleToRawLongBits(jdk(s))) {
        assertThat(Double.doubleToRawLongBits(XmlNumber.parse(s))).as(s).isEqualTo(Double.doubleToRawLongBits(jdk(s)));
      }
    }
    for (String s : new String[] {"", "-", ".", "-.", "-0", "-0.0", "0.", ".5", "1.2.3", "999999999999999",
        "9999999999999999", "0.000000000000001", "42.100023070", " 1", "1 ", "NaN", "Infinity", "1d", "0x1p3", "--1"}) {
      assertThat(Double.doubleToRawLongBits(XmlNumber.parse(s))).as(s).isEqualTo(Double.doubleToRawLongBits(jdk(s)));
    }
    assertThat(XmlNumber.parse(null)).isNaN();
    assertThat(XmlNumber.parse("42.100023070")).isEqualTo(42.10002307);
  }
}
