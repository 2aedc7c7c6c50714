package io.watchline.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiNumbersTest {
  /** Same bits as Double.parseDouble, or the same exception, on many random decimal texts. */
  @Test
  void agreesWithParseDoubleOnRandomTexts() {
    Random rnd = new Random(2026);
    String alphabet = "0123456789.-+eE x";
    for (int i = 0; i < 400_000; i++) {
      String s = switch (i % 4) {
        case 0 -> randomDecimal(rnd);
        case 1 -> Double.toString(Double.longBitsToDouble(rnd.nextLong()));
        case 2 -> String.format(java.util.Locale.ROOT, "%." + rnd.nextInt(12) + "f", (rnd.nextDouble() - 0.3) * Math.pow(10, rnd.nextInt(12)));
        default -> {
          StringBuilder sb = new StringBuilder();
          for (int k = rnd.nextInt(8); k > 0; k--) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
          }
          yield sb.toString();
        }
      };
      check(s);
    }
  }

  @Test
  void edgeCases() {
    for (String s : new String[] {"0", "-0", "+0", "-0.0", "0.", ".5", "-.5", "1.", "9007199254740991", "9007199254740992",
        "9007199254740993", "123456789012345678", "1234567890123456789", "0.000000000000000000001", "1e5",
        "NaN", "Infinity", "-Infinity", " 1", "1 ", "", ".", "-", "+", "1.2.3", "1d", "0x1p3", "4916.4500",
        "12311.1200", "0.1", "0.3", "2.675", "999999999999999999"}) {
      check(s);
    }
  }

  @Test
  void twoDigits() {
    byte[] b = "0959x+1".getBytes(StandardCharsets.US_ASCII);
    assertThat(AsciiNumbers.twoDigits(b, 0)).isEqualTo(9);
    assertThat(AsciiNumbers.twoDigits(b, 2)).isEqualTo(59);
    assertThat(AsciiNumbers.twoDigits(b, 3)).isEqualTo(-1);
    assertThat(AsciiNumbers.twoDigits(b, 5)).isEqualTo(-1);
  }

  private static String randomDecimal(Random rnd) {
    StringBuilder sb = new StringBuilder();
    if (rnd.nextInt(4) == 0) {
      sb.append(rnd.nextBoolean() ? '-' : '+');
    }
    int whole = rnd.nextInt(12);
    for (int k = 0; k < whole; k++) {
      sb.append((char) ('0' + rnd.nextInt(10)));
    }
    if (rnd.nextInt(5) != 0) {
      sb.append('.');
      for (int k = rnd.nextInt(20); k > 0; k--) {
        sb.append((char) ('0' + rnd.nextInt(10)));
      }
    }
    return sb.toString();
  }

  private static void check(String s) {
    byte[] padded = ("ab," + s + ",cd").getBytes(StandardCharsets.ISO_8859_1);
    Double want;
    try {
      want = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      assertThatThrownBy(() -> AsciiNumbers.parseDouble(padded, 3, 3 + s.length())).as(s)
          .isInstanceOf(NumberFormatException.class);
      assertThatThrownBy(() -> AsciiNumbers.parseDouble("ab," + s + ",cd", 3, 3 + s.length())).as(s)
          .isInstanceOf(NumberFormatException.class);
      return;
    }
    long bits = Double.doubleToRawLongBits(want);
    assertThat(Double.doubleToRawLongBits(AsciiNumbers.parseDouble(padded, 3, 3 + s.length()))).as(s).isEqualTo(bits);
    assertThat(Double.doubleToRawLongBits(AsciiNumbers.parseDouble("ab," + s + ",cd", 3, 3 + s.length()))).as(s)
        .isEqualTo(bits);
  }
}
