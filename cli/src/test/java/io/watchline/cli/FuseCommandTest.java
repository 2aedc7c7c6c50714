package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FuseCommandTest {
  @TempDir Path dir;

  static final String BORDER = "{\"type\":\"Feature\",\"properties\":{\"side_left\":\"MNE\",\"side_right\":\"ALB\",\"left\":\"MNE\",\"right\":\"ALB\"},"
      + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[19.0,42.0],[19.1,42.0],[19.2,42.0]]}}";
  static final String SITES = "sites:\n  - id: RDR-1\n    kind: radar\n    lat: 42.03\n    lon: 19.1\n    height_m: 8\n    azimuth_deg: 180\n    fov_deg: 360\n    range_min_m: 50\n    range_max_m: 12000\n";

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    java.io.PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = cl.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(old);
    }
  }

  /** A walker going south over the border (radar lat/lon plots every 2 s) and a patrol going the same way with GPS. */
  Path night(boolean withPatrolGps) throws Exception {
    Random rnd = new Random(9);
    long t0 = Instant.parse("2026-11-27T23:00:00Z").toEpochMilli();
    List<String> radar = new ArrayList<>(), patrol = new ArrayList<>();
    for (int s = 0; s <= 800; s += 2) {
      double lat = 42.005 - 1.3 * s / 111_195.0 + rnd.nextGaussian() * 10 / 111_195.0;
      radar.add(line(t0 + s * 1000L, "radar", "RDR-1", lat, 19.05, null));
      double plat = 42.005 - 1.2 * s / 111_195.0 + rnd.nextGaussian() * 10 / 111_195.0;
      radar.add(line(t0 + s * 1000L + 10, "radar", "RDR-1", plat, 19.15, null));
      if (s % 10 == 0) patrol.add(line(t0 + s * 1000L + 500, "patrol", "GPS-3", 42.005 - 1.2 * s / 111_195.0, 19.15, "PATROL-3"));
    }
    Files.write(dir.resolve("radar.ndjson"), radar);
    if (withPatrolGps) Files.write(dir.resolve("patrol.ndjson"), patrol);
    Files.writeString(dir.resolve("border.geojson"), BORDER);
    Files.writeString(dir.resolve("sites.yaml"), SITES);
    return dir;
  }

  static String line(long t, String kind, String sensor, double lat, double lon, String unit) {
    return String.format(Locale.ROOT, "{\"t\":\"%s\",\"kind\":\"%s\",\"sensor\":\"%s\",\"lat\":%.7f,\"lon\":%.7f%s}",
        Instant.ofEpochMilli(t), kind, sensor, lat, lon, unit == null ? "" : ",\"unit\":\"" + unit + "\"");
  }

  @Test
  void flinkEngineWithoutItsJobJarSaysHowToBuildItAndExits2() throws Exception {
    night(false);
    String[] args = {"fuse", dir.resolve("radar.ndjson").toString(), "--border", dir.resolve("border.geojson").toString(),
        "--sites", dir.resolve("sites.yaml").toString(), "--engine", "flink", "--parallelism", "2",
        "-o", dir.resolve("incidents.ndjson").toString()};
    System.setProperty(FlinkEngine.JAR_PROPERTY, dir.resolve("no-such-job.jar").toString());
    try {
      Run r = run(args);
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("--engine flink needs the job jar").contains(FlinkEngine.BUILD).doesNotContain("Exception");
      assertThat(dir.resolve("incidents.ndjson")).doesNotExist();
    } finally {
      System.clearProperty(FlinkEngine.JAR_PROPERTY);
    }
    Run bad = run("fuse", dir.resolve("radar.ndjson").toString(), "--border", dir.resolve("border.geojson").toString(),
        "--sites", dir.resolve("sites.yaml").toString(), "--engine", "spark");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--engine must be embedded or flink");
    // the job does not raise welfare incidents: refused rather than silently ignored
    Run welfare = run("fuse", dir.resolve("radar.ndjson").toString(), "--border", dir.resolve("border.geojson").toString(),
        "--sites", dir.resolve("sites.yaml").toString(), "--engine", "flink", "--water", dir.resolve("border.geojson").toString());
    assertThat(welfare.code()).isEqualTo(2);
    assertThat(welfare.err()).contains("--engine flink does not raise welfare incidents yet").doesNotContain("Exception");
  }

  @Test
  void fusesFilesIntoOneCrossingAndSuppressesThePatrol() throws Exception {
    night(true);
    Run r = run("fuse", dir.resolve("radar.ndjson").toString(), dir.resolve("patrol.ndjson").toString(),
        "--border", dir.resolve("border.geojson").toString(), "--sites", dir.resolve("sites.yaml").toString(),
        "--tracks", dir.resolve("tracks.ndjson").toString(), "-o", dir.resolve("incidents.ndjson").toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(dir.resolve("incidents.ndjson"));
    assertThat(lines).hasSize(1);
    JsonNode i = new ObjectMapper().readTree(lines.get(0));
    assertThat(i.get("id").asText()).isEqualTo("INC-20261127-0001");
    assertThat(i.get("kind").asText()).isEqualTo("crossing");
    assertThat(i.get("side").asText()).isEqualTo("MNE→ALB");
    assertThat(i.get("lon").asDouble()).isBetween(19.049, 19.051);
    assertThat(i.get("evidence").get(0).get("file").asText()).endsWith("radar.ndjson");
    assertThat(i.get("factors").get("explain").asText()).contains("crossing seen");
    List<String> tracks = Files.readAllLines(dir.resolve("tracks.ndjson"));
    assertThat(tracks).anyMatch(t -> t.contains("\"label\":\"patrol\"") && t.contains("\"patrol_unit\":\"PATROL-3\""));
    assertThat(r.err()).contains("radar.ndjson (ndjson): read 802 = accepted 802");

    Run again = run("fuse", dir.resolve("radar.ndjson").toString(), dir.resolve("patrol.ndjson").toString(),
        "--border", dir.resolve("border.geojson").toString(), "--sites", dir.resolve("sites.yaml").toString(), "-f", "geojson");
    JsonNode fc = new ObjectMapper().readTree(again.out());
    assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(fc.get("features").get(0).get("properties").get("id").asText()).isEqualTo("INC-20261127-0001");
    assertThat(fc.get("features").get(1).get("geometry").get("type").asText()).isEqualTo("LineString");
  }

  @Test
  void withoutThePatrolGpsThePatrolIsASecondCrossing() throws Exception {
    night(false);
    Run r = run("fuse", dir.resolve("radar.ndjson").toString(), "--border", dir.resolve("border.geojson").toString(),
        "--sites", dir.resolve("sites.yaml").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).hasSize(2);
  }

  @Test
  void userMistakesAreOneLineWithExitCode2() throws Exception {
    night(true);
    Run missing = run("fuse", dir.resolve("nope.ndjson").toString(), "--border", dir.resolve("border.geojson").toString(),
        "--sites", dir.resolve("sites.yaml").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err().strip()).isEqualTo("watchline: no such file: " + dir.resolve("nope.ndjson"));
    Run to = run("fuse", "--border", dir.resolve("border.geojson").toString(), "--sites", dir.resolve("sites.yaml").toString(), "-f", "kml");
    assertThat(to.code()).isEqualTo(2);
    assertThat(to.err()).contains("--format must be ndjson or geojson").doesNotContain("Exception");
  }
}
