package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoding each input on its own thread changes nothing: observations, rejects (with their
 * offsets, in the same order) and the summaries are byte-identical to a one-thread run, on real
 * feeds with bad records and on inputs many hand-over batches long.
 */
class IngestThreadsTest {
  @TempDir Path tmp;

  @Test
  void realFeedsGiveTheSameBytesOnOneThreadAndOnMany() throws Exception {
    List<String> feeds = List.of("nmea/garmin17n.log", "nmea/nmea-fuzzy-cases.log", "nmea/bt451.log",
        "gpx/korita-zbevnica.gpx", "gpx/around-visnjan-with-car.gpx", "cot/a-f-G-1581185498052.xml");
    List<String> paths = new ArrayList<>();
    for (String f : feeds) {
      paths.add(SampleFiles.fixture(f).toString());
    }
    compare(paths, "real");
  }

  @Test
  void longInputsWithRejectsEverywhereGiveTheSameBytes() throws Exception {
    List<String> paths = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 6000; i++) {
        int s = i * 2 + k;
        String t = String.format(java.util.Locale.ROOT, "%02d%02d%02d.00", (s / 3600) % 24, (s / 60) % 60, s % 60);
        String body = "GPRMC," + t + ",A,4230.000,N,01945.000,E,001.0,090.0,271126,,";
        b.append('$').append(body).append('*').append(String.format("%02X", checksum(body))).append('\n');
        if (i % 7 == k) {
          b.append("$GPRMC,garbage*00\n");
        }
        if (i % 1500 == 0) {
          b.append("not nmea at all ").append("x".repeat(i % 50)).append('\n');
        }
      }
      Path f = tmp.resolve("unit" + k + ".nmea");
      Files.writeString(f, b);
      paths.add(f.toString());
    }
    compare(paths, "long");
  }

  private static int checksum(String body) {
    int c = 0;
    for (char ch : body.toCharArray()) {
      c ^= ch;
    }
    return c;
  }

  private void compare(List<String> inputs, String name) throws Exception {
    String[] errs = new String[2];
    int[] codes = new int[2];
    for (int m = 0; m < 2; m++) {
      List<String> args = new ArrayList<>(List.of("ingest", "--sensor", "PATROL-1", "--out",
          tmp.resolve(name + m + ".ndjson").toString(), "--rejects", tmp.resolve(name + m + ".rejects.ndjson").toString()));
      if (m == 0) {
        args.add("--one-thread");
      }
      args.addAll(inputs);
      IngestCommandTest.Run r = IngestCommandTest.run(args.toArray(String[]::new));
      codes[m] = r.code();
      errs[m] = r.err().replace(name + m + ".", name + "N."); // the summary names the rejects file
    }
    assertThat(codes[1]).as(errs[1]).isEqualTo(codes[0]);
    assertThat(errs[1]).isEqualTo(errs[0]);
    byte[] one = Files.readAllBytes(tmp.resolve(name + "0.ndjson"));
    assertThat(one.length).as("observations written").isGreaterThan(1000);
    assertThat(Files.readAllBytes(tmp.resolve(name + "1.ndjson"))).isEqualTo(one);
    byte[] rejects = Files.readAllBytes(tmp.resolve(name + "0.rejects.ndjson"));
    assertThat(new String(rejects).lines().count()).as("rejects written").isGreaterThan(10);
    assertThat(Files.readAllBytes(tmp.resolve(name + "1.rejects.ndjson"))).isEqualTo(rejects);
  }
}
