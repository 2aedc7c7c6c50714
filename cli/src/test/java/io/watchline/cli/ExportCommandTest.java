package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
  @TempDir Path dir;
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  PrintStream savedErr;

  @BeforeEach
  void captureStderr() {
    savedErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStderr() {
    System.setErr(savedErr);
  }

  Path input() throws Exception {
    return Files.write(dir.resolve("in.ndjson"), List.of(
        "{\"id\":\"INC-1\",\"start\":\"2026-11-27T23:10:00Z\",\"end\":\"2026-11-27T23:12:00Z\",\"lat\":42.07,\"lon\":19.33,"
            + "\"kind\":\"crossing\",\"score\":0.9,\"track\":[[19.33,42.07,\"2026-11-27T23:10:00Z\"],[19.34,42.08,\"2026-11-27T23:12:00Z\"]],\"evidence\":[]}",
        "{broken",
        "{\"t\":\"2026-11-27T23:14:05.250Z\",\"kind\":\"patrol\",\"unit\":\"P-1\",\"lat\":42.2,\"lon\":19.5}"));
  }

  @Test
  void writesGeoJsonAndRejectsAndCountsThem() throws Exception {
    Path out = dir.resolve("o/out.geojson");
    Path rej = dir.resolve("o/rejects.ndjson");
    int code = Main.run("export", input().toString(), "-f", "geojson", "-o", out.toString(), "--rejects", rej.toString());
    assertThat(code).isEqualTo(ExitCode.OK);
    JsonNode fc = new ObjectMapper().readTree(out.toFile());
    assertThat(fc.get("features")).hasSize(3); // incident, its track, the patrol fix
    JsonNode reject = new ObjectMapper().readTree(Files.readAllLines(rej).get(0));
    assertThat(reject.get("src").get("line").asInt()).isEqualTo(2);
    assertThat(reject.get("reason").asText()).startsWith("invalid JSON");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("read 3 = accepted 2 + rejected 1");
    assertThat(Files.list(out.getParent())).hasSize(2); // no temporary file left behind
  }

  @Test
  void tooManyBadLinesExitThreeButKeepTheGoodRecords() throws Exception {
    Path out = dir.resolve("out.csv");
    int code = Main.run("export", input().toString(), "-f", "csv", "-o", out.toString(), "--max-bad", "0");
    assertThat(code).isEqualTo(ExitCode.TOO_MANY_BAD);
    assertThat(Files.readAllLines(out)).hasSize(3);
    // With an output file the reject goes next to it, and stderr says how many and where.
    assertThat(Files.readAllLines(Path.of(out + ".rejects.ndjson"))).hasSize(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("export: rejected 1 (invalid JSON")
        .contains("written to " + out + ".rejects.ndjson");
  }

  @Test
  void geoPackageToStdoutIsAUsageErrorInOneLine() throws Exception {
    int code = Main.run("export", input().toString(), "-f", "gpkg");
    assertThat(code).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8).trim())
        .isEqualTo("watchline: a GeoPackage is a database file and cannot go to stdout: add -o NAME.gpkg");
  }

  @Test
  void geoPackageGoesToAFile() throws Exception {
    Path out = dir.resolve("night.gpkg");
    assertThat(Main.run("export", input().toString(), "-f", "gpkg", "-o", out.toString(), "-q")).isZero();
    assertThat(Files.size(out)).isGreaterThan(10_000);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("in.ndjson", "night.gpkg",
          "night.gpkg.rejects.ndjson");
    }
  }

  @Test
  void missingInputSaysWhatToDo() {
    int code = Main.run("export", dir.resolve("nope.ndjson").toString(), "-f", "kml");
    assertThat(code).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file").contains("or - for stdin");
  }

  @Test
  void unknownFormatListsTheFormats() throws Exception {
    int code = Main.run("export", input().toString(), "-f", "shp");
    assertThat(code).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).containsIgnoringCase("geojson").containsIgnoringCase("cot").contains("export --help");
  }
}
