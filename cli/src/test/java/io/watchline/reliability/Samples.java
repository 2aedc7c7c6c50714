package io.watchline.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import io.watchline.cli.SampleFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Seed files and helpers to list them. Where they are is {@link SampleFiles}' business: the
 * repository's {@code fixtures/data}, and the samples that may not be copied, read in place. A
 * missing folder or an empty selection of repository files fails the test: a fuzzer without seeds
 * would pass while testing nothing.
 */
final class Samples {
  private Samples() {}

  static Path fixtures() {
    return SampleFiles.fixtures();
  }

  /**
   * Files of a folder that may not be copied into the repository ({@code feeds/asterix}, ...):
   * absent, the calling test is skipped (see {@link SampleFiles#restricted}).
   */
  static List<Path> restricted(String folder, String glob) {
    return files(SampleFiles.restricted(folder), glob);
  }

  /** The same for seeds the test can do without: absent, none (and one line saying so). */
  static List<Path> restrictedOrNone(String folder, String glob) {
    return SampleFiles.restrictedIfPresent(folder, "these seeds left out, the test runs on the others")
        .map(d -> files(d, glob)).orElse(List.of());
  }

  /** Regular files under {@code dir} whose name matches the glob, sorted; fails when none. */
  static List<Path> files(Path dir, String glob) {
    List<Path> out = filesOrNone(dir, glob);
    if (out.isEmpty()) {
      throw new IllegalStateException("no seed files " + glob + " under " + dir);
    }
    return out;
  }

  static List<Path> filesOrNone(Path dir, String glob) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    var m = dir.getFileSystem().getPathMatcher("glob:" + glob);
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(f -> m.matches(f.getFileName())).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SafeVarargs
  static List<Path> concat(List<Path>... lists) {
    List<Path> out = new ArrayList<>();
    for (List<Path> l : lists) {
      out.addAll(l);
    }
    return out;
  }

  static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
