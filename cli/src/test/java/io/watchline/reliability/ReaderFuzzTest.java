package io.watchline.reliability;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzz targets (Jazzer). In a normal build each runs once on its (empty) seed
 * inputs; {@code cli/fuzz} runs one target at a time with {@code JAZZER_FUZZ=1}, a time budget and
 * the real samples as corpus. The assertions are the same as the mutation fuzzer's.
 */
class ReaderFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void ndjson(byte[] data) {
    Subjects.byName("ndjson").check(data);
  }

  @FuzzTest(maxDuration = "30s")
  void sites(byte[] data) {
    Subjects.byName("sites").check(data);
  }

  @FuzzTest(maxDuration = "30s")
  void nmea(byte[] data) {
    Subjects.byName("nmea").check(data);
  }

  @FuzzTest(maxDuration = "30s")
  void gpx(byte[] data) {
    Subjects.byName("gpx").check(data);
  }

  @FuzzTest(maxDuration = "30s")
  void cot(byte[] data) {
    Subjects.byName("cot").check(data);
  }

  @FuzzTest(maxDuration = "30s")
  void geojson(byte[] data) {
    Subjects.byName("geojson").check(data);
  }

  @FuzzTest(maxDuration = "30s")
  void asterix(byte[] data) {
    Subjects.byName("asterix").check(data);
  }

  @FuzzTest(maxDuration = "30s")
  void onvif(byte[] data) {
    Subjects.byName("onvif").check(data);
  }

  @FuzzTest(maxDuration = "30s")
  void csv(byte[] data) {
    Subjects.byName("csv").check(data);
  }
}
