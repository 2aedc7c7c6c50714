package io.watchline.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: {@code cli/fuzz} runs it to lay out the seed corpus of each coverage-guided target,
 * as symbolic links to the real samples (which are read in place, never copied).
 */
class SeedCorpusExport {
  @Test
  @EnabledIfSystemProperty(named = "watchline.fuzz.corpus", matches = ".+")
  void linkSeeds() throws Exception {
    Path root = Path.of(System.getProperty("watchline.fuzz.corpus"));
    for (FuzzSubject s : Subjects.all()) {
      Path dir = root.resolve(s.name());
      Files.createDirectories(dir);
      for (Path seed : s.seeds()) {
        Path link = dir.resolve("seed-" + seed.getFileName());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, seed.toAbsolutePath());
      }
      for (Path reg : Samples.filesOrNone(Samples.fixtures().resolve("fuzz-regressions").resolve(s.name()), "*")) {
        Path link = dir.resolve("regression-" + reg.getFileName());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, reg.toAbsolutePath());
      }
    }
  }
}
