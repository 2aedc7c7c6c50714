package io.watchline.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.evidence.FileHash;
import io.watchline.evidence.RunManifest;
import io.watchline.fixtures.FixtureData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A file run with --manifest records what fuse's manifest records: inputs and outputs by SHA-256, the settings, the engine. */
@ExtendWith(SharedMiniCluster.class)
class FlinkRunManifestTest {
  @TempDir Path dir;

  @Test
  void aFileRunWritesAManifestOfItsInputsOutputsAndEngine() throws Exception {
    Path border = FixtureData.copy(FixtureData.BORDER_MNE_ALB, dir.resolve("border.geojson"));
    Path sites = FixtureData.copy(FixtureData.DEMO_SITES, dir.resolve("sites.yaml"));
    List<String> lines = new ArrayList<>(Files.readAllLines(FixtureData.copy("demo/night/radar.ndjson", dir.resolve("all.ndjson"))).subList(0, 2_000));
    lines.add(100, "{\"t\":\"not a time\",\"kind\":\"radar\"}");
    Path radar = Files.write(dir.resolve("radar.ndjson"), lines);
    Path out = dir.resolve("out/incidents.ndjson");
    Path manifestFile = dir.resolve("out/manifest.json");
    JobArgs a = JobArgs.parse(new String[] {radar.toString(), "--border", border.toString(), "--sites", sites.toString(),
        "--parallelism", "2", "--regions", "3", "-o", out.toString(), "--manifest", manifestFile.toString(), "-q"});
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(a.parallelism);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = FuseJob.run(env, a, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();

    RunManifest m = RunManifest.read(manifestFile);
    assertThat(m.command()).isEqualTo("fuse");
    assertThat(m.input("observations").sha256()).isEqualTo(FileHash.of(radar).sha256());
    assertThat(m.input("border").sha256()).isEqualTo(FileHash.of(border).sha256());
    assertThat(m.input("sites").sha256()).isEqualTo(FileHash.of(sites).sha256());
    Path rejects = dir.resolve("out/incidents.ndjson.rejects.ndjson");
    assertThat(Files.readString(rejects)).contains("\"line\":101");
    assertThat(m.outputs()).extracting(RunManifest.Entry::role).containsExactlyInAnyOrder("incidents", "rejects");
    for (RunManifest.Entry e : m.outputs()) {
      Path p = e.role().equals("incidents") ? out : rejects;
      assertThat(e.sha256()).as(e.role()).isEqualTo(FileHash.of(p).sha256());
    }
    assertThat(m.parameters().get("engine").asText()).isEqualTo("flink");
    assertThat(m.parameters().get("flink.parallelism").asInt()).isEqualTo(2);
    assertThat(m.parameters().get("flink.regions").asInt()).isEqualTo(3);
    assertThat(m.parameters().get("fusion.reorder_window_ms").asLong()).isEqualTo(a.reorderWindowMs);
    assertThat(m.clockOffsets().size()).isPositive();
  }
}
