package io.watchline.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedFolderTest {
  @Test
  void swapReplacesTheOldFolderWhole(@TempDir Path dir) throws IOException {
    Path target = Files.createDirectories(dir.resolve("2026-11-28"));
    Files.writeString(target.resolve("old-only.txt"), "old");
    Path staging = Files.createDirectories(dir.resolve(".2026-11-28.tmp-1"));
    Files.writeString(staging.resolve("report.html"), "new");
    Path aside = dir.resolve(".2026-11-28.old-1");

    StagedFolder.swap(staging, target, aside);

    assertThat(target.resolve("report.html")).hasContent("new");
    assertThat(target.resolve("old-only.txt")).doesNotExist();
    assertThat(staging).doesNotExist();
    assertThat(aside).doesNotExist();
  }

  @Test
  void aFailedSwapPutsThePreviousFolderBack(@TempDir Path dir) throws IOException {
    Path target = Files.createDirectories(dir.resolve("out"));
    Files.writeString(target.resolve("gaps.geojson"), "previous");
    Path missing = dir.resolve(".out.staging-gone");

    assertThatThrownBy(() -> StagedFolder.swap(missing, target, dir.resolve(".out.aside")))
        .isInstanceOf(IOException.class);

    assertThat(target.resolve("gaps.geojson")).hasContent("previous");
    assertThat(dir.resolve(".out.aside")).doesNotExist();
  }

  @Test
  void publishWritesNothingUntilCalledAndCloseWithoutPublishLeavesTheOldFolder(@TempDir Path dir) throws IOException {
    Path out = Files.createDirectories(dir.resolve("gaps"));
    Files.writeString(out.resolve("map.png"), "old map");
    try (StagedFolder f = StagedFolder.create(out, Set.of("map.png"))) {
      Files.writeString(f.dir().resolve("map.png"), "new map");
      assertThat(out.resolve("map.png")).hasContent("old map");
    }
    assertThat(out.resolve("map.png")).hasContent("old map");
    try (StagedFolder f = StagedFolder.create(out, Set.of("map.png"))) {
      Files.writeString(f.dir().resolve("map.png"), "new map");
      f.publish();
    }
    assertThat(out.resolve("map.png")).hasContent("new map");
    try (var left = Files.list(dir)) {
      assertThat(left).containsExactly(out);
    }
  }
}
