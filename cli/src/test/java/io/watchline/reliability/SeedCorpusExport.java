package io.watchline.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: {@code cli/fuzz} runs it to lay out the seed corpus of each coverage-guided target,
 * as symbolic links to the real samples (which are read in place, never copied into the
 * repository). A sample over {@value #MAX_SEED_BYTES} bytes is cut to that prefix instead, in the
 * corpus folder under {@code target/}: the fuzzer sizes every input by its largest seed, and a
 * 1 MB recording made each ASTERIX run take a second, for no more structure than its first blocks.
 */
class SeedCorpusExport {
  static final int MAX_SEED_BYTES = 64 * 1024;

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
        if (Files.size(seed) > MAX_SEED_BYTES) {
          try (var in = Files.newInputStream(seed)) {
            Files.write(link, in.readNBytes(MAX_SEED_BYTES));
          }
        } else {
          Files.createSymbolicLink(link, seed.toAbsolutePath());
        }
      }
      for (Path reg : Samples.filesOrNone(Samples.fixtures().resolve("fuzz-regressions").resolve(s.name()), "*")) {
        Path link = dir.resolve("regression-" + reg.getFileName());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, reg.toAbsolutePath());
      }
    }
  }
}
