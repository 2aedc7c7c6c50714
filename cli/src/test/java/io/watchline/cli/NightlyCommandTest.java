package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.cli.nightly.NightlyPipeline;
import io.watchline.cli.nightly.NightlyRun;
import io.watchline.cli.nightly.NightlyStep;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The nightly run over a small fixture night (Europe/Podgorica, window 27 Nov 18:00 – 28 Nov 08:00). */
class NightlyCommandTest {
  @TempDir Path dir;
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  PrintStream savedErr;

  @BeforeEach
  void setUp() throws IOException {
    savedErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    writeFixtureNight(dir);
  }

  @AfterEach
  void restore() {
    System.setErr(savedErr);
  }

  /**
   * Copies the fixture night (cli/src/test/resources/nightly) and the MNE-ALB border line into
   * {@code dir}. Local 18:00 in Podgorica on 27 Nov is 17:00Z; 08:00 on 28 Nov is 07:00Z.
   */
  static void writeFixtureNight(Path dir) throws IOException {
    Path src = Path.of("src/test/resources/nightly");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path p : files.toList()) {
        Path to = dir.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(to);
        else Files.copy(p, to);
      }
    }
    Files.copy(Path.of("../fixtures/data/borders/mne-alb.geojson"), dir.resolve("border.geojson"));
  }

  int nightly(List<NightlyStep> steps, String... extra) {
    CommandLine cl = Main.commandLine();
    NightlyCommand cmd = cl.getSubcommands().get("nightly").getCommand();
    if (steps != null) cmd.steps = steps;
    List<String> args = new ArrayList<>(List.of("nightly", "--config", dir.resolve("nightly.yaml").toString(), "--date", "2026-11-28"));
    args.addAll(List.of(extra));
    return cl.execute(args.toArray(String[]::new));
  }

  static Map<String, byte[]> snapshot(Path folder) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.list(folder)) {
      for (Path p : s.toList()) m.put(p.getFileName().toString(), Files.readAllBytes(p));
    }
    return m;
  }

  /** Drawn pixels (not the background, above the title band) span most of the width or of the height. */
  static void assertTheDataFillsTheFrame(java.awt.image.BufferedImage img) {
    int minX = img.getWidth(), maxX = -1, minY = img.getHeight(), maxY = -1;
    for (int y = 0; y < img.getHeight() - 40; y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xffffff) != 0xF7F7F2) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    double w = (maxX - minX) / (double) img.getWidth();
    double h = (maxY - minY) / (double) (img.getHeight() - 40);
    assertThat(Math.max(w, h)).as("share of the frame the data spans (%.2f wide, %.2f high)", w, h).isGreaterThan(0.85);
    assertThat(Math.min(w, h)).isGreaterThan(0.5);
  }

  @Test
  void writesTheDatedFolderWithEveryFile() throws Exception {
    assertThat(nightly(null)).isEqualTo(ExitCode.OK);
    Path out = dir.resolve("out/2026-11-28");
    assertThat(snapshot(out).keySet()).containsExactly(
        "gaps.geojson", "incidents.csv", "incidents.geojson", "incidents.ndjson", "manifest.json", "map.png", "rejects.ndjson",
        "report.html", "report.md", "sectors.csv", "sensors.csv");
    // fusion finds the radar track's crossing; the incident list adds the loiter of that night,
    // not the approach of the night before
    assertThat(Files.readAllLines(out.resolve("incidents.ndjson")))
        .extracting(l -> l.substring(7, 24)).containsExactly("INC-20261127-0001", "INC-20261128-0902");
    assertThat(Files.readAllLines(out.resolve("incidents.csv"))).hasSize(3);
    // the bad radar line is rejected with its line number
    assertThat(Files.readString(out.resolve("rejects.ndjson"))).contains("\"line\":19").contains("feeds/radar-east.ndjson");
    String md = Files.readString(out.resolve("report.md"));
    assertThat(md)
        .contains("Window 2026-11-27 18:00 – 2026-11-28 08:00 Europe/Podgorica (UTC 2026-11-27T17:00:00.000Z to 2026-11-28T07:00:00.000Z)")
        .contains("2 incident candidates (1 crossing, 0 approach, 1 loiter) from 18 observations in 3 sensor feeds")
        .contains("Silent sensors (in sites, neither an observation nor a sign of life in the window): RDR-09.")
        .contains("Feed patrol: no input file matched its globs.")
        // radar: 20 lines read, 1 rejected, 17 in window (start inclusive, end exclusive), 2 outside
        .contains("| radar | 1 | ndjson | 20 | 1 | 17 | 2 | 2026-11-27 18:00:00 – 2026-11-28 00:20:20 | RDR-01 | ok |")
        .contains("| 1 | INC-20261127-0001 | crossing | S-04 | MNE→ALB | 2026-11-28 00:14:05 | 2026-11-28 00:20:20 | 0.90 |"
            + " feeds/radar-east.ndjson:3@180; feeds/radar-east.ndjson:4@348; feeds/radar-east.ndjson:5@517 (+13 more) |")
        // 1.4 km off the line, nearest to the border 100.5 km along it: sector S-06 of the 20 km
        // sectors (S-05's polygon reaches over the bend, but the nearest piece decides)
        .contains("| 2 | INC-20261128-0902 | loiter | S-06 |");
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("<img id=\"map\"").contains("data:image/png;base64,").contains("<table id=\"incidents\">")
        .contains("<td class=\"kind-crossing\">crossing</td>").doesNotContain("<script");
    var img = ImageIO.read(out.resolve("map.png").toFile());
    assertThat(img.getWidth()).isEqualTo(1200);
    assertThat(img.getHeight()).isBetween(600, 1440);
    assertTheDataFillsTheFrame(img);
    assertThat(Files.readString(out.resolve("sectors.csv")).lines().findFirst().orElseThrow())
        .isEqualTo("sector,name,sides,border_km,incidents,crossing,approach,loiter,max_score,"
            + "uncovered_km,uncovered_pct,sensor_km,patrol_km,hours_uncovered,worst_revisit_h,unwatched_km_h,unwatched_utc,"
            + "no_terrain_km,gaps,incidents_in_gaps");
    // coverage ran (bare earth, no patrols): the radar and camera leave gaps elsewhere on the border
    var gaps = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("gaps.geojson").toFile()).get("features");
    assertThat(gaps.size()).isGreaterThan(0);
    assertThat(gaps.get(0).get("properties").get("gap").asText()).isEqualTo("GAP-001");
    assertThat(md).contains("| GAP-001 |").contains("coverage on bare earth: no DEM configured");
    // each sensor's up-time in the window, carried into the night archive per night
    List<String> sensors = Files.readAllLines(out.resolve("sensors.csv"));
    assertThat(sensors.get(0)).isEqualTo("sensor,up_pct,outages,outages_utc");
    assertThat(sensors).anyMatch(l -> l.startsWith("RDR-01,")).anyMatch(l -> l.startsWith("RDR-09,"));
    try (var a = io.watchline.analytics.archive.NightArchive.openExisting(dir.resolve("out/archive.duckdb"));
        var q = a.prepare("SELECT count(*), count(up_pct) FROM sensor_nights WHERE night = DATE '2026-11-28'");
        var rs = q.executeQuery()) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(sensors.size() - 1);
      assertThat(rs.getInt(2)).isPositive();
    }
    // nothing but the dated folder, the lock file and the night archive is left in the output root
    try (Stream<Path> s = Files.list(dir.resolve("out"))) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("2026-11-28", ".watchline-nightly.lock", "archive.duckdb");
    }
  }

  @Test
  void rerunningTheSameWindowGivesByteIdenticalFiles() throws Exception {
    assertThat(nightly(null)).isZero();
    Map<String, byte[]> first = snapshot(dir.resolve("out/2026-11-28"));
    assertThat(nightly(null)).isZero();
    Map<String, byte[]> second = snapshot(dir.resolve("out/2026-11-28"));
    assertThat(second.keySet()).isEqualTo(first.keySet());
    // the manifest records when each run happened; it lists the same hash for every other file
    first.remove("manifest.json");
    for (String name : first.keySet()) {
      assertThat(second.get(name)).as(name).isEqualTo(first.get(name));
    }
  }

  @Test
  void aFailingStepLeavesNoOutputFolderAndKeepsThePreviousOne() throws Exception {
    List<NightlyStep> failing = new ArrayList<>(NightlyPipeline.standard());
    failing.add(5, new NightlyStep() {
      @Override public String name() { return "exploding"; }
      @Override public void run(NightlyRun run) throws IOException { throw new IOException("disk full"); }
    });
    assertThat(nightly(failing)).isEqualTo(ExitCode.FAILURE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("watchline: step 'exploding' failed: disk full; nothing was published");
    try (Stream<Path> s = Files.list(dir.resolve("out"))) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly(".watchline-nightly.lock");
    }
    // a good run, then a failing rerun: the good folder stays as it was
    assertThat(nightly(null)).isZero();
    Map<String, byte[]> good = snapshot(dir.resolve("out/2026-11-28"));
    assertThat(nightly(failing)).isEqualTo(ExitCode.FAILURE);
    assertThat(snapshot(dir.resolve("out/2026-11-28"))).containsOnlyKeys(good.keySet());
    try (Stream<Path> s = Files.list(dir.resolve("out"))) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("2026-11-28", ".watchline-nightly.lock", "archive.duckdb");
    }
  }

  @Test
  void leftoversOfAKilledRunAreRemovedByTheNextRun() throws Exception {
    Path leftover = Files.createDirectories(dir.resolve("out/.2026-11-28.tmp-99999"));
    Files.writeString(leftover.resolve("report.md"), "half");
    assertThat(nightly(null)).isZero();
    assertThat(leftover).doesNotExist();
  }

  @Test
  void aSecondConcurrentRunIsRefusedWithExitCode4() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<NightlyStep> slow = new ArrayList<>(NightlyPipeline.standard());
    slow.add(1, new NightlyStep() {
      @Override public String name() { return "waiting"; }
      @Override public void run(NightlyRun run) throws IOException {
        inside.countDown();
        try {
          release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
      }
    });
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> first = pool.submit(() -> nightly(slow));
      assertThat(inside.await(20, TimeUnit.SECONDS)).isTrue();
      assertThat(nightly(null)).isEqualTo(ExitCode.LOCKED);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("watchline: another nightly run is writing to " + dir.resolve("out"))
          .contains("wait for it to finish");
      release.countDown();
      assertThat(first.get(30, TimeUnit.SECONDS)).isZero();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
    assertThat(dir.resolve("out/2026-11-28/report.html")).exists();
  }

  @Test
  void configMistakesAreOneLineUsageErrors() throws Exception {
    Files.writeString(dir.resolve("nightly.yaml"), "feeds: {radar: [a]}\nborder: border.geojson\noutput_root: out\nfail_on_silent_sensr: true\n");
    assertThat(nightly(null)).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8).trim().lines()).singleElement().asString()
        .startsWith("watchline: ").contains("unknown key 'fail_on_silent_sensr'").contains("fail_on_silent_sensor");
  }

  @Test
  void aRepeatedConfigKeyIsAUsageErrorNamingKeyAndLine() throws Exception {
    Files.writeString(dir.resolve("nightly.yaml"), "feeds: {radar: [a]}\nborder: border.geojson\noutput_root: out\nborder: other.geojson\n");
    assertThat(nightly(null)).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8).trim().lines()).singleElement().asString()
        .isEqualTo("watchline: " + dir.resolve("nightly.yaml") + ": line 4: key 'border' appears twice in the same mapping;"
            + " remove one (a repeated key would silently replace the first)");
  }

  @Test
  void failOnSilentSensorMakesTheRunFailButStillPublishes() throws Exception {
    Files.writeString(dir.resolve("nightly.yaml"), Files.readString(dir.resolve("nightly.yaml")) + "fail_on_silent_sensor: true\n");
    assertThat(nightly(null, "-q")).isEqualTo(ExitCode.FAILURE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("silent sensors: RDR-09").contains("fail_on_silent_sensor");
    assertThat(dir.resolve("out/2026-11-28/report.md")).exists();
  }

  @Test
  void explicitWindowNamesTheFolderByItsEnd() throws Exception {
    assertThat(nightly(null, "--window", "2026-11-27T23:00/2026-11-28T00:30")).isZero();
    Path out = dir.resolve("out/2026-11-28");
    assertThat(Files.readAllLines(out.resolve("incidents.ndjson"))).hasSize(1);
  }
}
