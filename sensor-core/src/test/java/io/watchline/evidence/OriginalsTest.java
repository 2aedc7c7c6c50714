package io.watchline.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginalsTest {
  @TempDir Path dir;

  @Test
  void anOriginalIsFoundByHashWhereverItMovedAndAnAlteredOneIsRefusedByName() throws Exception {
    Path feed = Files.createDirectories(dir.resolve("feeds")).resolve("radar.ndjson");
    Files.writeString(feed, "{\"t\":\"2026-11-27T23:00:00Z\"}\n");
    String sha = FileHash.of(feed).sha256();
    Path runDir = Files.createDirectories(dir.resolve("run"));
    RunManifest.builder("fuse", List.of()).input("observations", "radar.ndjson", feed, FileHash.of(feed))
        .write(runDir.resolve("manifest.json"));
    RunManifest m = RunManifest.read(runDir.resolve("manifest.json"));
    // moved: found in the folder the investigator names
    Path moved = Files.createDirectories(dir.resolve("archive")).resolve("radar.ndjson");
    Files.move(feed, moved);
    assertThat(new Originals(List.of(dir.resolve("archive")), runDir, m).find("radar.ndjson", sha)).isEqualTo(moved.resolve(""));
    // altered: one byte differs, so it is not the original, and the message says which file was looked at
    byte[] b = Files.readAllBytes(moved);
    b[3] ^= 1;
    Files.write(moved, b);
    assertThatThrownBy(() -> new Originals(List.of(dir.resolve("archive")), runDir, m).find("radar.ndjson", sha))
        .hasMessageContaining("no original of 'radar.ndjson' with sha256 " + sha)
        .hasMessageContaining("differing: " + moved + " (sha256 " + FileHash.of(moved).sha256() + ")");
  }
}
