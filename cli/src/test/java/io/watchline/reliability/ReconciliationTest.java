package io.watchline.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchline.cli.Main;
import io.watchline.feed.Reject;
import io.watchline.sites.Site;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every record is accounted for, over every fixture and real sample, and over damaged copies of
 * them: read = accepted + rejected, per reader and through {@code watchline ingest}, whose rejects
 * file holds exactly {@code rejected} lines, each with a reason and a source offset inside the
 * input, and whose output holds exactly the emitted observations.
 */
class ReconciliationTest {
  @TempDir static Path tmp;
  static Path sitesFile;

  @BeforeAll
  static void writeSites() throws Exception {
    StringBuilder y = new StringBuilder("sites:\n");
    for (Site s : Targets.SITES.all()) {
      y.append("  - id: ").append(s.id()).append("\n    kind: ").append(s.kind().name().toLowerCase())
          .append("\n    lat: ").append(s.lat()).append("\n    lon: ").append(s.lon())
          .append("\n    azimuth_deg: ").append(s.azimuthDeg()).append("\n    fov_deg: ").append(s.fovDeg())
          .append("\n    range_max_m: ").append(s.rangeMaxM())
          .append("\n    clock_offset_ms: ").append(s.clockOffsetMs()).append('\n');
      if (s.hasAsterixId()) {
        y.append("    sac: ").append(s.sac()).append("\n    sic: ").append(s.sic()).append('\n');
      }
    }
    sitesFile = Files.writeString(tmp.resolve("sites.yaml"), y);
  }

  static List<Arguments> inputs() {
    List<Arguments> out = new ArrayList<>();
    for (FeedTarget t : Targets.all()) {
      List<Path> seeds;
      try {
        seeds = t.seeds().get();
      } catch (TestAbortedException samplesAbsent) {
        // Samples that may not be copied are absent here: one case that skips, saying why.
        out.add(Arguments.of(t.name() + " (samples absent)", t, null, false));
        continue;
      }
      for (Path p : seeds) {
        out.add(Arguments.of(t.name() + " " + p.getFileName(), t, p, false));
      }
      // One damaged copy of each reader's first sample too (only in the temporary folder: the
      // ASTERIX samples may not be copied into the repository).
      out.add(Arguments.of(t.name() + " damaged", t, seeds.get(0), true));
    }
    return out;
  }

  static final Pattern SUMMARY = Pattern.compile(
      ": read (\\d+) = accepted (\\d+) \\(observations (\\d+).*\\) \\+ rejected (\\d+)");

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void everyRecordIsAccountedFor(String name, FeedTarget target, Path sample, boolean damaged) throws Exception {
    if (sample == null) {
      target.seeds().get(); // skips the test with the reason
      throw new IllegalStateException("samples were absent when the cases were listed");
    }
    Path input = sample;
    if (damaged) {
      byte[] b = Samples.bytes(sample);
      b = b.length > 256 * 1024 ? java.util.Arrays.copyOf(b, 256 * 1024) : b;
      input = tmp.resolve("damaged-" + sample.getFileName());
      Files.write(input, new Mutator(new Random(name.hashCode())).mutate(b, List.of(b)));
    }
    byte[] data = Files.readAllBytes(input);

    // The reader on its own.
    FeedRun run = FeedRun.read(target, data);
    run.assertInvariants(target, data);

    // The same file through the command, as an operator runs it.
    Path out = tmp.resolve(name.replace(' ', '_') + ".ndjson");
    Path rejects = tmp.resolve(name.replace(' ', '_') + ".rejects.ndjson");
    StringWriter err = new StringWriter();
    var cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    List<String> args = new ArrayList<>(List.of("ingest", input.toString(), "--input-format", target.name(),
        "--date", "2016-05-05", "--sites", sitesFile.toString(), "-o", out.toString(), "--rejects", rejects.toString()));
    if (target == Targets.COT) {
      args.add("--all-cot-types");
    }
    int exit = cl.execute(args.toArray(String[]::new));
    if (exit == 1 && err.toString().startsWith("watchline: ")) {
      // A whole-file verdict (damaged beyond recognition): reported in one line, nothing counted.
      assertThat(err.toString().strip()).doesNotContain("\n").doesNotContain("internal error");
      assertThat(run.observations()).isEmpty();
      return;
    }
    Matcher m = SUMMARY.matcher(err.toString());
    assertThat(m.find()).as("summary line in: " + err).isTrue();
    long read = Long.parseLong(m.group(1));
    long accepted = Long.parseLong(m.group(2));
    // A damaged copy may lose every record: that run read nothing usable and says so with exit 3.
    assertThat(exit).as(err.toString()).isEqualTo(accepted == 0 ? io.watchline.cli.ExitCode.NOTHING_USABLE : 0);
    long emitted = Long.parseLong(m.group(3));
    long rejected = Long.parseLong(m.group(4));
    assertThat(read).isEqualTo(accepted + rejected);
    assertThat(new long[] {read, emitted, rejected})
        .as("the command counts what the reader counts")
        .containsExactly(run.stats().read(), run.stats().emittedCount(), run.stats().rejectedCount());
    assertThat(Files.readAllLines(out)).hasSize((int) emitted);

    // The rejects file exists exactly when something was rejected (no empty file is left).
    assertThat(Files.exists(rejects)).as("rejects file").isEqualTo(rejected > 0);
    List<String> rejectLines = rejected > 0 ? Files.readAllLines(rejects) : List.of();
    assertThat(rejectLines).hasSize((int) rejected);
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < rejectLines.size(); i++) {
      JsonNode r = json.readTree(rejectLines.get(i));
      assertThat(r.path("reason").asText()).as("reason of reject %d", i).isNotBlank();
      assertThat(r.path("src").path("file").asText()).isEqualTo(input.toString());
      assertThat(r.path("src").path("offset").asLong(-1)).as("offset of reject %d", i).isBetween(0L, (long) data.length);
      Reject direct = run.rejects().get(i);
      assertThat(r.path("src").path("offset").asLong()).isEqualTo(direct.src().offset());
    }
    // What ingest wrote is what fuse will read: all of it must read back without a reject.
    FeedRun back = FeedRun.read(Targets.NDJSON, Files.readAllBytes(out));
    assertThat(back.rejects()).isEmpty();
    assertThat(back.observations()).hasSize((int) emitted);
  }
}
