package io.watchline.fusion.welfare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeatherTest {
  @TempDir Path dir;

  static long t(String s) {
    return Instant.parse(s).toEpochMilli();
  }

  @Test
  void csvNearestPointThenNearestHour() throws Exception {
    Path f = dir.resolve("w.csv");
    Files.writeString(f, String.join("\n",
        "time,lat,lon,temperature_c,wind_kmh,precipitation_mm",
        "2026-11-27T22:00:00Z,42.0,19.0,-5,20,0",
        "2026-11-27T23:00:00Z,42.0,19.0,-7,25,1.5",
        "2026-11-27T23:00:00Z,42.5,19.5,3,5,",
        ""));
    Weather w = Weather.read(f);
    assertThat(w.size()).isEqualTo(3);
    Weather.Hour h = w.at(t("2026-11-27T22:50:00Z"), 42.05, 19.02);
    assertThat(h.temperatureC()).isEqualTo(-7);
    assertThat(h.precipitationMm()).isEqualTo(1.5);
    assertThat(h.windChillC()).isEqualTo(WindChill.celsius(-7, 25));
    assertThat(w.at(t("2026-11-27T23:10:00Z"), 42.45, 19.45).temperatureC()).isEqualTo(3);
    assertThat(w.at(t("2026-11-27T23:10:00Z"), 42.45, 19.45).precipitationMm()).isNaN();
    assertThat(w.at(t("2026-11-28T03:00:00Z"), 42.0, 19.0)).as("more than 90 min from every row").isNull();
  }

  @Test
  void jsonArrayAndLines() throws Exception {
    Path a = dir.resolve("a.json");
    Files.writeString(a, "[{\"time\":\"2026-11-27T22:00:00Z\",\"lat\":42,\"lon\":19,\"temperature_c\":-2,\"wind_kmh\":30}]");
    assertThat(Weather.read(a).at(t("2026-11-27T22:30:00Z"), 42, 19).windKmh()).isEqualTo(30);
    Path l = dir.resolve("l.json");
    Files.writeString(l, "{\"time\":\"2026-11-27T22:00:00Z\",\"lat\":42,\"lon\":19,\"temperature_c\":-2,\"wind_kmh\":30,\"precipitation_mm\":0.4}\n");
    assertThat(Weather.read(l).at(t("2026-11-27T22:00:00Z"), 42, 19).precipitationMm()).isEqualTo(0.4);
  }

  @Test
  void aBadRowNamesFileAndLine() throws Exception {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "time,lat,lon,temperature_c,wind_kmh\n2026-11-27T22:00:00Z,42,19,-5,20\nyesterday,42,19,cold,20\n");
    assertThatThrownBy(() -> Weather.read(f)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.csv:3");
    Path g = dir.resolve("nohead.csv");
    Files.writeString(g, "time,lat,lon,wind_kmh\n");
    assertThatThrownBy(() -> Weather.read(g)).hasMessageContaining("temperature_c");
  }
}
