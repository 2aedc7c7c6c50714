package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BorderAndSectorsCommandTest {
  static Path fixture(String rel) {
    return SampleFiles.fixture(rel);
  }

  @Test
  void borderThenSectorsOnNaturalEarth(@TempDir Path dir) throws Exception {
    Path border = dir.resolve("mne-alb.geojson");
    int code =
        Main.run(
            "border", "--between", fixture("borders/naturalearth-10m/MNE.geojson").toString(),
            fixture("borders/naturalearth-10m/ALB.geojson").toString(), "-o", border.toString());
    assertThat(code).isZero();
    JsonNode fc = new ObjectMapper().readTree(border.toFile());
    assertThat(fc.has("crs")).isFalse();
    JsonNode f = fc.get("features").get(0);
    assertThat(f.at("/properties/side_left").asText()).isEqualTo("ALB");
    assertThat(f.at("/properties/side_right").asText()).isEqualTo("MNE");
    assertThat(f.at("/geometry/type").asText()).isEqualTo("LineString");
    assertThat(f.at("/properties/length_m").asDouble()).isBetween(158_000.0, 160_000.0);
    // RFC 7946 order: [lon, lat]; the line starts at the Kosovo tripoint.
    assertThat(f.at("/geometry/coordinates/0/0").asDouble()).isCloseTo(20.065, org.assertj.core.api.Assertions.within(0.001));

    Path sectors = dir.resolve("sectors.geojson");
    code = Main.run("sectors", "--border", border.toString(), "--every", "10km", "--band", "5km", "-o", sectors.toString());
    assertThat(code).isZero();
    JsonNode sfc = new ObjectMapper().readTree(sectors.toFile());
    assertThat(sfc.get("features")).hasSize(16);
    JsonNode s1 = sfc.get("features").get(0);
    assertThat(s1.at("/properties/id").asText()).isEqualTo("S-01");
    assertThat(s1.at("/properties/border_length_m").asDouble()).isEqualTo(10_000.0);
    assertThat(s1.at("/properties/side_left").asText()).isEqualTo("ALB");
    assertThat(s1.at("/geometry/type").asText()).isIn("Polygon", "MultiPolygon");
  }

  @Test
  void userMistakesAreOneLineAndExitTwo(@TempDir Path dir) throws Exception {
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    var cl = Main.commandLine();
    var sw = new java.io.StringWriter();
    cl.setErr(new java.io.PrintWriter(sw));
    code = cl.execute("sectors", "--border", fixture("borders/naturalearth-10m/ALB.geojson").toString());
    assertThat(code).isEqualTo(2);
    assertThat(sw.toString().strip()).startsWith("watchline: ").contains("watchline border").doesNotContain("\n");

    sw.getBuffer().setLength(0);
    code = cl.execute("border", "--between", fixture("borders/naturalearth-10m/MNE.geojson").toString(),
        fixture("borders/naturalearth-10m/GRC.geojson").toString(), "-o", dir.resolve("x.geojson").toString());
    assertThat(code).isEqualTo(2);
    assertThat(sw.toString()).contains("share no border");
    assertThat(dir.resolve("x.geojson")).doesNotExist();
    System.setErr(oldErr);
    assertThat(err.size()).isZero();
  }

  /** Runs a command and returns exit code and standard error. */
  static String[] run(String... args) {
    var cl = Main.commandLine();
    var sw = new java.io.StringWriter();
    cl.setErr(new java.io.PrintWriter(sw));
    int code = cl.execute(args);
    return new String[] {String.valueOf(code), sw.toString()};
  }

  @Test
  void badBordersAndRepeatedSiteKeysExitTwoWithOneLine(@TempDir Path dir) throws Exception {
    Path fixtures = Path.of("../fixtures/data");
    String sites = fixtures.resolve("demo/sites.yaml").toString();
    // lat/lon swapped: in range and simple, but every sensor is ~3,000 km away
    JsonNode fc = new ObjectMapper().readTree(fixtures.resolve("borders/mne-alb.geojson").toFile());
    var coords = (com.fasterxml.jackson.databind.node.ArrayNode) fc.at("/features/0/geometry/coordinates");
    for (JsonNode p : coords) {
      var a = (com.fasterxml.jackson.databind.node.ArrayNode) p;
      JsonNode lon = a.get(0);
      a.set(0, a.get(1));
      a.set(1, lon);
    }
    Path swapped = dir.resolve("swapped.geojson");
    new ObjectMapper().writeValue(swapped.toFile(), fc);
    Path gaps = dir.resolve("gaps");
    String[] r = run("coverage", "--sites", sites, "--border", swapped.toString(), "--output-dir", gaps.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1].strip()).startsWith("watchline: " + swapped + ": all 16 sensors").contains("looks lat/lon swapped")
        .doesNotContain("\n").doesNotContain("Exception");
    assertThat(gaps).doesNotExist();
    r = run("fuse", "--sites", sites, "--border", swapped.toString(), "/dev/null");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).contains("looks lat/lon swapped");

    // a self-crossing border: refused by sectors before any cutting
    Path bowtie = dir.resolve("bowtie.wkt");
    Files.writeString(bowtie, "LINESTRING (19 42, 19.2 42.2, 19.2 42, 19 42.2)");
    r = run("sectors", "--border", bowtie.toString(), "-o", dir.resolve("s.geojson").toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1].strip()).isEqualTo("watchline: " + bowtie + ": the border touches or crosses itself at lon 19.100000"
        + " lat 42.100000; a border must be a simple line (fix the file, or derive it again with 'watchline border')");
    assertThat(dir.resolve("s.geojson")).doesNotExist();

    // 'lat' twice in sites.yaml: the second no longer moves the radar silently
    Path dup = dir.resolve("sites.yaml");
    Files.writeString(dup, Files.readString(Path.of(sites)).replaceFirst("(\\n    lat: 42\\.50043\\n)", "$1    lat: 10\n"));
    assertThat(Files.readString(dup)).contains("lat: 10");
    r = run("coverage", "--sites", dup.toString(), "--border", fixtures.resolve("borders/mne-alb.geojson").toString(),
        "--output-dir", gaps.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1].strip()).startsWith("watchline: " + dup + ": line 9: key 'lat' appears twice");
  }
}
