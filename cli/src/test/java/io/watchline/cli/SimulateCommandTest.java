package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  @TempDir Path tmp;

  static final List<String> FILES = List.of("radar.ndjson", "thermal.ndjson", "patrol.ndjson", "status.ndjson", "truth.ndjson",
      "truth-patrols.ndjson", "scenario.json", "sites.yaml");

  static String[] shortNight(Path out, String seed) {
    return new String[] {"simulate", "--seed", seed, "--from", "23:00", "--to", "00:30", "--output-dir", out.toString()};
  }

  @Test
  void sameSeedWritesByteIdenticalFeedsAndTruth() throws IOException {
    assertThat(Main.run(shortNight(tmp.resolve("a"), "7"))).isZero();
    assertThat(Main.run(shortNight(tmp.resolve("b"), "7"))).isZero();
    for (String f : FILES) {
      assertThat(Files.readAllBytes(tmp.resolve("a").resolve(f))).as(f).isNotEmpty()
          .isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(f)));
    }
    String truth = Files.readString(tmp.resolve("a/truth.ndjson"));
    assertThat(truth).contains("\"kind\":\"crossing\"").contains("\"side\":\"ALB→MNE\"");
    try (var files = Files.list(tmp.resolve("a"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(FILES);
    }
  }

  @Test
  void scaleWritesExactlyThatManyObservations() throws IOException {
    assertThat(Main.run("simulate", "--scale", "30000", "--output-dir", tmp.toString())).isZero();
    long lines = 0;
    for (String f : List.of("radar.ndjson", "thermal.ndjson", "patrol.ndjson")) {
      try (var l = Files.lines(tmp.resolve(f))) {
        lines += l.count();
      }
    }
    assertThat(lines).isEqualTo(30_000);
    assertThat(Files.readString(tmp.resolve("scenario.json"))).contains("\"max_observations\" : 30000");
  }

  @Test
  void userMistakesAreOneLineUsageErrors() {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run("simulate", "--output-dir", tmp.toString(), "--sites", tmp.resolve("missing.yaml").toString())).isEqualTo(2);
      assertThat(Main.run("simulate", "--output-dir", tmp.toString(), "--sides", "ALB")).isEqualTo(2);
      assertThat(Main.run("simulate", "--output-dir", tmp.toString(), "--crossings", "-1")).isEqualTo(2);
      assertThat(Main.run("simulate", "--output-dir", tmp.toString(), "--from", "25:00")).isEqualTo(2);
      assertThat(Main.run("simulate")).isEqualTo(2);
    } finally {
      System.setErr(old);
    }
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("--sites: no such file").contains("--sides takes two different names")
        .contains("--crossings must not be negative").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aCustomBorderNeedsNoBundledZonesAndNamesItsSides() throws IOException {
    Path border = tmp.resolve("line.geojson");
    // a short north-south line through the middle of the demo sites
    Files.writeString(border, "{\"type\":\"LineString\",\"coordinates\":[[19.50,42.60],[19.52,42.40],[19.50,42.20]]}");
    assertThat(Main.run("simulate", "--border", border.toString(), "--sides", "WEST,EAST", "--patrols", "none",
        "--from", "23:00", "--to", "00:00", "--output-dir", tmp.resolve("o").toString())).isZero();
    String truth = Files.readString(tmp.resolve("o/truth.ndjson"));
    assertThat(truth).containsPattern("\"side\":\"(WEST→EAST|EAST→WEST)\"").doesNotContain("MNE");
    assertThat(Files.size(tmp.resolve("o/patrol.ndjson"))).isZero();
  }

  @Test
  void realFormatsReadBackToTheSameObservationsPerKind() throws IOException {
    String[] window = {"--seed", "5", "--from", "23:00", "--to", "23:40"};
    Path canon = tmp.resolve("canon"), real = tmp.resolve("real");
    String[] a = new String[window.length + 3];
    System.arraycopy(window, 0, a, 1, window.length);
    a[0] = "simulate";
    a[window.length + 1] = "--output-dir";
    a[window.length + 2] = canon.toString();
    assertThat(Main.run(a)).isZero();
    assertThat(Main.run("simulate", "--seed", "5", "--from", "23:00", "--to", "23:40", "--formats", "real",
        "--patrol-format", "cot", "--output-dir", real.toString())).isZero();
    List<String> files;
    try (var l = Files.list(real)) {
      files = l.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(files).contains("radar-RDR-01.ast", "thermal-CAM-01.xml", "patrol-PATROL-11.cot", "truth.ndjson")
        .noneMatch(f -> f.equals("radar.ndjson"));
    // truth does not depend on the feed format
    assertThat(Files.readAllBytes(real.resolve("truth.ndjson"))).isEqualTo(Files.readAllBytes(canon.resolve("truth.ndjson")));
    Path sites = io.watchline.fixtures.FixtureData.copy(io.watchline.fixtures.FixtureData.DEMO_SITES, tmp.resolve("sites.yaml"));
    List<String> args = new java.util.ArrayList<>(List.of("ingest", "-q", "--date", "2026-11-27", "--sites", sites.toString(),
        "-o", tmp.resolve("obs.ndjson").toString()));
    files.stream().filter(f -> !f.startsWith("truth") && !f.equals("scenario.json") && !f.equals("sites.yaml")).forEach(f -> args.add(real.resolve(f).toString()));
    assertThat(Main.run(args.toArray(String[]::new))).isZero();
    for (String kind : List.of("radar", "thermal", "patrol")) {
      long back, original;
      try (var l = Files.lines(tmp.resolve("obs.ndjson"))) {
        back = l.filter(x -> x.contains("\"kind\":\"" + kind + "\"")).count();
      }
      try (var l = Files.lines(canon.resolve(kind + ".ndjson"))) {
        original = l.count();
      }
      assertThat(back).as(kind).isEqualTo(original).isPositive();
    }
  }
}
