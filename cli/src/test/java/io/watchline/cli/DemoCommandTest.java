package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.fixtures.FixtureData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {
  @TempDir Path tmp;

  @Test
  void demoWritesTheInputsAndTheNightAndSaysWhere() throws IOException {
    CommandLine cl = Main.commandLine();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    Path dir = tmp.resolve("demo");
    assertThat(cl.execute("demo", "--output-dir", dir.toString())).isZero();
    for (String f : new String[] {"inputs/mne-alb.geojson", "inputs/sites.yaml", "inputs/patrols.yaml"}) {
      assertThat(dir.resolve(f)).isNotEmptyFile();
    }
    // the demo's night is the committed one
    for (String f : FixtureData.DEMO_NIGHT_FILES) {
      try (InputStream in = FixtureData.open(FixtureData.DEMO_NIGHT + f)) {
        assertThat(Files.readAllBytes(dir.resolve("night").resolve(f))).as(f).isEqualTo(in.readAllBytes());
      }
    }
    assertThat(dir.resolve("incidents.ndjson")).isNotEmptyFile();
    assertThat(Files.readString(dir.resolve("incidents.geojson"))).contains("\"type\":\"FeatureCollection\"");
    assertThat(Files.readString(dir.resolve("evaluation.txt"))).contains("crossing").contains("recall");
    assertThat(dir.resolve("coverage/gaps.geojson")).isNotEmptyFile();
    assertThat(dir.resolve("coverage/map.png")).isNotEmptyFile();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains(dir.toAbsolutePath().toString()).contains("night/radar.ndjson");
  }

  @Test
  void everyStepHasANameAndSaysWhatItDoes() {
    assertThat(DemoCommand.STEPS).extracting(DemoCommand.Step::name).doesNotHaveDuplicates().startsWith("inputs", "night", "fuse", "evaluate", "export", "coverage");
    assertThat(DemoCommand.STEPS).allMatch(s -> !s.what().isBlank());
  }
}
