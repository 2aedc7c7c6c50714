package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ingest} merges its inputs by time, so that {@code ingest a b c | fuse -} loses nothing. */
class IngestMergeTest {
  @TempDir Path dir;

  static final long T0 = Instant.parse("2026-11-27T23:00:00Z").toEpochMilli();
  static final Pattern TIME = Pattern.compile("\"t\":\"([^\"]+)\"");

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
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

  /**
   * Three time-sorted feeds over the same 20 minutes: radar every 2 s, thermal every 3 s at
   * random offsets, patrol every 10 s; radar and patrol share some instants (ties).
   */
  List<Path> feeds() throws Exception {
    Random rnd = new Random(3);
    List<String> radar = new ArrayList<>(), thermal = new ArrayList<>(), patrol = new ArrayList<>();
    for (int s = 0; s < 1200; s += 2) {
      radar.add(FuseCommandTest.line(T0 + s * 1000L, "radar", "RDR-1", 42.02, 19.05, null));
    }
    for (int s = 0; s < 1200; s += 3) {
      thermal.add(FuseCommandTest.line(T0 + s * 1000L + rnd.nextInt(1000), "radar", "RDR-1", 42.025, 19.12, null));
    }
    for (int s = 0; s < 1200; s += 10) {
      patrol.add(FuseCommandTest.line(T0 + s * 1000L, "patrol", "GPS-3", 42.01, 19.15, "PATROL-3"));
    }
    Files.write(dir.resolve("radar.ndjson"), radar);
    Files.write(dir.resolve("thermal.ndjson"), thermal);
    Files.write(dir.resolve("patrol.ndjson"), patrol);
    Files.writeString(dir.resolve("border.geojson"), FuseCommandTest.BORDER);
    Files.writeString(dir.resolve("sites.yaml"), FuseCommandTest.SITES);
    return List.of(dir.resolve("radar.ndjson"), dir.resolve("thermal.ndjson"), dir.resolve("patrol.ndjson"));
  }

  static long time(String line) {
    Matcher m = TIME.matcher(line);
    assertThat(m.find()).as(line).isTrue();
    return Instant.parse(m.group(1)).toEpochMilli();
  }

  Run ingest(List<Path> feeds, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("ingest"));
    feeds.forEach(f -> args.add(f.toString()));
    args.addAll(List.of("-o", out.toString()));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  @Test
  void mergesByTimeLosingNothingAndBreakingTiesByInputOrder() throws Exception {
    List<Path> feeds = feeds();
    Path out = dir.resolve("obs.ndjson");
    Run r = ingest(feeds, out);
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(600 + 400 + 120);
    for (int i = 1; i < lines.size(); i++) {
      assertThat(time(lines.get(i))).as("line %d", i + 1).isGreaterThanOrEqualTo(time(lines.get(i - 1)));
    }
    // At 23:00:00 radar, thermal (offset >= 0) and patrol can all fall on the same millisecond or
    // close to it; the radar record of each shared instant always comes before the patrol one.
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).contains("\"patrol\"") && time(lines.get(i)) % 2000 == 0) {
        int j = i - 1;
        while (!lines.get(j).contains("19.05")) j--;
        assertThat(time(lines.get(j))).as("line %d", i + 1).isEqualTo(time(lines.get(i)));
      }
    }
    // Summaries stay per input, in the order given.
    assertThat(r.err()).containsSubsequence("radar.ndjson (ndjson): read 600 = accepted 600",
        "thermal.ndjson (ndjson): read 400 = accepted 400", "patrol.ndjson (ndjson): read 120 = accepted 120");
  }

  @Test
  void orderInputKeepsTheOldConcatenation() throws Exception {
    List<Path> feeds = feeds();
    Path out = dir.resolve("obs.ndjson");
    Run r = ingest(feeds, out, "--order", "input");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> expected = new ArrayList<>();
    for (Path f : feeds) {
      for (String l : Files.readAllLines(f)) expected.add(time(l) + (l.contains("19.05") ? "r" : l.contains("19.12") ? "t" : "p"));
    }
    List<String> got = Files.readAllLines(out).stream()
        .map(l -> time(l) + (l.contains("19.05") ? "r" : l.contains("19.12") ? "t" : "p")).toList();
    assertThat(got).containsExactlyElementsOf(expected);
    assertThat(run("ingest", "--order", "random", feeds.get(0).toString()).code()).isEqualTo(2);
  }

  @Test
  void ingestThenFuseRejectsNothingAsLate() throws Exception {
    List<Path> feeds = feeds();
    Path merged = dir.resolve("merged.ndjson");
    assertThat(ingest(feeds, merged).code()).isZero();
    Run fused = fuse(merged);
    assertThat(fused.code()).as(fused.err()).isZero();
    assertThat(fused.err()).contains("merged.ndjson (ndjson): read 1120 = accepted 1120").doesNotContain("late");

    // The old order loses most of the later inputs in the same pipe: the test can tell them apart.
    Path concatenated = dir.resolve("concatenated.ndjson");
    assertThat(ingest(feeds, concatenated, "--order", "input").code()).isZero();
    Run lossy = fuse(concatenated);
    assertThat(lossy.err()).contains("late records");
  }

  Run fuse(Path obs) {
    return run("fuse", obs.toString(), "--border", dir.resolve("border.geojson").toString(),
        "--sites", dir.resolve("sites.yaml").toString(), "-o", dir.resolve(obs.getFileName() + ".incidents.ndjson").toString());
  }

  @Test
  void anUnreadableInputIsReportedAndTheOthersAreStillMerged() throws Exception {
    List<Path> feeds = feeds();
    Path out = dir.resolve("obs.ndjson");
    Run r = ingest(List.of(feeds.get(0), dir.resolve("missing.ndjson"), feeds.get(2)), out);
    assertThat(r.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.err()).contains("watchline: no such file: " + dir.resolve("missing.ndjson"));
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(600 + 120);
    for (int i = 1; i < lines.size(); i++) {
      assertThat(time(lines.get(i))).isGreaterThanOrEqualTo(time(lines.get(i - 1)));
    }
  }
}
