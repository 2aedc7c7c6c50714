package io.watchline.ndjson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path of {@link IsoTime#parse} must agree with java.time on every text, good or bad. */
class IsoTimeParseTest {

  @Test
  void agreesWithJavaTimeOnRandomDateTimesOffsetsAndFractions() {
    Random rnd = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      int y = 1900 + rnd.nextInt(250);
      int mo = 1 + rnd.nextInt(12);
      int d = 1 + rnd.nextInt(31);
      String frac = switch (rnd.nextInt(4)) {
        case 0 -> "";
        case 1 -> ".";
        default -> "." + String.valueOf(rnd.nextLong() & Long.MAX_VALUE).substring(0, 1 + rnd.nextInt(10));
      };
      String zone = switch (rnd.nextInt(5)) {
        case 0 -> "Z";
        case 1 -> String.format(Locale.ROOT, "+%02d:%02d", rnd.nextInt(20), rnd.nextInt(61));
        case 2 -> String.format(Locale.ROOT, "-%02d:%02d", rnd.nextInt(19), rnd.nextInt(60));
        case 3 -> "";
        default -> "z";
      };
      String text = String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d%s%s", y, mo, d, rnd.nextInt(25),
          rnd.nextInt(61), rnd.nextInt(61), frac, zone);
      assertSameAsJavaTime(text);
    }
  }

  @Test
  void agreesOnEdgeCases() {
    for (String text : List.of("2024-02-29T23:59:59.999999999Z", "2023-02-29T00:00:00Z", "2026-11-27T22:00:00Z",
        "2026-11-27T22:00:00.250Z", "2026-11-27T22:00:00.2500000001Z", "2026-11-27T22:00Z",
        "2026-11-27T22:00:00+18:00", "2026-11-27T22:00:00+18:01", "2026-11-27t22:00:00Z", "2026-11-27 22:00:00Z",
        "2026-11-27T22:00:00.Z", "2026-11-27T22:00:00+0100", "2026-11-27T22:00:00+01:00:30", "", "garbage",
        "+12026-11-27T22:00:00Z", "0000-01-01T00:00:00Z", "2026-11-27T22:00:00.123-00:00")) {
      assertSameAsJavaTime(text);
    }
  }

  private static void assertSameAsJavaTime(String text) {
    Instant expected;
    try {
      expected = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      assertThrows(DateTimeParseException.class, () -> IsoTime.parse(text), text);
      return;
    }
    assertEquals(expected, IsoTime.parse(text), text);
  }
}
