package io.watchline.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the seed files are: the shared real samples (read in place, never copied) and the
 * repository's {@code fixtures/data}. A missing folder or an empty selection fails the test: a
 * fuzzer without seeds would pass while testing nothing.
 */
final class Samples {
  private Samples() {}

  static Path realdata() {
    String p = System.getProperty("watchline.realdata");
    if (p == null) {
      throw new IllegalStateException("system property watchline.realdata is not set (run through Maven)");
    }
    Path dir = Path.of(p);
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("real sample data missing: " + dir.toAbsolutePath());
    }
    return dir;
  }

  /** The repository's fixtures/data folder (tests run with the module folder as working dir). */
  static Path fixtures() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path d = p.resolve("fixtures/data");
      if (Files.isDirectory(d) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("fixtures/data not found above " + here);
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
